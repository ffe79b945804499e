import Foundation
import WegweiserCore

extension RecurrenceRule {
    /// The starts of the occurrences of an event first held at `start`, in order, at the same local
    /// time of day in `timeZone` (so summer time does not move them), up to `limit` and never after
    /// `horizon`. An occurrence that does not match the rule's days is not counted (as in RFC 5545,
    /// a start should match its rule).
    public func occurrences(from start: Date, timeZone: TimeZone, limit: Int, horizon: Date) -> [Date] {
        var result: [Date] = []
        guard limit > 0 else { return result }
        forEachOccurrence(from: start, timeZone: timeZone, horizon: horizon) { moment in
            result.append(moment)
            return result.count < limit
        }
        return result
    }

    /// Calls `visit` with the start of each occurrence, in order, until it returns false or the rule
    /// (COUNT, UNTIL) or `horizon` ends. Days are counted as whole numbers in the local calendar, so a
    /// schedule of years takes microseconds, and summer time only matters where a day meets its clock.
    public func forEachOccurrence(from start: Date, timeZone: TimeZone, horizon: Date, _ visit: (Date) -> Bool) {
        let clock = LocalClock(timeZone: timeZone)
        let (startDay, timeOfDay) = clock.localDay(of: start)
        let end = min(horizon, until ?? horizon)
        let maximum = count ?? Int.max
        var found = 0
        // Periods (days, weeks or months) are visited in order; each yields its matching days in order.
        for period in 0..<10_000 {
            let begin = periodStart(period, startDay: startDay)
            let days = daysInPeriod(beginning: begin, startDay: startDay)
            if clock.instant(day: days.first ?? begin, secondOfDay: 0) > end { return }
            for day in days where day >= startDay {
                let moment = clock.instant(day: day, secondOfDay: timeOfDay)
                guard moment >= start else { continue }
                if moment > end || found >= maximum { return }
                found += 1
                guard visit(moment) else { return }
            }
            if found >= maximum { return }
        }
    }

    /// The first day of a period, as a day number.
    private func periodStart(_ index: Int, startDay: Int) -> Int {
        switch frequency {
        case .daily:
            return startDay + index * interval
        case .weekly:
            // Weeks begin on Monday.
            return startDay - (CivilDay.weekday(of: startDay) - 1) + index * interval * 7
        case .monthly:
            let (year, month, _) = CivilDay.date(of: startDay)
            let months = year * 12 + (month - 1) + index * interval
            return CivilDay.dayNumber(year: months / 12, month: months % 12 + 1, day: 1)
        }
    }

    /// The days of the period beginning on `begin` that match the rule, in order.
    private func daysInPeriod(beginning begin: Int, startDay: Int) -> [Int] {
        switch frequency {
        case .daily:
            return days.isEmpty || days.contains(where: { $0.weekday.rawValue == CivilDay.weekday(of: begin) }) ? [begin] : []
        case .weekly:
            let wanted = days.isEmpty ? [CivilDay.weekday(of: startDay)] : days.map(\.weekday.rawValue)
            return (0..<7).map { begin + $0 }.filter { wanted.contains(CivilDay.weekday(of: $0)) }
        case .monthly:
            let (year, month, _) = CivilDay.date(of: begin)
            let length = CivilDay.length(ofMonth: month, in: year)
            guard !days.isEmpty else {
                let dayOfMonth = CivilDay.date(of: startDay).day
                return dayOfMonth <= length ? [begin + dayOfMonth - 1] : []
            }
            var matches: Set<Int> = []
            for day in days {
                let candidates = (begin..<begin + length).filter { CivilDay.weekday(of: $0) == day.weekday.rawValue }
                if let ordinal = day.ordinal {
                    let position = ordinal > 0 ? ordinal - 1 : candidates.count + ordinal
                    if candidates.indices.contains(position) { matches.insert(candidates[position]) }
                } else {
                    matches.formUnion(candidates)
                }
            }
            return matches.sorted()
        }
    }
}

/// Local days and times of day in one time zone, and the instants they name.
struct LocalClock {
    let timeZone: TimeZone

    /// The local day number of an instant and its local time of day in seconds.
    func localDay(of instant: Date) -> (day: Int, secondOfDay: Double) {
        let local = instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))
        let day = Int((local / 86_400).rounded(.down))
        return (day, local - Double(day) * 86_400)
    }

    /// The instant of a local day and time. A time that happens twice (when summer time ends) is the
    /// first of them; a time that summer time skips is moved forward by the length of the gap — as
    /// Foundation's calendar does.
    func instant(day: Int, secondOfDay: Double) -> Date {
        let local = Double(day) * 86_400 + secondOfDay
        let before = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local - 86_400))
        let after = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local + 86_400))
        // The larger offset gives the earlier instant; it counts only if the zone has that offset then.
        for offset in [max(before, after), min(before, after)] {
            let candidate = Date(timeIntervalSince1970: local - Double(offset))
            if timeZone.secondsFromGMT(for: candidate) == offset { return candidate }
        }
        return Date(timeIntervalSince1970: local - Double(before))
    }
}
