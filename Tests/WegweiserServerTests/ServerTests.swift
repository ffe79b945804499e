import Foundation
import Hummingbird
import Synchronization
import Testing
import WegweiserBuild
import WegweiserCore
@testable import WegweiserServer

@Suite struct RequestPathTests {
    @Test(arguments: [
        ("/", "index.html"), ("/de/", "de/index.html"), ("/de", "de"), ("/de/feed.xml", "de/feed.xml"),
        ("/de/%C3%BCber/", "de/über/index.html"), ("/de/?q=Wohnung", "de/index.html"), ("//de//x.css", "de/x.css"),
    ])
    func mapsAddressesToFilesOfTheSite(path: String, file: String) {
        #expect(RequestPath.resolve(path) == .file(file))
    }

    @Test(arguments: [
        "/../etc/passwd", "/de/../../site.yaml", "/%2e%2e/%2e%2e/etc/passwd", "/de/..%2f..%2fsite.yaml", "/de/%2E%2E/x",
        "/de/./x", "/a%5c..%5cb", "/a%00b", "relative/path", "/%zz",
    ])
    func refusesAddressesThatLeaveTheSite(path: String) {
        #expect(RequestPath.resolve(path) == .invalid)
    }

    @Test(arguments: [
        ("de/index.html", "text/html; charset=utf-8"), ("assets/wegweiser.css", "text/css; charset=utf-8"),
        ("search/engine.mjs", "text/javascript; charset=utf-8"), ("de/search-index.json", "application/json"),
        ("sitemap.xml", "application/xml; charset=utf-8"), ("de/events.ics", "text/calendar; charset=utf-8"),
        ("de/x/x.vcf", "text/vcard; charset=utf-8"), ("a/photo.JPG", "image/jpeg"), ("a/logo.svg", "image/svg+xml"),
        ("fonts/a.woff2", "font/woff2"), ("README", "application/octet-stream"),
    ])
    func namesTheContentTypeByExtension(path: String, type: String) {
        #expect(MediaTypes.contentType(for: path) == type)
    }
}

/// A small site in a temporary folder, served through the responder without a network.
struct ServedSite {
    let directory: String
    let state = PreviewState()
    let responder: PreviewResponder

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("wegweiser-serve-\(UUID().uuidString)").path
        responder = PreviewResponder(state: state, siteRoot: URL(fileURLWithPath: directory).resolvingSymlinksInPath().path)
        try write("title: Probe\nbase_url: http://127.0.0.1:1313/\nlanguages: [de, en]\n", to: "site.yaml")
        try write("---\ntitle: Start\n---\nWillkommen.\n", to: "content/_index.de.md")
        try write("---\ntitle: Wohnen\n---\nEine Wohnung finden.\n", to: "content/wohnen.de.md")
        try write("Hallo", to: "static/hallo.txt")
    }

    func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: directory + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func build() async {
        let (prepared, report) = await SiteBuilder(options: BuildOptions(sourceDirectory: directory, baseURL: "http://127.0.0.1:1313/")).prepare()
        await state.update(prepared, diagnostics: report.diagnostics)
    }

    func get(_ path: String, method: HTTPRequest.Method = .get) async -> (status: Int, type: String?, body: String) {
        let request = Request(head: HTTPRequest(method: method, scheme: "http", authority: "127.0.0.1", path: path), body: .init(buffer: ByteBuffer()))
        let response = await responder.respond(to: request)
        let collected = Collected()
        try? await response.body.write(CollectingWriter(collected: collected))
        return (response.status.code, response.headers[.contentType], collected.text)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: directory) }
}

final class Collected: Sendable {
    let bytes = Mutex<[UInt8]>([])
    var text: String { bytes.withLock { String(decoding: $0, as: UTF8.self) } }
}

struct CollectingWriter: ResponseBodyWriter {
    let collected: Collected
    mutating func write(_ buffer: ByteBuffer) async throws {
        collected.bytes.withLock { $0 += buffer.readableBytesView }
    }
    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

@Suite struct PreviewResponderTests {
    @Test func servesPagesRenderedNowWithTheReloadScript() async throws {
        let site = try ServedSite()
        defer { site.cleanUp() }
        await site.build()
        let page = await site.get("/de/wohnen/")
        #expect(page.status == 200)
        #expect(page.type == "text/html; charset=utf-8")
        #expect(page.body.contains("Eine Wohnung finden."))
        #expect(page.body.contains("<script src=\"/__wegweiser/reload.js\"></script></body>"))
        let script = await site.get("/__wegweiser/reload.js")
        #expect(script.status == 200 && script.body.contains("EventSource(\"/__wegweiser/events\")"))
    }

