import Foundation
import WegweiserCore

/// Finds and classifies the files under content/: pages, section indexes, bundles and their resources.
public struct ContentScanner: Sendable {
    public let fileSystem: any FileSystem
    public let languages: [LanguageCode]

    public init(fileSystem: any FileSystem, languages: [LanguageCode]) {
        self.fileSystem = fileSystem
        self.languages = languages
    }

    static let markdownExtensions = ["md", "markdown"]

    /// Every content file below `directory`, in path order; `displayDirectory` prefixes paths in messages.
    public func scan(directory: String, displayDirectory: String) throws -> ([ContentFile], Diagnostics) {
        var walk = Walk(scanner: self, root: directory, displayRoot: displayDirectory)
        try walk.visit("", bundle: nil)
        return (walk.files, walk.diagnostics)
    }

    /// Splits `stralsund.de.md` into `stralsund` and `de`; a suffix that is an ISO 639 language
    /// but not a site language is an error, since the page would silently vanish.
    func nameAndLanguage(of fileName: String, display: String) throws(DiagnosticError) -> (name: String, language: LanguageCode?) {
        // Found by bytes (a dot is never part of another character): the name without its extension,
        // and the part after its last dot.
        let bytes = fileName.utf8
        let stem = bytes.lastIndex(of: UInt8(ascii: ".")).map { String(fileName[..<$0]) } ?? ""
        guard let dot = stem.utf8.lastIndex(of: UInt8(ascii: ".")) else { return (stem, nil) }
        let candidate = String(stem[stem.index(after: dot)...])
        guard let code = LanguageCode(candidate) else { return (stem, nil) }
        if languages.contains(code) { return (String(stem[..<dot]), code) }
        // Not a site language: an error when it is a language (so the page does not vanish), else part of the name.
        guard Locale.LanguageCode(code.primaryLanguage).isISOLanguage else { return (stem, nil) }
        let configured = languages.map(\.rawValue).joined(separator: ", ")
        throw DiagnosticError(
            "the file name says language '\(candidate)', which is not in site.yaml (languages: \(configured)); "
                + "add it there, or if it is part of the name, join it with '-' instead of '.'",
            at: SourceLocation(file: display))
    }

    /// Whether a file name ends in .md or .markdown.
    public static func isMarkdown(_ name: String) -> Bool {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { return false }
        return markdownExtensions.contains(name[name.utf8.index(after: dot)...].lowercased())
    }

    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") || name.hasSuffix(".swp")
    }
}

private struct Walk {
    let scanner: ContentScanner
    let root: String
    let displayRoot: String
    var files: [ContentFile] = []
    var diagnostics = Diagnostics()

    mutating func visit(_ relative: String, bundle: String?) throws {
        let entries = try scanner.fileSystem.entries(at: relative.isEmpty ? root : root + "/" + relative)
            .filter { !ContentScanner.isIgnored($0.name) }
        let ownBundle = bundle ?? (relative.isEmpty ? nil : bundleIndex(in: entries).map { _ in relative })
        for entry in entries {
            let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
            guard URLPath.isSafeSegment(entry.name) else {
                diagnostics.error(
                    "this name cannot be part of a web address (it contains '\\' or a control character); rename it",
                    at: SourceLocation(file: displayRoot + "/" + path))
                continue
            }
            switch entry.kind {
            case .directory: try visit(path, bundle: ownBundle)
            case .file: classify(path, name: entry.name, directory: relative, bundle: ownBundle)
            }
        }
    }

    private func bundleIndex(in entries: [DirectoryEntry]) -> DirectoryEntry? {
        entries.first { $0.kind == .file && ContentScanner.isMarkdown($0.name) && ($0.name.hasPrefix("index.")) }
    }

    private mutating func classify(_ path: String, name: String, directory: String, bundle: String?) {
        let display = displayRoot + "/" + path
        guard ContentScanner.isMarkdown(name) else {
            files.append(ContentFile(path: path, role: .resource, language: nil, logicalPath: bundle ?? directory, isBundle: bundle != nil))
            return
        }
        let scanner = self.scanner
        guard let (stem, language) = diagnostics.collect({ try scanner.nameAndLanguage(of: name, display: display) }) else { return }
        if let bundle {
            guard stem == "index", directory == bundle else {
                diagnostics.warning(
                    "this Markdown file is inside the page bundle '\(bundle)' and is not a page; "
                        + "move it out of the folder to make it one", at: SourceLocation(file: display))
                return
            }
            files.append(ContentFile(path: path, role: .page, language: language, logicalPath: bundle, isBundle: true))
        } else if stem == "_index" {
            files.append(ContentFile(path: path, role: .sectionIndex, language: language, logicalPath: directory))
        } else if stem == "index" && directory.isEmpty {
            diagnostics.warning("the home page's text belongs in _index.md (with an underscore); this file is ignored", at: SourceLocation(file: display))
        } else {
            let logical = directory.isEmpty ? stem : directory + "/" + stem
            files.append(ContentFile(path: path, role: .page, language: language, logicalPath: logical))
        }
    }
}
