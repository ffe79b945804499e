import Foundation
import WegweiserContent
import WegweiserCore
import WegweiserOutputs
import WegweiserSite
import WegweiserTemplates

/// Builds a site folder into its output folder: a list of named, timed steps. Every step runs to the
/// end and reports all its problems; the build stops before writing when any of them is an error.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions
    public let fileSystem: any FileSystem

    public init(options: BuildOptions, fileSystem: any FileSystem = LocalFileSystem()) {
        self.options = options
        self.fileSystem = fileSystem
    }

    public func build() async -> BuildReport {
        var run = BuildRun(options: options, fileSystem: fileSystem)
        let clock = ContinuousClock()
        let start = clock.now
        do {
            try run.checkOutputIsSeparate()
            let (site, theme) = try await run.siteAndTheme()
            let copies = try await run.step("Collect files") { try $0.collectCopies(site, theme: theme.theme) }
            var finished = clock.now
            let count = try await run.writer.commit(copies: copies) { staging throws(DiagnosticError) in
                // The search indexes need the pages' text, not their HTML: they are built beside the
                // rendering, which leaves a core idle at times, and written language by language.
                let searchTask = Task { [jobs = options.jobs] in await Self.writeSearchIndexes(of: site, jobs: jobs, into: staging) }
                let pages: Int
                do throws(DiagnosticError) {
                    pages = try await run.step("Render and write pages") { try await $0.renderPages(site, theme: theme, into: staging) }
                } catch {
                    // Nothing may write into the staging folder once it is being removed.
                    searchTask.cancel()
                    _ = await searchTask.value
                    throw error
                }
                // Feeds and the like follow, written once no page has their place; the search
                // indexes' paths are claimed when they are all written.
                let (outputs, search) = try await run.step("Feeds, rest of search") { run in
                    (await Self.writeOutputs(run.makeOutputs(site, theme: theme.theme), jobs: run.options.jobs, into: staging), await searchTask.value)
                }
                let written = try outputs.get()
                guard search.failures.isEmpty else { throw DiagnosticError(search.failures) }
                try staging.claims.claim(search.written)
                finished = clock.now
                return pages + written + search.written.count
            }
            run.report.steps.append(("Write the rest, swap", clock.now - finished))
            run.report.filesWritten = count
            (run.report.pagesPerLanguage, run.report.pagesPerType) = BuildReport.counts(of: site)
            releaseInBackground(consume site)
        } catch {
            run.report.diagnostics.append(contentsOf: error.diagnostics)
        }
        run.report.duration = clock.now - start
        return run.report
    }

    /// Everything a build does up to rendering, for serving the site from memory (`wegweiser serve`):
    /// pages are rendered when they are asked for, and nothing is written.
    public func prepare() async -> (PreparedSite?, BuildReport) {
        var run = BuildRun(options: options, fileSystem: fileSystem)
        let clock = ContinuousClock()
        let start = clock.now
        var prepared: PreparedSite?
        do {
            let (assembled, theme, content) = try await run.assembleSite(forUpdates: true)
            let (renderer, templates) = try await run.step("Prepare templates") { try $0.prepareRenderer(assembled.site, theme: theme) }
            let copies = try await run.step("Collect files") { try $0.collectCopies(assembled.site, theme: theme.theme) }
            let site = PreparedSite(
                assembled: assembled, theme: theme, renderer: renderer, templates: templates, copies: copies, content: content,
                diagnostics: run.report.diagnostics, options: options)
            run.report.pagesPerLanguage = site.pagesPerLanguage
            prepared = site
        } catch {
            run.report.diagnostics.append(contentsOf: error.diagnostics)
        }
        run.report.duration = clock.now - start
        return (prepared, run.report)
    }

    /// The prepared site after edits of page files in content/ (`changes`, relative to the site
    /// folder): only those files are read again and only their pages made again. Nil when the edits
    /// need `prepare()`: a new, removed or renamed file, a section's page, a spreadsheet, settings,
    /// the theme, or an edit that moves a page (its address, terms, translations, draft state …).
    public func update(_ previous: PreparedSite, changes: [String]) async -> (PreparedSite?, BuildReport)? {
        guard !changes.isEmpty else { return nil }
        var run = BuildRun(options: options, fileSystem: fileSystem)
        let clock = ContinuousClock()
        let start = clock.now
        var next = previous
        var changed: [PageSource] = []
        let loader = run.contentLoader(previous.site.config)
        for change in Set(changes).sorted() {
            let path = BuildOptions.join(options.sourceDirectory, change)
            guard change.hasPrefix("content/"), let old = previous.source(ofFile: String(change.dropFirst("content/".count))),
                fileSystem.kind(at: path) == .file
            else { return nil }
            let (source, diagnostics) = loader.load(old.file, path: path, display: old.displayPath)
            next.fileDiagnostics[old.displayPath] = diagnostics.isEmpty ? nil : diagnostics.all
            if let source { changed.append(source) }
        }
        run.report.steps.append(("Read changed files", clock.now - start))
        let updating = clock.now
        var assembled: AssembledSite?
        var assemblyDiagnostics = previous.assembled.diagnostics
        if changed.count == Set(changes).count {
            let times = run.changeTimes(of: changes)
            guard let (result, diagnostics) = await previous.assembled.updating(with: changed, changeTimes: times) else { return nil }
            assembled = result
            assemblyDiagnostics = diagnostics
        }
        if let assembled {
            next.assembled = assembled
            next.renderer = BuildRun.renderer(updating: previous.renderer, for: assembled.site, changed: assembled.changedPages)
        }
        run.report.steps.append(("Update pages", clock.now - updating))
        run.report.diagnostics = next.diagnostics(assembly: assemblyDiagnostics)
        run.report.pagesPerLanguage = next.pagesPerLanguage
        run.report.duration = clock.now - start
        return (assembled == nil ? nil : next, run.report)
    }

    /// Reads and checks everything a build reads, without rendering or writing: for `wegweiser check`
    /// (the assembled site has what `--links` reports).
    public func assemble() async -> (AssembledSite?, BuildReport) {
        var run = BuildRun(options: options, fileSystem: fileSystem)
        let clock = ContinuousClock()
        let start = clock.now
        var site: AssembledSite?
        do {
            site = try await run.assembleSite().assembled
        } catch {
            run.report.diagnostics.append(contentsOf: error.diagnostics)
        }
        run.report.duration = clock.now - start
        return (site, run.report)
    }
}

