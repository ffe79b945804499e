import Foundation
import WegweiserContent
import WegweiserCore
import WegweiserSite

/// iCalendar files (RFC 5545): one `.ics` beside each event page, and `/<lang>/events.ics` with every
/// event of a language, for subscribing.
public enum ICalendar {
    public static func files(for site: Site) async -> [OutputFile] {
        // The languages side by side: the calendars are the largest of the files made after the pages.
        await site.languages.concurrentMap(jobs: site.options.jobs, chunkSize: 1) { language in
            files(for: language.code, site: site)
        }.flatMap { $0 }
    }

    private static func files(for language: LanguageCode, site: Site) -> [OutputFile] {
        let events = site.pages.filter { $0.language == language && $0.fields.event != nil }
        guard !events.isEmpty, let home = site.homes[language] else { return [] }
        // Each event's VEVENT is written once, for its own file and the language's calendar.
        let vevents = events.map { event in
            var lines = ContentLines()
            vevent(event, site: site, into: &lines)
            return lines
        }
        var files = zip(events, vevents).map { event, lines in
            OutputFile(path: event.calendarFile.outputFile, text: calendar([event], vevents: [lines], site: site, name: event.title))
        }
        let name = "\(site.config.title(for: language))"
        files.append(OutputFile(
            path: site[home].path.appending(file: "events.ics").outputFile, text: calendar(events, vevents: vevents, site: site, name: name)))
        return files
    }

    private static func calendar(_ events: [Page], vevents: [ContentLines], site: Site, name: String) -> String {
        var lines = ContentLines()
        lines.add("BEGIN", raw: "VCALENDAR")
        lines.add("VERSION", raw: "2.0")
        lines.add("PRODID", text: "-//Wegweiser//\(site.config.title(for: site.config.defaultLanguage))//EN")
        lines.add("CALSCALE", raw: "GREGORIAN")
        lines.add("METHOD", raw: "PUBLISH")
        lines.add("X-WR-CALNAME", text: name)
        lines.add("X-WR-TIMEZONE", raw: site.config.timeZone.identifier)
        if events.contains(where: { $0.fields.event?.allDay == false }) {
            VTimeZone.lines(for: site.config.timeZone, around: events.map { $0.fields.event!.start.instant }.min()!, into: &lines)
        }
        for vevent in vevents { lines.append(vevent) }
        lines.add("END", raw: "VCALENDAR")
        return lines.text
    }

    private static func vevent(_ page: Page, site: Site, into lines: inout ContentLines) {
        guard let event = page.fields.event else { return }
        let zone = site.config.timeZone
        let host = site.config.baseURL.host ?? "wegweiser"
        lines.add("BEGIN", raw: "VEVENT")
        lines.add("UID", text: page.path.segments.joined(separator: "-") + "@" + host)
        lines.add("DTSTAMP", raw: utcStamp(site.options.now))
        let end = event.start.instant.addingTimeInterval(page.schedule?.duration ?? 0)
        if event.allDay {
            // The end of an all-day event is the day after its last day.
            lines.add("DTSTART;VALUE=DATE", raw: dateStamp(event.start.instant, zone: zone))
            lines.add("DTEND;VALUE=DATE", raw: dateStamp(end, zone: zone))
        } else {
            lines.add("DTSTART;TZID=\(zone.identifier)", raw: localStamp(event.start.instant, zone: zone))
            if end > event.start.instant { lines.add("DTEND;TZID=\(zone.identifier)", raw: localStamp(end, zone: zone)) }
        }
        if let rule = event.recurrence { lines.add("RRULE", raw: ruleText(rule, allDay: event.allDay, zone: zone)) }
        let language = ";LANGUAGE=\(page.contentLanguage)"
        lines.add("SUMMARY" + language, text: page.title)
        let url = site.absoluteURL(for: page.path)
        lines.add("DESCRIPTION" + language, text: page.summary.isEmpty ? url : page.summary + "\n\n" + url)
        lines.add("URL;VALUE=URI", raw: url)
        if let place = placeText(of: page, site: site) { lines.add("LOCATION" + language, text: place) }
        if let geo = page.eventPlace.flatMap({ site[$0].fields.contact?.geo }) {
            lines.add("GEO", raw: "\(geo.latitude);\(geo.longitude)")
        }
        if let organizer = page.eventOrganizer.map({ site[$0] }), let email = organizer.fields.contact?.email {
            lines.add("ORGANIZER;CN=\"\(String(organizer.title.map { $0 == "\"" ? "'" : $0 }))\"", raw: "mailto:" + email)
        }
        if let category = event.category { lines.add("CATEGORIES", text: category) }
        lines.add("STATUS", raw: event.cancelled ? "CANCELLED" : "CONFIRMED")
        lines.add("END", raw: "VEVENT")
    }

    /// The contact's name and address, or the address as written.
    static func placeText(of page: Page, site: Site) -> String? {
        if let id = page.eventPlace {
            let contact = site[id]
            let address = contact.fields.contact?.address?.singleLine ?? ""
            return address.isEmpty ? contact.title : contact.title + ", " + address
        }
        if case .address(let text)? = page.fields.event?.location { return text }
        return nil
    }

    /// The rule again, with UNTIL in UTC for timed events, as RFC 5545 requires.
    static func ruleText(_ rule: RecurrenceRule, allDay: Bool, zone: TimeZone) -> String {
        var parts = ["FREQ=\(rule.frequency.rawValue)"]
        if rule.interval > 1 { parts.append("INTERVAL=\(rule.interval)") }
        if !rule.days.isEmpty {
            let codes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
            parts.append("BYDAY=" + rule.days.map { day in (day.ordinal.map(String.init) ?? "") + codes[day.weekday.rawValue - 1] }.joined(separator: ","))
        }
        if let count = rule.count { parts.append("COUNT=\(count)") }
        if let until = rule.until { parts.append("UNTIL=" + (allDay ? dateStamp(until, zone: zone) : utcStamp(until))) }
        return parts.joined(separator: ";")
    }

    static func utcStamp(_ date: Date) -> String {
        VTimeZone.localStamp(date, offset: 0) + "Z"
    }

    static func localStamp(_ date: Date, zone: TimeZone) -> String {
        VTimeZone.localStamp(date, offset: zone.secondsFromGMT(for: date))
    }

    static func dateStamp(_ date: Date, zone: TimeZone) -> String {
        String(localStamp(date, zone: zone).prefix(8))
    }
}
