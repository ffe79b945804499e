import Foundation
internal import CMarkGFM
internal import CMarkGFMParallel
import Synchronization
import WegweiserCore

#if canImport(Glibc)
    import Glibc
#endif

// Debian's cmark-gfm 0.29.0.gfm.6 keeps the characters that start an inline in one process-global
// table, and every parse adds and removes its extensions' characters, so two parses at once silently
// lose strikethrough and autolinks (18–40 % of documents in our test). CMarkGFMParallel fills the
// table once and stops the toggling; when this process's library is reached that way (checked with a
// first parse), parses run in parallel, and otherwise one at a time through this lock. Working on a
// finished tree and rendering it are safe in parallel either way.
private let parseLock = Mutex(())

private let cmarkParsesInParallel: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    let pinning = MarkdownRenderer.makeParser(options: CMARK_OPT_DEFAULT)
    let pinned = wegweiser_cmark_pin_special_characters(UnsafeMutableRawPointer(pinning)) != 0
    cmark_parser_free(pinning)
    let probe = MarkdownRenderer.makeParser(options: CMARK_OPT_DEFAULT)
    cmark_parser_feed(probe, "~~probe~~", 9)
    cmark_node_free(cmark_parser_finish(probe))
    cmark_parser_free(probe)
    return pinned && wegweiser_cmark_calls_reach_us() != 0
}()

/// Renders GitHub-flavoured Markdown through cmark-gfm: tables, strikethrough, autolinks, task lists,
/// footnotes and the tag filter; headings get unique, stable ids, links that leave the site are
/// marked, task list checkboxes are labelled by their item's text, and tables scroll sideways in a
/// region that the keyboard can reach.
public struct MarkdownRenderer: Sendable {
    public let options: MarkdownOptions

    public init(options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
    }

    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    private var cmarkOptions: Int32 {
        var flags = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
        if options.unsafeHTML { flags |= CMARK_OPT_UNSAFE }
        if options.hardLineBreaks { flags |= CMARK_OPT_HARDBREAKS }
        return flags
    }

    /// Renders `markdown`; `rewriteLink` sees every link and image destination and may replace it.
    public func render(_ markdown: String, rewriteLink: (MarkdownLink) -> LinkRewrite = { _ in .keep }) -> RenderedMarkdown {
        let (parser, document) = Self.parsesInParallel ? parse(markdown) : parseLock.withLock { _ in parse(markdown) }
        defer {
            cmark_node_free(document)
            cmark_parser_free(parser)
        }
        let extensions = cmark_parser_get_syntax_extensions(parser)

        let walk = TreeWalk(document: document)
        // Links first: a heading is rendered when its id is added, links inside it included.
        let columns = walk.links.isEmpty ? nil : ColumnConverter(markdown)
        // Replaced nodes stay alive until the end: their text chunks point into their buffers.
        var detached: [OpaquePointer] = []
        defer { detached.forEach { cmark_node_free($0) } }
        var links: [MarkdownLink] = []
        for (node, var link) in walk.links {
            link.column = columns?.characterColumn(line: link.line, byteColumn: link.column) ?? link.column
            links.append(link)
            var destination = link.destination
            if case .replace(let replacement) = rewriteLink(link) {
                cmark_node_set_url(node, replacement)
                destination = replacement
            }
            if !link.isImage, ExternalLinks.leavesSite(destination, siteHosts: options.siteHosts) {
                ExternalLinks.mark(node, label: options.externalLinkLabel)
                detached.append(node)
            }
        }
        walk.taskItems.forEach(TaskItems.label)
        for table in walk.tables { ScrollingTables.wrap(table, label: options.tableLabel) }
        var headings: [MarkdownHeading] = []
        var ids = HeadingIDs(reserved: options.reservedIDs)
        for node in walk.headings {
            let heading = makeHeading(node, ids: &ids)
            headings.append(heading)
            replaceHeading(node, id: heading.id, extensions: extensions)
            detached.append(node)
        }
        let html = renderHTML(document, extensions: extensions)
        return RenderedMarkdown(
            html: html, headings: headings, plainText: walk.plainText, firstParagraph: walk.firstParagraph,
            textBeforeMoreMarker: walk.textBeforeMoreMarker, links: links)
    }

    /// Whether parses run in parallel here (see CMarkGFMParallel); one at a time otherwise.
    public static var parsesInParallel: Bool { cmarkParsesInParallel }

