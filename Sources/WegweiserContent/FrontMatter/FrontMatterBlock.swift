import WegweiserCore

/// A content file cut into its front matter and its Markdown body.
public struct FrontMatterBlock: Sendable, Hashable {
    public enum Format: Sendable, Hashable {
        case yaml, toml, none
    }

    public var format: Format
    public var text: String
    /// The line of the first front matter line, below the opening fence.
    public var firstLine: Int
    public var body: String
    /// The line of the body's first line.
    public var bodyLine: Int

    /// Splits `---` YAML or `+++` TOML front matter from the body; text without a fence is all body.
    public static func split(_ text: String, file: String) throws(DiagnosticError) -> FrontMatterBlock {
        var lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let opening = lines.first.map { $0.trimmingSuffix { $0 == " " || $0 == "\t" || $0 == "\r" } } ?? ""
        let format: Format
        let closers: [Substring]
        switch opening {
        case "---": (format, closers) = (.yaml, ["---", "..."])
        case "+++": (format, closers) = (.toml, ["+++"])
        default: return FrontMatterBlock(format: .none, text: "", firstLine: 1, body: text, bodyLine: 1)
        }
        let rest = lines.count > 1 ? lines.removeLast() : ""
        var lineNumber = 2
        var cursor = rest.startIndex
        while cursor < rest.endIndex {
            let lineEnd = rest[cursor...].firstIndex(of: "\n") ?? rest.endIndex
            let line = rest[cursor..<lineEnd].trimmingSuffix { $0 == " " || $0 == "\t" || $0 == "\r" }
            if closers.contains(line) {
                let bodyStart = lineEnd < rest.endIndex ? rest.index(after: lineEnd) : lineEnd
                return FrontMatterBlock(
                    format: format, text: String(rest[rest.startIndex..<cursor]), firstLine: 2,
                    body: String(rest[bodyStart...]), bodyLine: lineNumber + 1)
            }
            lineNumber += 1
            cursor = lineEnd < rest.endIndex ? rest.index(after: lineEnd) : lineEnd
        }
        let fence = format == .yaml ? "---" : "+++"
        throw DiagnosticError(
            "the front matter that starts here is never closed; add a line with '\(fence)' after it", at: SourceLocation(file: file))
    }

    /// The front matter as located data; nil when there is none.
    public func read(file: String) throws(DiagnosticError) -> DataNode? {
        switch format {
        case .none: return nil
        case .yaml: return try YAMLReader.read(text, file: file, lineOffset: firstLine - 1)
        case .toml: return try TOMLReader.read(text, file: file, lineOffset: firstLine - 1)
        }
    }
}

extension Substring {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