/// A loaded theme: its files, parsed templates and resolved UI strings.
struct LoadedTheme: Sendable {
    var theme: Theme
    var library: TemplateLibrary
    var strings: UIStrings
}

extension SiteBuilder {
    /// Feeds, sitemaps, calendars, cards and assets, written into the staging folder once no page has
    /// their place; returns their number.
    static func writeOutputs(_ files: [OutputFile], jobs: Int, into staging: OutputWriter.Staging) async -> Result<Int, DiagnosticError> {
        do {
            try staging.claims.claim(files.map { (path: $0.path, origin: $0.origin) })
        } catch {
            return .failure(error)
        }
        let failures = await files.concurrentMap(jobs: jobs, chunkSize: 16, staging.write).compactMap { $0 }
        return failures.isEmpty ? .success(files.count) : .failure(DiagnosticError(failures))
    }

    /// The search indexes, written into the staging folder language by language as they are made.
    static func writeSearchIndexes(
        of site: Site, jobs: Int, into staging: OutputWriter.Staging
    ) async -> (written: [(path: String, origin: SourceLocation?)], failures: [Diagnostic]) {
        var written: [(path: String, origin: SourceLocation?)] = []
        var failures: [Diagnostic] = []
        await SearchIndexFiles.build(for: site, jobs: jobs) { files in
            for file in files {
                written.append((file.path, nil))
                if let failure = staging.write(file) { failures.append(failure) }
            }
        }
        return (written, failures)
    }
}

/// The state of one build.
struct BuildRun {
    /// The site and theme alone: what the assembly learned besides (the sources with their bodies,
    /// the link resolver …) is let go at once.
    mutating func siteAndTheme() async throws(DiagnosticError) -> (site: Site, theme: LoadedTheme) {
        let (assembled, theme, content) = try await assembleSite()
        let site = assembled.site
        releaseInBackground((consume assembled, consume content))
        return (site, theme)
    }

    /// The steps every build and check runs: settings, theme, content, model.
    mutating func assembleSite(forUpdates: Bool = false) async throws(DiagnosticError) -> (
        assembled: AssembledSite, theme: LoadedTheme, content: ContentReading
    ) {
        let config = try await step("Read site.yaml") { try $0.readConfig() }
        // The theme loads while the content is read (neither needs the other); their problems are
        // reported together, in one run.
        async let themeLoading = Self.loadTheme(config, options: options, fileSystem: fileSystem)
        let content: ContentReading
        do throws(DiagnosticError) {
            content = try await step("Read content") { try await $0.readContent(config) }
        } catch {
            take(await themeLoading.report)
            throw error
        }
        let (loadedTheme, themeReport) = await themeLoading
        take(themeReport)
        guard let theme = loadedTheme, !report.diagnostics.hasErrors else { throw DiagnosticError([]) }
        let assembled = try await step("Assemble site") {
            try await $0.assemble(config, theme: theme, content: content, forUpdates: forUpdates)
        }
        return (assembled, theme, content)
    }

    let options: BuildOptions
    let fileSystem: any FileSystem
    var report: BuildReport

    init(options: BuildOptions, fileSystem: any FileSystem) {
        self.options = options
        self.fileSystem = fileSystem
        self.report = BuildReport(outputDirectory: options.outputDirectory)
    }

    /// The theme, loaded by a run of its own (beside reading the content), and what that run reported.
    private static func loadTheme(
        _ config: SiteConfig, options: BuildOptions, fileSystem: any FileSystem
    ) async -> (theme: LoadedTheme?, report: BuildReport) {
        var run = BuildRun(options: options, fileSystem: fileSystem)
        let clock = ContinuousClock()
        let start = clock.now
        var theme: LoadedTheme?
        do {
            theme = try run.loadTheme(config)
        } catch {
            run.report.diagnostics.append(contentsOf: error.diagnostics)
        }
        run.report.steps.append(("Load theme", clock.now - start))
        return (theme, run.report)
    }

    /// Takes what the theme's run found.
    private mutating func take(_ themeReport: BuildReport) {
        report.diagnostics.append(contentsOf: themeReport.diagnostics)
        report.steps.insert(contentsOf: themeReport.steps, at: min(1, report.steps.count))
        report.missingStrings = themeReport.missingStrings
    }

    /// Runs one step, timing it; a step's errors stop the build after the step has finished.
    mutating func step<T>(_ name: String, _ body: (inout BuildRun) async throws -> T) async throws(DiagnosticError) -> T {
        options.progress?(.step(name))
        let clock = ContinuousClock()
        let start = clock.now
        defer { report.steps.append((name, clock.now - start)) }
        let result: T
        do {
            result = try await body(&self)
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError("\(name): \(error)", at: nil)
        }
        if report.diagnostics.hasErrors { throw DiagnosticError([]) }
        return result
    }
}
