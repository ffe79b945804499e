import Foundation
import Testing
import WegweiserCore
@testable import WegweiserContent

@Suite struct SiteConfigTests {
    @Test func readsTheSpecExample() throws {
        let text = """
            title: {de: Integrationswegweiser Pforzheim, en: Integration guide Pforzheim}
            base_url: https://integration.example.de/
            time_zone: Europe/Berlin
            default_language: de
            languages:
              - {code: de, name: Deutsch}
              - {code: de-x-easy, name: Leichte Sprache, fallback: de}
              - {code: en, name: English}
              - {code: ar, name: العربية, direction: rtl}
              - {code: uk, name: Українська}
            missing_translation: fallback
            theme: default
            """
        let (config, diagnostics) = try SiteConfigLoader.load(text, file: "site.yaml")
        #expect(diagnostics.isEmpty)
        #expect(config.languages.map(\.code.rawValue) == ["de", "de-x-easy", "en", "ar", "uk"])
        #expect(config.language(LanguageCode("ar")!)?.direction == .rightToLeft)
        #expect(config.title(for: LanguageCode("uk")!) == "Integrationswegweiser Pforzheim")
        #expect(config.title(for: LanguageCode("en")!) == "Integration guide Pforzheim")
        #expect(config.fallbackChain(for: LanguageCode("de-x-easy")!).map(\.rawValue) == ["de-x-easy", "de"])
        #expect(config.fallbackChain(for: LanguageCode("uk")!).map(\.rawValue) == ["uk", "de"])
        #expect(config.timeZone.identifier == "Europe/Berlin")
        #expect(config.missingTranslation == .fallback)
    }

    @Test(arguments: [
        ("", true, 256 * 1024), ("search: false\n", false, 256 * 1024), ("search: {enabled: true, split_above: 4096}\n", true, 4096),
        ("search: {enabled: no}\n", false, 256 * 1024),
    ])
    func readsTheSearchSettings(line: String, enabled: Bool, splitAbove: Int) throws {
        let (config, diagnostics) = try SiteConfigLoader.load("title: T\nbase_url: https://x.org/\nlanguages: [de]\n" + line, file: "site.yaml")
        #expect(diagnostics.all.isEmpty)
        #expect(config.search == SearchSettings(enabled: enabled, splitAbove: splitAbove))
    }

    @Test func namesLanguagesByThemselvesWhenNotGiven() throws {
        let (config, _) = try SiteConfigLoader.load("title: T\nbase_url: https://x.org/\nlanguages: [de, uk, ar]\n", file: "site.yaml")
        #expect(config.languages.map(\.name) == ["Deutsch", "Українська", "العربية"])
        #expect(config.languages.map(\.direction) == [.leftToRight, .leftToRight, .rightToLeft])
        #expect(config.defaultLanguage.rawValue == "de")
    }

    @Test(arguments: [
        ("title: T\nlanguages: [de]\n", "site.yaml:1:1: error: 'base_url' is missing"),
        ("title: T\nbase_url: ftp://x.org/\nlanguages: [de]\n", "site.yaml:2:11: error: 'base_url' must be an http or https address"),
        ("title: T\nbase_url: https://x.org/\ntime_zone: Europe/Berlinn\nlanguages: [de]\n", "site.yaml:3:12: error: 'Europe/Berlinn' is not a time zone"),
        ("title: T\nbase_url: https://x.org/\nlanguages: [de, de]\n", "site.yaml:3:17: error: language 'de' is listed twice"),
        ("title: T\nbase_url: https://x.org/\nlanguages: [de, deutsch_1]\n", "site.yaml:3:17: error: 'deutsch_1' is not a language code"),
        (
            "title: T\nbase_url: https://x.org/\nlanguages:\n  - {code: de, fallback: en}\n  - {code: en, fallback: de}\n",
            "site.yaml:4:26: error: the fallbacks of 'de' go round in a circle (de → en → de)"
        ),
        ("title: T\nbase_url: https://x.org/\nlanguages: [de]\nmissing_translation: hide\n", "site.yaml:4:22: error: 'missing_translation' must be fallback or omit"),
        ("title: T\nbase_url: https://x.org/\nlanguages: [de]\npaginate: 0\n", "site.yaml:4:11: error: 'paginate' must be at least 1"),
        ("title: T\nbase_url: https://x.org/\nlanguages: [de]\nbroken_links: sometimes\n", "site.yaml:4:15: error: 'broken_links' must be error or warning, not 'sometimes'"),
        ("title: T\nbase_url: https://x.org/\nlanguages: [de]\nlanguage: de\n", "site.yaml:4:1: warning: unknown setting 'language'; did you mean 'languages'?"),
        ("title: T\nbase_url: https://x.org/\nlanguages: [de]\nsearch: maybe\n", "site.yaml:4:9: error: 'search' must be true or false, not 'maybe'"),
        ("title: T\nbase_url: https://x.org/\nlanguages: [de]\nsearch: [a]\n", "site.yaml:4:9: error: 'search' must be true, false or a map"),
        ("title: T\nbase_url: https://x.org/\nlanguages: [de]\nsearch: {split_above: 512}\n", "site.yaml:4:23: error: 'split_above' is a size in bytes"),
        ("title: T\nbase_url: https://x.org/\nlanguages: [de]\nsearch: {enable: false}\n", "site.yaml:4:10: warning: unknown search setting 'enable'; did you mean 'enabled'?"),
    ])
    func reportsBadSettingsAtTheirLine(text: String, expected: String) {
        var messages: [String] = []
        do {
            let (_, diagnostics) = try SiteConfigLoader.load(text, file: "site.yaml")
            messages = diagnostics.all.map(\.description)
        } catch {
            messages = error.diagnostics.map(\.description)
        }
        #expect(messages.contains { $0.hasPrefix(expected) }, "got \(messages)")
    }
}