    fileprivate static func makeParser(options: Int32) -> OpaquePointer {
        let parser = cmark_parser_new(options)!
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        return parser
    }

    private func parse(_ markdown: String) -> (parser: OpaquePointer, document: OpaquePointer) {
        let parser = Self.makeParser(options: cmarkOptions)
        var markdown = markdown
        markdown.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
        }
        return (parser, cmark_parser_finish(parser)!)
    }

    private func makeHeading(_ node: OpaquePointer, ids: inout HeadingIDs) -> MarkdownHeading {
        let explicitID = takeExplicitID(from: node)
        let text = TreeWalk.plainText(of: node).trimmingWhitespace
        let id = ids.claim(explicitID ?? Slug.make(from: text))
        return MarkdownHeading(level: Int(cmark_node_get_heading_level(node)), id: id, text: text)
    }

    /// Reads and removes a trailing `{#id}` from a heading, so translations can keep one anchor.
    private func takeExplicitID(from heading: OpaquePointer) -> String? {
        guard let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(last).map({ String(cString: $0) }),
            literal.hasSuffix("}"), let open = literal.range(of: "{#", options: .backwards)
        else { return nil }
        let id = String(literal[open.upperBound..<literal.index(before: literal.endIndex)])
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        let rest = String(literal[..<open.lowerBound])
        cmark_node_set_literal(last, rest.trimmingTrailingWhitespace)
        return id
    }

    /// cmark-gfm writes headings without ids: render the heading alone, add the id, and put the result
    /// in place of the heading as a custom block, which the renderer copies verbatim.
    private func replaceHeading(_ node: OpaquePointer, id: String, extensions: UnsafeMutablePointer<cmark_llist>?) {
        guard let rendered = cmark_render_html(node, cmarkOptions, extensions) else { return }
        var html = String(cString: rendered)
        free(rendered)
        if let close = html.firstIndex(of: ">") {
            html.insert(contentsOf: " id=\"\(id.htmlEscaped)\"", at: close)
        }
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(block, html.trimmingTrailingWhitespace)
        cmark_node_set_on_exit(block, "")
        cmark_node_replace(node, block)
    }

    private func renderHTML(_ document: OpaquePointer, extensions: UnsafeMutablePointer<cmark_llist>?) -> String {
        guard let rendered = cmark_render_html(document, cmarkOptions, extensions) else { return "" }
        defer { free(rendered) }
        var html = String(cString: rendered)
        // The align attribute is obsolete HTML and a style attribute breaks a strict CSP: use classes.
        if html.containsBytes(" align=\"") {
            for alignment in ["left", "center", "right"] {
                html = html.replacingBytes(" align=\"\(alignment)\"", with: " class=\"align-\(alignment)\"")
            }
        }
        if html.containsBytes("data-footnote-backref") {
            html = html.replacingBytes(
                "aria-label=\"Back to content\"", with: "aria-label=\"\(options.footnoteBackLabel.htmlEscaped)\"")
        }
        return html
    }
}

/// Hands out heading ids that are unique within one page (`x`, `x-1`, `x-2`) and never take an id the
/// theme uses or the form of cmark-gfm's footnote ids (`fn-1`, `fnref-1`).
struct HeadingIDs {
    private var used: Set<String>

    init(reserved: Set<String>) {
        used = reserved
    }

    mutating func claim(_ wanted: String) -> String {
        let base = wanted.isEmpty ? "section" : wanted
        var candidate = base
        var counter = 1
        while Self.isFootnoteID(candidate) || !used.insert(candidate).inserted {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        return candidate
    }

    private static func isFootnoteID(_ id: String) -> Bool {
        for prefix in ["fn-", "fnref-"] where id.hasPrefix(prefix) {
            let rest = id.dropFirst(prefix.count)
            return !rest.isEmpty && rest.allSatisfy(\.isNumber)
        }
        return false
    }
}

/// Turns cmark-gfm's byte columns into character columns, as editors count them.
struct ColumnConverter {
    private var text: String
    /// The byte offset where each line starts.
    private let lineStarts: [Int]

    init(_ text: String) {
        var text = text
        var starts = [0]
        text.withUTF8 { bytes in
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        }
        self.text = text
        self.lineStarts = starts
    }

    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return byteColumn }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[line - 1])
        let end = utf8.index(start, offsetBy: byteColumn - 1, limitedBy: utf8.endIndex) ?? utf8.endIndex
        return String(decoding: utf8[start..<end], as: UTF8.self).count + 1
    }
}
