internal import CMarkGFM

/// One pass over a parsed document that collects what rendering needs besides HTML:
/// heading and link nodes, the plain text, and the first paragraph.
struct TreeWalk {
    private(set) var headings: [OpaquePointer] = []
    private(set) var links: [(node: OpaquePointer, link: MarkdownLink)] = []
    /// List items written `- [ ]` or `- [x]`.
    private(set) var taskItems: [OpaquePointer] = []
    private(set) var tables: [OpaquePointer] = []
    private(set) var firstParagraph = ""
    private(set) var textBeforeMoreMarker: String?
    private var text = ""

    init(document: OpaquePointer) {
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        var paragraphsSeen = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                enter(node, type: type)
            } else {
                exit(node, type: type)
                if type == CMARK_NODE_PARAGRAPH, paragraphsSeen == 0, cmark_node_parent(node) == document {
                    firstParagraph = Self.plainText(of: node).trimmingWhitespace
                    paragraphsSeen += 1
                }
            }
        }
    }

    var plainText: String { text.trimmingWhitespace }

    private mutating func enter(_ node: OpaquePointer, type: cmark_node_type) {
        switch type {
        case CMARK_NODE_HEADING:
            headings.append(node)
        case CMARK_NODE_ITEM:
            if Self.hasTypeName(node, "tasklist") { taskItems.append(node) }
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let link = MarkdownLink(
                destination: destination, line: Int(cmark_node_get_start_line(node)),
                column: Int(cmark_node_get_start_column(node)), isImage: type == CMARK_NODE_IMAGE,
                text: Self.plainText(of: node).trimmingWhitespace)
            links.append((node, link))
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            text += Self.literal(of: node)
        case CMARK_NODE_CODE_BLOCK:
            text += Self.literal(of: node) + "\n"
        case CMARK_NODE_HTML_BLOCK where textBeforeMoreMarker == nil && Self.literal(of: node).containsBytes("<!--more-->"):
            textBeforeMoreMarker = text.trimmingWhitespace
        case CMARK_NODE_SOFTBREAK:
            text += " "
        case CMARK_NODE_LINEBREAK:
            text += "\n"
        default:
            if Self.hasTypeName(node, "table") { tables.append(node) }
        }
    }

    private mutating func exit(_ node: OpaquePointer, type: cmark_node_type) {
        switch type {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            text += "\n"
        default:
            // Table cells and rows come from an extension and have no fixed type number.
            if Self.hasTypeName(node, "table_cell") { text += " " }
            if Self.hasTypeName(node, "table_row") { text += "\n" }
        }
    }

    /// Whether the node's type is called `name`, compared as C strings: making a Swift string of
    /// every node's type name was most of this walk.
    private static func hasTypeName(_ node: OpaquePointer, _ name: StaticString) -> Bool {
        guard let type = cmark_node_get_type_string(node) else { return false }
        return name.withUTF8Buffer { expected in
            // Stops at the first difference, the type's terminating zero included.
            for (index, byte) in expected.enumerated() where UInt8(bitPattern: type[index]) != byte { return false }
            return type[expected.count] == 0
        }
    }

    /// The text of a node's descendants, with breaks as spaces.
    static func plainText(of root: OpaquePointer) -> String {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        var result = ""
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: result += literal(of: node)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: result += " "
            default: break
            }
        }
        return result
    }

    private static func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }
}
