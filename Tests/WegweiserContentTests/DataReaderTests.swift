import Testing
import WegweiserCore
@testable import WegweiserContent

@Suite struct YAMLReaderTests {
    @Test func keepsLinesAndColumnsOfEveryNode() throws {
        let node = try #require(try YAMLReader.read("title: Hallo\ntags:\n  - a\n  - b\n", file: "x.md", lineOffset: 1))
        #expect(node["title"]?.location == SourceLocation(file: "x.md", line: 2, column: 8))
        guard case .list(let items)? = node["tags"]?.value else { Issue.record("tags is not a list"); return }
        #expect(items.map(\.location.line) == [4, 5])
        #expect(node.entries.map(\.keyLocation.line) == [2, 3])
    }

    @Test func leavesScalarsUntypedAndRemembersQuotes() throws {
        let node = try #require(try YAMLReader.read("a: yes\nb: \"yes\"\nc: 2024-05-01\nd: ~\n", file: "x"))
        #expect(node["a"]?.value == .scalar("yes", quoted: false))
        #expect(node["b"]?.value == .scalar("yes", quoted: true))
        #expect(node["c"]?.value == .scalar("2024-05-01", quoted: false))
        #expect(node["d"]?.value == .null)
    }

    @Test(arguments: [
        ("title: [unclosed\n", 2),
        ("a: 1\n  b: 2\n", 2),
        ("a: \"open\n", 2),
    ])
    func reportsMalformedYAMLAtItsLine(text: String, line: Int) {
        #expect {
            _ = try YAMLReader.read(text, file: "p.md", lineOffset: 0)
        } throws: { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostics.first
            return diagnostic?.location?.line == line && diagnostic?.message.hasPrefix("invalid YAML") == true
        }
    }

    @Test func rejectsADuplicateKeyAtItsSecondUse() {
        #expect {
            _ = try YAMLReader.read("title: a\ndate: 2024-01-01\ntitle: b\n", file: "p.md", lineOffset: 1)
        } throws: { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostics.first
            return diagnostic?.location == SourceLocation(file: "p.md", line: 4, column: 1)
        }
    }
}

@Suite struct TOMLReaderTests {
    @Test func readsTheTOMLThatFrontMatterUses() throws {
        let text = """
            title = "Bericht \\"Torgau\\""
            date = 2024-05-01T09:30:00+02:00
            day = 2024-05-01
            draft = false
            weight = 1_000
            hex = 0x1F
            tags = ["Wohnen", 'Arbeit',
              "Sprache", ]  # trailing comma and comment
            image = { src = "a.jpg", alt = "Ein Foto" }
            text = \"\"\"
            Zwei
            Zeilen\"\"\"
            literal = 'C:\\pfad'

            [period]
            start = 2024-01-01
            end = 2024-12-31

            [[metrics]]
            label = "Beratungen"
            value = 120
            [[metrics]]
            label = "Kurse"
            value = 8
            """
        let node = try TOMLReader.read(text, file: "x.md", lineOffset: 1)
        #expect(node["title"]?.value == .scalar("Bericht \"Torgau\"", quoted: true))
        #expect(node["title"]?.location == SourceLocation(file: "x.md", line: 2, column: 9))
        #expect(node["date"]?.value == .scalar("2024-05-01T09:30:00+02:00", quoted: false))
        #expect(node["draft"]?.value == .scalar("false", quoted: false))
        #expect(node["weight"]?.value == .scalar("1000", quoted: false))
        #expect(node["hex"]?.value == .scalar("31", quoted: false))
        #expect(try node["tags"]?.stringList(for: "tags") == ["Wohnen", "Arbeit", "Sprache"])
        #expect(node["image"]?["alt"]?.value == .scalar("Ein Foto", quoted: true))
        #expect(node["text"]?.value == .scalar("Zwei\nZeilen", quoted: true))
        #expect(node["literal"]?.value == .scalar("C:\\pfad", quoted: true))
        #expect(node["period"]?["end"]?.value == .scalar("2024-12-31", quoted: false))
        guard case .list(let metrics)? = node["metrics"]?.value else { Issue.record("metrics is not a list"); return }
        #expect(metrics.map { $0["label"]?.value } == [.scalar("Beratungen", quoted: true), .scalar("Kurse", quoted: true)])
    }

    @Test(arguments: [
        ("title = \"open\n", 1, "never closed"),
        ("a = 1\na = 2\n", 2, "given twice"),
        ("title = Hallo\n", 1, "put text in quotes"),
        ("[a]\nx = 1\n[a]\n", 3, "defined twice"),
        ("a = 1 b\n", 1, "end of the line"),
        ("s = \"\\q\"\n", 1, "not a TOML escape"),
        ("s = \"\"\"a\\   b\"\"\"\n", 1, "a backslash must end its line"),
        ("w = 007\n", 1, "is not a TOML value"),
        ("v = .5\n", 1, "is not a TOML value"),
        ("a.b = 1\n[a]\nc = 2\n", 2, "defined twice"),
    ])
    func reportsMalformedTOML(text: String, line: Int, message: String) {
        #expect {
            _ = try TOMLReader.read(text, file: "p.md")
        } throws: { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostics.first
            return diagnostic?.location?.line == line && diagnostic?.message.contains(message) == true
        }
    }
}

@Suite struct DuplicateKeyTests {
    @Test func pointsAtTheRepeatInTheSameMapNotAtANestedKey() {
        #expect {
            _ = try YAMLReader.read("city: A\naddress:\n  city: nested\ncity: B\n", file: "p.md", lineOffset: 1)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.location == SourceLocation(file: "p.md", line: 5, column: 1)
        }
    }
}