    @Test func servesGeneratedFilesAndTheSitesOwnFiles() async throws {
        let site = try ServedSite()
        defer { site.cleanUp() }
        await site.build()
        #expect(await site.get("/static-missing").status == 404)
        let text = await site.get("/hallo.txt")
        #expect(text.status == 200 && text.body == "Hallo" && text.type == "text/plain; charset=utf-8")
        #expect(await site.get("/de/feed.xml").type == "application/xml; charset=utf-8")
        #expect(await site.get("/de/search-index.json").body.contains("wegweiser-search/1"))
        #expect(await site.get("/search/engine.mjs").status == 200)
        #expect(await site.get("/assets/wegweiser.css").status == 200)
    }

    @Test func answersUnknownAddressesWithTheSites404PageOfTheirLanguage() async throws {
        let site = try ServedSite()
        defer { site.cleanUp() }
        await site.build()
        let missing = await site.get("/en/nowhere/")
        #expect(missing.status == 404)
        #expect(missing.body.contains("<html lang=\"en\""))
        let folder = await site.get("/de/wohnen")
        #expect(folder.status == 301)
    }

    @Test func refusesOtherMethodsAndAddressesOutsideTheSite() async throws {
        let site = try ServedSite()
        defer { site.cleanUp() }
        await site.build()
        #expect(await site.get("/de/", method: .post).status == 405)
        #expect(await site.get("/de/", method: .delete).status == 405)
        let head = await site.get("/de/", method: .head)
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(await site.get("/../site.yaml").status == 400)
        #expect(await site.get("/%2e%2e/%2e%2e/etc/passwd").status == 400)
    }

    @Test func doesNotFollowALinkOutOfTheSite() async throws {
        let site = try ServedSite()
        defer { site.cleanUp() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("wegweiser-secret-\(UUID().uuidString).txt")
        try "secret".write(to: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(atPath: site.directory + "/static/secret.txt", withDestinationPath: outside.path)
        await site.build()
        let response = await site.get("/secret.txt")
        #expect(response.status == 404)
        #expect(!response.body.contains("secret\n") && response.body != "secret")
    }

    @Test func showsTheErrorsInPlaceOfTheSiteAndRecovers() async throws {
        let site = try ServedSite()
        defer { site.cleanUp() }
        try site.write("---\ntitle: Wohnen\ndate: 2026-13-01\n---\nText <b>\n", to: "content/wohnen.de.md")
        await site.build()
        let overlay = await site.get("/de/wohnen/")
        #expect(overlay.status == 500)
        #expect(overlay.body.contains("content/wohnen.de.md:3:7:"))
        #expect(overlay.body.contains("is not a valid date"))
        #expect(overlay.body.contains("/__wegweiser/reload.js"))
        try site.write("---\ntitle: Wohnen\ndate: 2026-01-01\n---\nRepariert.\n", to: "content/wohnen.de.md")
        await site.build()
        let page = await site.get("/de/wohnen/")
        #expect(page.status == 200 && page.body.contains("Repariert."))
    }

    @Test func tellsListenersAboutEveryBuild() async throws {
        let site = try ServedSite()
        defer { site.cleanUp() }
        await site.build()
        let builds = await site.state.listen()
        await site.build()
        var iterator = builds.makeAsyncIterator()
        #expect(await iterator.next() == 2)
    }
}

@Suite struct FileWatcherTests {
    @Test func reportsChangedFilesInWatchedFoldersAndNewFolders() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wegweiser-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/output", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = FileWatcher(root: root, folders: ["content"], files: ["site.yaml"])
        let changes = watcher.changes()
        var iterator = changes.makeAsyncIterator()

        try "x".write(toFile: root + "/output/ignored.html", atomically: false, encoding: .utf8)
        try "x".write(toFile: root + "/content/.hidden.swp", atomically: false, encoding: .utf8)
        try "---\ntitle: A\n---\n".write(toFile: root + "/content/a.de.md", atomically: true, encoding: .utf8)
        #expect(await iterator.next() == ["content/a.de.md"])

        try FileManager.default.createDirectory(atPath: root + "/content/neu", withIntermediateDirectories: true)
        try await Task.sleep(for: .milliseconds(100))
        try "b".write(toFile: root + "/content/neu/b.de.md", atomically: false, encoding: .utf8)
        var seen: [String] = []
        while !seen.contains("content/neu/b.de.md"), let batch = await iterator.next() { seen += batch }
        #expect(seen.contains("content/neu/b.de.md"))

        try "title: T\n".write(toFile: root + "/site.yaml", atomically: false, encoding: .utf8)
        #expect(await iterator.next() == ["site.yaml"])
    }
}
