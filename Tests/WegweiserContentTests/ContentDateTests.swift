import Foundation
import Testing
@testable import WegweiserContent

@Suite struct ContentDateTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    @Test(arguments: [
        ("2024-05-01", "2024-04-30T22:00:00Z", false),
        ("2024-01-15", "2024-01-14T23:00:00Z", false),
        ("2024-05-01T09:30", "2024-05-01T07:30:00Z", true),
        ("2024-05-01 09:30:15", "2024-05-01T07:30:15Z", true),
        ("2024-05-01T09:30:00Z", "2024-05-01T09:30:00Z", true),
        ("2024-05-01T09:30:00+01:00", "2024-05-01T08:30:00Z", true),
        ("2024-02-29", "2024-02-28T23:00:00Z", false),
    ])
    func parsesISO8601InTheSiteTimeZone(text: String, utc: String, hasTime: Bool) throws {
        let date = try ContentDate.parse(text, timeZone: berlin).get()
        #expect(date.instant == ISO8601DateFormatter().date(from: utc))
        #expect(date.hasTime == hasTime)
    }

    @Test(arguments: [
        ("2024-13-45", "there is no month 13"),
        ("2023-02-29", "there is no day 29"),
        ("2024-04-31", "it has 30 days"),
        ("1. Mai 2024", "YYYY-MM-DD"),
        ("2024-05-01T25:00", "not a time of day"),
        ("2024-5-1", "YYYY-MM-DD"),
    ])
    func explainsWhatIsWrongWithABadDate(text: String, explanation: String) {
        guard case .failure(let problem) = ContentDate.parse(text, timeZone: berlin) else {
            Issue.record("'\(text)' was accepted")
            return
        }
        #expect(problem.description.contains(explanation))
    }
}
