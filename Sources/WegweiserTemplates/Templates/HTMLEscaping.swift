import Mustache
import WegweiserCore

/// Mustache's own HTML escaping walks every character through a dictionary, and it was the largest
/// single cost of rendering. Every template starts with a pragma that selects this content type,
/// which escapes the same characters but returns text without any of them untouched, without copying.
enum HTMLEscaping {
    static let name = "WEGWEISER_HTML"
    /// On a line of its own, which Mustache removes from the output as a standalone tag.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    struct ContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { text.htmlEscaped }
    }

    private static let registered: Bool = {
        MustacheContentTypes.register(ContentType(), named: name)
        return true
    }()

    static func register() {
        _ = registered
    }
}
