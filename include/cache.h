/* cache.h: fetched timetables on disk.
 *
 * The cache lives in $XDG_CACHE_HOME/planner (default ~/.cache/planner; a relative
 * XDG_CACHE_HOME is ignored, as the XDG spec says):
 *
 *     default               the name of the default timetable, one line
 *     .lock                 locked (flock) while anything here is written
 *     NAME/feed             the raw bytes as fetched (after gzip decoding)
 *     NAME/meta.json        URL, validators (ETag, Last-Modified), content type, load options
 *                           (format, time zone), fetched_at / checked_at, the feed's size and
 *                           checksum, and a summary (conference, sessions, days)
 *     NAME/model.snap       the model, normalized (snapshot.h): what later commands read
 *     NAME/changes.json     the report of the last re-fetch that changed the timetable
 *
 * The one consistency rule: the files of an entry always describe one version of the timetable —
 * the feed, its snapshot, meta.json (which records the feed's size and checksum) and the
 * changes report of the fetch that stored it — whatever is killed, fails or runs at the same
 * time.  A fetch that stores a new version builds the whole entry beside it (".NAME.tmp.PID",
 * every file written to a temporary, fsynced and renamed, fsutil.h) and swaps it in place in
 * one step (replace_dir); a fetch that only learns the feed is unchanged rewrites meta.json
 * alone, one atomic file.  Writers hold the cache's lock and read meta.json again under it, so
 * a fetch never stores against a version another one replaced meanwhile; what a killed fetch
 * left is removed (or, where the swap took two steps, put back) by the next one
 * (cache_recover).  Readers take no lock: a snapshot that does not match its feed (the stamp
 * of the feed it was made from) is rebuilt from the feed.  Directories are 0700 and files 0600
 * (feed URLs may carry tokens).
 * jansson reads meta.json and changes.json (this module and the loaders are the only ones that
 * include <jansson.h>).
 */
#ifndef PLANNER_CACHE_H
#define PLANNER_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct changes;
struct schedule;

#define CACHE_NAME_MAX 64

struct cache_meta {
	char *name;
	char *url;                 /* the URL, or the absolute path of a fetched file */
	char *format, *timezone;   /* load options; NULL: detect / none */
	char *load_name;           /* the --name the loader was given; NULL: none */
	char *etag, *last_modified, *content_type; /* as the server sent them; NULL when absent */
	int64_t fetched_at;        /* when these bytes were downloaded (seconds since the epoch) */
	int64_t checked_at;        /* when the server last confirmed them (a 200 or a 304) */
	uint64_t feed_size, feed_hash; /* of the raw bytes (snapshot_hash) */
	char *conf_id, *conf_name, *conf_tz; /* summary of the model, for `planner sources` */
	size_t nsessions, ndays;
};

void cache_meta_init(struct cache_meta *m);
void cache_meta_release(struct cache_meta *m);

/* The cache directory (borrowed, computed once).  NULL with error() set (EX_CANTCREAT) when
 * neither XDG_CACHE_HOME nor HOME says where it is. */
const char *cache_root(void);

/* True if name can name a cache entry: 1..CACHE_NAME_MAX of [A-Za-z0-9._-], not starting with
 * '.' or '-', and not "default" (the file naming the default timetable). */
bool cache_name_valid(const char *name);
/* A valid name made from s (a conference id, a URL's last path segment): invalid bytes become
 * '-', cut to CACHE_NAME_MAX, "default" becomes "default-timetable"; NULL when nothing usable
 * is left.  Caller frees. */
char *cache_name_from(const char *s);

/* True if the entry `name` exists (its feed is there). */
bool cache_exists(const char *name);
/* The names of the entries, sorted.  Caller frees each and the array. */
char **cache_names(size_t *n);

/* Reads NAME/meta.json into m (initialized).  Returns 0, or -1 with error() set. */
int cache_read_meta(const char *name, struct cache_meta *m);
/* True if the cached feed of m->name still has the size and checksum m records (a damaged or
 * replaced feed is fetched again whole, never kept as "up to date"). */
bool cache_feed_intact(const struct cache_meta *m);
/* The name of the entry fetched from `url`, or NULL.  Caller frees. */
char *cache_find_url(const char *url);

/* Loads the entry into s (freshly initialized) from its snapshot; a missing, corrupt or stale
 * snapshot is rebuilt from the feed (and rewritten when the cache is not busy), silently.
 * Returns 0, or -1 with error() set (EX_NOINPUT when there is no such entry, EX_DATAERR when
 * even the feed does not load). */
int cache_load(const char *name, struct schedule *s);

/* Takes the cache's write lock (creating the directory), waiting up to CACHE_LOCK_SECONDS for
 * another planner (fsutil.h: lock_file).  Returns a descriptor for cache_unlock(), or -1 with
 * error() set (EX_TEMPFAIL when it is held longer). */
#define CACHE_LOCK_SECONDS 30
int cache_lock(void);
void cache_unlock(int fd);

/* Stores a new version of entry m->name (under the lock), whole: the feed when `feed` is not
 * NULL (else the one on disk is kept), the snapshot of s (which must be the model of that
 * feed), the report when `report` is not NULL (else the entry's is kept), and meta.json.
 * Returns 0, or -1 with error() set (EX_CANTCREAT, EX_IOERR) and the entry as it was. */
/* Under the lock, before entry `name` is read to be replaced: removes what a cache_store()
 * killed before it finished left beside it, and puts back an entry it had set aside. */
void cache_recover(const char *name);
int cache_store(const struct cache_meta *m, const char *feed, size_t len,
		const struct schedule *s, const struct changes *report);
/* Rewrites only NAME/meta.json. */
int cache_write_meta(const struct cache_meta *m);

/* The default timetable's name when it is set and its entry exists, else NULL.  Caller frees. */
char *cache_default(void);
int cache_set_default(const char *name);

/* Reads the last changes report of the entry into c (initialized).  Returns 0; 1 when the
 * entry has none; -1 with error() set. */
int cache_read_changes(const char *name, struct changes *c);

#endif
