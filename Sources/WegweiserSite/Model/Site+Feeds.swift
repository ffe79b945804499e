extension Site {
    /// The pages a list's Atom feed carries: regular, dated pages of its language below it (fallback
    /// copies stay out: a feed is one language), newest first, at most `feed_limit`.
    public func feedEntries(below list: Page) -> [Page] {
        let prefix = list.path.segments
        var entries: [PageID] = []
        for index in pages.indices
        where pages[index].kind == .page && !pages[index].isFallback && pages[index].language == list.language
            && pages[index].displayDate != nil && pages[index].path.segments.starts(with: prefix)
        {
            entries.append(pages[index].id)
        }
        entries.sort { a, b in
            let (dateA, dateB) = (self[a].displayDate!.instant, self[b].displayDate!.instant)
            return dateA != dateB ? dateA > dateB : self[a].path < self[b].path
        }
        return entries.prefix(config.feedLimit).map { self[$0] }
    }

    /// Whether a page has a feed: every home page, and sections with dated pages (found once, when
    /// the site is assembled).
    public func hasFeed(_ page: Page) -> Bool {
        feedLists.contains(page.id)
    }
}
