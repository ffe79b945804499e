"""WCAG 2.1 AA, privacy and a strict CSP, checked in a real browser on one page of every kind in every
language of the example site, at phone and desktop width.

Every page is visited once per width by the `audits` fixture, which runs axe-core, records the
requests the browser made and the CSP reports the server got, checks reflow at 320 px and the skip
link, saves screenshots, and writes the figures to `browser-audit.json` among the test artefacts.
The tests below then judge those records, one test per page kind and language."""
import base64
import json
import pathlib
import urllib.parse

import axe_playwright_python
import html5lib
import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ARTIFACTS, network_requests

AXE = (pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Stricter than the law: Deque's best practices (landmarks, heading order, unique names) and the
# WCAG 2.2 AA rules, held to zero as well.
AXE_STRICT_TAGS = AXE_TAGS + ["best-practice", "wcag22aa"]
LANGUAGES = {"de": "ltr", "en": "ltr", "ar": "rtl", "uk": "ltr"}
KINDS = ["home", "section", "page", "report", "contact", "directory", "event", "events", "search",
         "taxonomy", "term", "fallback", "statement", "404"]
# Phone (an iPhone SE's 375 px) and desktop widths; reflow (WCAG 1.4.10) is checked at 320 px.
WIDTHS = {"phone": 375, "desktop": 1280}
REFLOW_WIDTH = 320


# ---- Which page stands for each kind ----

def index_docs(site, language):
    data = json.loads((site / language / "search-index.json").read_text())
    return [(url, title, data["types"][type_index]) for url, title, type_index, _ in data["docs"]]


def first_link(site, url, css_class):
    """The first link inside an element of `css_class` on the page at `url`."""
    document = html5lib.parse((site / url.strip("/") / "index.html").read_text(), namespaceHTMLElements=False)
    for element in document.iter():
        if css_class in (element.get("class") or "").split():
            for link in element.iter("a"):
                return link.get("href")
    raise AssertionError(f"no link in .{css_class} on {url}")


def search_word(site, language):
    """A word from the title of the first contact in the language: the search must find something."""
    title = next(title for _, title, kind in index_docs(site, language) if kind == "contact")
    return max(title.split(), key=len)


def page_url(site, language, kind):
    docs = index_docs(site, language)

    def first_of(type_name):
        return next(url for url, _, kind_ in docs if kind_ == type_name)

    if kind == "home":
        return f"/{language}/"
    if kind in ("section", "directory", "events"):
        return {"section": f"/{language}/reports/", "directory": f"/{language}/directory/", "events": f"/{language}/events/"}[kind]
    if kind in ("report", "contact", "event"):
        return first_of(kind)
    if kind == "page":
        return next(url for url, _, kind_ in docs if kind_ == "page" and url.count("/") == 3
                    and 'class="page statement"' not in (site / url.strip("/") / "index.html").read_text())
    if kind == "search":
        return f"/{language}/search/?q={urllib.parse.quote(search_word(site, language))}"
    if kind == "taxonomy":
        return f"/{language}/topics/"
    if kind == "term":
        return first_link(site, f"/{language}/topics/", "term-list") if (site / language / "topics").exists() else None
    if kind in ("fallback", "statement"):
        marker = {"fallback": "fallback-notice", "statement": 'class="page statement"'}[kind]
        for path in sorted((site / language).rglob("index.html")):
            if marker in path.read_text():
                return "/" + path.parent.relative_to(site).as_posix() + "/"
        return None
    if kind == "404":
        return f"/{language}/no-such-page/"
    raise ValueError(kind)


# ---- What is checked on each page ----

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: arguments[0]}, resultTypes: ["violations"]})
  .then(r => done({
    violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, tags: v.tags,
      nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + n.failureSummary)})),
    passes: r.passes.length, incomplete: r.incomplete.length}))
  .catch(e => done({error: String(e)}));
