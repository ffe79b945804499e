extension Array where Element: Sendable {
    /// Maps the elements on up to `jobs` tasks at once, in chunks, and returns the results in the
    /// original order, so output never depends on scheduling.
    public func concurrentMap<Result: Sendable>(
        jobs: Int, chunkSize: Int = 32, _ transform: @escaping @Sendable (Element) -> Result
    ) async -> [Result] {
        guard jobs > 1, count > chunkSize else { return map(transform) }
        let chunks = stride(from: 0, to: count, by: chunkSize).map { start in
            Array(self[start..<Swift.min(start + chunkSize, count)])
        }
        return await withTaskGroup(of: (Int, [Result]).self) { group in
            var next = 0
            var results = [[Result]](repeating: [], count: chunks.count)
            func submit() {
                let index = next
                let chunk = chunks[index]
                group.addTask { (index, chunk.map(transform)) }
                next += 1
            }
            while next < Swift.min(jobs, chunks.count) { submit() }
            for await (index, chunkResults) in group {
                results[index] = chunkResults
                if next < chunks.count { submit() }
            }
            return results.flatMap { $0 }
        }
    }
}
