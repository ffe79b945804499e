import Foundation
import WegweiserCore

/// A date or date-time from content, as an instant plus how it was written.
public struct ContentDate: Sendable, Hashable, Comparable {
    /// The instant; a date without a time means midnight in the site's time zone.
    public var instant: Date
    /// Whether a time of day was given.
    public var hasTime: Bool
    /// Whether the text named its own offset (`Z`, `+02:00`) rather than the site's time zone.
    public var hasOffset: Bool

    public init(instant: Date, hasTime: Bool, hasOffset: Bool) {
        self.instant = instant
        self.hasTime = hasTime
        self.hasOffset = hasOffset
    }

    public static func < (lhs: ContentDate, rhs: ContentDate) -> Bool { lhs.instant < rhs.instant }

    /// Parses ISO 8601 dates and date-times (`2024-05-01`, `2024-05-01T09:30`, `2024-05-01 09:30:00+02:00`,
    /// `2024-05-01T07:30:00Z`); a time without an offset is local time in `timeZone`.
    public static func parse(_ text: String, timeZone: TimeZone) -> Result<ContentDate, DateProblem> {
        var scanner = DigitScanner(Array(text.trimmingSpaces().utf8))
        guard let year = scanner.number(digits: 4), scanner.take("-"), let month = scanner.number(digits: 2),
            scanner.take("-"), let day = scanner.number(digits: 2)
        else { return .failure(.notISO8601) }
        guard (1...12).contains(month) else { return .failure(.month(month)) }
        let daysInMonth = Self.days(inMonth: month, year: year)
        guard (1...daysInMonth).contains(day) else { return .failure(.day(day, daysInMonth)) }
        var components = DateComponents(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        if scanner.isAtEnd {
            return localDate(components, timeZone: timeZone, hasTime: false)
        }
        guard scanner.take("T") || scanner.take("t") || scanner.take(" "), let hour = scanner.number(digits: 2),
            scanner.take(":"), let minute = scanner.number(digits: 2)
        else { return .failure(.notISO8601) }
        var second = 0
        var nanosecond = 0
        if scanner.take(":") {
            guard let value = scanner.number(digits: 2) else { return .failure(.notISO8601) }
            second = value
            if scanner.take(".") || scanner.take(",") {
                let fraction = scanner.digits()
                guard !fraction.isEmpty else { return .failure(.notISO8601) }
                nanosecond = Int((Double("0." + fraction) ?? 0) * 1e9)
            }
        }
        guard hour < 24, minute < 60, second < 61 else { return .failure(.time(hour, minute, second)) }
        components.hour = hour
        components.minute = minute
        components.second = min(second, 59)
        components.nanosecond = nanosecond
        if scanner.isAtEnd { return localDate(components, timeZone: timeZone, hasTime: true) }
        let offsetSeconds: Int
        if scanner.take("Z") || scanner.take("z") {
            offsetSeconds = 0
        } else {
            let sign: Int
            if scanner.take("+") { sign = 1 } else if scanner.take("-") { sign = -1 } else { return .failure(.notISO8601) }
            guard let hours = scanner.number(digits: 2) else { return .failure(.notISO8601) }
            _ = scanner.take(":")
            let minutes = scanner.number(digits: 2) ?? 0
            guard hours <= 14, minutes < 60 else { return .failure(.offset) }
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
        }
        guard scanner.isAtEnd, let zone = TimeZone(secondsFromGMT: offsetSeconds) else { return .failure(.notISO8601) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let instant = calendar.date(from: components) else { return .failure(.notISO8601) }
        return .success(ContentDate(instant: instant, hasTime: true, hasOffset: true))
    }

    private static func localDate(_ components: DateComponents, timeZone: TimeZone, hasTime: Bool) -> Result<ContentDate, DateProblem> {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard let instant = calendar.date(from: components) else { return .failure(.notISO8601) }
        return .success(ContentDate(instant: instant, hasTime: hasTime, hasOffset: false))
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Why a text is not a date, worded for the user.
public enum DateProblem: Error, Sendable, Hashable, CustomStringConvertible {
    case notISO8601
    case month(Int)
    case day(Int, Int)
    case time(Int, Int, Int)
    case offset

    public var description: String {
        switch self {
        case .notISO8601: "write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM (ISO 8601)"
        case .month(let month): "there is no month \(month); months run from 01 to 12"
        case .day(let day, let days): "there is no day \(day) in that month; it has \(days) days"
        case .time(let hour, let minute, _): "\(hour):\(minute) is not a time of day; use 00:00 to 23:59"
        case .offset: "the time zone offset must be between -14:00 and +14:00"
        }
    }
}

extension DataNode {
    /// A date or date-time field; local times are in `timeZone`.
    public func date(for field: String, timeZone: TimeZone) throws(DiagnosticError) -> ContentDate {
        guard case .scalar(let text, _) = value else {
            throw DiagnosticError("'\(field)' must be a date like 2024-05-01, not \(kindDescription)", at: location)
        }
        switch ContentDate.parse(text, timeZone: timeZone) {
        case .success(let date): return date
        case .failure(let problem):
            throw DiagnosticError("'\(field)' is not a valid date: '\(text)': \(problem)", at: location)
        }
    }
}

/// Reads fixed-width numbers from ASCII bytes.
private struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index == bytes.count }

    mutating func take(_ character: Character) -> Bool {
        guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
        index += 1
        return true
    }

    mutating func number(digits count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<(index + count)] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += count
        return value
    }

    mutating func digits() -> String {
        var result = ""
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            result.append(Character(UnicodeScalar(bytes[index])))
            index += 1
        }
        return result
    }
}