"""

# Elements that stick out of the viewport, outside any container that scrolls on its own (a wide
# table may scroll: WCAG 1.4.10 exempts two-dimensional content).
OVERFLOW = """
const width = document.documentElement.clientWidth;
function scrolls(element) {
  for (let e = element.parentElement; e && e !== document.body; e = e.parentElement) {
    const x = getComputedStyle(e).overflowX;
    if (x === "auto" || x === "scroll" || x === "hidden") return true;
  }
  return false;
}
const out = [];
for (const e of document.body.querySelectorAll("*")) {
  const r = e.getBoundingClientRect();
  if (r.width === 0 || r.height === 0 || getComputedStyle(e).position === "fixed") continue;
  if (e.closest(".visually-hidden, .skip-link")) continue;
  if ((r.right > width + 1 || r.left < -1) && !scrolls(e)) out.push(e.tagName.toLowerCase() + "." + e.className);
}
return {scrollWidth: document.documentElement.scrollWidth, clientWidth: width, overflowing: out.slice(0, 10)};
"""

FOCUS_STATE = """
const e = document.activeElement;
if (!e || e === document.body) return null;
const s = getComputedStyle(e), r = e.getBoundingClientRect();
return {tag: e.tagName.toLowerCase(), cls: e.className, id: e.id, href: e.getAttribute("href"),
        text: (e.innerText || e.value || "").trim().slice(0, 40),
        outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2,
        shadow: s.boxShadow !== "none",
        visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth};
