import WegweiserCore

/// The page a browser shows while the site has errors: every error as `file:line:column: message`,
/// in place of the site, until a build succeeds and the page reloads by itself.
enum ErrorOverlay {
    static func page(_ diagnostics: Diagnostics) -> String {
        let errors = diagnostics.all.filter { $0.severity == .error }
        let items = errors.map { diagnostic in
            let place = diagnostic.location.map { "<code class=\"place\">\($0.description.htmlEscaped):</code> " } ?? ""
            return "<li>\(place)\(diagnostic.message.htmlEscaped)</li>"
        }.joined(separator: "\n")
        let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Build failed: \(count) – Wegweiser</title>
            <style>
            body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: #1b1b1b; color: #f5f5f5; }
            main { max-width: 60rem; margin: 0 auto; padding: 2rem 1rem; }
            h1 { color: #ff8a80; font-size: 1.5rem; }
            ol { padding-inline-start: 1.5rem; }
            li { margin-block: 0.75rem; white-space: pre-wrap; overflow-wrap: anywhere; }
            .place { color: #ffd54f; }
            </style>
            </head>
            <body>
            <main id="wegweiser-error-overlay" role="alert">
            <h1>The site could not be built: \(count)</h1>
            <ol>
            \(items)
            </ol>
            <p>Fix the file and save it: this page reloads by itself.</p>
            </main>
            </body>
            </html>

            """
    }
}
