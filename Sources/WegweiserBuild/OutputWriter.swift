import Foundation
import WegweiserCore

/// Writes a build's files so that a failed build leaves the previous output exactly as it was and a
/// successful one leaves no stale files: everything goes to a staging folder beside the output,
/// which then takes the output's place.
struct OutputWriter: Sendable {
    let fileSystem: any FileSystem
    let outputDirectory: String
    let jobs: Int

    /// Writes and copies everything, then swaps the result in; returns the number of files.
    /// Top-level dot files of the old output (`.git`, `.gitkeep`, a host's `.well-known`) are kept.
    func commit(files: [OutputFile], copies: [FileCopy]) async throws(DiagnosticError) -> Int {
        try checkUniqueDestinations(files: files, copies: copies)
        let output = outputDirectory.hasSuffix("/") && outputDirectory.count > 1 ? String(outputDirectory.dropLast()) : outputDirectory
        let (parent, name) = Self.split(output)
        let staging = Self.join(parent, ".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fileSystem.createDirectory(parent.isEmpty ? "." : parent)
            try removeLeftovers(in: parent, name: name)
            try fileSystem.createDirectory(staging)
        } catch {
            throw DiagnosticError("cannot prepare the output folder \(output): \(error)", at: nil)
        }
        let failures = await write(files: files, copies: copies, into: staging)
        guard failures.isEmpty else {
            try? fileSystem.remove(staging)
            throw DiagnosticError(failures)
        }
        do {
            try swap(staging, into: output, parent: parent, name: name)
        } catch {
            try? fileSystem.remove(staging)
            throw DiagnosticError("cannot replace \(output): \(error)", at: nil)
        }
        return files.count + copies.count
    }

    private func checkUniqueDestinations(files: [OutputFile], copies: [FileCopy]) throws(DiagnosticError) {
        var seen: [String: String] = [:]
        var diagnostics = Diagnostics()
        for file in files { seen[file.path] = seen[file.path] ?? "a generated page" }
        for copy in copies {
            if let first = seen[copy.destination] {
                diagnostics.error("\(copy.destination) would be written twice (also by \(first)); rename one of them", at: SourceLocation(file: copy.displaySource))
            }
            seen[copy.destination] = copy.displaySource
        }
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics.all) }
    }

    private func write(files: [OutputFile], copies: [FileCopy], into staging: String) async -> [Diagnostic] {
        let fileSystem = self.fileSystem
        let written = await files.concurrentMap(jobs: jobs, chunkSize: 64) { file -> Diagnostic? in
            do {
                try fileSystem.write(file.bytes, to: Self.join(staging, file.path))
                return nil
            } catch {
                return .error("cannot write \(file.path): \(error)", at: nil)
            }
        }
        let copied = await copies.concurrentMap(jobs: jobs, chunkSize: 16) { copy -> Diagnostic? in
            do {
                try fileSystem.copy(copy.source, to: Self.join(staging, copy.destination))
                return nil
            } catch {
                return .error("cannot copy to \(copy.destination): \(error)", at: SourceLocation(file: copy.displaySource))
            }
        }
        return (written + copied).compactMap { $0 }
    }

    /// Folders that a killed build left behind; an old output that still holds dot files (a `.git`)
    /// is left alone rather than risk them.
    private func removeLeftovers(in parent: String, name: String) throws {
        for entry in try fileSystem.entries(at: parent.isEmpty ? "." : parent) {
            let path = Self.join(parent, entry.name)
            if entry.name.hasPrefix(".\(name).staging-") {
                try fileSystem.remove(path)
            } else if entry.name.hasPrefix(".\(name).old-"), try !fileSystem.entries(at: path).contains(where: { $0.name.hasPrefix(".") }) {
                try fileSystem.remove(path)
            }
        }
    }

    /// Puts the staging folder in the output's place, then moves the old output's dot files over.
    private func swap(_ staging: String, into output: String, parent: String, name: String) throws {
        guard fileSystem.kind(at: output) != nil else {
            try fileSystem.move(staging, to: output)
            return
        }
        let old = Self.join(parent, ".\(name).old-\(ProcessInfo.processInfo.processIdentifier)")
        try fileSystem.move(output, to: old)
        do {
            try fileSystem.move(staging, to: output)
        } catch {
            try? fileSystem.move(old, to: output)
            throw error
        }
        var keptAll = true
        for entry in (try? fileSystem.entries(at: old)) ?? [] where entry.name.hasPrefix(".") {
            let target = Self.join(output, entry.name)
            if fileSystem.kind(at: target) != nil { continue }
            do { try fileSystem.move(Self.join(old, entry.name), to: target) } catch { keptAll = false }
        }
        if keptAll { try? fileSystem.remove(old) }
    }

    static func split(_ path: String) -> (parent: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        let parent = String(path[..<slash])
        return (parent.isEmpty ? "/" : parent, String(path[path.index(after: slash)...]))
    }

    static func join(_ directory: String, _ path: String) -> String {
        directory.isEmpty ? path : (directory.hasSuffix("/") ? directory + path : directory + "/" + path)
    }
}
