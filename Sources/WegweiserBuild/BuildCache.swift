import Synchronization
import WegweiserContent
import WegweiserCore
import WegweiserSite

/// What one build can hand to the next in `wegweiser serve`: the parsed content files and the loaded
/// theme. `forget(changes:)` drops what a change makes stale, so a rebuild does only the rest.
public final class BuildCache: Sendable {
    let content = ContentCache()
    let bodies = RenderedBodyCache()
    private let theme = Mutex<(LoadedTheme, Diagnostics)?>(nil)

    public init() {}

    /// Drops what the changed paths (relative to the site folder) affect.
    public func forget(changes: [String]) {
        if changes.contains("site.yaml") { content.removeAll() }
        if changes.contains(where: { $0 == "site.yaml" || ["layouts/", "themes/", "i18n/"].contains(where: $0.hasPrefix) }) {
            theme.withLock { $0 = nil }
        }
    }

    var loadedTheme: (LoadedTheme, Diagnostics)? { theme.withLock { $0 } }

    func keep(_ loaded: LoadedTheme, diagnostics: Diagnostics) {
        theme.withLock { $0 = (loaded, diagnostics) }
    }
}
