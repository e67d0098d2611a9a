/* test_team.c: unit tests for the team solver (team.h): the greedy counterexample, pins,
 * exclusions, bad input, then a brute force over every assignment of items to members (or to
 * nobody) on thousands of small random instances with travel, floors, buildings, matrices,
 * plenaries, pins and exclusions: the same total score and room changes, and a valid plan. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "solve.h"
#include "team.h"
#include "tap.h"
#include "util.h"
#include "rng.h"

#define MIN 60
#define NONE SIZE_MAX
#define MAXN 8

static struct solve_item item(int64_t start_min, int64_t end_min, int room, int64_t score)
{
	struct solve_item x;

	memset(&x, 0, sizeof(x));
	x.start = start_min * MIN;
	x.end = end_min * MIN;
	x.room = room;
	x.score = score;
	return x;
}

static struct solve_problem problem(const struct solve_item *items, size_t n, int nrooms,
				    int travel)
{
	struct solve_problem p;

	memset(&p, 0, sizeof(p));
	p.items = items;
	p.nitems = n;
	p.nrooms = nrooms;
	p.travel_seconds = travel;
	return p;
}

/* The rule of solve.h written out plainly: b can follow a. */
static bool bf_follows(const struct solve_problem *p, size_t a, size_t b)
{
	const struct solve_item *x = &p->items[a], *y = &p->items[b];
	int ra = x->room, rb = y->room;
	int64_t t;

	if (ra < 0 || rb < 0 || ra == rb) {
		t = 0;
	} else if (p->room_travel && p->room_zone) {
		t = p->room_travel[p->room_zone[ra] * p->nzones + p->room_zone[rb]];
	} else if (p->room_travel) {
		t = p->room_travel[ra * p->nrooms + rb];
	} else {
		int ba = p->room_building ? p->room_building[ra] : -1;
		int bb = p->room_building ? p->room_building[rb] : -1;
		int fa = p->room_floor ? p->room_floor[ra] : -1;
		int fb = p->room_floor ? p->room_floor[rb] : -1;
		t = p->travel_seconds;
		if (ba >= 0 && bb >= 0 && ba != bb)
			t *= 3;
		else if (fa >= 0 && fb >= 0 && fa != fb)
			t *= 2;
	}
	return x->end + t <= y->start;
}

/* One member's items v[0..n) in time order (by start, end, index): attendable, and its room
 * changes. */
static bool bf_day(const struct solve_problem *p, size_t *v, size_t n, int *changes)
{
	for (size_t a = 1; a < n; a++)
		for (size_t b = a; b > 0; b--) {
			const struct solve_item *x = &p->items[v[b - 1]], *y = &p->items[v[b]];
			if (x->start < y->start || (x->start == y->start && (x->end < y->end ||
			    (x->end == y->end && v[b - 1] < v[b]))))
				break;
			size_t t = v[b];
			v[b] = v[b - 1];
			v[b - 1] = t;
		}
	*changes = 0;
	for (size_t k = 1; k < n; k++) {
		int ra = p->items[v[k - 1]].room, rb = p->items[v[k]].room;
		if (!bf_follows(p, v[k - 1], v[k]))
			return false;
		*changes += ra >= 0 && rb >= 0 && ra != rb;
	}
	return true;
}

struct bf_best {
	bool found;
	int64_t score;
	int changes;
};

/* Every assignment of the items to nobody (0) or a member (1..k). */
static void brute_force(const struct solve_problem *p, int k, struct bf_best *b)
{
	size_t n = p->nitems, total = 1;
	int who[MAXN];

	b->found = false;
	b->score = 0;
	b->changes = 0;
	for (size_t i = 0; i < n; i++)
		total *= (size_t)k + 1;
	for (size_t code = 0; code < total; code++) {
		size_t c = code, v[MAXN], nv;
		int64_t score = 0;
		int changes = 0, ch;
		bool okay = true;

		for (size_t i = 0; i < n; i++) {
			who[i] = (int)(c % ((size_t)k + 1));
			c /= (size_t)k + 1;
			if ((who[i] && p->items[i].excluded) || (!who[i] && p->items[i].pinned))
				okay = false;
		}
		for (int m = 1; okay && m <= k; m++) {
			nv = 0;
			for (size_t i = 0; i < n; i++)
				if (who[i] == m)
					v[nv++] = i;
			if (!bf_day(p, v, nv, &ch))
				okay = false;
			changes += ch;
		}
		if (!okay)
			continue;
		for (size_t i = 0; i < n; i++)
			if (who[i])
				score += p->items[i].score;
		if (!b->found || score > b->score || (score == b->score && changes < b->changes)) {
			b->found = true;
			b->score = score;
			b->changes = changes;
		}
	}
}

