import Foundation
import WegweiserCore

/// Reads and checks site.yaml, reporting every problem it finds at its line.
public enum SiteConfigLoader {
    static let knownKeys = [
        "title", "base_url", "time_zone", "default_language", "languages", "missing_translation", "broken_links", "theme",
        "paginate", "feed_limit", "markdown", "taxonomies", "params", "search", "accessibility",
    ]

    /// Parses site.yaml text; `file` is the path shown in messages.
    public static func load(_ text: String, file: String) throws(DiagnosticError) -> (SiteConfig, Diagnostics) {
        var diagnostics = Diagnostics()
        guard let root = try YAMLReader.read(text, file: file), case .map = root.value else {
            throw DiagnosticError("site.yaml must be a map of settings (title, base_url, languages, …)", at: SourceLocation(file: file))
        }
        for entry in root.entries where !knownKeys.contains(entry.key) {
            diagnostics.warning(
                "unknown setting '\(entry.key)'\(Suggestions.hint(for: entry.key, in: knownKeys)); put your own values under 'params'",
                at: entry.keyLocation)
        }
        var reader = SettingReader(root: root, file: file)
        let config = reader.makeConfig()
        diagnostics.append(contentsOf: reader.diagnostics)
        guard !diagnostics.hasErrors, let config else { throw DiagnosticError(diagnostics.all) }
        return (config, diagnostics)
    }
}

/// Reads one setting at a time, collecting errors instead of stopping at the first.
private struct SettingReader {
    let root: DataNode
    let file: String
    var diagnostics = Diagnostics()
    private var fallbackLocations: [LanguageCode: SourceLocation] = [:]

    init(root: DataNode, file: String) {
        self.root = root
        self.file = file
    }

    mutating func makeConfig() -> SiteConfig? {
        let timeZone = readTimeZone()
        let baseURL = readBaseURL()
        let languages = readLanguages()
        let defaultLanguage = readDefaultLanguage(languages)
        checkFallbacks(languages)
        let titles = readTitles(languages: languages, defaultLanguage: defaultLanguage)
        let policy = readPolicy()
        let paginate = readPositive("paginate", default: 10)
        let feedLimit = readPositive("feed_limit", default: 50)
        let markdown = root["markdown"]
        let unsafeHTML = markdown?["unsafe_html"].flatMap { node in diagnostics.collect { try node.bool(for: "unsafe_html") } } ?? false
        let hardBreaks = markdown?["hard_line_breaks"].flatMap { node in diagnostics.collect { try node.bool(for: "hard_line_breaks") } } ?? false
        let taxonomies = readTaxonomies()
        let theme = readName("theme") ?? "default"
        let search = readSearch()
        let accessibility = root["accessibility"].flatMap { node in
            var reader = AccessibilityStatementReader(node: node, languages: languages.map(\.code), timeZone: timeZone)
            defer { diagnostics.append(contentsOf: reader.diagnostics) }
            return reader.read()
        }
        guard let baseURL, let defaultLanguage, !languages.isEmpty else { return nil }
        var config = SiteConfig(
            titles: titles, baseURL: baseURL, timeZone: timeZone, defaultLanguage: defaultLanguage,
            languages: languages, missingTranslation: policy, theme: theme,
            themeLocation: root["theme"]?.location, paginate: paginate, feedLimit: feedLimit,
            unsafeHTML: unsafeHTML, hardLineBreaks: hardBreaks, taxonomies: taxonomies, params: root["params"], file: file)
        config.search = search
        config.accessibility = accessibility
        config.brokenLinks = readBrokenLinks()
        return config
    }

    /// `search: false`, or a map of `enabled` and `split_above` (bytes, at least 1024).
    private mutating func readSearch() -> SearchSettings {
        var settings = SearchSettings()
        guard let node = root["search"] else { return settings }
        if case .scalar = node.value {
            settings.enabled = diagnostics.collect { try node.bool(for: "search") } ?? true
            return settings
        }
        guard case .map(let entries) = node.value else {
            diagnostics.error("'search' must be true, false or a map like {enabled: true, split_above: 262144}", at: node.location)
            return settings
        }
        let known = ["enabled", "split_above"]
        for entry in entries where !known.contains(entry.key) {
            diagnostics.warning("unknown search setting '\(entry.key)'\(Suggestions.hint(for: entry.key, in: known))", at: entry.keyLocation)
        }
        if let enabled = node["enabled"] { settings.enabled = diagnostics.collect { try enabled.bool(for: "enabled") } ?? true }
        if let split = node["split_above"], let bytes = diagnostics.collect({ try split.int(for: "split_above") }) {
            if bytes < 1024 {
                diagnostics.error("'split_above' is a size in bytes and must be at least 1024", at: split.location)
            } else {
                settings.splitAbove = bytes
            }
        }
        return settings
    }

    private var fileStart: SourceLocation { SourceLocation(file: file) }

