import Foundation
import Testing
import WegweiserBuild
import WegweiserCore
import WegweiserSite
@testable import WegweiserCLI

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Answers like a web server would: /gone is gone, /nohead refuses HEAD, /down cannot be reached.
final class StubServer: URLProtocol, @unchecked Sendable {
    override class func canInit(with request: URLRequest) -> Bool { true }
    override class func canonicalRequest(for request: URLRequest) -> URLRequest { request }
    override func stopLoading() {}

    override func startLoading() {
        let url = request.url!
        if url.path == "/down" {
            client?.urlProtocol(self, didFailWithError: URLError(.cannotConnectToHost))
            return
        }
        let status = url.path == "/gone" ? 404 : (url.path == "/nohead" && request.httpMethod == "HEAD") ? 405 : 200
        client?.urlProtocol(self, didReceive: HTTPURLResponse(url: url, statusCode: status, httpVersion: "HTTP/1.1", headerFields: [:])!,
                            cacheStoragePolicy: .notAllowed)
        client?.urlProtocol(self, didLoad: Data())
        client?.urlProtocolDidFinishLoading(self)
    }
}

@Suite struct LinkCheckTests {
    func finding(_ url: String, line: Int) -> LinkFinding {
        LinkFinding(kind: .external, destination: url, location: SourceLocation(file: "content/a.de.md", line: line, column: 3))
    }

    @Test func fetchesEachExternalAddressOnceAndReportsEveryPlaceOfABrokenOne() async {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.protocolClasses = [StubServer.self]
        let findings = [
            finding("https://example.com/ok", line: 4), finding("https://example.com/gone", line: 5),
            finding("https://example.com/gone", line: 9), finding("https://example.com/nohead", line: 6),
            finding("https://example.com/down", line: 7), finding("https://our.example.org/draft/", line: 8),
        ]
        let (diagnostics, summary) = await LinkCheck.checkExternal(
            findings, siteHost: "our.example.org", session: URLSession(configuration: configuration), concurrency: 2)
        #expect(diagnostics.map(\.description).sorted() == [
            "content/a.de.md:5:3: error: the external link 'https://example.com/gone' answers with status 404",
            "content/a.de.md:7:3: error: the external link 'https://example.com/down' cannot be reached (\(URLError(.cannotConnectToHost).localizedDescription))",
            "content/a.de.md:9:3: error: the external link 'https://example.com/gone' answers with status 404",
        ])
        #expect(summary == "External links: 4 addresses checked, 2 not reachable.")
    }

    @Test func imagesWithoutAltAreErrorsAndLinksToAnotherLanguagesTextWarnings() async throws {
        let site = try #require(await SiteBuilder(options: BuildOptions(sourceDirectory: CLITests.fixture, jobs: 2)).assemble().0?.site)
        let location = SourceLocation(file: "content/a.en.md", line: 4, column: 1)
        let diagnostics = LinkCheck.diagnostics(for: [
            LinkFinding(kind: .imageWithoutAlt, destination: "plan.svg", location: location),
            LinkFinding(kind: .otherLanguage(target: "/en/x/", textLanguage: LanguageCode("de")!), destination: "x.md", location: location),
            LinkFinding(kind: .external, destination: "https://example.com/", location: location),
        ], site: site)
        #expect(diagnostics.map(\.description) == [
            "content/a.en.md:4:1: error: the image 'plan.svg' has no text alternative: describe it between the brackets, ![what it shows](plan.svg), for readers who cannot see it",
            "content/a.en.md:4:1: warning: the link 'x.md' leads to /en/x/, which shows the German text; link the German file (….de.md) to do so on purpose",
        ])
    }
}
