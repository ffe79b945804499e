import WegweiserCore

/// The YAML most front matter is written in, read without libyaml: block maps and block lists, with
/// one-line values that are plain, double- or single-quoted, or flow lists of such. Anything else
/// (comments, tabs, multi-line or block scalars, flow maps, anchors, tags, empty values, repeated
/// keys, carriage returns, documents markers) is left to libyaml: `read` returns nil, and the caller
/// parses the text with `YAMLReader`. What it does return is what libyaml gives, node for node and
/// mark for mark (`SimpleYAMLTests` compare the two). Parsing front matter through libyaml was half of
/// reading content.
enum SimpleYAML {
    static func read(_ text: String, file: String, lineOffset: Int) -> DataNode? {
        var text = text
        return text.withUTF8 { bytes in
            var parser = Parser(bytes: bytes, file: file, lineOffset: lineOffset)
            guard parser.splitLines(), let first = parser.lines.first else { return nil }
            guard let root = parser.block(indent: first.indent), parser.current == parser.lines.count else { return nil }
            return root
        }
    }

    private struct Line {
        /// 0-based line number in the text.
        var number: Int
        /// Where the content starts (after the indentation, or after a list item's `- `) and ends
        /// (before trailing spaces).
        var start: Int
        var end: Int
        /// The column of `start`, 0-based, in characters.
        var indent: Int
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String
        let lineOffset: Int
        var lines: [Line] = []
        var current = 0

        init(bytes: UnsafeBufferPointer<UInt8>, file: String, lineOffset: Int) {
            self.bytes = bytes
            self.file = file
            self.lineOffset = lineOffset
        }

        /// The non-blank lines; false for what this reader leaves to libyaml (tabs, carriage returns,
        /// comments, document markers, control characters).
        mutating func splitLines() -> Bool {
            var number = 0
            var lineStart = 0
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                var start = lineStart
                while start < lineEnd, bytes[start] == UInt8(ascii: " ") { start += 1 }
                var end = lineEnd
                while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
                if start < end {
                    for index in lineStart..<lineEnd where bytes[index] < 0x20 || bytes[index] == 0x7F { return false }
                    let first = bytes[start]
                    if first == UInt8(ascii: "#") || first == UInt8(ascii: "%") { return false }
                    if start == lineStart, end - start >= 3, bytes[start] == bytes[start + 1], bytes[start + 1] == bytes[start + 2],
                        first == UInt8(ascii: "-") || first == UInt8(ascii: ".")
                    {
                        return false
                    }
                    lines.append(Line(number: number, start: start, end: end, indent: start - lineStart))
                }
                number += 1
                lineStart = lineEnd + 1
            }
            // The BOM and other invisible starts are libyaml's.
            return bytes.first.map { $0 < 0x80 } ?? false
        }

        func location(line: Int, column: Int) -> SourceLocation {
            SourceLocation(file: file, line: line + 1 + lineOffset, column: column + 1)
        }

        /// The character column of `offset` on `line`.
        func column(of offset: Int, on line: Line) -> Int {
            var column = line.indent
            for index in line.start..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
            return column
        }

        func isItem(_ line: Line) -> Bool {
            bytes[line.start] == UInt8(ascii: "-") && (line.end == line.start + 1 || bytes[line.start + 1] == UInt8(ascii: " "))
        }

        /// A map or a list whose first line is the current one, at `indent`.
        mutating func block(indent: Int) -> DataNode? {
            guard current < lines.count, lines[current].indent == indent else { return nil }
            return isItem(lines[current]) ? list(indent: indent) : map(indent: indent)
        }

