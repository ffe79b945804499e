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

    func values(_ statement: AccessibilityStatement) -> TemplateValue {
        let regulation = statement.regulation
        let siteTitle = site.config.title(for: language)
        var values: TemplateMap = [
            "conformance": .string(statement.conformance.rawValue),
            "is_full": .bool(statement.conformance == .full),
            "intro": .string(strings.text(
                "statement_intro", in: language, ["site": siteTitle, "regulation": regulation, "url": site.config.baseURL.absoluteString])),
            "status": .string(strings.text("statement_" + statement.conformance.rawValue, in: language, ["regulation": regulation])),
            "prepared": dateValues(statement.prepared),
            "preparation": .string(strings.text(
                statement.evaluation == .selfAssessment ? "statement_prepared_self" : "statement_prepared_third_party", in: language,
                ["date": formatter.formatDay(statement.prepared, in: language)])),
            "known_issues": .list(statement.knownIssues.compactMap(textValues)),
            "contact": contactValues(statement.contact),
        ]
        if let reviewed = statement.reviewed {
            values["reviewed"] = dateValues(reviewed)
            values["review"] = .string(strings.text("statement_reviewed", in: language, ["date": formatter.formatDay(reviewed, in: language)]))
        }
        if let enforcement = statement.enforcement { values["enforcement"] = contactValues(enforcement) }
        return .map(values)
    }

    private func dateValues(_ date: ContentDate) -> TemplateValue {
        ["text": .string(formatter.formatDay(date, in: language)), "iso": .string(formatter.iso8601(date))]
    }

    /// A text in the page's language where there is one, with the language it is in.
    private func textValues(_ text: LocalizedText) -> TemplateValue? {
        guard let (value, written) = text.text(in: site.config.fallbackChain(for: language)) else { return nil }
        let code = written ?? site.config.defaultLanguage
        return ["text": .string(value), "lang": .string(code.rawValue), "dir": .string(site.language(code).direction.rawValue)]
    }

    private func contactValues(_ contact: AccessibilityStatement.Contact) -> TemplateValue {
        var values: TemplateMap = [:]
        if let name = contact.name.flatMap(textValues) { values["name"] = name }
        if let email = contact.email { values["email"] = ["text": .string(email), "uri": .string("mailto:" + email)] }
        if let phone = contact.phone { values["phone"] = ["text": .string(phone.written), "uri": .string(phone.telURI)] }
        if let address = contact.address { values["address"] = .string(address) }
        if let url = contact.url { values["url"] = RenderContextBuilder.linkValues(url, site: site) }
        return .map(values)
    }
}
