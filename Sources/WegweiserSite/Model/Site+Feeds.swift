extension Site {
    /// The pages a list's Atom feed carries: regular, dated pages of its language below it (fallback
    /// copies stay out: a feed is one language), newest first, at most `feed_limit`.
    public func feedEntries(below list: Page) -> [Page] {
        let prefix = list.path.segments
        let pages = pages.filter { page in
            page.kind == .page && !page.isFallback && page.language == list.language && page.displayDate != nil
                && page.path.segments.starts(with: prefix)
        }
        let sorted = pages.sorted { a, b in
            let (dateA, dateB) = (a.displayDate!.instant, b.displayDate!.instant)
            return dateA != dateB ? dateA > dateB : a.path < b.path
        }
        return Array(sorted.prefix(config.feedLimit))
    }

    /// Whether a page has a feed: every home page, and sections with dated pages.
    public func hasFeed(_ page: Page) -> Bool {
        page.kind == .home || page.kind == .section && !feedEntries(below: page).isEmpty
    }
}
