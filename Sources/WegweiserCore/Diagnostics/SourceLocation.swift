/// A place in a source file, as editors count it: lines and columns start at 1, columns count characters.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file as the user should see it: relative to the working directory when possible.
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = max(1, line)
        self.column = max(1, column)
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// The same place, moved down by `lines` (for text embedded in a file, like a Markdown body).
    public func offset(lines: Int, column: Int? = nil) -> SourceLocation {
        SourceLocation(file: file, line: line + lines, column: column ?? self.column)
    }
}
