extension String {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }

    var trimmingTrailingWhitespace: String {
        let scalars = unicodeScalars
        guard let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[...end])
    }

    /// A byte-wise search, much cheaper than Foundation's locale-aware `contains` on long texts.
    func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        return haystack.withUTF8 { bytes in Self.firstMatch(of: Array(needle.utf8), in: bytes, from: 0) != nil }
    }

    /// Every occurrence of `target` replaced, byte-wise (Foundation's `replacingOccurrences` goes
    /// through NSString on Linux: a fifth of rendering Markdown bodies).
    func replacingBytes(_ target: String, with replacement: String) -> String {
        var haystack = self
        return haystack.withUTF8 { bytes in
            let pattern = Array(target.utf8)
            guard var match = Self.firstMatch(of: pattern, in: bytes, from: 0) else { return self }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 64)
            var copied = 0
            while true {
                output.append(contentsOf: bytes[copied..<match])
                output.append(contentsOf: replacement.utf8)
                copied = match + pattern.count
                guard let next = Self.firstMatch(of: pattern, in: bytes, from: copied) else { break }
                match = next
            }
            output.append(contentsOf: bytes[copied...])
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static func firstMatch(of pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = start
        while index <= bytes.count - pattern.count {
            if bytes[index] == first, (1..<pattern.count).allSatisfy({ bytes[index + $0] == pattern[$0] }) { return index }
            index += 1
        }
        return nil
    }
}
