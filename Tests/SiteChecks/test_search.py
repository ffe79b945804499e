"""The search of the built example site: its indexes, its pages, and the page at work in a real
browser (Chromium, headless) served with a strict Content-Security-Policy."""
import functools
import http.server
import json
import os
import shutil
import subprocess
import threading

import html5lib
import pytest

from test_example_site import LANGUAGES, XHTML, elements, page_path, parse

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'")


def index(site, language):
    return json.loads(site.path(f"{language}/search-index.json").read_text())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_an_index_of_its_own_pages(site, language):
    data = index(site, language)
    assert data["format"] == "wegweiser-search/1"
    assert data["language"] == language
    assert data["docs"], "no pages indexed"
    for url, title, type_index, _ in data["docs"]:
        target = page_path(site, url)
        assert target is not None and target.exists(), url
        document, _ = parse(target)
        assert document.get("lang") == language, f"{url} is not a page in {language}"
        assert not [e for e in document.iter() if e.get("class") == "fallback-notice"], f"{url} is a fallback copy"
        assert data["types"][type_index] in {"page", "report", "contact", "event"}
    assert not any(url.rstrip("/").endswith(("/search", f"/{language}")) for url, *_ in data["docs"])


def test_the_index_lists_typed_content_by_its_type(site):
    data = index(site, "de")
    types = {data["types"][doc[2]] for doc in data["docs"]}
    assert {"report", "contact", "event"} <= types


@pytest.mark.parametrize("language,direction", LANGUAGES.items())
def test_the_search_page_is_accessible_without_script(site, language, direction):
    path = site.path(f"{language}/search/index.html")
    document, _ = parse(path)
    assert document.get("dir") == direction
    forms = [f for f in elements(document, "form") if f.get("role") == "search" and "search-form" in f.get("class", "")]
    assert len(forms) == 1
    field = [i for i in elements(forms[0], "input") if i.get("name") == "q"][0]
    labels = [label for label in elements(forms[0], "label") if label.get("for") == field.get("id")]
    assert labels and "".join(labels[0].itertext()).strip(), "the query field has no visible label"
    status = [p for p in elements(document, "p") if p.get("role") == "status"]
    assert status and status[0].get("aria-live") == "polite"
    fieldset = elements(document, "fieldset")[0]
    assert "".join(elements(fieldset, "legend")[0].itertext()).strip()
    without = [d for d in elements(document, "div") if d.get("class") == "search-without-script"][0]
    links = elements(without, "a")
    assert links and all(page_path(site, a.get("href")).exists() for a in links)
    assert any(m.get("name") == "robots" and m.get("content") == "noindex" for m in elements(document, "meta"))
    modules = [s.get("src") for s in elements(document, "script") if s.get("type") == "module"]
    assert modules and all(page_path(site, src).exists() for src in modules)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_content_page_has_a_search_box_for_its_language(site, language):
    document, _ = parse(site.path(f"{language}/index.html"))
    forms = [f for f in elements(document, "form") if "site-search" in f.get("class", "")]
    assert len(forms) == 1
    assert forms[0].get("action") == f"/{language}/search/" and forms[0].get("method") == "get"


def test_the_engine_is_a_module_without_dom_access(site):
    source = site.path("search/engine.mjs").read_text()
    assert "export function createSearch" in source
    for name in ("document.", "window.", "localStorage", "XMLHttpRequest"):
        assert name not in source, name


# ---- In a browser ----

class CSPHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(CSPHandler, directory=str(site.output))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def browse(url, tmp_path):
    """The page's DOM after its scripts ran, and what the browser logged."""
    browser = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    assert browser, "Chromium is missing; `make test` installs it (apt package chromium)"
    result = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", f"--user-data-dir={tmp_path}",
         "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000", "--dump-dom", url],
        capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), strict=False)
    return parser.parse(result.stdout), result.stderr


def results(document):
    lists = [o for o in elements(document, "ol") if o.get("class") == "search-results"]
    return [(elements(li, "a")[0].get("href"), "".join(elements(li, "p")[-1].itertext())) for li in elements(lists[0], "li")]


@pytest.mark.parametrize("language,query,expected", [
    ("de", "Anerkenung", "/de/directory/anerkennungsberatung-burgenlandkreis/"),
    ("de", "Sprachcafe", "/de/events/"),
    ("ar", "السكن", "/ar/"),
    ("uk", "житло", "/uk/"),
])
def test_the_search_page_finds_pages_in_a_browser_under_a_strict_csp(server, tmp_path, language, query, expected):
    document, log = browse(f"{server}/{language}/search/?q={query}", tmp_path)
    found = results(document)
    assert found, "no results shown"
    assert any(url.startswith(expected) for url, _ in found), found
    status = [p for p in elements(document, "p") if p.get("role") == "status"][0]
    assert query in "".join(status.itertext())
    without = [d for d in elements(document, "div") if d.get("class") == "search-without-script"][0]
    assert without.get("hidden") is not None
    assert "Content Security Policy" not in log and "Refused to" not in log, log[-2000:]
    assert "Uncaught" not in log, log[-2000:]


def test_the_type_filter_in_the_address_limits_the_results(server, tmp_path):
    everything, _ = browse(f"{server}/de/search/?q=Beratung", tmp_path)
    assert any(not url.startswith("/de/directory/") for url, _ in results(everything))
    contacts, _ = browse(f"{server}/de/search/?q=Beratung&type=contact", tmp_path)
    found = results(contacts)
    assert found and all(url.startswith("/de/directory/") for url, _ in found), found
