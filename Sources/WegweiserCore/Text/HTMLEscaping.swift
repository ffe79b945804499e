extension String {
    /// Text safe inside HTML or XML element content and double-quoted attribute values.
    /// Control characters that HTML and XML forbid are dropped.
    public var htmlEscaped: String {
        var text = self
        let escaped = text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: { HTMLEscaping.special[Int($0)] }) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 32)
            output.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
                // Control characters other than tab and line ends are dropped: HTML forbids them.
                case 0x09, 0x0A, 0x0D: output.append(byte)
                case 0..<0x20: continue
                default: output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
        return escaped ?? self
    }
}

private enum HTMLEscaping {
    /// The bytes that `htmlEscaped` changes: the five markup characters and the control characters
    /// but tab and line ends (UTF-8 bytes of other characters are all 0x80 and above).
    static let special: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in 0..<0x20 where ![0x09, 0x0A, 0x0D].contains(byte) { table[byte] = true }
        for byte in "&<>\"'".utf8 { table[Int(byte)] = true }
        return table
    }()
}
