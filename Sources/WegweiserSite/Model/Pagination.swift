import WegweiserCore

/// One page of a paginated list: `/de/reports/`, `/de/reports/page/2/`, …
public struct PagerPage: Sendable, Hashable {
    /// Counting from 1.
    public var number: Int
    public var count: Int
    public var path: URLPath
    public var items: [PageID]

    public init(number: Int, count: Int, path: URLPath, items: [PageID]) {
        self.number = number
        self.count = count
        self.path = path
        self.items = items
    }
}

extension Site {
    /// The pages of `page`'s list, `pageSize` entries each; the first lives at the list's own address.
    /// A list with nothing to list still has its first page; the home page is never split.
    public func pagerPages(for page: Page) -> [PagerPage] {
        let items = page.children
        guard page.kind.isList, page.kind != .home, items.count > page.pageSize else {
            return [PagerPage(number: 1, count: 1, path: page.path, items: items)]
        }
        let chunks = stride(from: 0, to: items.count, by: page.pageSize).map {
            Array(items[$0..<min($0 + page.pageSize, items.count)])
        }
        return chunks.enumerated().map { index, chunk in
            PagerPage(number: index + 1, count: chunks.count, path: pagerPath(of: page, number: index + 1), items: chunk)
        }
    }

    /// The address of page `number` of a list: the list's own for the first, `page/2/` and on after it.
    public func pagerPath(of page: Page, number: Int) -> URLPath {
        number == 1 ? page.path : page.path.appending("page").appending(String(number))
    }
}
