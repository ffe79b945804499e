import Foundation
import Testing
import WegweiserBuild
import WegweiserCore

/// The whole output of the fixture site, byte for byte, against files under Golden/.
/// Re-record after an intended change with `make golden` (WEGWEISER_RECORD_GOLDEN=1) and review the diff.
@Suite struct GoldenSiteTests {
    @Test(arguments: ["small"])
    func buildsTheFixtureSiteExactlyAsRecorded(_ name: String) async throws {
        let site = try FixtureSite(name)
        defer { site.cleanUp() }
        let report = await site.build()
        #expect(site.messages(report) == [], "the fixture builds without warnings")
        #expect(report.succeeded)
        var actual = try FixtureSite.snapshot(of: site.output)
        // The engine ships as written; its source, not a golden copy, is what the Node tests check.
        let engineSource = URL(fileURLWithPath: #filePath).appending(path: "../../../Sources/WegweiserSearch/Engine/engine.mjs")
        #expect(actual.removeValue(forKey: "search/engine.mjs") == (try Data(contentsOf: engineSource.standardizedFileURL)))
        let goldenFolder = FixtureSite.golden.appending(path: name).path
        if ProcessInfo.processInfo.environment["WEGWEISER_RECORD_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: goldenFolder)
            for (path, data) in actual {
                let url = URL(fileURLWithPath: goldenFolder + "/" + path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }
        let expected = try FixtureSite.snapshot(of: goldenFolder)
        let missing = Set(expected.keys).subtracting(actual.keys).sorted()
        let extra = Set(actual.keys).subtracting(expected.keys).sorted()
        #expect(missing.isEmpty && extra.isEmpty, "missing: \(missing); not recorded: \(extra)")
        for path in actual.keys.sorted() where expected[path] != nil && actual[path] != expected[path] {
            let got = String(decoding: actual[path]!, as: UTF8.self)
            let want = String(decoding: expected[path]!, as: UTF8.self)
            Issue.record("\(path) differs from its golden file:\n\(firstDifference(got, want))")
        }
    }

    private func firstDifference(_ a: String, _ b: String) -> String {
        let linesA = a.split(separator: "\n", omittingEmptySubsequences: false)
        let linesB = b.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(linesA.count, linesB.count) {
            let lineA = index < linesA.count ? String(linesA[index]) : "<end>"
            let lineB = index < linesB.count ? String(linesB[index]) : "<end>"
            if lineA != lineB { return "line \(index + 1):\n  built:  \(lineA)\n  golden: \(lineB)" }
        }
        return "(no line differs)"
    }
}
