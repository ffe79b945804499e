import WegweiserCore

/// Reads content files into page sources, in parallel, collecting every problem.
public struct ContentLoader: Sendable {
    public let fileSystem: any FileSystem
    public let config: SiteConfig
    /// Results of earlier reads, reused for files that have not changed since.
    public let cache: ContentCache?

    public init(fileSystem: any FileSystem, config: SiteConfig, cache: ContentCache? = nil) {
        self.fileSystem = fileSystem
        self.config = config
        self.cache = cache
    }

    /// Reads the page and section index files of `files`; `directory` is content/ on disk and
    /// `displayDirectory` the same folder as messages show it.
    public func load(_ files: [ContentFile], directory: String, displayDirectory: String, jobs: Int) async -> ([PageSource], Diagnostics) {
        let pages = files.filter { $0.role != .resource }
        let results = await pages.concurrentMap(jobs: jobs) { file in
            let path = directory + "/" + file.path
            guard let cache = self.cache, let modified = self.fileSystem.modificationTime(of: path) else {
                return self.load(file, path: path, display: displayDirectory + "/" + file.path)
            }
            if let known = cache.result(for: path, modified: modified) { return known }
            let result = self.load(file, path: path, display: displayDirectory + "/" + file.path)
            cache.store(result, for: path, modified: modified)
            return result
        }
        var diagnostics = Diagnostics()
        var sources: [PageSource] = []
        for (source, fileDiagnostics) in results {
            diagnostics.append(contentsOf: fileDiagnostics)
            if let source { sources.append(source) }
        }
        return (sources, diagnostics)
    }

    /// Reads one file; nil with errors when it cannot be read or its front matter is malformed.
    public func load(_ file: ContentFile, path: String, display: String) -> (PageSource?, Diagnostics) {
        do {
            let bytes: [UInt8]
            do {
                bytes = try fileSystem.read(path)
            } catch {
                throw DiagnosticError("cannot read the file: \(error)", at: SourceLocation(file: display))
            }
            let text = try SourceText.decode(bytes, file: display)
            let block = try FrontMatterBlock.split(text, file: display)
            let node = try block.read(file: display)
            let (frontMatter, diagnostics) = FrontMatter.decode(
                node, file: display, timeZone: config.timeZone, taxonomies: config.taxonomyFields,
                otherKnownKeys: TypeFields.all)
            let source = PageSource(
                file: file, displayPath: display, language: file.language ?? config.defaultLanguage,
                frontMatter: frontMatter, body: block.body, bodyLine: block.bodyLine)
            return (diagnostics.hasErrors ? nil : source, diagnostics)
        } catch let error as DiagnosticError {
            return (nil, Diagnostics(error.diagnostics))
        } catch {
            return (nil, Diagnostics([.error("\(error)", at: SourceLocation(file: display))]))
        }
    }
}
