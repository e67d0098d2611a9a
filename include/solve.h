/* solve.h: the conflict solver — the best compatible set of sessions, exactly.
 *
 * Knows only intervals, rooms, days, scores, pins and exclusions: no JSON, no terminal, no
 * libical.  Weighted interval scheduling by dynamic programming over items sorted by end time;
 * travel time between rooms and the per-day cap add a small state dimension.
 *
 * Two chosen items a then b (a ends first) are compatible when
 *     a.end + travel(a, b) <= b.start
 * where travel(a, b) is 0 when a and b share a room and travel_seconds otherwise (or
 * room_travel[ra * nrooms + rb] when a matrix is given).  Every item has start < end.
 */
#ifndef PLANNER_SOLVE_H
#define PLANNER_SOLVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct solve_item {
	int64_t start, end; /* instants, seconds; start < end */
	int room;           /* 0..nrooms-1, or -1 for "everywhere" (a plenary: travel 0 both ways) */
	int day;            /* day index, for the per-day cap */
	int64_t score;      /* >= 0 */
	bool pinned;        /* must be chosen */
	bool excluded;      /* must not be chosen (avoided, in a break or a personal block) */
};

struct solve_problem {
	const struct solve_item *items;
	size_t nitems;
	int nrooms;
	int travel_seconds;        /* between two different rooms */
	const int *room_travel;    /* optional nrooms*nrooms matrix (seconds); overrides the above */
	int max_per_day;           /* 0: no cap */
};

struct solve_result {
	size_t *chosen;     /* indexes into items, in time order; owned by the result */
	size_t nchosen;
	int64_t total_score;
	int room_changes;   /* consecutive chosen pairs in different rooms (plenaries count none) */
	/* For each chosen[k]: the index of the best other item that could replace it, keeping every
	 * other chosen item (compatible with its neighbours, same day cap), or SIZE_MAX when none. */
	size_t *alternative;
	/* Set when solve() fails because two pinned items conflict: their indexes. */
	size_t conflict_a, conflict_b;
};

void solve_result_init(struct solve_result *r);
void solve_result_release(struct solve_result *r);

/* True if a then-or-before b (in either order) can both be attended under p's travel rule. */
bool solve_compatible(const struct solve_problem *p, size_t a, size_t b);

/* Fills r with a compatible set that contains every pinned and no excluded item, respects the
 * per-day cap, and has the largest total score; among equal totals, fewer room changes, then
 * the set whose sorted end times are lexicographically earlier, then lower item indexes.
 * Returns 0; or -1 with error() set (EX_DATAERR) when pins conflict with each other (conflict_a
 * and conflict_b name them), when a pin is excluded (both name it), or when more items are pinned
 * on a day than the cap allows. */
int solve(const struct solve_problem *p, struct solve_result *r);

#endif
