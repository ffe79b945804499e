#define _GNU_SOURCE
#include "CMarkGFMParallel.h"

#include <dlfcn.h>
#include <stdatomic.h>
#include <stddef.h>

typedef void (*manage_function)(void *parser, int add);

static atomic_int pinned;
static atomic_int reached;

// The library's definition: the next one after the program's in the lookup order.
static manage_function library_function(void) {
    return (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
}

void cmark_manage_extensions_special_characters(void *parser, int add) {
    atomic_store(&reached, 1);
    if (atomic_load(&pinned)) return;
    manage_function function = library_function();
    if (function != NULL) function(parser, add);
}

int wegweiser_cmark_pin_special_characters(void *parser) {
    manage_function function = library_function();
    if (function == NULL) return 0;
    function(parser, 1);
    atomic_store(&pinned, 1);
    return 1;
}

int wegweiser_cmark_calls_reach_us(void) {
    return atomic_load(&reached);
}
