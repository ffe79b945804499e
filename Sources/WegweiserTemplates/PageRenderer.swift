import WegweiserCore
import WegweiserSite

/// Renders pages to HTML with the theme's templates.
public struct PageRenderer: Sendable {
    public let library: TemplateLibrary
    public let contexts: RenderContextBuilder

    public init(library: TemplateLibrary, contexts: RenderContextBuilder) {
        self.library = library
        var contexts = contexts
        // Converting every page's fields for `page.params` is work no page shows unless a template
        // names it.
        contexts.includesPageParams = library.mentions("params")
        self.contexts = contexts
    }

    /// The template of every page, or every page's error: checked before anything is rendered.
    public func templates(for site: Site) -> ([PageID: String], Diagnostics) {
        var diagnostics = Diagnostics()
        var templates: [PageID: String] = [:]
        for page in site.pages {
            if let name = diagnostics.collect({ try LayoutLookup.template(for: page, in: library) }) {
                templates[page.id] = name
            }
            // The statement's facts come from site.yaml; without them the page would be an empty shell.
            if page.layout == "accessibility", site.config.accessibility == nil, !page.isFallback {
                diagnostics.error(
                    "layout 'accessibility' writes the accessibility statement from site.yaml, which has no 'accessibility' settings "
                        + "(see docs/accessibility.md)", at: page.location(of: "layout"))
            }
        }
        return (templates, diagnostics)
    }

    /// One page of `page`'s list (or the page itself) as HTML.
    public func render(_ page: Page, pager: PagerPage, template: String) -> String {
        library.render(template, value: contexts.context(for: page, pager: pager))
    }
}
