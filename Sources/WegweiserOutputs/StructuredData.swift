import Foundation
import WegweiserContent
import WegweiserCore
import WegweiserSite

/// schema.org JSON-LD for reports, contacts and events, for search engines and assistants.
public enum StructuredData {
    /// The JSON of a page, ready to stand inside `<script type="application/ld+json">`; nil for other pages.
    public static func json(for page: Page, site: Site) -> String? {
        guard page.kind == .page else { return nil }
        let object: JSONObject
        switch page.fields {
        case .report(let report): object = self.report(report, page: page, site: site)
        case .contact(let contact): object = self.contact(contact, page: page, site: site)
        case .event(let event): object = self.event(event, page: page, site: site)
        case .none: return nil
        }
        // JSON text escapes "<", so "</script>" inside a value cannot end the script element.
        return object.encoded
    }

    private static func base(_ type: String, page: Page, site: Site) -> JSONObject {
        var object: JSONObject = [
            "@context": "https://schema.org", "@type": .string(type), "name": .string(page.title),
            "url": .string(site.absoluteURL(for: page.path)), "inLanguage": .string(page.contentLanguage.rawValue),
        ]
        if !page.summary.isEmpty { object["description"] = .string(page.summary) }
        return object
    }

    private static func report(_ report: ReportFields, page: Page, site: Site) -> JSONObject {
        var object = base("Report", page: page, site: site)
        object["headline"] = .string(page.title)
        if let date = page.date { object["datePublished"] = .string(timestamp(date)) }
        if let lastmod = page.lastmod { object["dateModified"] = .string(timestamp(lastmod)) }
        if !report.topics.isEmpty { object["about"] = .strings(report.topics) }
        if let municipality = report.municipality {
            var place: JSONObject = ["@type": "Place", "name": .string(municipality)]
            if let state = report.state { place["containedInPlace"] = ["@type": "AdministrativeArea", "name": .string(state)] }
            object["spatialCoverage"] = .object(place)
        }
        object["publisher"] = ["@type": "Organization", "name": .string(site.config.title(for: page.language))]
        return object
    }

    private static func contact(_ contact: ContactFields, page: Page, site: Site) -> JSONObject {
        let type = schemaType(of: contact)
        var object = base(type, page: page, site: site)
        if let organization = contact.organization { object["name"] = .string(organization) }
        if let address = contact.address { object["address"] = postalAddress(address) }
        if let geo = contact.geo {
            object["geo"] = ["@type": "GeoCoordinates", "latitude": .double(geo.latitude), "longitude": .double(geo.longitude)]
        }
        if let phone = contact.phone { object["telephone"] = .string(phone.dialable) }
        if let email = contact.email { object["email"] = .string(email) }
        if let website = contact.website { object["sameAs"] = .string(website.absoluteString) }
        if !contact.languages.isEmpty { object["knowsLanguage"] = .strings(contact.languages.map(\.rawValue)) }
        if !contact.services.isEmpty { object["knowsAbout"] = .strings(contact.services) }
        if let hours = contact.openingHours, type != "Organization" {
            object["openingHoursSpecification"] = .array(hours.groupedByHours.flatMap { group in
                group.spans.map { span -> JSONValue in
                    ["@type": "OpeningHoursSpecification", "dayOfWeek": .strings(group.days.map { "https://schema.org/" + $0.schemaName }),
                     "opens": .string(span.startText), "closes": .string(span.endText)]
                }
            })
        }
        if let wheelchair = contact.wheelchair {
            object["amenityFeature"] = [
                "@type": "LocationFeatureSpecification", "name": "Wheelchair accessible", "value": .bool(wheelchair != .no),
            ]
        }
        return object
    }

    /// An office of the authorities, a place with opening hours, or an organisation without a place.
    static func schemaType(of contact: ContactFields) -> String {
        let category = (contact.category ?? "").lowercased()
        let offices = ["authority", "office", "amt", "behörde", "behoerde", "government", "jobcenter", "verwaltung"]
        if offices.contains(where: { category.utf8.count >= $0.utf8.count && category.containsText($0) }) { return "GovernmentOffice" }
        if contact.address == nil && contact.openingHours == nil { return "Organization" }
        return "LocalBusiness"
    }

    private static func event(_ event: EventFields, page: Page, site: Site) -> JSONObject {
        var object = base("Event", page: page, site: site)
        let next = page.schedule?.upcoming.first ?? event.start.instant
        object["startDate"] = .string(timestamp(next, allDay: event.allDay, zone: site.config.timeZone))
        if let duration = page.schedule?.duration, duration > 0 {
            object["endDate"] = .string(timestamp(next.addingTimeInterval(duration), allDay: event.allDay, zone: site.config.timeZone))
        }
        object["eventStatus"] = .string("https://schema.org/" + (event.cancelled ? "EventCancelled" : "EventScheduled"))
        object["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        if !event.languages.isEmpty { object["inLanguage"] = .strings(event.languages.map(\.rawValue)) }
        if let id = page.eventPlace {
            let contact = site[id]
            var place: JSONObject = ["@type": "Place", "name": .string(contact.title), "url": .string(site.absoluteURL(for: contact.path))]
            if let address = contact.fields.contact?.address { place["address"] = postalAddress(address) }
            object["location"] = .object(place)
        } else if case .address(let text)? = event.location {
            object["location"] = ["@type": "Place", "address": .string(text)]
        }
        if let id = page.eventOrganizer {
            object["organizer"] = ["@type": "Organization", "name": .string(site[id].title), "url": .string(site.absoluteURL(for: site[id].path))]
        }
        if let registration = event.registration { object["offers"] = ["@type": "Offer", "url": .string(registration.absoluteString)] }
        return object
    }

    private static func postalAddress(_ address: PostalAddress) -> JSONValue {
        var object: JSONObject = ["@type": "PostalAddress"]
        if let street = address.street { object["streetAddress"] = .string(street) }
        if let postalCode = address.postalCode { object["postalCode"] = .string(postalCode) }
        if let city = address.city { object["addressLocality"] = .string(city) }
        return .object(object)
    }

    private static func timestamp(_ date: ContentDate) -> String {
        date.instant.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }

    private static func timestamp(_ date: Date, allDay: Bool, zone: TimeZone) -> String {
        let style = Date.ISO8601FormatStyle(timeSeparator: .colon, timeZoneSeparator: .colon, timeZone: zone)
        return allDay ? date.formatted(style.year().month().day()) : date.formatted(style)
    }
}

extension String {
    /// Whether `part` occurs in this text, compared as Swift compares strings (Foundation's
    /// `contains` went through NSString for every contact page).
    fileprivate func containsText(_ part: String) -> Bool {
        var rest = self[...]
        while !rest.isEmpty {
            if rest.hasPrefix(part) { return true }
            rest = rest.dropFirst()
        }
        return part.isEmpty
    }
}
