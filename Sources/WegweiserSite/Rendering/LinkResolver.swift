import Foundation
import WegweiserContent
import WegweiserCore
import WegweiserMarkdown

/// Resolves links between content files to the target's address in the linking page's language:
/// `../directory/jmd.md`, `../directory/jmd.de.md` and `../../directory/jmd/` all become `/en/directory/jmd/`
/// on an English page.
struct LinkResolver: Sendable {
    private let site: Site
    /// Logical content path (`directory/jmd`, a section's folder) → translation key.
    private let keysByLogicalPath: [String: String]
    /// Every page address → translation key.
    private let keysByPath: [URLPath: String]
    private let languageCodes: Set<String>
    /// Drafts and future pages of this build: logical path → language → file.
    private let unpublished: [String: [LanguageCode: String]]
    /// Files copied from content/: their path there → language → their address.
    private let resources: [String: [String: URLPath]]

    init(
        site: Site, bodies: PageBodies, sectionKeys: [String: String],
        unpublished: [String: [LanguageCode: String]] = [:]
    ) {
        self.unpublished = unpublished
        self.site = site
        var keys = sectionKeys
        for (id, source) in bodies.all { keys[source.file.logicalPath] = keys[source.file.logicalPath] ?? site[id].translationKey }
        self.keysByLogicalPath = keys
        self.keysByPath = Dictionary(site.pages.map { ($0.path, $0.translationKey) }, uniquingKeysWith: { a, _ in a })
        self.languageCodes = Set(site.config.languages.map(\.code.rawValue))
        var resources: [String: [String: URLPath]] = [:]
        for copy in site.resources { resources[copy.source, default: [:]][copy.destination.segments.first ?? ""] = copy.destination }
        self.resources = resources
    }

    enum Resolution: Equatable {
        case keep
        case replace(String)
        /// A page of the site: its address (with the link's `#fragment` or `?query`) and the page.
        case page(String, PageID)
        /// Nothing is there: an error unless `broken_links: warning`.
        case broken(String)
        /// A draft or future page, not part of this build: a warning.
        case unpublished(String)
    }

    /// What to do with `destination`, written in `source`, on `page`.
    func resolve(_ destination: String, on page: Page, source: PageSource) -> Resolution {
        guard !destination.isEmpty, !destination.hasPrefix("#"), !destination.hasPrefix("//"), !Self.hasScheme(destination)
        else { return .keep }
        let (path, suffix) = Self.splitSuffix(destination)
        if path.hasPrefix("/") {
            // Paths from the site root still need the base URL's folder, if the site has one.
            let root = site.url(for: .root)
            return root == "/" ? .keep : .replace(String(root.dropLast()) + destination)
        }
        let decoded = path.utf8.contains(UInt8(ascii: "%")) ? path.removingPercentEncoding ?? path : path
        if ContentScanner.isMarkdown(decoded) || decoded.hasSuffix(".md/") {
            guard let key = contentKey(forFile: decoded, from: source) else {
                let logical = logicalPath(ofFile: decoded, from: source)
                if let file = logical.flatMap({ unpublishedFile($0, for: source) }) { return .unpublished(notPublished(destination, file)) }
                return .broken("the link '\(destination)' names no content file (looked for \(normalize(decoded, from: source.file.directory) ?? decoded))")
            }
            return target(key, in: page.language, suffix: suffix)
        }
        // An image or file of content/, written relative to the Markdown file.
        if !resources.isEmpty, let contentPath = normalize(decoded, from: source.file.directory), let copies = resources[contentPath],
            let target = copies[page.language.rawValue] ?? copies[page.contentLanguage.rawValue] ?? copies.values.min()
        {
            return .replace(site.url(for: target) + suffix)
        }
        guard let resolved = resolveURL(decoded, from: page.path) else { return .keep }
        if let key = keysByPath[resolved] ?? keysByLogicalPath[logicalPath(of: resolved)] {
            return target(key, in: page.language, suffix: suffix)
        }
        if decoded.hasSuffix("/") {
            if let file = unpublishedFile(logicalPath(of: resolved), for: source) { return .unpublished(notPublished(destination, file)) }
            return .broken("the link '\(destination)' leads to \(resolved), where there is no page")
        }
        return .keep  // a file beside the page, like an image of a bundle
    }

