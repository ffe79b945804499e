#!/usr/bin/env python3
"""Builds docs/ as a Wegweiser site: `make docs`.

    python3 docs/build_docs.py WEGWEISER [--work .build/docs-site] [--output .build/docs]

The pages stay plain Markdown in docs/ (readable on any Git host): each file's first line, `# Title`,
becomes its front matter, README.md the home page, site.yaml the settings. The build must have no
error and no warning — links between the pages and to their anchors are checked by every build.
"""
import argparse
import pathlib
import shutil
import subprocess
import sys

DOCS = pathlib.Path(__file__).resolve().parent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("wegweiser")
    parser.add_argument("--work", default=".build/docs-site")
    parser.add_argument("--output", default=".build/docs")
    args = parser.parse_args()
    work = pathlib.Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    (work / "content").mkdir(parents=True)
    shutil.copy(DOCS / "site.yaml", work / "site.yaml")
    for page in sorted(DOCS.glob("*.md")):
        first, _, body = page.read_text(encoding="utf-8").partition("\n")
        if not first.startswith("# "):
            sys.exit(f"{page.relative_to(DOCS.parent)}:1:1: error: a page of the docs starts with '# Title'")
        title = first[2:].strip().replace('"', '\\"')
        name = "_index.md" if page.name == "README.md" else page.name
        # /en/search/ is the site's search page.
        slug = "\nslug: searching" if page.name == "search.md" else ""
        # Three lines of front matter for the title line: line n of docs/x.md is line n + 2 here.
        (work / "content" / name).write_text(f'---\ntitle: "{title}"{slug}\n---\n{body}', encoding="utf-8")
    result = subprocess.run([args.wegweiser, "build", "--source", str(work), "--output", args.output,
                             "--now", "2026-01-01T00:00:00Z"], capture_output=True, text=True)
    problems = [shown(line, work) for line in result.stderr.splitlines() if ": warning: " in line or ": error: " in line]
    for line in problems:
        print(line, file=sys.stderr)
    lines = (result.stdout if result.returncode == 0 else result.stderr).strip().splitlines()
    print(lines[0] if result.returncode == 0 and lines else lines[-1] if lines else "no output", file=sys.stderr)
    if result.returncode != 0 or problems:
        sys.exit(1)


def shown(line, work):
    """A message about a generated file, pointed at its page in docs/."""
    prefix = str(work / "content") + "/"
    if not line.startswith(prefix):
        return line
    place, _, message = line[len(prefix):].partition(": ")
    name, _, rest = place.partition(":")
    line_number, _, column = rest.partition(":")
    if line_number.isdigit():
        offset = 3 if "slug: searching" in (work / "content" / name).read_text(encoding="utf-8") else 2
        rest = f"{max(1, int(line_number) - offset)}:{column}" if column else str(max(1, int(line_number) - offset))
    page = "README.md" if name == "_index.md" else name
    return f"docs/{page}:{rest}: {message}"


if __name__ == "__main__":
    main()
