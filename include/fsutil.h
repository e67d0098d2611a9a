/* fsutil.h: files that must never be half-written, and where planner keeps them (XDG). */
#ifndef PLANNER_FSUTIL_H
#define PLANNER_FSUTIL_H

#include <stddef.h>

/* Writes data[0..len) to `path` atomically: a temporary file in the same directory, fsync, rename
 * over the old file, fsync of the directory.  On failure the old file is untouched and the
 * temporary removed; returns -1 with error() set (EX_CANTCREAT or EX_IOERR, naming the path and
 * the cause, e.g. "No space left on device"). */
int write_file_atomic(const char *path, const void *data, size_t len);

/* Takes an exclusive lock on "<path>.lock" (created if missing), waiting up to `seconds` for
 * another planner to finish with the file.  Returns the lock's file descriptor — closing it
 * releases the lock — or -1 with error() set (EX_TEMPFAIL when another planner holds it
 * longer, EX_CANTCREAT when the lock file cannot be made). */
int lock_file(const char *path, int seconds);

/* Creates `dir` and its missing parents (mode 0700 for the ones it creates).  -1 with error() set
 * (EX_CANTCREAT). */
int mkdir_p(const char *dir);

/* $XDG_DATA_HOME/planner (default ~/.local/share/planner), $XDG_CACHE_HOME/planner (default
 * ~/.cache/planner), $XDG_CONFIG_HOME/planner (default ~/.config/planner).  Relative XDG values
 * are ignored, as the XDG spec says.  Caller frees; NULL with error() set when neither the
 * variable nor $HOME is usable. */
char *xdg_data_dir(void);
/* $XDG_DATA_HOME/planner/<conf_id><suffix> for an id of 1 to 64 of [A-Za-z0-9._-] not starting
 * with a dot; any other id is made safe (those bytes, and a leading dot, become "_"), cut to 40
 * bytes and followed by "-" and 16 hex digits of a hash of the whole id, so that distinct ids
 * never share a file.  Caller frees; NULL with error() set as for xdg_data_dir(). */
char *xdg_data_file(const char *conf_id, const char *suffix);
char *xdg_cache_dir(void);
char *xdg_config_dir(void);

#endif
