import Foundation
import WegweiserCore

/// One language of the site, as configured in site.yaml.
public struct LanguageConfig: Sendable, Hashable {
    public var code: LanguageCode
    /// The language's own name ("Deutsch", "العربية"), shown in the language switcher.
    public var name: String
    public var direction: TextDirection
    /// The next language to try for missing text; the default language ends every chain.
    public var fallback: LanguageCode?
    public var location: SourceLocation

    public init(
        code: LanguageCode, name: String, direction: TextDirection, fallback: LanguageCode? = nil,
        location: SourceLocation
    ) {
        self.code = code
        self.name = name
        self.direction = direction
        self.fallback = fallback
        self.location = location
    }
}

/// A grouping of pages by the values of one field: `tags`, or `categories` from `category`.
public struct Taxonomy: Sendable, Hashable {
    /// The name in addresses and UI strings: `/de/categories/`, `taxonomy_categories`.
    public var name: String
    /// The front matter field whose values are the terms.
    public var field: String

    public init(name: String, field: String? = nil) {
        self.name = name
        self.field = field ?? Self.defaultFields[name] ?? name
    }

    /// Whether the terms are language codes, shown by the languages' own names.
    public var holdsLanguages: Bool { field == "languages" }

    static let defaultFields = ["categories": "category", "municipalities": "municipality"]

    /// SPEC §5: tags, topics, categories, municipalities and spoken languages.
    public static let defaults = ["tags", "topics", "categories", "municipalities", "languages"].map { Taxonomy(name: $0) }
}

/// What a language version does when a page has no translation.
public enum MissingTranslationPolicy: String, Sendable, Hashable, CaseIterable {
    /// Build the page with the fallback language's text, marked and with a notice.
    case fallback
    /// Leave the page out of that language.
    case omit
}

/// site.yaml, validated.
public struct SiteConfig: Sendable {
    /// The site title per language; `title(for:)` falls back to the default language.
    public var titles: [LanguageCode: String]
    public var baseURL: URL
    public var timeZone: TimeZone
    public var defaultLanguage: LanguageCode
    /// In the order of site.yaml, which is the order of the language switcher.
    public var languages: [LanguageConfig]
    public var missingTranslation: MissingTranslationPolicy
    public var theme: String
    public var themeLocation: SourceLocation
    /// Entries per page of section and taxonomy lists.
    public var paginate: Int
    /// Entries in each Atom feed.
    public var feedLimit: Int
    public var unsafeHTML: Bool
    public var hardLineBreaks: Bool
    /// The groupings of pages by a field's values, each with its term pages.
    public var taxonomies: [Taxonomy]
    /// Everything under `params:`, for templates.
    public var params: DataNode?
    /// The file it came from, for messages about it.
    public var file: String
    public var search = SearchSettings()
    /// How a link to a page, file or anchor that does not exist is reported (`broken_links`).
    public var brokenLinks = Diagnostic.Severity.error
    /// The accessibility statement's facts, for the theme's `accessibility` layout.
    public var accessibility: AccessibilityStatement?

    public init(
        titles: [LanguageCode: String], baseURL: URL, timeZone: TimeZone, defaultLanguage: LanguageCode,
        languages: [LanguageConfig], missingTranslation: MissingTranslationPolicy = .fallback,
        theme: String = "default", themeLocation: SourceLocation? = nil, paginate: Int = 10, feedLimit: Int = 50,
        unsafeHTML: Bool = false, hardLineBreaks: Bool = false, taxonomies: [Taxonomy] = Taxonomy.defaults,
        params: DataNode? = nil, file: String = "site.yaml"
    ) {
        self.titles = titles
        self.baseURL = baseURL
        self.timeZone = timeZone
        self.defaultLanguage = defaultLanguage
        self.languages = languages
        self.missingTranslation = missingTranslation
        self.theme = theme
        self.themeLocation = themeLocation ?? SourceLocation(file: file)
        self.paginate = paginate
        self.feedLimit = feedLimit
        self.unsafeHTML = unsafeHTML
        self.hardLineBreaks = hardLineBreaks
        self.taxonomies = taxonomies
        self.params = params
        self.file = file
    }

    /// The fields that taxonomies read.
    public var taxonomyFields: [String] { taxonomies.map(\.field) }

    public func title(for language: LanguageCode) -> String {
        for code in fallbackChain(for: language) {
            if let title = titles[code] { return title }
        }
        return titles.values.sorted().first ?? ""
    }

    public func language(_ code: LanguageCode) -> LanguageConfig? {
        languages.first { $0.code == code }
    }

    /// The language itself, then its `fallback` chain, then the default language.
    public func fallbackChain(for language: LanguageCode) -> [LanguageCode] {
        var chain = [language]
        var current = self.language(language)?.fallback
        while let next = current, !chain.contains(next) {
            chain.append(next)
            current = self.language(next)?.fallback
        }
        if !chain.contains(defaultLanguage) { chain.append(defaultLanguage) }
        return chain
    }
}

/// `search:` in site.yaml: `search: false`, or `{enabled: true, split_above: 262144}`.
public struct SearchSettings: Sendable, Hashable {
    /// Whether the site has a search page and indexes.
    public var enabled = true
    /// A language's index larger than this many bytes is split into shards loaded on demand.
    public var splitAbove = 256 * 1024

    public init(enabled: Bool = true, splitAbove: Int = 256 * 1024) {
        self.enabled = enabled
        self.splitAbove = splitAbove
    }
}
