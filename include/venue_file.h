/* venue_file.h: the venue file — what `planner rooms set` and `planner rooms walk` keep for a
 * conference (venue.h), $XDG_DATA_HOME/planner/<conference-id>.venue.json, beside its plan and
 * apart from the fetched timetable, so that a new version of the timetable keeps it.  Read with
 * jansson; written atomically (temporary, fsync, rename) under its lock.
 *
 *     {"planner_venue": 1, "conference": "pyconkr-2024",
 *      "rooms": [{"id": "hall-1", "name": "컨벤션 홀 1", "floor": "3", "building": null}],
 *      "walks": [{"rooms": ["hall-1", "hall-3"], "minutes": 4},
 *                {"buildings": ["Main", "Annex"], "minutes": 8}]}
 */
#ifndef PLANNER_VENUE_FILE_H
#define PLANNER_VENUE_FILE_H

#include <stddef.h>

#include "venue.h"

/* The venue file of conference conf_id.  Caller frees; NULL with error() set as plan_path. */
char *venue_file_path(const char *conf_id);
/* Takes the venue file's lock ("<path>.lock", waiting up to PLAN_LOCK_SECONDS): the descriptor,
 * or -1 with error() set (EX_TEMPFAIL, EX_CANTCREAT). */
int venue_file_lock(const char *path);
/* Reads the venue file at path into v (venue_init()ed): 0; 1 when there is none (v empty); -1
 * with error() set (EX_DATAERR: "PATH: damaged venue file: ...", the file left as it is). */
int venue_file_load(struct venue *v, const char *path);
/* The same for the text buf[0..len) of the file `path` (named in messages): 0, or -1. */
int venue_file_parse(struct venue *v, const char *buf, size_t len, const char *path);
/* Writes v to path atomically (its directory made when missing).  0, or -1 with error() set. */
int venue_file_save(const struct venue *v, const char *path);

#endif
