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
        // Lines are found by their bytes: a fence is ASCII, and byte offsets are valid string indices
        // at line starts.
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        func nextLine() -> (line: Substring.UTF8View, next: String.Index)? {
            guard lineStart < bytes.endIndex else { return nil }
            let end = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            var trimmedEnd = end
            while trimmedEnd > lineStart {
                let last = bytes[bytes.index(before: trimmedEnd)]
                guard last == 0x20 || last == 0x09 || last == 0x0D else { break }
                trimmedEnd = bytes.index(before: trimmedEnd)
            }
            return (text[lineStart..<trimmedEnd].utf8, end < bytes.endIndex ? bytes.index(after: end) : end)
        }
        let format: Format
        let closers: [String]
        switch nextLine().map({ String(Substring($0.line)) }) ?? "" {
        case "---": (format, closers) = (.yaml, ["---", "..."])
        case "+++": (format, closers) = (.toml, ["+++"])
        default: return FrontMatterBlock(format: .none, text: "", firstLine: 1, body: text, bodyLine: 1)
        }
        lineStart = nextLine()!.next
        let frontMatterStart = lineStart
        var lineNumber = 2
        while let (line, next) = nextLine() {
            if closers.contains(where: { $0.utf8.elementsEqual(line) }) {
                return FrontMatterBlock(
                    format: format, text: String(text[frontMatterStart..<lineStart]), firstLine: 2,
                    body: String(text[next...]), bodyLine: lineNumber + 1)
            }
            lineNumber += 1
            lineStart = next
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
