import WegweiserCore
import WegweiserSite

/// Redirect pages that work on any static host, without JavaScript: a meta refresh, a canonical
/// link and a visible link for browsers that do not follow refreshes.
public enum Redirects {
    /// One page per alias.
    public static func files(for site: Site) -> [OutputFile] {
        site.redirects.map { redirect in
            OutputFile(
                path: redirect.from.outputFile, text: page(to: redirect.to, language: redirect.language, site: site),
                origin: redirect.location)
        }
    }

    /// A redirect page to `target`.
    public static func page(to target: URLPath, language: LanguageCode, site: Site) -> String {
        let url = site.url(for: target).htmlEscaped
        let absolute = site.absoluteURL(for: target).htmlEscaped
        return """
            <!DOCTYPE html>
            <html lang="\(language)" dir="\(site.language(language).direction.rawValue)">
            <head>
            <meta charset="utf-8">
            <title>\(site.config.title(for: language).htmlEscaped)</title>
            <link rel="canonical" href="\(absolute)">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=\(url)">
            </head>
            <body>
            <p><a href="\(url)">\(absolute)</a></p>
            </body>
            </html>

            """
    }

    /// `/index.html`: leads to the default language at once, and lists every language for people
    /// whose browser does not follow the refresh.
    public static func rootPage(for site: Site) -> OutputFile {
        let language = site.config.defaultLanguage
        let target = site.homes[language].map { site[$0].path } ?? .root
        let links = site.languages.compactMap { language -> String? in
            guard let home = site.homes[language.code] else { return nil }
            let url = site.url(for: site[home].path).htmlEscaped
            return "<li><a href=\"\(url)\" hreflang=\"\(language.code)\" lang=\"\(language.code)\" dir=\"\(language.direction.rawValue)\">\(language.name.htmlEscaped)</a></li>"
        }
        let alternates = site.languages.compactMap { language -> String? in
            guard let home = site.homes[language.code] else { return nil }
            return "<link rel=\"alternate\" hreflang=\"\(language.code)\" href=\"\(site.absoluteURL(for: site[home].path).htmlEscaped)\">"
        }
        let html = """
            <!DOCTYPE html>
            <html lang="\(language)" dir="\(site.language(language).direction.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(site.config.title(for: language).htmlEscaped)</title>
            <link rel="canonical" href="\(site.absoluteURL(for: target).htmlEscaped)">
            \(alternates.joined(separator: "\n"))
            <meta http-equiv="refresh" content="0; url=\(site.url(for: target).htmlEscaped)">
            </head>
            <body>
            <main>
            <h1>\(site.config.title(for: language).htmlEscaped)</h1>
            <ul>
            \(links.joined(separator: "\n"))
            </ul>
            </main>
            </body>
            </html>

            """
        return OutputFile(path: "index.html", text: html)
    }
}

/// `robots.txt`: everything may be crawled; the sitemap index is named.
public enum RobotsFile {
    public static func file(for site: Site) -> OutputFile {
        OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(site.absoluteURL(for: URLPath(segments: ["sitemap.xml"], isDirectory: false)))\n")
    }
}
