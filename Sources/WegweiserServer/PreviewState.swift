import Foundation
import WegweiserBuild
import WegweiserCore

/// What the server shows now: the site of the last build that succeeded, or the errors of one that
/// failed; and the browsers waiting to hear that it changed.
actor PreviewState {
    enum Current {
        case site(PreparedSite)
        case failed(Diagnostics)
        case starting
    }

    private(set) var current = Current.starting
    /// Counts builds, so a reload can say which build it is for.
    private(set) var generation = 0
    private var generated: [String: OutputFile]?
    private var listeners: [UUID: AsyncStream<Int>.Continuation] = [:]
    /// The last site that built, and the files changed since: what the next build can start from.
    private var lastGood: PreparedSite?
    private var changedSinceLastGood = Set<String>()

    /// Notes changed files and returns the last site that built with every change since it.
    func base(adding changes: [String]) -> (site: PreparedSite, changes: [String])? {
        changedSinceLastGood.formUnion(changes)
        return lastGood.map { ($0, changedSinceLastGood.sorted()) }
    }

    /// Takes a new build's result and tells every open page to reload.
    func update(_ prepared: PreparedSite?, diagnostics: Diagnostics) {
        if let prepared {
            lastGood = prepared
            changedSinceLastGood = []
        }
        current = prepared.map(Current.site) ?? .failed(diagnostics)
        generated = nil
        generation += 1
        for listener in listeners.values { listener.yield(generation) }
    }

    /// The files made with the pages (feeds, sitemaps, search indexes …), made on first use.
    func generatedFiles(of site: PreparedSite) async -> [String: OutputFile] {
        if let generated { return generated }
        let files = await site.generatedFiles()
        // A newer build may have arrived meanwhile; keep only what belongs to the current one.
        if case .site(let now) = current, now.site.config.baseURL == site.site.config.baseURL, generated == nil {
            generated = files
        }
        return files
    }

    /// A stream of build numbers, one per build from now on, until the browser goes away.
    func listen() -> AsyncStream<Int> {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.stopListening(id) } }
        return stream
    }

    private func stopListening(_ id: UUID) {
        listeners[id] = nil
    }

    var listenerCount: Int { listeners.count }
}
