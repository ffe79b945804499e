/// An array kept in chunks of 256 elements. A copy shares the chunks, and changing one element of a
/// copy copies only its chunk (and the list of chunks), not every element: `wegweiser serve` changes a
/// few pages of a site of 50,000 while the previous site is still being served.
/// Inlinable, so that other modules read and write elements without generic value witnesses.
@frozen
public struct ChunkedArray<Element> {
    @usableFromInline static var shift: Int { 8 }
    @usableFromInline static var mask: Int { (1 << shift) - 1 }
    @usableFromInline var chunks: [[Element]] = []
    @usableFromInline var storedCount = 0

    @inlinable public var count: Int { storedCount }

    @inlinable
    public init() {}

    @inlinable
    public init<S: Sequence>(_ elements: S) where S.Element == Element {
        for element in elements { append(element) }
    }

    @inlinable
    public mutating func append(_ element: Element) {
        if count & Self.mask == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.mask + 1)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        storedCount += 1
    }
}

extension ChunkedArray: RandomAccessCollection, MutableCollection {
    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    @inlinable
    public subscript(position: Int) -> Element {
        _read {
            precondition(position >= 0 && position < count, "index out of range")
            yield chunks[position >> Self.shift][position & Self.mask]
        }
        _modify {
            precondition(position >= 0 && position < count, "index out of range")
            yield &chunks[position >> Self.shift][position & Self.mask]
        }
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}
