import Foundation
import WegweiserCore

/// Reads TOML 1.0 (as in Hugo's `+++` front matter) into located `DataNode`s.
///
/// Strings become quoted scalars; integers, floats, booleans and date-times become unquoted scalars
/// in a normalised spelling, so the same field conversions serve YAML and TOML.
public enum TOMLReader {
    public static func read(_ text: String, file: String, lineOffset: Int = 0) throws(DiagnosticError) -> DataNode {
        var parser = TOMLParser(text: text, file: file, lineOffset: lineOffset)
        return try parser.parseDocument()
    }
}

/// A table while it is being filled; headers and dotted keys may add to it later.
private final class TOMLTable {
    enum Item {
        case value(DataNode)
        case table(TOMLTable)
        case tables([TOMLTable], SourceLocation)
    }

    var entries: [(key: String, location: SourceLocation, item: Item)] = []
    let location: SourceLocation
    var isDefined: Bool
    /// Made by a dotted key (`a.b = 1`): TOML forbids a `[a]` header for it later.
    var isDottedKeyTable = false

    init(location: SourceLocation, isDefined: Bool) {
        self.location = location
        self.isDefined = isDefined
    }

    func index(of key: String) -> Int? { entries.firstIndex { $0.key == key } }

    var node: DataNode {
        DataNode(.map(entries.map { entry in
            let value: DataNode
            switch entry.item {
            case .value(let node): value = node
            case .table(let table): value = table.node
            case .tables(let tables, let location): value = DataNode(.list(tables.map(\.node)), at: location)
            }
            return DataEntry(key: entry.key, keyLocation: entry.location, value: value)
        }), at: location)
    }
}

