import Foundation
import Testing
import WegweiserCore
@testable import WegweiserContent

@Suite struct RecurrenceTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    let origin = SourceLocation(file: "e.md", line: 6, column: 13)

    func dates(_ rule: String, from start: String, limit: Int = 6, horizon: String = "2030-01-01T00:00:00Z") throws -> [String] {
        let parsed = try RecurrenceRule.parse(rule, at: origin, timeZone: berlin)
        let first = try ContentDate.parse(start, timeZone: berlin).get().instant
        let end = ISO8601DateFormatter().date(from: horizon)!
        let local = Date.ISO8601FormatStyle(timeSeparator: .colon, timeZoneSeparator: .colon, timeZone: berlin)
        return parsed.occurrences(from: first, timeZone: berlin, limit: limit, horizon: end).map { $0.formatted(local) }
    }

    @Test func repeatsWeeklyAtTheSameLocalTimeAcrossSummerTime() throws {
        #expect(try dates("FREQ=WEEKLY;BYDAY=TU", from: "2026-03-17T15:00", limit: 3) == [
            "2026-03-17T15:00:00+01:00", "2026-03-24T15:00:00+01:00", "2026-03-31T15:00:00+02:00",
        ])
    }

    @Test func repeatsEveryOtherWeekOnSeveralDays() throws {
        #expect(try dates("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", from: "2026-01-05T10:00", limit: 5) == [
            "2026-01-05T10:00:00+01:00", "2026-01-08T10:00:00+01:00", "2026-01-19T10:00:00+01:00",
            "2026-01-22T10:00:00+01:00", "2026-02-02T10:00:00+01:00",
        ])
    }

    @Test func findsTheNthAndTheLastWeekdayOfAMonth() throws {
        #expect(try dates("FREQ=MONTHLY;BYDAY=1WE", from: "2026-02-04T09:00", limit: 3) == [
            "2026-02-04T09:00:00+01:00", "2026-03-04T09:00:00+01:00", "2026-04-01T09:00:00+02:00",
        ])
        #expect(try dates("FREQ=MONTHLY;BYDAY=-1FR", from: "2026-01-30T09:30", limit: 3) == [
            "2026-01-30T09:30:00+01:00", "2026-02-27T09:30:00+01:00", "2026-03-27T09:30:00+01:00",
        ])
    }

    @Test func keepsTheDayOfMonthAndSkipsMonthsWithoutIt() throws {
        #expect(try dates("FREQ=MONTHLY", from: "2026-01-31T12:00", limit: 3) == [
            "2026-01-31T12:00:00+01:00", "2026-03-31T12:00:00+02:00", "2026-05-31T12:00:00+02:00",
        ])
    }

    @Test func stopsAtCountAndAtUntil() throws {
        #expect(try dates("FREQ=DAILY;COUNT=3", from: "2026-06-01T08:00", limit: 10).count == 3)
        #expect(try dates("FREQ=DAILY;UNTIL=20260603", from: "2026-06-01T08:00", limit: 10).count == 3)
        #expect(try dates("FREQ=DAILY;UNTIL=20260602T050000Z", from: "2026-06-01T08:00", limit: 10).count == 1)
        #expect(try dates("FREQ=DAILY;BYDAY=SA,SU", from: "2026-06-01T08:00", limit: 2) == [
            "2026-06-06T08:00:00+02:00", "2026-06-07T08:00:00+02:00",
        ])
    }

    @Test(arguments: [
        ("FREQ=HOURLY", "e.md:6:13: error: FREQ=HOURLY is not supported; use DAILY, WEEKLY or MONTHLY"),
        ("FREQ=WEEKLY;BYDAY=XX", "e.md:6:25: error: BYDAY 'XX' is not a weekday"),
        ("FREQ=WEEKLY;BYDAY=1TU", "e.md:6:25: error: BYDAY '1TU': a number before the weekday"),
        ("FREQ=WEEKLY;INTERVAL=0", "e.md:6:25: error: INTERVAL must be a whole number of at least 1"),
        ("FREQ=WEEKLY;COUNT=3;UNTIL=20260101", "e.md:6:33: error: a recurrence may have COUNT or UNTIL, not both"),
        ("FREQ=WEEKLY;BYMONTHDAY=3", "e.md:6:25: error: recurrence part 'BYMONTHDAY' is not supported"),
        ("BYDAY=TU", "e.md:6:13: error: a recurrence needs FREQ=DAILY, FREQ=WEEKLY or FREQ=MONTHLY"),
        ("FREQ=WEEKLY;UNTIL=2026", "e.md:6:25: error: UNTIL must be a date like 20261231"),
    ])
    func explainsWhatIsWrongAtThePart(rule: String, expected: String) {
        #expect {
            _ = try RecurrenceRule.parse(rule, at: origin, timeZone: berlin)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.description.hasPrefix(expected) == true
        }
    }
}
