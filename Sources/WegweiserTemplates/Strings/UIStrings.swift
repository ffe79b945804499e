import Foundation
import WegweiserContent
import WegweiserCore

/// The theme's interface texts in every site language ("Weiterlesen", "Read more", "اقرأ المزيد"),
/// with the site's `i18n/` over the theme's, and each language falling back along its chain.
public struct UIStrings: Sendable {
    /// Resolved text of every known key, per language.
    public private(set) var tables: [LanguageCode: [String: String]] = [:]
    /// Per language, the keys the theme uses that it has no text for in that language (shown in
    /// another language of its chain, or as the key): `wegweiser check --translations` lists them.
    public private(set) var missing: [LanguageCode: [String]] = [:]

    /// Reads the theme's string files and resolves them for the site's languages. Keys that
    /// templates use but a language lacks are warnings naming the key; `usedKeys` says where
    /// each key is first used.
    /// `requiredKeys` are keys the tool itself needs (notices, labels); a missing one is reported at
    /// the language's string file.
    public static func resolve(
        theme: Theme, config: SiteConfig, usedKeys: [String: SourceLocation], requiredKeys: [String] = []
    ) throws(DiagnosticError) -> (UIStrings, Diagnostics) {
        var diagnostics = Diagnostics()
        var own: [LanguageCode: [String: String]] = [:]
        for (code, files) in theme.stringFiles.sorted(by: { $0.key < $1.key }) {
            guard let language = LanguageCode(code), config.language(language) != nil else { continue }
            for file in files {
                guard let text = diagnostics.collect({ try SourceText.decode(file.bytes, file: file.displayPath) }),
                    let strings = diagnostics.collect({ try UIStringFile.read(text, file: file.displayPath) })
                else { continue }
                for (key, value) in strings.strings { own[language, default: [:]][key] = value.text }
            }
        }
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics.all) }
        var result = UIStrings()
        let allKeys = Set(own.values.flatMap(\.keys)).union(usedKeys.keys).union(requiredKeys)
        for language in config.languages.map(\.code) {
            var usedKeys = usedKeys
            let file = (theme.stringFiles[language.rawValue] ?? theme.stringFiles[config.defaultLanguage.rawValue])?.last
            for key in requiredKeys where usedKeys[key] == nil {
                usedKeys[key] = file.map { SourceLocation(file: $0.displayPath) }
            }
            var table: [String: String] = [:]
            for key in allKeys.sorted() {
                let chain = config.fallbackChain(for: language)
                guard let found = chain.first(where: { own[$0]?[key] != nil }) else {
                    if let location = usedKeys[key] {
                        result.missing[language, default: []].append(key)
                        diagnostics.warning(
                            "UI string '\(key)' is missing in every language (\(chain.map(\.rawValue).joined(separator: ", "))); "
                                + "add it to i18n/\(language).yaml", at: location)
                    }
                    table[key] = key
                    continue
                }
                if found != language, let location = usedKeys[key] {
                    result.missing[language, default: []].append(key)
                    diagnostics.warning(
                        "UI string '\(key)' is missing for '\(language)'; using '\(found)' (add it to i18n/\(language).yaml)",
                        at: location)
                }
                table[key] = own[found]![key]
            }
            result.tables[language] = table
        }
        return (result, diagnostics)
    }

    public init(tables: [LanguageCode: [String: String]] = [:]) {
        self.tables = tables
    }

    /// The text for `key` in `language` when the theme or site has one.
    public func optionalText(_ key: String, in language: LanguageCode) -> String? {
        tables[language]?[key]
    }

    /// The text for `key` in `language`, with `{name}` placeholders filled in.
    public func text(_ key: String, in language: LanguageCode, _ values: [String: String] = [:]) -> String {
        let template = tables[language]?[key] ?? key
        guard !values.isEmpty, template.utf8.contains(UInt8(ascii: "{")) else { return template }
        // One pass; a value is never searched for placeholders itself. A name without a value stays as written.
        var text = ""
        var rest = template[...]
        while let close = rest.firstIndex(of: "}") {
            if let open = rest[..<close].lastIndex(of: "{"), let value = values[String(rest[rest.index(after: open)..<close])] {
                text += rest[..<open]
                text += value
            } else {
                text += rest[...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return text + rest
    }
}
