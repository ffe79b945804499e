import Synchronization

/// A file system in memory, for tests of steps that read or write files.
public final class MemoryFileSystem: FileSystem {
    private struct Storage {
        var files: [String: [UInt8]] = [:]
        var directories: Set<String> = ["/", ""]
        var times: [String: Double] = [:]
    }

    private let storage = Mutex(Storage())

    /// Starts with the given files (path → UTF-8 text); their folders exist too.
    public init(files: [String: String] = [:]) {
        for (path, text) in files { try? write(Array(text.utf8), to: path) }
    }

    public func kind(at path: String) -> FileKind? {
        let path = Self.normalize(path)
        return storage.withLock { storage in
            if storage.files[path] != nil { return .file }
            return storage.directories.contains(path) ? .directory : nil
        }
    }

    public func entries(at path: String) throws -> [DirectoryEntry] {
        let path = Self.normalize(path)
        return try storage.withLock { storage in
            guard storage.directories.contains(path) else { throw FileSystemError(path: path, reason: "No such directory") }
            let prefix = path.isEmpty || path == "/" ? path : path + "/"
            var result: [String: FileKind] = [:]
            for file in storage.files.keys where file.hasPrefix(prefix) {
                let rest = file.dropFirst(prefix.count)
                if let slash = rest.firstIndex(of: "/") { result[String(rest[..<slash])] = .directory } else { result[String(rest)] = .file }
            }
            for directory in storage.directories where directory.hasPrefix(prefix) && directory != path {
                let rest = directory.dropFirst(prefix.count)
                if !rest.isEmpty, !rest.contains("/") { result[String(rest)] = .directory }
            }
            return result.map { DirectoryEntry(name: $0.key, kind: $0.value) }.sorted { $0.name.precedesByBytes($1.name) }
        }
    }

    public func read(_ path: String) throws -> [UInt8] {
        let path = Self.normalize(path)
        guard let bytes = storage.withLock({ $0.files[path] }) else {
            throw FileSystemError(path: path, reason: "No such file or directory")
        }
        return bytes
    }

    public func write(_ bytes: some Collection<UInt8>, to path: String) throws {
        let path = Self.normalize(path)
        let array = Array(bytes)
        storage.withLock { storage in
            storage.files[path] = array
            var parent = path
            while let slash = parent.lastIndex(of: "/") {
                parent = String(parent[..<slash])
                storage.directories.insert(parent)
            }
        }
    }

    public func copy(_ source: String, to destination: String) throws {
        try write(read(source), to: destination)
    }

    public func createDirectory(_ path: String) throws {
        var path = Self.normalize(path)
        storage.withLock { storage in
            while !path.isEmpty {
                storage.directories.insert(path)
                guard let slash = path.lastIndex(of: "/") else { break }
                path = String(path[..<slash])
            }
        }
    }

    public func remove(_ path: String) throws {
        let path = Self.normalize(path)
        storage.withLock { storage in
            storage.files[path] = nil
            storage.directories.remove(path)
            storage.files = storage.files.filter { !$0.key.hasPrefix(path + "/") }
            storage.directories = storage.directories.filter { !$0.hasPrefix(path + "/") }
        }
    }

    public func move(_ source: String, to destination: String) throws {
        let source = Self.normalize(source), destination = Self.normalize(destination)
        try storage.withLock { storage in
            if let bytes = storage.files.removeValue(forKey: source) {
                storage.files[destination] = bytes
                return
            }
            guard storage.directories.contains(source) else { throw FileSystemError(path: source, reason: "No such file or directory") }
            storage.files = storage.files.filter { !$0.key.hasPrefix(destination + "/") }
            for (path, bytes) in storage.files where path.hasPrefix(source + "/") {
                storage.files[path] = nil
                storage.files[destination + path.dropFirst(source.count)] = bytes
            }
            storage.directories = Set(storage.directories.compactMap { directory in
                if directory.hasPrefix(destination + "/") || directory == destination { return nil }
                if directory == source { return destination }
                if directory.hasPrefix(source + "/") { return destination + directory.dropFirst(source.count) }
                return directory
            })
        }
    }

    public func modificationTime(of path: String) -> Double? {
        let path = Self.normalize(path)
        return storage.withLock { $0.times[path] ?? ($0.files[path] != nil ? 0 : nil) }
    }

    /// One process has the memory; there is nobody to wait for.
    public func withExclusiveLock<T>(on path: String, _ body: () async throws -> T) async throws -> T {
        try await body()
    }

    /// Sets a file's modification time, for tests of staleness.
    public func setModificationTime(_ time: Double, of path: String) {
        let path = Self.normalize(path)
        storage.withLock { $0.times[path] = time }
    }

    /// Every file and its text, for comparing a whole output in tests.
    public var allFiles: [String: [UInt8]] { storage.withLock { $0.files } }

    private static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." { parts.append(part) }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
