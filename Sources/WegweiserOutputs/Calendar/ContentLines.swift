/// Lines of iCalendar (RFC 5545) and vCard (RFC 6350): escaped values, folded at 75 octets, CRLF.
struct ContentLines {
    private(set) var text = ""

    /// A property with a text value, escaped.
    mutating func add(_ name: String, text value: String) {
        add(name, raw: Self.escape(value))
    }

    /// A property whose value is already in its final form (dates, URIs, lists).
    mutating func add(_ name: String, raw value: String) {
        fold(name + ":" + value)
    }

    /// Backslash, semicolon, comma and line breaks escaped as the formats require.
    static func escape(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n": result += "\\n"
            case "\r": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a character.
    private mutating func fold(_ line: String) {
        var count = 0
        var first = true
        for character in line {
            let size = String(character).utf8.count
            if count + size > (first ? 75 : 74) {
                text += "\r\n "
                count = 0
                first = false
            }
            text.append(character)
            count += size
        }
        text += "\r\n"
    }
}
