extension String {
    /// Text safe inside HTML or XML element content and double-quoted attribute values.
    /// Control characters that HTML and XML forbid are dropped.
    public var htmlEscaped: String {
        guard utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) })
        else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + 16)
        for character in unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(character)
            case _ where character.value < 0x20: continue
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
