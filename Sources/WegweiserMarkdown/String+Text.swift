import Foundation

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
        guard let first = pattern.first, bytes.count >= pattern.count, let base = bytes.baseAddress else { return nil }
        var index = start
        // memchr finds each candidate first byte (a rendered page is searched several times).
        while index <= bytes.count - pattern.count {
            guard let found = memchr(base + index, Int32(first), bytes.count - pattern.count - index + 1) else { return nil }
            let candidate = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if pattern.withUnsafeBufferPointer({ memcmp(base + candidate, $0.baseAddress!, pattern.count) == 0 }) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}
