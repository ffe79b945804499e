import Foundation
import Synchronization
import WegweiserContent
import WegweiserCore
import WegweiserOutputs
import WegweiserSite
import WegweiserTemplates

/// What reading content/ and data/ found.
struct ContentReading: Sendable {
    var files: [ContentFile]
    /// The pages of content/ files.
    var sources: [PageSource]
    /// The pages of spreadsheet rows in data/.
    var rows: [PageSource]
    /// The problems of reading the content/ files (each one at its file).
    var fileDiagnostics: Diagnostics
    /// When each file last changed (git, else its modification time), by the path messages show.
    var changeTimes: [String: Date]
}

extension BuildRun {
    mutating func readConfig() throws(DiagnosticError) -> SiteConfig {
        let path = BuildOptions.join(options.sourceDirectory, "site.yaml")
        let display = options.display("site.yaml")
        guard fileSystem.kind(at: path) == .file else {
            throw DiagnosticError(
                "no site.yaml in \(options.sourceDirectory); run this in a site folder or pass --source DIR", at: nil)
        }
        let bytes: [UInt8]
        do { bytes = try fileSystem.read(path) } catch { throw DiagnosticError("cannot read \(display): \(error)", at: nil) }
        var (config, diagnostics) = try SiteConfigLoader.load(try SourceText.decode(bytes, file: display), file: display)
        if let override = options.baseURL {
            guard let url = URL(string: override.hasSuffix("/") ? override : override + "/"), url.scheme != nil, url.host != nil else {
                throw DiagnosticError("--base-url must be an address like https://example.org/, not '\(override)'", at: nil)
            }
            config.baseURL = url
        }
        report.diagnostics.append(contentsOf: diagnostics)
        return config
    }

    /// Refuses an output folder that holds the site, since a build replaces the output folder.
    func checkOutputIsSeparate() throws(DiagnosticError) {
        let source = URL(fileURLWithPath: options.sourceDirectory).standardizedFileURL.path
        let output = URL(fileURLWithPath: options.outputDirectory).standardizedFileURL.path
        if source == output || source.hasPrefix(output.hasSuffix("/") ? output : output + "/") {
            throw DiagnosticError(
                "the output folder \(options.outputDirectory) contains the site itself and would be replaced; choose another --output",
                at: nil)
        }
        for folder in ["content", "static", "layouts", "i18n", "themes", "data"] {
            let protected = URL(fileURLWithPath: BuildOptions.join(options.sourceDirectory, folder)).standardizedFileURL.path
            if output == protected || output.hasPrefix(protected + "/") {
                throw DiagnosticError("the output folder \(options.outputDirectory) is inside the site's \(folder)/; choose another --output", at: nil)
            }
        }
    }

    mutating func loadTheme(_ config: SiteConfig) throws(DiagnosticError) -> LoadedTheme {
        if let (loaded, diagnostics) = options.cache?.loadedTheme {
            report.diagnostics.append(contentsOf: diagnostics)
            return loaded
        }
        let theme = try Theme.load(
            name: config.theme, nameLocation: config.themeLocation, siteDirectory: options.sourceDirectory,
            displayDirectory: options.sourceDirectory == "." ? "" : options.sourceDirectory, fileSystem: fileSystem)
        let library = try TemplateLibrary(theme: theme)
        let required = RenderContextBuilder.requiredStringKeys + config.taxonomies.map { "taxonomy_" + $0.name }
        let (strings, diagnostics) = try UIStrings.resolve(
            theme: theme, config: config, usedKeys: library.stringKeys, requiredKeys: required)
        report.diagnostics.append(contentsOf: diagnostics)
        report.missingStrings = strings.missing
        let loaded = LoadedTheme(theme: theme, library: library, strings: strings)
        options.cache?.keep(loaded, diagnostics: diagnostics)
        return loaded
    }

