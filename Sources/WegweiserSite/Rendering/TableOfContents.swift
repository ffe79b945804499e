import Foundation

import WegweiserCore
import WegweiserMarkdown

/// Builds the nested table of contents of a page from its headings.
enum TableOfContents {
    /// Headings below the page title (h2 and deeper), nested by level.
    static func make(from headings: [MarkdownHeading]) -> [TableOfContentsEntry] {
        var root: [TableOfContentsEntry] = []
        for heading in headings where heading.level >= 2 {
            insert(TableOfContentsEntry(id: heading.id, title: heading.text, level: heading.level), into: &root)
        }
        return root
    }

    private static func insert(_ entry: TableOfContentsEntry, into entries: inout [TableOfContentsEntry]) {
        if let last = entries.indices.last, entries[last].level < entry.level {
            insert(entry, into: &entries[last].children)
        } else {
            entries.append(entry)
        }
    }
}

/// Shortens text for lists, feeds and search results.
public enum Summary {
    /// At most `limit` characters, cut at a word boundary, with an ellipsis when cut.
    public static func shorten(_ text: String, limit: Int = 240) -> String {
        // Only as many characters as the limit are counted, not the whole text.
        guard text.utf8.count > limit, let limitIndex = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex),
            limitIndex < text.endIndex
        else { return text }
        let cut = text[..<limitIndex]
        let end = cut.lastIndex(where: \.isWhitespace) ?? cut.endIndex
        return cut[..<end].trimmingSpacesNewlinesAndPunctuation() + " …"
    }
}
