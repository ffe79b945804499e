import Foundation
import Testing
import WegweiserCore
@testable import WegweiserOutputs
import WegweiserSite
import WegweiserTestSupport

@Suite struct CalendarTests {
    static let files = [
        "directory/jmd.de.md": page(
            "JMD", "organization: Jugendmigrationsdienst; Torgau, Nord\naddress: {street: Markt 1, postal_code: '04860', city: Torgau}\n"
                + "geo: {lat: 51.5, lon: 13.0}\nphone: '+49 3421 000-310'\nemail: jmd@example.org\nlanguages: [de, uk]\nopening_hours: Mo-Fr 09:00-12:00"),
        "events/weekly.de.md": page(
            "Treff mit einem sehr langen Titel, der über fünfundsiebzig Bytes hinausgeht, damit gefaltet wird",
            "start: 2026-03-24T17:00\nend: 2026-03-24T19:00\nrecurrence: FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630\nlocation: jmd\norganizer: jmd\ncancelled: true"),
        "events/fest.de.md": page("Fest", "start: 2026-07-01\nend: 2026-07-03\nall_day: true\nlocation: Marktplatz"),
    ]

    func files() async throws -> [String: String] {
        let site = try await SiteFixture(Self.files).site()
        return Dictionary(uniqueKeysWithValues: (await ICalendar.files(for: site) + VCard.files(for: site)).map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    @Test func writesOneCalendarPerEventAndOnePerLanguage() async throws {
        let files = try await files()
        #expect(files.keys.filter { $0.hasSuffix(".ics") }.sorted() == [
            "ar/events.ics", "ar/events/fest/fest.ics", "ar/events/weekly/weekly.ics",
            "de/events.ics", "de/events/fest/fest.ics", "de/events/weekly/weekly.ics",
            "en/events.ics", "en/events/fest/fest.ics", "en/events/weekly/weekly.ics",
        ])
        #expect(try #require(files["de/events.ics"]).components(separatedBy: "BEGIN:VEVENT").count == 3)
    }

    @Test func writesValidICalendar() async throws {
        let ics = try #require(try await files()["de/events/weekly/weekly.ics"])
        let lines = ics.components(separatedBy: "\r\n")
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.contains("DTSTAMP:20260101T000000Z"))
        #expect(lines.contains("DTSTART;TZID=Europe/Berlin:20260324T170000"))
        #expect(lines.contains("DTEND;TZID=Europe/Berlin:20260324T190000"))
        // UNTIL becomes UTC, as RFC 5545 requires with a TZID start.
        #expect(lines.contains("RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630T215959Z"))
        #expect(lines.contains("STATUS:CANCELLED"))
        #expect(lines.contains("UID:de-events-weekly@example.org"))
        #expect(lines.contains("LOCATION;LANGUAGE=de:JMD\\, Markt 1\\, 04860 Torgau"))
        #expect(lines.contains("ORGANIZER;CN=\"JMD\":mailto:jmd@example.org"))
        #expect(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"))
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY;LANGUAGE=de:Treff mit einem sehr langen Titel\\, der über fünfundsiebzig Bytes hinausgeht\\, damit gefaltet wird\r\n"))
    }

    @Test func writesAllDayEventsAsDatesWithAnExclusiveEnd() async throws {
        let ics = try #require(try await files()["de/events/fest/fest.ics"])
        #expect(ics.contains("DTSTART;VALUE=DATE:20260701\r\nDTEND;VALUE=DATE:20260704\r\n"))
        #expect(!ics.contains("VTIMEZONE"))
        #expect(ics.contains("LOCATION;LANGUAGE=de:Marktplatz\r\n"))
    }

    @Test func writesAVCardPerContact() async throws {
        let vcard = try #require(try await files()["de/directory/jmd/jmd.vcf"])
        let lines = vcard.components(separatedBy: "\r\n")
        #expect(lines.prefix(3) == ["BEGIN:VCARD", "VERSION:4.0", "KIND:org"])
        #expect(lines.contains("ORG:Jugendmigrationsdienst\\; Torgau\\, Nord"))
        #expect(lines.contains("ADR;TYPE=work:;;Markt 1;Torgau;;04860;"))
        #expect(lines.contains("TEL;VALUE=uri;TYPE=work,voice:tel:+493421000310"))
        #expect(lines.contains("GEO:geo:51.5,13.0"))
        #expect(lines.contains("LANG;PREF=1:de") && lines.contains("LANG;PREF=2:uk"))
        #expect(lines.last(where: { !$0.isEmpty }) == "END:VCARD")
    }

    @Test func writesStructuredDataForContactsAndEvents() async throws {
        let site = try await SiteFixture(Self.files).site()
        let contactPage = try #require(site.page(at: "/de/directory/jmd/"))
        let contact = try #require(StructuredData.json(for: contactPage, site: site))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contact.utf8)) as? [String: Any])
        #expect(object["@type"] as? String == "LocalBusiness")
        #expect(object["telephone"] as? String == "+493421000310")
        let hours = try #require(object["openingHoursSpecification"] as? [[String: Any]])
        #expect(hours.first?["opens"] as? String == "09:00")
        let eventPage = try #require(site.page(at: "/de/events/weekly/"))
        let event = try #require(StructuredData.json(for: eventPage, site: site))
        let eventObject = try #require(try JSONSerialization.jsonObject(with: Data(event.utf8)) as? [String: Any])
        #expect(eventObject["eventStatus"] as? String == "https://schema.org/EventCancelled")
        #expect((eventObject["location"] as? [String: Any])?["name"] as? String == "JMD")
    }
}

/// Lines fold after 75 octets (74 on continuation lines), never inside a character; ASCII lines are
/// folded by bytes, which must give what folding by characters gives.
@Suite struct ContentLineFoldingTests {
    private func foldedByCharacters(_ line: String) -> String {
        var result = "", count = 0, limit = 75, chunk = ""
        for character in line {
            let size = String(character).utf8.count
            if count + size > limit {
                result += chunk + "\r\n "
                chunk = ""
                count = 0
                limit = 74
            }
            chunk.append(character)
            count += size
        }
        return result + chunk + "\r\n"
    }

    @Test(arguments: [0, 74, 75, 76, 148, 149, 150, 223, 224, 300])
    func foldsASCIIAsByCharacters(length: Int) {
        let line = String((0..<length).map { Character(UnicodeScalar(UInt8(0x41 + $0 % 26))) })
        var lines = ContentLines()
        lines.add("X", raw: line)
        #expect(lines.text == foldedByCharacters("X:" + line))
    }

    @Test func foldsOtherTextBetweenCharacters() {
        let line = String(repeating: "Straße 👩🏽‍⚕️ مرحبا e\u{301} ", count: 9)
        var lines = ContentLines()
        lines.add("X", raw: line)
        #expect(lines.text == foldedByCharacters("X:" + line))
        #expect(lines.text.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    }
}
