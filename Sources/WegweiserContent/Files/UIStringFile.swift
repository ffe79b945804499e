import WegweiserCore

/// One `i18n/<lang>.yaml` file: UI strings by key, each with its place.
public struct UIStringFile: Sendable {
    public var strings: [String: (text: String, location: SourceLocation)]

    public init(strings: [String: (text: String, location: SourceLocation)] = [:]) {
        self.strings = strings
    }

    /// Reads `key: text` pairs; Hugo's `key: {other: text}` form is accepted too.
    public static func read(_ text: String, file: String) throws(DiagnosticError) -> UIStringFile {
        guard let root = try YAMLReader.read(text, file: file) else { return UIStringFile() }
        guard case .map(let entries) = root.value else {
            throw DiagnosticError("an i18n file must be a map of keys to texts, like read_more: Weiterlesen", at: root.location)
        }
        var strings: [String: (text: String, location: SourceLocation)] = [:]
        var diagnostics = Diagnostics()
        for entry in entries {
            var node = entry.value
            if case .map = node.value, let other = node["other"] { node = other }
            guard case .scalar(let value, _) = node.value else {
                diagnostics.error("'\(entry.key)' must be a text, not \(node.kindDescription)", at: node.location)
                continue
            }
            strings[entry.key] = (value, node.location)
        }
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics.all) }
        return UIStringFile(strings: strings)
    }
}
