import Foundation
import WegweiserContent
import WegweiserCore
import WegweiserSite

/// The typed fields of reports, contacts and events, as templates show them: labels in the reader's
/// language, links resolved, values formatted.
extension RenderContextBuilder {
    func typedContext(_ page: Page) -> TemplateMap {
        switch page.fields {
        case .report(let report): ["report": reportContext(report, page: page)]
        case .contact(let contact): ["contact": contactContext(contact, page: page)]
        case .event(let event): ["event": eventContext(event, page: page)]
        case .none: [:]
        }
    }

    // MARK: Reports

    private func reportContext(_ report: ReportFields, page: Page) -> TemplateValue {
        let language = page.language
        var context: TemplateMap = [
            "integrators": .strings(report.integrators), "partners": .strings(report.partners),
            "topics": .list(termLinks(report.topics, taxonomy: "topics", page: page)),
            "metrics": .list(report.metrics.map { ["label": .string($0.label), "value": .string($0.value)] }),
        ]
        if let municipality = report.municipality {
            context["municipality"] = [
                "name": .string(municipality), "url": .string(termURL(municipality, taxonomy: "municipalities", page: page) ?? ""),
            ]
        }
        context["state"] = report.state.map(TemplateValue.string)
        context["programme"] = report.programme.map(TemplateValue.string)
        var period: TemplateMap = [:]
        if let start = report.periodStart { period["start"] = dateValues(start, in: language) }
        if let end = report.periodEnd { period["end"] = dateValues(end, in: language) }
        if !period.isEmpty { context["period"] = .map(period) }
        if let status = report.status {
            context["status"] = ["key": .string(status.rawValue), "label": .string(strings.text("status_" + status.rawValue, in: language))]
        }
        context["has_facts"] = .bool(
            report.municipality != nil || report.programme != nil || !period.isEmpty || report.status != nil
                || !report.integrators.isEmpty || !report.partners.isEmpty || !report.topics.isEmpty)
        return .map(context)
    }

    // MARK: Contacts

    private func contactContext(_ contact: ContactFields, page: Page) -> TemplateValue {
        let language = page.language
        var context: TemplateMap = [
            "services": .strings(contact.services), "target_groups": .strings(contact.targetGroups),
            "languages": .list(contact.languages.map(languageValues)),
            "vcard_url": .string(site.url(for: page.vcardFile)),
        ]
        context["organization"] = contact.organization.map(TemplateValue.string)
        if let category = contact.category { context["category"] = categoryValues(category, taxonomy: "categories", page: page) }
        if let address = contact.address {
            context["address"] = [
                "street": .string(address.street ?? ""), "postal_code": .string(address.postalCode ?? ""), "city": .string(address.city ?? ""),
                "line": .string(address.singleLine),
            ]
        }
        if let map = mapLinks(geo: contact.geo, address: contact.address) { context["map"] = map }
        if let phone = contact.phone { context["phone"] = ["text": .string(phone.written), "uri": .string(phone.telURI)] }
        if let email = contact.email { context["email"] = ["text": .string(email), "uri": .string("mailto:" + email)] }
        if let website = contact.website { context["website"] = linkValues(website) }
        if let hours = contact.openingHours { context["opening_hours"] = openingHoursRows(hours, in: language) }
        if let wheelchair = contact.wheelchair {
            context["wheelchair"] = [
                "key": .string(wheelchair.rawValue), "label": .string(strings.text("wheelchair_" + wheelchair.rawValue, in: language)),
            ]
        }
        if let appointment = contact.appointment {
            context["appointment"] = [
                "key": .string(appointment.rawValue), "label": .string(strings.text("appointment_" + appointment.rawValue, in: language)),
            ]
        }
        if let verified = contact.lastVerified { context["last_verified"] = dateValues(verified, in: language) }
        return .map(context)
    }

    /// One row per weekday, and public holidays when the text names them.
    func openingHoursRows(_ hours: OpeningHours, in language: LanguageCode) -> TemplateValue {
        let days = Weekday.week + (hours.mentionsPublicHolidays ? [.publicHoliday] : [])
        let rows = days.map { day -> TemplateValue in
            let spans = hours.spans(on: day)
            return [
                "day": .string(strings.text("weekday_" + day.code.lowercased(), in: language)),
                "spans": .strings(spans.map { "\($0.startText)–\($0.endText)" }),
                "is_closed": .bool(spans.isEmpty),
            ]
        }
        return ["rows": .list(rows), "text": .string(hours.text)]
    }

