"""How long `wegweiser serve` takes from saving a Markdown file to the browser having the new page.

    python3 Benchmarks/serve_reload.py WEGWEISER_BINARY SITE_DIR CONTENT_FILE URL_PATH [--runs N]

Starts the server on a free port on a copy of SITE_DIR, listens to its reload events like the page's
script does, then N times: appends a marker to CONTENT_FILE (relative to the copy), waits for the
`reload` event and fetches URL_PATH until it shows the marker. Prints each time and the median.
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
    parser.add_argument("file")
    parser.add_argument("path")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
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
            with open(os.path.join(site, args.file), "a", encoding="utf-8") as handle:
                handle.write(f"\n\n{marker}\n")
            buffered = b""
            while b"event: reload" not in buffered:
                buffered += events.recv(4096)
            while marker not in urllib.request.urlopen(address.rstrip("/") + args.path).read().decode():
                time.sleep(0.005)
            times.append((time.perf_counter() - start) * 1000)
            time.sleep(0.3)
        print(" ".join(f"{t:.0f}" for t in times), "ms")
        print(f"edit to reloaded page: median {statistics.median(times):.0f} ms, min {min(times):.0f}, max {max(times):.0f} ({args.runs} edits)")
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
