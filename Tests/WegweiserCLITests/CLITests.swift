import Foundation
import Testing
@testable import WegweiserCLI

@Suite(.serialized) struct CLITests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appending(path: "../WegweiserBuildTests/Fixtures/Sites/small").standardizedFileURL.path

    func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appending(path: "wegweiser-cli-\(UUID().uuidString)").path
    }

    @Test func exitsWithZeroWhenTheBuildSucceeds() async throws {
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let code = await WegweiserCommand.run(arguments: ["build", "--source", Self.fixture, "--output", output, "--now", "2026-01-01", "--quiet"])
        #expect(code == 0)
        #expect(FileManager.default.fileExists(atPath: output + "/de/index.html"))
    }

    @Test func exitsWithOneWhenTheContentHasErrors() async throws {
        let site = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: site)
        try Data("---\ndate: 2024-13-45\n---\n".utf8).write(to: URL(fileURLWithPath: site + "/content/reports/alpha.de.md"))
        #expect(await WegweiserCommand.run(arguments: ["build", "--source", site, "--quiet"]) == 1)
    }

    @Test(arguments: [
        ["build", "--jobs", "0"], ["build", "--now", "yesterday"], ["build", "--quiet", "--verbose"], ["frobnicate"], ["build", "--format", "xml"],
        ["check", "--external"], ["serve", "--port", "70000"], ["serve", "--jobs", "0"], ["serve", "--now", "soon"],
    ])
    func exitsWithTwoOnAUsageError(_ arguments: [String]) async {
        #expect(await WegweiserCommand.run(arguments: arguments) == 2)
    }

    @Test func refusesToServeAFolderWithoutASite() async {
        let folder = temporaryFolder()
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(await WegweiserCommand.run(arguments: ["serve", "--source", folder, "--port", "0"]) == 1)
    }

    @Test func answersHelpForEveryCommand() async {
        #expect(await WegweiserCommand.run(arguments: ["--help"]) == 0)
        #expect(await WegweiserCommand.run(arguments: ["build", "--help"]) == 0)
        #expect(BuildCommand.helpMessage().contains("--base-url <URL>"))
        #expect(WegweiserCommand.helpMessage().contains("build"))
        #expect(await WegweiserCommand.run(arguments: ["serve", "--help"]) == 0)
        #expect(ServeCommand.helpMessage().contains("--port <PORT>"))
        #expect(WegweiserCommand.helpMessage().contains("serve"))
        #expect(await WegweiserCommand.run(arguments: ["new", "--help"]) == 0)
        #expect(NewCommand.helpMessage().contains("<KIND> <NAME>") && WegweiserCommand.helpMessage().contains("new"))
    }

    @Test func usesColourOnlyOnATerminalAndNeverWithNoColor() {
        let handle = FileHandle(forWritingAtPath: "/dev/null")!
        #expect(Terminal.colorsEnabled(for: handle, environment: [:]) == false)
        #expect(Terminal.colorsEnabled(for: handle, environment: ["NO_COLOR": "1"]) == false)
    }
}

@Suite(.serialized) struct CheckCommandTests {
    @Test func exitsWithOneWhenEntriesAreStaleAndZeroWhenNot() async {
        let fixture = CLITests.fixture
        #expect(await WegweiserCommand.run(arguments: ["check", "--source", fixture, "--stale", "6", "--now", "2026-12-01"]) == 1)
        #expect(await WegweiserCommand.run(arguments: ["check", "--source", fixture, "--now", "2026-12-01", "--format", "json"]) == 0)
        #expect(await WegweiserCommand.run(arguments: ["check", "--stale", "0"]) == 2)
    }
}
