import Foundation
import Synchronization
import WegweiserContent
import WegweiserCore

/// Dates and numbers as each language writes them: "5. März 2026", "March 5, 2026", "5 березня 2026 р.".
public struct LocaleFormatter: Sendable {
    private let locales: [LanguageCode: Locale]
    private let timeZone: TimeZone
    /// Formatted dates, by date, form and language: a page's date is written on the page and in
    /// every list it is in, and Foundation's formatting is slow.
    private let texts = FormattedTexts()

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
        texts.text(for: .date(date, .long, language)) { formatUncached(date, in: language) }
    }

    private func formatUncached(_ date: ContentDate, in language: LanguageCode) -> String {
        let style = Date.FormatStyle(
            date: .long, time: date.hasTime ? .shortened : .omitted, locale: locale(language),
            calendar: Calendar(identifier: .gregorian), timeZone: timeZone)
        return date.instant.formatted(style)
    }

    /// A date without its time: for lists.
    public func formatDay(_ date: ContentDate, in language: LanguageCode) -> String {
        texts.text(for: .date(date, .day, language)) { formatDayUncached(date, in: language) }
    }

    private func formatDayUncached(_ date: ContentDate, in language: LanguageCode) -> String {
        let style = Date.FormatStyle(
            date: .long, time: .omitted, locale: locale(language), calendar: Calendar(identifier: .gregorian),
            timeZone: timeZone)
        return date.instant.formatted(style)
    }

    /// An event's time as the language writes a range: "Freitag, 27. November 2026, 09:30–12:00 Uhr",
    /// "الجمعة، 27 نوفمبر، 2026، 9:30 ص – 12:00 م", "27.–29. November 2026" for days.
    public func formatOccurrence(start: Date, end: Date, allDay: Bool, in language: LanguageCode) -> String {
        let calendar = Calendar(identifier: .gregorian)
        if allDay {
            // The end of an all-day event is the end of its last day.
            let lastDay = max(start, end.addingTimeInterval(-1))
            var local = calendar
            local.timeZone = timeZone
            if local.isDate(start, inSameDayAs: lastDay) { return formatWeekdayDate(start, in: language) }
            let style = Date.IntervalFormatStyle(date: .long, time: .omitted, locale: locale(language), calendar: calendar, timeZone: timeZone)
            return (start..<lastDay).formatted(style)
        }
        guard end > start else {
            let style = Date.FormatStyle(date: .complete, time: .shortened, locale: locale(language), calendar: calendar, timeZone: timeZone)
            return start.formatted(style)
        }
        let style = Date.IntervalFormatStyle(date: .complete, time: .shortened, locale: locale(language), calendar: calendar, timeZone: timeZone)
        return (start..<end).formatted(style)
    }

    /// "Dienstag, 14. Oktober 2025".
    public func formatWeekdayDate(_ date: Date, in language: LanguageCode) -> String {
        let style = Date.FormatStyle(
            date: .complete, time: .omitted, locale: locale(language), calendar: Calendar(identifier: .gregorian),
            timeZone: timeZone)
        return date.formatted(style)
    }

    public func format(_ number: Int, in language: LanguageCode) -> String {
        texts.text(for: .number(number, language)) { number.formatted(IntegerFormatStyle<Int>(locale: locale(language))) }
    }

    /// The name of `other` in `language`: "Deutsch" → "German" for an English reader.
    public func languageName(_ other: LanguageCode, in language: LanguageCode) -> String {
        locale(language).localizedString(forLanguageCode: other.primaryLanguage) ?? other.rawValue
    }

    /// ISO 8601 for `datetime` attributes: `2024-05-01` for a day, `2024-05-01T09:30:00+02:00` for a moment.
    public func iso8601(_ date: ContentDate) -> String {
        texts.text(for: .iso8601(date)) {
            let style = Date.ISO8601FormatStyle(timeSeparator: .colon, timeZoneSeparator: .colon, timeZone: timeZone)
            return date.hasTime ? date.instant.formatted(style) : date.instant.formatted(style.year().month().day())
        }
    }

}

/// Texts already formatted, shared by the rendering threads: formatting through ICU costs far more
/// than a lookup, and a site shows the same dates and page numbers on many pages.
private final class FormattedTexts: Sendable {
    enum Key: Hashable {
        enum DateForm: Hashable { case long, day }
        case date(ContentDate, DateForm, LanguageCode)
        /// The same in every language.
        case iso8601(ContentDate)
        case number(Int, LanguageCode)
    }

    private let texts = Mutex<[Key: String]>([:])

    func text(for key: Key, make: () -> String) -> String {
        if let known = texts.withLock({ $0[key] }) { return known }
        let text = make()
        texts.withLock { $0[key] = text }
        return text
    }
}