/* r is a valid plan for p: members' days attendable, no item twice, none excluded, every pin
 * covered, and its totals are what its items add up to. */
static bool valid(const struct solve_problem *p, const struct team_result *r, int k)
{
	bool seen[MAXN] = { false };
	int64_t score = 0;
	int changes = 0, ch;

	if (r->nmembers != k)
		return false;
	for (int m = 0; m < k; m++) {
		size_t v[MAXN];
		if (r->nmember[m] > MAXN)
			return false;
		for (size_t j = 0; j < r->nmember[m]; j++) {
			size_t i = r->member[m][j];
			if (i >= p->nitems || seen[i] || p->items[i].excluded)
				return false;
			seen[i] = true;
			score += p->items[i].score;
			v[j] = i;
		}
		/* given in time order */
		for (size_t j = 1; j < r->nmember[m]; j++)
			if (p->items[r->member[m][j - 1]].start > p->items[r->member[m][j]].start)
				return false;
		if (!bf_day(p, v, r->nmember[m], &ch))
			return false;
		changes += ch;
	}
	for (size_t i = 0; i < p->nitems; i++)
		if (p->items[i].pinned && !seen[i])
			return false;
	return score == r->total_score && changes == r->room_changes;
}

static void test_greedy_is_not_optimal(void)
{
	/* A [0,2) 2, B [2,3) 5, C [1,3) 3, D [0,1) 2, two members, one room: greedy 10, best 12 */
	struct solve_item it[] = { item(0, 2, 0, 2), item(2, 3, 0, 5), item(1, 3, 0, 3),
				   item(0, 1, 0, 2) };
	struct solve_problem p = problem(it, 4, 1, 0);
	struct team_result r;

	team_result_init(&r);
	ok(team_solve(&p, 2, &r) == 0, "two members solve");
	is_int(r.total_score, 12, "the optimum covers 12 points (greedy: 10)");
	ok(valid(&p, &r, 2), "and is a valid plan");
	ok(team_solve(&p, 1, &r) == 0 && r.total_score == 7, "one member: 7 (D, then B)");
	ok(team_solve(&p, 3, &r) == 0 && r.total_score == 12, "three members: every item, 12");
	team_result_release(&r);
}

static void test_members_with_nothing(void)
{
	struct solve_item it[] = { item(0, 60, 0, 3) };
	struct solve_problem p = problem(it, 1, 1, 0);
	struct team_result r;

	team_result_init(&r);
	ok(team_solve(&p, 3, &r) == 0, "more members than items");
	ok(r.nmember[0] == 1 && r.nmember[1] == 0 && r.nmember[2] == 0,
	   "the first member attends, the others have nothing");
	p.nitems = 0;
	ok(team_solve(&p, 2, &r) == 0 && r.total_score == 0 && r.nmember[0] == 0,
	   "no items: an empty plan");
	team_result_release(&r);
}

static void test_pins_and_exclusions(void)
{
	struct solve_item it[] = { item(0, 60, 0, 0), item(0, 60, 1, 0), item(0, 60, 2, 9),
				   item(0, 60, 0, 5) };
	struct solve_problem p = problem(it, 4, 3, 0);
	struct team_result r;

	team_result_init(&r);
	it[0].pinned = it[1].pinned = true;
	ok(team_solve(&p, 2, &r) == 0 && valid(&p, &r, 2) && r.total_score == 0,
	   "two pins at once take both members, whatever the scores");
	ok(team_solve(&p, 1, &r) < 0, "two pins at once, one member: refused");
	ok(r.unmet_pin == 0 || r.unmet_pin == 1, "and a pin is named");
	it[1].pinned = false;
	it[2].excluded = true;
	ok(team_solve(&p, 2, &r) == 0 && valid(&p, &r, 2) && r.total_score == 5,
	   "an excluded item is never chosen");
	it[2].pinned = true;
	ok(team_solve(&p, 2, &r) < 0 && r.unmet_pin == 2, "a pinned excluded item: refused");
	team_result_release(&r);
}

static void test_ties_fewer_room_changes(void)
{
	/* two members, four equal items in two rooms: each member stays in one room */
	struct solve_item it[] = { item(0, 30, 0, 1), item(0, 30, 1, 1), item(30, 60, 0, 1),
				   item(30, 60, 1, 1) };
	struct solve_problem p = problem(it, 4, 2, 0);
	struct team_result r;

	team_result_init(&r);
	ok(team_solve(&p, 2, &r) == 0 && r.total_score == 4 && r.room_changes == 0,
	   "equal totals: no member changes rooms");
	ok(valid(&p, &r, 2), "valid");
	team_result_release(&r);
}

