import Foundation
import Hummingbird
import ServiceLifecycle
import WegweiserBuild
import WegweiserCore

/// Answers a request from the current build: a page rendered now, a file of the site, a generated
/// file, the site's 404 page, or the error overlay. Only GET and HEAD; nothing outside the site.
struct PreviewResponder: Sendable {
    let state: PreviewState
    /// The real folder of the site, for refusing files that lead out of it through a symbolic link.
    let siteRoot: String

    /// Where the reload script and the reload events are served; no site path starts like this.
    static let reservedPrefix = "/__wegweiser/"
    static let reloadScriptPath = reservedPrefix + "reload.js"
    static let eventsPath = reservedPrefix + "events"

    func respond(to request: Request) async -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.text(.methodNotAllowed, "Only GET and HEAD.", headers: [.allow: "GET, HEAD"])
        }
        let path = request.uri.path
        if path == Self.eventsPath { return await events() }
        if path == Self.reloadScriptPath {
            return Self.response(.ok, Array(Self.reloadScript.utf8), type: "text/javascript; charset=utf-8", head: request.method == .head)
        }
        guard case .file(let file) = RequestPath.resolve(path) else {
            return Self.text(.badRequest, "This address does not lead to a file of the site.")
        }
        let head = request.method == .head
        switch await state.current {
        case .starting:
            return Self.text(.serviceUnavailable, "The site is being built.")
        case .failed(let diagnostics):
            return Self.response(.internalServerError, Self.withReloadScript(ErrorOverlay.page(diagnostics)), type: "text/html; charset=utf-8", head: head)
        case .site(let site):
            return await respond(file: file, requested: path, site: site, head: head)
        }
    }

    private func respond(file: String, requested: String, site: PreparedSite, head: Bool) async -> Response {
        if let bytes = await content(of: file, site: site) {
            let type = MediaTypes.contentType(for: file)
            let body = type.hasPrefix("text/html") ? Self.withReloadScript(String(decoding: bytes, as: UTF8.self)) : bytes
            return Self.response(.ok, body, type: type, head: head)
        }
        // A folder asked for without its slash: where a static server would redirect.
        if !file.isEmpty, !(file.split(separator: "/").last?.contains(".") ?? false),
            await content(of: file + "/index.html", site: site) != nil
        {
            var response = Response(status: .movedPermanently, headers: [.location: requested + "/", .cacheControl: "no-store"])
            response.body = .init()
            return response
        }
        let notFound = site.notFoundPage(for: file) ?? "<!DOCTYPE html><title>Not found</title><p>Not found</p>"
        return Self.response(.notFound, Self.withReloadScript(notFound), type: "text/html; charset=utf-8", head: head)
    }

    /// The bytes served at an output path, or nil.
    private func content(of file: String, site: PreparedSite) async -> [UInt8]? {
        if let html = site.renderPage(at: file) { return Array(html.utf8) }
        if let copy = site.copies[file] { return readInsideSite(copy.source) }
        return await state.generatedFiles(of: site)[file]?.bytes
    }

    /// A file of the site, unless it is (or lies behind) a symbolic link that leads out of the site.
    private func readInsideSite(_ path: String) -> [UInt8]? {
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard real.hasPrefix(siteRoot.hasSuffix("/") ? siteRoot : siteRoot + "/") else { return nil }
        return FileManager.default.contents(atPath: real).map(Array.init)
    }

    /// Server-sent events: `reload` after every build, until the browser or the server goes away.
    private func events() async -> Response {
        let builds = await state.listen()
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 300\n: connected\n\n"))
            for await generation in builds.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(string: "event: reload\ndata: \(generation)\n\n"))
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
    }

    /// Asks the page to reload when the site was built again; an external script, so that a site with
    /// a strict Content-Security-Policy works in the preview too.
    static let reloadScript = """
        // Wegweiser preview: reloads this page when the site has been built again.
        (function () {
          var source = new EventSource("\(eventsPath)");
          source.addEventListener("open", function () { document.documentElement.setAttribute("data-wegweiser-reload", "listening"); });
          source.addEventListener("reload", function () { location.reload(); });
        })();

        """

    static func withReloadScript(_ html: String) -> [UInt8] {
        let tag = "<script src=\"\(reloadScriptPath)\"></script>"
        guard let end = html.range(of: "</body>", options: .backwards) else { return Array((html + tag).utf8) }
        return Array(html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: tag).utf8)
    }

    static func response(_ status: HTTPResponse.Status, _ bytes: [UInt8], type: String, head: Bool) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store", .contentLength: String(bytes.count)]
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: head ? .init() : .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func text(_ status: HTTPResponse.Status, _ message: String, headers extra: HTTPFields = [:]) -> Response {
        var response = response(status, Array((message + "\n").utf8), type: "text/plain; charset=utf-8", head: false)
        response.headers.append(contentsOf: extra)
        return response
    }
}
