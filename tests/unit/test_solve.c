/* test_solve.c: unit tests for the conflict solver (solve.h): hand-made cases, one per rule,
 * then a property test comparing solve() with a brute force over every subset of thousands of
 * small random instances (score, room changes, the exact tie-break, feasibility, alternatives
 * and failures). */
#include <stdint.h>
#include <stdlib.h>

#include "solve.h"
#include "tap.h"
#include "util.h"
#include "rng.h"

#define MIN 60
#define NONE SIZE_MAX

/* An item from minutes; not pinned nor excluded, day 0. */
static struct solve_item item(int64_t start_min, int64_t end_min, int room, int64_t score)
{
	struct solve_item x;

	x.start = start_min * MIN;
	x.end = end_min * MIN;
	x.room = room;
	x.day = 0;
	x.score = score;
	x.pinned = false;
	x.excluded = false;
	return x;
}

static struct solve_problem problem(const struct solve_item *items, size_t n, int nrooms,
				    int travel)
{
	struct solve_problem p;

	p.items = items;
	p.nitems = n;
	p.nrooms = nrooms;
	p.travel_seconds = travel;
	p.room_travel = NULL;
	p.max_per_day = 0;
	p.room_building = NULL;
	p.room_floor = NULL;
	p.room_zone = NULL;
	p.nzones = 0;
	return p;
}

/* True if r chose exactly the listed items, in that order. */
static bool chose(const struct solve_result *r, size_t n, const size_t *want)
{
	if (r->nchosen != n)
		return false;
	for (size_t k = 0; k < n; k++)
		if (r->chosen[k] != want[k])
			return false;
	return true;
}

#define CHOSE(r, ...) chose((r), sizeof((size_t[]){ __VA_ARGS__ }) / sizeof(size_t), \
			    (size_t[]){ __VA_ARGS__ })

static void test_empty_input(void)
{
	struct solve_problem p = problem(NULL, 0, 0, 300);
	struct solve_result r;

	solve_result_init(&r);
	is_int(solve(&p, &r), 0, "empty input: solves");
	is_int(r.nchosen, 0, "empty input: nothing chosen");
	is_int(r.total_score, 0, "empty input: total 0");
	ok(r.chosen == NULL && r.alternative == NULL, "empty input: no arrays");
	p.max_per_day = 3;
	is_int(solve(&p, &r), 0, "empty input with a cap: solves");
	solve_result_release(&r);
}

static void test_all_overlapping_single_best(void)
{
	struct solve_item it[] = {
		item(600, 660, 0, 3), item(610, 650, 1, 9), item(590, 700, 2, 5), item(620, 640, -1, 1),
	};
	struct solve_problem p = problem(it, 4, 3, 0);
	struct solve_result r;

	solve_result_init(&r);
	is_int(solve(&p, &r), 0, "all overlapping: solves");
	ok(CHOSE(&r, 1), "all overlapping: only the best one");
	is_int(r.total_score, 9, "all overlapping: its score");
	is_int(r.room_changes, 0, "all overlapping: no room change");
	solve_result_release(&r);
}

static void test_back_to_back_same_room(void)
{
	struct solve_item it[] = { item(600, 630, 0, 2), item(630, 660, 0, 3) };
	struct solve_problem p = problem(it, 2, 2, 5 * MIN);
	struct solve_result r;

	solve_result_init(&r);
	is_int(solve(&p, &r), 0, "back-to-back same room: solves");
	ok(CHOSE(&r, 0, 1), "back-to-back in the same room with 5 min travel: both chosen");
	is_int(r.total_score, 5, "back-to-back same room: total");
	is_int(r.room_changes, 0, "back-to-back same room: no change");
	solve_result_release(&r);
}

static void test_back_to_back_different_rooms(void)
{
	struct solve_item it[] = { item(600, 630, 0, 2), item(630, 660, 1, 3), item(665, 700, 0, 1) };
	struct solve_problem p = problem(it, 3, 2, 5 * MIN);
	struct solve_result r;

	solve_result_init(&r);
	is_int(solve(&p, &r), 0, "back-to-back different rooms: solves");
	/* 0 then 1 is 0 min apart (too close); 1 then 2 is exactly 5 min apart (enough) */
	ok(CHOSE(&r, 1, 2), "back-to-back in different rooms: not both; exactly the travel time is enough");
	is_int(r.total_score, 4, "back-to-back different rooms: total");
	is_int(r.room_changes, 1, "back-to-back different rooms: one change");
	ok(!solve_compatible(&p, 0, 1) && !solve_compatible(&p, 1, 0), "compatible: too close");
	ok(solve_compatible(&p, 1, 2) && solve_compatible(&p, 2, 1), "compatible: either order");
	ok(solve_compatible(&p, 0, 2), "compatible: same room, later");
	ok(!solve_compatible(&p, 0, 0), "compatible: not with itself");
	ok(!solve_compatible(&p, 0, 9), "compatible: out of range");
	solve_result_release(&r);
}

static void test_plenary_everywhere(void)
{
	struct solve_item it[] = {
		item(600, 630, 0, 2), item(630, 660, -1, 1), item(660, 690, 1, 2), item(690, 720, -1, 1),
	};
	struct solve_problem p = problem(it, 4, 2, 10 * MIN);
	struct solve_result r;

	solve_result_init(&r);
	is_int(solve(&p, &r), 0, "plenary: solves");
	ok(CHOSE(&r, 0, 1, 2, 3), "plenary room -1: no travel to or from it");
	is_int(r.total_score, 6, "plenary: total");
	is_int(r.room_changes, 0, "plenary: plenaries count no room change");
	solve_result_release(&r);
}

static void test_pins_kept_low_score(void)
{
	struct solve_item it[] = { item(600, 660, 0, 10), item(610, 640, 1, 0), item(660, 700, 0, 4) };
	struct solve_problem p = problem(it, 3, 2, 5 * MIN);
	struct solve_result r;

	it[1].pinned = true;
	solve_result_init(&r);
	is_int(solve(&p, &r), 0, "pins: solves");
	ok(CHOSE(&r, 1, 2), "pins kept even when low-scored; what they exclude is dropped");
	is_int(r.total_score, 4, "pins: total counts the pin's own score");
	ok(r.alternative[0] == NONE, "pins: a pin has no alternative");
	solve_result_release(&r);
}

