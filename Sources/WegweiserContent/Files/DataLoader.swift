import Foundation
import WegweiserCore

/// Turns spreadsheets and YAML lists in `data/<section>/` into page sources of that section: one row
/// or entry, one page; translated columns (`title:en`) make its other language versions.
public struct DataLoader: Sendable {
    public let fileSystem: any FileSystem
    public let config: SiteConfig

    public init(fileSystem: any FileSystem, config: SiteConfig) {
        self.fileSystem = fileSystem
        self.config = config
    }

    /// Fields that hold a list; in a CSV cell their items are separated by `;`.
    static let listFields: Set<String> = [
        "tags", "aliases", "services", "languages", "target_groups", "topics", "integrators", "partners",
    ]
    /// Fields with one value, even where a taxonomy groups pages by them.
    static let singleValueFields: Set<String> = ["category", "municipality", "title", "summary", "status", "state", "programme"]
    /// Flattened fields of a spreadsheet and the map they belong to.
    static let nestedFields = ["street": "address", "postal_code": "address", "city": "address", "lat": "geo", "lon": "geo"]

    /// Every `.csv`, `.yaml` and `.yml` file below `directory` (data/ on disk).
    public func load(directory: String, displayDirectory: String) -> ([PageSource], Diagnostics) {
        var diagnostics = Diagnostics()
        guard fileSystem.kind(at: directory) == .directory else { return ([], diagnostics) }
        let files: [String]
        do {
            files = try fileSystem.filesRecursively(under: directory)
        } catch {
            diagnostics.error("cannot read \(displayDirectory): \(error)", at: nil)
            return ([], diagnostics)
        }
        var sources: [PageSource] = []
        for file in files {
            let display = displayDirectory + "/" + file
            let section = file.split(separator: "/").dropLast().joined(separator: "/")
            let kind = file.split(separator: ".").last.map { $0.lowercased() } ?? ""
            guard ["csv", "yaml", "yml"].contains(kind) else { continue }
            guard !section.isEmpty else {
                diagnostics.warning("a data file belongs in a section folder, like data/directory/\(file); it is ignored", at: SourceLocation(file: display))
                continue
            }
            do {
                let text = try SourceText.decode(try read(directory + "/" + file, display: display), file: display)
                let entries = kind == "csv" ? try csvEntries(text, file: display) : try yamlEntries(text, file: display)
                var reader = EntryReader(config: config, section: section, file: display)
                sources += reader.sources(from: entries)
                diagnostics.append(contentsOf: reader.diagnostics)
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        return (sources, diagnostics)
    }

    private func read(_ path: String, display: String) throws(DiagnosticError) -> [UInt8] {
        do { return try fileSystem.read(path) } catch { throw DiagnosticError("cannot read the file: \(error)", at: SourceLocation(file: display)) }
    }

    /// Rows as maps from column name to a located value; list fields split at `;`.
    func csvEntries(_ text: String, file: String) throws(DiagnosticError) -> [DataNode] {
        let rows = try CSVReader.read(text, file: file)
        guard let header = rows.first else { return [] }
        if header.count == 1, header[0].text.contains(";") {
            throw DiagnosticError(
                "the columns are separated by ';'; save the sheet as CSV with commas (UTF-8), and use ';' only between list items",
                at: header[0].location)
        }
        var seen: [String: SourceLocation] = [:]
        for cell in header {
            let name = cell.text.trimmingSpaces()
            if name.isEmpty { throw DiagnosticError("a column has no name in the header row", at: cell.location) }
            if let first = seen[name] { throw DiagnosticError("the column '\(name)' appears twice (first at column \(first.column))", at: cell.location) }
            seen[name] = cell.location
        }
        return try rows.dropFirst().map { row throws(DiagnosticError) in
            guard row.count <= header.count else {
                throw DiagnosticError("this row has \(row.count) fields but the header has \(header.count) columns", at: row[header.count].location)
            }
            var entries: [DataEntry] = []
            for (index, cell) in row.enumerated() where !cell.text.trimmingSpaces().isEmpty {
                let name = header[index].text.trimmingSpaces()
                let field = String(name.prefix { $0 != ":" })
                let value: DataNode
                if Self.listFields.contains(field) || config.taxonomyFields.contains(field) && !Self.singleValueFields.contains(field) {
                    value = DataNode(.list(Self.items(of: cell)), at: cell.location)
                } else {
                    value = DataNode(.scalar(cell.text.trimmingSpaces(), quoted: true), at: cell.location)
                }
                entries.append(DataEntry(key: name, keyLocation: header[index].location, value: value))
            }
            return DataNode(.map(entries), at: row.first?.location ?? header[0].location)
        }
    }

    /// `Deutsch; Arabisch` → two items, each at its place in the cell.
    static func items(of cell: CSVReader.Cell) -> [DataNode] {
        var items: [DataNode] = []
        var column = cell.location.column
        for part in cell.text.split(separator: ";", omittingEmptySubsequences: false) {
            let leading = part.prefix { $0 == " " }.count
            let text = part.trimmingSpaces()
            if !text.isEmpty {
                items.append(DataNode(.scalar(text, quoted: true), at: SourceLocation(file: cell.location.file, line: cell.location.line, column: column + leading)))
            }
            column += part.count + 1
        }
        return items
    }

    /// A YAML list of entries, or a map from key to entry.
    func yamlEntries(_ text: String, file: String) throws(DiagnosticError) -> [DataNode] {
        guard let root = try YAMLReader.read(text, file: file) else { return [] }
        switch root.value {
        case .list(let items):
            return items
        case .map(let entries):
            return entries.map { entry in
                guard case .map(var fields) = entry.value.value else { return entry.value }
                if !fields.contains(where: { $0.key == "key" }) {
                    fields.insert(DataEntry(key: "key", keyLocation: entry.keyLocation, value: DataNode(.scalar(entry.key, quoted: true), at: entry.keyLocation)), at: 0)
                }
                return DataNode(.map(fields), at: entry.value.location)
            }
        default:
            throw DiagnosticError("a data file must hold a list of entries, or a map from key to entry", at: root.location)
        }
    }
}

/// Makes the page sources of one data file's entries.
private struct EntryReader {
    let config: SiteConfig
    let section: String
    let file: String
    var diagnostics = Diagnostics()
    var keys: [String: SourceLocation] = [:]

    init(config: SiteConfig, section: String, file: String) {
        self.config = config
        self.section = section
        self.file = file
    }

    mutating func sources(from entries: [DataNode]) -> [PageSource] {
        entries.flatMap { sources(from: $0) }
    }

    private mutating func sources(from entry: DataNode) -> [PageSource] {
        guard case .map(let fields) = entry.value else {
            diagnostics.error("each entry must be a map of fields", at: entry.location)
            return []
        }
        guard let key = self.key(of: entry) else { return [] }
        var byLanguage: [LanguageCode: [DataEntry]] = [config.defaultLanguage: []]
        for field in fields {
            let parts = field.key.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                byLanguage[config.defaultLanguage, default: []].append(field)
                continue
            }
            guard let language = LanguageCode(parts[1]), config.language(language) != nil else {
                diagnostics.error(
                    "'\(field.key)' names language '\(parts[1])', which is not in site.yaml (languages: \(config.languages.map(\.code.rawValue).joined(separator: ", ")))",
                    at: field.keyLocation)
                continue
            }
            var translated = field
            translated.key = parts[0]
            byLanguage[language, default: []].append(translated)
        }
        let base = byLanguage[config.defaultLanguage] ?? []
        return byLanguage.keys.sorted().compactMap { language in
            // A translation takes the default language's fields, and replaces the ones it has.
            let own = language == config.defaultLanguage ? [] : byLanguage[language] ?? []
            let inherited = base.filter { field in !own.contains { $0.key == field.key } }
            var source = source(
                key: key, keyLocation: entry["key"]!.location, language: language, fields: Self.nest(inherited + own), at: entry.location)
            if language != config.defaultLanguage {
                for field in inherited where field.key != "key" {
                    source?.frontMatter.fieldLanguages[DataLoader.nestedFields[field.key] ?? field.key] = config.defaultLanguage
                }
            }
            return source
        }
    }

    private mutating func key(of entry: DataNode) -> String? {
        guard let node = entry["key"], case .scalar(let key, _) = node.value, !key.isEmpty else {
            diagnostics.error("this entry has no 'key'; every row needs one, like jmd-torgau (it names the page)", at: entry.location)
            return nil
        }
        guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            diagnostics.error("the key '\(key)' may hold only letters, digits, '-' and '_' (it becomes the page's address)", at: node.location)
            return nil
        }
        if let first = keys[key] {
            diagnostics.error("the key '\(key)' is used twice in this file (first at line \(first.line)); keys must be unique", at: node.location)
            return nil
        }
        keys[key] = node.location
        return key
    }

