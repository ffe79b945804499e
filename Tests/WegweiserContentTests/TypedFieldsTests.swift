import Foundation
import Testing
import WegweiserCore
@testable import WegweiserContent

@Suite struct TypedFieldsTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    func decode(_ type: String, _ yaml: String) throws -> (TypedFields, [String]) {
        let node = try #require(try YAMLReader.read(yaml, file: "p.md", lineOffset: 1))
        let fields = Dictionary(uniqueKeysWithValues: node.entries.map { ($0.key, $0.value) })
        let (typed, diagnostics) = TypedFieldsDecoder.decode(type: type, fields: fields, file: "p.md", timeZone: berlin)
        return (typed, diagnostics.sorted.map(\.description))
    }

    @Test func readsAContact() throws {
        let (typed, messages) = try decode("contact", """
            organization: JMD Torgau
            category: youth-migration
            services: [Schule, Ausbildung]
            languages: [de, uk, ar]
            address: {street: Schlossstraße 4, postal_code: "04860", city: Torgau}
            geo: {lat: 51.56, lon: 13.0}
            phone: "+49 3421 000-310"
            email: jmd@example.org
            website: https://example.org/jmd
            opening_hours: "Mo-Fr 09:00-12:00"
            wheelchair: no
            appointment: recommended
            last_verified: 2026-08-15
            """)
        #expect(messages.isEmpty)
        let contact = try #require(typed.contact)
        #expect(contact.languages.map(\.rawValue) == ["de", "uk", "ar"])
        #expect(contact.address?.singleLine == "Schlossstraße 4, 04860 Torgau")
        #expect(contact.phone == PhoneNumber(written: "+49 3421 000-310", dialable: "+493421000310"))
        #expect(contact.wheelchair == .no)
        #expect(contact.appointment == .recommended)
        #expect(contact.openingHours?.spans(on: .friday) == [TimeSpan(start: 540, end: 720)])
    }

    @Test(arguments: [
        ("contact", "email: jmd at example.org", "p.md:2:8: error: 'email' must be one e-mail address"),
        ("contact", "website: example.org", "p.md:2:10: error: 'website' must be a web address like https://example.org/"),
        ("contact", "phone: call us", "p.md:2:8: error: 'phone' must be a telephone number"),
        ("contact", "languages: [de, arabisch_]", "p.md:2:17: error: 'arabisch_' in 'languages' is not a language code"),
        ("contact", "geo: {lat: 95, lon: 13}", "p.md:2:12: error: 'lat' must lie between -90 and 90"),
        ("contact", "wheelchair: partly", "p.md:2:13: error: 'wheelchair' must be one of yes, limited, no, not 'partly'"),
        ("contact", "appointment: requierd", "p.md:2:14: error: 'appointment' must be one of required, recommended, no, not 'requierd'; did you mean 'required'?"),
        ("contact", "address: {street: A 1, zip: '123'}", "p.md:2:24: error: 'address' has no field 'zip'"),
        ("contact", "last_verified: 2026-02-30", "p.md:2:16: error: 'last_verified' is not a valid date"),
        ("contact", "opening_hours: \"Mo-Fx 09:00-12:00\"", "p.md:2:20: error: invalid opening_hours: 'Fx' is not a weekday"),
        ("report", "status: done", "p.md:2:9: error: 'status' must be one of planned, active, completed, not 'done'"),
        ("report", "period: {start: 2026-05-01, end: 2026-01-01}", "p.md:2:34: error: the period ends before it starts"),
        ("report", "metrics: [{label: Kurse}]", "p.md:2:11: error: each metric needs a label and a value"),
        ("event", "title: x", "p.md:1:1: error: an event needs 'start'"),
        ("event", "start: 2026-05-01T18:00\nend: 2026-05-01T17:00", "p.md:3:6: error: the event ends before it starts"),
        ("event", "start: 2026-05-01\nrecurrence: FREQ=YEARLY", "p.md:3:13: error: FREQ=YEARLY is not supported"),
        ("event", "start: 2026-05-01\nregistration: bei uns", "p.md:3:15: error: 'registration' must be a web address"),
        ("event", "start: 2026-05-01\nservices: [a]", "p.md:3:1: warning: 'services' is a field of contact pages, and this page is a event page"),
    ])
    func reportsEveryBadFieldAtItsValue(type: String, yaml: String, expected: String) throws {
        let (_, messages) = try decode(type, yaml)
        #expect(messages.contains { $0.hasPrefix(expected) }, "got \(messages)")
    }

    @Test func takesYAMLsBooleansAsTheWordsTheyWere() throws {
        let (typed, messages) = try decode("contact", "wheelchair: yes\nappointment: no")
        #expect(messages.isEmpty)
        #expect(typed.contact?.wheelchair == .yes)
        #expect(typed.contact?.appointment == .no)
    }

    @Test func tellsALocationKeyFromAnAddress() {
        #expect(TypedFieldsDecoder.looksLikeKey("jmd-torgau"))
        #expect(!TypedFieldsDecoder.looksLikeKey("Markt 1, 04860 Torgau"))
        #expect(!TypedFieldsDecoder.looksLikeKey("Marktplatz"))
    }
}

