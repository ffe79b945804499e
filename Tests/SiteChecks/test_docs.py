"""`make docs`: the documentation builds as a Wegweiser site with no warning and no broken link."""
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("WEGWEISER", ROOT / ".build" / "debug" / "wegweiser"))


def run(tmp_path, docs):
    return subprocess.run([sys.executable, str(docs / "build_docs.py"), str(BINARY), "--work", str(tmp_path / "site"),
                           "--output", str(tmp_path / "out")], capture_output=True, text=True)


def test_the_docs_build_without_a_warning(tmp_path):
    result = run(tmp_path, ROOT / "docs")
    assert result.returncode == 0, result.stderr
    pages = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out" / "en").glob("*/index.html"))
    for page in ["getting-started", "content", "configuration", "multilingual", "templates", "search", "deployment",
                 "migrating-from-hugo", "cli", "outputs", "accessibility"]:
        assert any(p.startswith(f"en/{page}/") for p in pages) or (page == "search" and "en/searching/index.html" in pages), page


def test_a_page_without_its_title_line_fails(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ["build_docs.py", "site.yaml"]:
        (docs / name).write_bytes((ROOT / "docs" / name).read_bytes())
    (docs / "README.md").write_text("# Docs\n", encoding="utf-8")
    (docs / "guide.md").write_text("Guide without a title.\n", encoding="utf-8")
    result = run(tmp_path, docs)
    assert result.returncode == 1
    assert "docs/guide.md:1:1: error: a page of the docs starts with '# Title'" in result.stderr, result.stderr


def test_a_broken_link_in_the_docs_fails_at_its_page_and_line(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ["build_docs.py", "site.yaml"]:
        (docs / name).write_bytes((ROOT / "docs" / name).read_bytes())
    (docs / "README.md").write_text("# Docs\n\nSee [the guide](guide.md#missing).\n", encoding="utf-8")
    (docs / "guide.md").write_text("# Guide\n\n## Present\n", encoding="utf-8")
    result = run(tmp_path, docs)
    assert result.returncode == 1
    assert "docs/README.md:3:5: error: the link 'guide.md#missing' leads to '#missing'" in result.stderr, result.stderr
