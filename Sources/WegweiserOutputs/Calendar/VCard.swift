import Foundation
import WegweiserContent
import WegweiserCore
import WegweiserSite

/// A vCard 4.0 (RFC 6350) beside each directory entry, so readers can save the contact in their phone.
public enum VCard {
    public static func files(for site: Site) -> [OutputFile] {
        site.pages.compactMap { page in
            guard page.kind == .page, page.fields.contact != nil else { return nil }
            return OutputFile(path: page.vcardFile.outputFile, text: card(page, site: site))
        }
    }

    static func card(_ page: Page, site: Site) -> String {
        let contact = page.fields.contact!
        var lines = ContentLines()
        lines.add("BEGIN", raw: "VCARD")
        lines.add("VERSION", raw: "4.0")
        lines.add("KIND", raw: "org")
        lines.add("FN;LANGUAGE=\(page.contentLanguage)", text: contact.organization ?? page.title)
        if let organization = contact.organization { lines.add("ORG", text: organization) }
        if let address = contact.address {
            let parts = ["", "", address.street ?? "", address.city ?? "", "", address.postalCode ?? "", ""]
            lines.add("ADR;TYPE=work", raw: parts.map(ContentLines.escape).joined(separator: ";"))
        }
        if let phone = contact.phone { lines.add("TEL;VALUE=uri;TYPE=work,voice", raw: phone.telURI) }
        if let email = contact.email { lines.add("EMAIL;TYPE=work", text: email) }
        if let website = contact.website { lines.add("URL", raw: website.absoluteString) }
        if let geo = contact.geo { lines.add("GEO", raw: "geo:\(geo.latitude),\(geo.longitude)") }
        for (index, language) in contact.languages.enumerated() { lines.add("LANG;PREF=\(index + 1)", raw: language.rawValue) }
        var categories = contact.services
        if let category = contact.category { categories.insert(category, at: 0) }
        if !categories.isEmpty { lines.add("CATEGORIES", raw: categories.map(ContentLines.escape).joined(separator: ",")) }
        if let hours = contact.openingHours { lines.add("NOTE", text: hours.text) }
        lines.add("SOURCE", raw: site.absoluteURL(for: page.vcardFile))
        lines.add("UID", raw: site.absoluteURL(for: page.path))
        if let revision = contact.lastVerified ?? page.lastmod { lines.add("REV", raw: ICalendar.utcStamp(revision.instant)) }
        lines.add("END", raw: "VCARD")
        return lines.text
    }
}
