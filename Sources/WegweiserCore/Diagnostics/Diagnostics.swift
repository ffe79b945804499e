/// Collects the messages of one step, so that a run reports every problem it finds, not only the first.
public struct Diagnostics: Sendable, Equatable {
    public private(set) var all: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic] = []) {
        self.all = diagnostics
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    public var isEmpty: Bool { all.isEmpty }

    public mutating func error(_ message: String, at location: SourceLocation?) {
        all.append(.error(message, at: location))
    }

    public mutating func warning(_ message: String, at location: SourceLocation?) {
        all.append(.warning(message, at: location))
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        all.append(contentsOf: other)
    }

    /// Sorted and without repeats: the order of messages never depends on scheduling.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.sorted().filter { seen.insert($0).inserted }
    }

    /// Runs `body`, turning a thrown `DiagnosticError` into collected messages; returns nil when it threw.
    public mutating func collect<T>(_ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch let error as DiagnosticError {
            all.append(contentsOf: error.diagnostics)
            return nil
        } catch {
            all.append(.error("\(error)", at: nil))
            return nil
        }
    }
}

/// An error made of located messages; thrown where a step cannot go on.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ message: String, at location: SourceLocation?) {
        self.diagnostics = [.error(message, at: location)]
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
