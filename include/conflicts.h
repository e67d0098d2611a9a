/* conflicts.h: the pairs of planned sessions that cannot both be attended — they overlap, or
 * leave too little time to walk from one room to the other under the plan's travel time — as
 * data, for `planner conflicts` and the warning after `planner add`. */
#ifndef PLANNER_CONFLICTS_H
#define PLANNER_CONFLICTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "schedule.h"

struct plan;

/* One pair: session a (the earlier start; of two equal starts, the one earlier in s->sessions)
 * then session b. */
struct conflict {
	size_t a, b;            /* indexes into s->sessions */
	bool overlap;           /* a ends after b starts */
	int64_t overlap_min;    /* overlap: the minutes they share, rounded up */
	int64_t gap_min;        /* not overlap: the minutes from a's end to b's start, rounded down */
	int64_t need_min;       /* not overlap: the minutes the walk needs, rounded down */
};

struct conflicts {
	struct conflict *v;     /* the first pairs found, at most the `max` asked for */
	size_t n, alloc;
	size_t count;           /* every pair found, kept or not */
};

void conflicts_init(struct conflicts *c);
void conflicts_release(struct conflicts *c);

/* The conflicts of saved plan p in timetable s: every pair of planned sessions the timetable
 * still has (not cancelled) where a's end plus the walk from a's room to b's (pick_travel(), with
 * travel_minutes between rooms of one floor) comes after b's start.  Pairs are in order of a
 * (by start, then timetable order), then of b.  A plan of thousands of sessions at once has
 * millions of pairs: all are counted in c->count, the first `max` kept in c->v (whose memory c
 * owns; release with conflicts_release).  c is emptied first. */
void plan_conflicts(const struct schedule *s, const struct plan *p, int travel_minutes, size_t max,
		    struct conflicts *c);

#endif