@Suite struct AccessibilitySettingsTests {
    static let head = "title: T\nbase_url: https://x.org/\nlanguages: [de, en]\naccessibility:\n"
    static let good = """
          conformance: partial
          evaluation: third-party
          prepared: 2026-11-26
          reviewed: 2026-12-01
          known_issues:
            - Alte PDF-Berichte
            - {de: Karten, en: Maps}
          contact: {name: {de: Büro, en: Office}, email: a11y@x.org, phone: +49 30 123-45}
          enforcement: {name: Schlichtungsstelle, url: https://schlichtung.example/, address: Berlin}

        """

    func load(_ body: String) -> (SiteConfig?, [String]) {
        do {
            let (config, diagnostics) = try SiteConfigLoader.load(Self.head + body, file: "site.yaml")
            return (config, diagnostics.all.map(\.description))
        } catch {
            return (nil, error.diagnostics.map(\.description))
        }
    }

    @Test func readsTheStatementsFacts() throws {
        let (config, messages) = load(Self.good)
        #expect(messages.isEmpty)
        let statement = try #require(config?.accessibility)
        #expect(statement.conformance == .partial && statement.evaluation == .thirdParty && statement.regulation == "BITV 2.0")
        #expect(statement.reviewed != nil && statement.prepared < statement.reviewed!)
        let en = [LanguageCode("en")!, LanguageCode("de")!]
        #expect(statement.knownIssues.map { $0.text(in: en)?.text } == ["Alte PDF-Berichte", "Maps"])
        #expect(statement.contact.name?.text(in: en)?.text == "Office")
        #expect(statement.contact.email == "a11y@x.org" && statement.contact.phone?.telURI == "tel:+493012345")
        #expect(statement.enforcement?.url?.host == "schlichtung.example")
    }

