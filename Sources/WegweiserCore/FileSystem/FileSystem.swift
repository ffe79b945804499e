/// The kind of a file system entry, as far as a site build cares.
public enum FileKind: Sendable, Hashable {
    case file, directory
}

/// One entry of a folder listing.
public struct DirectoryEntry: Sendable, Hashable {
    public var name: String
    public var kind: FileKind

    public init(name: String, kind: FileKind) {
        self.name = name
        self.kind = kind
    }
}

/// The file operations a build needs, so that steps can be tested without a disk and only the
/// build step writes. Paths are POSIX paths; folders are created as needed by `write`.
public protocol FileSystem: Sendable {
    func kind(at path: String) -> FileKind?
    /// The folder's entries sorted by name; symbolic links are followed.
    func entries(at path: String) throws -> [DirectoryEntry]
    func read(_ path: String) throws -> [UInt8]
    func write(_ bytes: some Collection<UInt8>, to path: String) throws
    func copy(_ source: String, to destination: String) throws
    func createDirectory(_ path: String) throws
    func remove(_ path: String) throws
    func move(_ source: String, to destination: String) throws
    /// Seconds since 1970 of the last change, for staleness and rebuild checks.
    func modificationTime(of path: String) -> Double?
    /// Runs `body` while holding an exclusive lock on the file at `path` (made if missing); waits while
    /// another process holds it.
    func withExclusiveLock<T>(on path: String, _ body: () async throws -> T) async throws -> T
}

/// What went wrong with a file operation, with the path.
public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

extension FileSystem {
    /// Every file below `path`, as paths relative to it, in sorted order. Hidden entries are skipped
    /// unless `includeHidden` (then only `.git` folders and `.DS_Store` files are).
    public func filesRecursively(under path: String, includeHidden: Bool = false) throws -> [String] {
        var result: [String] = []
        func walk(_ relative: String) throws {
            let full = relative.isEmpty ? path : path + "/" + relative
            for entry in try entries(at: full) {
                if entry.name.hasPrefix("."), !includeHidden || entry.name == ".git" || entry.name == ".DS_Store" { continue }
                let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
                switch entry.kind {
                case .file: result.append(child)
                case .directory: try walk(child)
                }
            }
        }
        try walk("")
        return result
    }
}
