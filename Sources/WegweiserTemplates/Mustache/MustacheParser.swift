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
        guard position + literal.count <= characters.count,
            Array(characters[position..<position + literal.count]) == literal
        else {
            return false
        }
        position += literal.count
        return true
    }

    /// What one level of nesting (the template, or the inside of a section, parent or block) has so far.
    private struct Level {
        var state: State
        var nodes: [MustacheTemplate.Node] = []
        /// Spaces and tabs at the start of the current line, not yet written.
        var whiteSpaceBefore = ""

        mutating func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty {
                nodes.append(.text(whiteSpaceBefore))
                whiteSpaceBefore = ""
            }
        }
    }

    /// How a tag ends the line it is on.
    private enum TagEnd {
        /// Whether the next text starts a line (the tag stood alone on its line, which it took with it).
        case continues(newLine: Bool)
        /// The closing tag of the level being parsed.
        case closesLevel
    }

    mutating func parse(_ initial: State) throws(MustacheSyntaxError) -> [MustacheTemplate.Node] {
        var level = Level(state: initial)
        while !atEnd {
            if level.state.newLine { readIndentation(&level) }
            let text = readUntilTagOrNewline(level.state)
            if !atEnd, current.isNewline {
                level.nodes.append(.text(level.whiteSpaceBefore + text + String(current)))
                level.state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                level.nodes.append(.text(level.whiteSpaceBefore + text))
                level.whiteSpaceBefore = ""
                level.state.newLine = false
            }
            if atEnd { break }
            switch try parseTag(&level) {
            case .closesLevel: return level.nodes
            case .continues(let newLine): level.state.newLine = newLine
            }
        }
        if let open = level.state.sectionName {
            throw MustacheSyntaxError(message: "a section is never closed; add {{/\(open)}}")
        }
        return level.nodes
    }

    /// The spaces and tabs that start a line; inside a parent's block definitions, less the block's own
    /// indentation.
    private mutating func readIndentation(_ level: inout Level) {
        let whiteSpace = read { $0 == " " || $0 == "\t" }
        guard level.state.isPartialDefinition, !level.state.isPartialDefinitionTopLevel else {
            level.whiteSpaceBefore = whiteSpace
            return
        }
        if let indent = level.state.partialDefinitionIndent {
            level.whiteSpaceBefore = String(whiteSpace.dropFirst(indent.count))
        } else {
            level.state.partialDefinitionIndent = whiteSpace
        }
    }

    /// One tag, after its opening delimiter.
    private mutating func parseTag(_ level: inout Level) throws(MustacheSyntaxError) -> TagEnd {
        let sigil = current
        switch sigil {
        case "#", "^":
            position += 1
            return .continues(newLine: try parseSection(&level, inverted: sigil == "^"))
        case "/":
            position += 1
            try closeSection(&level)
            return .closesLevel
        case "!":
            position += 1
            try skipComment(level.state)
            return .continues(newLine: isStandalone(level.state))
        case "{", "&":
            level.flushWhiteSpace()
            position += 1
            let name = try parseName(level.state)
            if sigil == "{" {
                guard current == "}" else {
                    throw MustacheSyntaxError(message: "this tag is not finished; close it with }}}")
                }
                position += 1
            }
            level.nodes.append(.variable(name, escaped: false))
            return .continues(newLine: false)
        case ">":
            position += 1
            return .continues(newLine: try parsePartial(&level))
        case "<":
            position += 1
            return .continues(newLine: try parseParent(&level))
        case "$":
            position += 1
            return .continues(newLine: try parseBlock(&level))
        case "=":
            position += 1
            level.state = try parseDelimiters(level.state)
            return .continues(newLine: isStandalone(level.state))
        case "%":
            position += 1
            level.nodes.append(try parsePragma(level.state))
            return .continues(newLine: isStandalone(level.state))
        default:
            level.flushWhiteSpace()
            level.nodes.append(.variable(try parseName(level.state), escaped: true))
            return .continues(newLine: false)
        }
    }

    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`; returns whether the opening tag stood alone.
    private mutating func parseSection(_ level: inout Level, inverted: Bool) throws(MustacheSyntaxError) -> Bool {
        let name = try parseName(level.state)
        let standalone = isStandalone(level.state)
        if !standalone { level.flushWhiteSpace() }
        let inner = try parse(level.state.section(name.written, newLine: standalone, transforms: name.transforms))
        level.nodes.append(.section(name, inverted: inverted, inner))
        return standalone
    }

    private mutating func closeSection(_ level: inout Level) throws(MustacheSyntaxError) {
        let tagStart = position
        let name = try parseName(level.state)
        guard name.written == level.state.sectionName, name.transforms == level.state.sectionTransforms else {
            position = tagStart
            throw MustacheSyntaxError(
                message: level.state.sectionName.map {
                    "this closing tag does not match the section that is open ({{#\($0)}})"
                }
                    ?? "this closing tag closes no section")
        }
        if !isStandalone(level.state) { level.flushWhiteSpace() }
    }

    /// `{{> name}}`; a standalone tag indents every line of the partial like itself.
    private mutating func parsePartial(_ level: inout Level) throws(MustacheSyntaxError) -> Bool {
        _ = read { $0.isWhitespace }
        let name = try parsePartialName(level.state)
        if !level.whiteSpaceBefore.isEmpty { level.nodes.append(.text(level.whiteSpaceBefore)) }
        let standalone = isStandalone(level.state)
        level.nodes.append(.partial(name, indentation: standalone ? level.whiteSpaceBefore : nil, overrides: nil))
        level.whiteSpaceBefore = ""
        return standalone
    }

    /// `{{< parent}}{{$block}}…{{/block}}{{/parent}}`: a partial with its blocks overridden.
    private mutating func parseParent(_ level: inout Level) throws(MustacheSyntaxError) -> Bool {
        _ = read { $0.isWhitespace }
        let name = try parsePartialName(level.state)
        if !level.whiteSpaceBefore.isEmpty { level.nodes.append(.text(level.whiteSpaceBefore)) }
        let standalone = isStandalone(level.state)
        var overrides: [String: [MustacheTemplate.Node]] = [:]
        for node in try parse(level.state.inheriting(name)) {
            switch node {
            case .blockDefinition(let block, let content): overrides[block] = content
            case .text: break
            default: throw MustacheSyntaxError(message: "only {{$block}} overrides may stand inside {{<parent}}")
            }
        }
        level.nodes.append(.partial(name, indentation: level.whiteSpaceBefore, overrides: overrides))
        level.whiteSpaceBefore = ""
        return standalone
    }

    /// `{{$name}}…{{/name}}`: directly inside a parent tag an override, elsewhere a block with its default.
    private mutating func parseBlock(_ level: inout Level) throws(MustacheSyntaxError) -> Bool {
        let name = try parseName(level.state)
        guard name.transforms.isEmpty else {
            throw MustacheSyntaxError(message: "a transform cannot be applied to a block")
        }
        if level.state.isPartialDefinitionTopLevel {
            let standalone = isStandalone(level.state)
            let inner = try parse(level.state.section(name.written, newLine: standalone))
            level.nodes.append(.blockDefinition(name.written, inner))
            return standalone
        }
        if !level.whiteSpaceBefore.isEmpty { level.nodes.append(.text(level.whiteSpaceBefore)) }
        let standalone = isStandalone(level.state)
        let inner = try parse(level.state.section(name.written, newLine: standalone))
        level.nodes.append(.block(name.written, defaults: inner, indentation: level.whiteSpaceBefore))
        level.whiteSpaceBefore = ""
        return standalone
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
    private static let partialNameCharacters = Set(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

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
        let root: MustacheName.Root =
            name == "." || name.hasPrefix(".") ? .current : (name.isEmpty && !transforms.isEmpty ? .sequence : .stack)
        let path = name == "." ? [] : name.split(separator: ".").map(String.init)
        return MustacheName(root: root, path: path, transforms: transforms, written: name)
    }

    private mutating func parsePartialName(_ state: State) throws(MustacheSyntaxError) -> String {
        _ = read { $0.isWhitespace }
        let text = read { Self.partialNameCharacters.contains($0) }
        _ = read { $0.isWhitespace }
        guard read(state.end) else { throw MustacheSyntaxError(message: "this tag is not finished; close it with }}") }
        guard !text.hasPrefix("*") else {
            throw MustacheSyntaxError(message: "dynamic partial names ({{>*name}}) are not supported")
        }
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
        guard read([":"]) else {
            throw MustacheSyntaxError(message: "invalid {{% pragma }} tag; write {{% CONTENT_TYPE: HTML }}")
        }
        _ = read { $0.isWhitespace }
        let value = read { Self.plainNameCharacters.contains($0) }
        _ = read { $0.isWhitespace }
        guard read(state.end), variable == "CONTENT_TYPE", ["HTML", "TEXT"].contains(value) else {
            throw MustacheSyntaxError(
                message: "invalid {{% pragma }} tag; only {{% CONTENT_TYPE: HTML }} and TEXT are known")
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
