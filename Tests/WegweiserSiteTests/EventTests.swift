import Foundation
import Testing
import WegweiserContent
import WegweiserCore
@testable import WegweiserSite
import WegweiserTestSupport

@Suite struct EventAssemblyTests {
    static let files = [
        "directory/jmd.de.md": page("JMD", "address: {street: Markt 1, city: Torgau}"), "directory/jmd.en.md": page("Youth service"),
        "directory/draft.de.md": page("Entwurf", "draft: true"),
        "events/weekly.de.md": page("Treff", "start: 2025-12-02T17:00\nend: 2025-12-02T19:00\nrecurrence: FREQ=WEEKLY;BYDAY=TU\nlocation: jmd\norganizer: jmd"),
        "events/next.de.md": page("Bald", "start: 2026-01-10T10:00"),
        "events/later.de.md": page("Später", "start: 2026-03-01"),
        "events/past.de.md": page("Vorbei", "start: 2025-06-01T10:00"),
        "events/older.de.md": page("Lange her", "start: 2024-06-01T10:00\nlocation: Marktplatz 1, Torgau"),
    ]

    @Test func listsUpcomingEventsFirstInDateOrderThenPastOnesNewestFirst() async throws {
        let site = try await SiteFixture(Self.files).site()
        let list = try #require(site.page(at: "/de/events/"))
        #expect(list.children.map { site[$0].title } == ["Treff", "Bald", "Später", "Vorbei", "Lange her"])
        let weekly = try #require(site.page(at: "/de/events/weekly/"))
        let local = Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: TimeZone(identifier: "Europe/Berlin")!)
        #expect(weekly.schedule?.upcoming.prefix(2).map { $0.formatted(local) } == ["2026-01-06T17:00:00+01:00", "2026-01-13T17:00:00+01:00"])
        #expect(weekly.schedule?.duration == 7200)
    }

    @Test func linksAnEventToItsContactInThePagesLanguage() async throws {
        let site = try await SiteFixture(Self.files).site()
        let german = try #require(site.page(at: "/de/events/weekly/"))
        let english = try #require(site.page(at: "/en/events/weekly/"))
        #expect(german.eventPlace.map { site[$0].path.description } == "/de/directory/jmd/")
        #expect(english.eventOrganizer.map { site[$0].path.description } == "/en/directory/jmd/")
        let older = try #require(site.page(at: "/de/events/older/"))
        #expect(older.eventPlace == nil)
        #expect(older.fields.event?.location == .address("Marktplatz 1, Torgau"))
    }

    @Test func reportsAContactKeyThatNothingHas() async throws {
        var files = Self.files
        files["events/broken.de.md"] = page("Kaputt", "start: 2026-02-01\nlocation: jmd-torgau\norganizer: draft")
        let (site, diagnostics) = try await SiteFixture(files).assemble()
        #expect(site == nil)
        #expect(diagnostics.sorted.map(\.description) == [
            "content/events/broken.de.md:4:11: error: 'location' names 'jmd-torgau' but no contact has that key; did you mean 'jmd'?",
            "content/events/broken.de.md:5:12: warning: 'organizer' names 'draft', a contact that is a draft or dated in the future",
        ])
    }

    /// The German fallback page of an English event comes first; the English page reports the error.
    @Test func reportsAContactKeyThatNothingHasOnAPageShownAsFallbackFirst() async throws {
        var files = Self.files
        files["events/broken.en.md"] = page("Broken", "start: 2026-02-01\nlocation: nobody")
        let (site, diagnostics) = try await SiteFixture(files).assemble()
        #expect(site == nil)
        #expect(diagnostics.sorted.map(\.description) == [
            "content/events/broken.en.md:4:11: error: 'location' names 'nobody' but no contact has that key"
        ])
    }
}
