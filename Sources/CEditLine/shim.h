#ifndef TWLAB_CEDITLINE_SHIM_H
#define TWLAB_CEDITLINE_SHIM_H
// Shim over libedit. Swift cannot call C variadic functions (el_set, el_get, history) and in Swift 6
// the global stdin/stdout/stderr are not concurrency-safe, so every such use is wrapped here.
//
// Note: the functions below are `static inline`, so every Swift object file that calls them gets its
// own copy, including of function-local statics, so no state lives here (Ctrl-C is SocketLab's
// StopSignal).
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <string.h>
#include <signal.h>
#include <errno.h>
#include <locale.h>
#include <langinfo.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <histedit.h>

static inline FILE *twlab_stdin(void) { return stdin; }
static inline FILE *twlab_stdout(void) { return stdout; }
static inline FILE *twlab_stderr(void) { return stderr; }

// MARK: - Locale

/// The codeset of the current LC_CTYPE locale, for example "UTF-8" or "ANSI_X3.4-1968".
static inline const char *twlab_codeset(void) { return nl_langinfo(CODESET); }


// MARK: - Terminal

/// Columns of the terminal on `fd`, or 0 when `fd` is not a terminal or does not say.
static inline int twlab_terminal_columns(int fd) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return (int)size.ws_col;
}

// MARK: - errno
// (Ctrl-C itself is handled in Swift by SocketLab's StopSignal, the program's one interrupt mechanism.)

static inline int twlab_errno(void) { return errno; }

// MARK: - EditLine settings (el_set / el_get are variadic)

typedef char *(*twlab_prompt_func)(EditLine *);
typedef unsigned char (*twlab_command_func)(EditLine *, int);

static inline int twlab_el_set_prompt_esc(EditLine *el, twlab_prompt_func f, char escape) {
    return el_set(el, EL_PROMPT_ESC, f, escape);
}
static inline int twlab_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int twlab_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}
static inline int twlab_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *twlab_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}
static inline int twlab_el_add_function(EditLine *el, const char *name, const char *help, twlab_command_func f) {
    return el_set(el, EL_ADDFN, name, help, f);
}
static inline int twlab_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, NULL);
}
static inline int twlab_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
/// Reads ~/.editrc (or $EDITRC) like other libedit programs do.
static inline int twlab_el_source_editrc(EditLine *el) { return el_source(el, NULL); }

// MARK: - History (history() is variadic)

static inline int twlab_history_set_size(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}
static inline int twlab_history_set_unique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}
static inline int twlab_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}
static inline int twlab_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}
static inline int twlab_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}
static inline int twlab_history_count(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_GETSIZE) < 0) return 0;
    return ev.num;
}

#endif
