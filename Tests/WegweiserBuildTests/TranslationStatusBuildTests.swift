import Foundation
import Testing
import WegweiserBuild
import WegweiserCore

/// Translation status from git: the time of the last commit of each file, else its modification time.
@Suite(.serialized) struct TranslationStatusBuildTests {
    let directory = FileManager.default.temporaryDirectory.appending(path: "wegweiser-git-\(UUID().uuidString)").path

    func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: directory + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func git(_ arguments: [String], date: String = "2026-01-01T12:00:00Z") throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory, "-c", "user.name=Test", "-c", "user.email=test@example.org",
                             "-c", "commit.gpgsign=false"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date]) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    func englishPage() async throws -> String {
        let output = directory + "-output"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let report = await SiteBuilder(options: BuildOptions(sourceDirectory: directory, outputDirectory: output, jobs: 2)).build()
        #expect(report.succeeded, "\(report.diagnostics.all)")
        return try String(contentsOfFile: output + "/en/wohnen/index.html", encoding: .utf8)
    }

    @Test func anOriginalCommittedAfterItsTranslationOutdatesIt() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try write("title: T\nbase_url: https://example.org/\nlanguages: [de, en]\n", to: "site.yaml")
        try write("---\ntitle: Wohnen\n---\nEine Wohnung finden.\n", to: "content/wohnen.de.md")
        try write("---\ntitle: Housing\n---\nFinding a flat.\n", to: "content/wohnen.en.md")
        try git(["init", "-q"])
        try git(["add", "."])
        try git(["commit", "-q", "-m", "Both"])
        #expect(try await !englishPage().contains("outdated-notice"))

        // The original changes a month later: the English page says so and links the original.
        try write("---\ntitle: Wohnen\n---\nEine Wohnung finden, neu.\n", to: "content/wohnen.de.md")
        try git(["commit", "-q", "-am", "German"], date: "2026-02-01T12:00:00Z")
        let outdated = try await englishPage()
        #expect(outdated.contains(
            #"<p class="notice outdated-notice" role="note">This translation may be out of date: the original in German has changed since. <a href="/de/wohnen/" hreflang="de">Read the original</a></p>"#))

        // The translation is being updated (not committed yet): its file time is now, after the original.
        try write("---\ntitle: Housing\n---\nFinding a flat, anew.\n", to: "content/wohnen.en.md")
        #expect(try await !englishPage().contains("outdated-notice"))
    }
}
