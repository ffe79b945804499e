import Foundation
import WegweiserCore

/// A repeat rule for events: the part of RFC 5545's RRULE that event calendars of municipalities use —
/// FREQ (DAILY, WEEKLY, MONTHLY), INTERVAL, BYDAY (with an ordinal for MONTHLY: `1TU`, `-1FR`),
/// COUNT and UNTIL.
public struct RecurrenceRule: Sendable, Hashable {
    public enum Frequency: String, Sendable, Hashable, CaseIterable {
        case daily = "DAILY", weekly = "WEEKLY", monthly = "MONTHLY"
    }

    /// A weekday, with an ordinal inside the month for monthly rules (1 = first, -1 = last).
    public struct Day: Sendable, Hashable {
        public var ordinal: Int?
        public var weekday: Weekday
    }

    public var frequency: Frequency
    public var interval = 1
    public var days: [Day] = []
    public var count: Int?
    /// The last moment an occurrence may start.
    public var until: Date?
    /// The rule as written, for iCalendar.
    public var text: String

    static let weekdayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    /// Parses `FREQ=WEEKLY;INTERVAL=2;BYDAY=WE`; `origin` is where the text starts, for errors.
    public static func parse(_ text: String, at origin: SourceLocation, timeZone: TimeZone) throws(DiagnosticError) -> RecurrenceRule {
        var body = text.trimmingSpaces()
        if body.uppercased().hasPrefix("RRULE:") { body = String(body.dropFirst(6)) }
        var parts: [String: (value: String, column: Int)] = [:]
        var column = origin.column + (text.count - text.drop(while: { $0 == " " }).count)
        for part in body.split(separator: ";", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            let place = SourceLocation(file: origin.file, line: origin.line, column: column)
            guard pieces.count == 2, !pieces[1].isEmpty else {
                throw DiagnosticError("invalid recurrence: '\(part)' must be NAME=VALUE, like FREQ=WEEKLY", at: place)
            }
            parts[pieces[0].uppercased()] = (pieces[1].uppercased(), column)
            column += part.count + 1
        }
        func place(_ name: String) -> SourceLocation {
            SourceLocation(file: origin.file, line: origin.line, column: parts[name]?.column ?? origin.column)
        }
        let supported = ["FREQ", "INTERVAL", "BYDAY", "COUNT", "UNTIL", "WKST"]
        for name in parts.keys.sorted() where !supported.contains(name) {
            throw DiagnosticError(
                "recurrence part '\(name)' is not supported; use FREQ, INTERVAL, BYDAY, COUNT and UNTIL\(Suggestions.hint(for: name, in: supported))",
                at: place(name))
        }
        guard let frequencyText = parts["FREQ"]?.value else {
            throw DiagnosticError("a recurrence needs FREQ=DAILY, FREQ=WEEKLY or FREQ=MONTHLY", at: origin)
        }
        guard let frequency = Frequency(rawValue: frequencyText) else {
            throw DiagnosticError("FREQ=\(frequencyText) is not supported; use DAILY, WEEKLY or MONTHLY", at: place("FREQ"))
        }
        var rule = RecurrenceRule(frequency: frequency, text: body)
        if let interval = parts["INTERVAL"] {
            guard let value = Int(interval.value), value >= 1 else {
                throw DiagnosticError("INTERVAL must be a whole number of at least 1, not '\(interval.value)'", at: place("INTERVAL"))
            }
            rule.interval = value
        }
        if let count = parts["COUNT"] {
            guard let value = Int(count.value), value >= 1 else {
                throw DiagnosticError("COUNT must be a whole number of at least 1, not '\(count.value)'", at: place("COUNT"))
            }
            rule.count = value
        }
        if let until = parts["UNTIL"] {
            guard let date = Self.parseUntil(until.value, timeZone: timeZone) else {
                throw DiagnosticError("UNTIL must be a date like 20261231 or 20261231T235959Z, not '\(until.value)'", at: place("UNTIL"))
            }
            rule.until = date
        }
        if rule.count != nil && rule.until != nil {
            throw DiagnosticError("a recurrence may have COUNT or UNTIL, not both", at: place("UNTIL"))
        }
        if let byDay = parts["BYDAY"] {
            rule.days = try parseDays(byDay.value, monthly: frequency == .monthly, at: place("BYDAY"))
        }
        return rule
    }

    private static func parseDays(_ text: String, monthly: Bool, at place: SourceLocation) throws(DiagnosticError) -> [Day] {
        var days: [Day] = []
        for item in text.split(separator: ",") {
            let code = String(item.suffix(2))
            let ordinalText = item.dropLast(2)
            guard let index = weekdayCodes.firstIndex(of: code), let weekday = Weekday(rawValue: index + 1) else {
                throw DiagnosticError("BYDAY '\(item)' is not a weekday; use MO, TU, WE, TH, FR, SA, SU (with 1TU, -1FR for months)", at: place)
            }
            var ordinal: Int?
            if !ordinalText.isEmpty {
                guard monthly, let value = Int(ordinalText), value != 0, (-5...5).contains(value) else {
                    throw DiagnosticError(
                        "BYDAY '\(item)': a number before the weekday (1TU, -1FR) is allowed with FREQ=MONTHLY only, from -5 to 5",
                        at: place)
                }
                ordinal = value
            }
            days.append(Day(ordinal: ordinal, weekday: weekday))
        }
        return days
    }

    /// `20261231` (the whole day, local) or `20261231T180000` (local) or `20261231T170000Z` (UTC).
    private static func parseUntil(_ text: String, timeZone: TimeZone) -> Date? {
        let digits = text.filter(\.isNumber)
        guard digits.count == 8 || digits.count == 14 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = text.hasSuffix("Z") ? TimeZone(identifier: "UTC")! : timeZone
        let value = Array(digits)
        func number(_ range: Range<Int>) -> Int { Int(String(value[range]))! }
        var components = DateComponents(year: number(0..<4), month: number(4..<6), day: number(6..<8), hour: 23, minute: 59, second: 59)
        if digits.count == 14 {
            components.hour = number(8..<10)
            components.minute = number(10..<12)
            components.second = number(12..<14)
        }
        guard (1...12).contains(components.month!), (1...31).contains(components.day!) else { return nil }
        return calendar.date(from: components)
    }
}