static void test_conflicting_pins(void)
{
	struct solve_item it[] = {
		item(500, 530, 1, 1), item(600, 660, 0, 1), item(650, 700, 1, 1), item(800, 830, 0, 1),
	};
	struct solve_problem p = problem(it, 4, 2, 5 * MIN);
	struct solve_result r;

	it[1].pinned = it[2].pinned = it[0].pinned = true;
	solve_result_init(&r);
	is_int(solve(&p, &r), -1, "two conflicting pins: error");
	is_int(error_status(), EX_DATAERR, "conflicting pins: EX_DATAERR");
	is_int(r.conflict_a, 1, "conflicting pins: conflict_a is the earlier pin");
	is_int(r.conflict_b, 2, "conflicting pins: conflict_b is the later pin");
	ok(r.chosen == NULL && r.nchosen == 0, "conflicting pins: nothing chosen");

	/* disjoint in time but too close for the walk between rooms */
	it[2] = item(662, 700, 1, 1);
	it[2].pinned = true;
	is_int(solve(&p, &r), -1, "pins conflicting through travel: error");
	ok(r.conflict_a == 1 && r.conflict_b == 2, "pins conflicting through travel: both named");

	/* ... unless a plenary in between makes the walk free */
	it[3] = item(660, 662, -1, 0);
	is_int(solve(&p, &r), 0, "pins bridged by a plenary: solves");
	ok(CHOSE(&r, 0, 1, 3, 2), "pins bridged by a plenary: the plenary is attended");
	ok(r.conflict_a == NONE && r.conflict_b == NONE, "success: no conflict named");
	solve_result_release(&r);
}

static void test_pinned_and_excluded(void)
{
	struct solve_item it[] = { item(600, 660, 0, 1), item(700, 760, 0, 1) };
	struct solve_problem p = problem(it, 2, 1, 0);
	struct solve_result r;

	it[1].pinned = it[1].excluded = true;
	solve_result_init(&r);
	is_int(solve(&p, &r), -1, "pinned and excluded: error");
	is_int(error_status(), EX_DATAERR, "pinned and excluded: EX_DATAERR");
	ok(r.conflict_a == 1 && r.conflict_b == 1, "pinned and excluded: both fields name it");
	solve_result_release(&r);
}

static void test_excluded_never_chosen(void)
{
	struct solve_item it[] = { item(600, 660, 0, 100), item(610, 650, 1, 1), item(700, 760, 0, 50) };
	struct solve_problem p = problem(it, 3, 2, 0);
	struct solve_result r;

	it[0].excluded = it[2].excluded = true;
	solve_result_init(&r);
	is_int(solve(&p, &r), 0, "excluded: solves");
	ok(CHOSE(&r, 1), "excluded items are never chosen, whatever their score");
	ok(r.alternative[0] == NONE, "excluded items are never alternatives");
	it[1].excluded = true;
	is_int(solve(&p, &r), 0, "all excluded: solves");
	is_int(r.nchosen, 0, "all excluded: nothing chosen");
	solve_result_release(&r);
}

static void test_per_day_cap(void)
{
	struct solve_item it[] = {
		item(540, 600, 0, 3), item(600, 660, 0, 5), item(660, 720, 0, 4), item(720, 780, 0, 1),
		item(1980, 2040, 0, 1), item(2040, 2100, 0, 1),
	};
	struct solve_problem p = problem(it, 6, 1, 0);
	struct solve_result r;

	it[4].day = it[5].day = 1;
	p.max_per_day = 2;
	solve_result_init(&r);
	is_int(solve(&p, &r), 0, "per-day cap: solves");
	ok(CHOSE(&r, 1, 2, 4, 5), "per-day cap: the two best of day 0, both of day 1");
	is_int(r.total_score, 11, "per-day cap: total");
	ok(r.alternative[0] == 0 && r.alternative[2] == NONE, "per-day cap: alternatives keep the cap");
	p.max_per_day = 1000;
	is_int(solve(&p, &r), 0, "cap no day reaches: solves");
	is_int(r.nchosen, 6, "cap no day reaches: everything");

	p.max_per_day = 2;
	it[5].day = 0;
	is_int(solve(&p, &r), -1, "cap with days out of time order: error");
	solve_result_release(&r);
}

static void test_cap_long_first_item(void)
{
	/* the day's first item spans it (nothing follows it on the day, its value is the same at
	 * every level): the levels of the cap must still go on for the others */
	struct solve_item it[] = {
		item(540, 1000, 0, 10), item(600, 610, 1, 5), item(615, 625, 1, 4), item(630, 640, 1, 3),
		item(645, 655, 1, 2), item(660, 670, 1, 1),
	};
	struct solve_problem p = problem(it, 6, 2, 0);
	struct solve_result r;

	p.max_per_day = 3;
	solve_result_init(&r);
	is_int(solve(&p, &r), 0, "cap, a long first item: solves");
	ok(CHOSE(&r, 1, 2, 3), "cap, a long first item: the three best that fit");
	is_int(r.total_score, 12, "cap, a long first item: total");
	p.max_per_day = 4;
	is_int(solve(&p, &r), 0, "cap, a long first item: solves with 4");
	is_int(r.total_score, 14, "cap, a long first item: total with 4");
	solve_result_release(&r);
}

static void test_pins_over_cap(void)
{
	struct solve_item it[] = { item(540, 600, 0, 3), item(600, 660, 0, 5), item(660, 720, 0, 4) };
	struct solve_problem p = problem(it, 3, 1, 0);
	struct solve_result r;

	it[0].pinned = it[1].pinned = it[2].pinned = true;
	p.max_per_day = 2;
	solve_result_init(&r);
	is_int(solve(&p, &r), -1, "pins over the cap: error");
	is_int(error_status(), EX_DATAERR, "pins over the cap: EX_DATAERR");
	ok(r.conflict_a == NONE && r.conflict_b == NONE, "pins over the cap: no pair named");
	p.max_per_day = 3;
	is_int(solve(&p, &r), 0, "pins at the cap: solves");
	solve_result_release(&r);
}

static void test_ties_fewer_room_changes(void)
{
	/* 0 then 1 (same room) or 0 then 2 (another room): equal totals */
	struct solve_item it[] = { item(540, 600, 0, 2), item(600, 660, 1, 5), item(600, 660, 0, 5) };
	struct solve_problem p = problem(it, 3, 2, 0);
	struct solve_result r;

	solve_result_init(&r);
	is_int(solve(&p, &r), 0, "ties: solves");
	ok(CHOSE(&r, 0, 2), "ties: fewer room changes wins over a lower index");
	is_int(r.room_changes, 0, "ties: no change");
	/* a higher total still beats fewer changes */
	it[1].score = 6;
	is_int(solve(&p, &r), 0, "ties: solves again");
	ok(CHOSE(&r, 0, 1), "ties: the total comes first");
	is_int(r.room_changes, 1, "ties: one change");
	solve_result_release(&r);
}

