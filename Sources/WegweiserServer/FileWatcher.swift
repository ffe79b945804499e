import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Reports changes below a site folder as batches of paths relative to it. On Linux through inotify:
/// one watch per folder, new folders watched as they appear, no polling. Events that arrive within
/// `settle` of each other (an editor's atomic save is a write and two moves) come as one batch.
/// Elsewhere it compares modification times twice a second.
public struct FileWatcher: Sendable {
    public let root: String
    /// Folders below the root to watch, with everything in them.
    public let folders: [String]
    /// Single files directly in the root.
    public let files: [String]
    public var settle: Duration = .milliseconds(15)

    public init(root: String, folders: [String], files: [String]) {
        self.root = root
        self.folders = folders
        self.files = files
    }

    /// Batches of changed paths until the stream's consumer stops listening. The watches are in place
    /// when this returns: a change made afterwards is never missed.
    public func changes() -> AsyncStream<[String]> {
        let (stream, continuation) = AsyncStream.makeStream(of: [String].self)
        let stop = StopFlag()
        continuation.onTermination = { _ in stop.value.store(true, ordering: .relaxed) }
        let watcher = self
        let started = DispatchSemaphore(value: 0)
        let thread = Thread { watcher.run(into: continuation, stop: stop, started: started) }
        thread.name = "wegweiser-watch"
        thread.start()
        started.wait()
        return stream
    }

    /// Whether a changed path is one the site is built from, not an editor's backup or lock file.
    func isRelevant(_ relative: String) -> Bool {
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".tmp") || name == "4913" {
            return false
        }
        let first = relative.split(separator: "/").first.map(String.init) ?? relative
        return folders.contains(first) || files.contains(relative)
    }

    private func run(into continuation: AsyncStream<[String]>.Continuation, stop: StopFlag, started: DispatchSemaphore) {
        #if os(Linux)
            watchWithInotify(into: continuation, stop: stop, started: started)
        #else
            pollModificationTimes(into: continuation, stop: stop, started: started)
        #endif
        continuation.finish()
    }

    #if os(Linux)
        private func watchWithInotify(into continuation: AsyncStream<[String]>.Continuation, stop: StopFlag, started: DispatchSemaphore) {
            let descriptor = inotify_init1(Int32(IN_CLOEXEC))
            guard descriptor >= 0 else { return pollModificationTimes(into: continuation, stop: stop, started: started) }
            defer { close(descriptor) }
            let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_ATTRIB)
            var folderOfWatch: [Int32: String] = [:]
            func watch(_ relative: String) {
                let path = relative.isEmpty ? root : root + "/" + relative
                let watchID = inotify_add_watch(descriptor, path, mask)
                guard watchID >= 0 else { return }
                folderOfWatch[watchID] = relative
                for child in Self.subfolders(of: path) { watch(relative.isEmpty ? child : relative + "/" + child) }
            }
            // The root itself only for its single files (site.yaml) and folders that appear later.
            let rootWatch = inotify_add_watch(descriptor, root, mask)
            if rootWatch >= 0 { folderOfWatch[rootWatch] = "" }
            for folder in folders where FileManager.default.fileExists(atPath: root + "/" + folder) { watch(folder) }
            started.signal()

            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var batch: [String] = []
            while !stop.value.load(ordering: .relaxed) {
                // Wait long when idle; once something changed, only `settle` for more to come.
                var pending = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let timeout = batch.isEmpty ? 200 : Int32(settle.components.seconds * 1000 + settle.components.attoseconds / 1_000_000_000_000_000)
                let ready = poll(&pending, 1, timeout)
                if ready <= 0 {
                    if !batch.isEmpty {
                        continuation.yield(batch)
                        batch = []
                    }
                    continue
                }
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { continue }
                var offset = 0
                while offset < count {
                    let (watchID, eventMask, name, size) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, String, Int) in
                        let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                        let nameStart = offset + MemoryLayout<inotify_event>.size
                        let nameBytes = raw[nameStart..<(nameStart + Int(event.len))].prefix { $0 != 0 }
                        return (event.wd, event.mask, String(decoding: nameBytes, as: UTF8.self),
                                MemoryLayout<inotify_event>.size + Int(event.len))
                    }
                    offset += size
                    guard let folder = folderOfWatch[watchID] else { continue }
                    if eventMask & UInt32(IN_IGNORED) != 0 { folderOfWatch[watchID] = nil }
                    guard !name.isEmpty else { continue }
                    let relative = folder.isEmpty ? name : folder + "/" + name
                    if eventMask & UInt32(IN_ISDIR) != 0, eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
                        folder.isEmpty ? folders.contains(name) : true
                    {
                        watch(relative)
                    }
                    if isRelevant(relative), !batch.contains(relative) { batch.append(relative) }
                }
            }
        }
    #endif

    private func pollModificationTimes(into continuation: AsyncStream<[String]>.Continuation, stop: StopFlag, started: DispatchSemaphore) {
        var known = snapshot()
        started.signal()
        while !stop.value.load(ordering: .relaxed) {
            Thread.sleep(forTimeInterval: 0.5)
            let now = snapshot()
            let changed = Set(known.keys).union(now.keys).filter { known[$0] != now[$0] }.sorted()
            if !changed.isEmpty { continuation.yield(changed) }
            known = now
        }
    }

    /// Modification times of every watched file.
    private func snapshot() -> [String: Date] {
        var times: [String: Date] = [:]
        let manager = FileManager.default
        for file in files {
            times[file] = (try? manager.attributesOfItem(atPath: root + "/" + file))?[.modificationDate] as? Date
        }
        for folder in folders {
            guard let walker = manager.enumerator(atPath: root + "/" + folder) else { continue }
            while let path = walker.nextObject() as? String {
                let relative = folder + "/" + path
                guard isRelevant(relative) else { continue }
                times[relative] = (walker.fileAttributes?[.modificationDate] as? Date)
            }
        }
        return times
    }

    private static func subfolders(of path: String) -> [String] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: path) else { return [] }
        return names.filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".") && manager.fileExists(atPath: path + "/" + name, isDirectory: &isFolder) && isFolder.boolValue
        }.sorted()
    }
}

/// Tells the watching thread to stop; set when nobody listens any more.
final class StopFlag: Sendable {
    let value = Atomic<Bool>(false)
}
