import Foundation
import WegweiserCore

extension DataNode {
    /// The text of a scalar; numbers and booleans are text too.
    public func string(for field: String) throws(DiagnosticError) -> String {
        guard case .scalar(let text, _) = value else {
            throw DiagnosticError("'\(field)' must be text, not \(kindDescription)", at: location)
        }
        return text
    }

    /// A non-empty, trimmed text.
    public func nonEmptyString(for field: String) throws(DiagnosticError) -> String {
        let text = try string(for: field).trimmingSpacesAndNewlines()
        guard !text.isEmpty else { throw DiagnosticError("'\(field)' must not be empty", at: location) }
        return text
    }

    /// true or false; YAML 1.1's yes/no/on/off are accepted, as editors write them.
    public func bool(for field: String) throws(DiagnosticError) -> Bool {
        if case .scalar(let text, _) = value {
            switch text.lowercased() {
            case "true", "yes", "on", "y": return true
            case "false", "no", "off", "n": return false
            default: break
            }
        }
        throw DiagnosticError("'\(field)' must be true or false, not \(quotedDescription)", at: location)
    }

    public func int(for field: String) throws(DiagnosticError) -> Int {
        if case .scalar(let text, _) = value, let number = Int(text.replacingOccurrences(of: "_", with: "")) {
            return number
        }
        throw DiagnosticError("'\(field)' must be a whole number, not \(quotedDescription)", at: location)
    }

    /// A list of texts; a single text counts as a list of one.
    public func stringList(for field: String) throws(DiagnosticError) -> [String] {
        switch value {
        case .scalar(let text, _): return text.isEmpty ? [] : [text]
        case .null: return []
        case .map: throw DiagnosticError("'\(field)' must be a list of texts, not a map", at: location)
        case .list(let items):
            var result: [String] = []
            for item in items {
                guard case .scalar(let text, _) = item.value else {
                    throw DiagnosticError("each item of '\(field)' must be text, not \(item.kindDescription)", at: item.location)
                }
                result.append(text)
            }
            return result
        }
    }

    var quotedDescription: String {
        if case .scalar(let text, _) = value { return "'\(text)'" }
        return kindDescription
    }
}
