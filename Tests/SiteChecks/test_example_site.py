"""End-to-end checks of the built example site, with parsers that are not Wegweiser's own."""
import re
import urllib.parse
from collections import defaultdict

import datetime
import json

import dateutil.rrule
import feedparser
import icalendar
import vobject
import html5lib
import pytest
from lxml import etree

LANGUAGES = {"de": "ltr", "en": "ltr", "ar": "rtl", "uk": "ltr"}
BASE = "https://integrators.example.org"
XHTML = "{http://www.w3.org/1999/xhtml}"


def parse(path):
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), strict=False)
    document = parser.parse(path.read_bytes())
    return document, parser.errors


def elements(document, tag):
    return list(document.iter(XHTML + tag))


def page_path(site, url):
    """The file that serves a site-relative URL, or None when it leads elsewhere."""
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme or parsed.netloc or not parsed.path.startswith("/"):
        return None
    path = urllib.parse.unquote(parsed.path).lstrip("/")
    target = site.path(path)
    return target / "index.html" if url.split("#")[0].endswith("/") else target


def test_the_build_has_no_warnings(site):
    # Standard error holds the messages, and progress lines when the build takes over a second.
    problems = [line for line in site.messages.splitlines() if ": warning: " in line or ": error: " in line]
    assert problems == []


def test_every_page_is_html5_without_parse_errors(site):
    problems = {}
    for path in site.html_files():
        _, errors = parse(path)
        if errors:
            problems[str(path.relative_to(site.output))] = errors[:3]
    assert problems == {}


@pytest.mark.parametrize("language,direction", LANGUAGES.items())
def test_pages_declare_their_language_and_direction(site, language, direction):
    for path in (site.output / language).rglob("index.html"):
        document, _ = parse(path)
        html = document.getroot() if hasattr(document, "getroot") else document
        if path.read_text().find('http-equiv="refresh"') >= 0:
            continue
        assert html.get("lang") == language, path
        assert html.get("dir") == direction, path


def test_no_inline_script_style_or_event_handler(site):
    for path in site.html_files():
        text = path.read_text()
        # Only data (JSON-LD) and scripts from the site's own files; nothing a CSP would block.
        for script in re.findall(r"<script[^>]*>", text):
            assert 'type="application/ld+json"' in script or re.fullmatch(r'<script (src="/assets/[\w.-]+\.js" defer|type="module" src="/assets/[\w.-]+\.js")>', script), script
        assert not re.search(r"<script(?! type=\"application/ld\+json\")[^>]*>[^<]", text), path
        assert "<style" not in text, path
        assert not re.search(r"\sstyle=", text), path
        assert not re.search(r"\son[a-z]+=", text), path


def test_every_resource_comes_from_the_site_itself(site):
    for path in site.html_files():
        document, _ = parse(path)
        for tag, attribute in (("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src")):
            for element in elements(document, tag):
                if tag == "link" and element.get("rel") in ("alternate", "canonical", "prev", "next"):
                    continue
                url = element.get(attribute) or ""
                assert urllib.parse.urlparse(url).netloc == "", f"{path}: {tag} {url}"


def test_every_internal_link_and_anchor_exists(site):
    broken = []
    ids = {}
    for path in site.html_files():
        document, _ = parse(path)
        ids[path] = {element.get("id") for element in document.iter() if element.get("id")}
    for path in site.html_files():
        document, _ = parse(path)
        for link in elements(document, "a") + elements(document, "link"):
            href = link.get("href") or ""
            if href.startswith(BASE):
                href = href[len(BASE):]
            if href.startswith("#"):
                target, fragment = path, href[1:]
            else:
                target = page_path(site, href)
                fragment = urllib.parse.urlparse(href).fragment
                if target is None:
                    continue
            if not target.exists():
                broken.append(f"{path.relative_to(site.output)} → {href}")
            elif fragment and target.suffix == ".html" and urllib.parse.unquote(fragment) not in ids.get(target, set()):
                broken.append(f"{path.relative_to(site.output)} → {href} (no such id)")
    assert broken == []


