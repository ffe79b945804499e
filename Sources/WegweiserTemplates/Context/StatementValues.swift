import Foundation
import WegweiserContent
import WegweiserCore
import WegweiserSite

/// `site.accessibility`: the accessibility statement of site.yaml as sentences in one language, for
/// the theme's `accessibility` layout (documented in docs/accessibility.md).
struct StatementValues {
    let site: Site
    let strings: UIStrings
    let formatter: LocaleFormatter
    let language: LanguageCode

    func values(_ statement: AccessibilityStatement) -> [String: Any] {
        let regulation = statement.regulation
        let siteTitle = site.config.title(for: language)
        var values: [String: Any] = [
            "conformance": statement.conformance.rawValue,
            "is_full": statement.conformance == .full,
            "intro": strings.text("statement_intro", in: language, ["site": siteTitle, "regulation": regulation, "url": site.config.baseURL.absoluteString]),
            "status": strings.text("statement_" + statement.conformance.rawValue, in: language, ["regulation": regulation]),
            "prepared": dateValues(statement.prepared),
            "preparation": strings.text(
                statement.evaluation == .selfAssessment ? "statement_prepared_self" : "statement_prepared_third_party", in: language,
                ["date": formatter.formatDay(statement.prepared, in: language)]),
            "known_issues": statement.knownIssues.compactMap(textValues),
            "contact": contactValues(statement.contact),
        ]
        if let reviewed = statement.reviewed {
            values["reviewed"] = dateValues(reviewed)
            values["review"] = strings.text("statement_reviewed", in: language, ["date": formatter.formatDay(reviewed, in: language)])
        }
        if let enforcement = statement.enforcement { values["enforcement"] = contactValues(enforcement) }
        return values
    }

    private func dateValues(_ date: ContentDate) -> [String: Any] {
        ["text": formatter.formatDay(date, in: language), "iso": formatter.iso8601(date)]
    }

    /// A text in the page's language where there is one, with the language it is in.
    private func textValues(_ text: LocalizedText) -> [String: Any]? {
        guard let (value, written) = text.text(in: site.config.fallbackChain(for: language)) else { return nil }
        let code = written ?? site.config.defaultLanguage
        return ["text": value, "lang": code.rawValue, "dir": site.language(code).direction.rawValue]
    }

    private func contactValues(_ contact: AccessibilityStatement.Contact) -> [String: Any] {
        var values: [String: Any] = [:]
        if let name = contact.name.flatMap(textValues) { values["name"] = name }
        if let email = contact.email { values["email"] = ["text": email, "uri": "mailto:" + email] }
        if let phone = contact.phone { values["phone"] = ["text": phone.written, "uri": phone.telURI] }
        if let address = contact.address { values["address"] = address }
        if let url = contact.url { values["url"] = RenderContextBuilder.linkValues(url, site: site) }
        return values
    }
}