static void test_deterministic_ties(void)
{
	/* 0 and 1 overlap with equal scores: the one ending first; 2 and 3 are identical: the
	 * lower index */
	struct solve_item it[] = {
		item(630, 690, 0, 4), item(600, 660, 0, 4), item(700, 760, 0, 2), item(700, 760, 0, 2),
	};
	struct solve_problem p = problem(it, 4, 1, 0);
	struct solve_result r;
	bool same = true;

	solve_result_init(&r);
	is_int(solve(&p, &r), 0, "deterministic ties: solves");
	ok(CHOSE(&r, 1, 2), "deterministic ties: earlier end, then lower index");
	for (int k = 0; k < 20; k++) {
		solve(&p, &r);
		same = same && CHOSE(&r, 1, 2);
	}
	ok(same, "deterministic ties: the same plan every time");
	/* equal plans: a plan whose first item ends earlier comes first */
	struct solve_item it2[] = { item(600, 700, 0, 1), item(600, 640, 1, 1), item(650, 700, 1, 0) };
	p = problem(it2, 3, 2, 0);
	is_int(solve(&p, &r), 0, "deterministic ties: solves");
	/* {1} beats {0} (its first item ends earlier) and {1, 2} (a prefix comes first) */
	ok(CHOSE(&r, 1), "deterministic ties: compared item by item from the front");
	solve_result_release(&r);
}

static void test_room_travel_matrix(void)
{
	/* travel from room 0 to 1 is long, 1 to 0 free, 0 to 2 short */
	static const int m[9] = { 999, 600, 60, 0, 0, 600, 600, 600, 0 };
	struct solve_item it[] = {
		item(540, 570, 1, 1), item(570, 600, 0, 1), item(605, 630, 1, 5), item(601, 630, 2, 5),
	};
	struct solve_problem p = problem(it, 4, 3, 10000);
	struct solve_result r;

	p.room_travel = m;
	solve_result_init(&r);
	is_int(solve(&p, &r), 0, "room travel matrix: solves");
	ok(CHOSE(&r, 0, 1, 3), "room travel matrix: asymmetric, per pair of rooms");
	is_int(r.room_changes, 2, "room travel matrix: two changes");
	ok(solve_compatible(&p, 1, 3) && !solve_compatible(&p, 1, 2), "room travel matrix: compatible");
	ok(r.alternative[2] == NONE, "room travel matrix: the long walk is no alternative");
	solve_result_release(&r);
}

static void test_alternatives(void)
{
	struct solve_item it[] = {
		item(540, 600, 0, 5),  /* 0: chosen */
		item(600, 660, 0, 5),  /* 1: chosen, pinned */
		item(540, 600, 1, 3),  /* 2: replaces 0 with a room change */
		item(540, 600, 0, 3),  /* 3: replaces 0 without: the alternative */
		item(570, 630, 0, 4),  /* 4: overlaps 1: no alternative */
		item(540, 600, 1, 2),  /* 5: lower score */
		item(660, 720, 1, 2),  /* 6: chosen */
		item(665, 700, 0, 1),  /* 7: the same score and changes as 8, but ends earlier */
		item(670, 710, 0, 1),  /* 8 */
	};
	struct solve_problem p = problem(it, 9, 2, 0);
	struct solve_result r;

	it[1].pinned = true;
	solve_result_init(&r);
	is_int(solve(&p, &r), 0, "alternatives: solves");
	ok(CHOSE(&r, 0, 1, 6), "alternatives: the plan");
	is_int(r.alternative[0], 3, "alternatives: best score, then fewer room changes");
	ok(r.alternative[1] == NONE, "alternatives: none for a pin");
	is_int(r.alternative[2], 7, "alternatives: then the earlier end");
	it[3].excluded = true;
	solve(&p, &r);
	is_int(r.alternative[0], 2, "alternatives: an excluded item is skipped");
	solve_result_release(&r);
}

/* Instants (start == end): they take no time; one inside a talk conflicts with it, one at a
 * talk's start or end does not. */
static void test_instants(void)
{
	struct solve_item it[] = {
		item(1080, 1140, 0, 2),	/* 0: talk 18:00-19:00, room 0 */
		item(1110, 1110, 1, 3),	/* 1: instant 18:30, room 1: inside the talk */
		item(1140, 1140, 0, 1),	/* 2: instant 19:00, room 0: as the talk ends */
		item(1140, 1200, 0, 1),	/* 3: talk 19:00-20:00, room 0 */
		item(1140, 1140, 0, 1),	/* 4: instant 19:00, room 0 */
	};
	struct solve_problem p = problem(it, 5, 2, 0);
	struct solve_result r;

	solve_result_init(&r);
	is_int(solve(&p, &r), 0, "instants: solves");
	ok(CHOSE(&r, 1, 2, 4, 3), "instants: the 18:30 instant beats the talk around it; the two 19:00 "
	   "instants, then the talk that starts at 19:00");
	is_int(r.total_score, 6, "instants: total");
	it[1].score = 1;
	is_int(solve(&p, &r), 0, "instants: solves again");
	ok(CHOSE(&r, 0, 2, 4, 3), "instants: a talk, the instants as it ends, the next talk");
	ok(!solve_compatible(&p, 0, 1), "instants: one inside a talk is not compatible with it");
	ok(solve_compatible(&p, 0, 2) && solve_compatible(&p, 2, 3) && solve_compatible(&p, 2, 4),
	   "instants: at a talk's end or start, or two at once in a room, they are");
	it[4].room = 1;
	p.travel_seconds = 5 * MIN;
	is_int(solve(&p, &r), 0, "instants in two rooms at once, with a walk: solves");
	is_int(r.nchosen, 3, "... only one of them is attended");
	it[1].pinned = it[0].pinned = true;
	is_int(solve(&p, &r), -1, "instants: pinned inside a pinned talk: a conflict");
	solve_result_release(&r);
}

static void test_bad_input(void)
{
	struct solve_item it[] = { item(600, 590, 0, 1) };
	struct solve_problem p = problem(it, 1, 1, 0);
	struct solve_result r;

	solve_result_init(&r);
	is_int(solve(&p, &r), -1, "bad input: an item that ends before it starts");
	it[0] = item(600, 660, 1, 1);
	is_int(solve(&p, &r), -1, "bad input: a room out of range");
	it[0] = item(600, 660, 0, -1);
	is_int(solve(&p, &r), -1, "bad input: a negative score");
	it[0] = item(600, 660, 0, 1);
	p.travel_seconds = -1;
	is_int(solve(&p, &r), -1, "bad input: a negative travel time");
	is_int(error_status(), EX_DATAERR, "bad input: EX_DATAERR");
	solve_result_release(&r);
}

/* ---- property test against a brute force ---- */

#define MAXN 11

struct inst {
	struct solve_item it[MAXN];
	int matrix[9];
	int building[3], floor[3], zone[3];
	struct solve_problem p;
};

