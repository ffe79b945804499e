/// The maps of template contexts (`page`, `site`, a list's entries). Every page builds dozens of them
/// and every tag looks names up through them, so they avoid what `Dictionary` pays per key: keys are
/// hashed with FNV-1a (no seed, a few cycles for the short names of contexts), names in templates
/// carry their hash from parsing, and a small map is searched in one pass over its entries' hashes.
/// Larger maps add a table of slots. Setting a key again replaces its value, as in a dictionary.
public struct TemplateMap: Sendable {
    private struct Entry: Sendable {
        var hash: UInt64
        var key: String
        var value: TemplateValue
    }

    private var entries: [Entry] = []
    /// Open addressing over `entries` (index + 1; 0 is empty) once a map has more than `linearLimit`
    /// keys; a power of two at least twice the number of entries.
    private var slots: [Int32] = []
    private static let linearLimit = 8

    public init() {}

    public init(minimumCapacity: Int) {
        entries.reserveCapacity(minimumCapacity)
    }

    /// Keys and values in order; a key given again replaces its value.
    public init(pairs: [(String, TemplateValue)]) {
        self.init(minimumCapacity: pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    public init(_ dictionary: [String: TemplateValue]) {
        self.init(minimumCapacity: dictionary.count)
        for (key, value) in dictionary { self[key] = value }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    /// The map as a dictionary (for tests and tools).
    public var dictionary: [String: TemplateValue] {
        Dictionary(entries.map { ($0.key, $0.value) }) { _, last in last }
    }

    public subscript(key: String) -> TemplateValue? {
        get { value(for: key, hash: Self.hash(key)) }
        set {
            let hash = Self.hash(key)
            if let index = index(of: key, hash: hash) {
                if let newValue {
                    entries[index].value = newValue
                } else {
                    entries.remove(at: index)
                    rebuildSlots()
                }
            } else if let newValue {
                append(Entry(hash: hash, key: key, value: newValue))
            }
        }
    }

    /// The value of `key`, whose hash (`TemplateMap.hash(key)`) the caller has.
    func value(for key: String, hash: UInt64) -> TemplateValue? {
        guard let index = index(of: key, hash: hash) else { return nil }
        return entries[index].value
    }

    /// Sets every key of `other` here, replacing values this map has.
    public mutating func merge(_ other: TemplateMap) {
        entries.reserveCapacity(entries.count + other.entries.count)
        for entry in other.entries {
            if let index = index(of: entry.key, hash: entry.hash) {
                entries[index].value = entry.value
            } else {
                append(entry)
            }
        }
    }

    /// Adds an entry whose key the map does not have.
    private mutating func append(_ entry: Entry) {
        entries.append(entry)
        guard entries.count > Self.linearLimit else { return }
        if entries.count * 2 > slots.count { rebuildSlots() } else { insertSlot(for: entries.count - 1) }
    }

    /// FNV-1a over the key's UTF-8 bytes.
    static func hash(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    private func index(of key: String, hash: UInt64) -> Int? {
        entries.withUnsafeBufferPointer { entries in
            if slots.isEmpty {
                for index in entries.indices where entries[index].hash == hash && entries[index].key == key { return index }
                return nil
            }
            return slots.withUnsafeBufferPointer { slots in
                let mask = slots.count - 1
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let stored = Int(slots[slot])
                    if stored == 0 { return nil }
                    if entries[stored - 1].hash == hash && entries[stored - 1].key == key { return stored - 1 }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    private mutating func rebuildSlots() {
        guard entries.count > Self.linearLimit else {
            slots = []
            return
        }
        var capacity = 16
        while capacity < entries.count * 2 { capacity *= 2 }
        slots = [Int32](repeating: 0, count: capacity)
        for index in entries.indices { insertSlot(for: index) }
    }

    private mutating func insertSlot(for index: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entries[index].hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index + 1)
    }
}

extension TemplateMap: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(pairs: elements)
    }
}