    @Test(arguments: [
        ("  conformance: mostly\n  prepared: 2026-11-26\n  contact: {email: a@x.org}\n",
         "site.yaml:5:16: error: 'conformance' must be one of full, partial, none, not 'mostly'"),
        ("  conformance: full\n  prepared: 2026-13-01\n  contact: {email: a@x.org}\n",
         "site.yaml:6:13: error: 'prepared' is not a valid date: '2026-13-01': there is no month 13"),
        ("  conformance: full\n  prepared: 2026-11-26\n  reviewed: 2026-01-01\n  contact: {email: a@x.org}\n",
         "site.yaml:7:13: error: 'reviewed' lies before 'prepared'"),
        ("  conformance: full\n  contact: {email: a@x.org}\n", "site.yaml:5:3: error: 'accessibility' needs 'prepared'"),
        ("  prepared: 2026-11-26\n  contact: {email: a@x.org}\n", "site.yaml:5:3: error: 'accessibility' needs 'conformance'"),
        ("  conformance: full\n  prepared: 2026-11-26\n", "site.yaml:5:3: error: 'accessibility' needs 'contact'"),
        ("  conformance: full\n  prepared: 2026-11-26\n  contact: {name: Büro}\n",
         "site.yaml:7:12: error: 'contact' needs an 'email' or a 'url'"),
        ("  conformance: full\n  prepared: 2026-11-26\n  contact: {email: not-an-address}\n",
         "site.yaml:7:20: error: 'email' must be one e-mail address"),
        ("  conformance: full\n  prepared: 2026-11-26\n  contact: {email: a@x.org, phone: call us}\n",
         "site.yaml:7:36: error: 'phone' must be a telephone number"),
        ("  conformance: full\n  prepared: 2026-11-26\n  contact: {url: www.x.org}\n",
         "site.yaml:7:18: error: 'url' must be a web address"),
        ("  conformance: full\n  prepared: 2026-11-26\n  contact: {email: a@x.org}\n  enforcement: {email: s@x.org}\n",
         "site.yaml:8:16: error: 'enforcement' needs a 'name'"),
        ("  conformance: full\n  prepared: 2026-11-26\n  contact: {email: a@x.org}\n",
         "site.yaml:5:3: warning: 'accessibility' names no 'enforcement' body"),
        ("  conformance: partial\n  prepared: 2026-11-26\n  contact: {email: a@x.org}\n  enforcement: {name: S}\n",
         "site.yaml:5:16: warning: the site is not fully accessible, but 'known_issues' lists nothing"),
        ("  conformance: full\n  prepared: 2026-11-26\n  known_issues: [{fr: Cartes}]\n  contact: {email: a@x.org}\n",
         "site.yaml:7:19: error: 'fr' in 'known_issues' is not one of the site's languages (de, en)"),
        ("  conformance: full\n  prepared: 2026-11-26\n  contact: {email: a@x.org, mail: b@x.org}\n",
         "site.yaml:7:29: warning: unknown setting 'mail' in 'contact'; did you mean 'email'?"),
        ("  conformance: full\n  prepared: 2026-11-26\n  contact: {email: a@x.org}\n  enforcment: {name: S}\n",
         "site.yaml:8:3: warning: unknown setting 'enforcment' in 'accessibility'; did you mean 'enforcement'?"),
        ("  - full\n", "site.yaml:5:3: error: 'accessibility' must be a map"),
        ("  conformance: full\n  prepared: 2026-11-26\n  known_issues: [[a, b]]\n  contact: {email: a@x.org}\n",
         "site.yaml:7:18: error: each entry of 'known_issues' must be text or a map of languages to text"),
        ("  conformance: full\n  prepared: 2026-11-26\n  contact: a@x.org\n",
         "site.yaml:7:12: error: 'contact' must be a map like {name: …, email: …, phone: …, address: …, url: …}"),
        ("  conformance: full\n  prepared: 2026-11-26\n  contact: {email: a@x.org, name: {de: Büro, fr: Bureau}}\n",
         "site.yaml:7:46: error: 'fr' in 'name' is not one of the site's languages (de, en)"),
    ])
    func reportsEveryBadValueAtItsPlace(body: String, expected: String) {
        let (_, messages) = load(body)
        #expect(messages.contains { $0.hasPrefix(expected) }, "got \(messages)")
    }
}

@Suite struct FrontMatterTests {
    func decode(_ yaml: String) throws -> (FrontMatter, [String]) {
        let node = try YAMLReader.read(yaml, file: "p.md", lineOffset: 1)
        let (frontMatter, diagnostics) = FrontMatter.decode(
            node, file: "p.md", timeZone: TimeZone(identifier: "Europe/Berlin")!, taxonomies: ["tags"],
            otherKnownKeys: TypeFields.all)
        return (frontMatter, diagnostics.all.map(\.description))
    }

    @Test func readsTheCommonKeys() throws {
        let (frontMatter, messages) = try decode("""
            title: Hallo
            date: 2024-05-01
            draft: no
            slug: hallo-welt
            tags: [Wohnen, Arbeit]
            weight: 3
            translationKey: greeting
            aliases: [/alt/, alt2/]
            image: {src: a.jpg, alt: Ein Bild}
            wheelchair: no
            """)
        #expect(messages.isEmpty)
        #expect(frontMatter.title == "Hallo")
        #expect(frontMatter.draft == false)
        #expect(frontMatter.slug == "hallo-welt")
        #expect(frontMatter.terms["tags"] == ["Wohnen", "Arbeit"])
        #expect(frontMatter.weight == 3)
        #expect(frontMatter.translationKey == "greeting")
        #expect(frontMatter.aliases.map(\.isInLanguageFolder) == [false, true])
        #expect(frontMatter.image == PageImage(source: "a.jpg", alt: "Ein Bild"))
        // A type field keeps its word: "no" means no wheelchair access, not false.
        #expect(frontMatter.params["wheelchair"]?.value == .scalar("no", quoted: false))
        #expect(frontMatter.locations["date"] == SourceLocation(file: "p.md", line: 3, column: 7))
    }