private struct TOMLParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private let file: String
    private let lineOffset: Int

    init(text: String, file: String, lineOffset: Int) {
        self.scalars = Array(text.unicodeScalars)
        self.file = file
        self.lineOffset = lineOffset
    }

    // MARK: Document and tables

    mutating func parseDocument() throws(DiagnosticError) -> DataNode {
        let root = TOMLTable(location: here, isDefined: true)
        var current = root
        while true {
            skipBlankLinesAndComments()
            guard let scalar = peek() else { break }
            if scalar == "[" {
                current = try parseTableHeader(root: root)
            } else {
                try parseKeyValue(into: current)
            }
            try expectEndOfLine()
        }
        return root.node
    }

    private mutating func parseTableHeader(root: TOMLTable) throws(DiagnosticError) -> TOMLTable {
        let start = here
        advance()
        let isArray = peek() == "["
        if isArray { advance() }
        skipSpaces()
        let keys = try parseKey()
        skipSpaces()
        try expect("]")
        if isArray { try expect("]") }
        let parent = try descend(from: root, through: keys.dropLast(), at: start)
        let (name, location) = keys[keys.count - 1]
        if isArray {
            let table = TOMLTable(location: location, isDefined: true)
            if let existing = parent.index(of: name) {
                guard case .tables(var tables, let listLocation) = parent.entries[existing].item else {
                    throw DiagnosticError("'\(name)' is already a value or table; it cannot become a list of tables", at: location)
                }
                tables.append(table)
                parent.entries[existing].item = .tables(tables, listLocation)
            } else {
                parent.entries.append((name, location, .tables([table], location)))
            }
            return table
        }
        if let existing = parent.index(of: name) {
            guard case .table(let table) = parent.entries[existing].item, !table.isDefined, !table.isDottedKeyTable else {
                throw DiagnosticError("table [\(keys.map(\.0).joined(separator: "."))] is defined twice", at: start)
            }
            table.isDefined = true
            return table
        }
        let table = TOMLTable(location: location, isDefined: true)
        parent.entries.append((name, location, .table(table)))
        return table
    }

    /// Walks (and creates) the tables named by dotted keys; a list of tables continues at its last table.
    private func descend(
        from table: TOMLTable, through keys: ArraySlice<(String, SourceLocation)>, at location: SourceLocation,
        markingDotted: Bool = false
    ) throws(DiagnosticError) -> TOMLTable {
        var current = table
        for (key, keyLocation) in keys {
            if let existing = current.index(of: key) {
                switch current.entries[existing].item {
                case .table(let next): current = next
                case .tables(let tables, _): current = tables[tables.count - 1]
                case .value:
                    throw DiagnosticError("'\(key)' already has a value; it cannot also be a table", at: keyLocation)
                }
            } else {
                let next = TOMLTable(location: keyLocation, isDefined: false)
                next.isDottedKeyTable = markingDotted
                current.entries.append((key, keyLocation, .table(next)))
                current = next
            }
        }
        return current
    }

    private mutating func parseKeyValue(into table: TOMLTable) throws(DiagnosticError) {
        let keys = try parseKey()
        skipSpaces()
        try expect("=")
        skipSpaces()
        let value = try parseValue()
        let target = try descend(from: table, through: keys.dropLast(), at: keys[0].1, markingDotted: true)
        let (name, location) = keys[keys.count - 1]
        if target.index(of: name) != nil {
            throw DiagnosticError("'\(name)' is given twice; keep one", at: location)
        }
        target.entries.append((name, location, .value(value)))
    }

    private mutating func parseKey() throws(DiagnosticError) -> [(String, SourceLocation)] {
        var keys: [(String, SourceLocation)] = []
        repeat {
            skipSpaces()
            let location = here
            switch peek() {
            case "\"": keys.append((try parseBasicString(), location))
            case "'": keys.append((try parseLiteralString(), location))
            default:
                var key = ""
                while let scalar = peek(), scalar.isBareKeyCharacter {
                    key.unicodeScalars.append(scalar)
                    advance()
                }
                guard !key.isEmpty else { throw error("expected a key") }
                keys.append((key, location))
            }
            skipSpaces()
        } while consume(".")
        return keys
    }

    // MARK: Values

    private mutating func parseValue() throws(DiagnosticError) -> DataNode {
        let location = here
        switch peek() {
        case "\"": return DataNode(.scalar(try parseBasicString(), quoted: true), at: location)
        case "'": return DataNode(.scalar(try parseLiteralString(), quoted: true), at: location)
        case "[": return try parseArray()
        case "{": return try parseInlineTable()
        case nil: throw error("expected a value")
        default: return DataNode(.scalar(try parseBareValue(), quoted: false), at: location)
        }
    }

    private mutating func parseArray() throws(DiagnosticError) -> DataNode {
        let location = here
        advance()
        var items: [DataNode] = []
        while true {
            skipBlankLinesAndComments()
            if consume("]") { break }
            items.append(try parseValue())
            skipBlankLinesAndComments()
            if consume(",") { continue }
            try expect("]")
            break
        }
        return DataNode(.list(items), at: location)
    }

    private mutating func parseInlineTable() throws(DiagnosticError) -> DataNode {
        let table = TOMLTable(location: here, isDefined: true)
        advance()
        skipSpaces()
        if consume("}") { return table.node }
        while true {
            try parseKeyValue(into: table)
            skipSpaces()
            if consume(",") {
                skipSpaces()
                continue
            }
            try expect("}")
            return table.node
        }
    }

    /// Booleans, numbers and date-times, in a normalised spelling.
    private mutating func parseBareValue() throws(DiagnosticError) -> String {
        let start = here
        var token = ""
        while let scalar = peek(), scalar.isBareValueCharacter {
            token.unicodeScalars.append(scalar)
            advance()
        }
        // A date and a time may be separated by one space: 1979-05-27 07:32:00.
        if token.count == 10, token.dropFirst(4).first == "-", peek() == " ", let next = peek(offset: 1), next.properties.numericType != nil {
            advance()
            token += "T"
            while let scalar = peek(), scalar.isBareValueCharacter {
                token.unicodeScalars.append(scalar)
                advance()
            }
        }
        if let normalized = Self.normalize(token) { return normalized }
        throw DiagnosticError(
            token.isEmpty ? "expected a value" : "'\(token)' is not a TOML value; put text in quotes", at: start)
    }

    private static func normalize(_ token: String) -> String? {
        switch token {
        case "true", "false": return token
        case "inf", "+inf", "-inf", "nan", "+nan", "-nan": return token
        default: break
        }
        if token.contains(":") || (token.count >= 10 && token.dropFirst(4).first == "-" && token.first?.isNumber == true) {
            return token  // a date or time: checked by the field that reads it
        }
        let digits = token.replacingOccurrences(of: "_", with: "")
        guard !token.hasPrefix("_"), !token.hasSuffix("_"), !token.contains("__") else { return nil }
        // TOML has no leading zeros (007) and no bare fractions (.5, 5.).
        let unsigned = digits.hasPrefix("+") || digits.hasPrefix("-") ? String(digits.dropFirst()) : digits
        if unsigned.count > 1, unsigned.hasPrefix("0"), let second = unsigned.dropFirst().first, second.isNumber { return nil }
        if unsigned.hasPrefix(".") || unsigned.hasSuffix(".") || unsigned.contains(".e") || unsigned.contains(".E") { return nil }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where digits.hasPrefix(prefix) {
            return Int(digits.dropFirst(2), radix: radix).map(String.init)
        }
        if let integer = Int(digits) { return String(integer) }
        if digits.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), Double(digits) != nil { return digits }
        return nil
    }

    private mutating func parseBasicString() throws(DiagnosticError) -> String {
        let start = here
        advance()
        let multiline = peek() == "\"" && peek(offset: 1) == "\""
        if multiline {
            advance(2)
            if peek() == "\n" { advanceLine() } else if peek() == "\r", peek(offset: 1) == "\n" { advance(); advanceLine() }
        }
        var result = ""
        while true {
            guard let scalar = peek() else { throw DiagnosticError("this string is never closed", at: start) }
            if scalar == "\"" {
                if !multiline {
                    advance()
                    return result
                }
                if peek(offset: 1) == "\"", peek(offset: 2) == "\"" {
                    advance(3)
                    // Up to two quotes may directly precede the closing delimiter.
                    while consume("\"") { result += "\"" }
                    return result
                }
                result += "\""
                advance()
            } else if scalar == "\\" {
                advance()
                if multiline, let next = peek(), next == " " || next == "\t" || next == "\n" || next == "\r" {
                    try skipLineEndingBackslash()
                    continue
                }
                result.unicodeScalars.append(try parseEscape())
            } else if scalar == "\n" {
                guard multiline else { throw DiagnosticError("this string is never closed on its line", at: start) }
                result += "\n"
                advanceLine()
            } else {
                result.unicodeScalars.append(scalar)
                advance()
            }
        }
    }

    /// A backslash at the end of a line (spaces may follow) joins it with the next non-blank text.
    private mutating func skipLineEndingBackslash() throws(DiagnosticError) {
        var offset = 0
        while let scalar = peek(offset: offset), scalar == " " || scalar == "\t" || scalar == "\r" { offset += 1 }
        guard peek(offset: offset) == "\n" else { throw error("a backslash must end its line here; write '\\\\' for a backslash") }
        while let scalar = peek(), scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            if scalar == "\n" { advanceLine() } else { advance() }
        }
    }

    private mutating func parseEscape() throws(DiagnosticError) -> Unicode.Scalar {
        let location = here
        guard let scalar = peek() else { throw error("a string ends inside an escape") }
        advance()
        switch scalar {
        case "b": return "\u{08}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{0C}"
        case "r": return "\r"
        case "\"": return "\""
        case "\\": return "\\"
        case "u", "U":
            let length = scalar == "u" ? 4 : 8
            var hex = ""
            for _ in 0..<length {
                guard let digit = peek() else { break }
                hex.unicodeScalars.append(digit)
                advance()
            }
            if let value = UInt32(hex, radix: 16), let unicode = Unicode.Scalar(value), hex.count == length { return unicode }
            throw DiagnosticError("'\\\(scalar)\(hex)' is not a valid Unicode escape", at: location)
        default:
            throw DiagnosticError("'\\\(scalar)' is not a TOML escape; write '\\\\' for a backslash", at: location)
        }
    }

    private mutating func parseLiteralString() throws(DiagnosticError) -> String {
        let start = here
        advance()
        let multiline = peek() == "'" && peek(offset: 1) == "'"
        if multiline {
            advance(2)
            if peek() == "\n" { advanceLine() }
        }
        var result = ""
        while true {
            guard let scalar = peek() else { throw DiagnosticError("this string is never closed", at: start) }
            if scalar == "'" {
                if !multiline {
                    advance()
                    return result
                }
                if peek(offset: 1) == "'", peek(offset: 2) == "'" {
                    advance(3)
                    while peek() == "'" {
                        result += "'"
                        advance()
                    }
                    return result
                }
                result += "'"
                advance()
            } else if scalar == "\n" {
                guard multiline else { throw DiagnosticError("this string is never closed on its line", at: start) }
                result += "\n"
                advanceLine()
            } else {
                result.unicodeScalars.append(scalar)
                advance()
            }
        }
    }

    // MARK: Reading

    private var here: SourceLocation { SourceLocation(file: file, line: line + lineOffset, column: column) }

    private func peek(offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance(_ count: Int = 1) {
        index += count
        column += count
    }

    private mutating func advanceLine() {
        index += 1
        line += 1
        column = 1
    }

    private mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        guard peek() == scalar else { return false }
        advance()
        return true
    }

    private mutating func expect(_ scalar: Unicode.Scalar) throws(DiagnosticError) {
        guard consume(scalar) else {
            let found = peek().map { $0 == "\n" ? "the end of the line" : "'\($0)'" } ?? "the end"
            throw error("expected '\(scalar)' but found \(found)")
        }
    }

    private mutating func skipSpaces() {
        while let scalar = peek(), scalar == " " || scalar == "\t" { advance() }
    }

    private mutating func skipComment() {
        guard peek() == "#" else { return }
        while let scalar = peek(), scalar != "\n" { advance() }
    }

    private mutating func skipBlankLinesAndComments() {
        while true {
            skipSpaces()
            skipComment()
            if peek() == "\r", peek(offset: 1) == "\n" { advance() }
            guard peek() == "\n" else { return }
            advanceLine()
        }
    }

    private mutating func expectEndOfLine() throws(DiagnosticError) {
        skipSpaces()
        skipComment()
        if peek() == "\r" { advance() }
        guard let scalar = peek() else { return }
        guard scalar == "\n" else { throw error("expected the end of the line after a value, found '\(scalar)'") }
        advanceLine()
    }

    private func error(_ message: String) -> DiagnosticError {
        DiagnosticError(message, at: here)
    }
}

extension Unicode.Scalar {
    fileprivate var isBareKeyCharacter: Bool {
        isASCII && (properties.isAlphabetic || ("0"..."9").contains(self) || self == "_" || self == "-")
    }

    fileprivate var isBareValueCharacter: Bool {
        isASCII && (properties.isAlphabetic || ("0"..."9").contains(self) || "+-_.:".unicodeScalars.contains(self))
    }
}
