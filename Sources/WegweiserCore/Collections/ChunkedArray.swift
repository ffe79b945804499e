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

    /// Read in place: `pages[id].title` loads the title alone. (Through `_read`, a caller in another
    /// module got a copy of the whole element first: copying pages was 7 % of a build.) The address
    /// stays valid while this array holds the chunk, which is as long as the access lasts.
    @inlinable
    public subscript(position: Int) -> Element {
        unsafeAddress { address(of: position) }
        _modify {
            precondition(position >= 0 && position < count, "index out of range")
            yield &chunks[position >> Self.shift][position & Self.mask]
        }
    }
}

extension ChunkedArray {
    /// Where the element at `position` is, valid while this array holds its chunk unchanged: for
    /// addressors of types that keep a chunked array (`Site`'s pages).
    @inlinable
    public func address(of position: Int) -> UnsafePointer<Element> {
        precondition(position >= 0 && position < count, "index out of range")
        return chunks[position >> Self.shift].withUnsafeBufferPointer { UnsafePointer($0.baseAddress! + (position & Self.mask)) }
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}
