import Foundation
import Mustache
import WegweiserCore

/// A theme's Mustache templates, parsed once and checked: every partial and parent a template
/// names must exist (swift-mustache would silently render a missing one as nothing).
public struct TemplateLibrary: Sendable {
    let library: MustacheLibrary
    /// Template and partial names, for the layout lookup.
    public let names: Set<String>
    /// Each UI string key used as `i18n.key`, with the place of its first use.
    public let stringKeys: [String: SourceLocation]

    /// Parses every layout and partial of `theme`; throws all problems at once.
    public init(theme: Theme) throws(DiagnosticError) {
        HTMLEscaping.register()
        var diagnostics = Diagnostics()
        var library = MustacheLibrary()
        var keys: [String: SourceLocation] = [:]
        let files = theme.layouts.merging(theme.partials) { a, _ in a }
        for name in files.keys.sorted() {
            let file = files[name]!
            guard let text = diagnostics.collect({ try SourceText.decode(file.bytes, file: file.displayPath) }) else { continue }
            do {
                library.register(try MustacheTemplate(string: HTMLEscaping.pragma + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma stands on a line of its own before the template's first line.
                let location = SourceLocation(
                    file: file.displayPath, line: error.context.lineNumber - 1, column: error.context.columnNumber)
                diagnostics.error(Self.describe(error.error), at: location)
                continue
            } catch {
                diagnostics.error("\(error)", at: SourceLocation(file: file.displayPath))
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
        self.library = library
        self.names = Set(files.keys)
        self.stringKeys = keys
    }

    /// Renders the template `name` with `context`.
    public func render(_ name: String, context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: "this closing tag does not match the section that is open"
        case .unfinishedName?: "this tag is not finished; close it with }}"
        case .expectedSectionEnd?: "a section is never closed; add {{/name}}"
        case .invalidSetDelimiter?: "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection?: "a transform cannot be applied to an inheritance section"
        case .illegalTokenInsideInheritSection?: "only {{$block}} overrides may stand inside {{<parent}}"
        case .textInsideInheritSection?: "only {{$block}} overrides may stand inside {{<parent}}"
        case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?: "invalid {{% pragma }} tag"
        default: "template syntax error: \(error)"
        }
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
        let trimmed = tag.trimmingCharacters(in: .whitespaces)
        if let sigil = trimmed.first, sigil == ">" || sigil == "<" {
            let name = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
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