    mutating func readContent(_ config: SiteConfig) async throws(DiagnosticError) -> ContentReading {
        let directory = BuildOptions.join(options.sourceDirectory, "content")
        guard fileSystem.kind(at: directory) == .directory else {
            throw DiagnosticError("there is no content/ folder in \(options.sourceDirectory)", at: nil)
        }
        let scanner = ContentScanner(fileSystem: fileSystem, languages: config.languages.map(\.code))
        let files: [ContentFile]
        do {
            let (found, diagnostics) = try scanner.scan(directory: directory, displayDirectory: options.display("content"))
            files = found
            report.diagnostics.append(contentsOf: diagnostics)
        } catch {
            throw DiagnosticError("cannot read \(options.display("content")): \(error)", at: nil)
        }
        // For translation status: git is asked, and the pages' files looked at, while they are read
        // (on a thread of its own: git may take a while on a long history).
        let (siteDirectory, fileSystem) = (options.sourceDirectory, fileSystem)
        let pagePaths = files.filter { $0.role != .resource }.map { "content/" + $0.path }
        async let pageTimes = onOwnThread {
            let history = ChangeTimes.history(siteDirectory: siteDirectory, scope: ["content", "data"])
            return (history, ChangeTimes.times(of: pagePaths, history: history, siteDirectory: siteDirectory, fileSystem: fileSystem))
        }
        let (sources, diagnostics) = await contentLoader(config).load(
            files, directory: directory, displayDirectory: options.display("content"), jobs: options.jobs)
        report.diagnostics.append(contentsOf: diagnostics)
        let (rows, dataDiagnostics) = DataLoader(fileSystem: fileSystem, config: config)
            .load(directory: BuildOptions.join(options.sourceDirectory, "data"), displayDirectory: options.display("data"))
        report.diagnostics.append(contentsOf: dataDiagnostics)
        let prefix = options.display("")
        let (history, times) = await pageTimes
        let rowPaths = Set(rows.map { String($0.displayPath.dropFirst(prefix.count)) }).sorted()
        let allTimes = times.merging(ChangeTimes.times(of: rowPaths, history: history, siteDirectory: siteDirectory, fileSystem: fileSystem)) { page, _ in page }
        return ContentReading(
            files: files, sources: sources, rows: rows, fileDiagnostics: diagnostics,
            changeTimes: byDisplayPath(allTimes))
    }

