import Foundation
import WegweiserCore

/// The files `wegweiser new` writes, as text: a new site that builds at once, and new pages of each
/// type with every field of the type written out, commented. Writing them is the command's job.
public enum Scaffold {
    /// What a new page is.
    public enum PageType: String, CaseIterable, Sendable {
        case report, contact, event, page

        /// The section its pages go into when the site has none of that type: the built-in names.
        public var defaultFolder: String {
            switch self {
            case .report: "reports"
            case .contact: "directory"
            case .event: "events"
            case .page: ""
            }
        }
    }

    /// A field as a new file shows it: its key, a value that works, and what it is for.
    struct Field {
        var key: String
        var example: String
        var note: String
    }

    /// Every field of a type (`TypeFields`), in the order of the docs.
    static func fields(of type: PageType, contactKey: String) -> [Field] {
        switch type {
        case .report:
            return [
                Field(key: "municipality", example: "Stralsund", note: "a taxonomy: /<lang>/municipalities/…"),
                Field(key: "state", example: "Mecklenburg-Vorpommern", note: ""),
                Field(key: "programme", example: "Integrators", note: ""),
                Field(key: "period", example: "{start: 2026-01-01, end: 2026-06-30}", note: "the end may not come before the start"),
                Field(key: "integrators", example: "[Anna Beispiel]", note: "people, by role"),
                Field(key: "partners", example: "[Stadt Stralsund, Jobcenter]", note: "organisations"),
                Field(key: "topics", example: "[Wohnen, Arbeit]", note: "a taxonomy: /<lang>/topics/…"),
                Field(key: "status", example: "active", note: "planned, active or completed"),
                Field(key: "metrics", example: "[{label: Beratungen, value: 120}]", note: "shown as a table"),
            ]
        case .contact:
            return [
                Field(key: "organization", example: "Stadt Musterstadt", note: ""),
                Field(key: "category", example: "migration-counselling", note: "a key; its name comes from i18n/<lang>.yaml (category_…)"),
                Field(key: "services", example: "[Beratung, Begleitung zu Ämtern]", note: ""),
                Field(key: "languages", example: "[de, en, ar, uk]", note: "spoken there, as language codes; a taxonomy"),
                Field(key: "address", example: "{street: Markt 1, postal_code: \"12345\", city: Musterstadt}", note: ""),
                Field(key: "geo", example: "{lat: 52.52, lon: 13.40}", note: "a geo: link and an OpenStreetMap link; no map is embedded"),
                Field(key: "phone", example: "\"+49 30 1234567\"", note: ""),
                Field(key: "email", example: "beratung@example.org", note: ""),
                Field(key: "website", example: "https://example.org/beratung", note: ""),
                Field(key: "opening_hours", example: "\"Mo-Fr 09:00-12:00, Th 14:00-18:00; PH off\"", note: "OpenStreetMap syntax"),
                Field(key: "wheelchair", example: "yes", note: "yes, limited or no"),
                Field(key: "appointment", example: "recommended", note: "required, recommended or no"),
                Field(key: "target_groups", example: "[Geflüchtete, Familien]", note: ""),
                Field(key: "last_verified", example: "", note: "the day someone checked this entry (check --stale MONTHS)"),
            ]
        case .event:
            return [
                Field(key: "start", example: "", note: "in the site's time zone; a date alone for an all-day event"),
                Field(key: "end", example: "", note: "may not come before the start"),
                Field(key: "all_day", example: "false", note: "true for events without times"),
                Field(key: "location", example: contactKey, note: "a contact's key (its file name), or an address"),
                Field(key: "organizer", example: contactKey, note: "a contact's key"),
                Field(key: "languages", example: "[de, en]", note: "language codes"),
                Field(key: "cost", example: "kostenlos", note: ""),
                Field(key: "registration", example: "https://example.org/anmeldung", note: "an http(s) address"),
                Field(key: "recurrence", example: "FREQ=WEEKLY;COUNT=10", note: "an RRULE: DAILY, WEEKLY or MONTHLY, INTERVAL, BYDAY, COUNT, UNTIL"),
                Field(key: "cancelled", example: "false", note: "true: shown struck through, STATUS:CANCELLED in calendars"),
                Field(key: "category", example: "language-cafe", note: "a key, like a contact's category"),
            ]
        case .page:
            return []
        }
    }