    /// `street`, `postal_code`, `city` become `address`; `lat`, `lon` become `geo`.
    static func nest(_ fields: [DataEntry]) -> [DataEntry] {
        var result: [DataEntry] = []
        var nested: [String: [DataEntry]] = [:]
        for field in fields {
            if let parent = DataLoader.nestedFields[field.key] { nested[parent, default: []].append(field) } else { result.append(field) }
        }
        for (parent, children) in nested.sorted(by: { $0.key < $1.key }) where !result.contains(where: { $0.key == parent }) {
            result.append(DataEntry(key: parent, keyLocation: children[0].keyLocation, value: DataNode(.map(children), at: children[0].value.location)))
        }
        return result.filter { $0.key != "key" }
    }

    private mutating func source(
        key: String, keyLocation: SourceLocation, language: LanguageCode, fields: [DataEntry], at location: SourceLocation
    ) -> PageSource? {
        let node = DataNode(.map(fields), at: location)
        var (frontMatter, found) = FrontMatter.decode(
            node, file: file, timeZone: config.timeZone, taxonomies: config.taxonomyFields,
            otherKnownKeys: TypeFields.all + ["body"])
        diagnostics.append(contentsOf: found)
        frontMatter.locations["key"] = keyLocation
        let body = (try? node["body"]?.string(for: "body")) ?? ""
        let logicalPath = section + "/" + key
        let contentFile = ContentFile(path: logicalPath, role: .page, language: language, logicalPath: logicalPath)
        return PageSource(
            file: contentFile, displayPath: file, language: language, frontMatter: frontMatter, body: body,
            bodyLine: node["body"]?.location.line ?? location.line)
    }
}
