import Foundation
import WegweiserCore
import WegweiserSite

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `wegweiser check --links`: images without alt text (errors: WCAG 1.1.1), links that lead to another
/// language's text (warnings), and with `--external` the external links, fetched.
enum LinkCheck {
    static func diagnostics(for findings: [LinkFinding], site: Site) -> [Diagnostic] {
        findings.compactMap { finding in
            switch finding.kind {
            case .imageWithoutAlt:
                return .error(
                    "the image '\(finding.destination)' has no text alternative: describe it between the brackets, "
                        + "![what it shows](\(finding.destination)), for readers who cannot see it", at: finding.location)
            case .otherLanguage(let target, let textLanguage):
                let name = Locale(identifier: "en").localizedString(forIdentifier: textLanguage.localeIdentifier)
                    ?? site.language(textLanguage).name
                return .warning(
                    "the link '\(finding.destination)' leads to \(target), which shows the \(name) text; link the \(name) file "
                        + "(….\(textLanguage).md) to do so on purpose", at: finding.location)
            case .external:
                return nil
            }
        }
    }

    /// Fetches every external address once, `concurrency` at a time; a link whose address answers
    /// with an error status, or not within `timeout`, is an error at each place it is written.
    static func checkExternal(
        _ findings: [LinkFinding], siteHost: String?, session: URLSession, timeout: TimeInterval = 10, concurrency: Int = 8
    ) async -> (diagnostics: [Diagnostic], summary: String) {
        let links = findings.filter { finding in
            guard case .external = finding.kind else { return false }
            return URL(string: finding.destination)?.host != siteHost
        }
        let addresses = Array(Set(links.map(\.destination))).sorted()
        var problems: [String: String] = [:]
        await withTaskGroup(of: (String, String?).self) { group in
            var next = 0
            func start() {
                guard next < addresses.count else { return }
                let address = addresses[next]
                next += 1
                group.addTask { (address, await problem(with: address, session: session, timeout: timeout)) }
            }
            for _ in 0..<max(1, concurrency) { start() }
            for await (address, problem) in group {
                if let problem { problems[address] = problem }
                start()
            }
        }
        let diagnostics = links.compactMap { link in
            problems[link.destination].map { Diagnostic.error("the external link '\(link.destination)' \($0)", at: link.location) }
        }
        let summary = "External links: \(addresses.count) addresses checked, \(problems.count) not reachable."
        return (diagnostics, summary)
    }

    /// Nil when the address answers; else what went wrong. HEAD first, GET when the server refuses HEAD.
    static func problem(with address: String, session: URLSession, timeout: TimeInterval) async -> String? {
        guard let url = URL(string: address) else { return "is not a valid address" }
        var status = 0
        for method in ["HEAD", "GET"] {
            var request = URLRequest(url: url, timeoutInterval: timeout)
            request.httpMethod = method
            request.setValue("Wegweiser link check", forHTTPHeaderField: "User-Agent")
            do {
                let (_, response) = try await session.data(for: request)
                status = (response as? HTTPURLResponse)?.statusCode ?? 0
            } catch {
                return "cannot be reached (\(error.localizedDescription))"
            }
            if ![403, 405, 501].contains(status) { break }
        }
        return status >= 400 ? "answers with status \(status)" : nil
    }
}
