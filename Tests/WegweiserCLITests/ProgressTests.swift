import Foundation
import Synchronization
import Testing
import WegweiserBuild
import WegweiserCore
@testable import WegweiserCLI

/// What a build shows while it runs, and after.
@Suite struct ProgressTests {
    final class Output: Sendable {
        let text = Mutex("")
        func write(_ line: String) { text.withLock { $0 += line } }
    }

    @Test func quickBuildsShowNothing() {
        let output = Output()
        let printer = ProgressPrinter(isTerminal: true, delay: .seconds(60), write: output.write)
        printer.handle(.step("Read content"))
        printer.handle(.pages(done: 64, total: 100))
        printer.finish()
        #expect(output.text.withLock { $0 } == "")
    }

    @Test func aTerminalGetsABarRedrawnInPlaceAndClearedAtTheEnd() {
        let output = Output()
        let printer = ProgressPrinter(isTerminal: true, delay: .zero, write: output.write)
        printer.handle(.step("Render and write pages"))
        printer.handle(.pages(done: 100, total: 100))
        printer.finish()
        #expect(output.text.withLock { $0 } == "\r\u{1B}[KRender and write pages …"
            + "\r\u{1B}[KRender and write pages  [####################]  100/100" + "\r\u{1B}[K")
        #expect(ProgressPrinter.line(step: "Render", done: 2400, total: 5500, width: 10) == "Render  [####······]  2400/5500")
    }

    @Test func aLogGetsPlainLinesPerStepAndQuarter() {
        let output = Output()
        let printer = ProgressPrinter(isTerminal: false, delay: .zero, write: output.write)
        printer.handle(.step("Render and write pages"))
        for done in stride(from: 64, through: 512, by: 64) { printer.handle(.pages(done: done, total: 512)) }
        printer.handle(.step("Feeds, rest of search"))
        printer.finish()
        #expect(output.text.withLock { $0 } == """
            Render and write pages
            Render and write pages: 128 of 512 pages
            Render and write pages: 256 of 512 pages
            Render and write pages: 384 of 512 pages
            Render and write pages: 512 of 512 pages
            Feeds, rest of search

            """)
    }

    @Test func aBarOnlyOnATerminalWithoutQuietPlainLinesOtherwiseNothingForJSON() {
        #expect(ProgressPrinter.forBuild(quiet: false, json: false, onTerminal: true)?.isTerminal == true)
        #expect(ProgressPrinter.forBuild(quiet: true, json: false, onTerminal: true)?.isTerminal == false)
        #expect(ProgressPrinter.forBuild(quiet: false, json: false, onTerminal: false)?.isTerminal == false)
        #expect(ProgressPrinter.forBuild(quiet: false, json: true, onTerminal: true) == nil)
    }

    @Test func theSummaryTableCountsPagesPerKindAndLanguage() async throws {
        let output = FileManager.default.temporaryDirectory.appending(path: "wegweiser-table-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let report = await SiteBuilder(options: BuildOptions(
            sourceDirectory: CLITests.fixture, outputDirectory: output, now: ISO8601DateFormatter().date(from: "2026-01-01T00:00:00Z")!,
            jobs: 2)).build()
        let table = ReportPrinter(format: .text, quiet: false, verbose: false, colors: false).table(report)
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.first == "           de  en  ar")
        #expect(lines.map { $0.split(separator: " ").first.map(String.init) ?? "" } == ["de", "report", "contact", "event", "page", "list", "total"])
        let totals = report.pagesPerLanguage.map { String($0.count) }
        #expect(lines.last?.split(separator: " ").map(String.init) == ["total"] + totals)
    }

    @Test func printsShellCompletionScriptsThatKnowEveryCommandAndOption() async {
        for shell in ["bash", "zsh", "fish"] {
            #expect(await WegweiserCommand.run(arguments: ["--generate-completion-script", shell]) == 0)
        }
        let script = WegweiserCommand.completionScript(for: .bash)
        for word in ["build", "check", "serve", "new", "--translations", "--external", "--drafts"] {
            #expect(script.contains(word), "\(word)")
        }
    }
}
