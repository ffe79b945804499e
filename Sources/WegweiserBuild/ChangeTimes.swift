import Foundation
import WegweiserCore

/// When each content file last changed, for translation status: the time of the last git commit that
/// touched it, or its modification time when it has changes git does not know yet, or when the site is
/// not in a git repository. Git is asked twice per build, for the whole of content/ and data/.
struct ChangeTimes {
    /// Paths relative to the site folder (`content/reports/x.de.md`) → when they last changed.
    static func read(siteDirectory: String, paths: [String], fileSystem: any FileSystem) -> [String: Date] {
        // A few files (an update in `wegweiser serve`) are asked for by name.
        let scope = paths.count <= 20 ? paths : ["content", "data"]
        guard !scope.isEmpty else { return [:] }
        let committed = gitCommitTimes(in: siteDirectory, scope: scope)
        let uncommitted = Set(git(["ls-files", "--modified", "--others", "--exclude-standard", "--"] + scope, in: siteDirectory)?
            .split(separator: "\n").map(String.init) ?? [])
        var times: [String: Date] = [:]
        for path in paths {
            if !uncommitted.contains(path), let time = committed[path] {
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
