import Foundation

/// Writes JSON from plain values (`[String: Any]`, `[Any]`, strings, numbers, booleans) with sorted
/// keys, so the same input always gives the same bytes. Much cheaper than JSONSerialization for the
/// small objects a page carries, and safe inside HTML: `<`, `>` and `&` are escaped.
public enum JSONText {
    public static func encode(_ value: Any) -> String {
        var output = ""
        write(value, into: &output)
        return output
    }

    private static func write(_ value: Any, into output: inout String) {
        // Text and maps, the common values, are told by their type before any cast is tried.
        switch ObjectIdentifier(type(of: value)) {
        case stringType: return appendQuoted(value as! String, to: &output)
        case mapType: return writeObject(value as! [String: Any], into: &output)
        case stringsType:
            output += "["
            for (index, text) in (value as! [String]).enumerated() {
                if index > 0 { output += "," }
                appendQuoted(text, to: &output)
            }
            return output += "]"
        case mapsType:
            output += "["
            for (index, object) in (value as! [[String: Any]]).enumerated() {
                if index > 0 { output += "," }
                writeObject(object, into: &output)
            }
            return output += "]"
        case boolType: return output += (value as! Bool) ? "true" : "false"
        case intType: return output += String(value as! Int)
        default: break
        }
        switch value {
        case let text as String: appendQuoted(text, to: &output)
        case let flag as Bool: output += flag ? "true" : "false"
        case let number as Int: output += String(number)
        case let number as Double: output += self.number(number)
        case let object as [String: Any]: writeObject(object, into: &output)
        case let array as [Any]:
            output += "["
            for (index, element) in array.enumerated() {
                if index > 0 { output += "," }
                write(element, into: &output)
            }
            output += "]"
        default:
            output += "null"
        }
    }

    private static let stringType = ObjectIdentifier(String.self)
    private static let mapType = ObjectIdentifier([String: Any].self)
    private static let stringsType = ObjectIdentifier([String].self)
    private static let mapsType = ObjectIdentifier([[String: Any]].self)
    private static let boolType = ObjectIdentifier(Bool.self)
    private static let intType = ObjectIdentifier(Int.self)

    private static func writeObject(_ object: [String: Any], into output: inout String) {
        output += "{"
        for (index, member) in object.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { output += "," }
            appendQuoted(member.key, to: &output)
            output += ":"
            write(member.value, into: &output)
        }
        output += "}"
    }

    /// Appends `text` as a JSON string, for writers that build large JSON by hand. Runs of bytes that
    /// need no escape are copied whole.
    public static func appendQuoted(_ text: String, to output: inout String) {
        output += "\""
        quote(text, plain: { output += $0 }, run: { output += String(decoding: $0, as: UTF8.self) }, escape: { output += $0 })
        output += "\""
    }

    /// Appends `text` as a JSON string to UTF-8 bytes.
    public static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        quote(text, plain: { output.append(contentsOf: $0.utf8) }, run: { output.append(contentsOf: $0) }, escape: { output.append(contentsOf: $0.utf8) })
        output.append(UInt8(ascii: "\""))
    }

    /// Hands `text` on as JSON string content: whole when nothing in it needs an escape (`plain`), else
    /// as runs of bytes that need none and the escapes between them.
    private static func quote(
        _ text: String, plain: (String) -> Void, run: (UnsafeBufferPointer<UInt8>) -> Void, escape: (String) -> Void
    ) {
        var text = text
        // Most text needs no escape: then it is appended as it is, without a copy of each run.
        let isPlain = text.withUTF8 { bytes in
            !bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "<")
                || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") || $0 == 0xE2 }
        }
        if isPlain {
            plain(text)
            return
        }
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            func flush(upTo end: Int) {
                if end > runStart { run(UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
            }
            while index < bytes.count {
                let byte = bytes[index]
                var width = 1
                let replacement: String?
                switch byte {
                case UInt8(ascii: "\""): replacement = "\\\""
                case UInt8(ascii: "\\"): replacement = "\\\\"
                case UInt8(ascii: "\n"): replacement = "\\n"
                case UInt8(ascii: "\r"): replacement = "\\r"
                case UInt8(ascii: "\t"): replacement = "\\t"
                case UInt8(ascii: "<"): replacement = "\\u003c"
                case UInt8(ascii: ">"): replacement = "\\u003e"
                case UInt8(ascii: "&"): replacement = "\\u0026"
                case 0..<0x20: replacement = hexEscape(UInt32(byte))
                // U+2028 and U+2029 (E2 80 A8/A9) end a line in JavaScript.
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    replacement = hexEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    width = 3
                default: replacement = nil
                }
                if let replacement {
                    flush(upTo: index)
                    escape(replacement)
                    runStart = index + width
                }
                index += width
            }
            flush(upTo: bytes.count)
        }
    }

    /// A number as JSON writes it: whole numbers without a fraction, others as Swift prints them,
    /// and `null` for what JSON cannot hold (infinities, NaN).
    static func number(_ number: Double) -> String {
        number.isFinite ? (number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)) : "null"
    }

    private static func hexEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
