import Foundation
import WegweiserCore

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

/// What a build did: pages per language, files, time, and every message.
public struct BuildReport: Sendable {
    public var pagesPerLanguage: [(language: LanguageCode, count: Int)] = []
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
