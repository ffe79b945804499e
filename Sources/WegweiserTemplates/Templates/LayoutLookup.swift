import WegweiserCore
import WegweiserSite

/// Chooses a page's template the way Hugo does: the most specific name that exists wins.
///
/// | page | names tried, in order |
/// |---|---|
/// | home | `index`, `_default/home`, `_default/list` |
/// | section | `<type>/list`, `<section>/list`, `_default/section`, `_default/list` |
/// | page | `<type>/<layout>`, `<section>/<layout>`, `_default/<layout>` (with a `layout` field), then `<type>/single`, `<section>/single`, `_default/single` |
/// | taxonomy | `<taxonomy>/taxonomy`, `_default/taxonomy`, `_default/list` |
/// | term | `<taxonomy>/term`, `_default/term`, `_default/list` |
/// | 404 | `404`, `_default/404` |
/// | search | `search`, `_default/search` |
public enum LayoutLookup {
    public static func candidates(for page: Page) -> [String] {
        switch page.kind {
        case .home:
            return ["index", "_default/home", "_default/list"]
        case .section:
            return unique(["\(page.type)/list", "\(page.section)/list", "_default/section", "_default/list"])
        case .page:
            let named = page.layout.map { layout in ["\(page.type)/\(layout)", "\(page.section)/\(layout)", "_default/\(layout)"] } ?? []
            return unique(named + ["\(page.type)/single", "\(page.section)/single", "_default/single"])
        case .taxonomy:
            return ["\(page.taxonomy ?? page.type)/taxonomy", "_default/taxonomy", "_default/list"]
        case .term:
            return ["\(page.taxonomy ?? page.type)/term", "_default/term", "_default/list"]
        case .notFound:
            return ["404", "_default/404"]
        case .search:
            return ["search", "_default/search"]
        }
    }

    /// The template for `page`, or an error naming the files that were looked for.
    public static func template(for page: Page, in library: TemplateLibrary) throws(DiagnosticError) -> String {
        let candidates = candidates(for: page)
        if let layout = page.layout, page.kind == .page {
            let named = candidates.prefix(3)
            guard let found = named.first(where: library.names.contains) else {
                throw DiagnosticError(
                    "there is no template for layout '\(layout)'; create one of "
                        + named.map { "layouts/\($0).mustache" }.joined(separator: ", "), at: page.location(of: "layout"))
            }
            return found
        }
        guard let found = candidates.first(where: library.names.contains) else {
            throw DiagnosticError(
                "there is no template for this \(page.kind.rawValue) page; create one of "
                    + candidates.map { "layouts/\($0).mustache" }.joined(separator: ", "), at: page.location())
        }
        return found
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { !$0.hasPrefix("/") && seen.insert($0).inserted }
    }
}
