import Foundation
import WegweiserContent
import WegweiserCore
import WegweiserSite

/// Assembles a site from content given as text, in memory, for tests of the model and what is made of it.
public struct SiteFixture {
    public var siteYAML = """
        title: {de: Testseite, en: Test site}
        base_url: https://example.org/
        time_zone: Europe/Berlin
        languages:
          - {code: de, name: Deutsch}
          - {code: en, name: English}
          - {code: ar, name: العربية}
        """
    public var files: [String: String]
    public var now = ISO8601DateFormatter().date(from: "2026-01-01T00:00:00Z")!
    public var drafts = false
    /// When each file (`content/…`) last changed, for translation status.
    public var changeTimes: [String: Date] = [:]

    public init(_ files: [String: String], siteYAML: String? = nil) {
        self.files = files
        if let siteYAML { self.siteYAML = siteYAML }
    }

    public func assemble() async throws -> (Site?, Diagnostics) {
        let (assembled, diagnostics) = try await assembleKeepingState()
        return (assembled?.site, diagnostics)
    }

    /// The site with what its assembly learned (link findings, what updates need).
    public func assembleKeepingState() async throws -> (AssembledSite?, Diagnostics) {
        let (config, _) = try SiteConfigLoader.load(siteYAML, file: "site.yaml")
        let fileSystem = MemoryFileSystem(files: Dictionary(uniqueKeysWithValues: files.map { ("/site/content/" + $0.key, $0.value) }))
        let scanner = ContentScanner(fileSystem: fileSystem, languages: config.languages.map(\.code))
        let (contentFiles, scanDiagnostics) = try scanner.scan(directory: "/site/content", displayDirectory: "content")
        let (sources, loadDiagnostics) = await ContentLoader(fileSystem: fileSystem, config: config)
            .load(contentFiles, directory: "/site/content", displayDirectory: "content", jobs: 2)
        var (assembled, diagnostics) = await SiteAssembler(config: config, options: SiteOptions(now: now, includeDrafts: drafts, jobs: 2))
            .assemble(sources: sources, resources: contentFiles, changeTimes: changeTimes)
        diagnostics.append(contentsOf: scanDiagnostics)
        diagnostics.append(contentsOf: loadDiagnostics)
        return (assembled, diagnostics)
    }

    /// The assembled site; fails the test when it has errors.
    public func site() async throws -> Site {
        let (site, diagnostics) = try await assemble()
        guard let site else { throw DiagnosticError(diagnostics.all) }
        return site
    }
}

extension Site {
    public func page(at path: String) -> Page? {
        pages.first { $0.path.description == path }
    }

    public func paths(_ kind: PageKind, in language: String) -> [String] {
        pages.filter { $0.kind == kind && $0.language.rawValue == language }.map(\.path.description).sorted()
    }
}

/// A content file with front matter: a title, more YAML lines, a body.
public func page(_ title: String, _ extra: String = "", body: String = "Text.") -> String {
    "---\ntitle: \(title)\n\(extra)\(extra.isEmpty || extra.hasSuffix("\n") ? "" : "\n")---\n\(body)\n"
}
