import Foundation

/// Folds text so that the spellings a reader may type meet the spelling on the page: the same steps at
/// index time (here) and at query time (`engine.mjs`, which mirrors this file rule by rule).
///
/// 1. Unicode NFKC (ligatures, full-width and presentation forms become plain letters).
/// 2. Lowercase; Greek final sigma as sigma.
/// 3. Canonical decomposition, then every nonspacing mark removed: umlauts and accents (ä → a),
///    Arabic tashkeel and shadda, hamza written above or below a carrier (أ إ آ → ا, ؤ → و, ئ → ي),
///    the dot of Turkish İ.
/// 4. Letters folded: ı → i, ß → ss, ø → o, æ → ae, œ → oe, ł → l, đ/ð → d, þ → th; Arabic and
///    Persian letter variants (ى ی → ي, ک → ك, ة ە ھ ہ → ه, ٱ → ا); tatweel removed; Arabic-Indic and
///    Persian digits → 0–9; apostrophes (' ’ ‘ ʼ `) → '; hyphens (‐ ‑) → -; soft hyphen, zero-width
///    joiner and byte-order mark removed; zero-width space → space. The zero-width non-joiner stays:
///    the tokenizer treats it as a joint inside a word.
/// 5. NFC, so that scripts whose letters decompose (Hangul) come back whole.
///
/// Every step but the last composition works scalar by scalar, so each scalar's result is computed
/// once and kept in a table; text with spacing marks or Hangul jamo, where composition across
/// scalars matters, takes the whole pipeline instead.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        String(encoding: normalizedScalars(text))
    }

    /// The normalized text as scalars, for the tokenizer.
    static func normalizedScalars(_ text: String) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(text.utf8.count)
        // The tables in locals: read through their globals, each scalar paid for a check that they
        // were made.
        let ascii = asciiTable, single = lowSingles, low = lowTable
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                output.append(ascii[Int(value)])
            } else if value < 0x800 {
                let mapped = single[Int(value) - 0x80]
                if mapped < 0x110000 {
                    output.append(Unicode.Scalar(mapped).unsafelyUnwrapped)
                } else if mapped == Self.dropped {
                    continue
                } else {
                    output.append(contentsOf: low[Int(value) - 0x80])
                }
            } else if let mapped = highTable[value] {
                output.append(contentsOf: mapped)
            } else if composes(scalar) {
                return Array(fullPipeline(text).unicodeScalars)
            } else {
                output.append(contentsOf: fullPipeline(String(scalar)).unicodeScalars)
            }
        }
        return output
    }

    /// The zero-width non-joiner, which Persian writes inside words (کلاس‌های).
    static let nonJoiner: Unicode.Scalar = "\u{200C}"

    /// The steps on a whole text.
    static func fullPipeline(_ text: String) -> String {
        let decomposed = text.precomposedStringWithCompatibilityMapping.lowercased().decomposedStringWithCanonicalMapping
        var folded = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark: continue
            default: fold(scalar, into: &folded)
            }
        }
        let result = String(folded)
        return result.unicodeScalars.allSatisfy(\.isASCII) ? result : result.precomposedStringWithCanonicalMapping
    }

    /// Scalars that may compose with their neighbours under NFC.
    private static func composes(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0xA960...0xA97F, 0xD7B0...0xD7FF: return true
        default: return scalar.properties.generalCategory == .spacingMark
        }
    }

    private static let asciiTable: [Unicode.Scalar] = (0..<0x80).map { value in
        let scalar = Unicode.Scalar(UInt8(value))
        if (0x41...0x5A).contains(value) { return Unicode.Scalar(UInt8(value + 0x20)) }
        return scalar == "`" ? "'" : scalar
    }

    /// Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Syriac, Thaana: one entry per scalar.
    private static let lowTable: [[Unicode.Scalar]] = (0x80..<0x800).map { value in
        Array(fullPipeline(String(Unicode.Scalar(UInt32(value))!)).unicodeScalars)
    }

    /// `lowTable` where an entry is one scalar (its value), none (`dropped`) or more (`several`).
    private static let lowSingles: [UInt32] = lowTable.map { $0.count == 1 ? $0[0].value : $0.isEmpty ? dropped : several }
    private static let dropped: UInt32 = 0xFFFF_FFFF
    private static let several: UInt32 = 0xFFFF_FFFE

    /// Further ranges our readers' texts use: Arabic supplements and presentation forms, punctuation
    /// and invisible characters, Latin Extended Additional (Vietnamese), ligatures, full-width forms.
    private static let highTable: [UInt32: [Unicode.Scalar]] = {
        let ranges: [ClosedRange<UInt32>] = [0x0800...0x08FF, 0x1E00...0x1FFF, 0x2000...0x206F, 0xFB00...0xFDFF, 0xFE70...0xFEFF, 0xFF00...0xFFEF]
        var table: [UInt32: [Unicode.Scalar]] = [:]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value), !composes(scalar) else { continue }
                table[value] = Array(fullPipeline(String(scalar)).unicodeScalars)
            }
        }
        return table
    }()

    private static func fold(_ scalar: Unicode.Scalar, into output: inout String.UnicodeScalarView) {
        switch scalar.value {
        case 0x0660...0x0669: output.append(Unicode.Scalar(scalar.value - 0x0660 + 0x30)!)
        case 0x06F0...0x06F9: output.append(Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!)
        default:
            if let replacement = replacements[scalar] {
                output.append(contentsOf: replacement.unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
    }

    private static let replacements: [Unicode.Scalar: String] = [
        "ı": "i", "ß": "ss", "ς": "σ", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
        "ħ": "h",
        // Arabic script: one form per letter.
        "\u{0649}": "\u{064A}", "\u{06CC}": "\u{064A}", "\u{06A9}": "\u{0643}", "\u{0629}": "\u{0647}",
        "\u{06D5}": "\u{0647}", "\u{06BE}": "\u{0647}", "\u{06C1}": "\u{0647}", "\u{0671}": "\u{0627}",
        "\u{0640}": "",
        // Joints and invisible characters.
        "\u{2019}": "'", "\u{2018}": "'", "\u{02BC}": "'", "`": "'", "\u{2010}": "-", "\u{2011}": "-",
        "\u{00AD}": "", "\u{200D}": "", "\u{FEFF}": "", "\u{2060}": "", "\u{200B}": " ",
    ]
}