def test_hreflang_alternates_are_reciprocal(site):
    alternates = {}
    for path in site.html_files():
        document, _ = parse(path)
        links = {
            element.get("hreflang"): element.get("href")
            for element in elements(document, "link")
            if element.get("rel") == "alternate" and element.get("hreflang")
        }
        canonical = [element.get("href") for element in elements(document, "link") if element.get("rel") == "canonical"]
        if links and canonical:
            alternates[canonical[0]] = links
    assert alternates, "some pages have translations"
    for url, links in alternates.items():
        for language, other in links.items():
            if language == "x-default":
                continue
            assert other in alternates, f"{url} names {other}, which names no alternates"
            assert url in alternates[other].values(), f"{other} does not link back to {url}"


def test_the_language_switcher_leads_to_the_same_page_in_each_language(site):
    document, _ = parse(site.path("de/ueber-das-programm/index.html"))
    switcher = [nav for nav in elements(document, "nav") if "language-switcher" in (nav.get("class") or "")][0]
    links = {a.get("lang"): a.get("href") for a in switcher.iter(XHTML + "a")}
    assert links == {"de": "/de/ueber-das-programm/", "en": "/en/about/", "ar": "/ar/an-albarnamaj/", "uk": "/uk/pro-prohramu/"}


def test_an_untranslated_page_is_shown_in_german_with_a_notice(site):
    text = site.path("uk/reports/pforzheim/index.html").read_text()
    assert '<html lang="uk" dir="ltr">' in text
    assert '<article class="page report" lang="de" dir="ltr">' in text
    assert "Ця сторінка ще не доступна українською мовою" in text
    assert '<link rel="canonical" href="https://integrators.example.org/de/reports/pforzheim/">' in text


