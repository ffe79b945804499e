import Foundation
import WegweiserContent
import WegweiserCore
import WegweiserOutputs
import WegweiserSite
import WegweiserTemplates

/// A site assembled and checked, ready to be served from memory: a page is rendered when it is asked
/// for, the other generated files (feeds, sitemaps, calendars, search indexes) are made together on
/// the first request for one of them, and the site's own files are read where they are.
public struct PreparedSite: Sendable {
    public var site: Site { assembled.site }
    var assembled: AssembledSite
    let theme: LoadedTheme
    var renderer: PageRenderer
    let templates: [PageID: String]
    let options: BuildOptions
    /// Output path (`de/reports/index.html`) → the page, and the number of the page of its list,
    /// rendered there. Its entries are looked up when it is rendered: an update may reorder them.
    let pages: [String: (id: PageID, pagerNumber: Int)]
    /// Output path → the file of the site served there (bundle resources, `static/`).
    public let copies: [String: FileCopy]
    /// For updates: the content/ files by their path there (the identities of their sources), and
    /// what reading each file found (by the path messages show).
    let contentFiles: [String: String]
    var fileDiagnostics: [String: [Diagnostic]]
    /// The problems of everything else: settings, theme, spreadsheets, templates.
    let otherDiagnostics: [Diagnostic]
    public let pagesPerLanguage: [(language: LanguageCode, count: Int)]

    /// Every problem of the site, as a build reports them.
    public var diagnostics: Diagnostics { diagnostics(assembly: assembled.diagnostics) }

    /// The problems of the settings, theme, files and templates, with those of an assembly.
    func diagnostics(assembly: Diagnostics) -> Diagnostics {
        var all = Diagnostics(otherDiagnostics)
        for file in fileDiagnostics.keys.sorted() { all.append(contentsOf: fileDiagnostics[file]!) }
        all.append(contentsOf: assembly)
        return all
    }

    init(
        assembled: AssembledSite, theme: LoadedTheme, renderer: PageRenderer, templates: [PageID: String], copies: [FileCopy],
        content: ContentReading, diagnostics: Diagnostics, options: BuildOptions
    ) {
        self.assembled = assembled
        self.theme = theme
        self.renderer = renderer
        self.templates = templates
        self.options = options
        let site = assembled.site
        var pages: [String: (id: PageID, pagerNumber: Int)] = [:]
        for page in site.pages {
            for pager in site.pagerPages(for: page) { pages[pager.path.outputFile] = (page.id, pager.number) }
        }
        // Servers look for /404.html; it is the default language's page, as in a build.
        if let notFound = site.notFoundPages[site.config.defaultLanguage] { pages["404.html"] = (notFound, 1) }
        self.pages = pages
        self.copies = Dictionary(copies.map { ($0.destination, $0) }, uniquingKeysWith: { first, _ in first })
        self.contentFiles = Dictionary(content.sources.map { ($0.file.path, $0.identity) }, uniquingKeysWith: { first, _ in first })
        self.fileDiagnostics = Dictionary(grouping: content.fileDiagnostics.all) { $0.location?.file ?? "" }
        let own = content.fileDiagnostics.all + assembled.diagnostics.all
        self.otherDiagnostics = diagnostics.all.removing(own)
        self.pagesPerLanguage = BuildReport.counts(of: site).perLanguage
    }

    /// The source a content/ file (`reports/x.de.md`) gave when the site was made.
    func source(ofFile path: String) -> PageSource? {
        contentFiles[path].flatMap(assembled.source(identity:))
    }

    /// Whether a page is rendered at this output path.
    public func hasPage(at path: String) -> Bool { pages[path] != nil }

    /// The HTML of the page at an output path (`de/index.html`), rendered now.
    public func renderPage(at path: String) -> String? {
        guard let (id, number) = pages[path], let template = templates[id] else { return nil }
        let page = site[id]
        return renderer.render(page, pager: site.pagerPages(for: page)[number - 1], template: template)
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
        var files = await run.makeOutputs(site, theme: theme.theme)
        files += await SearchIndexFiles.files(for: site, jobs: options.jobs)
        return Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

extension [Diagnostic] {
    /// This list without one occurrence of each of `others`, in its order.
    func removing(_ others: [Diagnostic]) -> [Diagnostic] {
        var left = Dictionary(others.map { ($0, 1) }, uniquingKeysWith: +)
        return filter { diagnostic in
            guard let count = left[diagnostic], count > 0 else { return true }
            left[diagnostic] = count - 1
            return false
        }
    }
}