    @Test(arguments: [
        ("weight: heavy", "p.md:2:9: error: 'weight' must be a whole number, not 'heavy'"),
        ("tags: {a: b}", "p.md:2:7: error: 'tags' must be a list of texts, not a map"),
        ("slug: a/b", "p.md:2:7: error: slug 'a/b' must be one URL segment"),
        ("titel: Hallo", "p.md:2:1: warning: unknown key 'titel'; did you mean 'title'?"),
        ("opening_hour: Mo-Fr 9-12", "p.md:2:1: warning: unknown key 'opening_hour'; did you mean 'opening_hours'?"),
        ("image: a.jpg", "p.md:2:8: warning: 'image' has no alt text"),
        ("title: [a, b]", "p.md:2:8: error: 'title' must be text, not a list"),
        ("lastmod: gestern", "p.md:2:10: error: 'lastmod' is not a valid date: 'gestern'"),
    ])
    func reportsBadFieldsAtTheirValue(yaml: String, expected: String) throws {
        let (_, messages) = try decode(yaml)
        #expect(messages.contains { $0.hasPrefix(expected) }, "got \(messages)")
    }

    @Test func splitsYAMLAndTOMLFrontMatterAndKnowsWhereTheBodyStarts() throws {
        let yaml = try FrontMatterBlock.split("---\ntitle: A\n---\nBody\n", file: "a.md")
        #expect(yaml.format == .yaml && yaml.text == "title: A\n" && yaml.body == "Body\n" && yaml.bodyLine == 4)
        let toml = try FrontMatterBlock.split("+++\ntitle = \"A\"\n+++\n\nBody", file: "a.md")
        #expect(toml.format == .toml && toml.body == "\nBody" && toml.bodyLine == 4)
        let none = try FrontMatterBlock.split("# Just Markdown\n", file: "a.md")
        #expect(none.format == .none && none.body == "# Just Markdown\n")
        // Fences may carry trailing blanks; YAML may close with "..."; a body may be missing.
        let blanks = try FrontMatterBlock.split("--- \t\na: 1\nb: 2\n... \n", file: "a.md")
        #expect(blanks.format == .yaml && blanks.text == "a: 1\nb: 2\n" && blanks.body == "" && blanks.bodyLine == 5)
        let dashes = try FrontMatterBlock.split("----\nx\n", file: "a.md")
        #expect(dashes.format == .none)
        #expect(throws: DiagnosticError.self) { try FrontMatterBlock.split("---", file: "a.md") }
        #expect(throws: DiagnosticError.self) { try FrontMatterBlock.split("+++\ntitle = 1\n---\n", file: "a.md") }
    }
}

@Suite struct ContentScannerTests {
    let fileSystem = MemoryFileSystem(files: [
        "/s/content/_index.de.md": "", "/s/content/_index.en.md": "",
        "/s/content/reports/a.de.md": "", "/s/content/reports/a.md": "", "/s/content/reports/report.v2.md": "",
        "/s/content/reports/b/index.de.md": "", "/s/content/reports/b/photo.jpg": "", "/s/content/reports/b/notes.md": "",
        "/s/content/reports/chart.png": "", "/s/content/reports/.hidden.md": "", "/s/content/reports/a.de.md~": "",
        "/s/content/reports/x.fr.md": "",
    ])

    @Test func classifiesPagesSectionsBundlesAndResources() throws {
        let scanner = ContentScanner(fileSystem: fileSystem, languages: [LanguageCode("de")!, LanguageCode("en")!])
        let (files, diagnostics) = try scanner.scan(directory: "/s/content", displayDirectory: "content")
        let summary = files.map { "\($0.path) \($0.role) \($0.language?.rawValue ?? "-") \($0.logicalPath)" }
        #expect(summary == [
            "_index.de.md sectionIndex de ", "_index.en.md sectionIndex en ",
            "reports/a.de.md page de reports/a", "reports/a.md page - reports/a",
            "reports/b/index.de.md page de reports/b", "reports/b/photo.jpg resource - reports/b",
            "reports/chart.png resource - reports", "reports/report.v2.md page - reports/report.v2",
        ])
        #expect(diagnostics.all.map(\.description).sorted() == [
            "content/reports/b/notes.md:1:1: warning: this Markdown file is inside the page bundle 'reports/b' and is not a page; move it out of the folder to make it one",
            "content/reports/x.fr.md:1:1: error: the file name says language 'fr', which is not in site.yaml (languages: de, en); add it there, or if it is part of the name, join it with '-' instead of '.'",
        ])
    }
}

