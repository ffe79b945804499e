import ArgumentParser
import Foundation
import WegweiserContent
import WegweiserCore

/// `wegweiser new site DIR` and `wegweiser new report|contact|event|page NAME`.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new site, or a new page of a site.",
        discussion: """
            new site DIR creates a site that builds at once: site.yaml with its languages (--lang, repeated; \
            the first is the default; de and en when none is given), a home page and sections in every \
            language, one report, contact, event and plain page, and a directory spreadsheet with its \
            header row. DIR must be new or empty.

            new report|contact|event|page NAME writes content/<section>/<name>.<lang>.md with every field of \
            the type, the optional ones commented out with an example; the section is the site's section of \
            that type (reports/, directory/, events/ by default; plain pages go to content/ itself). NAME is \
            the title, or the file name (stralsund-2026). An existing file is never overwritten; a file of \
            the same name in another language makes the new one its translation.
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case site, report, contact, event, page
    }

    @Argument(help: ArgumentHelp("What to create: site, report, contact, event or page.", valueName: "KIND"))
    var kind: Kind

    @Argument(help: ArgumentHelp("The site's folder (new site), or the page's title or file name.", valueName: "NAME"))
    var name: String

    @Option(name: .long, help: ArgumentHelp(
        "The page's language (default: the site's default language); for a new site, its languages, the default first.",
        valueName: "CODE"))
    var lang: [String] = []

    @Option(name: .long, help: ArgumentHelp("The site folder a new page goes into.", valueName: "DIR"))
    var source = "."

    @Option(name: .long, help: ArgumentHelp("A new site's title (default: \"Neue Seite\" / \"New site\").", valueName: "TEXT"))
    var title: String?

    func validate() throws {
        for code in lang where LanguageCode(code) == nil {
            throw ValidationError("--lang '\(code)' is not a language code (like de, en, ar, uk, de-x-easy).")
        }
        if kind == .site {
            if Set(lang).count != lang.count { throw ValidationError("--lang names a language twice.") }
        } else {
            if lang.count > 1 { throw ValidationError("a page has one language: give --lang once.") }
            if title != nil { throw ValidationError("--title is for a new site; a page's title is its NAME.") }
            if Slug.make(from: name).isEmpty {
                throw ValidationError("'\(name)' has no letters or digits to name a file with.")
            }
        }
    }

    func run() throws {
        if kind == .site { try createSite() } else { try createPage(Scaffold.PageType(rawValue: kind.rawValue)!) }
    }

    private func createSite() throws {
        let manager = FileManager.default
        if let entries = try? manager.contentsOfDirectory(atPath: name), !entries.isEmpty {
            throw Self.failure("\(name) is not empty; choose a new folder")
        }
        if manager.fileExists(atPath: name), (try? manager.contentsOfDirectory(atPath: name)) == nil {
            throw Self.failure("\(name) is a file, not a folder")
        }
        let languages = (lang.isEmpty ? ["de", "en"] : lang).compactMap(LanguageCode.init)
        let files = Scaffold.site(title: title, languages: languages, today: Date())
        for file in files { try Self.write(file.text, to: name + "/" + file.path, shown: file.path) }
        print("Created a site in \(name) in \(languages.map(\.rawValue).joined(separator: ", ")): \(files.count) files.")
        print("Next: cd \(name.contains(" ") ? "'\(name)'" : name) && wegweiser serve")
    }

    private func createPage(_ type: Scaffold.PageType) throws {
        let configPath = source + "/site.yaml"
        guard let bytes = FileManager.default.contents(atPath: configPath) else {
            throw Self.failure("no site.yaml in \(source); run this in a site folder or pass --source DIR")
        }
        let config: SiteConfig
        do {
            let display = source == "." ? "site.yaml" : configPath
            (config, _) = try SiteConfigLoader.load(try SourceText.decode(Array(bytes), file: display), file: display)
        } catch {
            for diagnostic in error.diagnostics { FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8)) }
            throw ExitCode(1)
        }
        let language = lang.first.flatMap(LanguageCode.init) ?? config.defaultLanguage
        guard config.language(language) != nil else {
            throw ValidationError(
                "--lang \(language) is not a language of this site (\(config.languages.map(\.code.rawValue).joined(separator: ", "))).")
        }
        let slug = Slug.make(from: name)
        let title = name == slug ? Slug.words(of: slug) : name
        let content = source + "/content"
        let folder = type == .page ? "" : Self.sectionFolder(of: type, in: content)
        let relative = "content/" + (folder.isEmpty ? "" : folder + "/") + slug + "." + language.rawValue + ".md"
        let path = source == "." ? relative : source + "/" + relative
        var existing = [path]
        if language == config.defaultLanguage { existing.append(String(path.dropLast(language.rawValue.count + 4)) + ".md") }
        if let taken = existing.first(where: FileManager.default.fileExists) {
            throw Self.failure("\(taken) already exists; it is left as it is")
        }
        let text = Scaffold.page(type, title: title, language: language, today: Date(), timeZone: config.timeZone)
        try Self.write(text, to: path, shown: relative)
        print("Created \(relative)")
    }

    /// The top-level section of content/ whose pages are of `type`: by the `type` its `_index` gives,
    /// else by the built-in names; the built-in name when the site has none yet.
    static func sectionFolder(of type: Scaffold.PageType, in content: String) -> String {
        let manager = FileManager.default
        let folders = ((try? manager.contentsOfDirectory(atPath: content)) ?? []).sorted().filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".") && manager.fileExists(atPath: content + "/" + name, isDirectory: &isFolder) && isFolder.boolValue
        }
        for folder in folders {
            let indexes = ((try? manager.contentsOfDirectory(atPath: content + "/" + folder)) ?? []).sorted()
                .filter { $0.hasPrefix("_index.") && $0.hasSuffix(".md") }
            let declared = indexes.lazy.compactMap { index -> String? in
                guard let text = try? String(contentsOfFile: content + "/" + folder + "/" + index, encoding: .utf8) else { return nil }
                return Self.declaredType(in: text)
            }.first
            if (declared ?? Scaffold.PageType.allCases.first { $0.defaultFolder == folder }?.rawValue) == type.rawValue { return folder }
        }
        return type.defaultFolder
    }

    /// The `type` a section's `_index` file gives, read as every build reads front matter.
    static func declaredType(in text: String) -> String? {
        let node = try? FrontMatterBlock.split(text, file: "_index.md").read(file: "_index.md")
        return try? node?["type"]?.string(for: "type")
    }

    private static func write(_ text: String, to path: String, shown: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw failure("cannot write \(shown): \(error.localizedDescription)")
        }
    }

    private static func failure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode(1)
    }
}
