import Foundation
import WegweiserCore

/// When each content file last changed, for translation status: the time of the last git commit that
/// touched it, or its modification time when it has changes git does not know yet, or when the site is
/// not in a git repository. Git is asked twice per build, for the whole of content/ and data/.
struct ChangeTimes {
    /// What git knows of the files below some folders: when each committed one last changed, and
    /// which ones have changes not committed yet.
    struct History: Sendable {
        var committed: [String: Date] = [:]
        var uncommitted: Set<String> = []
    }

    /// Paths relative to the site folder (`content/reports/x.de.md`) → when they last changed.
    static func read(siteDirectory: String, paths: [String], fileSystem: any FileSystem) -> [String: Date] {
        // A few files (an update in `wegweiser serve`) are asked for by name.
        let scope = paths.count <= 20 ? paths : ["content", "data"]
        guard !scope.isEmpty else { return [:] }
        return times(of: paths, history: history(siteDirectory: siteDirectory, scope: scope), siteDirectory: siteDirectory, fileSystem: fileSystem)
    }

    /// Git asked twice, for the whole of `scope`.
    static func history(siteDirectory: String, scope: [String]) -> History {
        let uncommitted = git(["ls-files", "--modified", "--others", "--exclude-standard", "--"] + scope, in: siteDirectory)?
            .split(separator: "\n").map(String.init) ?? []
        return History(committed: gitCommitTimes(in: siteDirectory, scope: scope), uncommitted: Set(uncommitted))
    }

    /// When each of `paths` last changed: its last commit's time, else (changed since, or not in git)
    /// its modification time.
    static func times(of paths: [String], history: History, siteDirectory: String, fileSystem: any FileSystem) -> [String: Date] {
        var times: [String: Date] = [:]
        times.reserveCapacity(paths.count)
        for path in paths {
            if !history.uncommitted.contains(path), let time = history.committed[path] {
                times[path] = time
            } else if let seconds = fileSystem.modificationTime(of: BuildOptions.join(siteDirectory, path)) {
                times[path] = Date(timeIntervalSince1970: seconds)
            }
        }
        return times
    }

    /// Every file of `scope` that git has, with the time of the newest commit touching it.
    private static func gitCommitTimes(in directory: String, scope: [String]) -> [String: Date] {
        guard let log = git(["log", "--format=%x00%ct", "--name-only", "--relative", "--"] + scope, in: directory) else { return [:] }
        var times: [String: Date] = [:]
        var current: Date?
        for line in log.split(separator: "\n") {
            if line.first == "\0" {
                current = Double(line.dropFirst()).map(Date.init(timeIntervalSince1970:))
            } else if let current, times[String(line)] == nil {
                times[String(line)] = current  // the log runs newest first
            }
        }
        return times
    }

    /// git's output, or nil when git is missing or the folder is in no repository.
    private static func git(_ arguments: [String], in directory: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory, "-c", "core.quotePath=false"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