@Suite struct NameSettingTests {
    @Test(arguments: [
        ("taxonomies: [tags, ../../x]", "site.yaml:4:20: error: taxonomy '../../x' must be a plain name"),
        ("theme: ../elsewhere", "site.yaml:4:8: error: 'theme' must be a plain name"),
    ])
    func refusesNamesThatCouldLeaveTheirFolder(line: String, expected: String) {
        let text = "title: T\nbase_url: https://x.org/\nlanguages: [de]\n\(line)\n"
        var messages: [String] = []
        do { messages = try SiteConfigLoader.load(text, file: "site.yaml").1.all.map(\.description) } catch {
            messages = error.diagnostics.map(\.description)
        }
        #expect(messages.contains { $0.hasPrefix(expected) }, "got \(messages)")
    }
}

@Suite struct FileNameTests {
    @Test func readsTheSuffixOfAConfiguredLanguageThatIsNotISO639() throws {
        let fileSystem = MemoryFileSystem(files: ["/s/content/about.prs.md": "", "/s/content/about.kmr.md": ""])
        let scanner = ContentScanner(fileSystem: fileSystem, languages: [LanguageCode("de")!, LanguageCode("prs")!, LanguageCode("kmr")!])
        let (files, diagnostics) = try scanner.scan(directory: "/s/content", displayDirectory: "content")
        #expect(diagnostics.isEmpty)
        #expect(files.map { $0.language?.rawValue } == ["kmr", "prs"])
        #expect(files.map(\.logicalPath) == ["about", "about"])
    }

    @Test func readsFrontMatterOfAFileWithWindowsLineEnds() throws {
        let text = try SourceText.decode(Array("---\r\ntitle: CRLF\r\n---\r\nBody\r\n".utf8), file: "a.md")
        let block = try FrontMatterBlock.split(text, file: "a.md")
        #expect(block.format == .yaml)
        #expect(try block.read(file: "a.md")?["title"]?.value == .scalar("CRLF", quoted: false))
        #expect(block.body == "Body\n")
    }

    @Test func dropsControlCharactersThatHTMLAndXMLForbid() throws {
        #expect(try SourceText.decode(Array("Bell\u{07} and form\u{0C}feed\ttab".utf8), file: "a.md") == "Bell and formfeed\ttab")
        #expect("a\u{07}<b>".htmlEscaped == "a&lt;b&gt;")
    }

    @Test func makesAnAliasWithoutExtensionAFolder() throws {
        let node = try YAMLReader.read("aliases: [/old, /old.html, alt]", file: "p.md")
        let (frontMatter, _) = FrontMatter.decode(node, file: "p.md", timeZone: .gmt, taxonomies: [], otherKnownKeys: [])
        #expect(frontMatter.aliases.map(\.path.outputFile) == ["old/index.html", "old.html", "alt/index.html"])
    }
}

/// Sources share their fields until one is changed; the identity follows the file, path and language.
@Suite struct PageSourceTests {
    @Test func aChangedCopyLeavesTheOriginalAsItWas() {
        let file = ContentFile(path: "reports/a.de.md", role: .page, language: LanguageCode("de")!, logicalPath: "reports/a")
        let original = PageSource(
            file: file, displayPath: "content/reports/a.de.md", language: LanguageCode("de")!, frontMatter: FrontMatter(), body: "Text",
            bodyLine: 3)
        var copy = original
        copy.body = "Other"
        copy.frontMatter.fieldLanguages["title"] = LanguageCode("en")!
        copy.language = LanguageCode("en")!
        copy.displayPath = "content/reports/a.en.md"
        #expect(original.body == "Text" && original.frontMatter.fieldLanguages.isEmpty)
        #expect(original.identity == "content/reports/a.de.md#reports/a@de")
        #expect(copy.body == "Other" && copy.frontMatter.fieldLanguages["title"] == LanguageCode("en"))
        #expect(copy.identity == "content/reports/a.en.md#reports/a@en")
        copy.file.logicalPath = "reports/b"
        #expect(copy.identity == "content/reports/a.en.md#reports/b@en" && original.identity.hasSuffix("#reports/a@de"))
    }
}
