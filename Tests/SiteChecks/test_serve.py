"""`wegweiser serve` on a copy of the example site: pages and files over real HTTP, reloads after an
edit, the error overlay and recovery, requests outside the site, and an open page in headless
Chromium (driven by Selenium) that reloads by itself."""
import json
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BINARY, NOW, ROOT

SITE_PARTS = ["site.yaml", "content", "data", "i18n", "layouts", "static", "themes"]


class Server:
    """A running `wegweiser serve` and the site folder it serves."""

    def __init__(self, site, *flags):
        self.site = site
        self.process = subprocess.Popen(
            [str(BINARY), "serve", "--source", str(site), "--port", "0", "--now", NOW, *flags],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines = []
        for line in self.process.stdout:
            self.lines.append(line)
            if line.startswith("Serving"):
                self.url = line.split(" at ")[1].split()[0].rstrip("/")
                break
        else:
            raise AssertionError("the server did not start: " + self.process.stderr.read())
        self.host, port = self.url.split("//")[1].rsplit(":", 1)
        self.port = int(port)

    def get(self, path):
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as response:
                return response.status, response.headers.get("Content-Type"), response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Content-Type"), error.read().decode("utf-8", "replace")

    def raw(self, request_line):
        """The status of a request sent exactly as written, without a client's clean-up of the path."""
        with socket.create_connection((self.host, self.port), timeout=10) as connection:
            connection.sendall(f"{request_line}\r\nHost: {self.host}\r\nConnection: close\r\n\r\n".encode())
            reply = b""
            while chunk := connection.recv(65536):
                reply += chunk
        return int(reply.split(b" ", 2)[1]), reply

    def events(self):
        connection = socket.create_connection((self.host, self.port), timeout=15)
        connection.sendall(b"GET /__wegweiser/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
        received = b""
        while b"connected" not in received:
            received += connection.recv(4096)
        return connection

    def stop(self):
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=15)
        return code


def wait_for_reload(connection):
    received = b""
    while b"event: reload" not in received:
        received += connection.recv(4096)


def copy_site(target):
    target.mkdir(parents=True)
    for part in SITE_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        elif source.exists():
            shutil.copy(source, target / part)
    return target


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    site = copy_site(tmp_path_factory.mktemp("serve") / "site")
    running = Server(site)
    yield running
    assert running.stop() == 0, "Ctrl-C stops the server cleanly"


@pytest.mark.parametrize("path,status,content_type", [
    ("/", 200, "text/html; charset=utf-8"),
    ("/de/", 200, "text/html; charset=utf-8"),
    ("/ar/directory/", 200, "text/html; charset=utf-8"),
    ("/assets/wegweiser.css", 200, "text/css; charset=utf-8"),
    ("/assets/search.js", 200, "text/javascript; charset=utf-8"),
    ("/search/engine.mjs", 200, "text/javascript; charset=utf-8"),
    ("/de/search-index.json", 200, "application/json"),
    ("/sitemap.xml", 200, "application/xml; charset=utf-8"),
    ("/de/feed.xml", 200, "application/xml; charset=utf-8"),
    ("/de/events.ics", 200, "text/calendar; charset=utf-8"),
    ("/de/reports/burgenlandkreis/chart.svg", 200, "image/svg+xml"),
    ("/de/nowhere/", 404, "text/html; charset=utf-8"),
])
def test_serves_every_kind_of_file_with_its_type(server, path, status, content_type):
    got_status, got_type, body = server.get(path)
    assert (got_status, got_type) == (status, content_type)
    if content_type.startswith("text/html"):
        assert '<script src="/__wegweiser/reload.js"></script>' in body


def test_serves_a_vcard_and_the_404_page_of_the_language(server):
    vcard = next((ROOT / "output").glob("de/directory/*/*.vcf"), None) or next(server.site.glob("content/directory/*.de.md"))
    slug = vcard.stem.replace(".de", "")
    status, content_type, body = server.get(f"/de/directory/{slug}/{slug}.vcf")
    assert (status, content_type) == (200, "text/vcard; charset=utf-8")
    assert body.startswith("BEGIN:VCARD")
    status, _, body = server.get("/ar/nowhere/")
    assert status == 404 and 'lang="ar"' in body


@pytest.mark.parametrize("request_line,statuses", [
    ("GET /../site.yaml HTTP/1.1", {400}),
    ("GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1", {400}),
    ("GET /de/..%2f..%2fsite.yaml HTTP/1.1", {400}),
    ("GET /de/%2E%2E/%2E%2E/site.yaml HTTP/1.1", {400}),
    ("GET /etc/passwd HTTP/1.1", {404}),
    ("GET /content/impressum.de.md HTTP/1.1", {404}),
    ("POST /de/ HTTP/1.1", {405}),
    ("DELETE /de/ HTTP/1.1", {405}),
])
def test_refuses_what_is_not_a_page_of_the_site(server, request_line, statuses):
    status, reply = server.raw(request_line)
    assert status in statuses
    assert b"root:" not in reply and b"base_url" not in reply


def test_a_link_out_of_the_site_is_not_followed(server, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret")
    (server.site / "static").mkdir(exist_ok=True)
    (server.site / "static" / "secret.txt").symlink_to(secret)
    events = server.events()
    (server.site / "static" / "visible.txt").write_text("visible")
    wait_for_reload(events)
    assert server.get("/visible.txt")[0] == 200
    status, _, body = server.get("/secret.txt")
    assert status == 404 and "top secret" not in body


def test_an_edit_reloads_the_page_with_the_new_text(server):
    events = server.events()
    page = server.site / "content" / "impressum.de.md"
    page.write_text(page.read_text() + "\n\nGeändert beim Testen.\n")
    wait_for_reload(events)
    status, _, body = server.get("/de/impressum/")
    assert status == 200 and "Geändert beim Testen." in body
    line = next(line for line in server.process.stdout if "impressum.de.md" in line)
    assert "content/impressum.de.md changed →" in line and " pages in " in line and line.rstrip().endswith(" ms")


def test_a_broken_file_shows_the_errors_and_a_fix_brings_the_site_back(server):
    events = server.events()
    page = server.site / "content" / "datenschutz.de.md"
    original = page.read_text()
    page.write_text("---\ntitle: Datenschutz\ndate: 2026-02-30\n---\nText\n")
    wait_for_reload(events)
    status, content_type, body = server.get("/de/datenschutz/")
    assert status == 500 and content_type.startswith("text/html")
    assert "content/datenschutz.de.md:3:7:" in body and "not a valid date" in body
    assert '<script src="/__wegweiser/reload.js"></script>' in body
    assert server.get("/de/")[0] == 500, "the errors show in place of every page"
    page.write_text(original)
    wait_for_reload(events)
    assert server.get("/de/datenschutz/")[0] == 200


def test_drafts_are_shown_with_a_banner_only_with_drafts(tmp_path):
    site = copy_site(tmp_path / "site")
    (site / "content" / "entwurf.de.md").write_text("---\ntitle: Entwurf\ndraft: true\n---\nNoch nicht fertig.\n")
    plain = Server(site)
    try:
        assert plain.get("/de/entwurf/")[0] == 404
    finally:
        assert plain.stop() == 0
    drafts = Server(site, "--drafts")
    try:
        status, _, body = drafts.get("/de/entwurf/")
        assert status == 200 and "Noch nicht fertig." in body and "preview-banner" in body
    finally:
        assert drafts.stop() == 0


def test_an_open_page_in_a_browser_reloads_by_itself_after_an_edit(server):
    options = Options()
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.binary_location = os.environ.get("CHROMIUM") or shutil.which("chromium") or "chromium"
    service = Service(executable_path=os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver") or "chromedriver")
    browser = webdriver.Chrome(options=options, service=service)
    try:
        browser.get(server.url + "/de/ueber-das-programm/")
        assert "Browser-Test" not in browser.page_source
        # Wait until the page listens for reloads, then edit the file it shows.
        WebDriverWait(browser, 10).until(
            lambda b: b.execute_script("return document.documentElement.getAttribute('data-wegweiser-reload')") == "listening")
        page = server.site / "content" / "about.de.md"
        page.write_text(page.read_text() + "\n\nBrowser-Test: neu geladen.\n")
        WebDriverWait(browser, 10).until(lambda b: "Browser-Test: neu geladen." in b.page_source)
    finally:
        browser.quit()
