/* pick.h: from a timetable, preferences and constraints to the best plan, with explanations.
 *
 * Builds the solver's problem (scores from prefs, pins, exclusions, breaks and personal blocks,
 * travel between rooms, the per-day cap), runs the exact solver, and describes the result:
 * why each session was chosen, what could replace it, and what beat the sessions left out.
 */
#ifndef PLANNER_PICK_H
#define PLANNER_PICK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plan.h"
#include "prefs.h"
#include "schedule.h"
#include "solve.h"

/* A time that must stay free: a --break (every day) expanded to one per day, or a --block. */
struct busy {
	int64_t start, end;
	char *label;            /* "break 12:00-13:00", "block 2024-10-26 15:00-16:00 dentist" */
};

struct pick_request {
	const struct schedule *s;
	const struct prefs *prefs;
	int day;                /* day index to plan, or -1 for every day */
	struct strlist must;    /* session ids to pin */
	struct strlist avoid;   /* session ids never to choose */
	struct busy *busy;
	size_t nbusy, busy_alloc;
	int travel_minutes;     /* between two rooms; more between floors (x2) and buildings (x3) */
	int max_per_day;        /* 0: no cap */
	bool fill;              /* fill free time with the best remaining sessions */
};

void pick_request_init(struct pick_request *rq, const struct schedule *s, const struct prefs *p);
void pick_request_release(struct pick_request *rq);

/* Adds "--break HH:MM-HH:MM" (on every day of s, or only rq->day) / "--block DATE HH:MM-HH:MM
 * TEXT".  -1 with error() set (EX_USAGE) for a malformed value. */
int pick_add_break(struct pick_request *rq, const char *arg);
int pick_add_block(struct pick_request *rq, const char *arg);

/* One session as the planner sees it. */
struct pick_candidate {
	size_t session;         /* index into s->sessions */
	int64_t points;         /* preference points (hundredths) */
	int64_t score;          /* the solver's weight: points, or with --fill a lexicographic mix */
	char *why;              /* the reasons for the points: NULL until pick_why() makes them */
	char *excluded_by;      /* "avoided", "break 12:00-13:00", ...; NULL when not excluded */
	int room;               /* the solver's room: an index, or -1 for a plenary */
	bool pinned, excluded;
};

struct pick_result {
	struct pick_candidate *cand; /* every scheduled session of the planned day(s) */
	size_t ncand;
	size_t *chosen;         /* indexes into cand, in time order */
	size_t nchosen;
	size_t *alternative;    /* per chosen: an index into cand, or SIZE_MAX */
	int64_t total_points;
	int64_t total_score;
	int room_changes;
};

void pick_result_init(struct pick_result *r);
/* The reasons for candidate c's points ("tag web, lang en"; "" when none), made the first time
 * they are asked for and kept in r->cand[c].why: most candidates' are never shown. */
const char *pick_why(const struct pick_request *rq, const struct pick_result *r, size_t c);
void pick_result_release(struct pick_result *r);

/* Plans.  0, or -1 with error() set: an unknown session id in must/avoid (EX_DATAERR, with a
 * suggestion), pins that overlap each other or leave no time to change rooms, a pin inside a
 * break or block, or more pins on a day than the cap (each naming the sessions and times). */
int pick_run(const struct pick_request *rq, struct pick_result *r);

/* pick_run's first half, for other solvers (team): the candidates into r (its chosen list left
 * empty) and the solver's problem, one item per candidate, into pp (owned by pp: release it with
 * pick_problem_release).  0, or -1 with error() set as pick_run (r left released). */
struct pick_problem {
	struct solve_problem p;
	struct solve_item *items;
	int *buildings, *floors;
	int *matrix, *zones;    /* when the user set walks: the rooms' zones, the walks between */
};
int pick_problem(const struct pick_request *rq, struct pick_result *r, struct pick_problem *pp);
void pick_problem_release(struct pick_problem *pp);

