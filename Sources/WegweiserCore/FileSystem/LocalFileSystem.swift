import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real disk, through POSIX calls: a site build reads and writes tens of thousands of small
/// files, and FileManager's per-call overhead shows at that scale.
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func kind(at path: String) -> FileKind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return nil
        }
    }

    public func entries(at path: String) throws -> [DirectoryEntry] {
        let result = try rawEntries(path).compactMap { name, type -> DirectoryEntry? in
            let kind: FileKind?
            switch type {
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_REG): kind = .file
            default: kind = self.kind(at: path + "/" + name)  // links and file systems without d_type
            }
            return kind.map { DirectoryEntry(name: name, kind: $0) }
        }
        return result.sorted { $0.name.precedesByBytes($1.name) }
    }

    public func read(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw error(path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw error(path) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while true {
            if offset == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 4096)) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw error(path)
            }
            if count == 0 { break }
            offset += count
        }
        bytes.removeSubrange(offset...)
        return bytes
    }

    public func write(_ bytes: some Collection<UInt8>, to path: String) throws {
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try createDirectory(String(path[..<slash]))
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw error(path) }
        defer { close(descriptor) }
        let written: Bool? = bytes.withContiguousStorageIfAvailable { buffer in
            writeAll(descriptor, UnsafeRawBufferPointer(buffer))
        }
        let succeeded = written ?? Array(bytes).withUnsafeBytes { writeAll(descriptor, $0) }
        guard succeeded else { throw error(path) }
    }

    private func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }

    public func copy(_ source: String, to destination: String) throws {
        try write(read(source), to: destination)
    }

    public func createDirectory(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST && kind(at: path) == .directory { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex else { throw error(path) }
        try createDirectory(String(path[..<slash]))
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw error(path) }
    }

    public func remove(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR {
            for entry in try rawEntries(path) { try remove(path + "/" + entry.name) }
            guard rmdir(path) == 0 else { throw error(path) }
        } else {
            guard unlink(path) == 0 else { throw error(path) }
        }
    }

    /// The names in a folder with their `d_type`, unsorted, without `.` and `..`.
    private func rawEntries(_ path: String) throws -> [(name: String, type: Int32)] {
        guard let directory = opendir(path) else { throw error(path) }
        defer { closedir(directory) }
        var result: [(name: String, type: Int32)] = []
        // A dirent is only as long as its name: read the fields in place, never copy the whole struct
        // (that reads past the end of the last record of readdir's buffer).
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!
        while let entry = readdir(directory) {
            let raw = UnsafeRawPointer(entry)
            let name = String(cString: raw.advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
            let type = raw.load(fromByteOffset: typeOffset, as: UInt8.self)
            if name != "." && name != ".." { result.append((name, Int32(type))) }
        }
        return result
    }

    public func move(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else { throw error(source) }
    }

    public func modificationTime(of path: String) -> Double? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
    }

    public func withExclusiveLock<T>(on path: String, _ body: () async throws -> T) async throws -> T {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw error(path) }
        defer { close(descriptor) }
        // Polling with a sleep keeps the waiting task off a blocked thread.
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw error(path) }
            try await Task.sleep(for: .milliseconds(50))
        }
        defer { flock(descriptor, LOCK_UN) }
        return try await body()
    }

    private func error(_ path: String) -> FileSystemError {
        FileSystemError(path: path, reason: String(cString: strerror(errno)))
    }
}