/* solve.h's travel rule, written out plainly. */
static int64_t bf_travel(const struct solve_problem *p, int a, int b)
{
	int ba, bb, fa, fb;

	if (a < 0 || b < 0 || a == b)
		return 0;
	if (p->room_travel && p->room_zone)
		return p->room_travel[p->room_zone[a] * p->nzones + p->room_zone[b]];
	if (p->room_travel)
		return p->room_travel[a * p->nrooms + b];
	ba = p->room_building ? p->room_building[a] : -1;
	bb = p->room_building ? p->room_building[b] : -1;
	fa = p->room_floor ? p->room_floor[a] : -1;
	fb = p->room_floor ? p->room_floor[b] : -1;
	if (ba != -1 && bb != -1 && ba != bb)
		return 3 * (int64_t)p->travel_seconds;
	if (fa != -1 && fb != -1 && fa != fb)
		return 2 * (int64_t)p->travel_seconds;
	return p->travel_seconds;
}

/* solve.h's time order: by end, an instant (start == end) after an item that takes time, then
 * by index.  True if item a comes before item b. */
static bool bf_before(const struct solve_item *it, size_t a, size_t b)
{
	bool ia = it[a].start == it[a].end, ib = it[b].start == it[b].end;

	if (it[a].end != it[b].end)
		return it[a].end < it[b].end;
	if (ia != ib)
		return ib;
	return a < b;
}

/* Sorts v[0..n) in time order. */
static void bf_sort(const struct solve_item *it, size_t *v, size_t n)
{
	for (size_t a = 1; a < n; a++)
		for (size_t b = a; b > 0; b--) {
			if (bf_before(it, v[b - 1], v[b]))
				break;
			size_t t = v[b];
			v[b] = v[b - 1];
			v[b - 1] = t;
		}
}

/* Feasibility of the set v[0..n), sorted by (end, index), ignoring pins. */
static bool bf_feasible(const struct solve_problem *p, const size_t *v, size_t n)
{
	const struct solve_item *it = p->items;

	for (size_t k = 0; k < n; k++) {
		if (it[v[k]].excluded)
			return false;
		if (k && it[v[k - 1]].end + bf_travel(p, it[v[k - 1]].room, it[v[k]].room) > it[v[k]].start)
			return false;
		if (p->max_per_day) {
			int same = 0;
			for (size_t q = 0; q < n; q++)
				same += it[v[q]].day == it[v[k]].day;
			if (same > p->max_per_day)
				return false;
		}
	}
	return true;
}

static void bf_value(const struct solve_problem *p, const size_t *v, size_t n, int64_t *score,
		     int *changes)
{
	const struct solve_item *it = p->items;

	*score = 0;
	*changes = 0;
	for (size_t k = 0; k < n; k++) {
		*score += it[v[k]].score;
		if (k && it[v[k - 1]].room >= 0 && it[v[k]].room >= 0 && it[v[k - 1]].room != it[v[k]].room)
			++*changes;
	}
}

/* <0 if the sequence a is lexicographically earlier than b, in time order item by item. */
static int bf_lex(const struct solve_item *it, const size_t *a, size_t na, const size_t *b, size_t nb)
{
	for (size_t k = 0; k < na && k < nb; k++)
		if (a[k] != b[k])
			return bf_before(it, a[k], b[k]) ? -1 : 1;
	return (na > nb) - (na < nb);
}

struct bf_best {
	bool found;
	size_t v[MAXN], n;
	int64_t score;
	int changes;
	int min_changes; /* among every plan with the best score */
};

static void brute_force(const struct solve_problem *p, struct bf_best *b)
{
	size_t n = p->nitems;

	b->found = false;
	for (uint32_t mask = 0; mask < (1u << n); mask++) {
		size_t v[MAXN], m = 0;
		bool pins = true;
		int64_t score;
		int changes;

		for (size_t i = 0; i < n; i++) {
			if (mask >> i & 1)
				v[m++] = i;
			else if (p->items[i].pinned)
				pins = false;
		}
		if (!pins)
			continue;
		bf_sort(p->items, v, m);
		if (!bf_feasible(p, v, m))
			continue;
		bf_value(p, v, m, &score, &changes);
		if (!b->found || score > b->score || (score == b->score && (changes < b->changes ||
		    (changes == b->changes && bf_lex(p->items, v, m, b->v, b->n) < 0)))) {
			if (!b->found || score > b->score)
				b->min_changes = changes;
			b->found = true;
			if (m)
				memcpy(b->v, v, m * sizeof *v);
			b->n = m;
			b->score = score;
			b->changes = changes;
		}
		if (score == b->score && changes < b->min_changes)
			b->min_changes = changes;
	}
}

/* The best replacement for chosen[k] by brute force, or NONE. */
static size_t bf_alternative(const struct solve_problem *p, const struct solve_result *r, size_t k)
{
	const struct solve_item *it = p->items;
	size_t best = NONE;
	int64_t bs = 0;
	int bc = 0;

	if (it[r->chosen[k]].pinned)
		return NONE;
	for (size_t x = 0; x < p->nitems; x++) {
		size_t v[MAXN];
		bool in = false;
		int64_t score;
		int changes;

		for (size_t q = 0; q < r->nchosen; q++)
			in = in || r->chosen[q] == x;
		if (in || it[x].excluded)
			continue;
		memcpy(v, r->chosen, r->nchosen * sizeof *v);
		v[k] = x;
		bf_sort(it, v, r->nchosen);
		if (v[k] != x || !bf_feasible(p, v, r->nchosen))
			continue;
		bf_value(p, v, r->nchosen, &score, &changes);
		if (best == NONE || score > bs || (score == bs && (changes < bc ||
		    (changes == bc && bf_before(it, x, best))))) {
			best = x;
			bs = score;
			bc = changes;
		}
	}
	return best;
}

static void random_instance(struct inst *in)
{
	size_t n = rnd(MAXN + 1);
	int nrooms = 1 + (int)rnd(3), ties = rnd(4) == 0, spread = 8 + (int)rnd(12);

	for (size_t i = 0; i < n; i++) {
		struct solve_item *x = &in->it[i];
		int day = (int)rnd(2), u = (int)rnd((uint32_t)spread);

		x->day = day;
		x->start = day * 86400 + u * 300;
		x->end = x->start + (rnd(6) == 0 ? 0 : (1 + rnd(5)) * 300);	/* some instants */
		x->room = (int)rnd((uint32_t)nrooms + 1) - 1;
		x->score = ties ? 1 : rnd(4);
		x->pinned = rnd(9) == 0;
		x->excluded = rnd(8) == 0;
	}
	for (int k = 0; k < 9; k++)
		in->matrix[k] = (int)rnd(4) * 300;
	in->p.items = in->it;
	in->p.nitems = n;
	in->p.nrooms = nrooms;
	in->p.travel_seconds = (int)rnd(3) * 300;
	in->p.room_travel = rnd(3) == 0 ? in->matrix : NULL;
	in->p.max_per_day = rnd(3) == 0 ? 0 : 1 + (int)rnd(3);
	in->p.room_building = NULL;
	in->p.room_floor = NULL;
	in->p.room_zone = NULL;
	in->p.nzones = 0;
	if (in->p.room_travel) /* keep the matrix nrooms x nrooms */
		for (int a = 0; a < nrooms; a++)
			for (int b = 0; b < nrooms; b++)
				in->matrix[a * nrooms + b] = (int)rnd(4) * 300;
}

