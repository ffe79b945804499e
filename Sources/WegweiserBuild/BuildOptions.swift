import Foundation
import WegweiserCore
import WegweiserSite

/// What `wegweiser build` was asked to do.
public struct BuildOptions: Sendable {
    /// The site folder, as the user wrote it (used in messages too).
    public var sourceDirectory: String
    /// The output folder; `<source>/output` unless given.
    public var outputDirectory: String
    /// Replaces site.yaml's `base_url` (for previews and staging hosts).
    public var baseURL: String?
    public var includeDrafts: Bool
    public var now: Date
    public var jobs: Int
    /// Results of the previous build to reuse (`wegweiser serve`); nil for a build from scratch.
    public var cache: BuildCache?
    /// Told when each step starts and as pages are written (the CLI's progress bar).
    public var progress: (@Sendable (BuildProgress) -> Void)?

    public init(
        sourceDirectory: String = ".", outputDirectory: String? = nil, baseURL: String? = nil, includeDrafts: Bool = false,
        now: Date = Date(), jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.sourceDirectory = sourceDirectory
        self.outputDirectory = outputDirectory ?? Self.join(sourceDirectory, "output")
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.now = now
        self.jobs = max(1, jobs)
    }

    /// A path below the site folder, as messages show it: `content/x.md` when building `.`.
    func display(_ path: String) -> String { Self.join(sourceDirectory, path) }

    static func join(_ directory: String, _ path: String) -> String {
        if directory.isEmpty || directory == "." { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }
}

/// How far a build is.
public enum BuildProgress: Sendable, Equatable {
    /// A step starts: `Read content`, `Render and write pages` …
    case step(String)
    /// Pages (and pages of lists) written so far, of all.
    case pages(done: Int, total: Int)
}

/// What a build did: pages per language, files, time, and every message.
public struct BuildReport: Sendable {
    public var pagesPerLanguage: [(language: LanguageCode, count: Int)] = []
    /// Per kind of page (`report`, `contact`, `event`, `page`, or `list` for home, section and taxonomy
    /// pages) and language, how many there are.
    public var pagesPerType: [(type: String, counts: [LanguageCode: Int])] = []
    public var filesWritten = 0
    public var duration: Duration = .zero
    public var steps: [(name: String, duration: Duration)] = []
    public var diagnostics = Diagnostics()
    public var outputDirectory: String
    /// Per language, the interface texts the theme uses that it has no text for in that language.
    public var missingStrings: [LanguageCode: [String]] = [:]

    public var succeeded: Bool { !diagnostics.hasErrors }

    public init(outputDirectory: String) {
        self.outputDirectory = outputDirectory
    }
}

extension BuildReport {
    /// The pages of a site per language (without 404 and search pages), and per kind and language.
    static func counts(of site: Site) -> (
        perLanguage: [(language: LanguageCode, count: Int)], perType: [(type: String, counts: [LanguageCode: Int])]
    ) {
        var byType: [String: [LanguageCode: Int]] = [:]
        for index in site.pages.indices where !site.pages[index].kind.isUtility {
            let page = site.pages[index]
            byType[page.kind == .page ? page.type : "list", default: [:]][page.language, default: 0] += 1
        }
        let perLanguage = site.languages.map { language in (language.code, byType.values.reduce(0) { $0 + ($1[language.code] ?? 0) }) }
        // The built-in types first, in their usual order, then a site's own, then lists.
        let order = ["report", "contact", "event", "page"]
        let types = byType.keys.sorted { a, b in
            let rank = { (type: String) in type == "list" ? order.count + 1 : (order.firstIndex(of: type) ?? order.count) }
            return (rank(a), a) < (rank(b), b)
        }
        return (perLanguage, types.map { ($0, byType[$0]!) })
    }
}
