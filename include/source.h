/* source.h: which timetable a command works on, and fetching one.
 *
 * A SOURCE is an http(s) or file URL, a file path, the name of a fetched timetable (cache.h) or
 * the name of a bundled timetable ("pyconkr-2014"); a fetched name hides a bundled one of the
 * same name.  Bundled timetables live in "schedules/" next to the binary when run from the
 * build tree, else in $(PREFIX)/share/planner/schedules.  Without a SOURCE: the default fetched
 * timetable (the one `planner fetch` fetched last), else the newest bundled one.
 */
#ifndef PLANNER_SOURCE_H
#define PLANNER_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cache.h"
#include "changes.h"
#include "fetch.h"

struct schedule;
struct load_options;

/* The directory of bundled timetables (borrowed, computed once), or NULL if none exists. */
const char *source_bundled_dir(void);

/* Names of the bundled timetables ("pyconkr-2024", ...), sorted.  Caller frees with
 * source_names_free(). */
char **source_bundled_names(size_t *n);
void source_names_free(char **names, size_t n);

/* Loads the timetable named by `spec` into s (freshly initialized).  NULL spec: the default
 * fetched timetable, else the newest bundled one (the one whose last day is latest).  A URL is
 * fetched on first use (not made the default) and read from the cache after; a fetched
 * timetable is read from its snapshot, never parsed again; opt applies to files and bundled
 * timetables only; cacert (NULL: the system's) is what that first fetch trusts, as
 * source_fetch_opts.cacert.  Returns 0, or -1 with error() set (EX_NOINPUT for a name that is
 * neither a file nor a fetched or bundled timetable, with suggestions; a fetch's errors for a
 * URL). */
int source_load(struct schedule *s, const char *spec, const struct load_options *opt,
		const char *cacert);

struct source_fetch_opts {
	const char *name;          /* NULL: the name the URL was fetched under, else the
	                            * conference id, else a name made from the URL */
	const char *format;        /* NULL: as recorded for this timetable, else detect */
	const char *timezone;      /* NULL: as recorded, else none */
	uint64_t max_size;         /* 0: FETCH_DEFAULT_MAX_SIZE */
	bool refresh;              /* download everything: no If-None-Match / If-Modified-Since */
	bool make_default;         /* record it as the default timetable */
	fetch_progress_fn progress; /* may be NULL */
	void *progress_data;
	const char *cacert;        /* trusted CAs (PEM) besides none: NULL, the system's */
};

enum source_fetch_outcome {
	SOURCE_NEW,          /* fetched for the first time */
	SOURCE_CHANGED,      /* new bytes replaced the cached copy */
	SOURCE_UNCHANGED,    /* the server sent the same bytes again */
	SOURCE_NOT_MODIFIED, /* the server answered 304 */
	SOURCE_OFFLINE,      /* the network failed; the cached copy stays (a warning is queued) */
};

struct source_fetch_result {
	enum source_fetch_outcome outcome;
	struct cache_meta meta;    /* the cache entry as it is now */
	bool has_report;           /* a changes report was made (SOURCE_CHANGED and sessions
	                            * changed); it is saved in the cache too */
	struct changes report;
};

void source_fetch_result_init(struct source_fetch_result *r);
void source_fetch_result_release(struct source_fetch_result *r);

/* Fetches `spec` (a URL, a path, or the name of a fetched timetable, which is fetched again
 * from its URL) into the cache: conditionally when it is cached, the bytes loaded (validated)
 * before they replace anything, the changes against the cached copy computed and saved.
 * Connection failures (no such host, no connection, a timeout) on a cached timetable are not
 * errors: the cached copy stays, with a warning.  A body the server labels with a content type
 * that is not JSON, iCalendar or plain text is a warning when it loads, part of the error when
 * it does not.  Returns 0, or -1 with error() set (fetch.h's statuses, the loader's, EX_USAGE
 * for a bad name, EX_NOINPUT for a spec that is nothing known); the cache is then untouched. */
int source_fetch(const char *spec, const struct source_fetch_opts *o, struct source_fetch_result *r);

/* "2025-08-16 09:00" in the local time zone, into buf (at least 20 bytes). */
void source_format_local(int64_t t, char *buf, size_t size);

#endif
