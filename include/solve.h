/* solve.h: the conflict solver — the best compatible set of sessions, exactly.
 *
 * Knows only intervals, rooms, days, scores, pins and exclusions: no JSON, no terminal, no
 * libical.  Weighted interval scheduling by dynamic programming (run backwards, from the latest
 * start); travel time between rooms and the per-day cap add a small state dimension.
 *
 * Two chosen items a then b (a ends first) are compatible when
 *     a.end + travel(a, b) <= b.start
 * where travel(a, b) is 0 when a and b share a room or either is a plenary (room -1), and
 * otherwise:
 *   - with a matrix (room_travel), room_travel[ra * nrooms + rb] (its diagonal is not used); or,
 *     with zones (room_zone), room_travel[za * nzones + zb] for the zones of the two rooms (its
 *     diagonal: two different rooms of one zone);
 *   - else travel_seconds, times 3 when both rooms' buildings are known (room_building >= 0) and
 *     differ, else times 2 when both rooms' floors are known (room_floor >= 0) and differ.
 *     Without room_building and room_floor (or with every value -1) that is travel_seconds
 *     between any two rooms.
 * A set is compatible when each item is compatible with the next one in time order: the walk
 * is between consecutive items, so a plenary in between makes it free.  Time order is by end,
 * then an item that takes no time (start == end: an instant, attended as it happens) after one
 * that does, then by index: an instant at t comes after a talk that ends at t and before one
 * that starts at t, and lies inside one that runs over t (so they conflict); two instants at
 * the same t in different rooms are compatible only when the walk from the lower index to the
 * other is 0.  Every item has start <= end, a room in -1..nrooms-1 and a score >= 0; travel
 * times are >= 0; building and floor numbers are in -1..nrooms-1; total scores must fit in
 * int64_t.
 *
 * Cost, for n items and a cap K (K = 1 without one, or when no day can reach it), Lc <= K the
 * levels a day needs (at most one more than its longest chain of compatible items):
 *   - uniform travel, or buildings and floors: O(n log n + n Lc) time, whatever the number of
 *     rooms (at most 9 lists searched per item); O(n Lc) memory;
 *   - a matrix, which has no structure to exploit: O(n Lc nrooms log n) time, O(n Lc) memory.
 *     For small problems and tests; pick describes a timetable's rooms by buildings and floors;
 *   - zones, a matrix between groups of rooms: O(n Lc nzones log n) time, O(n Lc) memory.  pick
 *     gives walks the user set this way (rooms of one building and floor, and no walk of their
 *     own, are one zone).
 */
#ifndef PLANNER_SOLVE_H
#define PLANNER_SOLVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct solve_item {
	int64_t start, end; /* instants, seconds; start <= end (== for an instant) */
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
	const int *room_travel;    /* optional nrooms*nrooms matrix (seconds); overrides the above
				    * and the two below (slow for many rooms: see the cost above) */
	int max_per_day;           /* 0: no cap */
	const int *room_building;  /* optional, per room: a building number, or -1 when unknown */
	const int *room_floor;     /* optional, per room: a floor number, or -1 when unknown */
	/* optional, with room_travel: per room a zone in 0..nzones-1 (nzones >= 1); room_travel is
	 * then nzones*nzones, between the zones of two different rooms */
	const int *room_zone;
	int nzones;
};

struct solve_result {
	size_t *chosen;     /* indexes into items, in time order; owned by the result */
	size_t nchosen;
	int64_t total_score;
	int room_changes;   /* consecutive chosen pairs in different rooms (plenaries count none) */
	/* For each chosen[k]: the index of the best other item that could replace it, keeping every
	 * other chosen item (compatible with chosen[k-1] before it and chosen[k+1] after it, not
	 * excluded, the day cap respected), or SIZE_MAX when none, and always for a pinned item.
	 * Best: the higher score, then fewer room changes in the plan with it, then the earlier end,
	 * then the lower index. */
	size_t *alternative;
	/* Set when solve() fails because pins conflict (the earlier pin first) or a pin is excluded
	 * (both name it); SIZE_MAX otherwise. */
	size_t conflict_a, conflict_b;
};

void solve_result_init(struct solve_result *r);
void solve_result_release(struct solve_result *r);

/* True if a then-or-before b (in either order) can both be attended under p's travel rule. */
bool solve_compatible(const struct solve_problem *p, size_t a, size_t b);

/* The travel rule above: the seconds from room `from` to room `to` (-1: a plenary).  Inline:
 * the solvers ask it for many pairs. */
static inline int64_t solve_travel(const struct solve_problem *p, int from, int to)
{
	int ba, bb, fa, fb;

	if (from < 0 || to < 0 || from == to)
		return 0;
	if (p->room_travel && p->room_zone)
		return p->room_travel[(size_t)p->room_zone[from] * (size_t)p->nzones +
				      (size_t)p->room_zone[to]];
	if (p->room_travel)
		return p->room_travel[(size_t)from * (size_t)p->nrooms + (size_t)to];
	ba = p->room_building ? p->room_building[from] : -1;
	bb = p->room_building ? p->room_building[to] : -1;
	if (ba >= 0 && bb >= 0 && ba != bb)
		return 3 * (int64_t)p->travel_seconds;
	fa = p->room_floor ? p->room_floor[from] : -1;
	fb = p->room_floor ? p->room_floor[to] : -1;
	if (fa >= 0 && fb >= 0 && fa != fb)
		return 2 * (int64_t)p->travel_seconds;
	return p->travel_seconds;
}

/* True if b can be attended right after a: a.end + travel(a, b) <= b.start. */
bool solve_follows(const struct solve_problem *p, size_t a, size_t b);

/* 0 if p keeps the rules above; else -1 with error() set (EX_DATAERR) naming the first broken
 * one.  solve() and team_solve() check with it. */
int solve_check(const struct solve_problem *p);

/* Fills r with a compatible set that contains every pinned and no excluded item, respects the
 * per-day cap (at most max_per_day chosen items with the same day), and has the largest total
 * score; among equal totals, fewer room changes; then the earlier set: the two sets' items are
 * compared in time order, item by item, by time order as above (end, instants after the
 * others, index), and the first difference decides (a set that is a prefix of the other comes first).  Exact, and the same result on
 * every run.
 *
 * r must have been initialized; whatever it held is released first.  Returns 0; or -1 with
 * error() set (EX_DATAERR) when pins conflict with each other (conflict_a and conflict_b name
 * the first pin, from the last one back, that cannot come before all later pins, and the pin
 * after it), when a pin is excluded (both name it), when more items are pinned on a day than
 * the cap allows, when a cap is given but day indexes decrease as start times grow, or when
 * the problem breaks the rules above. */
int solve(const struct solve_problem *p, struct solve_result *r);

#endif
