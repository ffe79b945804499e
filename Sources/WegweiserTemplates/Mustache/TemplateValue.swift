import WegweiserContent

/// A value as templates see it. Render contexts are made of these (the parts every page shares once
/// per language), so that rendering looks names up with a switch instead of a dynamic cast per
/// lookup; contexts of plain dictionaries and arrays (tests, tools) are converted by `init(_:)`.
public enum TemplateValue: Sendable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case list([TemplateValue])
    case map(TemplateMap)
    /// A key that is present without a value: found (it stops the lookup), but false and empty.
    case null

    /// Converts dictionaries, arrays, strings, numbers and booleans; anything else becomes its
    /// description, and nil becomes `.null`.
    public init(_ value: Any) {
        // The common types are told by their metadata, then cast once: a chain of failing casts
        // (a dictionary failed five before it matched) was a tenth of all rendering time.
        switch ObjectIdentifier(type(of: value)) {
        case Known.string: self = .string(value as! String)
        case Known.map: self = .map(TemplateMap((value as! [String: Any]).mapValues(TemplateValue.init(_:))))
        case Known.maps: self = .list((value as! [[String: Any]]).map { .map(TemplateMap($0.mapValues(TemplateValue.init(_:)))) })
        case Known.strings: self = .list((value as! [String]).map(TemplateValue.string))
        case Known.list: self = .list((value as! [Any]).map(TemplateValue.init(_:)))
        case Known.bool: self = .bool(value as! Bool)
        case Known.int: self = .int(value as! Int)
        case Known.value: self = value as! TemplateValue
        default: self.init(casting: value)
        }
    }

    private enum Known {
        static let string = ObjectIdentifier(String.self)
        static let map = ObjectIdentifier([String: Any].self)
        static let maps = ObjectIdentifier([[String: Any]].self)
        static let strings = ObjectIdentifier([String].self)
        static let list = ObjectIdentifier([Any].self)
        static let bool = ObjectIdentifier(Bool.self)
        static let int = ObjectIdentifier(Int.self)
        static let value = ObjectIdentifier(TemplateValue.self)
    }

    private init(casting value: Any) {
        switch value {
        case let value as TemplateValue: self = value
        case let text as String: self = .string(text)
        case let flag as Bool: self = .bool(flag)
        case let number as Int: self = .int(number)
        case let number as Double: self = .double(number)
        case let map as [String: Any]: self = .map(TemplateMap(map.mapValues(TemplateValue.init(_:))))
        case let list as [Any]: self = .list(list.map(TemplateValue.init(_:)))
        case let optional as OptionalValue:
            if let wrapped = optional.wrapped { self.init(wrapped) } else { self = .null }
        case let text as Substring: self = .string(String(text))
        default: self = .string(String(describing: value))
        }
    }

    /// The value of `name` when this is a map.
    func child(_ name: String) -> TemplateValue? {
        if case .map(let map) = self { return map[name] }
        return nil
    }

    /// The value of `name` when this is a map, with the name's hash (`TemplateMap.hash`) known.
    func child(_ name: String, hash: UInt64) -> TemplateValue? {
        if case .map(let map) = self { return map.value(for: name, hash: hash) }
        return nil
    }

    /// A transform of swift-mustache's set: `empty`, `count`, `first`, `last`, `reversed` on lists;
    /// `empty`, `count` on maps; `empty`, `uppercased`, `lowercased`, `capitalized`, `reversed` on
    /// text; `equalzero`, `plusone`, `minusone`, `even`, `odd` on numbers. Nil when it does not apply.
    func transform(_ name: String) -> TemplateValue? {
        switch self {
        case .list(let items):
            switch name {
            case "empty": return .bool(items.isEmpty)
            case "count": return .int(items.count)
            case "first": return items.first
            case "last": return items.last
            case "reversed": return .list(items.reversed())
            default: return nil
            }
        case .map(let map):
            switch name {
            case "empty": return .bool(map.isEmpty)
            case "count": return .int(map.count)
            default: return nil
            }
        case .string(let text):
            switch name {
            case "empty": return .bool(text.isEmpty)
            case "uppercased": return .string(text.uppercased())
            case "lowercased": return .string(text.lowercased())
            case "capitalized": return .string(text.capitalizedWords)
            case "reversed": return .string(String(text.reversed()))
            default: return nil
            }
        case .int(let number):
            switch name {
            case "equalzero": return .bool(number == 0)
            case "plusone": return .int(number + 1)
            case "minusone": return .int(number - 1)
            case "even": return .bool(number & 1 == 0)
            case "odd": return .bool(number & 1 == 1)
            default: return nil
            }
        case .bool, .double, .null:
            return nil
        }
    }

    /// The text a variable tag writes (before escaping). Lists and maps write nothing.
    var text: String {
        switch self {
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .list, .map, .null: ""
        }
    }
}

/// Lets `TemplateValue.init` see through an `Optional` stored in an `Any`.
private protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrapped: Any? { self.map { $0 as Any } }
}

extension String {
    /// Every word with its first letter upper-cased, the rest lower-cased: "hello world" → "Hello World".
    fileprivate var capitalizedWords: String {
        var result = ""
        var atWordStart = true
        for character in self {
            if character.isWhitespace {
                atWordStart = true
                result.append(character)
            } else if atWordStart {
                result += character.uppercased()
                atWordStart = false
            } else {
                result += character.lowercased()
            }
        }
        return result
    }
}

/// Render contexts are written as literals of template values: `["title": .string(page.title), "is_list": true]`.
extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .map(TemplateMap(pairs: elements))
    }
}

extension TemplateValue {
    /// A front matter or site.yaml value for templates (nil for null): maps and lists as they are
    /// (a null in a list becomes ""), quoted scalars as text, unquoted ones as booleans or numbers
    /// where they look like one.
    init?(_ node: DataNode) {
        switch node.value {
        case .null: return nil
        case .list(let items): self = .list(items.map { TemplateValue($0) ?? .string("") })
        case .map(let entries):
            var result = TemplateMap(minimumCapacity: entries.count)
            for entry in entries { result[entry.key] = TemplateValue(entry.value) }
            self = .map(result)
        case .scalar(let text, let quoted):
            if quoted {
                self = .string(text)
                return
            }
            switch text {
            case "true", "True", "TRUE": self = .bool(true)
            case "false", "False", "FALSE": self = .bool(false)
            default:
                if let number = Int(text) {
                    self = .int(number)
                } else if text.contains("."), let number = Double(text), number.isFinite {
                    self = .double(number)
                } else {
                    self = .string(text)
                }
            }
        }
    }
}
