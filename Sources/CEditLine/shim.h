#ifndef TWLAB_CEDITLINE_SHIM_H
#define TWLAB_CEDITLINE_SHIM_H
// Shim over libedit. Swift cannot call C variadic functions (el_set, el_get, history) and in Swift 6
// the global stdin/stdout/stderr are not concurrency-safe, so every such use is wrapped here.
#include <stdio.h>
#include <histedit.h>

static inline FILE *twlab_stdin(void) { return stdin; }
static inline FILE *twlab_stdout(void) { return stdout; }
static inline FILE *twlab_stderr(void) { return stderr; }

#endif