        mutating func list(indent: Int) -> DataNode? {
            let first = lines[current]
            var items: [DataNode] = []
            while current < lines.count, lines[current].indent == indent, isItem(lines[current]) {
                var line = lines[current]
                var start = line.start + 1
                while start < line.end, bytes[start] == UInt8(ascii: " ") { start += 1 }
                // "-" alone (an item on the next lines) and "- - x" are libyaml's.
                guard start < line.end, !isItem(Line(number: line.number, start: start, end: line.end, indent: 0)) else { return nil }
                line.indent = column(of: start, on: line)
                line.start = start
                if keyEnd(in: line) != nil {
                    // "- label: x": a map whose keys stand at the column of "label".
                    lines[current] = line
                    guard let map = map(indent: line.indent) else { return nil }
                    items.append(map)
                } else {
                    guard let value = scalarOrFlow(on: line, from: start) else { return nil }
                    items.append(value)
                    current += 1
                    guard noContinuation(after: indent) else { return nil }
                }
            }
            return DataNode(.list(items), at: location(line: first.number, column: first.indent))
        }

        mutating func map(indent: Int) -> DataNode? {
            let first = lines[current]
            var entries: [DataEntry] = []
            var keys = Set<String>()
            while current < lines.count, lines[current].indent == indent, !isItem(lines[current]) {
                let line = lines[current]
                guard let colon = keyEnd(in: line) else { return nil }
                let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[line.start..<colon]), as: UTF8.self)
                guard keys.insert(key).inserted else { return nil }
                let keyLocation = location(line: line.number, column: line.indent)
                var start = colon + 1
                while start < line.end, bytes[start] == UInt8(ascii: " ") { start += 1 }
                let value: DataNode
                if start == line.end {
                    // The value is the block below: deeper, or a list at the key's own column.
                    current += 1
                    guard current < lines.count else { return nil }
                    let next = lines[current]
                    guard next.indent > indent || (next.indent == indent && isItem(next)), let block = block(indent: next.indent) else {
                        return nil
                    }
                    value = block
                } else {
                    guard let scalar = scalarOrFlow(on: line, from: start) else { return nil }
                    value = scalar
                    current += 1
                    guard noContinuation(after: indent) else { return nil }
                }
                entries.append(DataEntry(key: key, keyLocation: keyLocation, value: value))
            }
            return DataNode(.map(entries), at: location(line: first.number, column: first.indent))
        }

        /// False when the next line is deeper than `indent` (a plain scalar going on, or a mistake).
        func noContinuation(after indent: Int) -> Bool {
            current >= lines.count || lines[current].indent <= indent
        }

        /// The offset of the colon after a key of letters, digits, `_`, `-` and `.` that is followed
        /// by a space or the line's end; nil when the line is no such key.
        func keyEnd(in line: Line) -> Int? {
            guard isKeyByte(bytes[line.start]), bytes[line.start] != UInt8(ascii: "-"), bytes[line.start] != UInt8(ascii: ".") else {
                return nil
            }
            var index = line.start
            while index < line.end {
                let byte = bytes[index]
                if byte == UInt8(ascii: ":") {
                    guard index > line.start, index + 1 == line.end || bytes[index + 1] == UInt8(ascii: " ") else { return nil }
                    return index
                }
                guard isKeyByte(byte) else { return nil }
                index += 1
            }
            return nil
        }

        func isKeyByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "_"), UInt8(ascii: "."):
                true
            case UInt8(ascii: "-"): true
            default: false
            }
        }

        /// A one-line value that runs to the line's end.
        func scalarOrFlow(on line: Line, from start: Int) -> DataNode? {
            if bytes[start] == UInt8(ascii: "[") { return flowList(on: line, from: start) }
            var index = start
            guard let node = scalar(on: line, at: &index, inFlow: false), index == line.end else { return nil }
            return node
        }

        /// `[a, "b", 'c']` on one line.
        func flowList(on line: Line, from start: Int) -> DataNode? {
            var items: [DataNode] = []
            var index = start + 1
            skipSpaces(&index, line)
            if index < line.end, bytes[index] == UInt8(ascii: "]") {
                index += 1
            } else {
                while true {
                    guard index < line.end, let item = scalar(on: line, at: &index, inFlow: true) else { return nil }
                    items.append(item)
                    skipSpaces(&index, line)
                    guard index < line.end else { return nil }
                    if bytes[index] == UInt8(ascii: "]") {
                        index += 1
                        break
                    }
                    guard bytes[index] == UInt8(ascii: ",") else { return nil }
                    index += 1
                    skipSpaces(&index, line)
                }
            }
            guard index == line.end else { return nil }
            return DataNode(.list(items), at: location(line: line.number, column: column(of: start, on: line)))
        }

        func skipSpaces(_ index: inout Int, _ line: Line) {
            while index < line.end, bytes[index] == UInt8(ascii: " ") { index += 1 }
        }

        /// A quoted or plain scalar starting at `index`; `index` ends after it (after a quoted one's
        /// trailing spaces).
        func scalar(on line: Line, at index: inout Int, inFlow: Bool) -> DataNode? {
            let start = index
            let place = location(line: line.number, column: column(of: start, on: line))
            switch bytes[start] {
            case UInt8(ascii: "\""):
                guard let text = doubleQuoted(on: line, at: &index) else { return nil }
                skipSpaces(&index, line)
                return DataNode(.scalar(text, quoted: true), at: place)
            case UInt8(ascii: "'"):
                guard let text = singleQuoted(on: line, at: &index) else { return nil }
                skipSpaces(&index, line)
                return DataNode(.scalar(text, quoted: true), at: place)
            default:
                guard let end = plainEnd(on: line, from: start, inFlow: inFlow) else { return nil }
                index = end
                var textEnd = end
                while textEnd > start, bytes[textEnd - 1] == UInt8(ascii: " ") { textEnd -= 1 }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<textEnd]), as: UTF8.self)
                if ["~", "null", "Null", "NULL"].contains(text) { return DataNode(.null, at: place) }
                return DataNode(.scalar(text, quoted: false), at: place)
            }
        }

        /// Where a plain scalar ends: the line's end, or in a flow list the next `,` or `]`. Nil for
        /// what libyaml reads otherwise (indicators at the start, `: ` and ` #` inside).
        func plainEnd(on line: Line, from start: Int, inFlow: Bool) -> Int? {
            switch bytes[start] {
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: "#"),
                UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "%"),
                UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "-"):
                return nil
            default: break
            }
            var index = start
            while index < line.end {
                let byte = bytes[index]
                if byte == UInt8(ascii: ":") {
                    // ": " and a final ":" make a key; in a flow, ":" before "," or "]" too.
                    guard index + 1 < line.end, bytes[index + 1] != UInt8(ascii: " ") else { return nil }
                    if inFlow { return nil }
                } else if byte == UInt8(ascii: "#"), bytes[index - 1] == UInt8(ascii: " ") {
                    return nil
                } else if inFlow {
                    switch byte {
                    case UInt8(ascii: ","), UInt8(ascii: "]"): return index
                    case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "}"): return nil
                    default: break
                    }
                }
                index += 1
            }
            return inFlow ? nil : index
        }

        /// `"…"` on one line with the escapes front matter uses; nil for others.
        func doubleQuoted(on line: Line, at index: inout Int) -> String? {
            var output: [UInt8] = []
            var at = index + 1
            while at < line.end {
                let byte = bytes[at]
                if byte == UInt8(ascii: "\"") {
                    index = at + 1
                    return String(decoding: output, as: UTF8.self)
                }
                if byte == UInt8(ascii: "\\") {
                    guard at + 1 < line.end else { return nil }
                    switch bytes[at + 1] {
                    case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
                    case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
                    case UInt8(ascii: "/"): output.append(UInt8(ascii: "/"))
                    case UInt8(ascii: "n"): output.append(0x0A)
                    case UInt8(ascii: "t"): output.append(0x09)
                    default: return nil
                    }
                    at += 2
                    continue
                }
                output.append(byte)
                at += 1
            }
            return nil
        }

        /// `'…'` on one line, `''` standing for one quote.
        func singleQuoted(on line: Line, at index: inout Int) -> String? {
            var output: [UInt8] = []
            var at = index + 1
            while at < line.end {
                let byte = bytes[at]
                if byte == UInt8(ascii: "'") {
                    if at + 1 < line.end, bytes[at + 1] == UInt8(ascii: "'") {
                        output.append(byte)
                        at += 2
                        continue
                    }
                    index = at + 1
                    return String(decoding: output, as: UTF8.self)
                }
                output.append(byte)
                at += 1
            }
            return nil
        }
    }
}
