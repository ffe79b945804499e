import Synchronization
import WegweiserCore

/// The paths of a build's outputs, claimed as each kind is made (pages before they are written,
/// then feeds and the like, search indexes, copies): every path once, and no file where another
/// file needs a folder (`de/feed.xml` as a page's folder). A clash is reported at what asked for
/// the later file: a slug, an alias, a static file. Each path is looked at once, however many
/// kinds follow it.
final class DestinationClaims: Sendable {
    fileprivate struct Claims {
        /// Each file → what asked for it.
        var owners: [String: SourceLocation?] = [:]
        /// Each folder some file needs → the first file that needs it.
        var folders: [String: (path: String, origin: SourceLocation?)] = [:]
    }

    private let claims = Mutex(Claims())

    /// Claims `outputs`; their clashes with each other and with earlier claims are errors.
    func claim(_ outputs: [(path: String, origin: SourceLocation?)]) throws(DiagnosticError) {
        let diagnostics = claims.withLock { claims in claims.claim(outputs) }
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics.sorted) }
    }
}

extension DestinationClaims.Claims {
    mutating func claim(_ outputs: [(path: String, origin: SourceLocation?)]) -> Diagnostics {
        var diagnostics = Diagnostics()
        owners.reserveCapacity(owners.count + outputs.count)
        for output in outputs {
            if let first = owners[output.path] {
                diagnostics.error(
                    "\(output.path) would be written twice (also for \(Self.describe(first, path: output.path))); "
                        + "change the slug, alias or file name", at: output.origin ?? first)
            } else {
                owners[output.path] = output.origin
            }
            if let needing = folders[output.path] {
                diagnostics.error(folderClash(needing.path, folder: output.path, owner: output.origin), at: needing.origin ?? output.origin)
            }
            // Byte-wise: a path's folders end at its slashes, and a slash is never part of another
            // character. A folder known already has had its own folders looked at.
            let bytes = output.path.utf8
            var end = bytes.endIndex
            while let slash = bytes[..<end].lastIndex(of: UInt8(ascii: "/")) {
                end = slash
                let folder = String(output.path[..<slash])
                guard folders[folder] == nil else { break }
                folders[folder] = (output.path, output.origin)
                if let owner = owners[folder] {
                    diagnostics.error(folderClash(output.path, folder: folder, owner: owner), at: output.origin ?? owner)
                }
            }
        }
        return diagnostics
    }

    private func folderClash(_ path: String, folder: String, owner: SourceLocation?) -> String {
        "\(path) needs a folder \(folder), which is also a file (for \(Self.describe(owner, path: folder))); "
            + "change the slug, alias or file name"
    }

    private static func describe(_ origin: SourceLocation?, path: String) -> String {
        if let origin { return origin.description }
        if path == "sitemap.xml" || path.hasSuffix("/sitemap.xml") { return "the sitemap" }
        if path.hasSuffix("feed.xml") { return "a feed" }
        if path == "robots.txt" { return "robots.txt" }
        if path == "index.html" { return "the language chooser at the root" }
        if path.hasPrefix("assets/") { return "the theme's assets" }
        return "a generated page"
    }
}