static void test_bad_input(void)
{
	struct solve_item it[] = { item(0, 60, 0, 1) };
	struct solve_problem p = problem(it, 1, 1, 0);
	struct team_result r;

	team_result_init(&r);
	ok(team_solve(&p, 0, &r) < 0, "no members: refused");
	ok(team_solve(&p, TEAM_MAX_MEMBERS + 1, &r) < 0, "too many members: refused");
	p.max_per_day = 2;
	ok(team_solve(&p, 2, &r) < 0, "a per-day cap: refused");
	p.max_per_day = 0;
	it[0].score = INT64_MAX / 2;
	ok(team_solve(&p, 2, &r) < 0, "scores too large to combine: refused");
	it[0].score = -1;
	ok(team_solve(&p, 2, &r) < 0, "a negative score: refused");
	team_result_release(&r);
}

static void random_instance(struct solve_item *it, struct solve_problem *p, int *matrix,
			    int *bld, int *flr)
{
	size_t n = rnd(MAXN + 1);
	int nrooms = 1 + (int)rnd(3), spread = 6 + (int)rnd(10);

	for (size_t i = 0; i < n; i++) {
		struct solve_item *x = &it[i];
		x->day = 0;
		x->start = (int64_t)rnd((uint32_t)spread) * 300;
		/* some long, some short, some taking no time */
		x->end = x->start + (rnd(6) == 0 ? 4 + rnd(8) : rnd(7) == 0 ? 0 : 1 + rnd(3)) * 300;
		x->room = rnd(6) == 0 ? -1 : (int)rnd((uint32_t)nrooms);
		x->score = rnd(5) == 0 ? 1 : rnd(6);
		x->pinned = rnd(10) == 0;
		x->excluded = rnd(10) == 0;
	}
	for (int a = 0; a < nrooms; a++) {
		bld[a] = (int)rnd((uint32_t)nrooms + 1) - 1;
		flr[a] = (int)rnd((uint32_t)nrooms + 1) - 1;
		for (int b = 0; b < nrooms; b++)
			matrix[a * nrooms + b] = (int)rnd(4) * 300;
	}
	memset(p, 0, sizeof(*p));
	p->items = it;
	p->nitems = n;
	p->nrooms = nrooms;
	p->travel_seconds = (int)rnd(3) * 300;
	switch (rnd(4)) {
	case 0:
		p->room_travel = matrix;
		break;
	case 1:
		p->room_building = bld;
		p->room_floor = flr;
		break;
	case 2: {
		/* zones: the rooms in 1 to 3 groups, the walks between groups (planner rooms walk) */
		static int zone[3];
		int nz = 1 + (int)rnd(3);

		for (int a = 0; a < nrooms; a++)
			zone[a] = (int)rnd((uint32_t)nz);
		for (int k = 0; k < nz * nz; k++)
			matrix[k] = (int)rnd(5) * 300;
		p->room_travel = matrix;
		p->room_zone = zone;
		p->nzones = nz;
		break;
	}
	default:
		break;
	}
}

static void test_against_brute_force(void)
{
	struct solve_item it[MAXN];
	struct solve_problem p;
	int matrix[9], bld[3], flr[3], bad = 0, runs = 0, refused = 0;
	struct team_result r;

	team_result_init(&r);
	rng_state = 20261204;
	for (int round = 0; round < 4000; round++) {
		int k = 1 + (int)rnd(3);
		struct bf_best b = { false, 0, 0 };
		int got;

		random_instance(it, &p, matrix, bld, flr);
		brute_force(&p, k, &b);
		got = team_solve(&p, k, &r);
		runs++;
		if (!b.found) {
			refused++;
			if (got == 0 && bad++ < 5)
				printf("#   round %d: solved an instance with no valid plan\n", round);
			continue;
		}
		if (got != 0 || r.total_score != b.score || r.room_changes != b.changes ||
		    !valid(&p, &r, k)) {
			if (bad++ < 5)
				printf("#   round %d (k %d, n %zu): got %d score %lld changes %d, want score "
				     "%lld changes %d\n", round, k, p.nitems, got, (long long)r.total_score,
				     r.room_changes, (long long)b.score, b.changes);
		}
	}
	is_int(bad, 0, "%d random instances: the brute force's total and room changes, a valid plan",
	       runs);
	ok(refused > 20 && refused < runs / 2, "some instances (%d) have pins no team can cover",
	   refused);
	team_result_release(&r);
}

