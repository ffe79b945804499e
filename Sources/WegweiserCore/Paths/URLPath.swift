/// A path inside the generated site, from its root: `/de/reports/stralsund/` or `/de/feed.xml`.
///
/// A path that ends in `/` is a folder whose page is `index.html`. Paths never contain `.` or `..`
/// segments, so no path can point outside the output folder.
public struct URLPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public private(set) var segments: [String]
    public private(set) var isDirectory: Bool

    public static let root = URLPath(segments: [], isDirectory: true)

    public init(segments: [String], isDirectory: Bool) {
        self.segments = segments
        self.isDirectory = isDirectory || segments.isEmpty
    }

    /// Parses `/a/b/`, `a/b` or `/a/file.xml`; nil when a segment is unsafe (`..`, a control character, a backslash).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard parts.allSatisfy(URLPath.isSafeSegment) else { return nil }
        self.init(segments: parts, isDirectory: text.hasSuffix("/") || parts.isEmpty)
    }

    /// Whether a single segment can be used as a file or folder name in the output.
    public static func isSafeSegment(_ segment: String) -> Bool {
        guard !segment.isEmpty, segment != ".", segment != ".." else { return false }
        // ASCII by bytes (C0 controls and DEL are the ASCII scalars of category Cc); the rest by category.
        if segment.utf8.allSatisfy({ $0 < 0x80 }) {
            return !segment.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }
        }
        return !segment.unicodeScalars.contains { $0 == "/" || $0 == "\\" || $0.properties.generalCategory == .control }
    }

    /// The path of a folder inside this one; `segment` must be safe (checked where it was read).
    public func appending(_ segment: String) -> URLPath {
        precondition(Self.isSafeSegment(segment), "unsafe path segment '\(segment)'")
        return URLPath(segments: segments + [segment], isDirectory: true)
    }

    public func appending(file name: String) -> URLPath {
        precondition(Self.isSafeSegment(name), "unsafe path segment '\(name)'")
        return URLPath(segments: segments + [name], isDirectory: false)
    }

    /// The path as written in the site: `/de/reports/x/`.
    public var description: String {
        segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + (isDirectory ? "/" : "")
    }

    /// The file that holds this path's content, relative to the output folder: `de/reports/x/index.html`.
    public var outputFile: String {
        isDirectory ? (segments + ["index.html"]).joined(separator: "/") : segments.joined(separator: "/")
    }

    /// The path with every character outside the URL path set percent-encoded, for XML and HTTP headers.
    public var percentEncoded: String {
        Self.encoding(description) { byte in byte >= 0x80 || !Self.allowed[Int(byte)] }
    }

    /// The path for an `href`: characters that are not allowed in a URL path (a space, quotes, `#`, `?`, `%` …)
    /// are percent-encoded; letters of every script stay readable, as HTML allows.
    public var hrefEncoded: String {
        Self.encoding(description) { byte in byte < 0x80 && !Self.allowed[Int(byte)] }
    }

    /// `text` with every UTF-8 byte that `needsEncoding` picks written as `%XX`.
    private static func encoding(_ text: String, where needsEncoding: (UInt8) -> Bool) -> String {
        guard text.utf8.contains(where: needsEncoding) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 3)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            if needsEncoding(byte) {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Which ASCII characters a URL path may hold as they are, by code.
    private static let allowed: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for byte in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/!$&'()*+,;=:@".utf8 { table[Int(byte)] = true }
        return table
    }()

    public static func < (lhs: URLPath, rhs: URLPath) -> Bool { lhs.description < rhs.description }
}
