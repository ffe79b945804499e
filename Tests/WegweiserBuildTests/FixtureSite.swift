import Foundation
import Testing
import WegweiserBuild
import WegweiserCore

/// A fixture site copied to a temporary folder, so a test may change it and build it.
struct FixtureSite {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/Sites")
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Golden")
    /// The "now" of every fixture build, so output never depends on the day the tests run.
    static let now = ISO8601DateFormatter().date(from: "2026-01-01T00:00:00Z")!

    let directory: String
    var output: String { directory + "/output" }

    /// Copies `Fixtures/Sites/<name>` to a new temporary folder.
    init(_ name: String) throws {
        let temporary = FileManager.default.temporaryDirectory.appending(path: "wegweiser-\(name)-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.fixtures.appending(path: name), to: temporary)
        directory = temporary.path
    }

    func build(now: Date = FixtureSite.now, drafts: Bool = false, output: String? = nil) async -> BuildReport {
        let options = BuildOptions(sourceDirectory: directory, outputDirectory: output ?? self.output, includeDrafts: drafts, now: now, jobs: 2)
        return await SiteBuilder(options: options).build()
    }

    func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: directory + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func writeBytes(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: directory + "/" + path))
    }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: directory + "/" + path, encoding: .utf8)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(atPath: directory + "/" + path)
    }

    /// Every file below `folder` with its bytes, by relative path.
    static func snapshot(of folder: String) throws -> [String: Data] {
        let files = try LocalFileSystem().filesRecursively(under: folder, includeHidden: true)
        var result: [String: Data] = [:]
        for file in files { result[file] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)) }
        return result
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The messages of a report with the temporary folder cut from their paths.
    func messages(_ report: BuildReport) -> [String] {
        report.diagnostics.sorted.map { $0.description.replacingOccurrences(of: directory + "/", with: "") }
    }
}
