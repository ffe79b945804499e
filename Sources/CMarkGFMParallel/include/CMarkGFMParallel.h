#ifndef WEGWEISER_CMARK_GFM_PARALLEL_H
#define WEGWEISER_CMARK_GFM_PARALLEL_H

// cmark-gfm 0.29.0.gfm.6 keeps the characters that start an inline in one process-global table.
// Every parse adds its extensions' characters (`~` for strikethrough, `:` and `w` for autolinks) when
// it starts on inlines and removes them when it is done, through
// cmark_manage_extensions_special_characters — so a parse that finishes while another runs takes
// strikethrough and autolinks away from the other.
//
// This target defines cmark_manage_extensions_special_characters itself. The library calls the
// function through its procedure linkage table, so the program's definition is the one it reaches
// (symbol interposition). Once `wegweiser_cmark_pin_special_characters` has added every extension's
// characters, the table stays filled and no parse changes it again; before that, and for anything
// else, calls pass on to the library's own function.

/// Adds the special characters of `parser`'s extensions to the table for good. Returns 0 when the
/// library's own function cannot be found (then nothing changed).
int wegweiser_cmark_pin_special_characters(void *parser);

/// Whether the library has called the program's definition since the process started: a parse with
/// an inline extension must have, when interposition works. Without it the table still toggles,
/// and parses must not overlap.
int wegweiser_cmark_calls_reach_us(void);

#endif
