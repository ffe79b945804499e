import Foundation
import Testing
import WegweiserCore
@testable import WegweiserContent

/// The fast path for simple YAML must give what libyaml gives, or leave the document to it.
@Suite struct SimpleYAMLTests {
    /// Documents the fast path reads itself.
    static let simple = [
        "title: Hallo\n",
        "title: \"Quartalsbericht Q4/2021 – Bielefeld\"\ndate: 2022-02-08\ntags: [\"sprachkurs\", \"familie\"]\nstatus: completed\n",
        "period:\n  start: 2021-10-01\n  end: 2021-12-31\nnext: x\n",
        "metrics:\n  - label: \"Erreichte Personen\"\n    value: 275\n  - label: \"Begleitungen\"\n    value: 66\n",
        "title: \"الاعتراف بالشهادات – IHK\"\nservices: [\"دورات اللغة\", \"قانون الإقامة\"]\naddress:\n  street: \"Östliche Straße 50\"\n  city: Bielefeld\n",
        "geo:\n  lat: 52.00718\n  lon: 8.49755\nopening_hours: \"Tu,Th 09:00-12:00; Th 13:30-17:30\"\n",
        "start: 2025-10-28T09:30:00+01:00\nwebsite: https://example.org/a#b\n",
        "tags:\n- a\n- b\nafter: 1\n",
        "tags:\n  - a\n  -   b\n",
        "a: ~\nb: null\nc: [~, NULL, x]\nd: []\ne: [ a , b ]\n",
        "quote: 'it''s'\nescaped: \"a \\\"b\\\" \\\\ c\\n\\td/\"\nempty: \"\"\n",
        "title: Ünïcödé, ähm\nnext: [Ä, \"ö\", 'ü']\n",
        "title: C# and F#\nsum: 1+1=2\n",
        "  indented: 1\n  second: 2\n",
        "title: a   b   \n\n\nnext:   c\n",
        "list:\n  - [a, b]\n  - 'x'\n",
        "key.with-dash_and.dot: 1\n",
        "a:\n  b:\n    c:\n      - d: 1\n        e: 2\n",
    ]

    /// Documents it leaves to libyaml (each would need more than it reads).
    static let leftToLibYAML = [
        "", "\n", "# comment\ntitle: x\n", "title: x # comment\n", "title:\n", "title: |\n  block\n", "title: >\n  folded\n",
        "title: multi\n  line\n", "a: &anchor 1\nb: *anchor\n", "a: !tag x\n", "map: {a: 1}\n", "title: \"open\n",
        "title: \"\\u00e4\"\n", "a: 1\na: 2\n", "a:\tb\n", "a: 1\r\nb: 2\r\n", "---\na: 1\n", "- a\n- b\n- - c\n", "-\n  a\n",
        "a: - b\n", "a: [b, [c]]\n", "a: [b,]\n", "a: b:\n", "a: 1\n  b: 2\n", "? a\n: b\n", "a: -1\n", "\u{FEFF}a: 1\n",
        "\"quoted key\": 1\n", "a: [b: c]\n", "a: 'x' y\n",
        "title: Ünïcödé mit Umlauten: nein\n",
    ]

    @Test(arguments: simple)
    func readsSimpleYAMLAsLibYAMLDoes(text: String) throws {
        let fast = try #require(SimpleYAML.read(text, file: "p.md", lineOffset: 2))
        #expect(fast == (try YAMLReader.readThroughLibYAML(text, file: "p.md", lineOffset: 2)))
    }

    @Test(arguments: leftToLibYAML)
    func leavesTheRestToLibYAML(text: String) {
        #expect(SimpleYAML.read(text, file: "p.md", lineOffset: 0) == nil)
    }

    /// Every front matter of the example site: read by the fast path, or left to libyaml, never read
    /// differently.
    @Test func agreesWithLibYAMLOnTheExampleSite() throws {
        let content = URL(fileURLWithPath: #filePath).appending(path: "../../../content").standardized
        let files = try #require(FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil))
        var read = 0
        for case let url as URL in files where url.pathExtension == "md" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let block = try FrontMatterBlock.split(text, file: url.path)
            guard case .yaml = block.format else { continue }
            let expected = try YAMLReader.readThroughLibYAML(block.text, file: url.path, lineOffset: block.firstLine - 1)
            if let fast = SimpleYAML.read(block.text, file: url.path, lineOffset: block.firstLine - 1) {
                #expect(fast == expected, "\(url.path)")
                read += 1
            }
        }
        #expect(read > 50)
    }
}
