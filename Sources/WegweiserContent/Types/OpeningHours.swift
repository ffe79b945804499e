import Foundation
import WegweiserCore

/// A day of the week, or the public holidays (`PH` in OpenStreetMap's syntax).
public enum Weekday: Int, Sendable, Hashable, CaseIterable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday, publicHoliday

    /// The OpenStreetMap abbreviation: `Mo` … `Su`, `PH`.
    public var code: String { ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su", "PH"][rawValue - 1] }
    /// schema.org's name: `Monday`, … (`PublicHolidays` for PH).
    public var schemaName: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "PublicHolidays"][rawValue - 1]
    }

    public static let week: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A time span within a day, in minutes since midnight; the end may pass midnight (`22:00-02:00`).
public struct TimeSpan: Sendable, Hashable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// `09:00`
    public static func clock(_ minutes: Int) -> String {
        let minutes = minutes % (24 * 60) == 0 && minutes > 0 ? 24 * 60 : minutes % (24 * 60)
        guard minutes >= 0 else { return String(format: "%02d:%02d", minutes / 60, minutes % 60) }
        // Digit by digit: String(format:) went through Foundation for every span on every page.
        let digits: [UInt8] = [
            UInt8(ascii: "0") + UInt8(minutes / 600), UInt8(ascii: "0") + UInt8(minutes / 60 % 10), UInt8(ascii: ":"),
            UInt8(ascii: "0") + UInt8(minutes % 60 / 10), UInt8(ascii: "0") + UInt8(minutes % 10),
        ]
        return String(decoding: digits, as: UTF8.self)
    }

    public var startText: String { Self.clock(start) }
    public var endText: String { Self.clock(end) }

    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }
}

/// Opening hours in OpenStreetMap's `opening_hours` syntax, evaluated to the hours of each weekday.
///
/// Supported: weekday ranges and lists (`Mo-Fr`, `Mo,We`), public holidays (`PH`), several time spans
/// (`09:00-12:00,14:00-18:00`), `off`/`closed`, `24/7`, normal rules (`;`, which replace the hours of
/// the days they name, as in OpenStreetMap) and additional rules (`,`, which add to them).
public struct OpeningHours: Sendable, Hashable {
    /// The text as written.
    public var text: String
    /// The hours of each day; a day without spans is closed.
    public var days: [Weekday: [TimeSpan]]
    /// Whether the text says anything about public holidays.
    public var mentionsPublicHolidays: Bool

    public func spans(on day: Weekday) -> [TimeSpan] { days[day] ?? [] }

    /// Days with the same hours, in week order, for structured data: `[([Mo, Tu], [09:00-12:00])]`.
    public var groupedByHours: [(days: [Weekday], spans: [TimeSpan])] {
        var groups: [(days: [Weekday], spans: [TimeSpan])] = []
        let all = Weekday.week + (mentionsPublicHolidays ? [.publicHoliday] : [])
        for day in all {
            let spans = self.spans(on: day)
            guard !spans.isEmpty else { continue }
            if let index = groups.firstIndex(where: { $0.spans == spans }) { groups[index].days.append(day) } else { groups.append(([day], spans)) }
        }
        return groups
    }
}
