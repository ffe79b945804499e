import Foundation
import WegweiserCore

/// Writes a build's files so that a failed build leaves the previous output exactly as it was and a
/// successful one leaves no stale files: everything goes to a staging folder beside the output,
/// which then takes the output's place.
struct OutputWriter: Sendable {
    let fileSystem: any FileSystem
    let outputDirectory: String
    let jobs: Int

    /// The file that marks a folder as a Wegweiser output, so a build never replaces a folder of other files.
    static let marker = ".wegweiser-output"
    /// Beside the output folder: serialises builds into the same place (like Hugo's `.hugo_build.lock`).
    static let lockName = ".wegweiser-build.lock"

    /// The staging folder while a build fills it: pages are written as they are rendered, so that their
    /// text need not stay in memory until the end.
    struct Staging: Sendable {
        let fileSystem: any FileSystem
        let path: String
        /// Every path written here is claimed first, so that no two outputs share one.
        let claims = DestinationClaims()

        /// Writes one file now; a failure comes back as a diagnostic.
        func write(_ file: OutputFile) -> Diagnostic? {
            write(file.bytes, to: file.path)
        }

        /// Writes `bytes` (a rendered page's text as it is, without a copy) to `file`.
        func write(_ bytes: some Collection<UInt8>, to file: String) -> Diagnostic? {
            do {
                try fileSystem.write(bytes, to: OutputWriter.join(path, file))
                return nil
            } catch {
                return .error("cannot write \(file): \(error)", at: nil)
            }
        }
    }

    /// Lets `produce` write into a staging folder (it claims the paths it writes and returns their
    /// number), copies the copies once no output has their paths, then swaps the result in;
    /// returns the number of files. When
    /// anything fails the staging folder goes and the previous output stays exactly as it was.
    /// Top-level dot files of the old output (`.git`, `.gitkeep`, a host's `.well-known`) are kept.
    func commit(
        copies: [FileCopy], produce: (Staging) async throws(DiagnosticError) -> Int
    ) async throws(DiagnosticError) -> Int {
        let output = outputDirectory.hasSuffix("/") && outputDirectory.count > 1 ? String(outputDirectory.dropLast()) : outputDirectory
        let (parent, name) = Self.split(output)
        do {
            try fileSystem.createDirectory(parent.isEmpty ? "." : parent)
        } catch {
            throw DiagnosticError("cannot create the folder \(parent): \(error)", at: nil)
        }
        do {
            return try await fileSystem.withExclusiveLock(on: Self.join(parent, Self.lockName)) {
                try await commitLocked(copies: copies, output: output, parent: parent, name: name, produce: produce)
            }
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError("cannot lock \(Self.join(parent, Self.lockName)): \(error)", at: nil)
        }
    }

    private func commitLocked(
        copies: [FileCopy], output: String, parent: String, name: String,
        produce: (Staging) async throws(DiagnosticError) -> Int
    ) async throws(DiagnosticError) -> Int {
        try checkIsOwnOutput(output)
        let staging = Self.join(parent, ".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try removeLeftovers(in: parent, name: name)
            try fileSystem.createDirectory(staging)
            try fileSystem.write(Array("Written by Wegweiser: a build replaces this folder as a whole.\n".utf8), to: Self.join(staging, Self.marker))
        } catch {
            throw DiagnosticError("cannot prepare the output folder \(output): \(error)", at: nil)
        }
        do throws(DiagnosticError) {
            let target = Staging(fileSystem: fileSystem, path: staging)
            let written = try await produce(target)
            try target.claims.claim(copies.map { ($0.destination, Optional(SourceLocation(file: $0.displaySource))) })
            releaseInBackground(consume target)
            let failures = await copy(copies, into: staging)
            guard failures.isEmpty else { throw DiagnosticError(failures) }
            do {
                try swap(staging, into: output, parent: parent, name: name)
            } catch {
                throw DiagnosticError("cannot replace \(output): \(error)", at: nil)
            }
            return written + copies.count
        } catch {
            try? fileSystem.remove(staging)
            throw error
        }
    }

    /// A build replaces its output folder; a folder with files but without the marker is someone else's.
    private func checkIsOwnOutput(_ output: String) throws(DiagnosticError) {
        guard fileSystem.kind(at: output) == .directory else {
            if fileSystem.kind(at: output) == .file {
                throw DiagnosticError("the output \(output) is a file; choose a folder with --output", at: nil)
            }
            return
        }
        let entries = (try? fileSystem.entries(at: output)) ?? []
        if entries.contains(where: { !$0.name.hasPrefix(".") }) && !entries.contains(where: { $0.name == Self.marker }) {
            throw DiagnosticError(
                "the output folder \(output) holds files that Wegweiser did not write, and a build replaces the folder "
                    + "as a whole; empty it or choose another --output", at: nil)
        }
    }

    private func copy(_ copies: [FileCopy], into staging: String) async -> [Diagnostic] {
        let fileSystem = self.fileSystem
        let copied = await copies.concurrentMap(jobs: jobs, chunkSize: 16) { copy -> Diagnostic? in
            do {
                try fileSystem.copy(copy.source, to: Self.join(staging, copy.destination))
                return nil
            } catch {
                return .error("cannot copy to \(copy.destination): \(error)", at: SourceLocation(file: copy.displaySource))
            }
        }
        return copied.compactMap { $0 }
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
