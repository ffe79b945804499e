import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import WegweiserBuild
import WegweiserCore

/// `wegweiser serve`: builds the site into memory, serves it over HTTP, rebuilds it when a file of the
/// site changes and tells open pages to reload. A failed build keeps the server running: pages show
/// the errors until the next build succeeds.
public struct PreviewServer: Sendable {
    public var options: BuildOptions
    public var host: String
    public var port: Int
    /// Where each line for the terminal goes.
    public var log: @Sendable (String) -> Void
    /// Where the diagnostics of each build go (the CLI prints them like `wegweiser build` does).
    public var report: @Sendable (BuildReport) -> Void

    /// The folders and files of a site that a build reads.
    public static let watchedFolders = ["content", "data", "i18n", "layouts", "static", "themes"]
    public static let watchedFiles = ["site.yaml"]

    public init(
        options: BuildOptions, host: String = "127.0.0.1", port: Int = 1313, log: @escaping @Sendable (String) -> Void,
        report: @escaping @Sendable (BuildReport) -> Void
    ) {
        self.options = options
        self.host = host
        self.port = port
        self.log = log
        self.report = report
    }

    /// Serves until SIGINT or SIGTERM; `onReady` gets the address once the server listens.
    public func run(onReady: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        let state = PreviewState()
        let siteRoot = URL(fileURLWithPath: options.sourceDirectory).standardizedFileURL.resolvingSymlinksInPath().path
        let responder = PreviewResponder(state: state, siteRoot: siteRoot)
        var logger = Logger(label: "wegweiser-serve")
        logger.logLevel = .critical
        // Watching starts first, so that a change during the first build brings a second one.
        let changes = FileWatcher(root: options.sourceDirectory, folders: Self.watchedFolders, files: Self.watchedFiles).changes()
        await rebuild(state: state, changes: [], started: ContinuousClock.now)
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in await responder.respond(to: request) },
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            services: [RebuildService(server: self, state: state, changes: changes)],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shownHost = host.contains(":") ? "[\(host)]" : host
                onReady("http://\(shownHost):\(port)/")
            },
            logger: logger)
        try await app.runService()
    }

    /// One build into memory, its line for the terminal, and a reload for the open pages. Edits of
    /// pages update the last site that built (only their pages are made again); anything else, or an
    /// edit that moves a page, builds the site again.
    func rebuild(state: PreviewState, changes: [String], started: ContinuousClock.Instant) async {
        options.cache?.forget(changes: changes)
        let builder = SiteBuilder(options: options)
        var result: (PreparedSite?, BuildReport)?
        if let base = await state.base(adding: changes) { result = await builder.update(base.site, changes: base.changes) }
        let (prepared, buildReport) = if let result { result } else { await builder.prepare() }
        await state.update(prepared, diagnostics: buildReport.diagnostics)
        let elapsed = ContinuousClock.now - started
        report(buildReport)
        log(Self.line(changes: changes, report: buildReport, elapsed: elapsed))
    }

    /// `14:03:07 content/de/x.md changed → 372 pages in 84 ms`.
    static func line(changes: [String], report: BuildReport, elapsed: Duration) -> String {
        let time = Date().formatted(Date.ISO8601FormatStyle(timeZone: .current).time(includingFractionalSeconds: false).timeSeparator(.colon))
        let what: String
        switch changes.count {
        case 0: what = "built"
        case 1: what = "\(changes[0]) changed →"
        default: what = "\(changes[0]) and \(changes.count - 1) more changed →"
        }
        let milliseconds = Int((Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) * 1000)
        let errors = report.diagnostics.errors.count
        if errors > 0 {
            return "\(time) \(what) \(errors == 1 ? "1 error" : "\(errors) errors") in \(milliseconds) ms (shown in the browser)"
        }
        let pages = report.pagesPerLanguage.reduce(0) { $0 + $1.count }
        return "\(time) \(what) \(pages) pages in \(milliseconds) ms"
    }
}

/// Rebuilds the site after every batch of changes, for as long as the server runs.
struct RebuildService: Service {
    let server: PreviewServer
    let state: PreviewState
    let changes: AsyncStream<[String]>

    func run() async throws {
        for await changes in changes.cancelOnGracefulShutdown() {
            await server.rebuild(state: state, changes: changes, started: ContinuousClock.now)
        }
    }
}
