import Foundation
import WegweiserCore

/// `accessibility:` in site.yaml: what a public body's accessibility statement (in Germany the
/// "Erklärung zur Barrierefreiheit" of BITV 2.0 § 7, after the EU's model statement 2018/1523) must
/// say. The theme's `accessibility` layout writes the statement from it in every language.
public struct AccessibilityStatement: Sendable, Hashable {
    /// How far the site meets the requirements.
    public enum Conformance: String, Sendable, Hashable, CaseIterable {
        case full, partial, none
    }

    /// How the statement was arrived at.
    public enum Evaluation: String, Sendable, Hashable, CaseIterable {
        case selfAssessment = "self-assessment"
        case thirdParty = "third-party"
    }

    /// Someone to write to: the feedback contact, or the enforcement (arbitration) body.
    public struct Contact: Sendable, Hashable {
        public var name: LocalizedText?
        public var email: String?
        public var phone: PhoneNumber?
        public var address: String?
        public var url: URL?
    }

    public var conformance: Conformance
    public var evaluation: Evaluation
    /// The law or regulation the statement answers to: "BITV 2.0", or a state's own.
    public var regulation: String
    /// When the statement was first made, and when it was last checked.
    public var prepared: ContentDate
    public var reviewed: ContentDate?
    /// What is not accessible yet, and why.
    public var knownIssues: [LocalizedText]
    public var contact: Contact
    public var enforcement: Contact?
}

/// A text given once for every language, or per language (`{de: …, en: …}`); read in a language by
/// its fallback chain.
public struct LocalizedText: Sendable, Hashable {
    public var texts: [LanguageCode: String]
    /// For every language when the text was given once.
    public var shared: String?

    public func text(in chain: [LanguageCode]) -> (text: String, language: LanguageCode?)? {
        if let shared { return (shared, nil) }
        for code in chain {
            if let text = texts[code] { return (text, code) }
        }
        return texts.sorted { $0.key < $1.key }.first.map { ($0.value, $0.key) }
    }
}

/// Reads `accessibility:`, collecting a located error for every bad value.
struct AccessibilityStatementReader {
    let node: DataNode
    let languages: [LanguageCode]
    let timeZone: TimeZone
    var diagnostics = Diagnostics()

    static let keys = ["conformance", "evaluation", "regulation", "prepared", "reviewed", "known_issues", "contact", "enforcement"]
    static let contactKeys = ["name", "email", "phone", "address", "url"]

