import Foundation
import WegweiserCore

/// An image that stands for a page (in lists, feeds and link previews).
public struct PageImage: Sendable, Hashable {
    public var source: String
    public var alt: String

    public init(source: String, alt: String) {
        self.source = source
        self.alt = alt
    }
}

/// An old address that should lead to a page.
public struct PageAlias: Sendable, Hashable {
    public var path: URLPath
    /// Written without a leading '/': the path continues the page's language folder (`/de/…`).
    public var isInLanguageFolder: Bool
    public var location: SourceLocation

    public init(path: URLPath, isInLanguageFolder: Bool, location: SourceLocation) {
        self.path = path
        self.isInLanguageFolder = isInLanguageFolder
        self.location = location
    }
}

/// The common front matter keys of every page, checked; every key stays available in `params`.
public struct FrontMatter: Sendable {
    public var title: String?
    public var date: ContentDate?
    public var lastmod: ContentDate?
    public var draft = false
    public var slug: String?
    public var summary: String?
    /// A description for search engines and link previews (Hugo's `description`); the summary
    /// when there is no `summary`.
    public var description: String?
    /// Terms per taxonomy key (`tags: [Beratung, Wohnen]`).
    public var terms: [String: [String]] = [:]
    public var weight: Int?
    public var translationKey: String?
    public var aliases: [PageAlias] = []
    public var type: String?
    public var layout: String?
    public var image: PageImage?
    /// A section's own page size for its list (in `_index` files).
    public var paginate: Int?
    /// Whether the site's search lists the page (`search: false` leaves it out).
    public var search = true
    /// The last change was minor (`minor_edit: true`): translations stay up to date.
    public var minorEdit = false
    /// Every front matter key and its value, for templates (`page.params.x`) and typed content.
    public var params: [String: DataNode] = [:]
    /// Where each key's value was written, for messages that concern a field.
    public var locations: [String: SourceLocation] = [:]
    /// Fields whose text is in another language than the page's: a spreadsheet row's translation
    /// takes the default language's value of every column it has no translation of.
    public var fieldLanguages: [String: LanguageCode] = [:]

    public init() {}

    /// The keys read here; others are a page type's or the site's own.
    public static let commonKeys = [
        "title", "date", "lastmod", "draft", "slug", "summary", "description", "weight", "translationKey", "aliases", "type",
        "layout", "image", "paginate", "search", "minor_edit",
    ]

    /// Reads `node` (nil when the file has no front matter). Errors are collected, so that one run
    /// reports every bad field of every file.
    public static func decode(
        _ node: DataNode?, file: String, timeZone: TimeZone, taxonomies: [String], otherKnownKeys: [String]
    ) -> (FrontMatter, Diagnostics) {
        var result = FrontMatter()
        var diagnostics = Diagnostics()
        guard let node else { return (result, diagnostics) }
        guard case .map(let entries) = node.value else {
            diagnostics.error("front matter must be a map of keys like 'title: …', not \(node.kindDescription)", at: node.location)
            return (result, diagnostics)
        }
        result.params.reserveCapacity(entries.count)
        result.locations.reserveCapacity(entries.count)
        for entry in entries {
            result.params[entry.key] = entry.value
            result.locations[entry.key] = entry.value.location
            if entry.value.isNull { continue }
            if taxonomies.contains(entry.key) {
                if let terms = diagnostics.collect({ try entry.value.stringList(for: entry.key) }) {
                    result.terms[entry.key] = terms.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
                }
                continue
            }
            // The known keys are few: looked through as they are, made a set only for a suggestion.
            if !commonKeys.contains(entry.key), !otherKnownKeys.contains(entry.key),
                let suggestion = Suggestions.closest(to: entry.key, in: Set(commonKeys + taxonomies + otherKnownKeys))
            {
                diagnostics.warning(
                    "unknown key '\(entry.key)'; did you mean '\(suggestion)'? (kept for templates as params.\(entry.key))",
                    at: entry.keyLocation)
            }
            result.read(entry, timeZone: timeZone, diagnostics: &diagnostics)
        }
        return (result, diagnostics)
    }

