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
        trimming { Self.isSpace($0) || (0x0A...0x0D).contains($0.value) || $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029 }
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