    mutating func read() -> AccessibilityStatement? {
        guard case .map(let entries) = node.value else {
            diagnostics.error("'accessibility' must be a map like {conformance: partial, prepared: 2026-11-26, contact: {email: …}}", at: node.location)
            return nil
        }
        warnAboutUnknownKeys(entries, known: Self.keys, in: "accessibility")
        var fields = FieldReader(Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }), file: node.location.file, timeZone: timeZone)
        let conformance = fields.choice("conformance", as: AccessibilityStatement.Conformance.self)
        let evaluation = fields.choice("evaluation", as: AccessibilityStatement.Evaluation.self) ?? .selfAssessment
        let regulation = fields.text("regulation") ?? "BITV 2.0"
        let prepared = fields.date("prepared")
        let reviewed = fields.date("reviewed")
        diagnostics.append(contentsOf: fields.diagnostics)
        if conformance == nil, node["conformance"] == nil {
            diagnostics.error("'accessibility' needs 'conformance': full, partial or none", at: node.location)
        }
        if prepared == nil, node["prepared"] == nil {
            diagnostics.error("'accessibility' needs 'prepared': the date the statement was made, like 2026-11-26", at: node.location)
        }
        if let prepared, let reviewed, reviewed < prepared, let location = node["reviewed"]?.location {
            diagnostics.error("'reviewed' lies before 'prepared'; the statement cannot be checked before it was made", at: location)
        }
        let issues = readIssues()
        if conformance != nil, conformance != .full, issues.isEmpty {
            diagnostics.warning(
                "the site is not fully accessible, but 'known_issues' lists nothing; the statement must name what is not accessible",
                at: node["conformance"]?.location ?? node.location)
        }
        let contact = node["contact"].flatMap { readContact($0, field: "contact") }
        if node["contact"] == nil {
            diagnostics.error("'accessibility' needs 'contact' with an 'email' or 'url' where readers report barriers", at: node.location)
        } else if let contact, contact.email == nil, contact.url == nil, let location = node["contact"]?.location {
            diagnostics.error("'contact' needs an 'email' or a 'url' (a form) where readers report barriers", at: location)
        }
        let enforcement = node["enforcement"].flatMap { readContact($0, field: "enforcement") }
        if node["enforcement"] == nil {
            diagnostics.warning(
                "'accessibility' names no 'enforcement' body (in Germany the Schlichtungsstelle nach § 16 BGG or the state's); the statement must",
                at: node.location)
        } else if let enforcement, enforcement.name == nil, let location = node["enforcement"]?.location {
            diagnostics.error("'enforcement' needs a 'name'", at: location)
        }
        guard let conformance, let prepared, let contact else { return nil }
        return AccessibilityStatement(
            conformance: conformance, evaluation: evaluation, regulation: regulation, prepared: prepared, reviewed: reviewed,
            knownIssues: issues, contact: contact, enforcement: enforcement)
    }

    private mutating func readIssues() -> [LocalizedText] {
        guard let list = node["known_issues"] else { return [] }
        let items: [DataNode]
        switch list.value {
        case .list(let values): items = values
        case .null: items = []
        default: items = [list]
        }
        return items.compactMap { readLocalized($0, field: "known_issues") }
    }

    private mutating func readContact(_ contactNode: DataNode, field: String) -> AccessibilityStatement.Contact? {
        guard case .map(let entries) = contactNode.value else {
            diagnostics.error("'\(field)' must be a map like {name: …, email: …, phone: …, address: …, url: …}", at: contactNode.location)
            return nil
        }
        warnAboutUnknownKeys(entries, known: Self.contactKeys, in: field)
        var contact = AccessibilityStatement.Contact()
        contact.name = contactNode["name"].flatMap { readLocalized($0, field: "name") }
        contact.email = contactNode["email"].flatMap { value in diagnostics.collect { try value.email(for: "email") } }
        contact.phone = contactNode["phone"].flatMap { value in diagnostics.collect { try value.phone(for: "phone") } }
        contact.address = contactNode["address"].flatMap { value in diagnostics.collect { try value.nonEmptyString(for: "address") } }
        contact.url = contactNode["url"].flatMap { value in diagnostics.collect { try value.webAddress(for: "url") } }
        return contact
    }

    /// Text, or a map of the site's languages to text.
    private mutating func readLocalized(_ item: DataNode, field: String) -> LocalizedText? {
        switch item.value {
        case .scalar:
            return diagnostics.collect { try item.nonEmptyString(for: field) }.map { LocalizedText(texts: [:], shared: $0) }
        case .map(let entries):
            var texts: [LanguageCode: String] = [:]
            for entry in entries {
                guard let code = LanguageCode(entry.key), languages.contains(code) else {
                    diagnostics.error(
                        "'\(entry.key)' in '\(field)' is not one of the site's languages (\(languages.map(\.rawValue).joined(separator: ", ")))",
                        at: entry.keyLocation)
                    continue
                }
                texts[code] = diagnostics.collect { try entry.value.nonEmptyString(for: field) }
            }
            return texts.isEmpty ? nil : LocalizedText(texts: texts, shared: nil)
        default:
            diagnostics.error("each entry of '\(field)' must be text or a map of languages to text", at: item.location)
            return nil
        }
    }

    private mutating func warnAboutUnknownKeys(_ entries: [DataEntry], known: [String], in field: String) {
        for entry in entries where !known.contains(entry.key) {
            diagnostics.warning("unknown setting '\(entry.key)' in '\(field)'\(Suggestions.hint(for: entry.key, in: known))", at: entry.keyLocation)
        }
    }
}
