/// Mustache templates as trees, parsed with swift-mustache's rules (the Mustache spec's standalone
/// lines and partial indentation, plus its parents and blocks, `{{<parent}}{{$block}}…{{/block}}{{/parent}}`,
/// and transforms, `{{#empty(items)}}`), so themes written for it render the same, byte for byte.
struct MustacheTemplate: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        /// `{{name}}`, `{{{name}}}`, `{{&name}}`.
        case variable(MustacheName, escaped: Bool)
        /// `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`.
        case section(MustacheName, inverted: Bool, [Node])
        /// `{{> name}}`, or `{{< name}}…{{/name}}` with block overrides; the indentation of a standalone tag.
        case partial(String, indentation: String?, overrides: [String: [Node]]?)
        /// `{{$name}}default{{/name}}` outside a parent tag: a block an inheriting template may fill.
        case block(String, defaults: [Node], indentation: String)
        /// `{{% CONTENT_TYPE: TEXT}}` and `HTML`: whether variables are escaped from here on.
        case escaping(Bool)
        /// `{{$name}}…{{/name}}` directly inside a parent tag.
        case blockDefinition(String, [Node])
    }

    let nodes: [Node]

    /// Every part of every name the template's tags look up (`page.params.x` → page, params, x).
    var nameParts: Set<String> {
        var parts = Set<String>()
        func collect(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .variable(let name, _): parts.formUnion(name.path)
                case .section(let name, _, let inner):
                    parts.formUnion(name.path)
                    collect(inner)
                case .partial(_, _, let overrides): overrides?.values.forEach(collect)
                case .block(_, let defaults, _): collect(defaults)
                case .blockDefinition(_, let inner): collect(inner)
                case .text, .escaping: break
                }
            }
        }
        collect(nodes)
        return parts
    }

    struct ParseError: Error {
        var message: String
        /// 1-based line and column of the problem.
        var line: Int
        var column: Int
    }

    init(_ text: String) throws(ParseError) {
        var parser = MustacheParser(text)
        do {
            nodes = try parser.parse(MustacheParser.State())
        } catch {
            let (line, column) = parser.lineAndColumn()
            throw ParseError(message: error.message, line: line, column: column)
        }
    }
}

/// A name with its path split and its transforms, innermost last: `empty(site.taxonomies)` →
/// path ["site", "taxonomies"], transforms ["empty"]; `last()` → path [], transforms ["last"].
/// A class, so that rendering a tag retains one object rather than its two lists and its text.
final class MustacheName: Sendable, Hashable {
    enum Root: Sendable, Hashable {
        /// Look the first part up through the context stack.
        case stack
        /// `.` or `.name`: the current object only.
        case current
        /// An empty name with transforms: the position in the list being rendered.
        case sequence
    }

    let root: Root
    let path: [String]
    /// Each part's `TemplateMap.hash`, so that looking a name up hashes nothing.
    let hashes: [UInt64]
    let transforms: [String]
    let written: String

    init(root: Root, path: [String], transforms: [String], written: String) {
        self.root = root
        self.path = path
        self.hashes = path.map(TemplateMap.hash)
        self.transforms = transforms
        self.written = written
    }

    static func == (lhs: MustacheName, rhs: MustacheName) -> Bool {
        lhs.root == rhs.root && lhs.path == rhs.path && lhs.transforms == rhs.transforms && lhs.written == rhs.written
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(written)
    }
}
