import Foundation
import WegweiserContent
import WegweiserCore
import WegweiserSearch
import WegweiserSite

/// The search of every language: `/<lang>/search-index.json` (split into `/<lang>/search-index/`
/// when large) and the engine at `/search/engine.mjs`.
public enum SearchIndexFiles {
    public static func files(for site: Site, jobs: Int = 1) async -> [OutputFile] {
        var files: [OutputFile] = []
        await build(for: site, jobs: jobs) { files.append(contentsOf: $0) }
        return files
    }

    /// Builds the engine's files, then each language's index, and hands every batch of files to
    /// `deliver` as soon as it is made. Languages take turns, each with all `jobs` for its analysis:
    /// a build writes one language's index and lets it go before the next is built, instead of
    /// holding every language's analysis and JSON at once.
    public static func build(for site: Site, jobs: Int = 1, deliver: ([OutputFile]) -> Void) async {
        guard site.config.search.enabled else { return }
        var settings = SearchIndexOptions()
        settings.splitAbove = site.config.search.splitAbove
        let options = settings
        let engineFolder = Site.searchEnginePath.outputFile.split(separator: "/").dropLast().joined(separator: "/")
        deliver(SearchEngine.files.map { OutputFile(path: engineFolder + "/" + $0.path, bytes: $0.bytes) })
        for language in site.config.languages.map(\.code) {
            // A build that failed elsewhere cancels: the rest would be thrown away.
            guard !Task.isCancelled else { return }
            guard let indexPath = site.searchIndexPath(in: language) else { continue }
            assert(indexPath.segments.last == SearchIndex.fileName)
            let folder = indexPath.outputFile.split(separator: "/").dropLast().joined(separator: "/")
            let documents = site.pages.filter { $0.language == language && isListed($0) }.map { document(for: $0, in: site) }
            let index = await SearchIndexBuilder(language: language, options: options).build(documents, jobs: jobs)
            deliver(index.files(path: indexPath.outputFile).map { OutputFile(path: folder.isEmpty ? $0.path : folder + "/" + $0.path, text: $0.text) })
        }
    }

    /// Regular pages in their own language; lists, fallback copies and pages with `search: false` are not.
    static func isListed(_ page: Page) -> Bool {
        page.kind == .page && !page.isFallback && page.isSearchable
    }

    static func document(for page: Page, in site: Site) -> SearchDocument {
        let written = ["summary", "description"].lazy.compactMap { page.params[$0]?.scalarText }.first ?? ""
        return SearchDocument(
            url: site.url(for: page.path), title: page.title,
            type: ["report", "contact", "event"].contains(page.type) ? page.type : "page",
            summary: written, headings: headings(page.content.tableOfContents), keywords: keywords(of: page, in: site),
            body: page.content.plainText, facts: facts(of: page, in: site))
    }

    /// What a result shows first: a contact's services and address, an event's place.
    static func facts(of page: Page, in site: Site) -> [String] {
        switch page.fields {
        case .contact(let contact):
            return [contact.services.joined(separator: ", "), contact.address?.singleLine ?? ""].filter { !$0.isEmpty }
        case .event:
            if let place = page.eventPlace { return [site[place].title] }
            if case .address(let address) = page.fields.event?.location { return [address] }
            return []
        default:
            return []
        }
    }

    private static func headings(_ entries: [TableOfContentsEntry]) -> [String] {
        entries.flatMap { [$0.title] + headings($0.children) }
    }

    /// What a reader may search a page by besides its text: its terms and its typed fields.
    static func keywords(of page: Page, in site: Site) -> [String] {
        var words = page.terms.map(\.name)
        let languageNames = { (codes: [LanguageCode]) -> [String] in
            guard !codes.isEmpty else { return [] }
            let locale = Locale(identifier: page.language.localeIdentifier)
            return codes.compactMap { locale.localizedString(forLanguageCode: $0.primaryLanguage) }
        }
        switch page.fields {
        case .contact(let contact):
            words += [contact.organization, contact.address?.singleLine].compactMap { $0 }
            words += contact.services + contact.targetGroups + languageNames(contact.languages)
        case .report(let report):
            words += [report.municipality, report.state, report.programme].compactMap { $0 }
            words += report.integrators + report.partners + report.topics + report.metrics.map(\.label)
        case .event(let event):
            words += [event.organizer, event.cost].compactMap { $0 } + languageNames(event.languages)
            if case .address(let address) = event.location { words.append(address) }
            words += [page.eventPlace, page.eventOrganizer].compactMap { $0 }.map { site[$0].title }
        case .none:
            break
        }
        return words
    }
}

extension DataNode {
    /// The text of a scalar, nil for lists, maps and null.
    fileprivate var scalarText: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }
}
