import Foundation
import WegweiserCore
import WegweiserSite

/// Small helpers shared by the XML outputs.
enum XMLText {
    static let declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"

    /// RFC 3339 in UTC, as Atom and sitemaps want it.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}

extension Site {
    /// Pages that are worth listing in feeds and sitemaps: every real page and list, no fallback copies.
    var publishedPages: [PageID] {
        pages.indices.filter { !pages[$0].kind.isUtility && !pages[$0].isFallback }.map(PageID.init)
    }
}
