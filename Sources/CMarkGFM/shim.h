// Only the public headers: /usr/include/cmark-gfm/ holds internal ones with generic names
// (buffer.h, node.h, …) that must stay off the include path.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

// Exported by libcmark-gfm but declared only in its internal node.h: lets a task list item be
// written by our own markup (a labelled checkbox) instead of the extension's unlabelled one.
int cmark_node_set_syntax_extension(cmark_node *node, cmark_syntax_extension *extension);
