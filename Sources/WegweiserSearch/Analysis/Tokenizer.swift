/// Splits normalized text into words: runs of letters, digits and spacing marks. An apostrophe, hyphen
/// or zero-width non-joiner between two runs joins them into one token (`day-care`, `burgeramt'ta`,
/// Persian `کلاس‌ها`), which yields its parts run together (`daycare`) and then each part of two or
/// more letters (`day`, `care`), so that either spelling finds it.
public enum Tokenizer {
    /// Tokens longer than this are not words a reader types (hashes, long numbers, run-together URLs).
    public static let maximumLength = 48

    /// The words of `normalized`, in order.
    public static func words(in normalized: String) -> [String] {
        var words: [String] = []
        forEachWord(in: Array(normalized.unicodeScalars)) { words.append($0) }
        return words
    }

    /// Calls `body` with each word of the scalars, in order, without collecting them.
    static func forEachWord(in scalars: [Unicode.Scalar], _ body: (String) -> Void) {
        forEachWordScalars(in: scalars) { body(String(encoding: $0)) }
    }

    /// Calls `body` with the scalars of each word, valid during the call: no string is made of a word
    /// that an analyzer has seen before.
    static func forEachWordScalars(in scalars: [Unicode.Scalar], _ body: (UnsafeBufferPointer<Unicode.Scalar>) -> Void) {
        var parts: [Range<Int>] = []
        var joined: [Unicode.Scalar] = []
        scalars.withUnsafeBufferPointer { all in
            var start = 0  // of the current part
            var end = 0  // after the current part's last scalar; == start when there is none
            var joint = false
            func finish() {
                if end > start { parts.append(start..<end) }
                if !parts.isEmpty, parts.reduce(0, { $0 + $1.count }) <= maximumLength {
                    if parts.count == 1 {
                        body(UnsafeBufferPointer(rebasing: all[parts[0]]))
                    } else {
                        joined.removeAll(keepingCapacity: true)
                        for part in parts { joined.append(contentsOf: all[part]) }
                        joined.withUnsafeBufferPointer(body)
                        for part in parts where part.count >= 2 { body(UnsafeBufferPointer(rebasing: all[part])) }
                    }
                }
                parts.removeAll(keepingCapacity: true)
                joint = false
            }
            let low = lowWordScalars  // in a local: a global is checked for being made on every read
            for index in all.indices {
                let scalar = all[index]
                if scalar.value < 0x800 ? low[Int(scalar.value)] : isWordCategory(scalar) {
                    if joint {
                        parts.append(start..<end)
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
        }
    }

    static func isJoint(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "-" || scalar == TextNormalizer.nonJoiner
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

extension String {
    /// Scalars encoded to UTF-8 straight into a new string's storage: appending them one by one to a
    /// `String.UnicodeScalarView` took half of all indexing time.
    init(encoding scalars: some Collection<Unicode.Scalar>) {
        var length = 0
        for scalar in scalars { length += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: length) { buffer in
            var at = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[at] = byte
                    at += 1
                }
            }
            return at
        }
    }
}
