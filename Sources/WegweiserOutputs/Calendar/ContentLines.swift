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

    /// Lines written before, as they are.
    mutating func append(_ lines: ContentLines) {
        text += lines.text
    }

    /// Backslash, semicolon, comma and line breaks escaped as the formats require.
    static func escape(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x5C || $0 == 0x3B || $0 == 0x2C || $0 == 0x0A || $0 == 0x0D }) else { return value }
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
        guard line.utf8.count > 75 else {
            text += line
            text += "\r\n"
            return
        }
        // ASCII (most lines: dates, addresses, URIs) folds by bytes: each byte is a character.
        let bytes = line.utf8
        if !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) {
            var start = bytes.startIndex
            var limit = 75
            while bytes.distance(from: start, to: bytes.endIndex) > limit {
                let end = bytes.index(start, offsetBy: limit)
                text += line[start..<end]
                text += "\r\n "
                start = end
                limit = 74
            }
            text += line[start...]
            text += "\r\n"
            return
        }
        var count = 0
        var limit = 75
        var chunkStart = line.startIndex
        var index = line.startIndex
        while index < line.endIndex {
            let next = line.index(after: index)
            let size = line.utf8.distance(from: index, to: next)
            if count + size > limit {
                text += line[chunkStart..<index]
                text += "\r\n "
                chunkStart = index
                count = 0
                limit = 74
            }
            count += size
            index = next
        }
        text += line[chunkStart...]
        text += "\r\n"
    }
}
