extension StringProtocol {
    /// The text without leading and trailing spaces and tabs — what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` gives (Unicode Zs, U+0009 and, in CoreFoundation's set,
    /// the zero-width space U+200B), without going through NSString, which made trimming a visible
    /// share of reading content.
    public func trimmingSpaces() -> String {
        trimming(where: Self.isSpace)
    }

    /// The text without leading and trailing spaces, tabs and line ends — Foundation's
    /// `.whitespacesAndNewlines` (Unicode Z*, U+0009–U+000D, U+0085).
    public func trimmingSpacesAndNewlines() -> String {
        trimming(where: Self.isSpaceOrNewline)
    }

    /// The text without leading and trailing blanks, line ends and punctuation (Unicode P*): what
    /// Foundation's `.whitespacesAndNewlines.union(.punctuationCharacters)` trims.
    public func trimmingSpacesNewlinesAndPunctuation() -> String {
        trimming { scalar in
            if Self.isSpaceOrNewline(scalar) { return true }
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                .finalPunctuation, .otherPunctuation:
                return true
            default:
                return false
            }
        }
    }

    private static func isSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        isSpace(scalar) || (0x0A...0x0D).contains(scalar.value) || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    private func trimming(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let end = scalars.index(after: scalars.lastIndex(where: { !isTrimmed($0) })!)
        return String(decoding: utf8[first..<end], as: UTF8.self)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t"
            || (scalar.value >= 0x80 && (scalar.value == 0x200B || scalar.properties.generalCategory == .spaceSeparator))
    }
}
