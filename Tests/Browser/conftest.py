"""The browser tier (`make test-browser`): the example site, built once, served over HTTP with a strict
Content-Security-Policy by a server that records every request and every CSP report, and visited
in headless Chromium (Debian's chromium + chromium-driver) through Selenium."""
import functools
import http.server
import json
import os
import pathlib
import shutil
import subprocess
import threading
import urllib.parse

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("WEGWEISER", ROOT / ".build" / "debug" / "wegweiser"))
NOW = "2026-11-26T12:00:00Z"
# What the test artefacts (screenshots, the audit's figures) are written to.
ARTIFACTS = pathlib.Path(os.environ.get("WEGWEISER_ARTIFACTS", ROOT / ".build" / "test-artifacts"))
# The policy of the issue, with a report address on the same server.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; "
       "report-uri /__csp-report")


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    output = tmp_path_factory.mktemp("browser-site") / "output"
    result = subprocess.run(
        [str(BINARY), "build", "--source", str(ROOT), "--output", str(output), "--now", NOW],
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return output


class Recorder:
    """What the server saw: every request path, and every CSP violation report."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests = []
        self.csp_reports = []

    def take(self):
        with self.lock:
            requests, reports = self.requests, self.csp_reports
            self.requests, self.csp_reports = [], []
        return requests, reports


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site as a static host would: the language's 404 page with status 404."""

    recorder = None

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def log_message(self, *args):
        pass

    def do_GET(self):
        with self.recorder.lock:
            self.recorder.requests.append(self.path)
        local = pathlib.Path(self.translate_path(self.path))
        if local.exists():
            return super().do_GET()
        language = urllib.parse.urlparse(self.path).path.strip("/").split("/")[0]
        page = pathlib.Path(self.directory) / language / "404.html"
        if not language or not page.exists():
            page = pathlib.Path(self.directory) / "404.html"
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        if self.path == "/__csp-report":
            with self.recorder.lock:
                self.recorder.csp_reports.append(body)
        self.send_response(204)
        self.end_headers()


@pytest.fixture(scope="session")
def server(site):
    recorder = Recorder()
    handler = type("Handler", (SiteHandler,), {"recorder": recorder})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", recorder)
    httpd.shutdown()


class Server:
    def __init__(self, origin, recorder):
        self.origin = origin
        self.recorder = recorder


# Collects the page's own CSP violation events before any of its scripts run (a DevTools script,
# which the page's policy does not govern).
WATCH_CSP = ("window.__cspViolations = [];"
             "document.addEventListener('securitypolicyviolation', function (e) {"
             "  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI); });")


@pytest.fixture(scope="session")
def browser():
    binary = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver_binary = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
    assert binary and driver_binary, "Chromium is missing; `make test` installs chromium and chromium-driver"
    options = Options()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                     "--disable-extensions", "--window-size=1280,900", "--force-prefers-reduced-motion"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(driver_binary))
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH_CSP})
    yield driver
    driver.quit()


def network_requests(driver):
    """The URLs the browser asked for since the last call (from Chromium's DevTools log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls
