import Foundation
import WegweiserCore

/// Reads the typed fields of one front matter (or spreadsheet row), collecting a located error for
/// every bad value instead of stopping at the first.
struct FieldReader {
    let fields: [String: DataNode]
    let file: String
    let timeZone: TimeZone
    var diagnostics = Diagnostics()

    init(_ fields: [String: DataNode], file: String, timeZone: TimeZone) {
        self.fields = fields
        self.file = file
        self.timeZone = timeZone
    }

    /// The value of `key` read by `read`; nil when missing, empty or bad (then with an error).
    mutating func read<T>(_ key: String, _ read: (DataNode) throws(DiagnosticError) -> T) -> T? {
        guard let node = fields[key], !node.isNull else { return nil }
        if case .scalar(let text, _) = node.value, text.trimmingSpaces().isEmpty { return nil }
        do {
            return try read(node)
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    mutating func text(_ key: String) -> String? {
        read(key) { node throws(DiagnosticError) in try node.nonEmptyString(for: key) }
    }

    mutating func texts(_ key: String) -> [String] {
        read(key) { node throws(DiagnosticError) in
            try node.stringList(for: key).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        } ?? []
    }

    mutating func date(_ key: String) -> ContentDate? {
        let zone = timeZone
        return read(key) { node throws(DiagnosticError) in try node.date(for: key, timeZone: zone) }
    }

    mutating func bool(_ key: String) -> Bool? {
        read(key) { node throws(DiagnosticError) in try node.bool(for: key) }
    }

    /// One of `cases`; YAML's booleans count as `yes`/`no` when those are cases.
    mutating func choice<T: RawRepresentable<String> & CaseIterable>(_ key: String, as type: T.Type) -> T? {
        read(key) { node throws(DiagnosticError) in
            let text = try node.string(for: key).trimmingSpaces().lowercased()
            let spelled = ["true": "yes", "false": "no", "on": "yes", "off": "no"][text] ?? text
            if let value = T(rawValue: spelled) { return value }
            let names = T.allCases.map(\.rawValue)
            throw DiagnosticError(
                "'\(key)' must be one of \(names.joined(separator: ", ")), not '\(text)'\(Suggestions.hint(for: text, in: names))",
                at: node.location)
        }
    }

    func location(_ key: String) -> SourceLocation? { fields[key]?.location }
}