/* With one member the team is pick's problem: the same total and room changes as solve(). */
static void test_one_member_is_solve(void)
{
	struct solve_item it[MAXN];
	struct solve_problem p;
	int matrix[9], bld[3], flr[3], bad = 0;
	struct team_result r;
	struct solve_result s;

	team_result_init(&r);
	solve_result_init(&s);
	rng_state = 7;
	for (int round = 0; round < 3000; round++) {
		int a, b;
		random_instance(it, &p, matrix, bld, flr);
		a = team_solve(&p, 1, &r);
		b = solve(&p, &s);
		error_clear();
		if ((a == 0) != (b == 0) ||
		    (a == 0 && (r.total_score != s.total_score || r.room_changes != s.room_changes)))
			bad++;
	}
	is_int(bad, 0, "one member: the same result as solve() on 3000 instances");
	solve_result_release(&s);
	team_result_release(&r);
}

/* A reference for larger instances: the same min-cost flow written plainly, every compatible
 * pair an explicit arc, Bellman-Ford for each unit (no chains, no potentials, no heap). */
#define REFN 48
struct ref_arc { int to, cap; int64_t cost; int rev; };
static struct ref_arc ref_arcs[2 * (REFN * REFN + 4 * REFN + 8)];
static int ref_head[2 * REFN + 2][REFN * 2 + 8], ref_deg[2 * REFN + 2], ref_narcs;

static void ref_add(int u, int v, int cap, int64_t cost)
{
	ref_arcs[ref_narcs] = (struct ref_arc){ v, cap, cost, ref_narcs + 1 };
	ref_arcs[ref_narcs + 1] = (struct ref_arc){ u, 0, -cost, ref_narcs };
	ref_head[u][ref_deg[u]++] = ref_narcs;
	ref_head[v][ref_deg[v]++] = ref_narcs + 1;
	ref_narcs += 2;
}

/* The best total score and room changes for k members (score first); false: pins unmet. */
static bool reference(const struct solve_problem *p, int k, int64_t *score, int *changes)
{
	size_t n = 0, ord[REFN];
	int nodes, src = 0, snk = 1;
	int64_t m, pin, sum = 0, total = 0;

	for (size_t i = 0; i < p->nitems; i++)
		if (!p->items[i].excluded)
			ord[n++] = i;
	for (size_t a = 1; a < n; a++) /* by start, end, index */
		for (size_t b = a; b > 0; b--) {
			const struct solve_item *x = &p->items[ord[b - 1]], *y = &p->items[ord[b]];
			if (x->start < y->start || (x->start == y->start && (x->end < y->end ||
			    (x->end == y->end && ord[b - 1] < ord[b]))))
				break;
			size_t t = ord[b]; ord[b] = ord[b - 1]; ord[b - 1] = t;
		}
	for (size_t i = 0; i < n; i++)
		sum += p->items[ord[i]].score;
	m = (int64_t)n + 1;
	pin = (sum + 1) * m;
	nodes = 2 + 2 * (int)n;
	ref_narcs = 0;
	memset(ref_deg, 0, sizeof(ref_deg));
	ref_add(src, snk, k, 0);
	for (size_t i = 0; i < n; i++) {
		const struct solve_item *x = &p->items[ord[i]];
		ref_add(src, 2 + 2 * (int)i, 1, 0);
		ref_add(2 + 2 * (int)i, 3 + 2 * (int)i, 1, -(x->score * m) - (x->pinned ? pin : 0));
		ref_add(3 + 2 * (int)i, snk, 1, 0);
		for (size_t j = i + 1; j < n; j++) {
			const struct solve_item *y = &p->items[ord[j]];
			if (bf_follows(p, ord[i], ord[j]))
				ref_add(3 + 2 * (int)i, 2 + 2 * (int)j, 1,
					x->room >= 0 && y->room >= 0 && x->room != y->room);
		}
	}
	for (int unit = 0; unit < k; unit++) {
		int64_t dist[2 * REFN + 2];
		int via[2 * REFN + 2];
		bool changed = true;
		for (int v = 0; v < nodes; v++)
			dist[v] = INT64_MAX, via[v] = -1;
		dist[src] = 0;
		for (int round = 0; changed && round < nodes; round++) {
			changed = false;
			for (int u = 0; u < nodes; u++) {
				if (dist[u] == INT64_MAX)
					continue;
				for (int e = 0; e < ref_deg[u]; e++) {
					struct ref_arc *a = &ref_arcs[ref_head[u][e]];
					if (a->cap > 0 && dist[u] + a->cost < dist[a->to]) {
						dist[a->to] = dist[u] + a->cost;
						via[a->to] = ref_head[u][e];
						changed = true;
					}
				}
			}
		}
		if (dist[snk] >= 0)
			break;
		for (int v = snk; v != src;) {
			struct ref_arc *a = &ref_arcs[via[v]];
			a->cap--;
			ref_arcs[a->rev].cap++;
			v = ref_arcs[a->rev].to;
		}
		total += dist[snk];
	}
	{
		int pins = 0, covered = 0;
		for (size_t i = 0; i < n; i++)
			if (p->items[ord[i]].pinned) {
				pins++;
				/* in -> out arc of i carries flow: its capacity is 0 */
				for (int e = 0; e < ref_deg[2 + 2 * (int)i]; e++) {
					struct ref_arc *a = &ref_arcs[ref_head[2 + 2 * (int)i][e]];
					if (a->to == 3 + 2 * (int)i && a->cap == 0)
						covered++;
				}
			}
		if (covered < pins)
			return false;
		total += pins * pin;
	}
	*score = (-total + m - 1) / m;
	*changes = (int)(*score * m + total);
	return true;
}

