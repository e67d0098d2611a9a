/* changes.h: what changed between two versions of a timetable — sessions added, cancelled
 * (gone), moved in time, moved to another room, retitled — and the report shown to the user.
 *
 * changes_compute() is pure (two models in, a list out; no I/O).  Sessions are matched by id,
 * the only thing a feed promises to keep stable.  Rooms are compared by their ids, times as
 * instants, titles byte for byte.  The report formatters (changes_format.c) write text or JSON;
 * the cli prints it.
 */
#ifndef PLANNER_CHANGES_H
#define PLANNER_CHANGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct jsonw;
struct schedule;
struct tz;

enum change_kind {
	CHANGE_ADDED = 1 << 0,     /* new in the new version */
	CHANGE_CANCELLED = 1 << 1, /* gone from the new version */
	CHANGE_TIME = 1 << 2,      /* start or end moved, or (un)scheduled */
	CHANGE_ROOM = 1 << 3,      /* another room or set of rooms */
	CHANGE_TITLE = 1 << 4,     /* retitled */
};

struct change {
	unsigned kinds;            /* CHANGE_ADDED or CHANGE_CANCELLED alone; else TIME|ROOM|TITLE */
	char *id;
	char *title;               /* the current title (the last one for a cancelled session) */
	char *old_title;           /* the title before, when retitled; else NULL */
	bool old_timed, new_timed; /* the old / new version has a time (false when absent) */
	int64_t old_start, old_end, new_start, new_end;
	char *old_room, *new_room; /* room labels ("Hall A", "all rooms"; "" for none); NULL when
	                            * that version does not exist */
	bool planned;              /* the session is in the user's plan (changes_put_planned_first) */
};

struct changes {
	char *conference;          /* the conference name (of the new version) */
	char *timezone;            /* its IANA zone, for showing times */
	int64_t since, at;         /* when the old and the new version were fetched (0: unknown);
	                            * set by the caller */
	struct change *v;
	size_t n, alloc;
};

void changes_init(struct changes *c);
void changes_release(struct changes *c);
/* Appends a zeroed change and returns it (borrowed; valid until the next add). */
struct change *changes_add(struct changes *c);

/* Fills c (initialized; whatever it held is released) with the differences from old_s to
 * new_s, in report order (see changes_sort).  Never fails. */
void changes_compute(const struct schedule *old_s, const struct schedule *new_s,
		     struct changes *c);

/* Sorts c in report order: planned sessions first; then cancelled, moved in time, moved to
 * another room, retitled, added; then by time (the new one, or the old one for a cancelled
 * session; untimed last), then by id. */
void changes_sort(struct changes *c);

/* The plan hook: marks the changes that touch the sessions with these ids as planned and puts
 * them first.  Plans do not exist yet; when they do, `planner fetch` and `planner changes` pass
 * the saved plan's session ids here. */
void changes_put_planned_first(struct changes *c, const char *const *planned_ids, size_t n);

/* The kinds as words: "cancelled", "added", "moved", "room", "retitled" joined with "+"
 * ("moved+room").  Caller frees. */
char *change_kinds_text(unsigned kinds);

/* The report as text, one line per change after a heading line, times in zone z and the
 * fetch times (`since`) in zone `local`; every string from the timetable is made inert for a
 * terminal.  With `limit` (0: none), every change to the plan and at most `limit` others, then
 * a line with how many more there are.  Caller frees. */
char *changes_format_text(const struct changes *c, const struct tz *z, const struct tz *local,
			  size_t limit);

/* The report as one JSON object: conference, timezone, since, at, changes[] with id, kinds,
 * title, old_title, planned, and old / new {start, end, room} (null when that version does
 * not exist); times ISO 8601 in zone z. */
void changes_json(struct jsonw *w, const struct changes *c, const struct tz *z);

#endif