/* As random_instance, with the rooms in 1 to 3 zones and the walks between zones (the diagonal:
 * two rooms of one zone), some longer than any item. */
static void random_zones_instance(struct inst *in)
{
	int nz = 1 + (int)rnd(3);

	random_instance(in);
	for (int r = 0; r < in->p.nrooms; r++)
		in->zone[r] = (int)rnd((uint32_t)nz);
	for (int k = 0; k < nz * nz; k++)
		in->matrix[k] = (int)rnd(5) * 300;
	in->p.room_travel = in->matrix;
	in->p.room_zone = in->zone;
	in->p.nzones = nz;
}

/* Rooms in buildings and on floors, some unknown, a cap that binds most of the time (chains of
 * up to 6 items on a day), items packed on the 5-minute grid with 0 to 10 minutes between
 * rooms (x2 between floors, x3 between buildings), every kind of item on the way. */
static void random_floors_instance(struct inst *in)
{
	size_t n = rnd(MAXN + 1);
	int nrooms = 1 + (int)rnd(3), ndays = 1 + (int)rnd(2), spread = 6 + (int)rnd(10);

	for (size_t i = 0; i < n; i++) {
		struct solve_item *x = &in->it[i];
		int day = (int)rnd((uint32_t)ndays), u = (int)rnd((uint32_t)spread);

		x->day = day;
		x->start = day * 86400 + u * 300;
		x->end = x->start + (rnd(8) == 0 ? 4 + rnd(12) : rnd(7) == 0 ? 0 : 1 + rnd(3)) * 300;
		x->room = rnd(6) == 0 ? -1 : (int)rnd((uint32_t)nrooms);
		x->score = rnd(4) == 0 ? 1 : rnd(5);
		x->pinned = rnd(12) == 0;
		x->excluded = rnd(10) == 0;
	}
	for (int r = 0; r < nrooms; r++) {
		in->building[r] = (int)rnd((uint32_t)nrooms + 1) - 1;
		in->floor[r] = (int)rnd((uint32_t)nrooms + 1) - 1;
	}
	in->p.items = in->it;
	in->p.nitems = n;
	in->p.nrooms = nrooms;
	in->p.travel_seconds = (int)rnd(3) * 300;
	in->p.room_travel = NULL;
	in->p.room_zone = NULL;
	in->p.nzones = 0;
	in->p.max_per_day = rnd(5) == 0 ? 0 : 1 + (int)rnd(4);
	in->p.room_building = rnd(5) == 0 ? NULL : in->building;
	in->p.room_floor = rnd(5) == 0 ? NULL : in->floor;
}

static void dump(const struct solve_problem *p)
{
	printf("#   nrooms %d travel %d matrix %s cap %d\n", p->nrooms, p->travel_seconds,
	       p->room_travel ? "yes" : "no", p->max_per_day);
	if (p->room_travel)
		for (int k = 0; k < (p->room_zone ? p->nzones * p->nzones : p->nrooms * p->nrooms); k++)
			printf("#   m[%d]=%d\n", k, p->room_travel[k]);
	for (int r = 0; r < p->nrooms && p->room_zone; r++)
		printf("#   room %d zone %d\n", r, p->room_zone[r]);
	for (int r = 0; r < p->nrooms && (p->room_building || p->room_floor); r++)
		printf("#   room %d building %d floor %d\n", r,
		       p->room_building ? p->room_building[r] : -1, p->room_floor ? p->room_floor[r] : -1);
	for (size_t i = 0; i < p->nitems; i++) {
		const struct solve_item *x = &p->items[i];
		printf("#   %zu: %lld-%lld room %d day %d score %lld%s%s\n", i, (long long)x->start,
		       (long long)x->end, x->room, x->day, (long long)x->score,
		       x->pinned ? " pinned" : "", x->excluded ? " excluded" : "");
	}
}

/* Solves `rounds` instances from each seed, made by `make`, and compares every result with the
 * brute force; `what` names the kind of instance in the test names. */
static void against_brute_force(const char *what, void (*make)(struct inst *),
				const uint64_t *seeds, size_t nseeds, int rounds)
{
	int instances = 0, bad_ok = 0, bad_fail = 0, bad_score = 0, bad_changes = 0, bad_set = 0;
	int bad_feasible = 0, bad_alt = 0, bad_conflict = 0, failures = 0, dumped = 0, capped = 0;

	for (size_t s = 0; s < nseeds; s++) {
		rng_state = seeds[s];
		for (int round = 0; round < rounds; round++) {
			struct inst in;
			struct bf_best b;
			struct solve_result r;
			int ret, bad = 0;

			make(&in);
			capped += in.p.max_per_day > 0;
			brute_force(&in.p, &b);
			solve_result_init(&r);
			ret = solve(&in.p, &r);
			instances++;
			if (!b.found) {
				failures++;
				if (ret != -1 || error_status() != EX_DATAERR) {
					bad_fail++;
					bad = 1;
				} else if (r.conflict_a != NONE && r.conflict_a != r.conflict_b &&
					   (r.conflict_b == NONE || !in.it[r.conflict_a].pinned ||
					    !in.it[r.conflict_b].pinned ||
					    in.it[r.conflict_a].start > in.it[r.conflict_b].start)) {
					bad_conflict++;
					bad = 1;
				}
			} else if (ret != 0) {
				bad_ok++;
				bad = 1;
			} else {
				size_t v[MAXN];
				int64_t score;
				int changes;

				if (r.nchosen)
					memcpy(v, r.chosen, r.nchosen * sizeof *v);
				bf_sort(in.it, v, r.nchosen);
				bf_value(&in.p, r.chosen, r.nchosen, &score, &changes);
				if ((r.nchosen && memcmp(v, r.chosen, r.nchosen * sizeof *v)) ||
				    !bf_feasible(&in.p, v, r.nchosen) || score != r.total_score ||
				    changes != r.room_changes) {
					bad_feasible++;
					bad = 1;
				}
				for (size_t i = 0; i < in.p.nitems; i++) {
					bool inplan = false;
					for (size_t k = 0; k < r.nchosen; k++)
						inplan = inplan || r.chosen[k] == i;
					if (in.it[i].pinned && !inplan) {
						bad_feasible++;
						bad = 1;
					}
				}
				if (r.total_score != b.score) {
					bad_score++;
					bad = 1;
				}
				if (r.room_changes != b.min_changes) {
					bad_changes++;
					bad = 1;
				}
				if (r.nchosen != b.n || (b.n && memcmp(r.chosen, b.v, b.n * sizeof *b.v))) {
					bad_set++;
					bad = 1;
				}
				for (size_t k = 0; k < r.nchosen; k++) {
					if (r.alternative[k] != bf_alternative(&in.p, &r, k)) {
						bad_alt++;
						bad = 1;
					}
				}
			}
			if (bad && dumped++ < 3) {
				printf("# seed %llu round %d: ret %d (%s), %zu chosen:", (unsigned long long)seeds[s],
				       round, ret, error_message(), r.nchosen);
				for (size_t k = 0; k < r.nchosen; k++)
					printf(" %zu(alt %zu)", r.chosen[k], r.alternative[k]);
				printf("; brute force %s, %zu:", b.found ? "found" : "none", b.n);
				for (size_t k = 0; k < b.n; k++)
					printf(" %zu", b.v[k]);
				printf("\n");
				dump(&in.p);
			}
			solve_result_release(&r);
		}
	}
	ok(instances >= 2000, "%s: %d random instances, %d with a cap", what, instances, capped);
	ok(failures > 50, "%s: %d of them with infeasible pins", what, failures);
	is_int(bad_fail, 0, "%s: solve fails when no plan holds every pin", what);
	is_int(bad_conflict, 0, "%s: conflicting pins named in time order", what);
	is_int(bad_ok, 0, "%s: solve succeeds when some plan holds every pin", what);
	is_int(bad_feasible, 0, "%s: the plan is feasible, holds every pin, totals match", what);
	is_int(bad_score, 0, "%s: the total is the optimum", what);
	is_int(bad_changes, 0, "%s: room changes are the minimum among optimal plans", what);
	is_int(bad_set, 0, "%s: the exact tie-break picks the same plan", what);
	is_int(bad_alt, 0, "%s: alternatives", what);
}

