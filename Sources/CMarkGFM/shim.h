// Only the public headers: /usr/include/cmark-gfm/ holds internal ones with generic names
// (buffer.h, node.h, …) that must stay off the include path.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
