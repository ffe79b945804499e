#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension String {
    /// Whether this text's UTF-8 bytes sort before `other`'s: the order folders are listed in, stable
    /// and the same on every machine (as `ls` with `LC_ALL=C`). Compared with `memcmp`; the generic
    /// `utf8.lexicographicallyPrecedes` took a fifth of scanning a content folder.
    public func precedesByBytes(_ other: String) -> Bool {
        let compared = utf8.withContiguousStorageIfAvailable { left in
            other.utf8.withContiguousStorageIfAvailable { right in
                let common = Swift.min(left.count, right.count)
                let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
                return order != 0 ? order < 0 : left.count < right.count
            }
        }
        if let compared, let compared { return compared }
        return utf8.lexicographicallyPrecedes(other.utf8)
    }
}
