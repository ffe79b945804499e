import Synchronization
import Foundation
import WegweiserCore

/// A VTIMEZONE component for a time zone, made from its transitions (summer time rules as yearly
/// RRULEs), so that calendars show events at the right local time in every season.
enum VTimeZone {
    static func lines(for zone: TimeZone, around date: Date, into lines: inout ContentLines) {
        // The block depends on the zone and the year only; every event's own file needs one.
        let key = BlockKey(zone: zone.identifier, year: yearStart(of: date, in: zone))
        if let known = blocks.withLock({ $0[key] }) { return lines.append(known) }
        var block = ContentLines()
        write(for: zone, around: date, into: &block)
        blocks.withLock { $0[key] = block }
        lines.append(block)
    }

    private struct BlockKey: Hashable {
        var zone: String
        var year: Date
    }

    private static let blocks = Mutex<[BlockKey: ContentLines]>([:])

    private static func write(for zone: TimeZone, around date: Date, into lines: inout ContentLines) {
        lines.add("BEGIN", raw: "VTIMEZONE")
        lines.add("TZID", raw: zone.identifier)
        let year = yearStart(of: date, in: zone)
        let transitions = nextTransitions(after: year, in: zone, count: 2)
        if transitions.isEmpty {
            let offset = zone.secondsFromGMT(for: date)
            component("STANDARD", start: year, from: offset, to: offset, rule: nil, zone: zone, into: &lines)
        } else {
            for transition in transitions {
                let before = zone.secondsFromGMT(for: transition.addingTimeInterval(-1))
                let after = zone.secondsFromGMT(for: transition)
                let kind = zone.isDaylightSavingTime(for: transition) ? "DAYLIGHT" : "STANDARD"
                component(kind, start: transition, from: before, to: after, rule: yearlyRule(for: transition, zone: zone), zone: zone, into: &lines)
            }
        }
        lines.add("END", raw: "VTIMEZONE")
    }

    private static func component(
        _ kind: String, start: Date, from: Int, to: Int, rule: String?, zone: TimeZone, into lines: inout ContentLines
    ) {
        lines.add("BEGIN", raw: kind)
        // DTSTART of a zone component is the local time before the change.
        lines.add("DTSTART", raw: localStamp(start, offset: from))
        lines.add("TZOFFSETFROM", raw: offsetText(from))
        lines.add("TZOFFSETTO", raw: offsetText(to))
        if let rule { lines.add("RRULE", raw: rule) }
        lines.add("END", raw: kind)
    }

    private static func yearStart(of date: Date, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.dateInterval(of: .year, for: date)!.start
    }

    private static func nextTransitions(after date: Date, in zone: TimeZone, count: Int) -> [Date] {
        var result: [Date] = []
        var cursor = date
        while result.count < count, let next = zone.nextDaylightSavingTimeTransition(after: cursor),
            next.timeIntervalSince(date) < 366 * 24 * 3600
        {
            result.append(next)
            cursor = next
        }
        return result
    }

    /// `FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU` for a change on the last Sunday of March.
    private static func yearlyRule(for transition: Date, zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: zone.secondsFromGMT(for: transition.addingTimeInterval(-1)))!
        let parts = calendar.dateComponents([.month, .day, .weekday], from: transition)
        let days = calendar.range(of: .day, in: .month, for: transition)!.count
        let codes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]
        let ordinal = parts.day! + 7 > days ? -1 : (parts.day! - 1) / 7 + 1
        return "FREQ=YEARLY;BYMONTH=\(parts.month!);BYDAY=\(ordinal)\(codes[parts.weekday! - 1])"
    }

    static func localStamp(_ date: Date, offset: Int) -> String {
        CivilDay.compactStamp(date, offset: offset)
    }

    static func offsetText(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let value = abs(seconds)
        return String(format: "%@%02d%02d", sign, value / 3600, (value % 3600) / 60)
    }
}
