import Testing
import WegweiserMarkdown

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test(arguments: [
        ("| a | b |\n|:-:|--:|\n| 1 | 2 |\n", "<td class=\"align-center\">1</td>"),
        ("~~gone~~", "<del>gone</del>"),
        ("see https://example.org now", "<a href=\"https://example.org\" class=\"external\""),
        ("- [x] done\n- [ ] open\n", "<label class=\"task\"><input type=\"checkbox\" checked disabled> done</label>"),
        ("Text[^1]\n\n[^1]: Note\n", "<section class=\"footnotes\" data-footnotes>"),
        ("*emph* and **strong**", "<em>emph</em> and <strong>strong</strong>"),
    ])
    func rendersGitHubFlavouredMarkdown(markdown: String, expected: String) {
        #expect(renderer.render(markdown).html.contains(expected))
    }

    @Test func dropsRawHTMLByDefault() {
        let html = renderer.render("<script>alert(1)</script>\n\nHi <b onclick=\"x\">there</b>").html
        #expect(!html.contains("<script>"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func passesRawHTMLThroughTheTagFilterWhenUnsafe() {
        let html = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true))
            .render("<div class=\"note\">kept</div>\n\n<script>x</script>\n").html
        #expect(html.contains("<div class=\"note\">kept</div>"))
        #expect(html.contains("&lt;script>"))
    }

    @Test func givesHeadingsUniqueUnicodeAwareIDs() {
        let rendered = renderer.render("# Über uns\n\n## Beratung & Hilfe\n\n## Beratung & Hilfe\n\n## مركز الإرشاد\n\n## Житло\n")
        #expect(rendered.headings.map(\.id) == ["über-uns", "beratung-hilfe", "beratung-hilfe-1", "مركز-الإرشاد", "житло"])
        #expect(rendered.html.contains("<h1 id=\"über-uns\">Über uns</h1>"))
        #expect(rendered.html.contains("<h2 id=\"beratung-hilfe-1\">Beratung &amp; Hilfe</h2>"))
        #expect(rendered.headings.map(\.level) == [1, 2, 2, 2, 2])
    }

    @Test func keepsInlineMarkupInsideHeadings() {
        let rendered = renderer.render("## Kurse *für* `alle`\n")
        #expect(rendered.html == "<h2 id=\"kurse-für-alle\">Kurse <em>für</em> <code>alle</code></h2>\n")
        #expect(rendered.headings[0].text == "Kurse für alle")
    }

    @Test func takesAnExplicitHeadingID() {
        let rendered = renderer.render("## Beratung {#counselling}\n\nText")
        #expect(rendered.headings == [MarkdownHeading(level: 2, id: "counselling", text: "Beratung")])
        #expect(rendered.html.hasPrefix("<h2 id=\"counselling\">Beratung</h2>"))
    }

    @Test func collectsPlainTextAndTheFirstParagraph() {
        let rendered = renderer.render("# Title\n\nFirst *para*\ngraph.\n\n- item one\n\n```\ncode\n```\n")
        #expect(rendered.firstParagraph == "First para graph.")
        #expect(rendered.plainText == "Title\nFirst para graph.\nitem one\ncode")
    }

    @Test func reportsLinksWithTheirPositionAndRewritesThem() {
        let markdown = "Intro\n\nSee [the office](../directory/office.md) and ![map](map.png \"Map\").\n"
        var seen: [MarkdownLink] = []
        let rendered = renderer.render(markdown) { link in
            seen.append(link)
            return link.isImage ? .keep : .replace(with: "/de/directory/office/")
        }
        #expect(seen.map(\.destination) == ["../directory/office.md", "map.png"])
        #expect(seen[0].line == 3 && seen[0].column == 5)
        #expect(seen[0].text == "the office")
        #expect(seen[1].isImage && seen[1].text == "map")
        #expect(rendered.html.contains("<a href=\"/de/directory/office/\">the office</a>"))
        #expect(rendered.html.contains("<img src=\"map.png\" alt=\"map\" title=\"Map\" />"))
    }

    @Test func labelsFootnoteBackLinksInThePageLanguage() {
        let html = MarkdownRenderer(options: MarkdownOptions(footnoteBackLabel: "Zurück zum Text"))
            .render("A[^n]\n\n[^n]: B\n").html
        #expect(html.contains("aria-label=\"Zurück zum Text\""))
        #expect(!html.contains("Back to content"))
    }

    @Test func marksLinksThatLeaveTheSite() {
        let options = MarkdownOptions(externalLinkLabel: "(externer Link)", siteHosts: ["Integrators.example.org"])
        let html = MarkdownRenderer(options: options).render(
            "[BAMF](https://www.bamf.de/a?x=1&y='2' \"Amt\"), [home](https://integrators.example.org/de/),\n"
                + "[page](/de/a/), <mail@example.org>, [tel](tel:+4930), ![pic](https://img.example.org/a.png),\n"
                + "[*em* text](http://user@Other.example.org:8080/ü)\n").html
        #expect(html.contains(
            "<a href=\"https://www.bamf.de/a?x=1&amp;y=&#x27;2&#x27;\" title=\"Amt\" class=\"external\" rel=\"external noopener noreferrer\">"
                + "BAMF<span class=\"visually-hidden\"> (externer Link)</span></a>"))
        #expect(html.contains("<a href=\"https://integrators.example.org/de/\">home</a>"))
        #expect(html.contains("<a href=\"/de/a/\">page</a>"))
        #expect(html.contains("<a href=\"mailto:mail@example.org\">"))
        #expect(html.contains("<a href=\"tel:+4930\">"))
        #expect(html.contains("<img src=\"https://img.example.org/a.png\" alt=\"pic\" />"))
        #expect(html.contains(
            "<a href=\"http://user@Other.example.org:8080/%C3%BC\" class=\"external\" rel=\"external noopener noreferrer\"><em>em</em> text<span"))
    }

    @Test func marksALinkThatARewriteSendsOffTheSite() {
        let html = MarkdownRenderer(options: MarkdownOptions(siteHosts: ["a.example"]))
            .render("## See [this](x.md)\n") { _ in .replace(with: "https://b.example/x") }.html
        #expect(html == "<h2 id=\"see-this\">See <a href=\"https://b.example/x\" class=\"external\" rel=\"external noopener noreferrer\">"
            + "this<span class=\"visually-hidden\"> (external link)</span></a></h2>\n")
    }

    @Test func putsTablesInAFocusableNamedRegion() {
        let html = MarkdownRenderer(options: MarkdownOptions(tableLabel: "Tabelle & Liste"))
            .render("Text\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n> | c |\n> |---|\n> | 3 |\n").html
        #expect(html.hasPrefix("<p>Text</p>\n<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Tabelle &amp; Liste\">\n<table>\n"))
        #expect(html.components(separatedBy: "<div class=\"table-scroll\"").count == 3)
        #expect(html.components(separatedBy: "</table>\n</div>").count == 3)
        #expect(html.contains("<td class=\"align-right\">2</td>"))
    }

    @Test func labelsTaskListCheckboxesWithTheirItemsText() {
        let tight = renderer.render("- [x] Raum im [Gemeindehaus](/a/)\n- [ ] Fahrdienst\n").html
        #expect(tight == "<ul>\n<li><label class=\"task\"><input type=\"checkbox\" checked disabled> Raum im <a href=\"/a/\">Gemeindehaus</a></label></li>\n"
            + "<li><label class=\"task\"><input type=\"checkbox\" disabled> Fahrdienst</label></li>\n</ul>\n")
        let loose = renderer.render("- [ ] one\n\n  more\n\n- [x] two\n").html
        #expect(loose.contains("<li>\n<p><label class=\"task\"><input type=\"checkbox\" disabled> one</label></p>\n<p>more</p>\n</li>"))
        #expect(!loose.contains("disabled=\"\""))
    }

    /// cmark-gfm's parser shares a global table between parses; many concurrent parses must give
    /// exactly what serial ones give (this failed for 18–40 % of documents when parses overlapped
    /// with the table toggling). With Debian's library the table is pinned and parses overlap, so
    /// this test sees the parallel path.
    @Test func concurrentParsesMatchSerialParses() async {
        #expect(MarkdownRenderer.parsesInParallel, "cmark-gfm's calls no longer reach CMarkGFMParallel: parses are serialised")
        let documents = (0..<400).map { index in
            "# Doc \(index)\n\n~~old~~ text with https://example.org/\(index) and <mail\(index)@example.org>.\n\n"
                + "| a | b |\n|---|---|\n| ~~x~~ | www.example.com/\(index) |\n\n- [ ] task \(index)\n"
        }
        let renderer = self.renderer
        let serial = documents.map { renderer.render($0).html }
        let concurrent = await withTaskGroup(of: (Int, String).self) { group in
            for (index, document) in documents.enumerated() {
                group.addTask { (index, renderer.render(document).html) }
            }
            var results = [String](repeating: "", count: documents.count)
            for await (index, html) in group { results[index] = html }
            return results
        }
        let differing = zip(concurrent, serial).filter { $0 != $1 }.count
        #expect(differing == 0, "\(differing) of \(documents.count) documents differ from a serial parse")
        #expect(serial.allSatisfy { $0.contains("<del>old</del>") && $0.contains("<a href=\"https://example.org/") })
    }
}