@Suite struct OpeningHoursTests {
    func parse(_ text: String) throws -> (OpeningHours, [Diagnostic]) {
        try OpeningHoursParser.parse(text, at: SourceLocation(file: "p.md", line: 4, column: 17))
    }

    func table(_ hours: OpeningHours) -> [String] {
        (Weekday.week + [.publicHoliday]).map { day in
            "\(day.code) " + (hours.spans(on: day).isEmpty ? "–" : hours.spans(on: day).map { "\($0.startText)-\($0.endText)" }.joined(separator: ","))
        }
    }

    @Test(arguments: [
        ("Mo-Fr 09:00-12:00", ["Mo 09:00-12:00", "Tu 09:00-12:00", "We 09:00-12:00", "Th 09:00-12:00", "Fr 09:00-12:00", "Sa –", "Su –", "PH –"]),
        ("Mo,We 08:30-12:30,13:00-16:00", ["Mo 08:30-12:30,13:00-16:00", "Tu –", "We 08:30-12:30,13:00-16:00", "Th –", "Fr –", "Sa –", "Su –", "PH –"]),
        ("Mo-Fr 09:00-12:00, Th 14:00-18:00", ["Mo 09:00-12:00", "Tu 09:00-12:00", "We 09:00-12:00", "Th 09:00-12:00,14:00-18:00", "Fr 09:00-12:00", "Sa –", "Su –", "PH –"]),
        ("Mo-Sa 10:00-18:00; Sa 10:00-14:00; PH off", ["Mo 10:00-18:00", "Tu 10:00-18:00", "We 10:00-18:00", "Th 10:00-18:00", "Fr 10:00-18:00", "Sa 10:00-14:00", "Su –", "PH –"]),
        ("24/7", ["Mo 00:00-24:00", "Tu 00:00-24:00", "We 00:00-24:00", "Th 00:00-24:00", "Fr 00:00-24:00", "Sa 00:00-24:00", "Su 00:00-24:00", "PH –"]),
        ("Fr-Mo 18:00-02:00", ["Mo 18:00-02:00", "Tu –", "We –", "Th –", "Fr 18:00-02:00", "Sa 18:00-02:00", "Su 18:00-02:00", "PH –"]),
        ("Mo-Fr 09:00-17:00; We off", ["Mo 09:00-17:00", "Tu 09:00-17:00", "We –", "Th 09:00-17:00", "Fr 09:00-17:00", "Sa –", "Su –", "PH –"]),
        ("Tu 10:00-12:00 \"nur mit Termin\"", ["Mo –", "Tu 10:00-12:00", "We –", "Th –", "Fr –", "Sa –", "Su –", "PH –"]),
    ])
    func evaluatesRulesAsOpenStreetMapDoes(text: String, expected: [String]) throws {
        let (hours, warnings) = try parse(text)
        #expect(table(hours) == expected)
        #expect(warnings.isEmpty)
    }

    @Test func warnsWhenANormalRuleReplacesEarlierHours() throws {
        let (hours, warnings) = try parse("Mo-Fr 09:00-12:00; Th 14:00-18:00")
        #expect(hours.spans(on: .thursday) == [TimeSpan(start: 840, end: 1080)])
        #expect(warnings.map(\.description) == [
            "p.md:4:36: warning: 'Th 14:00-18:00' replaces the hours that 'Mo-Fr 09:00-12:00' gives Th: after ';' a rule overrides "
                + "(OpenStreetMap syntax); to add these hours to Th, join the rules with ',' instead"
        ])
    }

    @Test(arguments: [
        ("Mo-Fr 9-12", "p.md:4:23: error: invalid opening_hours: '9' is not a time; write times as 09:00"),
        ("Mo-Fr 09:00-25:70", "p.md:4:29: error: invalid opening_hours: '25:70' is not a time"),
        ("Montag 09:00-12:00", "p.md:4:17: error: invalid opening_hours: 'Montag' is not a weekday"),
        ("Dec 24 off", "p.md:4:17: error: invalid opening_hours: 'Dec' (months, weeks, school holidays) is not supported"),
        ("Mo-Fr 09:00-12:00 ||Sa 10:00-12:00", "p.md:4:35: error: invalid opening_hours: fallback rules ('||') are not supported"),
        ("Mo-Fr 09:00", "p.md:4:28: error: invalid opening_hours: expected '-' and a closing time after 09:00"),
        ("", "p.md:4:17: error: invalid opening_hours: a rule is missing here"),
    ])
    func pointsAtTheColumnOfBadSyntax(text: String, expected: String) {
        #expect {
            _ = try parse(text)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.description.hasPrefix(expected) == true
        }
    }

    @Test func groupsDaysWithTheSameHoursForStructuredData() throws {
        let (hours, _) = try parse("Mo-We 09:00-12:00; Th,Fr 10:00-14:00; PH off")
        #expect(hours.groupedByHours.map { $0.days.map(\.code) } == [["Mo", "Tu", "We"], ["Th", "Fr"]])
        #expect(hours.mentionsPublicHolidays)
    }
}
