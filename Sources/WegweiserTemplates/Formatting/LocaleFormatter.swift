import Foundation
import WegweiserContent
import WegweiserCore

/// Dates and numbers as each language writes them: "5. März 2026", "March 5, 2026", "5 березня 2026 р.".
public struct LocaleFormatter: Sendable {
    private let locales: [LanguageCode: Locale]
    private let timeZone: TimeZone

    public init(config: SiteConfig) {
        var locales: [LanguageCode: Locale] = [:]
        for language in config.languages {
            locales[language.code] = Locale(identifier: language.code.localeIdentifier)
        }
        self.locales = locales
        self.timeZone = config.timeZone
    }

    private func locale(_ language: LanguageCode) -> Locale {
        locales[language] ?? Locale(identifier: language.localeIdentifier)
    }

    /// A long date, with the time when the source gave one.
    public func format(_ date: ContentDate, in language: LanguageCode) -> String {
        let style = Date.FormatStyle(
            date: .long, time: date.hasTime ? .shortened : .omitted, locale: locale(language),
            calendar: Calendar(identifier: .gregorian), timeZone: timeZone)
        return date.instant.formatted(style)
    }

    /// A date without its time: for lists.
    public func formatDay(_ date: ContentDate, in language: LanguageCode) -> String {
        let style = Date.FormatStyle(
            date: .long, time: .omitted, locale: locale(language), calendar: Calendar(identifier: .gregorian),
            timeZone: timeZone)
        return date.instant.formatted(style)
    }

    public func format(_ number: Int, in language: LanguageCode) -> String {
        number.formatted(IntegerFormatStyle<Int>(locale: locale(language)))
    }

    /// The name of `other` in `language`: "Deutsch" → "German" for an English reader.
    public func languageName(_ other: LanguageCode, in language: LanguageCode) -> String {
        locale(language).localizedString(forLanguageCode: other.primaryLanguage) ?? other.rawValue
    }

    /// ISO 8601 for `datetime` attributes: `2024-05-01` for a day, `2024-05-01T09:30:00+02:00` for a moment.
    public func iso8601(_ date: ContentDate) -> String {
        let style = Date.ISO8601FormatStyle(timeSeparator: .colon, timeZoneSeparator: .colon, timeZone: timeZone)
        return date.hasTime ? date.instant.formatted(style) : date.instant.formatted(style.year().month().day())
    }
}
