import Foundation
import WegweiserContent
import WegweiserCore
import WegweiserSite

/// A directory entry whose details nobody has checked for a while.
public struct StaleContact: Sendable {
    public var title: String
    /// The entry (its translation key): several files of one entry are one entry.
    public var entry: String
    /// Where to fix it: the `last_verified` field, or the entry's file.
    public var location: SourceLocation?
    public var lastVerified: ContentDate?
    /// Whole months since it was last verified; nil when it never was.
    public var months: Int?
    /// The day it was verified, as written: `2025-03-10`.
    public var verifiedDay: String?

    /// The message for the user, as a warning at `location`.
    public var diagnostic: Diagnostic {
        guard let months, let verifiedDay else {
            return .warning("'\(title)' has no last_verified date; add it when you have checked the entry", at: location)
        }
        return .warning("'\(title)' was last verified on \(verifiedDay), \(months) months ago", at: location)
    }
}

extension Site {
    /// Contacts not verified within `months` months of "now" (or never): one line per place the date
    /// is written (each translation file has its own; a spreadsheet row has one for all languages), in
    /// file order. `checked` counts entries, not language versions.
    public func staleContacts(olderThan months: Int) -> (stale: [StaleContact], checked: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = config.timeZone
        let limit = calendar.date(byAdding: .month, value: -months, to: options.now)!
        var stale: [SourceLocation: StaleContact] = [:]
        var entries = Set<String>()
        // Default-language versions first, so a spreadsheet row is named by its main title.
        let contacts = pages.filter { $0.kind == .page && !$0.isFallback && $0.fields.contact != nil }
            .sorted { ($0.language != config.defaultLanguage ? 1 : 0, $0.id) < ($1.language != config.defaultLanguage ? 1 : 0, $1.id) }
        for page in contacts {
            entries.insert(page.translationKey)
            let verified = page.fields.contact!.lastVerified
            // A spreadsheet row is found by its key cell; a file by its first line.
            guard let location = page.location(of: verified == nil ? "key" : "last_verified"), stale[location] == nil else { continue }
            guard let verified else {
                stale[location] = StaleContact(title: page.title, entry: page.translationKey, location: location, lastVerified: nil, months: nil)
                continue
            }
            guard verified.instant < limit else { continue }
            let age = calendar.dateComponents([.month], from: verified.instant, to: options.now).month ?? months
            let day = verified.instant.isoDay(in: config.timeZone)
            stale[location] = StaleContact(
                title: page.title, entry: page.translationKey, location: location, lastVerified: verified, months: age, verifiedDay: day)
        }
        return (stale.values.sorted { $0.location! < $1.location! }, entries.count)
    }
}