/* The room changes of the candidates chosen[0..n) (indexes into r->cand, in time order): pairs
 * on the same day in different rooms (session_room_change). */
int pick_room_changes(const struct pick_request *rq, const struct pick_result *r,
		      const size_t *chosen, size_t n);

/* The "room full?" alternative of every planned session (planned[i] for s->sessions[i]): the
 * other session that overlaps it and still leaves time to walk from the planned session before
 * it and to the one after it on its day (rq's travel rule), that is not planned, avoided
 * (rq->avoid), a break, an instant (a session that takes no time; nor has an instant an
 * alternative), or inside one of rq's busy times.  Best: the most preference points
 * (rq->prefs; none counts 0), then the fewest room changes, then the earlier end, then the
 * timetable order.  alt[i] gets its index, or -1 (and -1 for sessions not planned).  pick, print
 * and export all show this one. */
void pick_alternatives(const struct pick_request *rq, const bool *planned, long *alt);

/* What pick's preference options set, and a saved plan keeps: the preferences, breaks, blocks,
 * travel time, cap and --fill.  The options themselves (which exist, which take a value, which
 * are saved) are pick's option table in the command layer; this is what each one does. */
struct pick_settings {
	struct prefs prefs;
	struct strlist breaks, blocks;  /* as given, checked by pick_settings_request */
	int travel_minutes;             /* default 5; 0 to PICK_TRAVEL_MAX */
	int max_per_day;                /* 0: no cap; at most PICK_MAX_PER_DAY_MAX */
	bool fill;
};
/* The largest --travel and --max-per-day: pick_settings_apply refuses more, and so does the
 * config file's check (the option table's `max`). */
#define PICK_TRAVEL_MAX PLAN_TRAVEL_MAX
/* The minutes to change rooms when neither --travel, the plan nor the config says. */
#define PICK_DEFAULT_TRAVEL 5
#define PICK_MAX_PER_DAY_MAX 1000

void pick_settings_init(struct pick_settings *st);
void pick_settings_release(struct pick_settings *st);
/* Applies preference option --name with value (NULL for one that takes none).  1 when applied;
 * 0 when name is not a preference option; -1 with error() set (EX_USAGE) for a bad value. */
int pick_settings_apply(struct pick_settings *st, const char *name, const char *value);
/* Gives rq st's travel time, cap and --fill, and adds its breaks, then its blocks.  0, or -1
 * with error() set (EX_USAGE) at the first malformed break or block. */
int pick_settings_request(const struct pick_settings *st, struct pick_request *rq);

struct plan;
/* Sets up rq (pick_request_init()ed with &st->prefs) as the pick that made saved plan p did:
 * st holds p's saved preferences (replayed by the command layer through pick's option table,
 * cmd_replay_saved), resolved here against rq->s; their breaks, blocks, cap and --fill; p's
 * travel time and avoided sessions.  What no longer applies (a track the timetable dropped, a
 * malformed break) is left out, so this never fails.  For print and export. */
void pick_request_saved(struct pick_request *rq, struct pick_settings *st, const struct plan *p);
/* pick_alternatives() under the saved preferences of plan p (pick_request_saved; p may be NULL: none), for
 * the commands that show a saved plan (now, next, export).  A new array of s->nsessions entries
 * the caller frees. */
long *pick_saved_alternatives(const struct schedule *s, const struct plan *p,
			      struct pick_settings *saved, const bool *planned);

/* Travel time in seconds between the rooms of two sessions under rq's rule. */
int pick_travel(const struct pick_request *rq, const struct session *a, const struct session *b);
/* The first of rq's busy times (breaks, blocks) session x overlaps: its index, or -1. */
long pick_busy_at(const struct pick_request *rq, const struct session *x);

/* For --explain: the chosen candidates (indexes into r->cand) that keep candidate c out — those
 * it overlaps, or cannot be reached from or to in time.  Writes at most max, returns the count. */
size_t pick_blockers(const struct pick_request *rq, const struct pick_result *r, size_t c,
		     size_t *out, size_t max);

#endif