    /// A new page's file: front matter with the common keys and every field of its type, the ones in
    /// `active` filled in and the rest commented out with an example, then a body to replace.
    /// `today` is in the site's time zone; events start a week later.
    public static func page(
        _ type: PageType, title: String, language: LanguageCode, today: Date, timeZone: TimeZone,
        active: Set<String> = [], contactKey: String = "beratungsstelle"
    ) -> String {
        let day = today.isoDay(in: timeZone)
        let eventDay = today.addingTimeInterval(7 * 86_400).isoDay(in: timeZone)
        var lines = ["---", "title: \(quotedIfNeeded(title))"]
        if type == .report || type == .page { lines.append("date: \(day)") }
        lines += [
            "# summary: One or two sentences for lists, feeds and the search.",
            "# tags: [Beispiel]",
            "# weight: 1                  # lower comes first in lists",
            "# draft: true                # built only with --drafts",
        ]
        let fields = fields(of: type, contactKey: contactKey)
        if !fields.isEmpty {
            lines.append("# The fields of \(type == .event ? "an" : "a") \(type.rawValue) (docs/content.md); remove the # to use one.")
        }
        for field in fields {
            let example: String
            switch field.key {
            case "last_verified": example = day
            case "start": example = eventDay + "T10:00"
            case "end": example = eventDay + "T12:00"
            default: example = field.example
            }
            let isActive = active.contains(field.key) || ["last_verified", "start", "end"].contains(field.key)
            var line = (isActive ? "" : "# ") + "\(field.key): \(example)"
            if !field.note.isEmpty { line += String(repeating: " ", count: max(1, 40 - line.count)) + "# " + field.note }
            lines.append(line)
        }
        lines.append("---")
        lines.append(body(of: type, language: language))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func body(of type: PageType, language: LanguageCode) -> String {
        let german = language.primaryLanguage == "de"
        switch type {
        case .report:
            return german
                ? "## Überblick\n\nWas in diesem Zeitraum geschehen ist, in Markdown. Überschriften gliedern den Bericht.\n"
                : "## Overview\n\nWhat happened in this period, in Markdown. Headings give the report its outline.\n"
        case .contact:
            return german
                ? "Wer hier hilft, wobei und wie man hinkommt.\n"
                : "Who helps here, with what, and how to get there.\n"
        case .event:
            return german ? "Worum es geht und für wen.\n" : "What it is about and who it is for.\n"
        case .page:
            return german ? "Der Text dieser Seite, in Markdown.\n" : "The text of this page, in Markdown.\n"
        }
    }

    /// The files of a new site, by path: site.yaml with `languages` (the first is the default), a home
    /// page and sections in every language, one page of each type in the default language, and a
    /// directory spreadsheet with its header row.
    public static func site(title: String?, languages: [LanguageCode], today: Date) -> [(path: String, text: String)] {
        let timeZone = TimeZone(identifier: "Europe/Berlin")!
        let main = languages[0]
        func text(_ german: String, _ english: String, in language: LanguageCode) -> String {
            language.primaryLanguage == "de" ? german : english
        }
        var siteYAML = """
            # The settings of this site; docs/configuration.md lists every key.
            title:

            """
        for language in languages {
            siteYAML += "  \(language.rawValue): \(quotedIfNeeded(title ?? text("Neue Seite", "New site", in: language)))\n"
        }
        siteYAML += """
            # Where the site will be published: feeds, sitemaps and canonical links start with it.
            base_url: https://example.org/
            time_zone: Europe/Berlin
            default_language: \(main.rawValue)
            languages:

            """
        for language in languages {
            let rtl = language.usualDirection == .rightToLeft ? ", direction: rtl" : ""
            siteYAML += "  - {code: \(language.rawValue), name: \(language.endonym)\(rtl)}\n"
        }
        siteYAML += """
            # A page without a translation is shown in the fallback language with a notice; `omit` leaves it out.
            missing_translation: fallback
            # Entries per page of a list.
            paginate: 10

            """
        var files: [(path: String, text: String)] = [("site.yaml", siteYAML), (".gitignore", "output/\n")]
        let sections: [(folder: String, german: String, english: String)] = [
            ("reports", "Berichte", "Reports"), ("directory", "Adressen", "Directory"), ("events", "Termine", "Events"),
        ]
        for language in languages {
            let code = language.rawValue
            files.append((
                "content/_index.\(code).md",
                "---\ntitle: \(text("Willkommen", "Welcome", in: language))\n---\n"
                    + text(
                        "Diese Seite ist mit Wegweiser gebaut. Die Berichte, Adressen und Termine sind Beispiele: ändern oder löschen Sie sie.\n",
                        "This site is built with Wegweiser. The reports, addresses and events are examples: change or delete them.\n",
                        in: language)))
            for section in sections {
                files.append((
                    "content/\(section.folder)/_index.\(code).md",
                    "---\ntitle: \(text(section.german, section.english, in: language))\n---\n"))
            }
        }
        let code = main.rawValue
        files.append((
            "content/\(text("ueber-uns", "about", in: main)).\(code).md",
            page(.page, title: text("Über uns", "About us", in: main), language: main, today: today, timeZone: timeZone)))
        files.append((
            "content/reports/\(text("erster-bericht", "first-report", in: main)).\(code).md",
            page(.report, title: text("Erster Bericht", "First report", in: main), language: main, today: today, timeZone: timeZone,
                 active: ["municipality", "programme", "period", "topics", "status"])))
        files.append((
            "content/directory/beratungsstelle.\(code).md",
            page(.contact, title: text("Beratungsstelle", "Advice centre", in: main), language: main, today: today, timeZone: timeZone,
                 active: ["organization", "services", "languages", "address", "phone", "opening_hours", "wheelchair"])))
        files.append((
            "content/events/\(text("sprechstunde", "open-hours", in: main)).\(code).md",
            page(.event, title: text("Offene Sprechstunde", "Open office hours", in: main), language: main, today: today,
                 timeZone: timeZone, active: ["location", "languages", "recurrence"])))
        // The directory may also come from a spreadsheet: one row per entry, translated columns by suffix.
        var header = ["key", "title"] + languages.dropFirst().map { "title:" + $0.rawValue }
        header += ["services", "languages", "street", "postal_code", "city", "phone", "opening_hours", "last_verified"]
        var row = ["sprachcafe", text("Sprachcafé", "Language café", in: main)]
        row += languages.dropFirst().map { text("Sprachcafé", "Language café", in: $0) }
        row += [text("Deutsch üben; Gespräche", "German practice; Conversation", in: main), "de;en", "Markt 2", "12345", "Musterstadt",
                "+49 30 7654321", "\"Tu 17:00-19:00\"", today.isoDay(in: timeZone)]
        files.append(("data/directory/\(text("adressen", "addresses", in: main)).csv",
                      header.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n"))
        return files
    }

    /// A title as a YAML value: quoted when it could be read as something else.
    static func quotedIfNeeded(_ text: String) -> String {
        let plain = text.first.map { !"-?:,[]{}#&*!|>'\"%@`".contains($0) } ?? false
            && !text.contains(": ") && !text.contains(" #") && text.trimmingSpaces() == text
            && !["yes", "no", "true", "false", "null", "~", "on", "off"].contains(text.lowercased())
            && Double(text) == nil
        guard !plain else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
