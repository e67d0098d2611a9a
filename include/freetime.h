/* freetime.h: the free time in a day of a plan — the gaps between what the plan fills, and what
 * runs in each — for `planner free`, `print`'s free rows and its day summary ("X free between
 * them"): one computation, so they always agree.
 *
 * What fills time: a planned session, a timetable break (lunch, coffee) and a time the plan keeps
 * free (pick's --break and --block); those are shown as what they are, never as free.  A session
 * that takes no time (an instant) fills none, but counts as planned for the day's first and last.
 * A gap is the rest of the day: from the day's start to its end (the span the feed declares for
 * the day, else the day's first session's start to its last one's end).  "Free between them" is
 * the part of the gaps between the start of the day's first planned session and the end of its
 * last one — never the time before the first or after the last (a day of two keynotes 10 minutes
 * apart and then a kept-free lunch has 10 minutes free between them).
 *
 * Pure: nothing is printed, nothing fails. */
#ifndef PLANNER_FREETIME_H
#define PLANNER_FREETIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "schedule.h"

/* A time the plan keeps free (a --break on one day, a --block). */
struct freetime_kept {
	int64_t start, end;
};

struct freetime_gap {
	int64_t start, end;
	bool between;           /* between the day's first planned session and its last */
	size_t *running;        /* what runs then: indexes into s->sessions of the day's sessions
				 * that overlap the gap (an instant: starts in it), not planned and
				 * not breaks, in timetable order; owned */
	size_t nrunning;
};

struct freetime_day {
	int day;                /* index into s->days */
	int64_t start, end;     /* the day's bounds, as above (start == end: no session) */
	size_t nplanned;        /* the day's planned sessions */
	int64_t first, last;    /* the first planned start, the last planned end (0 when none) */
	struct freetime_gap *gaps; /* in time order */
	size_t ngaps;
	int64_t between;        /* seconds free between the first and the last planned session */
};

void freetime_day_init(struct freetime_day *fd);
void freetime_day_release(struct freetime_day *fd);

/* Fills fd (initialized; what it held is released) for day `day` of s, with planned[i] telling
 * whether s->sessions[i] is planned and kept[0..nkept) the times the plan keeps free (any day:
 * only what overlaps this one counts).  With no planned session on the day, the gaps are the day
 * around its breaks and kept-free times, and nothing is between. */
void freetime_day_compute(struct freetime_day *fd, const struct schedule *s, const bool *planned,
			  int day, const struct freetime_kept *kept, size_t nkept);

#endif
