"""How long `wegweiser serve` takes from saving a Markdown file to the browser having the new page.

    python3 Benchmarks/serve_reload.py WEGWEISER_BINARY SITE_DIR [CONTENT_FILE URL_PATH] [--runs N] [--edit body|title]

Starts the server on a free port on a copy of SITE_DIR, listens to its reload events like the page's
script does, then N times: changes CONTENT_FILE (relative to the copy) — appends a marker to its body,
or with `--edit title` gives it a new title (which moves the page in its lists) —, waits for the
`reload` event and fetches URL_PATH until it shows the marker. Prints each time and the median.
Without CONTENT_FILE, the first German report of content/reports/ is edited (`make bench-serve`).
"""
import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("site")
    parser.add_argument("file", nargs="?")
    parser.add_argument("path", nargs="?")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--edit", choices=["body", "title"], default="body")
    args = parser.parse_args()
    if args.file is None:
        name = sorted(n for n in os.listdir(os.path.join(args.site, "content", "reports")) if n.endswith(".de.md") and not n.startswith("_"))[0]
        args.file = "content/reports/" + name
        args.path = "/de/reports/%s/" % name[:-len(".de.md")]
    work = tempfile.mkdtemp(prefix="wegweiser-reload-")
    site = os.path.join(work, "site")
    shutil.copytree(args.site, site, ignore=shutil.ignore_patterns("output", ".build", ".git"))
    server = subprocess.Popen([os.path.abspath(args.binary), "serve", "--source", site, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        address = None
        for line in server.stdout:
            if line.startswith("Serving"):
                address = line.split(" at ")[1].split()[0]
                break
        host, port = address.split("//")[1].strip("/").rsplit(":", 1)
        events = socket.create_connection((host, int(port)))
        events.sendall(b"GET /__wegweiser/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
        buffered = b""
        while b"connected" not in buffered:
            buffered += events.recv(4096)
        times = []
        for run in range(args.runs):
            marker = f"reload-marker-{run}-{time.time_ns()}"
            start = time.perf_counter()
            path = os.path.join(site, args.file)
            if args.edit == "body":
                with open(path, "a", encoding="utf-8") as handle:
                    handle.write(f"\n\n{marker}\n")
            else:
                with open(path, encoding="utf-8") as handle:
                    lines = handle.read().split("\n")
                title = next(i for i, line in enumerate(lines) if line.startswith("title:"))
                lines[title] = f"title: {marker}"
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write("\n".join(lines))
            buffered = b""
            while b"event: reload" not in buffered:
                buffered += events.recv(4096)
            while marker not in urllib.request.urlopen(address.rstrip("/") + args.path).read().decode():
                time.sleep(0.005)
            times.append((time.perf_counter() - start) * 1000)
            time.sleep(0.3)
        print(" ".join(f"{t:.0f}" for t in times), "ms")
        print(f"{args.edit} edit to reloaded page: median {statistics.median(times):.0f} ms, min {min(times):.0f}, max {max(times):.0f} ({args.runs} edits)")
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
