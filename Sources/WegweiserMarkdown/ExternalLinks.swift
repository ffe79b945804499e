internal import CMarkGFM

/// Links that leave the site: opened without handing over the page (`noopener`), without telling
/// the other site where the reader came from (`noreferrer`), and marked for every reader — an icon
/// (from the stylesheet) and a hidden text in the page's language.
enum ExternalLinks {
    /// Whether `destination` is an http(s) address on a host other than the site's.
    static func leavesSite(_ destination: String, siteHosts: Set<String>) -> Bool {
        let lowered = destination.lowercased()
        let rest: Substring
        if lowered.hasPrefix("https://") {
            rest = lowered.dropFirst(8)
        } else if lowered.hasPrefix("http://") {
            rest = lowered.dropFirst(7)
        } else {
            return false
        }
        var host = rest.prefix { !"/?#".contains($0) }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let colon = host.lastIndex(of: ":"), !host.hasSuffix("]") { host = host[..<colon] }
        return !host.isEmpty && !siteHosts.contains(String(host))
    }

    /// Puts a custom inline in place of `link` that writes the marked `<a>` around the link's children.
    /// The caller frees `link` after rendering.
    static func mark(_ link: OpaquePointer, label: String) {
        let url = cmark_node_get_url(link).map { String(cString: $0) } ?? ""
        let title = cmark_node_get_title(link).map { String(cString: $0) } ?? ""
        var open = "<a href=\"\(escapeHref(url))\""
        if !title.isEmpty { open += " title=\"\(title.htmlEscaped)\"" }
        open += " class=\"external\" rel=\"external noopener noreferrer\">"
        let wrapper = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
        cmark_node_set_on_enter(wrapper, open)
        cmark_node_set_on_exit(wrapper, "<span class=\"visually-hidden\"> \(label.htmlEscaped)</span></a>")
        while let child = cmark_node_first_child(link) { cmark_node_append_child(wrapper, child) }
        cmark_node_replace(link, wrapper)
    }

    /// What cmark-gfm does to a link's address: characters outside a URL's safe set are
    /// percent-encoded, and `&` and `'` written as HTML entities.
    static func escapeHref(_ url: String) -> String {
        var result = ""
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;"
            case UInt8(ascii: "'"): result += "&#x27;"
            case _ where isSafe(byte): result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    private static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "-_.~!*();:@=+$,/?#[]%".utf8.contains(byte)
        }
    }
}
