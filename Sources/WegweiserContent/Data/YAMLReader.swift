import WegweiserCore
internal import Yams

/// Reads YAML into located `DataNode`s through libyaml (Yams), without Yams' regex-based type guessing:
/// fields decide their own types, and every node keeps its line and column.
public enum YAMLReader {
    /// Parses `text`; `lineOffset` is added to every line (front matter starts below its fence).
    /// Returns nil for an empty document.
    public static func read(_ text: String, file: String, lineOffset: Int = 0) throws(DiagnosticError) -> DataNode? {
        if let node = SimpleYAML.read(text, file: file, lineOffset: lineOffset) { return node }
        return try readThroughLibYAML(text, file: file, lineOffset: lineOffset)
    }

    /// `read` without the fast path for simple YAML: libyaml reads every document.
    static func readThroughLibYAML(_ text: String, file: String, lineOffset: Int = 0) throws(DiagnosticError) -> DataNode? {
        let root: Node?
        do {
            // The encoding given: Yams' default reads the whole process environment on every parse.
            root = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8).singleRoot()
        } catch let error as YamlError {
            if case .duplicatedKeysInMapping(let keys, let context) = error, let key = keys.sorted().first {
                let line = secondLine(declaring: key, in: text, mapping: context.mark) ?? context.mark.line
                throw DiagnosticError(
                    "'\(key)' is given twice; keep one",
                    at: SourceLocation(file: file, line: line + lineOffset, column: context.mark.column))
            }
            throw DiagnosticError(message(for: error), at: location(of: error, file: file, lineOffset: lineOffset))
        } catch {
            throw DiagnosticError("\(error)", at: SourceLocation(file: file, line: lineOffset + 1))
        }
        guard let root else { return nil }
        return try convert(root, file: file, lineOffset: lineOffset)
    }

    private static func convert(_ node: Node, file: String, lineOffset: Int) throws(DiagnosticError) -> DataNode {
        let location = place(node.mark, file: file, lineOffset: lineOffset)
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style != .plain && scalar.style != .any
            if !quoted, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return DataNode(.null, at: location)
            }
            return DataNode(.scalar(scalar.string, quoted: quoted), at: location)
        case .sequence(let sequence):
            var items: [DataNode] = []
            for item in sequence { items.append(try convert(item, file: file, lineOffset: lineOffset)) }
            return DataNode(.list(items), at: location)
        case .mapping(let mapping):
            var entries: [DataEntry] = []
            var seen: [String: SourceLocation] = [:]
            for (key, value) in mapping {
                let keyLocation = place(key.mark, file: file, lineOffset: lineOffset)
                guard case .scalar(let keyScalar) = key else {
                    throw DiagnosticError("a key must be text, not a list or map", at: keyLocation)
                }
                if let first = seen[keyScalar.string] {
                    throw DiagnosticError(
                        "'\(keyScalar.string)' is given twice (first at line \(first.line)); keep one", at: keyLocation)
                }
                seen[keyScalar.string] = keyLocation
                let converted = try convert(value, file: file, lineOffset: lineOffset)
                entries.append(DataEntry(key: keyScalar.string, keyLocation: keyLocation, value: converted))
            }
            return DataNode(.map(entries), at: location)
        case .alias:
            throw DiagnosticError("YAML aliases (*name) are not supported here; write the value out", at: location)
        }
    }

    /// libyaml reports a duplicate key at its map; the user needs the line of the repeat: the second line
    /// that has the key at the map's column.
    private static func secondLine(declaring key: String, in text: String, mapping: Mark) -> Int? {
        var seen = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where index + 1 >= mapping.line {
            let keyStart = line.unicodeScalars.dropFirst(mapping.column - 1)
            guard String(keyStart).hasPrefix(key),
                String(keyStart.dropFirst(key.unicodeScalars.count)).drop(while: { $0 == " " }).first == ":"
            else { continue }
            if seen { return index + 1 }
            seen = true
        }
        return nil
    }

    private static func place(_ mark: Mark?, file: String, lineOffset: Int) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: lineOffset + 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    private static func message(for error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            return "invalid YAML: \(problem)\(detail)"
        case .duplicatedKeysInMapping(let duplicates, _):
            return "invalid YAML: a key is given twice: \(duplicates.sorted().joined(separator: ", "))"
        case .reader(let problem, _, _, _):
            return "invalid YAML: \(problem)"
        default:
            return "invalid YAML: \(error)"
        }
    }

    private static func location(of error: YamlError, file: String, lineOffset: Int) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return place(mark, file: file, lineOffset: lineOffset)
        case .duplicatedKeysInMapping(_, let context):
            return place(context.mark, file: file, lineOffset: lineOffset)
        default:
            return SourceLocation(file: file, line: lineOffset + 1)
        }
    }
}
