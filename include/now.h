/* now.h: where you are in your plan at a given instant — the planned session that is on, the
 * next one, the walk there, and what else is running — for `planner now` and `planner next`.
 *
 * Pure: the instant is given (never read from the clock), nothing is printed.  Planned sessions
 * are taken as the timetable has them now (a moved session counts at its new time; a cancelled
 * one not at all).
 */
#ifndef PLANNER_NOW_H
#define PLANNER_NOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "schedule.h"

struct plan;

struct now_status {
	int64_t at;
	/* Planned sessions on at `at` (start <= at < end), in time order. */
	const struct session **current;
	size_t ncurrent;
	/* The first planned session that starts after `at` (the earliest start, then the
	 * timetable's order); NULL when there is none. */
	const struct session *next;
	/* The planned session you walk to `next` from: the one that ends last, no later than next
	 * starts, on the same day (it may be on now); NULL when next is the day's first. */
	const struct session *from;
	/* When next starts before `from` ends (a conflict in the plan). */
	bool overlap;
	bool room_change;          /* from and next are in different rooms (plenaries: never) */
	int travel;                /* seconds to walk from `from` to next (0: same room, or no from) */
	int64_t gap;               /* seconds left to get there: from the later of from's end and
	                            * `at` to next's start (0 when no from, or an overlap) */
	/* Every timetabled session on at `at` (planned or not), in time order. */
	const struct session **running;
	size_t nrunning;
	/* The timetabled sessions that start next after `at` (all those with the earliest such
	 * start), in order; none when the timetable has nothing later. */
	const struct session **upcoming;
	size_t nupcoming;
	/* The end of the timetable's last session (0 when nothing is timed). */
	int64_t last_end;
	/* The "room full?" alternatives (now_alternatives; NULL until then, and where none): of
	 * each current session (current_alt[i] for current[i]), and of next. */
	const struct session **current_alt;
	const struct session *next_alt;
};

void now_status_init(struct now_status *st);
void now_status_release(struct now_status *st);

/* Fills st (initialized; what it held is released) for instant `at`, the timetable s and the
 * saved plan p (may be NULL or empty), with travel_minutes between two rooms (pick.h's rule:
 * twice between floors, three times between buildings).  Sessions in st point into s. */
void now_compute(struct now_status *st, const struct schedule *s, const struct plan *p,
		 int64_t at, int travel_minutes);

struct pick_settings;
/* Fills st's current_alt and next_alt (after now_compute, with the same s and p): the one
 * "room full?" alternative pick, print and export show (pick_alternatives), under `saved`, the
 * preferences p was made with as the command layer replays them (pick_request_saved). */
void now_alternatives(struct now_status *st, const struct schedule *s, const struct plan *p,
		      struct pick_settings *saved);

#endif
