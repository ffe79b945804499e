import WegweiserContent
import WegweiserCore

/// The folders of content/ as sections: each knows its index group, its pages and its subsections.
struct SectionTree {
    struct Node {
        var path: String
        var index: TranslationGroup?
        var pageGroups: [Int] = []
        var subsections: [String] = []
        /// `report`, `contact`, `event` or `page`: what its pages are unless they say otherwise.
        var type = "page"
    }

    private(set) var nodes: [String: Node] = [:]

    /// The folder names with a built-in type (SPEC §1).
    static let builtInTypes = ["reports": "report", "directory": "contact", "events": "event"]

    init(groups: [TranslationGroup], defaultLanguage: LanguageCode) {
        nodes[""] = Node(path: "")
        for (index, group) in groups.enumerated() {
            guard let source = group.sources[defaultLanguage] ?? group.sources.values.min(by: { $0.displayPath < $1.displayPath })
            else { continue }
            if group.role == .sectionIndex {
                insert(source.file.logicalPath)
                nodes[source.file.logicalPath]?.index = group
            } else {
                let directory = Self.parent(of: source.file.logicalPath)
                insert(directory)
                nodes[directory]?.pageGroups.append(index)
            }
        }
        for path in nodes.keys.sorted() where !path.isEmpty {
            nodes[Self.parent(of: path)]?.subsections.append(path)
            let type = sectionType(path, defaultLanguage: defaultLanguage)
            nodes[path]?.type = type
        }
    }

    /// Top-down order: a section comes before its subsections.
    var pathsTopDown: [String] { nodes.keys.sorted { ($0.split(separator: "/").count, $0) < ($1.split(separator: "/").count, $1) } }

    subscript(path: String) -> Node? { nodes[path] }

    private mutating func insert(_ path: String) {
        var current = path
        while nodes[current] == nil {
            nodes[current] = Node(path: current)
            if current.isEmpty { break }
            current = Self.parent(of: current)
        }
    }

    private func sectionType(_ path: String, defaultLanguage: LanguageCode) -> String {
        let index = nodes[path]?.index
        let source = index?.sources[defaultLanguage] ?? index?.sources.values.min { $0.displayPath < $1.displayPath }
        if let type = source?.frontMatter.type { return type }
        let parentPath = Self.parent(of: path)
        if !parentPath.isEmpty, let parent = nodes[parentPath] { return parent.type }
        return Self.builtInTypes[path] ?? "page"
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `reports/2024/bericht` → `bericht` (the last part that is not empty). Found by bytes: a slash
    /// is never part of another character.
    static func lastSegment(of path: String) -> String {
        let bytes = path.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: "/") { end = bytes.index(before: end) }
        let start = bytes[..<end].lastIndex(of: UInt8(ascii: "/")).map(bytes.index(after:)) ?? bytes.startIndex
        return String(path[start..<end])
    }
}