@Suite struct MoreMarkerTests {
    @Test func takesTheTextBeforeTheMoreMarkerAsSummary() {
        let rendered = MarkdownRenderer().render("First part.\n\nStill first.\n\n<!--more-->\n\nRest of the text.\n")
        #expect(rendered.textBeforeMoreMarker == "First part.\nStill first.")
        #expect(!rendered.html.contains("more"))
        #expect(MarkdownRenderer().render("No marker.").textBeforeMoreMarker == nil)
    }
}

@Suite struct ReviewFindingTests {
    @Test func resolvesLinksInsideHeadings() {
        let html = MarkdownRenderer().render("## Siehe [Bericht](a.md)\n") { _ in .replace(with: "/de/a/") }.html
        #expect(html == "<h2 id=\"siehe-bericht\">Siehe <a href=\"/de/a/\">Bericht</a></h2>\n")
    }

    @Test func keepsHeadingIDsAwayFromTheThemesAndTheFootnotesIDs() {
        let rendered = MarkdownRenderer().render("## Main\n\n## fn-1\n\nText[^1]\n\n[^1]: Note\n")
        #expect(rendered.headings.map(\.id) == ["main-1", "fn-1-1"])
    }

    @Test func countsLinkColumnsInCharactersNotBytes() {
        var columns: [Int] = []
        _ = MarkdownRenderer().render("Grüße aus Köln: [Link](x.md)\n") { link in
            columns.append(link.column)
            return .keep
        }
        #expect(columns == [17])
    }
}
