internal import CMarkGFM

/// Task list items (`- [x] done`): cmark-gfm writes a checkbox with no label. Each item's checkbox
/// goes inside a `<label>` around the item's first paragraph, so its text names it.
enum TaskItems {
    static func label(_ item: OpaquePointer) {
        guard let paragraph = cmark_node_first_child(item), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH
        else { return }
        let checked = cmark_gfm_extensions_get_tasklist_item_checked(item)
        let wrapper = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
        cmark_node_set_on_enter(
            wrapper, "<label class=\"task\"><input type=\"checkbox\"\(checked ? " checked" : "") disabled> ")
        cmark_node_set_on_exit(wrapper, "</label>")
        while let child = cmark_node_first_child(paragraph) { cmark_node_append_child(wrapper, child) }
        cmark_node_append_child(paragraph, wrapper)
        cmark_node_set_syntax_extension(item, nil)
    }
}
