/* fsutil.h: files that must never be half-written, and where planner keeps them (XDG). */
#ifndef PLANNER_FSUTIL_H
#define PLANNER_FSUTIL_H

#include <stdbool.h>
#include <stddef.h>

/* Writes data[0..len) to `path` atomically, as a private file (0600): planner's own state.  A
 * temporary "<path>.tmp.<pid>" in the same directory, fsync, rename over the old file, fsync of
 * the directory.  On failure the old file is untouched and the temporary removed; returns -1
 * with error() set (EX_CANTCREAT or EX_IOERR, naming the path and the cause, e.g. "No space
 * left on device"). */
int write_file_atomic(const char *path, const void *data, size_t len);

/* Writes a file the user named (print -o, export -o): "-" is standard output (flushed); a
 * symbolic link is followed (the link stays, its target is written, created if missing); an
 * existing regular file is replaced as write_file_atomic() does but keeps its mode (and, when
 * allowed, its owner); a new file gets 0666 less the umask; a device or FIFO is written through,
 * never replaced; a directory is refused (EX_CANTCREAT, "it is a directory").  Nothing
 * half-written replaces a regular file.  0, or -1 with error() set as for write_file_atomic(). */
int write_output(const char *path, const void *data, size_t len);

/* Temporaries: every file planner replaces is first written as "<name>.tmp.<pid>" beside it.
 * One rule says when such a file is stale: its process is gone.  Removes the stale temporaries
 * of `name` in `dir` (name NULL: of every name there). */
void remove_stale_temporaries(const char *dir, const char *name);

/* Directories replaced whole (a cache entry: its files describe one version together).  A new
 * version is built in dir_temporary(dir), "<parent>/.<name>.tmp.<pid>" (caller frees; create
 * it, fill it with write_file_atomic()), then replace_dir() puts it in place of dir in one step
 * (the two change places, renameat2 RENAME_EXCHANGE, and the old one is removed; where the file
 * system cannot, the old one is first moved aside as ".<name>.old.<pid>").  A crash at any point
 * leaves dir whole, old or new.  On failure the temporary is removed, dir left as it was; -1
 * with error() set (EX_IOERR).  recover_dir() (under the lock that guards dir) removes the
 * version directories of processes that are gone, and puts an old version set aside back when
 * dir is missing. */
char *dir_temporary(const char *dir);
int replace_dir(const char *tmp, const char *dir);
void recover_dir(const char *dir);

/* Locks: every lock has a timeout.  lock_file() takes an exclusive lock (flock) on the file
 * lock_path (created 0600 if missing), which guards `what` ("the plan") at `path` (both only for
 * messages), waiting up to `seconds` for another planner to let go; PLANNER_LOCK_TIMEOUT
 * (seconds, decimals allowed) replaces every timeout but a zero one, which tries once.  After a
 * second of waiting it calls the wait notice once (lock_set_wait_notice).  Returns the lock's
 * descriptor for lock_release(), or -1 with error() set (EX_TEMPFAIL when another planner holds
 * it too long, EX_CANTCREAT when the lock file cannot be made). */
int lock_file(const char *lock_path, const char *what, const char *path, int seconds);
/* lock_file() on "<path>.lock", beside the file it guards (its folder made first, as for a file
 * about to be written): the plan's and the venue file's lock. */
int lock_beside(const char *path, const char *what, int seconds);
void lock_release(int fd);
/* The wait notice: the command layer's, which says what it waits for (modules never print).
 * Process-wide; NULL (the start) for none. */
typedef void lock_wait_fn(const char *what, const char *path);
void lock_set_wait_notice(lock_wait_fn *fn);

/* Creates `dir` and its missing parents (mode 0700 for the ones it creates).  -1 with error() set
 * (EX_CANTCREAT). */
int mkdir_p(const char *dir);
/* The same for the directory that `path` is in (nothing for a name without a '/' or just below
 * the root). */
int mkdir_parent(const char *path);

/* Makes `name` safe as a file name, in place: every byte but [A-Za-z0-9._-], and a leading dot,
 * becomes "_".  True when nothing had to change. */
bool file_name_safe(char *name);

/* $XDG_DATA_HOME/planner (default ~/.local/share/planner), $XDG_CACHE_HOME/planner (default
 * ~/.cache/planner), $XDG_CONFIG_HOME/planner (default ~/.config/planner).  Relative XDG values
 * are ignored, as the XDG spec says.  Caller frees; NULL with error() set when neither the
 * variable nor $HOME is usable. */
char *xdg_data_dir(void);
/* A file name for `id`: the id itself when it is 1 to 64 of [A-Za-z0-9._-] not starting with a
 * dot; any other id is made safe (those bytes, and a leading dot, become "_"), cut to 40 bytes
 * and followed by "-" and 16 hex digits of a hash of the whole id, so that distinct ids never
 * share a file.  Caller frees. */
char *file_name_for(const char *id);
/* $XDG_DATA_HOME/planner/<file_name_for(conf_id)><suffix>.  Caller frees; NULL with error() set
 * as for xdg_data_dir(). */
char *xdg_data_file(const char *conf_id, const char *suffix);
char *xdg_cache_dir(void);
char *xdg_config_dir(void);
/* $XDG_STATE_HOME/planner (default ~/.local/state/planner): what a CalDAV push remembers. */
char *xdg_state_dir(void);

#endif