static void test_against_brute_force(void)
{
	static const uint64_t seeds[] = { 1, 42, 2024, 777777 };

	against_brute_force("brute force", random_instance, seeds, 4, 800);
}

/* Buildings and floors with a per-day cap: the lists the solver searches instead of one per
 * room, and the day-by-day levels, against every subset. */
static void test_zones_against_brute_force(void)
{
	static const uint64_t seeds[] = { 17, 2718, 1414213 };

	against_brute_force("brute force, zones", random_zones_instance, seeds, 3, 800);
}

static void test_floors_against_brute_force(void)
{
	static const uint64_t seeds[] = { 5, 99, 31337, 424242, 8675309 };

	against_brute_force("brute force, floors and caps", random_floors_instance, seeds, 5, 1000);
}

/* A plain O(n^2 K) reference: the best (pins, score, -changes) over chains, forward over items
 * sorted by end, every pair tried; f[i][c-1] ends at i with c items on i's day.  Returns false
 * when no chain holds every pin. */
struct ref_val {
	int pins;
	int64_t score;
	int changes;
	bool ok;
};

static bool ref_better(struct ref_val a, struct ref_val b)
{
	if (!b.ok)
		return a.ok;
	if (!a.ok)
		return false;
	if (a.pins != b.pins)
		return a.pins > b.pins;
	if (a.score != b.score)
		return a.score > b.score;
	return a.changes < b.changes;
}

static bool reference(const struct solve_problem *p, int64_t *score, int *changes)
{
	enum { MAXR = 160, MAXK = 40 };
	static struct ref_val f[MAXR][MAXK];
	size_t v[MAXR], n = 0;
	int K = p->max_per_day ? p->max_per_day : 1, npins = 0;
	struct ref_val best = { 0, 0, 0, true };

	for (size_t i = 0; i < p->nitems; i++) {
		npins += p->items[i].pinned;
		if (!p->items[i].excluded)
			v[n++] = i;
	}
	bf_sort(p->items, v, n);
	for (size_t a = 0; a < n; a++) {
		const struct solve_item *x = &p->items[v[a]];
		for (int c = 0; c < K; c++)
			f[a][c].ok = false;
		f[a][0] = (struct ref_val){ x->pinned, x->score, 0, true };
		for (size_t b = 0; b < a; b++) {
			const struct solve_item *y = &p->items[v[b]];
			int ch = y->room >= 0 && x->room >= 0 && y->room != x->room;
			if (y->end + bf_travel(p, y->room, x->room) > x->start)
				continue;
			for (int c = 0; c < K; c++) {
				struct ref_val t = f[b][c];
				int to = p->max_per_day && y->day == x->day ? c + 1 : 0;
				if (!t.ok || to >= K)
					continue;
				t.pins += x->pinned;
				t.score += x->score;
				t.changes += ch;
				if (ref_better(t, f[a][to]))
					f[a][to] = t;
			}
		}
		for (int c = 0; c < K; c++)
			if (ref_better(f[a][c], best))
				best = f[a][c];
	}
	*score = best.score;
	*changes = best.changes;
	return best.pins == npins;
}

/* Larger instances, beyond brute force, with caps that bind: solve against the reference. */
static void test_against_reference(void)
{
	enum { N = 100 };
	int agree = 0, failures = 0, runs = 600;

	rng_state = 31337;
	for (int round = 0; round < runs; round++) {
		static struct solve_item it[N];
		static int m[9];
		size_t n = 1 + rnd(N);
		int nrooms = 1 + (int)rnd(3);
		struct solve_problem p = problem(it, n, nrooms, (int)rnd(4) * 300);
		struct solve_result r;
		int64_t score;
		int changes;
		bool feasible;

		for (size_t i = 0; i < n; i++) {
			int day = (int)rnd(3);
			it[i] = item(day * 1440 + 540 + rnd(60) * 5, 0, (int)rnd((uint32_t)nrooms + 1) - 1,
				     rnd(6));
			it[i].end = it[i].start + (1 + rnd(12)) * 5 * MIN;
			it[i].day = day;
			it[i].excluded = rnd(10) == 0;
			it[i].pinned = rnd(40) == 0;
		}
		for (int k = 0; k < nrooms * nrooms; k++)
			m[k] = (int)rnd(4) * 300;
		p.room_travel = rnd(3) == 0 ? m : NULL;
		p.max_per_day = rnd(4) == 0 ? 0 : 1 + (int)rnd(8);
		feasible = reference(&p, &score, &changes);
		solve_result_init(&r);
		if (!feasible) {
			failures++;
			agree += solve(&p, &r) == -1;
		} else {
			agree += solve(&p, &r) == 0 && r.total_score == score && r.room_changes == changes;
		}
		solve_result_release(&r);
	}
	ok(failures > 20 && failures < runs / 2, "reference: %d of %d with infeasible pins", failures, runs);
	is_int(agree, runs, "reference: solve agrees on feasibility, total and room changes");
}

