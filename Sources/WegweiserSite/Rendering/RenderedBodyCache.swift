import Synchronization
import WegweiserCore

/// Rendered Markdown bodies kept from one assembly to the next (`wegweiser serve`): a body is rendered
/// again only when its text, its page's address or language, or the addresses of the site's pages
/// (which its links resolve to) changed.
public final class RenderedBodyCache: Sendable {
    struct Key: Hashable, Sendable {
        var body: String
        var source: String
        var path: URLPath
        var language: LanguageCode
        var isFallback: Bool
        /// Everything else a body's rendering depends on: the site's page addresses, unpublished
        /// pages, Markdown settings.
        var site: Int
    }

    struct Rendered: Sendable {
        var content: PageContent
        var summary: String
        var diagnostics: Diagnostics
        var anchors: [AnchorLink]
        var findings: [LinkFinding]
    }

    private let entries = Mutex<[Key: Rendered]>([:])

    public init() {}

    func rendered(for key: Key) -> Rendered? { entries.withLock { $0[key] } }

    /// Keeps exactly this assembly's bodies, so that the cache never outgrows the site.
    func replace(with rendered: [Key: Rendered]) { entries.withLock { $0 = rendered } }
}
