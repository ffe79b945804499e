import WegweiserContent
import WegweiserCore

/// The sources that are one page in several languages: the same path without language suffix,
/// or the same `translationKey`.
struct TranslationGroup: Sendable {
    /// Stable across builds: `key:<translationKey>` or `path:<logical path>`.
    var key: String
    var role: ContentFile.Role
    var sources: [LanguageCode: PageSource]

    /// The source to show in `language`, and whether it is another language's text.
    func source(for language: LanguageCode, config: SiteConfig) -> (source: PageSource, isFallback: Bool)? {
        if let own = sources[language] { return (own, false) }
        guard config.missingTranslation == .fallback else { return nil }
        for code in config.fallbackChain(for: language).dropFirst() {
            if let source = sources[code] { return (source, true) }
        }
        // No language of the chain has it: the first language of site.yaml that does.
        return config.languages.lazy.compactMap { sources[$0.code] }.first.map { ($0, true) }
    }

    /// Groups sources by path and by translation key; reports two sources of one language in one group.
    static func make(from sources: [PageSource], diagnostics: inout Diagnostics) -> [TranslationGroup] {
        var unionFind = UnionFind(count: sources.count)
        var firstByPath: [String: Int] = [:]
        var firstByKey: [String: Int] = [:]
        for (index, source) in sources.enumerated() {
            let pathKey = "\(source.file.role == .sectionIndex ? "section" : "page"):\(source.file.logicalPath)"
            if let first = firstByPath[pathKey] { unionFind.union(first, index) } else { firstByPath[pathKey] = index }
            if let key = source.frontMatter.translationKey {
                if let first = firstByKey[key] { unionFind.union(first, index) } else { firstByKey[key] = index }
            }
        }
        var members: [Int: [Int]] = [:]
        for index in sources.indices { members[unionFind.root(of: index), default: []].append(index) }
        var groups: [TranslationGroup] = []
        for indices in members.values {
            if let group = makeGroup(indices.map { sources[$0] }, diagnostics: &diagnostics) { groups.append(group) }
        }
        return groups.sorted { $0.key < $1.key }
    }

    private static func makeGroup(_ members: [PageSource], diagnostics: inout Diagnostics) -> TranslationGroup? {
        let members = members.sorted { $0.identity < $1.identity }
        var byLanguage: [LanguageCode: PageSource] = [:]
        for source in members {
            if let other = byLanguage[source.language] {
                diagnostics.error(
                    "this page and \(other.displayPath) are both the '\(source.language)' version of one page "
                        + "(same path or translationKey); give one of them another language or translationKey",
                    at: source.location(of: source.frontMatter.translationKey != nil ? "translationKey" : "key"))
                continue
            }
            byLanguage[source.language] = source
        }
        let roles = Set(members.map(\.file.role))
        if roles.count > 1, let index = members.first(where: { $0.file.role == .sectionIndex }) {
            diagnostics.error(
                "this section page shares its translationKey with a regular page; use another key",
                at: index.location(of: "translationKey"))
            return nil
        }
        let key = members.compactMap(\.frontMatter.translationKey).sorted().first.map { "key:" + $0 }
            ?? "path:\(members[0].file.role == .sectionIndex ? "section" : "page"):\(members[0].file.logicalPath)"
        return TranslationGroup(key: key, role: members[0].file.role, sources: byLanguage)
    }
}

/// Disjoint sets over 0..<count, for grouping translations linked by path or by key.
struct UnionFind {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func root(of element: Int) -> Int {
        var element = element
        while parent[element] != element {
            parent[element] = parent[parent[element]]
            element = parent[element]
        }
        return element
    }

    mutating func union(_ a: Int, _ b: Int) {
        let (rootA, rootB) = (root(of: a), root(of: b))
        if rootA != rootB { parent[max(rootA, rootB)] = min(rootA, rootB) }
    }
}
