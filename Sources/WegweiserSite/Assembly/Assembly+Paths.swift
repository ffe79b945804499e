import WegweiserContent
import WegweiserCore

extension Assembly {
    /// Two pages that would write the same file are an error at both of them.
    mutating func checkPathConflicts() {
        var owners: [String: PageID] = [:]
        for page in site.pages {
            let file = page.path.outputFile
            guard let first = owners[file] else {
                owners[file] = page.id
                continue
            }
            let other = site[first]
            // Fallback copies repeat the conflict of their originals, which is reported already.
            if page.isFallback && other.isFallback { continue }
            let otherName = other.sourcePath ?? "the generated \(other.kind.rawValue) page"
            diagnostics.error(
                "this page and \(otherName) both claim the address \(page.path); give one of them another 'slug'",
                at: page.location(of: "slug") ?? other.location(of: "slug"))
        }
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
                site.redirects.append(Redirect(from: from, to: page.path, language: page.language))
            }
        }
        site.redirects.sort { $0.from < $1.from }
    }

    /// Bundle files go beside each language version of their page; loose files in a section folder
    /// beside each language version of the section.
    mutating func addResources(_ files: [ContentFile]) {
        var copies: [ResourceCopy] = []
        for file in files where file.role == .resource {
            let owners = file.isBundle ? pagesShowing(bundle: file.logicalPath) : (sectionPages[file.logicalPath].map { Array($0.values) } ?? [])
            let relative = file.isBundle ? String(file.path.dropFirst(file.logicalPath.count + 1)) : file.name
            for owner in owners {
                let segments = site[owner].path.segments + relative.split(separator: "/").map(String.init)
                copies.append(ResourceCopy(source: file.path, destination: URLPath(segments: segments, isDirectory: false)))
            }
        }
        site.resources = copies.sorted { ($0.destination, $0.source) < ($1.destination, $1.source) }
    }

    private func pagesShowing(bundle logicalPath: String) -> [PageID] {
        bodies.filter { $0.value.file.isBundle && $0.value.file.logicalPath == logicalPath }.map(\.key).sorted()
    }
}
