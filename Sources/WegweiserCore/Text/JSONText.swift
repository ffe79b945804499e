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
        switch value {
        case let text as String: appendQuoted(text, to: &output)
        case let flag as Bool: output += flag ? "true" : "false"
        case let number as Int: output += String(number)
        case let number as Double:
            output += number.isFinite ? (number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)) : "null"
        case let object as [String: Any]:
            output += "{"
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                appendQuoted(key, to: &output)
                output += ":"
                write(object[key]!, into: &output)
            }
            output += "}"
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

    /// Appends `text` as a JSON string, for writers that build large JSON by hand.
    public static func appendQuoted(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<": output += "\\u003c"
            case ">": output += "\\u003e"
            case "&": output += "\\u0026"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                output += String(format: "\\u%04x", scalar.value)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