/* True if two results are the same plan with the same alternatives. */
static bool same_result(const struct solve_result *a, const struct solve_result *b)
{
	if (a->nchosen != b->nchosen || a->total_score != b->total_score ||
	    a->room_changes != b->room_changes)
		return false;
	for (size_t k = 0; k < a->nchosen; k++)
		if (a->chosen[k] != b->chosen[k] || a->alternative[k] != b->alternative[k])
			return false;
	return true;
}

/* Larger instances, beyond brute force: uniform travel and the equivalent matrix (any diagonal)
 * give the same plan, and so do no cap and a cap no day reaches. */
static void test_equivalent_forms(void)
{
	enum { N = 80, R = 6 };
	int same_matrix = 0, same_cap = 0, runs = 0;

	rng_state = 99;
	for (int round = 0; round < 300; round++) {
		static struct solve_item it[N];
		static int m[R * R];
		size_t n = 1 + rnd(N);
		struct solve_problem p = problem(it, n, R, (int)rnd(4) * 300);
		struct solve_result a, b;

		for (size_t i = 0; i < n; i++) {
			int day = (int)rnd(3);
			it[i] = item(day * 1440 + 540 + rnd(60) * 5, 0, (int)rnd(R + 1) - 1, rnd(5));
			it[i].end = it[i].start + (1 + rnd(12)) * 5 * MIN;
			it[i].day = day;
			it[i].excluded = rnd(10) == 0;
		}
		for (int k = 0; k < R * R; k++)
			m[k] = k % (R + 1) == 0 ? (int)rnd(1000) : p.travel_seconds;
		solve_result_init(&a);
		solve_result_init(&b);
		runs += solve(&p, &a) == 0;
		p.room_travel = m;
		same_matrix += solve(&p, &b) == 0 && same_result(&a, &b);
		p.room_travel = NULL;
		p.max_per_day = N;
		same_cap += solve(&p, &b) == 0 && same_result(&a, &b);
		solve_result_release(&a);
		solve_result_release(&b);
	}
	is_int(runs, 300, "equivalent forms: every instance solves");
	is_int(same_matrix, 300, "equivalent forms: uniform travel equals the same matrix");
	is_int(same_cap, 300, "equivalent forms: a cap no day reaches changes nothing");
}

/* A random timetable of n items over `ndays` days (09:00-18:00 on the 5-minute grid, 5 to 25
 * minutes long) in nrooms rooms, some plenaries, buildings and floors (some unknown) in bld and
 * flr, a few pins and exclusions. */
static void random_floors(struct solve_item *it, size_t n, int nrooms, int ndays, int *bld, int *flr)
{
	for (size_t i = 0; i < n; i++) {
		int day = (int)rnd((uint32_t)ndays);
		it[i] = item(day * 1440 + 540 + rnd(108) * 5, 0,
			     rnd(20) == 0 ? -1 : (int)rnd((uint32_t)nrooms), rnd(6));
		it[i].end = it[i].start + (1 + rnd(5)) * 5 * MIN;
		it[i].day = day;
		it[i].excluded = rnd(10) == 0;
		it[i].pinned = rnd(60) == 0;
	}
	for (int r = 0; r < nrooms; r++) { /* numbers below nrooms, as solve.h asks */
		bld[r] = rnd(4) == 0 ? -1 : (int)rnd(nrooms < 3 ? (uint32_t)nrooms : 3);
		flr[r] = rnd(4) == 0 ? -1 : (int)rnd(nrooms < 3 ? (uint32_t)nrooms : 3);
	}
}

/* Buildings and floors with caps up to 40 on chains of up to ~50 items a day, beyond brute
 * force: solve against the plain O(n^2 K) reference. */
static void test_floors_against_reference(void)
{
	enum { N = 160, R = 8 };
	int agree = 0, failures = 0, binding = 0, runs = 300;

	rng_state = 271828;
	for (int round = 0; round < runs; round++) {
		static struct solve_item it[N];
		static int bld[R], flr[R];
		size_t n = 1 + rnd(N);
		int nrooms = 1 + (int)rnd(R);
		struct solve_problem p = problem(it, n, nrooms, (int)rnd(4) * 150);
		struct solve_result r;
		int64_t score, free_score;
		int changes;
		bool feasible;

		random_floors(it, n, nrooms, 1 + (int)rnd(2), bld, flr);
		p.room_building = bld;
		p.room_floor = flr;
		reference(&p, &free_score, &changes);
		p.max_per_day = rnd(8) == 0 ? 0 : 1 + (int)rnd(40);
		feasible = reference(&p, &score, &changes);
		binding += feasible && score < free_score;
		solve_result_init(&r);
		if (!feasible) {
			failures++;
			agree += solve(&p, &r) == -1;
		} else {
			agree += solve(&p, &r) == 0 && r.total_score == score && r.room_changes == changes;
		}
		solve_result_release(&r);
	}
	ok(failures > 5 && failures < runs / 2, "floors, reference: %d of %d with infeasible pins",
	   failures, runs);
	ok(binding > runs / 4, "floors, reference: the cap costs points in %d of them", binding);
	is_int(agree, runs, "floors, reference: solve agrees on feasibility, total and room changes");
}

/* Buildings and floors against the same travel as a matrix (solved with one list per room):
 * the same plan and alternatives, exact tie-break included, with and without caps. */
static void test_floors_equal_matrix(void)
{
	enum { N = 300, R = 12 };
	int same = 0, runs = 200;

	rng_state = 1618;
	for (int round = 0; round < runs; round++) {
		static struct solve_item it[N];
		static int bld[R], flr[R], m[R * R];
		size_t n = 1 + rnd(N);
		int nrooms = 1 + (int)rnd(R);
		struct solve_problem p = problem(it, n, nrooms, (int)rnd(4) * 150);
		struct solve_result a, b;
		int ra, rb;

		random_floors(it, n, nrooms, 1 + (int)rnd(3), bld, flr);
		for (size_t i = 0; i < n; i++)
			it[i].pinned = false;
		p.max_per_day = rnd(4) == 0 ? 0 : 1 + (int)rnd(30);
		p.room_building = bld;
		p.room_floor = flr;
		for (int x = 0; x < nrooms; x++)
			for (int y = 0; y < nrooms; y++)
				m[x * nrooms + y] = x == y ? 12345 : (int)bf_travel(&p, x, y);
		solve_result_init(&a);
		solve_result_init(&b);
		ra = solve(&p, &a);
		p.room_travel = m;
		rb = solve(&p, &b);
		same += ra == 0 && rb == 0 && same_result(&a, &b);
		solve_result_release(&a);
		solve_result_release(&b);
	}
	is_int(same, runs, "floors: the same plans as the equivalent matrix");
}

