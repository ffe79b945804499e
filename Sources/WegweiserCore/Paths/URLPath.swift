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
        !segment.isEmpty && segment != "." && segment != ".."
            && !segment.unicodeScalars.contains { $0 == "/" || $0 == "\\" || $0.properties.generalCategory == .control }
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
        description.unicodeScalars.reduce(into: "") { result, scalar in
            if scalar.isASCII, URLPath.allowed.contains(UInt8(scalar.value)) {
                result.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2) }
            }
        }
    }

    /// The path for an `href`: characters that are not allowed in a URL path (a space, quotes, `#`, `?`, `%` …)
    /// are percent-encoded; letters of every script stay readable, as HTML allows.
    public var hrefEncoded: String {
        let text = description
        guard text.unicodeScalars.contains(where: { $0.isASCII && !URLPath.allowed.contains(UInt8($0.value)) }) else { return text }
        return text.unicodeScalars.reduce(into: "") { result, scalar in
            if scalar.isASCII, !URLPath.allowed.contains(UInt8(scalar.value)) {
                result += "%" + String(UInt8(scalar.value), radix: 16, uppercase: true).leftPadded(to: 2)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }

    private static let allowed: Set<UInt8> = Set(
        Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/!$&'()*+,;=:@".utf8))

    public static func < (lhs: URLPath, rhs: URLPath) -> Bool { lhs.description < rhs.description }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
