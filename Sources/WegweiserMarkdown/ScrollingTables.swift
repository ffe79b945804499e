internal import CMarkGFM

/// A table wider than a phone scrolls sideways inside a region of its own, which takes keyboard focus
/// (so it can be scrolled without a mouse) and has a name; the page itself never scrolls sideways.
enum ScrollingTables {
    static func wrap(_ table: OpaquePointer, label: String) {
        let region = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(
            region, "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(label.htmlEscaped)\">")
        cmark_node_set_on_exit(region, "</div>")
        cmark_node_insert_before(table, region)
        cmark_node_append_child(region, table)
    }
}
