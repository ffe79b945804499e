import Foundation

/// A BCP 47 language tag (`de`, `de-x-easy`, `uk`, `pt-BR`, `sr-Latn`), kept in its canonical case.
public struct LanguageCode: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let rawValue: String

    /// Parses and canonicalises a tag; nil when it is not well-formed BCP 47.
    public init?(_ text: String) {
        guard let canonical = Self.canonicalize(text) else { return nil }
        self.rawValue = canonical
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = LanguageCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not BCP 47"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: LanguageCode, rhs: LanguageCode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The primary language subtag: `de` for `de-x-easy`.
    public var primaryLanguage: String {
        String(rawValue.prefix { $0 != "-" })
    }

    /// The tag without private-use subtags, for locale data (dates, numbers): `de` for `de-x-easy`.
    public var localeIdentifier: String {
        let subtags = rawValue.split(separator: "-")
        let end = subtags.firstIndex(of: "x") ?? subtags.endIndex
        return subtags[..<end].joined(separator: "-")
    }

    /// The language's name in itself, capitalised: "Deutsch", "العربية", "Українська".
    public var endonym: String {
        let name = Locale(identifier: localeIdentifier).localizedString(forLanguageCode: primaryLanguage) ?? rawValue
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// The writing direction most texts in this language use.
    public var usualDirection: TextDirection {
        let subtags = rawValue.split(separator: "-").map(String.init)
        if subtags.contains(where: { ["Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg"].contains($0) }) {
            return .rightToLeft
        }
        if subtags.contains(where: { ["Latn", "Cyrl"].contains($0) }) { return .leftToRight }
        return Self.rightToLeftLanguages.contains(primaryLanguage) ? .rightToLeft : .leftToRight
    }

    private static let rightToLeftLanguages: Set<String> = [
        "ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv", "sd", "ug", "prs", "pnb", "arz", "apc", "ary", "iw",
    ]

    private static func canonicalize(_ text: String) -> String? {
        let subtags = text.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "_" }
        guard let first = subtags.first, !text.isEmpty else { return nil }
        guard subtags.allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return nil }
        let primary = first.lowercased()
        let privateUseOnly = primary == "x"
        guard privateUseOnly || ((2...3).contains(primary.count) || (5...8).contains(primary.count)),
            privateUseOnly || primary.allSatisfy(\.isLetter)
        else { return nil }

        var result = [primary]
        var afterSingleton = privateUseOnly
        for subtag in subtags.dropFirst() {
            let lower = subtag.lowercased()
            if lower.count == 1 {
                afterSingleton = true
                result.append(lower)
            } else if afterSingleton {
                result.append(lower)
            } else if lower.count == 4, lower.allSatisfy(\.isLetter) {
                result.append(lower.prefix(1).uppercased() + lower.dropFirst())  // script: Latn
            } else if lower.count == 2 && lower.allSatisfy(\.isLetter) || lower.count == 3 && lower.allSatisfy(\.isNumber) {
                result.append(lower.uppercased())  // region: BR, 419
            } else {
                result.append(lower)
            }
        }
        if let last = result.last, last.count == 1 && result.count > 1 { return nil }  // a singleton needs a subtag
        return result.joined(separator: "-")
    }
}

/// The direction of a language's script, as HTML's `dir` attribute spells it.
public enum TextDirection: String, Sendable, Hashable, Codable {
    case leftToRight = "ltr"
    case rightToLeft = "rtl"
}
