import Foundation

/// Days of the proleptic Gregorian calendar as whole numbers (0 = 1970-01-01), converted with
/// integer arithmetic (the days-from-civil algorithms; no calendar object, no allocation).
public enum CivilDay {
    /// The day number of a date.
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a day number.
    public static func date(of dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Monday = 1 … Sunday = 7 (1970-01-01 was a Thursday).
    public static func weekday(of dayNumber: Int) -> Int {
        ((dayNumber + 3) % 7 + 7) % 7 + 1
    }

    public static func length(ofMonth month: Int, in year: Int) -> Int {
        let nextMonth = month == 12 ? dayNumber(year: year + 1, month: 1, day: 1) : dayNumber(year: year, month: month + 1, day: 1)
        return nextMonth - dayNumber(year: year, month: month, day: 1)
    }
}

extension CivilDay {
    /// `20261126T093000`: the local date and time of `date` at `offset` seconds from UTC, as
    /// iCalendar writes it (whole seconds, rounded down).
    public static func compactStamp(_ date: Date, offset: Int) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - day * 86_400
        let (year, month, dayOfMonth) = Self.date(of: day)
        var digits: [UInt8] = []
        digits.reserveCapacity(15)
        func append(_ value: Int, width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                digits.append(UInt8(ascii: "0") + UInt8(rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        guard (0...9999).contains(year) else {
            return String(
                format: "%04d%02d%02dT%02d%02d%02d", year, month, dayOfMonth, secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60)
        }
        append(year, width: 4)
        append(month, width: 2)
        append(dayOfMonth, width: 2)
        digits.append(UInt8(ascii: "T"))
        append(secondOfDay / 3600, width: 2)
        append(secondOfDay % 3600 / 60, width: 2)
        append(secondOfDay % 60, width: 2)
        return String(decoding: digits, as: UTF8.self)
    }
}
