/// A word of normalized text: its parts, as written between joints (`day-care`, `burgeramt'ta`,
/// Persian words with a zero-width non-joiner), and the parts run together.
public struct Token: Sendable, Hashable {
    public var parts: [String]

    public init(parts: [String]) { self.parts = parts }

    /// The parts without their joints: `daycare`.
    public var joined: String { parts.joined() }
}

/// Splits normalized text into words: runs of letters, digits and spacing marks; an apostrophe,
/// hyphen or zero-width non-joiner between two such runs joins them into one token.
public enum Tokenizer {
    /// Words longer than this are not words a reader types (hashes, long numbers, run-together URLs).
    public static let maximumLength = 48

    public static func tokens(in normalized: String) -> [Token] {
        tokens(in: Array(normalized.unicodeScalars))
    }

    static func tokens(in scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var parts: [String] = []
        var start = 0  // of the current part
        var end = 0  // after the current part's last scalar; == start when there is none
        var joint = false
        func part(_ range: Range<Int>) -> String {
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[range])
            return String(text)
        }
        func finish() {
            if end > start { parts.append(part(start..<end)) }
            if !parts.isEmpty, parts.reduce(0, { $0 + $1.unicodeScalars.count }) <= maximumLength {
                tokens.append(Token(parts: parts))
            }
            parts = []
            joint = false
        }
        for (index, scalar) in scalars.enumerated() {
            if isWordScalar(scalar) {
                if joint {
                    parts.append(part(start..<end))
                    joint = false
                    start = index
                } else if end <= start || end != index {
                    start = index
                }
                end = index + 1
            } else if isJoint(scalar), end > start, end == index, !joint {
                joint = true
            } else {
                finish()
                start = index
                end = index
            }
        }
        finish()
        return tokens
    }

    static func isJoint(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "-" || scalar == TextNormalizer.nonJoiner
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x800 ? lowWordScalars[Int(scalar.value)] : isWordCategory(scalar)
    }

    private static let lowWordScalars: [Bool] = (0..<0x800).map { isWordCategory(Unicode.Scalar(UInt32($0))!) }

    private static func isWordCategory(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .spacingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