    private mutating func read(_ entry: DataEntry, timeZone: TimeZone, diagnostics: inout Diagnostics) {
        let value = entry.value
        switch entry.key {
        case "title": title = diagnostics.collect { try value.string(for: "title") }
        case "summary": summary = diagnostics.collect { try value.string(for: "summary") }
        case "description": description = diagnostics.collect { try value.string(for: "description") }
        case "date": date = diagnostics.collect { try value.date(for: "date", timeZone: timeZone) }
        case "lastmod": lastmod = diagnostics.collect { try value.date(for: "lastmod", timeZone: timeZone) }
        case "draft": draft = diagnostics.collect { try value.bool(for: "draft") } ?? false
        case "search": search = diagnostics.collect { try value.bool(for: "search") } ?? true
        case "minor_edit": minorEdit = diagnostics.collect { try value.bool(for: "minor_edit") } ?? false
        case "weight": weight = diagnostics.collect { try value.int(for: "weight") }
        case "translationKey": translationKey = diagnostics.collect { try value.nonEmptyString(for: "translationKey") }
        case "type": type = diagnostics.collect { try value.nonEmptyString(for: "type") }
        case "layout": layout = diagnostics.collect { try value.nonEmptyString(for: "layout") }
        case "slug": slug = diagnostics.collect { try Self.readSlug(value) }
        case "aliases": aliases = diagnostics.collect { try Self.readAliases(value) } ?? []
        case "image": image = Self.readImage(value, diagnostics: &diagnostics)
        case "paginate":
            paginate = diagnostics.collect { try value.int(for: "paginate") }
            if let size = paginate, size < 1 {
                diagnostics.error("'paginate' must be at least 1", at: value.location)
                paginate = nil
            }
        default: break
        }
    }

    private static func readSlug(_ node: DataNode) throws(DiagnosticError) -> String {
        let slug = try node.nonEmptyString(for: "slug")
        guard URLPath.isSafeSegment(slug), !slug.hasPrefix(".") else {
            throw DiagnosticError(
                "slug '\(slug)' must be one URL segment without '/', '\\' or a leading '.'; "
                    + "it names the page's folder inside its section", at: node.location)
        }
        return slug
    }

    private static func readAliases(_ node: DataNode) throws(DiagnosticError) -> [PageAlias] {
        let items: [DataNode]
        switch node.value {
        case .list(let list): items = list
        default: items = [node]
        }
        var aliases: [PageAlias] = []
        for item in items {
            let text = try item.nonEmptyString(for: "aliases")
            guard !text.contains("://"), !text.hasPrefix("//"), let path = URLPath(text), !path.segments.isEmpty else {
                throw DiagnosticError(
                    "alias '\(text)' must stay inside the site: write a path like /old/page/ without '..' or a host",
                    at: item.location)
            }
            // Like Hugo, an alias without a file extension is a folder: /old → /old/index.html.
            let isFolder = path.isDirectory || !(path.segments.last ?? "").contains(".")
            aliases.append(PageAlias(
                path: URLPath(segments: path.segments, isDirectory: isFolder), isInLanguageFolder: !text.hasPrefix("/"),
                location: item.location))
        }
        return aliases
    }

    private static func readImage(_ node: DataNode, diagnostics: inout Diagnostics) -> PageImage? {
        switch node.value {
        case .scalar(let source, _):
            diagnostics.warning("'image' has no alt text; write image: {src: \(source), alt: …} so screen readers can describe it", at: node.location)
            return PageImage(source: source, alt: "")
        case .map:
            guard let source = node["src"].flatMap({ value in diagnostics.collect { try value.nonEmptyString(for: "src") } }) else {
                diagnostics.error("'image' needs 'src', the image file", at: node.location)
                return nil
            }
            guard let alt = node["alt"].flatMap({ value in diagnostics.collect { try value.string(for: "alt") } }) else {
                diagnostics.warning("'image' has no 'alt' text; describe the image for screen readers (or alt: \"\" if it is decorative)", at: node.location)
                return PageImage(source: source, alt: "")
            }
            return PageImage(source: source, alt: alt)
        default:
            diagnostics.error("'image' must be a map like {src: photo.jpg, alt: …}", at: node.location)
            return nil
        }
    }
}
