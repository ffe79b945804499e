import WegweiserCore

/// A file under content/, classified by its name and place.
public struct ContentFile: Sendable, Hashable {
    public enum Role: Sendable, Hashable {
        /// A page: `reports/stralsund.de.md`, or a page bundle's `index.de.md`.
        case page
        /// A section's own page, `_index.de.md`; at the top, the home page.
        case sectionIndex
        /// Any other file: an image of a bundle or section, copied beside its owner's pages.
        case resource
    }

    /// The path below content/: `reports/stralsund.de.md`.
    public var path: String
    public var role: Role
    /// The language named by the file's suffix; nil for the default language.
    public var language: LanguageCode?
    /// For pages and section indexes, the path without language suffix and extension, which
    /// translations share: `reports/stralsund`, `reports/torgau` (a bundle), `reports` (a section), "" (home).
    /// For resources, the logical path of their page or section.
    public var logicalPath: String
    public var isBundle: Bool

    public init(path: String, role: Role, language: LanguageCode?, logicalPath: String, isBundle: Bool = false) {
        self.path = path
        self.role = role
        self.language = language
        self.logicalPath = logicalPath
        self.isBundle = isBundle
    }

    /// The file's name: `stralsund.de.md`.
    public var name: String { String(path.split(separator: "/").last ?? "") }

    /// The folder below content/ that holds the file: `reports`.
    public var directory: String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }
}
