import Foundation

extension RecurrenceRule {
    /// The starts of the occurrences of an event first held at `start`, in order, at the same local
    /// time of day in `timeZone` (so summer time does not move them), up to `limit` and never after
    /// `horizon`. An occurrence that does not match the rule's days is not counted (as in RFC 5545,
    /// a start should match its rule).
    public func occurrences(from start: Date, timeZone: TimeZone, limit: Int, horizon: Date) -> [Date] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        let startParts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: start)
        let startDay = calendar.startOfDay(for: start)
        var result: [Date] = []
        let end = min(horizon, until ?? horizon)
        let maximum = min(limit, count ?? limit)
        // Periods (days, weeks or months) are visited in order; each yields its matching days in order.
        var period = 0
        while result.count < maximum, period < 10_000 {
            let days = daysInPeriod(period, startDay: startDay, calendar: calendar)
            period += 1
            guard let first = days.first else {
                if periodStart(period - 1, startDay: startDay, calendar: calendar) > end { break }
                continue
            }
            if first > end { break }
            for day in days where day >= startDay {
                var parts = calendar.dateComponents([.year, .month, .day], from: day)
                parts.hour = startParts.hour
                parts.minute = startParts.minute
                parts.second = startParts.second
                parts.nanosecond = startParts.nanosecond
                guard let moment = calendar.date(from: parts), moment >= start else { continue }
                if moment > end || result.count >= maximum { return result }
                result.append(moment)
            }
        }
        return result
    }

    private func periodStart(_ index: Int, startDay: Date, calendar: Calendar) -> Date {
        switch frequency {
        case .daily: return calendar.date(byAdding: .day, value: index * interval, to: startDay)!
        case .weekly:
            let weekStart = calendar.dateInterval(of: .weekOfYear, for: startDay)!.start
            return calendar.date(byAdding: .day, value: index * interval * 7, to: weekStart)!
        case .monthly:
            let monthStart = calendar.dateInterval(of: .month, for: startDay)!.start
            return calendar.date(byAdding: .month, value: index * interval, to: monthStart)!
        }
    }

    /// The days of one period that match the rule, in order.
    private func daysInPeriod(_ index: Int, startDay: Date, calendar: Calendar) -> [Date] {
        let begin = periodStart(index, startDay: startDay, calendar: calendar)
        switch frequency {
        case .daily:
            return days.isEmpty || days.contains(where: { $0.weekday == weekday(of: begin, calendar) }) ? [begin] : []
        case .weekly:
            let wanted = days.isEmpty ? [weekday(of: startDay, calendar)] : days.map(\.weekday)
            return (0..<7).compactMap { offset in
                let day = calendar.date(byAdding: .day, value: offset, to: begin)!
                return wanted.contains(weekday(of: day, calendar)) ? day : nil
            }
        case .monthly:
            let length = calendar.range(of: .day, in: .month, for: begin)!.count
            let monthDays = (0..<length).map { calendar.date(byAdding: .day, value: $0, to: begin)! }
            guard !days.isEmpty else {
                let dayOfMonth = calendar.component(.day, from: startDay)
                return dayOfMonth <= length ? [monthDays[dayOfMonth - 1]] : []
            }
            var matches: Set<Date> = []
            for day in days {
                let candidates = monthDays.filter { weekday(of: $0, calendar) == day.weekday }
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

    private func weekday(of date: Date, _ calendar: Calendar) -> Weekday {
        // Calendar counts Sunday as 1; Weekday counts Monday as 1.
        Weekday(rawValue: (calendar.component(.weekday, from: date) + 5) % 7 + 1)!
    }
}
