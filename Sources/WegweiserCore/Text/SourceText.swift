import Foundation

/// Decodes a source file's bytes as UTF-8, pointing at the first bad byte when they are not.
public enum SourceText {
    /// The text without a byte order mark; throws a located error for invalid UTF-8 or a NUL byte.
    public static func decode(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> String {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw DiagnosticError(
                "the file is UTF-16; save it as UTF-8", at: SourceLocation(file: file))
        }
        let body = bytes[start...]
        // One pass for the bytes below 0x20: a NUL makes the file invalid, others are cleaned.
        let (hasNUL, hasControl) = body.withUnsafeBufferPointer { buffer in
            var control = false
            for byte in buffer where byte < 0x20 {
                if byte == 0 { return (true, true) }
                if byte != 0x09 && byte != 0x0A { control = true }
            }
            return (false, control)
        }
        if !hasNUL, let text = String(validating: body, as: UTF8.self) {
            return hasControl ? cleaned(text) : text
        }
        let (offset, what) = firstInvalidByte(in: body)
        let location = self.location(ofByte: offset, in: body, file: file)
        throw DiagnosticError(
            "\(what) at byte \(offset + start); the file must be UTF-8 (re-save it with UTF-8 encoding)",
            at: location)
    }

    /// Windows line ends become `\n`, so every reader sees the same lines; control characters that
    /// HTML and XML forbid (all of C0 but tab and line breaks) are dropped.
    static func cleaned(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A }) else { return text }
        var result = text.replacingOccurrences(of: "\r\n", with: "\n")
        if result.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A }) {
            result.unicodeScalars.removeAll { $0.value < 0x20 && $0 != "\t" && $0 != "\n" }
        }
        return result
    }

    private static func firstInvalidByte(in bytes: ArraySlice<UInt8>) -> (offset: Int, what: String) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value == 0 { return (offset, "a NUL byte") }
                offset += UTF8.width(scalar)
            case .emptyInput:
                return (offset, "invalid UTF-8")
            case .error:
                return (offset, String(format: "invalid UTF-8 byte 0x%02X", bytes[bytes.startIndex + offset]))
            }
        }
    }

    /// Line and column (in characters of the valid text before it) of a byte offset.
    private static func location(ofByte offset: Int, in bytes: ArraySlice<UInt8>, file: String) -> SourceLocation {
        let before = bytes[bytes.startIndex..<(bytes.startIndex + offset)]
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? before.startIndex
        let column = String(decoding: before[lineStart...], as: UTF8.self).count + 1
        return SourceLocation(file: file, line: line, column: column)
    }
}
