import WegweiserCore

/// Words the model needs in each language that come from the theme's UI strings, not from content.
public struct SiteLabels: Sendable {
    /// Taxonomy key → its title per language ("tags" → "Schlagwörter").
    public var taxonomyTitles: [LanguageCode: [String: String]]
    public var notFoundTitles: [LanguageCode: String]
    public var searchTitles: [LanguageCode: String]
    public var footnoteBackLabels: [LanguageCode: String]
    /// The hidden text after a link that leaves the site: "(externer Link)".
    public var externalLinkLabels: [LanguageCode: String] = [:]
    /// The name of the scrolling region around a table: "Tabelle".
    public var tableLabels: [LanguageCode: String] = [:]
    /// Category key → its name per language (`language-cafe` → "Sprachcafé"), for term pages.
    public var categoryNames: [LanguageCode: [String: String]]

    public init(
        taxonomyTitles: [LanguageCode: [String: String]] = [:], notFoundTitles: [LanguageCode: String] = [:],
        footnoteBackLabels: [LanguageCode: String] = [:], categoryNames: [LanguageCode: [String: String]] = [:],
        searchTitles: [LanguageCode: String] = [:]
    ) {
        self.searchTitles = searchTitles
        self.taxonomyTitles = taxonomyTitles
        self.notFoundTitles = notFoundTitles
        self.footnoteBackLabels = footnoteBackLabels
        self.categoryNames = categoryNames
    }
}
