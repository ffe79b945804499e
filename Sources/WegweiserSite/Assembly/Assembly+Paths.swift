import WegweiserContent
import WegweiserCore

extension Assembly {
    /// Two pages that would write the same file are an error at both of them.
    mutating func checkPathConflicts() {
        var owners: [String: PageID] = [:]
        owners.reserveCapacity(site.pages.count)
        // Pages are read in place; only a clash takes copies.
        for index in site.pages.indices {
            let file = site.pages[index].path.outputFile
            guard let first = owners[file] else {
                owners[file] = PageID(index)
                continue
            }
            let page = site.pages[index]
            let other = site[first]
            // Fallback copies repeat the conflict of their originals, which is reported already.
            if page.isFallback && other.isFallback { continue }
            if page.sourcePath == nil || other.sourcePath == nil {
                reportGeneratedPageConflict(page, other)
                continue
            }
            diagnostics.error(
                "this page and \(other.sourcePath!) both claim the address \(page.path); give one of them another 'slug'",
                at: page.location(of: "slug") ?? other.location(of: "slug"))
        }
    }

    /// A content page on the address of a page the site makes itself (search, 404, a taxonomy list).
    private mutating func reportGeneratedPageConflict(_ a: Page, _ b: Page) {
        let (content, generated) = a.sourcePath == nil ? (b, a) : (a, b)
        guard content.sourcePath != nil, !content.isFallback else { return }
        let remedy = generated.kind == .search ? ", or turn the search off with 'search: false' in site.yaml" : ""
        diagnostics.error(
            "this page takes the address \(content.path), which the site's \(generated.kind.rawValue) page needs; give it another 'slug'\(remedy)",
            at: content.location(of: "slug"))
    }

    /// Redirect pages for `aliases`; an alias may not take the address of a page or of another alias.
    mutating func addAliases() {
        var taken = Dictionary(site.pages.map { ($0.path.outputFile, $0.sourcePath ?? $0.path.description) }, uniquingKeysWith: { a, _ in a })
        for page in site.pages where !page.aliases.isEmpty {
            for alias in page.aliases {
                let from: URLPath
                if alias.isInLanguageFolder, let home = site.homes[page.language] {
                    from = URLPath(segments: site[home].path.segments + alias.path.segments, isDirectory: alias.path.isDirectory)
                } else {
                    from = alias.path
                }
                if let owner = taken[from.outputFile] {
                    diagnostics.error("alias \(from) is already the address of \(owner); remove the alias or change it", at: alias.location)
                    continue
                }
                taken[from.outputFile] = page.sourcePath ?? page.path.description
                site.redirects.append(Redirect(from: from, to: page.path, language: page.language, location: alias.location))
            }
        }
        site.redirects.sort { $0.from < $1.from }
    }

    /// Bundle files go beside each language version of their page; other files in content/ beside each
    /// language version of their folder's section (a folder without pages lies below its nearest section).
    mutating func addResources(_ files: [ContentFile]) {
        var copies: [ResourceCopy] = []
        var bundlePages: [String: [PageID]] = [:]
        for (id, source) in bodies.all where source.file.isBundle { bundlePages[source.file.logicalPath, default: []].append(id) }
        for file in files where file.role == .resource {
            let owners: [(page: PageID, relative: [String])]
            if file.isBundle {
                let inside = file.path.dropFirst(file.logicalPath.count + 1).split(separator: "/").map(String.init)
                owners = (bundlePages[file.logicalPath] ?? []).map { ($0, inside) }
            } else {
                owners = sectionOwners(of: file.directory).map { ($0.page, $0.relative + [file.name]) }
            }
            for (owner, relative) in owners {
                let destination = URLPath(segments: site[owner].path.segments + relative, isDirectory: false)
                copies.append(ResourceCopy(source: file.path, destination: destination))
            }
        }
        site.resources = copies.sorted { ($0.destination, $0.source) < ($1.destination, $1.source) }
    }

    /// The section pages of a folder, or of its nearest ancestor with pages, with the folders in between.
    private func sectionOwners(of directory: String) -> [(page: PageID, relative: [String])] {
        var folder = directory
        var between: [String] = []
        while sectionPages[folder] == nil, !folder.isEmpty {
            between.insert(SectionTree.lastSegment(of: folder), at: 0)
            folder = SectionTree.parent(of: folder)
        }
        return (sectionPages[folder] ?? [:]).values.sorted().map { ($0, between) }
    }
}
