import Foundation
import WegweiserCore
import WegweiserOutputs
import WegweiserSite
import WegweiserTemplates

/// A site assembled and checked, ready to be served from memory: a page is rendered when it is asked
/// for, the other generated files (feeds, sitemaps, calendars, search indexes) are made together on
/// the first request for one of them, and the site's own files are read where they are.
public struct PreparedSite: Sendable {
    public let site: Site
    let theme: Theme
    let renderer: PageRenderer
    let templates: [PageID: String]
    let options: BuildOptions
    /// Output path (`de/reports/index.html`) → the page, and the page of its list, rendered there.
    let pages: [String: (id: PageID, pager: PagerPage)]
    /// Output path → the file of the site served there (bundle resources, `static/`).
    public let copies: [String: FileCopy]

    init(site: Site, theme: Theme, renderer: PageRenderer, templates: [PageID: String], copies: [FileCopy], options: BuildOptions) {
        self.site = site
        self.theme = theme
        self.renderer = renderer
        self.templates = templates
        self.options = options
        var pages: [String: (id: PageID, pager: PagerPage)] = [:]
        for page in site.pages {
            for pager in site.pagerPages(for: page) { pages[pager.path.outputFile] = (page.id, pager) }
        }
        // Servers look for /404.html; it is the default language's page, as in a build.
        if let notFound = site.notFoundPages[site.config.defaultLanguage] {
            pages["404.html"] = (notFound, site.pagerPages(for: site[notFound])[0])
        }
        self.pages = pages
        self.copies = Dictionary(copies.map { ($0.destination, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether a page is rendered at this output path.
    public func hasPage(at path: String) -> Bool { pages[path] != nil }

    /// The HTML of the page at an output path (`de/index.html`), rendered now.
    public func renderPage(at path: String) -> String? {
        guard let (id, pager) = pages[path], let template = templates[id] else { return nil }
        return renderer.render(site[id], pager: pager, template: template)
    }

    /// The "page not found" page for an output path: the one of the language the path is in, else the
    /// default language's.
    public func notFoundPage(for path: String) -> String? {
        let first = path.split(separator: "/").first.map(String.init)
        let language = site.languages.map(\.code).first { $0.rawValue == first } ?? site.config.defaultLanguage
        guard let id = site.notFoundPages[language] ?? site.notFoundPages[site.config.defaultLanguage] else { return nil }
        return renderPage(at: site[id].path.outputFile)
    }

    /// Every generated file that is not a page, by output path: feeds, sitemaps, calendars, vCards,
    /// redirects, the theme's assets, search indexes and engine.
    public func generatedFiles() async -> [String: OutputFile] {
        let run = BuildRun(options: options, fileSystem: LocalFileSystem())
        var files = await run.makeOutputs(site, theme: theme)
        files += await SearchIndexFiles.files(for: site, jobs: options.jobs)
        return Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
