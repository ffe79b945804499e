import WegweiserCore

/// A value read from YAML or TOML, with the place it was written: front matter, site.yaml, i18n files.
///
/// Scalars stay text until a field asks for a type, so that `wheelchair: no` can mean the word
/// "no" while `draft: no` means false, and every conversion error can point at its line.
public struct DataNode: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        /// Text as written; `quoted` when the source made it a string (YAML quotes, TOML strings).
        case scalar(String, quoted: Bool)
        case list([DataNode])
        case map([DataEntry])
        case null
    }

    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// The entry's value for `key` when this is a map.
    public subscript(key: String) -> DataNode? {
        guard case .map(let entries) = value else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// The entries when this is a map, else nothing.
    public var entries: [DataEntry] {
        if case .map(let entries) = value { return entries }
        return []
    }

    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// What a YAML reader would call this node, for messages: "text", "a list", "a map".
    public var kindDescription: String {
        switch value {
        case .scalar: "text"
        case .list: "a list"
        case .map: "a map"
        case .null: "nothing"
        }
    }
}

/// A key and its value in a map, with the key's own place.
public struct DataEntry: Sendable, Hashable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: DataNode

    public init(key: String, keyLocation: SourceLocation, value: DataNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
