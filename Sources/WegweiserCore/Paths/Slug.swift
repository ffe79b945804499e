import Foundation

/// Turns titles, tags and headings into URL segments and HTML ids.
public enum Slug {
    /// A lowercase, hyphenated form that keeps letters and digits of every script:
    /// "Über uns – Beratung!" → "über-uns-beratung", "مركز الإرشاد" → "مركز-الإرشاد".
    public static func make(from text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in text.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
                || properties.generalCategory == .spacingMark || scalar == "_" || scalar == "\u{200C}"
            {
                if pendingHyphen && !result.isEmpty { result += "-" }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else if scalar == "-" || properties.isWhitespace || properties.generalCategory == .dashPunctuation
                || scalar == "/" || scalar == "."
            {
                pendingHyphen = true
            }
            // The zero-width non-joiner stays: in Persian it is part of the word's spelling.
            // Other punctuation and symbols disappear, as in GitHub's heading ids.
        }
        return result
    }
}