    private mutating func readTimeZone() -> TimeZone {
        guard let node = root["time_zone"] else { return TimeZone(identifier: "UTC")! }
        guard let name = diagnostics.collect({ try node.nonEmptyString(for: "time_zone") }) else { return TimeZone(identifier: "UTC")! }
        guard let zone = TimeZone(identifier: name) else {
            diagnostics.error("'\(name)' is not a time zone; use an IANA name like Europe/Berlin", at: node.location)
            return TimeZone(identifier: "UTC")!
        }
        return zone
    }

    private mutating func readBaseURL() -> URL? {
        guard let node = root["base_url"] else {
            diagnostics.error("'base_url' is missing; feeds and the sitemap need the site's address, e.g. base_url: https://example.org/", at: fileStart)
            return nil
        }
        guard let text = diagnostics.collect({ try node.nonEmptyString(for: "base_url") }) else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme.lowercased()), url.host != nil else {
            diagnostics.error("'base_url' must be an http or https address like https://example.org/, not '\(text)'", at: node.location)
            return nil
        }
        return url.path.hasSuffix("/") ? url : url.appendingPathComponent("", isDirectory: true)
    }

    private mutating func readLanguages() -> [LanguageConfig] {
        guard let node = root["languages"] else {
            let code = root["default_language"].flatMap { try? $0.string(for: "default_language") }.flatMap(LanguageCode.init) ?? LanguageCode("de")!
            return [LanguageConfig(code: code, name: code.endonym, direction: code.usualDirection, location: fileStart)]
        }
        guard case .list(let items) = node.value, !items.isEmpty else {
            diagnostics.error("'languages' must be a list like [{code: de, name: Deutsch}]", at: node.location)
            return []
        }
        var languages: [LanguageConfig] = []
        for item in items {
            guard let language = readLanguage(item) else { continue }
            if languages.contains(where: { $0.code == language.code }) {
                diagnostics.error("language '\(language.code)' is listed twice", at: item.location)
                continue
            }
            languages.append(language)
        }
        return languages
    }

    private mutating func readLanguage(_ item: DataNode) -> LanguageConfig? {
        if case .scalar(let text, _) = item.value {
            guard let code = LanguageCode(text) else {
                diagnostics.error("'\(text)' is not a language code (BCP 47, like de, en, ar, uk, de-x-easy)", at: item.location)
                return nil
            }
            return LanguageConfig(code: code, name: code.endonym, direction: code.usualDirection, location: item.location)
        }
        guard case .map(let entries) = item.value else {
            diagnostics.error("each language must be a map like {code: de, name: Deutsch}", at: item.location)
            return nil
        }
        for entry in entries where !["code", "name", "direction", "fallback"].contains(entry.key) {
            diagnostics.warning(
                "unknown language setting '\(entry.key)'\(Suggestions.hint(for: entry.key, in: ["code", "name", "direction", "fallback"]))",
                at: entry.keyLocation)
        }
        guard let codeNode = item["code"] else {
            diagnostics.error("this language has no 'code'", at: item.location)
            return nil
        }
        guard let text = diagnostics.collect({ try codeNode.nonEmptyString(for: "code") }) else { return nil }
        guard let code = LanguageCode(text) else {
            diagnostics.error("'\(text)' is not a language code (BCP 47, like de, en, ar, uk, de-x-easy)", at: codeNode.location)
            return nil
        }
        let name = item["name"].flatMap { node in diagnostics.collect { try node.nonEmptyString(for: "name") } } ?? code.endonym
        var direction = code.usualDirection
        if let node = item["direction"], let text = diagnostics.collect({ try node.string(for: "direction") }) {
            if let value = TextDirection(rawValue: text.lowercased()) {
                direction = value
            } else {
                diagnostics.error("'direction' must be ltr or rtl, not '\(text)'", at: node.location)
            }
        }
        var fallback: LanguageCode?
        if let node = item["fallback"], let text = diagnostics.collect({ try node.string(for: "fallback") }) {
            fallback = LanguageCode(text)
            fallbackLocations[code] = node.location
            if fallback == nil { diagnostics.error("'\(text)' is not a language code", at: node.location) }
        }
        return LanguageConfig(code: code, name: name, direction: direction, fallback: fallback, location: item.location)
    }

    private mutating func readDefaultLanguage(_ languages: [LanguageConfig]) -> LanguageCode? {
        guard let node = root["default_language"] else { return languages.first?.code }
        guard let text = diagnostics.collect({ try node.string(for: "default_language") }) else { return nil }
        guard let code = LanguageCode(text), languages.contains(where: { $0.code == code }) else {
            let codes = languages.map(\.code.rawValue)
            diagnostics.error(
                "default_language '\(text)' is not one of the languages (\(codes.joined(separator: ", ")))\(Suggestions.hint(for: text, in: codes))",
                at: node.location)
            return nil
        }
        return code
    }

    private mutating func checkFallbacks(_ languages: [LanguageConfig]) {
        let codes = languages.map(\.code)
        for language in languages {
            guard let fallback = language.fallback else { continue }
            let location = fallbackLocations[language.code] ?? language.location
            if !codes.contains(fallback) {
                diagnostics.error("fallback '\(fallback)' of '\(language.code)' is not one of the languages", at: location)
                continue
            }
            var seen = [language.code]
            var current: LanguageCode? = fallback
            while let next = current {
                if seen.contains(next) {
                    diagnostics.error(
                        "the fallbacks of '\(language.code)' go round in a circle (\((seen + [next]).map(\.rawValue).joined(separator: " → ")))",
                        at: location)
                    break
                }
                seen.append(next)
                current = languages.first { $0.code == next }?.fallback
            }
        }
    }

    private mutating func readTitles(languages: [LanguageConfig], defaultLanguage: LanguageCode?) -> [LanguageCode: String] {
        guard let node = root["title"] else {
            diagnostics.warning("'title' is missing; pages will have no site name in their <title>", at: fileStart)
            return [:]
        }
        switch node.value {
        case .scalar(let text, _):
            return Dictionary(uniqueKeysWithValues: languages.map { ($0.code, text) })
        case .map(let entries):
            var titles: [LanguageCode: String] = [:]
            for entry in entries {
                guard let code = LanguageCode(entry.key), languages.contains(where: { $0.code == code }) else {
                    diagnostics.error("title for '\(entry.key)', which is not one of the languages", at: entry.keyLocation)
                    continue
                }
                titles[code] = diagnostics.collect { try entry.value.string(for: "title") }
            }
            if let defaultLanguage, titles[defaultLanguage] == nil {
                diagnostics.warning("'title' has no entry for the default language '\(defaultLanguage)'", at: node.location)
            }
            return titles
        default:
            diagnostics.error("'title' must be text or a map of languages to text", at: node.location)
            return [:]
        }
    }

    /// `broken_links: error` (the default) or `warning`.
    private mutating func readBrokenLinks() -> Diagnostic.Severity {
        guard let node = root["broken_links"], let text = diagnostics.collect({ try node.string(for: "broken_links") })
        else { return .error }
        switch text {
        case "error": return .error
        case "warning": return .warning
        default:
            diagnostics.error("'broken_links' must be error or warning, not '\(text)'", at: node.location)
            return .error
        }
    }

    private mutating func readPolicy() -> MissingTranslationPolicy {
        guard let node = root["missing_translation"], let text = diagnostics.collect({ try node.string(for: "missing_translation") })
        else { return .fallback }
        guard let policy = MissingTranslationPolicy(rawValue: text) else {
            diagnostics.error("'missing_translation' must be fallback or omit, not '\(text)'", at: node.location)
            return .fallback
        }
        return policy
    }

    /// `taxonomies: [tags, {name: categories, field: category}]`; names become folders (`/de/tags/`),
    /// so each must be a plain name.
    private mutating func readTaxonomies() -> [Taxonomy] {
        guard let node = root["taxonomies"] else { return Taxonomy.defaults }
        let items: [DataNode] = if case .list(let list) = node.value { list } else { [node] }
        var result: [Taxonomy] = []
        for item in items {
            let name: String?, field: String?
            if case .map = item.value {
                name = item["name"].flatMap { value in diagnostics.collect { try value.nonEmptyString(for: "name") } }
                field = item["field"].flatMap { value in diagnostics.collect { try value.nonEmptyString(for: "field") } }
                if name == nil, item["name"] == nil { diagnostics.error("this taxonomy has no 'name'", at: item.location) }
            } else {
                name = diagnostics.collect { try item.nonEmptyString(for: "taxonomies") }
                field = nil
            }
            guard let name else { continue }
            guard Self.isPlainName(name) else {
                diagnostics.error("taxonomy '\(name)' must be a plain name of letters, digits, '-' or '_' (it names a folder)", at: item.location)
                continue
            }
            if !result.contains(where: { $0.name == name }) { result.append(Taxonomy(name: name, field: field)) }
        }
        return result
    }

    /// A setting that names a folder (a theme): one plain name.
    private mutating func readName(_ key: String) -> String? {
        guard let node = root[key], let name = diagnostics.collect({ try node.nonEmptyString(for: key) }) else { return nil }
        guard Self.isPlainName(name) else {
            diagnostics.error("'\(key)' must be a plain name of letters, digits, '-' or '_', not '\(name)'", at: node.location)
            return nil
        }
        return name
    }

    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    private mutating func readPositive(_ key: String, default value: Int) -> Int {
        guard let node = root[key], let number = diagnostics.collect({ try node.int(for: key) }) else { return value }
        guard number > 0 else {
            diagnostics.error("'\(key)' must be at least 1", at: node.location)
            return value
        }
        return number
    }
}