    private func target(_ key: String, in language: LanguageCode, suffix: String) -> Resolution {
        let group = site.translationGroups[key] ?? [:]
        let id = group[language] ?? site.config.fallbackChain(for: language).lazy.compactMap { group[$0] }.first
        guard let id else { return .broken("the linked page exists in no language of this page") }
        return .page(site.url(for: site[id].path) + suffix, id)
    }

    /// The left-out file at `logicalPath`, in the linking file's language when there is one.
    private func unpublishedFile(_ logicalPath: String, for source: PageSource) -> String? {
        guard let files = unpublished[logicalPath] else { return nil }
        return files[source.language] ?? files.values.min()
    }

    private func notPublished(_ destination: String, _ file: String) -> String {
        "the link '\(destination)' leads to \(file), which is a draft or dated in the future and not part of this build"
    }

    /// `../directory/jmd.de.md` from `reports` → the key of `directory/jmd`.
    private func contentKey(forFile path: String, from source: PageSource) -> String? {
        logicalPath(ofFile: path, from: source).flatMap { keysByLogicalPath[$0] }
    }

    /// `../directory/jmd.de.md` from `reports` → `directory/jmd`.
    private func logicalPath(ofFile path: String, from source: PageSource) -> String? {
        guard var logical = normalize(path.hasSuffix("/") ? String(path.dropLast()) : path, from: source.file.directory) else { return nil }
        logical = String(logical[..<logical.lastIndex(of: ".")!])
        var parts = logical.split(separator: "/").map(String.init)
        guard var name = parts.popLast() else { return nil }
        if let dot = name.lastIndex(of: "."), let code = LanguageCode(String(name[name.index(after: dot)...])),
            languageCodes.contains(code.rawValue)
        {
            name = String(name[..<dot])
        }
        if name != "_index" && name != "index" { parts.append(name) }
        return parts.joined(separator: "/")
    }

    /// Joins a relative path to a content folder; nil when it climbs above content/.
    private func normalize(_ path: String, from directory: String) -> String? {
        Self.walk(path, from: directory.split(separator: "/").map(String.init))?.joined(separator: "/")
    }

    /// A relative URL against a page's address: `../../events/x/` from `/de/reports/y/`.
    private func resolveURL(_ relative: String, from base: URLPath) -> URLPath? {
        let start = base.isDirectory ? base.segments : Array(base.segments.dropLast())
        guard let segments = Self.walk(relative, from: start) else { return nil }
        return URLPath(segments: segments, isDirectory: relative.hasSuffix("/") || relative.hasSuffix("/.") || relative == "..")
    }

    /// Follows the `.`, `..` and names of a relative path from `segments`; nil when it climbs above the top.
    private static func walk(_ relative: String, from segments: [String]) -> [String]? {
        var segments = segments
        for part in relative.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(String(part))
            }
        }
        return segments
    }

    /// `/de/directory/jmd/` → `directory/jmd`: the address without its language, as content is laid out.
    private func logicalPath(of path: URLPath) -> String {
        let segments = path.segments.first.map { languageCodes.contains($0) } == true ? Array(path.segments.dropFirst()) : path.segments
        return segments.joined(separator: "/")
    }

    private static func hasScheme(_ destination: String) -> Bool {
        // By bytes where the part before the colon is ASCII, as nearly every link's is.
        let bytes = destination.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let schemeBytes = bytes[..<colon]
        if schemeBytes.allSatisfy({ $0 < 0x80 }) {
            return !schemeBytes.isEmpty && schemeBytes.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                    UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                    true
                default: false
                }
            }
        }
        let scheme = destination[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
            && !scheme.contains("/")
    }

    /// `a/b.md#x?y` → (`a/b.md`, `#x?y`).
    private static func splitSuffix(_ destination: String) -> (String, String) {
        let bytes = destination.utf8
        guard let index = bytes.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) else { return (destination, "") }
        return (String(destination[..<index]), String(destination[index...]))
    }
}