"""


def set_width(driver, width):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 600})


def load(driver, url):
    driver.get(url)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    if "/search/?q=" in url:
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "ol.search-results li"))


def screenshot(driver, path):
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 8000), "scale": 1}
    data = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(data["data"]))


def console_errors(driver, kind):
    errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    # The 404 page itself arrives with status 404, which Chromium logs.
    return [m for m in errors if not (kind == "404" and "status of 404" in m)]


def audit_page(driver, server, url, kind, language):
    """Visits one page at each width and returns what was found."""
    record = {"url": url, "widths": {}}
    for name, width in WIDTHS.items():
        set_width(driver, width)
        network_requests(driver)
        driver.get_log("browser")
        server.recorder.take()
        load(driver, server.origin + url)
        driver.execute_script(AXE)
        axe = driver.execute_async_script(RUN_AXE, AXE_STRICT_TAGS)
        assert "error" not in axe, axe
        requests = network_requests(driver)
        seen_by_server, reports = server.recorder.take()
        violations = driver.execute_script("return window.__cspViolations || []")
        storage = driver.execute_script(
            "return {cookie: document.cookie, local: localStorage.length, session: sessionStorage.length}")
        # The whole page, and the first screen as a reader sees it.
        screenshot(driver, ARTIFACTS / "screenshots" / f"{kind}-{language}-{name}.png")
        driver.get_screenshot_as_file(str(ARTIFACTS / "screenshots" / f"{kind}-{language}-{name}-screen.png"))
        record["widths"][name] = {
            "axe_violations": axe["violations"], "axe_passes": axe["passes"], "axe_incomplete": axe["incomplete"],
            "requests": requests, "server_requests": len(seen_by_server),
            "foreign_requests": [u for u in requests if not u.startswith(server.origin + "/")],
            "csp_reports": reports, "csp_violations": violations, "console_errors": console_errors(driver, kind),
            "storage": storage,
        }
    set_width(driver, REFLOW_WIDTH)
    record["reflow"] = driver.execute_script(OVERFLOW)
    set_width(driver, WIDTHS["desktop"])
    record["skip_link"] = skip_link_check(driver)
    return record


def skip_link_check(driver):
    """Tab once from the top: the skip link takes focus, shows, and Enter moves focus to the main content."""
    driver.execute_script("window.scrollTo(0, 0); if (document.activeElement) document.activeElement.blur();")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    first = driver.execute_script(FOCUS_STATE)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    after = driver.execute_script("return document.activeElement && document.activeElement.id")
    return {"first": first, "focus_after_enter": after}


@pytest.fixture(scope="session")
def audits(site, server, browser):
    results = {}
    for language in LANGUAGES:
        for kind in KINDS:
            url = page_url(site, language, kind)
            results[(kind, language)] = audit_page(browser, server, url, kind, language) if url else None
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    summary = {f"{kind}/{language}": record for (kind, language), record in results.items()}
    (ARTIFACTS / "browser-audit.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1))
    return results


# ---- The verdicts ----

# The default language has no fallback pages: it is what the others fall back to.
CASES = [(kind, language) for language in LANGUAGES for kind in KINDS if (kind, language) != ("fallback", "de")]


def record_for(audits, kind, language):
    record = audits[(kind, language)]
    if record is None:
        pytest.skip(f"the example site has no {kind} page in {language}")
    return record


@pytest.mark.parametrize("kind,language", CASES)
def test_axe_finds_no_wcag_21_aa_violation(audits, kind, language):
    record = record_for(audits, kind, language)
    for width, found in record["widths"].items():
        wcag = [v for v in found["axe_violations"] if set(v["tags"]) & set(AXE_TAGS)]
        assert wcag == [], f"{record['url']} at {width} width: {json.dumps(wcag, indent=1)}"
        assert found["axe_passes"] > 10, "axe checked almost nothing"


@pytest.mark.parametrize("kind,language", CASES)
def test_axe_finds_no_best_practice_or_wcag_22_violation_either(audits, kind, language):
    record = record_for(audits, kind, language)
    for width, found in record["widths"].items():
        assert found["axe_violations"] == [], f"{record['url']} at {width} width: {json.dumps(found['axe_violations'], indent=1)}"


@pytest.mark.parametrize("kind,language", CASES)
def test_no_request_leaves_the_site_and_the_csp_is_never_violated(audits, kind, language):
    record = record_for(audits, kind, language)
    for width, found in record["widths"].items():
        assert found["requests"], "the browser log recorded no request at all"
        assert found["foreign_requests"] == [], width
        assert found["csp_reports"] == [] and found["csp_violations"] == [], width
        assert found["console_errors"] == [], width
        assert found["storage"] == {"cookie": "", "local": 0, "session": 0}, width


@pytest.mark.parametrize("kind,language", CASES)
def test_nothing_overflows_sideways_at_320_px(audits, kind, language):
    reflow = record_for(audits, kind, language)["reflow"]
    assert reflow["clientWidth"] == REFLOW_WIDTH
    assert reflow["scrollWidth"] <= REFLOW_WIDTH, reflow
    assert reflow["overflowing"] == [], reflow


@pytest.mark.parametrize("kind,language", CASES)
def test_the_skip_link_is_the_first_stop_and_leads_to_the_content(audits, kind, language):
    check = record_for(audits, kind, language)["skip_link"]
    assert check["first"] and "skip-link" in check["first"]["cls"], check
    assert check["first"]["visible"], check
    assert check["focus_after_enter"] == "main", check


def test_the_page_kinds_are_distinct_pages(audits):
    for language in LANGUAGES:
        urls = [audits[(kind, language)]["url"] for kind in KINDS if audits[(kind, language)]]
        assert len(urls) == len(set(urls)), urls


def test_the_404_page_comes_with_status_404(site, server):
    import urllib.error
    import urllib.request
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(server.origin + "/ar/no-such-page/")
    assert error.value.code == 404 and 'lang="ar"' in error.value.read().decode()


def test_no_cookie_was_set_anywhere(audits, browser):
    assert browser.get_cookies() == []


# ---- Keyboard only ----

def tab(driver, times=1, shift=False):
    chain = ActionChains(driver)
    for _ in range(times):
        if shift:
            chain.key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT)
        else:
            chain.send_keys(Keys.TAB)
    chain.perform()
    return driver.execute_script(FOCUS_STATE)


def tab_until(driver, predicate, limit=80):
    for _ in range(limit):
        state = tab(driver)
        if state and predicate(state):
            return state
    raise AssertionError("Tab never reached the element")


def press(driver, key):
    ActionChains(driver).send_keys(key).perform()


def start(driver, server, url, width=WIDTHS["desktop"]):
    set_width(driver, width)
    load(driver, server.origin + url)
    driver.execute_script("window.scrollTo(0, 0); if (document.activeElement) document.activeElement.blur();")


@pytest.mark.parametrize("kind", ["home", "contact", "directory", "search", "report"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_tab_stop_shows_where_the_focus_is(site, server, browser, kind, language):
    """Tab through the whole page: each stop is on screen with a focus ring, and Tab leaves the page
    at the end (no trap); Shift+Tab walks back."""
    start(browser, server, page_url(site, language, kind), WIDTHS["phone"])
    stops = []
    for _ in range(200):
        state = tab(browser)
        if state is None or (stops and state == stops[0]):
            break
        stops.append(state)
        assert state["visible"], f"focused but off screen: {state}"
        assert state["outline"] or state["shadow"], f"no visible focus indicator: {state}"
    else:
        raise AssertionError("Tab never left the page: a keyboard trap")
    assert len(stops) > 5 and "skip-link" in stops[0]["cls"]
    back = tab(browser, shift=True)
    assert back == stops[-1], (back, stops[-1])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_language_switcher_works_with_tab_and_enter(site, server, browser, language):
    url = page_url(site, language, "contact")
    start(browser, server, url)
    target = next(code for code in LANGUAGES if code != language)
    state = tab_until(browser, lambda s: (s.get("href") or "").startswith(f"/{target}/") and s["tag"] == "a"
                      and browser.execute_script("return !!document.activeElement.closest('.language-switcher')"))
    press(browser, Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return document.documentElement.lang") == target)
    assert urllib.parse.urlparse(browser.current_url).path == state["href"]
    assert browser.execute_script("return document.documentElement.dir") == LANGUAGES[target]


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_works_with_the_keyboard_alone(site, server, browser, language):
    start(browser, server, f"/{language}/")
    tab_until(browser, lambda s: s["id"] == "site-search-q")
    word = search_word(site, language)
    ActionChains(browser).send_keys(word).send_keys(Keys.ENTER).perform()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "ol.search-results li"))
    assert urllib.parse.urlparse(browser.current_url).path == f"/{language}/search/"
    # Escape in the field empties it, and the results with it.
    if browser.execute_script("return document.activeElement.id") != "search-q":
        tab_until(browser, lambda s: s["id"] == "search-q")
    press(browser, Keys.ESCAPE)
    WebDriverWait(browser, 10).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "ol.search-results li"))
    assert browser.execute_script("return document.getElementById('search-q').value") == ""
    # Type again, Tab to the first result and follow it with Enter.
    ActionChains(browser).send_keys(word).perform()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "ol.search-results li"))
    result = tab_until(browser, lambda s: s["tag"] == "a" and browser.execute_script(
        "return !!document.activeElement.closest('ol.search-results')"))
    press(browser, Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: urllib.parse.urlparse(d.current_url).path == result["href"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_directory_filters_work_with_the_keyboard_alone(site, server, browser, language):
    start(browser, server, f"/{language}/directory/")
    shown = "return document.querySelectorAll('.item-contact:not([hidden])').length"
    total = browser.execute_script("return document.querySelectorAll('.item-contact').length")
    assert browser.execute_script(shown) == total
    tab_until(browser, lambda s: s["id"] == "filter-category")
    press(browser, Keys.ARROW_DOWN)
    WebDriverWait(browser, 5).until(lambda d: d.execute_script(shown) < total)
    category = browser.execute_script("return document.getElementById('filter-category').value")
    assert category and f"category={category}" in browser.current_url
    assert browser.find_element(By.CSS_SELECTOR, ".filter-status").text.strip()
    tab_until(browser, lambda s: s["id"] == "filter-wheelchair")
    press(browser, Keys.SPACE)
    assert browser.execute_script("return document.getElementById('filter-wheelchair').checked")
    # Escape anywhere in the form resets every filter.
    press(browser, Keys.ESCAPE)
    WebDriverWait(browser, 5).until(lambda d: d.execute_script(shown) == total)
    assert "?" not in browser.current_url
    assert not browser.execute_script("return document.getElementById('filter-wheelchair').checked")
    # The reset button, reached with Tab and pressed with Enter, does the same.
    tab_until(browser, lambda s: s["id"] == "filter-category")
    press(browser, Keys.ARROW_DOWN)
    WebDriverWait(browser, 5).until(lambda d: d.execute_script(shown) < total)
    tab_until(browser, lambda s: s["tag"] == "button" and browser.execute_script(
        "return document.activeElement.type") == "reset")
    press(browser, Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda d: d.execute_script(shown) == total)


# ---- Print and motion ----

def test_print_shows_the_content_without_navigation_and_spells_out_addresses(site, server, browser):
    about = next(p for p in sorted((site / "de").rglob("index.html")) if "bamf.de" in p.read_text())
    start(browser, server, "/" + about.parent.relative_to(site).as_posix() + "/")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        hidden = browser.execute_script("""
            return ['.site-nav', '.language-switcher', '.site-search', '.skip-link', '.breadcrumbs']
              .map(s => document.querySelector(s)).filter(e => e && getComputedStyle(e).display !== 'none')
              .map(e => e.className);""")
        assert hidden == []
        assert browser.execute_script("return getComputedStyle(document.querySelector('main')).display") != "none"
        after = browser.execute_script(
            "return getComputedStyle(document.querySelector('.content a.external'), '::after').content")
        assert "bamf.de" in after, after
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


@pytest.mark.parametrize("preference,behaviour", [("reduce", "auto"), ("no-preference", "smooth")])
def test_scrolling_is_smooth_only_for_readers_who_have_not_asked_for_less_motion(site, server, browser, preference, behaviour):
    start(browser, server, "/de/")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia",
                            {"features": [{"name": "prefers-reduced-motion", "value": preference}]})
    try:
        assert browser.execute_script("return getComputedStyle(document.documentElement).scrollBehavior") == behaviour
        durations = browser.execute_script("""
            return [...document.querySelectorAll('*')].map(e => getComputedStyle(e))
              .filter(s => s.animationName !== 'none' || parseFloat(s.transitionDuration) > 0.2).length;""")
        assert durations == 0, "no animation, no slow transition"
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
