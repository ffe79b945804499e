import WegweiserCore

/// Reads CSV as RFC 4180 defines it: comma-separated, double quotes around fields that hold commas,
/// quotes (doubled) or line breaks. Every cell keeps its row and column in the file.
public enum CSVReader {
    public struct Cell: Sendable, Hashable {
        public var text: String
        public var location: SourceLocation
    }

    /// The rows of `text` (the header first); blank lines are skipped.
    public static func read(_ text: String, file: String) throws(DiagnosticError) -> [[Cell]] {
        var rows: [[Cell]] = []
        var row: [Cell] = []
        var cell = ""
        var cellStart = SourceLocation(file: file, line: 1, column: 1)
        var line = 1, column = 1
        var inQuotes = false, wasQuoted = false, atCellStart = true
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        func finishCell() {
            row.append(Cell(text: cell, location: cellStart))
            cell = ""
            wasQuoted = false
            atCellStart = true
        }
        while let scalar = pending {
            pending = iterator.next()
            if atCellStart {
                cellStart = SourceLocation(file: file, line: line, column: column)
                atCellStart = false
            }
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        cell += "\""
                        pending = iterator.next()
                        column += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    cell.unicodeScalars.append(scalar)
                }
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                continue
            }
            switch scalar {
            case "\"" where cell.isEmpty && !wasQuoted:
                inQuotes = true
                wasQuoted = true
            case "\"":
                throw DiagnosticError(
                    "a quote inside a field that does not start with a quote; put the field in quotes and double the quote (\"\")",
                    at: SourceLocation(file: file, line: line, column: column))
            case ",":
                finishCell()
            case "\n":
                finishCell()
                if !(row.count == 1 && row[0].text.isEmpty && !wasQuoted) { rows.append(row) }
                row = []
                line += 1
                column = 0
            default:
                if wasQuoted {
                    throw DiagnosticError(
                        "text after the closing quote of a field; a field is either all in quotes or not at all",
                        at: SourceLocation(file: file, line: line, column: column))
                }
                cell.unicodeScalars.append(scalar)
            }
            column += 1
        }
        if inQuotes { throw DiagnosticError("this quoted field is never closed", at: cellStart) }
        if !atCellStart || !row.isEmpty {
            finishCell()
            if !(row.count == 1 && row[0].text.isEmpty) { rows.append(row) }
        }
        return rows
    }
}
