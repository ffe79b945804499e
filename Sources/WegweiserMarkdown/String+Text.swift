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
        return haystack.withUTF8 { bytes in
            let pattern = Array(needle.utf8)
            guard let first = pattern.first, bytes.count >= pattern.count else { return false }
            var index = 0
            while index <= bytes.count - pattern.count {
                if bytes[index] == first, (1..<pattern.count).allSatisfy({ bytes[index + $0] == pattern[$0] }) { return true }
                index += 1
            }
            return false
        }
    }
}