def test_the_root_leads_to_the_default_language_without_javascript(site):
    text = site.path("index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=/de/">' in text
    assert "<script" not in text


def test_sitemaps_parse_and_name_existing_pages(site):
    index = etree.parse(str(site.path("sitemap.xml")))
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    sitemaps = index.xpath("//s:sitemap/s:loc/text()", namespaces=namespace)
    assert sorted(sitemaps) == sorted(f"{BASE}/{language}/sitemap.xml" for language in LANGUAGES)
    for url in sitemaps:
        sitemap = etree.parse(str(site.path(url[len(BASE) + 1:])))
        for loc in sitemap.xpath("//s:url/s:loc/text()", namespaces=namespace):
            assert loc.startswith(BASE + "/")
            assert page_path(site, loc[len(BASE):]).exists(), loc
        for alternate in sitemap.xpath("//x:link/@href", namespaces=namespace):
            assert page_path(site, alternate[len(BASE):]).exists(), alternate


@pytest.mark.parametrize("language", LANGUAGES)
def test_atom_feeds_parse_with_entries_in_their_language(site, language):
    feed = feedparser.parse(site.path(f"{language}/feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.language == language
    assert len(feed.entries) >= 4
    dates = [entry.published_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    for entry in feed.entries:
        assert entry.link.startswith(f"{BASE}/{language}/")


def test_aliases_redirect_to_their_page(site):
    text = site.path("berichte/burgenlandkreis/index.html").read_text()
    assert 'url=/de/reports/burgenlandkreis/' in text


def test_bundle_images_are_copied_beside_every_language_version(site):
    for language in LANGUAGES:
        assert site.path(f"{language}/reports/burgenlandkreis/chart.svg").exists()


def test_structured_data_is_json_with_a_schema_org_type(site):
    count = 0
    for path in site.html_files():
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', path.read_text()):
            data = json.loads(block)
            assert data["@context"] == "https://schema.org"
            assert data["@type"] in ("Report", "GovernmentOffice", "LocalBusiness", "Organization", "Event"), path
            count += 1
    assert count > 50


def test_every_calendar_parses_with_icalendar(site):
    files = sorted(site.output.rglob("*.ics"))
    assert len(files) > 20
    for path in files:
        raw = path.read_bytes()
        assert all(len(line) <= 75 for line in raw.split(b"\r\n")), path
        calendar = icalendar.Calendar.from_ical(raw)
        events = calendar.walk("VEVENT")
        assert events, path
        for event in events:
            assert event["UID"] and event["DTSTAMP"] and event["DTSTART"] and event["SUMMARY"]
            start = event["DTSTART"].dt
            if isinstance(start, datetime.datetime):
                assert start.tzinfo is not None, f"{path}: a local time needs its time zone"
            if "RRULE" in event:
                assert event["RRULE"]["FREQ"][0] in ("DAILY", "WEEKLY", "MONTHLY")


def test_a_recurring_event_keeps_its_local_time_in_summer(site):
    calendar = icalendar.Calendar.from_ical(site.path("de/events/sprachcafe/sprachcafe.ics").read_bytes())
    event = calendar.walk("VEVENT")[0]
    rule = dateutil.rrule.rrulestr(event["RRULE"].to_ical().decode(), dtstart=event["DTSTART"].dt)
    summer = rule.after(datetime.datetime(2026, 6, 1, tzinfo=event["DTSTART"].dt.tzinfo))
    assert (summer.hour, summer.minute) == (15, 0)
    assert summer.utcoffset() == datetime.timedelta(hours=2)


def test_every_vcard_parses_with_vobject(site):
    files = sorted(site.output.rglob("*.vcf"))
    assert len(files) >= 15 * 4
    for path in files:
        card = vobject.readOne(path.read_text())
        assert card.name == "VCARD" and card.version.value == "4.0", path
        assert card.fn.value, path


def test_the_directory_has_entries_from_markdown_and_the_spreadsheet(site):
    text = site.path("de/directory/index.html").read_text()
    entries = re.findall(r'<li class="item item-contact"', text)
    assert len(entries) >= 15
    assert "/de/directory/frauentreff-stralsund/" in text  # a spreadsheet row
    assert 'data-languages="de ar uk ru en"' in text  # a Markdown contact


def test_the_events_list_shows_upcoming_events_before_past_ones(site):
    text = site.path("de/events/index.html").read_text()
    assert text.index("Kommende Termine") < text.index("Vergangene Termine")
    assert "is-cancelled" in text


def test_robots_txt_names_the_sitemap(site):
    assert f"Sitemap: {BASE}/sitemap.xml" in site.path("robots.txt").read_text()


def test_every_page_has_one_h1_and_a_skip_link_first(site):
    for path in site.html_files():
        text = path.read_text()
        if 'http-equiv="refresh"' in text:
            continue
        document, _ = parse(path)
        assert len(elements(document, "h1")) == 1, path
        first_link = elements(document, "a")[0]
        assert first_link.get("class") == "skip-link" and first_link.get("href") == "#main", path


def test_an_untranslated_column_of_the_spreadsheet_is_marked_as_german(site):
    """WCAG 3.1.2: the services of a row without a services:ar column are German on the Arabic page."""
    document, _ = parse(site.path("ar/directory/anerkennungsberatung-burgenlandkreis/index.html"))
    services = [dd for dd in elements(document, "dd") if "Anerkennung von Abschlüssen" in "".join(dd.itertext())]
    assert services and services[0].get("lang") == "de" and services[0].get("dir") == "ltr"
    heading = elements(document, "h1")[0]
    assert heading.get("lang") is None, "the title has an Arabic column and takes the page's language"
    document, _ = parse(site.path("en/directory/anerkennungsberatung-burgenlandkreis/index.html"))
    services = [dd for dd in elements(document, "dd") if "Recognition" in "".join(dd.itertext())]
    assert services and services[0].get("lang") is None, "services:en is English"
