import ArgumentParser
import Foundation
import Synchronization
import WegweiserBuild
import WegweiserCore
import WegweiserServer

/// `wegweiser serve`
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site in a browser, rebuilt and reloaded on every change.",
        discussion: """
            Builds the site into memory (never into output/) and serves it at http://127.0.0.1:1313/. \
            Changes to site.yaml, content/, data/, i18n/, layouts/, static/ and themes/ rebuild it and \
            reload the open pages. While the site has errors, pages show them instead. Stop with Ctrl-C.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder.", valueName: "DIR"))
    var source = "."

    @Option(name: .long, help: ArgumentHelp("The address to listen on; 0.0.0.0 makes the preview reachable from other machines.", valueName: "HOST"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The port; 0 picks a free one.", valueName: "PORT"))
    var port = 1313

    @Flag(name: .long, help: "Include drafts and pages dated in the future, marked by a banner.")
    var drafts = false

    @Option(name: .long, help: ArgumentHelp("The moment to build for, as ISO 8601 (see build --help).", valueName: "ISO8601"))
    var now: String?

    @Option(name: .long, help: ArgumentHelp("Parallel tasks (default: the number of cores).", valueName: "N"))
    var jobs: Int?

    @Flag(name: .long, help: "Also print how long each step of each rebuild took.")
    var verbose = false

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if let now, BuildCommand.parseNow(now) == nil { throw ValidationError("--now must be ISO 8601, like 2026-01-31 or 2026-01-31T12:00:00Z, not '\(now)'.") }
    }

    func run() async throws {
        guard FileManager.default.fileExists(atPath: source + "/site.yaml") else {
            FileHandle.standardError.write(Data("error: no site.yaml in \(source); run this in a site folder or pass --source DIR\n".utf8))
            throw ExitCode(1)
        }
        let port = try self.port == 0 ? FreePort.find(host: host) : self.port
        let shownHost = host.contains(":") ? "[\(host)]" : host
        var options = BuildOptions(
            sourceDirectory: source, outputDirectory: nil, baseURL: "http://\(shownHost):\(port)/", includeDrafts: drafts,
            now: now.flatMap(BuildCommand.parseNow) ?? Date(), jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        options.cache = BuildCache()
        let printer = ReportPrinter(format: .text, quiet: true, verbose: false)
        let shown = Mutex<Set<Diagnostic>>([])
        let server = PreviewServer(
            options: options, host: host, port: port,
            log: { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) },
            report: { [verbose] report in
                if verbose {
                    let steps = report.steps.map { "\($0.name) \(ReportPrinter.milliseconds($0.duration))" }.joined(separator: ", ")
                    FileHandle.standardOutput.write(Data("  \(steps)\n".utf8))
                }
                // Errors every time; a warning once, not again on every rebuild.
                let fresh = shown.withLock { shown in
                    report.diagnostics.all.filter { diagnostic in shown.insert(diagnostic).inserted || diagnostic.severity == .error }
                }
                for diagnostic in Diagnostics(fresh).sorted {
                    FileHandle.standardError.write(Data((printer.line(for: diagnostic) + "\n").utf8))
                }
            })
        do {
            try await server.run { address in
                FileHandle.standardOutput.write(Data("Serving \(source == "." ? "the site" : source) at \(address)\(drafts ? " with drafts" : "") — Ctrl-C to stop\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("error: cannot serve on \(shownHost):\(port): \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