    /// A `geo:` link for phones' map apps and an OpenStreetMap link; nothing is embedded or loaded.
    private func mapLinks(geo: GeoPoint?, address: PostalAddress?) -> TemplateValue? {
        if let geo {
            let lat = String(format: "%.6f", geo.latitude), lon = String(format: "%.6f", geo.longitude)
            return [
                "geo_uri": .string("geo:\(lat),\(lon)"),
                "osm_url": .string("https://www.openstreetmap.org/?mlat=\(lat)&mlon=\(lon)#map=18/\(lat)/\(lon)"),
            ]
        }
        guard let line = address?.singleLine, !line.isEmpty,
            let query = line.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)
        else { return nil }
        return ["geo_uri": .string("geo:0,0?q=\(query)"), "osm_url": .string("https://www.openstreetmap.org/search?query=\(query)")]
    }

    // MARK: Events

    private func eventContext(_ event: EventFields, page: Page) -> TemplateValue {
        let language = page.language
        var context: TemplateMap = [
            "all_day": .bool(event.allDay), "cancelled": .bool(event.cancelled), "is_recurring": .bool(event.recurrence != nil),
            "languages": .list(event.languages.map(languageValues)), "ics_url": .string(site.url(for: page.calendarFile)),
            "start": dateValues(event.start, in: language),
        ]
        if let end = event.end { context["end"] = dateValues(end, in: language) }
        let schedule = page.schedule
        context["is_upcoming"] = .bool(schedule?.isUpcoming ?? false)
        let dates = (schedule?.upcoming ?? []).map { occurrenceValues($0, event: event, duration: schedule?.duration ?? 0, in: language) }
        context["next_dates"] = .list(dates)
        context["when"] = dates.first ?? occurrenceValues(event.start.instant, event: event, duration: schedule?.duration ?? 0, in: language)
        context["cost"] = event.cost.map(TemplateValue.string)
        if let registration = event.registration { context["registration"] = linkValues(registration) }
        if let category = event.category { context["category"] = categoryValues(category, taxonomy: "categories", page: page) }
        if let id = page.eventPlace {
            let place = site[id]
            context["place"] = [
                "title": .string(place.title), "url": .string(url(of: id)), "lang": .string(place.contentLanguage.rawValue),
                "address": .string(place.fields.contact?.address?.singleLine ?? ""),
            ]
        } else if case .address(let text)? = event.location {
            context["place"] = ["address": .string(text)]
        }
        if let id = page.eventOrganizer {
            let organizer = site[id]
            context["organizer"] = [
                "title": .string(organizer.title), "url": .string(url(of: id)), "lang": .string(organizer.contentLanguage.rawValue),
            ]
        }
        return .map(context)
    }

    /// One occurrence as text: "Dienstag, 14. Oktober 2025, 09:00–11:00 Uhr".
    func occurrenceValues(_ start: Date, event: EventFields, duration: TimeInterval, in language: LanguageCode) -> TemplateValue {
        let text = formatter.formatOccurrence(start: start, end: start.addingTimeInterval(duration), allDay: event.allDay, in: language)
        let iso = event.allDay
            ? formatter.iso8601(ContentDate(instant: start, hasTime: false, hasOffset: false))
            : formatter.iso8601(ContentDate(instant: start, hasTime: true, hasOffset: false))
        return ["text": .string(text), "iso": .string(iso)]
    }

    // MARK: Shared

    /// A spoken language by its own name: "العربية", with `lang` and `dir` for the reader's screen reader.
    func languageValues(_ code: LanguageCode) -> TemplateValue {
        ["code": .string(code.rawValue), "name": .string(endonyms[code] ?? code.endonym), "dir": .string(code.usualDirection.rawValue)]
    }

    /// A category's label from the UI strings (`category_<key>`), else as written.
    func categoryLabel(_ category: String, in language: LanguageCode) -> String {
        if let label = strings.optionalText("category_" + category, in: language) { return label }
        let isKey = category.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_" }
        guard isKey else { return category }
        let words = String(category.map { $0 == "-" || $0 == "_" ? " " : $0 })
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    private func categoryValues(_ category: String, taxonomy: String, page: Page) -> TemplateValue {
        [
            "key": .string(category), "label": .string(categoryLabel(category, in: page.language)),
            "url": .string(termURL(category, taxonomy: taxonomy, page: page) ?? ""),
        ]
    }

    private func termLinks(_ names: [String], taxonomy: String, page: Page) -> [TemplateValue] {
        names.map { ["name": .string($0), "url": .string(termURL($0, taxonomy: taxonomy, page: page) ?? "")] }
    }

    /// The term page of a value, when the page carries that term.
    private func termURL(_ name: String, taxonomy: String, page: Page) -> String? {
        let slug = Slug.make(from: name)
        return page.terms.first { $0.taxonomy == taxonomy && $0.slug == slug }.map { url(of: $0.page) }
    }

    func dateValues(_ date: ContentDate, in language: LanguageCode) -> TemplateValue {
        [
            "iso": .string(formatter.iso8601(date)), "text": .string(formatter.format(date, in: language)),
            "day": .string(formatter.formatDay(date, in: language)),
        ]
    }

    /// An address in a typed field: `url`, `text` (its host without www.) and `is_external`, true when
    /// it leads off the site, so the theme can mark it.
    func linkValues(_ url: URL) -> TemplateValue { Self.linkValues(url, site: site) }

    static func linkValues(_ url: URL, site: Site) -> TemplateValue {
        let host = url.host?.lowercased()
        return [
            "url": .string(url.absoluteString), "text": .string(host.map { $0.hasPrefix("www.") ? String($0.dropFirst(4)) : $0 } ?? url.absoluteString),
            "is_external": .bool(host != nil && host != site.config.baseURL.host?.lowercased()),
        ]
    }
}

extension TemplateValue {
    static func strings(_ texts: [String]) -> TemplateValue { .list(texts.map(TemplateValue.string)) }
}
