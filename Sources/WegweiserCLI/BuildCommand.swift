import ArgumentParser
import Foundation
import WegweiserBuild
import WegweiserContent
import WegweiserCore

/// `wegweiser build`
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into its output folder.",
        discussion: """
            Reads site.yaml, content/, i18n/, layouts/, themes/ and static/ from the site folder and writes the \
            whole site to the output folder: pages, feeds, sitemaps, calendars, vCards and a search index \
            per language. The output is replaced only when the build succeeds; a failed build leaves it \
            exactly as it was. Problems are printed as file:line:column: error|warning: message.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder.", valueName: "DIR"))
    var source = "."

    @Option(name: .long, help: ArgumentHelp("The output folder (default: DIR/output).", valueName: "DIR"))
    var output: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Use this address instead of site.yaml's base_url.", valueName: "URL"))
    var baseURL: String?

    @Flag(name: .long, help: "Include drafts and pages dated in the future.")
    var drafts = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The moment to build for, as ISO 8601 (2026-01-31 or 2026-01-31T12:00:00+01:00; without an offset: UTC). "
                + "Fix it for reproducible builds.", valueName: "ISO8601"))
    var now: String?

    @Option(name: .long, help: ArgumentHelp("Parallel tasks (default: the number of cores).", valueName: "N"))
    var jobs: Int?

    @Flag(name: .long, help: "Print only errors and warnings (and, for a long build, plain progress lines instead of a bar).")
    var quiet = false

    @Flag(name: .long, help: "Also print how long each step took.")
    var verbose = false

    @Option(name: .long, help: "How to print the result: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose exclude each other.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if let now, Self.parseNow(now) == nil { throw ValidationError("--now must be ISO 8601, like 2026-01-31 or 2026-01-31T12:00:00Z, not '\(now)'.") }
    }

    static func parseNow(_ text: String) -> Date? {
        try? ContentDate.parse(text, timeZone: TimeZone(identifier: "UTC")!).get().instant
    }

    func run() async throws {
        var options = BuildOptions(
            sourceDirectory: source, outputDirectory: output, baseURL: baseURL, includeDrafts: drafts,
            now: now.flatMap(Self.parseNow) ?? Date(), jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let progress = ProgressPrinter.forBuild(
            quiet: quiet, json: format == .json, onTerminal: isatty(FileHandle.standardError.fileDescriptor) == 1)
        if let progress { options.progress = { @Sendable event in progress.handle(event) } }
        let report = await SiteBuilder(options: options).build()
        progress?.finish()
        let printer = ReportPrinter(format: format, quiet: quiet, verbose: verbose)
        printer.print(report)
        if !report.succeeded { throw ExitCode(1) }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