    /// Runs blocking work (a subprocess, many small file system calls) on a thread of its own, so the
    /// threads that run tasks keep working meanwhile.
    private func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: body()) }
        }
    }

    /// When each file (a path below the site folder) last changed, by the path messages show.
    func changeTimes(of paths: [String]) -> [String: Date] {
        byDisplayPath(ChangeTimes.read(siteDirectory: options.sourceDirectory, paths: paths, fileSystem: fileSystem))
    }

    /// Times by the path messages show, from times by the path below the site folder.
    private func byDisplayPath(_ times: [String: Date]) -> [String: Date] {
        Dictionary(uniqueKeysWithValues: times.map { (options.display($0.key), $0.value) })
    }

    func contentLoader(_ config: SiteConfig) -> ContentLoader {
        ContentLoader(fileSystem: fileSystem, config: config, cache: options.cache?.content)
    }

    mutating func assemble(
        _ config: SiteConfig, theme: LoadedTheme, content: ContentReading, forUpdates: Bool
    ) async throws(DiagnosticError) -> AssembledSite {
        let strings = theme.strings
        var labels = SiteLabels()
        for language in config.languages.map(\.code) {
            labels.taxonomyTitles[language] = Dictionary(uniqueKeysWithValues: config.taxonomies.map { ($0.name, strings.text("taxonomy_" + $0.name, in: language)) })
            labels.notFoundTitles[language] = strings.text("not_found_title", in: language)
            labels.searchTitles[language] = strings.text("search_title", in: language)
            labels.footnoteBackLabels[language] = strings.text("footnote_back", in: language)
            labels.externalLinkLabels[language] = strings.text("external_link", in: language)
            labels.tableLabels[language] = strings.text("table", in: language)
            labels.categoryNames[language] = strings.tables[language]?.reduce(into: [:]) { names, entry in
                if entry.key.hasPrefix("category_") { names[String(entry.key.dropFirst("category_".count))] = entry.value }
            }
        }
        let siteOptions = SiteOptions(
            now: options.now, includeDrafts: options.includeDrafts, jobs: options.jobs, bodyCache: options.cache?.bodies)
        let (assembled, diagnostics) = await SiteAssembler(config: config, options: siteOptions, labels: labels)
            .assemble(
                sources: content.sources + content.rows, resources: content.files, changeTimes: content.changeTimes, forUpdates: forUpdates)
        report.diagnostics.append(contentsOf: diagnostics)
        guard let assembled else { throw DiagnosticError([]) }
        return assembled
    }

    /// The renderer and every page's template; a missing layout is an error here, before any rendering.
    mutating func prepareRenderer(_ site: Site, theme: LoadedTheme) throws(DiagnosticError) -> (PageRenderer, [PageID: String]) {
        let renderer = Self.renderer(for: site, theme: theme)
        let (templates, diagnostics) = renderer.templates(for: site)
        report.diagnostics.append(contentsOf: diagnostics)
        if diagnostics.hasErrors { throw DiagnosticError([]) }
        return (renderer, templates)
    }

    static func renderer(for site: Site, theme: LoadedTheme) -> PageRenderer {
        let contexts = RenderContextBuilder(site: site, strings: theme.strings) { page in StructuredData.json(for: page, site: site) }
        return PageRenderer(library: theme.library, contexts: contexts)
    }

    /// The renderer of a site whose `changed` pages an update made again.
    static func renderer(updating previous: PageRenderer, for site: Site, changed: [PageID]) -> PageRenderer {
        let contexts = previous.contexts.updated(for: site, changed: changed) { page in StructuredData.json(for: page, site: site) }
        return PageRenderer(library: previous.library, contexts: contexts)
    }

    /// Renders every page and writes it into `staging` at once, so that no page's HTML waits in memory
    /// for the others; returns the number of files written.
    mutating func renderPages(
        _ site: Site, theme: LoadedTheme, into staging: OutputWriter.Staging
    ) async throws(DiagnosticError) -> Int {
        let (renderer, templates) = try prepareRenderer(site, theme: theme)
        let work = site.pages.indices.flatMap { index in site.pagerPages(for: site.pages[index]).map { (PageID(index), $0) } }
        // Servers look for /404.html; it is the default language's page.
        let notFound = site.notFoundPages[site.config.defaultLanguage]
        // Clashing pages are reported as clashes before anything is written.
        var claimed = work.map { id, pager in (path: pager.path.outputFile, origin: site[id].location(of: "slug")) }
        if notFound != nil { claimed.append((path: "404.html", origin: nil)) }
        try staging.claims.claim(claimed)
        let pagesDone = Atomic<Int>(0)
        let progress = options.progress
        let results = await work.concurrentMap(jobs: options.jobs, chunkSize: 16) { id, pager in
            let page = site[id]
            let html = renderer.render(page, pager: pager, template: templates[id]!)
            var failures = [staging.write(html.utf8, to: pager.path.outputFile)]
            if id == notFound { failures.append(staging.write(html.utf8, to: "404.html")) }
            if let progress {
                let done = pagesDone.add(1, ordering: .relaxed).newValue
                if done % 64 == 0 || done == work.count { progress(.pages(done: done, total: work.count)) }
            }
            return failures.compactMap { $0 }
        }
        let failures = results.flatMap { $0 }
        if !failures.isEmpty { throw DiagnosticError(failures) }
        // The renderer's tables (every page's address, list entries, language values) go on a task
        // of their own.
        releaseInBackground((consume renderer, consume templates))
        return claimed.count
    }

    /// The generators are independent of each other: they run side by side.
    func makeOutputs(_ site: Site, theme: Theme) async -> [OutputFile] {
        async let sitemaps = Sitemap.files(for: site)
        async let feeds = AtomFeed.files(for: site) + Redirects.files(for: site)
        async let calendars = ICalendar.files(for: site)
        async let cards = VCard.files(for: site)
        var files = await sitemaps + feeds + calendars + cards
        files += theme.assets.keys.sorted().map { OutputFile(path: "assets/" + $0, bytes: theme.assets[$0]!.bytes) }
        files.append(Redirects.rootPage(for: site))
        files.append(RobotsFile.file(for: site))
        // The first page of a paginated list lives at the list's own address.
        for index in site.pages.indices where site.pagerPages(for: site.pages[index]).count > 1 {
            let page = site.pages[index]
            let first = page.path.appending("page").appending("1")
            files.append(OutputFile(path: first.outputFile, text: Redirects.page(to: page.path, language: page.language, site: site)))
        }
        return files
    }

    func collectCopies(_ site: Site, theme: Theme) throws(DiagnosticError) -> [FileCopy] {
        var copies: [FileCopy] = []
        let content = BuildOptions.join(options.sourceDirectory, "content")
        for resource in site.resources {
            copies.append(FileCopy(
                source: BuildOptions.join(content, resource.source), destination: resource.destination.outputFile,
                displaySource: options.display("content/" + resource.source)))
        }
        let staticDirectory = BuildOptions.join(options.sourceDirectory, "static")
        if fileSystem.kind(at: staticDirectory) == .directory {
            do {
                for file in try fileSystem.filesRecursively(under: staticDirectory, includeHidden: true) {
                    copies.append(FileCopy(
                        source: BuildOptions.join(staticDirectory, file), destination: file, displaySource: options.display("static/" + file)))
                }
            } catch {
                throw DiagnosticError("cannot read \(options.display("static")): \(error)", at: nil)
            }
        }
        return copies
    }

    var writer: OutputWriter {
        OutputWriter(fileSystem: fileSystem, outputDirectory: options.outputDirectory, jobs: options.jobs)
    }
}
