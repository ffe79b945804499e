import Foundation
import WegweiserCore

/// A theme's Mustache templates, parsed once and checked: every partial and parent a template
/// names must exist (rendering would silently write a missing one as nothing).
public struct TemplateLibrary: Sendable {
    let renderer: MustacheRenderer
    /// Every part of every name the templates' tags look up, for `mentions(_:)`.
    private let nameParts: Set<String>
    /// Template and partial names, for the layout lookup.
    public let names: Set<String>
    /// Each UI string key used as `i18n.key`, with the place of its first use.
    public let stringKeys: [String: SourceLocation]

    /// Parses every layout and partial of `theme`; throws all problems at once.
    public init(theme: Theme) throws(DiagnosticError) {
        var diagnostics = Diagnostics()
        var templates: [String: MustacheTemplate] = [:]
        var keys: [String: SourceLocation] = [:]
        let files = theme.layouts.merging(theme.partials) { a, _ in a }
        for name in files.keys.sorted() {
            let file = files[name]!
            guard let text = diagnostics.collect({ try SourceText.decode(file.bytes, file: file.displayPath) }) else { continue }
            do {
                templates[name] = try MustacheTemplate(text)
            } catch {
                diagnostics.error(error.message, at: SourceLocation(file: file.displayPath, line: error.line, column: error.column))
                continue
            }
            for reference in TemplateScanner.references(in: text, file: file.displayPath) {
                switch reference.kind {
                case .partial, .parent:
                    if files[reference.name] == nil {
                        let what = reference.kind == .parent ? "parent template" : "partial"
                        diagnostics.error(
                            "the \(what) '\(reference.name)' does not exist\(Suggestions.hint(for: reference.name, in: files.keys))",
                            at: reference.location)
                    }
                case .string:
                    if keys[reference.name] == nil || reference.location < keys[reference.name]! { keys[reference.name] = reference.location }
                }
            }
        }
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics.all) }
        self.renderer = MustacheRenderer(templates: templates)
        self.nameParts = templates.values.reduce(into: []) { $0.formUnion($1.nameParts) }
        self.names = Set(files.keys)
        self.stringKeys = keys
    }

    /// Renders the template `name` with a context of plain dictionaries, arrays and scalars (and
    /// `TemplateValue`s already converted).
    public func render(_ name: String, context: [String: Any]) -> String {
        renderer.render(name, context: TemplateValue(context))
    }

    /// Whether a tag of any template looks up `name` (as any part of a dotted name).
    public func mentions(_ name: String) -> Bool {
        nameParts.contains(name)
    }

    /// Renders the template `name` with a context made as template values.
    public func render(_ name: String, value: TemplateValue) -> String {
        renderer.render(name, context: value)
    }
}

/// Finds the names a template refers to: `{{> partials/x}}`, `{{< _default/baseof}}` and `i18n.key`.
enum TemplateScanner {
    struct Reference {
        enum Kind { case partial, parent, string }
        var kind: Kind
        var name: String
        var location: SourceLocation
    }

    static func references(in text: String, file: String) -> [Reference] {
        var result: [Reference] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                let tag = rest[open.upperBound..<close.lowerBound]
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                let location = SourceLocation(file: file, line: lineIndex + 1, column: column)
                result.append(contentsOf: references(inTag: tag, at: location))
                rest = rest[close.upperBound...]
            }
        }
        return result
    }

    private static func references(inTag tag: Substring, at location: SourceLocation) -> [Reference] {
        let trimmed = tag.trimmingSpaces()
        if let sigil = trimmed.first, sigil == ">" || sigil == "<" {
            let name = trimmed.dropFirst().trimmingSpaces()
            guard !name.hasPrefix("*") else { return [] }  // a dynamic name, known only when rendering
            return [Reference(kind: sigil == ">" ? .partial : .parent, name: name, location: location)]
        }
        var result: [Reference] = []
        var rest = tag[...]
        while let range = rest.range(of: "i18n.") {
            let name = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if !name.isEmpty { result.append(Reference(kind: .string, name: String(name), location: location)) }
            rest = rest[range.upperBound...]
        }
        return result
    }
}
