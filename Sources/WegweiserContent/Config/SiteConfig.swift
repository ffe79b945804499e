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
    /// Front matter keys whose values are grouped into term pages (`tags` by default).
    public var taxonomies: [String]
    /// Everything under `params:`, for templates.
    public var params: DataNode?
    /// The file it came from, for messages about it.
    public var file: String

    public init(
        titles: [LanguageCode: String], baseURL: URL, timeZone: TimeZone, defaultLanguage: LanguageCode,
        languages: [LanguageConfig], missingTranslation: MissingTranslationPolicy = .fallback,
        theme: String = "default", themeLocation: SourceLocation? = nil, paginate: Int = 10, feedLimit: Int = 50,
        unsafeHTML: Bool = false, hardLineBreaks: Bool = false, taxonomies: [String] = ["tags"],
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
