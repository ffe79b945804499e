import Foundation
import WegweiserBuild
import WegweiserCore

/// Prints a build's messages and summary: compiler-style lines on standard error, a one-line
/// summary on standard output, or one JSON object for tools.
struct ReportPrinter {
    var format: OutputFormat
    var quiet: Bool
    var verbose: Bool
    var colors = Terminal.colorsEnabled(for: FileHandle.standardError)

    func print(_ report: BuildReport) {
        switch format {
        case .json:
            write(json(report) + "\n", to: .standardOutput)
        case .text:
            for diagnostic in report.diagnostics.sorted { write(line(for: diagnostic) + "\n", to: .standardError) }
            if verbose {
                for step in report.steps { write("  \(step.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(Self.milliseconds(step.duration))\n", to: .standardOutput) }
            }
            if !quiet || !report.succeeded { write(summary(report) + "\n", to: report.succeeded ? .standardOutput : .standardError) }
            if !quiet, report.succeeded, !report.pagesPerType.isEmpty { write(table(report), to: .standardOutput) }
        }
    }

    func summary(_ report: BuildReport) -> String {
        let warnings = report.diagnostics.warnings.count
        let warningText = warnings == 0 ? "" : " with \(warnings) warning\(warnings == 1 ? "" : "s")"
        guard report.succeeded else {
            let errors = report.diagnostics.errors.count
            return "Build failed: \(errors) error\(errors == 1 ? "" : "s")\(warningText); \(report.outputDirectory) is unchanged."
        }
        let total = report.pagesPerLanguage.reduce(0) { $0 + $1.count }
        let perLanguage = report.pagesPerLanguage.map { "\($0.language) \($0.count)" }.joined(separator: ", ")
        return "Built \(total) pages (\(perLanguage)) in \(Self.seconds(report.duration))\(warningText) → \(report.outputDirectory)"
    }

    /// Pages per kind and language, with the totals:
    ///
    ///             de   en   ar
    ///     report   5    5    3
    ///     …
    ///     total   19   19   17
    func table(_ report: BuildReport) -> String {
        let languages = report.pagesPerLanguage.map(\.language)
        var rows = report.pagesPerType.map { row in [row.type] + languages.map { String(row.counts[$0] ?? 0) } }
        rows.append(["total"] + report.pagesPerLanguage.map { String($0.count) })
        let header = [""] + languages.map(\.rawValue)
        return Self.columns([header] + rows, alignRight: { $0 > 0 }).map { "  " + $0 }.joined(separator: "\n") + "\n"
    }

    /// Rows of cells as lines of aligned columns, two spaces apart, without trailing spaces.
    static func columns(_ rows: [[String]], alignRight: (Int) -> Bool = { _ in false }) -> [String] {
        let widths = (rows.first ?? []).indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { cells in
            var line = cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return alignRight(column) ? padding + cell : cell + padding
            }.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    func line(for diagnostic: Diagnostic) -> String {
        guard colors else { return diagnostic.description }
        let color = diagnostic.severity == .error ? "\u{1B}[1;31m" : diagnostic.severity == .warning ? "\u{1B}[1;33m" : "\u{1B}[1m"
        let location = diagnostic.location.map { "\u{1B}[1m\($0):\u{1B}[0m " } ?? ""
        return "\(location)\(color)\(diagnostic.severity.rawValue):\u{1B}[0m \(diagnostic.message)"
    }

    private func json(_ report: BuildReport) -> String {
        let object: [String: Any] = [
            "succeeded": report.succeeded,
            "output": report.outputDirectory,
            "duration_ms": Self.millisecondsValue(report.duration),
            "files": report.filesWritten,
            "pages": Dictionary(uniqueKeysWithValues: report.pagesPerLanguage.map { ($0.language.rawValue, $0.count) }),
            "pages_per_type": Dictionary(uniqueKeysWithValues: report.pagesPerType.map { row in
                (row.type, Dictionary(uniqueKeysWithValues: row.counts.map { ($0.key.rawValue, $0.value) }))
            }),
            "steps": report.steps.map { ["name": $0.name, "duration_ms": Self.millisecondsValue($0.duration)] },
            "diagnostics": report.diagnostics.sorted.map(Self.jsonObject),
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func jsonObject(_ diagnostic: Diagnostic) -> [String: Any] {
        var entry: [String: Any] = ["severity": diagnostic.severity.rawValue, "message": diagnostic.message]
        if let location = diagnostic.location {
            entry["file"] = location.file
            entry["line"] = location.line
            entry["column"] = location.column
        }
        return entry
    }

    static func millisecondsValue(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return (Double(seconds) * 1000 + Double(attoseconds) / 1e15).rounded(toPlaces: 1)
    }

    static func milliseconds(_ duration: Duration) -> String { String(format: "%.1f ms", millisecondsValue(duration)) }

    static func seconds(_ duration: Duration) -> String { String(format: "%.2f s", millisecondsValue(duration) / 1000) }

    private func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}

extension Double {
    fileprivate func rounded(toPlaces places: Int) -> Double {
        let factor = pow(10, Double(places))
        return (self * factor).rounded() / factor
    }
}

/// What the terminal can show.
enum Terminal {
    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    static func colorsEnabled(for handle: FileHandle, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if let value = environment["NO_COLOR"], !value.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(handle.fileDescriptor) == 1
    }
}
