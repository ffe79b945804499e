import Foundation

/// Turns titles, tags and headings into URL segments and HTML ids.
public enum Slug {
    /// The other way, for a title where none is written: "integration-reports" → "Integration reports".
    public static func words(of segment: String) -> String {
        let words = String(segment.map { $0 == "-" || $0 == "_" ? " " : $0 })
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// A lowercase, hyphenated form that keeps letters and digits of every script:
    /// "Über uns – Beratung!" → "über-uns-beratung", "مركز الإرشاد" → "مركز-الإرشاد".
    public static func make(from text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return makeFromASCII(text) }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        let composed = isComposed(text) ? text : text.precomposedStringWithCanonicalMapping
        let low = lowRoles  // in a local: a global is checked for being made on every read
        for scalar in composed.lowercased().unicodeScalars {
            switch scalar.value < 0x800 ? low[Int(scalar.value)] : role(of: scalar) {
            case .kept:
                if pendingHyphen && !result.isEmpty { result.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                UTF8.encode(scalar) { result.append($0) }
            case .separator:
                pendingHyphen = true
            case .dropped:
                continue
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private enum Role { case kept, separator, dropped }

    /// What a scalar does in a slug.
    private static func role(of scalar: Unicode.Scalar) -> Role {
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark || scalar == "_" || scalar == "\u{200C}"
        {
            return .kept
        }
        if scalar == "-" || properties.isWhitespace || properties.generalCategory == .dashPunctuation || scalar == "/" || scalar == "." {
            return .separator
        }
        // The zero-width non-joiner stays: in Persian it is part of the word's spelling.
        // Other punctuation and symbols disappear, as in GitHub's heading ids.
        return .dropped
    }

    /// `role(of:)` of the scalars below U+0800 (Latin, Greek, Cyrillic, Hebrew, Arabic…), looked up
    /// once: their properties were most of the time of a slug.
    private static let lowRoles: [Role] = (0..<0x800).map { role(of: Unicode.Scalar(UInt32($0))!) }

    /// Whether `text` is in NFC already, by a test that is sure for the scripts below U+0900 (Latin,
    /// Greek, Cyrillic, Armenian, Hebrew, Arabic…): composition there needs a combining mark (a
    /// scalar of non-zero combining class), and the only singletons are U+0374, U+037E and U+0387.
    /// Other text goes through Foundation's normalization, which was most of the time of a slug.
    static func isComposed(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar.value < 0x300
                || (scalar.value >= 0x370 && scalar.value < 0x900 && scalar.value != 0x374 && scalar.value != 0x37E
                    && scalar.value != 0x387 && scalar.properties.canonicalCombiningClass == .notReordered)
        }
    }

    /// The same rules for ASCII text, byte by byte: no normalization or case mapping through
    /// Foundation needed (headings are slugged for their ids on every page).
    private static func makeFromASCII(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"),
                UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingHyphen && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte)
            // Hyphen, space, tab, line feed, vertical tab, form feed, carriage return, slash, full stop.
            case UInt8(ascii: "-"), 0x20, 0x09...0x0D, UInt8(ascii: "/"), UInt8(ascii: "."):
                pendingHyphen = true
            default:
                continue
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