static void test_against_reference(void)
{
	static struct solve_item it[REFN];
	struct solve_problem p;
	int matrix[36], bld[6], flr[6], bad = 0, runs = 400;
	struct team_result r;

	team_result_init(&r);
	rng_state = 99;
	for (int round = 0; round < runs; round++) {
		size_t n = 20 + rnd(REFN - 19);
		int nrooms = 1 + (int)rnd(6), k = 1 + (int)rnd(5);
		int64_t score = 0;
		int changes = 0, got;
		bool feasible;

		for (size_t i = 0; i < n; i++) {
			struct solve_item *x = &it[i];
			x->day = 0;
			x->start = (int64_t)rnd(60) * 300;
			x->end = x->start + (1 + rnd(6)) * 300;
			x->room = rnd(8) == 0 ? -1 : (int)rnd((uint32_t)nrooms);
			x->score = rnd(6);
			x->excluded = rnd(12) == 0;
			x->pinned = !x->excluded && rnd(30) == 0;
		}
		for (int a = 0; a < nrooms; a++) {
			bld[a] = (int)rnd((uint32_t)(nrooms < 2 ? nrooms : 2) + 1) - 1;
			flr[a] = (int)rnd((uint32_t)(nrooms < 3 ? nrooms : 3) + 1) - 1;
			for (int b = 0; b < nrooms; b++)
				matrix[a * nrooms + b] = (int)rnd(4) * 300;
		}
		memset(&p, 0, sizeof(p));
		p.items = it;
		p.nitems = n;
		p.nrooms = nrooms;
		p.travel_seconds = (int)rnd(4) * 300;
		if (rnd(4) == 0) {
			p.room_travel = matrix;
		} else if (rnd(4) == 0) {
			/* zones, as pick gives the walks the user set */
			static int zone[6];
			int nz = 1 + (int)rnd((uint32_t)nrooms);

			for (int a = 0; a < nrooms; a++)
				zone[a] = (int)rnd((uint32_t)nz);
			for (int q = 0; q < nz * nz; q++)
				matrix[q] = (int)rnd(5) * 300;
			p.room_travel = matrix;
			p.room_zone = zone;
			p.nzones = nz;
		} else if (rnd(3)) {
			p.room_building = bld;
			p.room_floor = flr;
		}
		feasible = reference(&p, k, &score, &changes);
		got = team_solve(&p, k, &r);
		error_clear();
		if ((got == 0) != feasible ||
		    (feasible && (r.total_score != score || r.room_changes != changes))) {
			if (bad++ < 5)
				printf("#   round %d (n %zu, k %d): got %d score %lld changes %d, reference "
				       "%d score %lld changes %d\n", round, n, k, got,
				       (long long)r.total_score, r.room_changes, feasible,
				       (long long)score, changes);
		}
	}
	is_int(bad, 0, "%d instances of 20 to %d items, up to 5 members and 6 rooms: the plain flow's "
	       "total and room changes", runs, REFN);
	team_result_release(&r);
}

int main(void)
{
	test_greedy_is_not_optimal();
	test_members_with_nothing();
	test_pins_and_exclusions();
	test_ties_fewer_room_changes();
	test_bad_input();
	test_against_brute_force();
	test_one_member_is_solve();
	test_against_reference();
	return done_testing();
}
