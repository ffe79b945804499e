import Synchronization
import WegweiserCore

/// What reading each content file gave, by path and modification time, so that a rebuild in
/// `wegweiser serve` reads and parses only the files that changed.
public final class ContentCache: Sendable {
    private struct Entry: Sendable {
        var modified: Double
        var source: PageSource?
        var diagnostics: Diagnostics
    }

    private let entries = Mutex<[String: Entry]>([:])

    public init() {}

    func result(for path: String, modified: Double) -> (PageSource?, Diagnostics)? {
        entries.withLock { entries in
            guard let entry = entries[path], entry.modified == modified else { return nil }
            return (entry.source, entry.diagnostics)
        }
    }

    func store(_ result: (PageSource?, Diagnostics), for path: String, modified: Double) {
        entries.withLock { $0[path] = Entry(modified: modified, source: result.0, diagnostics: result.1) }
    }

    /// Forgets everything, for when the settings that reading depends on changed (site.yaml).
    public func removeAll() {
        entries.withLock { $0.removeAll() }
    }
}
