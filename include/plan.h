/* plan.h: the user's saved plan for one timetable — what they chose and pinned, the preferences
 * that made it, and what the planned sessions looked like then, so that a later timetable change
 * can be told.  Kept in $XDG_DATA_HOME/planner/<conference-id>.plan.json, written atomically.
 */
#ifndef PLANNER_PLAN_H
#define PLANNER_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "schedule.h"

/* How a planned session looked when it was planned. */
struct plan_entry {
	char *id;
	char *title;
	int64_t start, end;
	char *room;             /* the room label, "" when none */
};

struct plan {
	char *conference;       /* conference id */
	char *fingerprint;      /* schedule_fingerprint() of the timetable it was made from */
	int64_t made_at;        /* when it was last changed (seconds since the epoch) */
	struct strlist args;    /* the preference options of the pick that made it, as typed */
	struct strlist pinned;  /* session ids */
	struct strlist avoided; /* session ids (pick --avoid) */
	struct strlist dropped; /* session ids dropped by hand: later picks leave them out until they
				 * are added or pinned again */
	struct strlist added;   /* session ids added by hand since the last pick: `update` keeps them */
	struct plan_entry *entries; /* the chosen sessions, in time order */
	size_t nentries, entries_alloc;
	int travel_minutes;
};

/* The largest travel time between rooms, in minutes, that a plan holds: plan_load refuses more,
 * and so do pick's --travel and the config file (PICK_TRAVEL_MAX). */
#define PLAN_TRAVEL_MAX 600

void plan_init(struct plan *p);
void plan_release(struct plan *p);

/* The plan file of conference `conf_id` (a slug; other bytes are replaced).  Caller frees; NULL
 * with error() set when no data directory can be found. */
char *plan_path(const char *conf_id);
/* The plan file of a team member (planner team): "<data>/<conf>.team/<member>.plan.json", both
 * names made safe as plan_path's is.  Caller frees; NULL with error() set as plan_path. */
char *plan_member_path(const char *conf_id, const char *member);
/* A file of a team member's beside their plan: "<data>/<conf>.team/<member><suffix>" (the
 * export state: ".exported").  Caller frees; NULL with error() set as plan_path. */
char *plan_member_file(const char *conf_id, const char *member, const char *suffix);

/* Takes the lock of the plan file at path ("<path>.lock", its directory created), waiting up to
 * PLAN_LOCK_SECONDS for another planner changing it (fsutil.h: lock_file).  Returns the lock's
 * descriptor (lock_release() lets go; exiting does too), or -1 with error() set (EX_TEMPFAIL
 * when it is held longer). */
#define PLAN_LOCK_SECONDS 30
int plan_lock(const char *path);

/* 0 when p is a plan that was made (it has sessions, or was saved by pick even empty); else -1
 * with error() set (EX_NOINPUT): "no plan for CONF_NAME yet; make one with 'planner pick'",
 * followed by `or_else` when not NULL (", or export the whole timetable with --all"). */
int plan_require(const struct plan *p, const char *conf_name, const char *or_else);
/* The same, and the plan has sessions: else -1 (EX_NOINPUT), "your plan for CONF_NAME is empty;
 * add sessions with 'planner add' or 'planner pick'" and `or_else`. */
int plan_require_sessions(const struct plan *p, const char *conf_name, const char *or_else);

/* Reads a plan file.  Returns 0; 1 when there is none (p stays empty); -1 with error() set
 * (EX_DATAERR naming the file and the problem, for a truncated or corrupt file; nothing is
 * changed on disk). */
int plan_load(struct plan *p, const char *path);
/* The same for the text buf[0..len) of the plan file `path` (named in messages): 0, or -1. */
int plan_parse(struct plan *p, const char *buf, size_t len, const char *path);
/* The same for someone else's plan (import): its errors say "NAME: not a plan planner can read:
 * ..." without the advice about the user's own plan. */
int plan_parse_other(struct plan *p, const char *buf, size_t len, const char *name);
/* Writes the plan (temp file, fsync, rename; the directory is created).  -1 with error() set. */
int plan_save(const struct plan *p, const char *path);

/* Whether id is planned; its entry index or -1. */
long plan_find(const struct plan *p, const char *id);
/* Adds session se of s to the entries (kept in time order; no duplicates). */
void plan_add(struct plan *p, const struct schedule *s, const struct session *se);
/* Removes id from entries and pins; returns whether it was planned. */
bool plan_drop(struct plan *p, const char *id);
/* Removes s from list l; returns whether it was there. */
bool plan_list_remove(struct strlist *l, const char *s);

/* ---- history: every plan_save() over an existing, different plan keeps the plan it replaces
 * (the same plan made again, differing only in made_at, is not kept twice) ----
 * The versions live in "<plan path minus .json>.d/" (…/pyconkr-2024.plan.d/), one file a version named
 * by a growing number (000001.json, ...), the newest PLAN_HISTORY_KEEP kept; undo keeps the plan
 * it replaces as "undone.json" there. */
#define PLAN_HISTORY_KEEP 30
struct plan_version {
	char *path;             /* the version's file */
	unsigned long number;
	int64_t made_at;        /* when that plan was made or last changed; 0 when unreadable */
	size_t nsessions;
	char *args;             /* its preferences joined by spaces; "" when none */
	bool readable;
};
/* The saved versions of the plan at path, newest first, into *v (caller frees with
 * plan_versions_free); their number in *n.  0, or -1 with error() set. */
int plan_versions(const char *path, struct plan_version **v, size_t *n);
void plan_versions_free(struct plan_version *v, size_t n);
/* The sessions the saved versions of the plan at path pinned or added by hand (their `pinned`
 * and `added`), each once, oldest version first, appended to pinned and added (initialized by
 * the caller).  An unreadable version is skipped: this never fails. */
void plan_history_hand(const char *path, struct strlist *pinned, struct strlist *added);
/* Steps the plan at path (its lock held) back to its newest saved version: that version becomes
 * the plan (written atomically) and leaves the history; the plan it replaces is kept as
 * undone.json.  *restored gets the plan now in force (caller releases).  0; 1 when there is no
 * version to go back to; -1 with error() set. */
int plan_undo(const char *path, struct plan *restored);

/* A short version of a timetable's content (ids, titles, times, rooms), 16 hex digits; the same
 * content gives the same fingerprint whatever its format.  Writes into buf (at least 17 bytes). */
void schedule_fingerprint(const struct schedule *s, char *buf);

/* What happened to a planned session since it was planned. */
enum plan_change { PLAN_SAME, PLAN_CANCELLED, PLAN_MOVED, PLAN_ROOM, PLAN_RETITLED };
/* Compares entry e with the timetable; *now gets the session's index or -1 when it is gone. */
enum plan_change plan_entry_change(const struct plan_entry *e, const struct schedule *s, long *now);
/* The planned sessions the timetable still has with a time (those not PLAN_CANCELLED), in the
 * plan's order: a new array of pointers into s->sessions (caller frees the array, never NULL)
 * and their number in *n. */
const struct session **plan_sessions(const struct plan *p, const struct schedule *s, size_t *n);

#endif
