"""The accessibility statement (Erklärung zur Barrierefreiheit) that the theme's `accessibility` layout
writes from site.yaml, in every language, reachable from every page."""
import pytest

from test_example_site import LANGUAGES, elements, page_path, parse

ADDRESSES = {"de": "/de/barrierefreiheit/", "en": "/en/accessibility/", "ar": "/ar/imkaniyat-al-wusul/", "uk": "/uk/dostupnist/"}


def text(element):
    return " ".join("".join(element.itertext()).split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_links_to_the_statement_in_its_language(site, language):
    for path in sorted(site.path(language).rglob("*.html")):
        if 'http-equiv="refresh"' in path.read_text():
            continue
        document, _ = parse(path)
        footer = elements(document, "footer")[0]
        assert ADDRESSES[language] in [a.get("href") for a in elements(footer, "a")], path


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_statement_has_every_part_the_model_statement_asks_for(site, language):
    document, _ = parse(page_path(site, ADDRESSES[language]))
    article = [a for a in elements(document, "article") if "statement" in a.get("class", "")][0]
    assert [h.get("id") for h in elements(article, "h2")][:5] == ["status", "known-issues", "preparation", "feedback", "enforcement"]
    paragraphs = [text(p) for p in elements(article, "p")]
    assert "https://integrators.example.org/" in paragraphs[0] and "BITV 2.0" in paragraphs[0]
    assert any("2026" in p for p in paragraphs), "the date the statement was made"
    issues = elements(elements(article, "ul")[0], "li")
    assert len(issues) == 1 and issues[0].get("lang") == language and "BITV 2.0" in text(issues[0])
    mails = [a.get("href") for a in elements(article, "a") if a.get("href", "").startswith("mailto:")]
    assert mails == ["mailto:barrierefreiheit@integrators.example.org", "mailto:info@schlichtungsstelle-bgg.de"]
    outside = [a for a in elements(article, "a") if a.get("href") == "https://www.schlichtungsstelle-bgg.de/"]
    assert outside and "external" in outside[0].get("rel")


def test_the_german_statement_says_the_site_is_partly_accessible(site):
    document, _ = parse(page_path(site, ADDRESSES["de"]))
    body = text(document)
    assert "teilweise vereinbar" in body and "Selbstbewertung" in body and "26. November 2026" in body
    assert "Deutscher Gebärdensprache" in body


def test_a_name_given_only_in_german_is_marked_as_german_on_other_pages(site):
    document, _ = parse(page_path(site, ADDRESSES["ar"]))
    names = [dd for dd in elements(document, "dd") if text(dd) == "Programmbüro Integrators"]
    assert names and names[0].get("lang") == "de" and names[0].get("dir") == "ltr"
    document, _ = parse(page_path(site, ADDRESSES["en"]))
    assert [dd for dd in elements(document, "dd") if text(dd) == "Integrators programme office" and dd.get("lang") == "en"]
