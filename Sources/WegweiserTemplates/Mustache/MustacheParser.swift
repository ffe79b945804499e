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
struct MustacheName: Sendable, Hashable {
    enum Root: Sendable, Hashable {
        /// Look the first part up through the context stack.
        case stack
        /// `.` or `.name`: the current object only.
        case current
        /// An empty name with transforms: the position in the list being rendered.
        case sequence
    }

    var root: Root
    var path: [String]
    var transforms: [String]
    var written: String
}

struct MustacheSyntaxError: Error {
    var message: String
}

struct MustacheParser {
    struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var start: [Character] = ["{", "{"]
        var end: [Character] = ["}", "}"]
        var partialDefinitionIndent: String?

        func section(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func inheriting(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    private let characters: [Character]
    private var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    /// Where the parser stopped, for messages.
    func lineAndColumn() -> (Int, Int) {
        var line = 1
        var column = 1
        for character in characters[..<min(position, characters.count)] {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    private var atEnd: Bool { position >= characters.count }
    private var current: Character { atEnd ? "\0" : characters[position] }

    private mutating func read(while allowed: (Character) -> Bool) -> String {
        let start = position
        while !atEnd, allowed(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }

    private mutating func read(_ literal: [Character]) -> Bool {
        guard position + literal.count <= characters.count, Array(characters[position..<position + literal.count]) == literal else {
            return false
        }
        position += literal.count
        return true
    }

    mutating func parse(_ initial: State) throws(MustacheSyntaxError) -> [MustacheTemplate.Node] {
        var nodes: [MustacheTemplate.Node] = []
        var state = initial
        var whiteSpaceBefore = ""
        while !atEnd {
            if state.newLine {
                let whiteSpace = read { $0 == " " || $0 == "\t" }
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = String(whiteSpace.dropFirst(indent.count))
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = readUntilTagOrNewline(state)
            if !atEnd, current.isNewline {
                nodes.append(.text(whiteSpaceBefore + text + String(current)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            func flushWhiteSpace() {
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
            }
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try parseName(state)
                if isStandalone(state) { setNewLine = true } else { flushWhiteSpace() }
                let inner = try parse(state.section(name.written, newLine: setNewLine, transforms: name.transforms))
                nodes.append(.section(name, inverted: inverted, inner))
            case "/":
                position += 1
                let tagStart = position
                let name = try parseName(state)
                guard name.written == state.sectionName, name.transforms == state.sectionTransforms else {
                    position = tagStart
                    throw MustacheSyntaxError(message: state.sectionName == nil
                        ? "this closing tag closes no section"
                        : "this closing tag does not match the section that is open ({{#\(state.sectionName!)}})")
                }
                if isStandalone(state) { setNewLine = true } else { flushWhiteSpace() }
                return nodes
            case "!":
                position += 1
                try skipComment(state)
                setNewLine = isStandalone(state)
            case "{", "&":
                flushWhiteSpace()
                let triple = current == "{"
                position += 1
                let name = try parseName(state)
                if triple {
                    guard current == "}" else { throw MustacheSyntaxError(message: "this tag is not finished; close it with }}}") }
                    position += 1
                }
                nodes.append(.variable(name, escaped: false))
            case ">":
                position += 1
                _ = read { $0.isWhitespace }
                let name = try parsePartialName(state)
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                let indentation: String? = isStandalone(state) ? whiteSpaceBefore : nil
                if indentation != nil { setNewLine = true }
                nodes.append(.partial(name, indentation: indentation, overrides: nil))
                whiteSpaceBefore = ""
            case "<":
                position += 1
                _ = read { $0.isWhitespace }
                let name = try parsePartialName(state)
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                if isStandalone(state) { setNewLine = true }
                let inner = try parse(state.inheriting(name))
                var overrides: [String: [MustacheTemplate.Node]] = [:]
                for node in inner {
                    switch node {
                    case .blockDefinition(let block, let content): overrides[block] = content
                    case .text: break
                    default: throw MustacheSyntaxError(message: "only {{$block}} overrides may stand inside {{<parent}}")
                    }
                }
                nodes.append(.partial(name, indentation: whiteSpaceBefore, overrides: overrides))
                whiteSpaceBefore = ""
            case "$":
                position += 1
                let name = try parseName(state)
                guard name.transforms.isEmpty else {
                    throw MustacheSyntaxError(message: "a transform cannot be applied to a block")
                }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let inner = try parse(state.section(name.written, newLine: setNewLine))
                    nodes.append(.blockDefinition(name.written, inner))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                    if isStandalone(state) { setNewLine = true }
                    let inner = try parse(state.section(name.written, newLine: setNewLine))
                    nodes.append(.block(name.written, defaults: inner, indentation: whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
            case "=":
                position += 1
                state = try parseDelimiters(state)
                setNewLine = isStandalone(state)
            case "%":
                position += 1
                nodes.append(try parsePragma(state))
                setNewLine = isStandalone(state)
            default:
                flushWhiteSpace()
                nodes.append(.variable(try parseName(state), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName {
            throw MustacheSyntaxError(message: "a section is never closed; add {{/\(open)}}")
        }
        return nodes
    }

    /// Text up to a newline (not read) or the start of a tag (read).
    private mutating func readUntilTagOrNewline(_ state: State) -> String {
        var text = ""
        while !atEnd {
            let character = characters[position]
            if character.isNewline { break }
            if character == state.start[0] {
                if read(state.start) { break }
                text.append(character)
                position += 1
                continue
            }
            text.append(character)
            position += 1
        }
        return text
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let plainNameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let partialNameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    private mutating func parseName(_ state: State) throws(MustacheSyntaxError) -> MustacheName {
        _ = read { $0.isWhitespace }
        let text = read { Self.nameCharacters.contains($0) }
        _ = read { $0.isWhitespace }
        guard read(state.end) else { throw MustacheSyntaxError(message: "this tag is not finished; close it with }}") }
        var transforms: [String] = []
        var rest = Substring(text)
        // `a(b(name))`: transforms a, b around name.
        while let open = rest.firstIndex(of: "(") {
            transforms.append(String(rest[..<open]))
            rest = rest[rest.index(after: open)...]
        }
        let closing = rest.reversed().prefix { $0 == ")" }.count
        guard closing == transforms.count, !rest.dropLast(closing).contains(")") else {
            throw MustacheSyntaxError(message: "this tag is not finished; close it with }}")
        }
        let name = String(rest.dropLast(closing))
        let root: MustacheName.Root = name == "." || name.hasPrefix(".") ? .current : (name.isEmpty && !transforms.isEmpty ? .sequence : .stack)
        let path = name == "." ? [] : name.split(separator: ".").map(String.init)
        return MustacheName(root: root, path: path, transforms: transforms, written: name)
    }

    private mutating func parsePartialName(_ state: State) throws(MustacheSyntaxError) -> String {
        _ = read { $0.isWhitespace }
        let text = read { Self.partialNameCharacters.contains($0) }
        _ = read { $0.isWhitespace }
        guard read(state.end) else { throw MustacheSyntaxError(message: "this tag is not finished; close it with }}") }
        guard !text.hasPrefix("*") else { throw MustacheSyntaxError(message: "dynamic partial names ({{>*name}}) are not supported") }
        return text
    }

    private mutating func skipComment(_ state: State) throws(MustacheSyntaxError) {
        while !atEnd {
            if read(state.end) { return }
            position += 1
        }
        throw MustacheSyntaxError(message: "this comment is never closed; close it with }}")
    }

    private mutating func parseDelimiters(_ state: State) throws(MustacheSyntaxError) -> State {
        _ = read { $0.isWhitespace }
        let start = read { !$0.isWhitespace }
        _ = read { $0.isWhitespace }
        let end = read { $0 != "=" && !$0.isWhitespace }
        _ = read { $0.isWhitespace }
        guard !start.isEmpty, !end.isEmpty, read(["="]), read(state.end) else {
            throw MustacheSyntaxError(message: "invalid set-delimiter tag; write it like {{=<% %>=}}")
        }
        var state = state
        state.start = Array(start)
        state.end = Array(end)
        state.isPartialDefinitionTopLevel = false
        return state
    }

    private mutating func parsePragma(_ state: State) throws(MustacheSyntaxError) -> MustacheTemplate.Node {
        _ = read { $0.isWhitespace }
        let variable = read { Self.plainNameCharacters.contains($0) }
        _ = read { $0.isWhitespace }
        guard read([":"]) else { throw MustacheSyntaxError(message: "invalid {{% pragma }} tag; write {{% CONTENT_TYPE: HTML }}") }
        _ = read { $0.isWhitespace }
        let value = read { Self.plainNameCharacters.contains($0) }
        _ = read { $0.isWhitespace }
        guard read(state.end), variable == "CONTENT_TYPE", ["HTML", "TEXT"].contains(value) else {
            throw MustacheSyntaxError(message: "invalid {{% pragma }} tag; only {{% CONTENT_TYPE: HTML }} and TEXT are known")
        }
        return .escaping(value == "HTML")
    }

    /// A tag alone on its line (only spaces and tabs around it) takes its line with it.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var probe = position
        while probe < characters.count, characters[probe] == " " || characters[probe] == "\t" { probe += 1 }
        if probe < characters.count, characters[probe].isNewline {
            position = probe + 1
            return true
        }
        return false
    }
}