/* Zones against the same travel as a room matrix (one list per room): the same plan and
 * alternatives, exact tie-break included, with and without caps, on instances too big for the
 * brute force. */
static void test_zones_equal_matrix(void)
{
	enum { N = 300, R = 12 };
	int same = 0, runs = 200;

	rng_state = 1729;
	for (int round = 0; round < runs; round++) {
		static struct solve_item it[N];
		static int bld[R], flr[R], zone[R], zm[R * R], m[R * R];
		size_t n = 1 + rnd(N);
		int nrooms = 1 + (int)rnd(R), nz = 1 + (int)rnd((uint32_t)nrooms);
		struct solve_problem p = problem(it, n, nrooms, 300);
		struct solve_result a, b;
		int ra, rb;

		random_floors(it, n, nrooms, 1 + (int)rnd(3), bld, flr);
		for (size_t i = 0; i < n; i++)
			it[i].pinned = false;
		for (int r = 0; r < nrooms; r++)
			zone[r] = (int)rnd((uint32_t)nz);
		for (int k = 0; k < nz * nz; k++)
			zm[k] = (int)rnd(6) * 150;
		for (int x = 0; x < nrooms; x++)
			for (int y = 0; y < nrooms; y++)
				m[x * nrooms + y] = x == y ? 54321 : zm[zone[x] * nz + zone[y]];
		p.max_per_day = rnd(4) == 0 ? 0 : 1 + (int)rnd(30);
		p.room_travel = zm;
		p.room_zone = zone;
		p.nzones = nz;
		solve_result_init(&a);
		solve_result_init(&b);
		ra = solve(&p, &a);
		p.room_zone = NULL;
		p.nzones = 0;
		p.room_travel = m;
		rb = solve(&p, &b);
		same += ra == 0 && rb == 0 && same_result(&a, &b);
		solve_result_release(&a);
		solve_result_release(&b);
	}
	is_int(same, runs, "zones: the same plans as the equivalent room matrix");
	{
		static const int zm[] = { 0, 0, 0, 0 }, zbad[] = { 0, 2 };
		struct solve_item one[] = { item(600, 630, 0, 1) };
		struct solve_problem p = problem(one, 1, 2, 300);
		struct solve_result r;

		solve_result_init(&r);
		p.room_travel = zm;
		p.room_zone = zbad;
		p.nzones = 2;
		is_int(solve(&p, &r), -1, "zones: a zone out of range is refused");
		p.nzones = 0;
		is_int(solve(&p, &r), -1, "zones: none at all is refused");
		solve_result_release(&r);
		error_clear();
	}
}

static void test_buildings_and_floors(void)
{
	/* rooms 0 and 1: building 0, floor 0; 2: building 0, floor 1; 3: building 1, floor 0;
	 * 4: no building known, floor 1 */
	static const int bld[] = { 0, 0, 0, 1, -1 }, flr[] = { 0, 0, 1, 0, 1 };
	static const int bad[] = { 0, 5, 0, 0, 0 };
	struct solve_item it[] = {
		item(600, 630, 0, 1), item(634, 660, 1, 1), item(639, 660, 2, 1), item(644, 660, 3, 1),
		item(639, 660, 4, 1),
	};
	struct solve_problem p = problem(it, 5, 5, 5 * MIN);
	struct solve_result r;
	bool none = true, all = true;

	p.room_building = bld;
	p.room_floor = flr;
	for (size_t i = 1; i < 5; i++)
		none = none && !solve_compatible(&p, 0, i);
	ok(none, "floors: a minute short of 5 on a floor, 10 between floors, 15 between buildings");
	for (size_t i = 1; i < 5; i++)
		it[i].start += MIN;
	for (size_t i = 1; i < 5; i++)
		all = all && solve_compatible(&p, 0, i);
	ok(all, "floors: and exactly enough; no building known counts as the same building");
	p.room_floor = NULL;
	it[2].start = it[4].start = 635 * MIN;
	ok(solve_compatible(&p, 0, 2) && solve_compatible(&p, 0, 4),
	   "floors: without floors, 5 minutes within a building");
	p.room_building = NULL;
	it[3].start = 635 * MIN;
	ok(solve_compatible(&p, 0, 3), "floors: without either, 5 minutes everywhere");

	/* the walk decides what a cap of 2 keeps */
	struct solve_item day[] = {
		item(600, 630, 0, 3), /* 0 */
		item(645, 700, 3, 4), /* 1: another building, just in time after 0 */
		item(640, 700, 2, 3), /* 2: another floor, just in time after 0 */
		item(644, 700, 3, 5), /* 3: another building, a minute late after 0 */
		item(720, 750, 0, 2), /* 4 */
	};
	p = problem(day, 5, 5, 5 * MIN);
	p.room_building = bld;
	p.room_floor = flr;
	solve_result_init(&r);
	is_int(solve(&p, &r), 0, "floors: solves");
	ok(CHOSE(&r, 0, 1, 4), "floors: without a cap, three");
	p.max_per_day = 2;
	is_int(solve(&p, &r), 0, "floors with a cap: solves");
	ok(CHOSE(&r, 0, 1), "floors with a cap: the best two (the same total as 3 and 4, earlier)");
	day[1].start = 644 * MIN;
	is_int(solve(&p, &r), 0, "floors with a cap: solves again");
	ok(CHOSE(&r, 3, 4), "floors with a cap: a minute too late for the other building");
	is_int(r.total_score, 7, "floors with a cap: total");
	p.room_building = bad;
	is_int(solve(&p, &r), -1, "floors: a building number out of range is refused");
	solve_result_release(&r);
}

int main(void)
{
	test_empty_input();
	test_all_overlapping_single_best();
	test_back_to_back_same_room();
	test_back_to_back_different_rooms();
	test_plenary_everywhere();
	test_instants();
	test_pins_kept_low_score();
	test_conflicting_pins();
	test_pinned_and_excluded();
	test_excluded_never_chosen();
	test_per_day_cap();
	test_cap_long_first_item();
	test_pins_over_cap();
	test_ties_fewer_room_changes();
	test_deterministic_ties();
	test_room_travel_matrix();
	test_buildings_and_floors();
	test_alternatives();
	test_bad_input();
	test_against_brute_force();
	test_floors_against_brute_force();
	test_zones_against_brute_force();
	test_equivalent_forms();
	test_against_reference();
	test_floors_against_reference();
	test_floors_equal_matrix();
	test_zones_equal_matrix();
	return done_testing();
}
