extension String {
    /// Text safe inside HTML or XML element content and double-quoted attribute values.
    /// Control characters that HTML and XML forbid are dropped.
    public var htmlEscaped: String {
        guard let first = HTMLEscaping.firstSpecial(in: self) else { return self }
        var output = ""
        HTMLEscaping.append(self, from: first, to: &output)
        return output
    }

    /// Appends `text` escaped as `htmlEscaped` does, without making the escaped text on its own first.
    public mutating func appendHTMLEscaped(_ text: String) {
        guard let first = HTMLEscaping.firstSpecial(in: text) else {
            self += text
            return
        }
        HTMLEscaping.append(text, from: first, to: &self)
    }
}

private enum HTMLEscaping {
    /// The bytes that `htmlEscaped` changes: the five markup characters and the control characters
    /// but tab and line ends (UTF-8 bytes of other characters are all 0x80 and above).
    @inline(__always)
    static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        case 0x09, 0x0A, 0x0D: false
        case 0..<0x20: true
        default: false
        }
    }

    /// The offset of the first byte to change, nil when the text can be written as it is.
    static func firstSpecial(in text: String) -> Int? {
        // withUTF8 reads short (inline) texts too, from a copy on the stack.
        var text = text
        return text.withUTF8 { bytes in
            for index in bytes.indices where isSpecial(bytes[index]) { return index }
            return nil
        }
    }

    static func append(_ text: String, from first: Int, to output: inout String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 32)
        bytes.append(contentsOf: text.utf8.prefix(first))
        for byte in text.utf8.dropFirst(first) {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): bytes.append(contentsOf: "&#39;".utf8)
            // Control characters other than tab and line ends are dropped: HTML forbids them.
            case 0..<0x20 where isSpecial(byte): continue
            default: bytes.append(byte)
            }
        }
        output += String(decoding: bytes, as: UTF8.self)
    }
}
