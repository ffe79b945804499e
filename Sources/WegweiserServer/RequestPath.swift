import Foundation

/// What a request's path asks for: an output path below the site, or nothing the server may answer.
/// Checked after percent-decoding, so `/%2e%2e/`, `/a/..%2f..%2f` and `\` separators are refused as
/// well as `/../`; a folder path (`/de/`) means its `index.html`.
public enum RequestPath {
    public enum Resolution: Equatable, Sendable {
        /// A path below the site's root, without a leading slash: `de/index.html`.
        case file(String)
        /// A path that leaves the site or cannot name a file in it.
        case invalid
    }

    public static func resolve(_ rawPath: String) -> Resolution {
        let path = rawPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard path.hasPrefix("/"), let decoded = path.removingPercentEncoding else { return .invalid }
        guard !decoded.contains("\0"), !decoded.contains("\\") else { return .invalid }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return .invalid }
        let isFolder = decoded.hasSuffix("/")
        let file = (segments + (isFolder ? ["index.html"] : [])).joined(separator: "/")
        return .file(file)
    }
}

/// The Content-Type for a file, by its extension.
public enum MediaTypes {
    public static func contentType(for path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        return types[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }

    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "json": "application/json", "map": "application/json", "webmanifest": "application/manifest+json",
        "xml": "application/xml; charset=utf-8", "rss": "application/rss+xml", "atom": "application/atom+xml",
        "ics": "text/calendar; charset=utf-8", "vcf": "text/vcard; charset=utf-8",
        "txt": "text/plain; charset=utf-8", "md": "text/markdown; charset=utf-8", "csv": "text/csv; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon", "bmp": "image/bmp",
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
        "pdf": "application/pdf", "zip": "application/zip", "mp4": "video/mp4", "webm": "video/webm",
        "mp3": "audio/mpeg", "ogg": "audio/ogg", "wasm": "application/wasm",
    ]
}
