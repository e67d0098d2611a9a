/* solve.c: the conflict solver — the best compatible set of sessions, computed exactly.
 *
 * Weighted interval scheduling by dynamic programming, run backwards: items are taken in
 * decreasing start order and G(i, c) is the best plan whose FIRST item is i and that holds at
 * most c items on i's day.  Running backwards makes the final tie-break exact: plans are compared
 * item by item from the front by (end, index) (see solve.h), so two plans that begin with
 * different items are ordered by those first items alone, a plan beginning with i compares with
 * another beginning with i as their tails do, and the empty plan comes before any other.  So the
 * tie-break key of G(i, c) is just the rank of i in (end, index) order, and the best successor
 * is the best stored value.
 *
 * The value of a plan is the tuple (pins, score, -room changes, -first-item rank), compared
 * lexicographically.  Counting pins first is the exact form of "give pins a bonus larger than
 * every score together": a plan with more pins always wins, so the best plan holds every pin
 * whenever some plan does, and nothing ever has to be removed or subtracted afterwards.
 *
 * Items that take no time (instants, start == end) change only ties: among equal starts they
 * take the earlier positions, and an instant's successors are searched from the position after
 * it, so that it is never its own successor and two instants at once follow in index order (the
 * time order of solve.h); the ranks put an instant after an item that ends when it happens.
 *
 * The successors of i are the items j with i.end + travel(i, j) <= j.start.  They are found in
 * "lists" of items sorted by start, from the first place whose start reaches a threshold.  A
 * list may hold items that need less travel than its threshold allows for: they are still
 * successors, found late.  Each successor must be found in at least one list at exactly its
 * own threshold; an item found with one room change too many (an item of i's own room or a
 * plenary in a list that counts a change) is undervalued there, never overvalued, so the
 * maximum over the lists is exact.
 *   - Buildings and floors (uniform travel T is the case where none is known): from a room with
 *     building B and floor F, every item from i.end + 3T on (2T when B is unknown, T when F is
 *     unknown too: no walk is longer), the items of building B and of unknown buildings from
 *     i.end + 2T, those of the four (building, floor) pairs B or unknown x F or unknown from
 *     i.end + T (when F is unknown: buildings B and unknown from T; when B is unknown: floors F
 *     and unknown from T), i's own room and the plenaries from i.end (no change).  From a
 *     plenary, every item from i.end on.  At most 9 lists, whatever the number of rooms, and
 *     where each starts is found for every item by one sweep in end order (for one list and
 *     one delay, the thresholds grow with the end).
 *   - A matrix, which has no such structure: one list per room, from i.end + travel(room of i,
 *     room), plus the plenaries, each searched by bisection.
 *   - Zones (a matrix between groups of rooms): i's own room from i.end (no change), one list
 *     per zone from i.end + the walk from i's zone to it (a change; i's own room is in its zone's
 *     list too, undervalued there), the plenaries from i.end; each searched by bisection.
 *
 * The per-day cap of K: the DP runs day by day (days never decrease with starts, which solve()
 * checks), backwards, and within a day level by level, c = 1..K: a successor on i's day counts
 * at level c - 1, one on a later day at level K, a final value known since its day was done.
 * Per level, each list's run of the day gets suffix maxima of level c - 1 (one scratch array
 * for the day, reused), so the cost of a level is linear in the day's items and list entries.
 * Once a level equals the one before for every item of the day, every higher level would too
 * (each is computed from the one before alone): the day stops there, so a day needs at most
 * one level more than its longest chain of compatible items.  Without a cap (or with one no
 * day can reach, dropped first) every item is a "day" of its own at the single level.  The
 * successor chosen at each (item, level) is kept, 4 bytes each, to rebuild the plan.
 *
 * Cost: sorting O(n log n); then O(n (S + Lc (S + M))), S <= 9 the lists searched from an item,
 * M <= 5 the lists it belongs to, Lc <= K the levels its day needs (1 without a cap);
 * memory O(n Lc) for the successors, O(n) for the rest.  With a matrix, S is the number of
 * rooms plus one and each search a bisection, repeated at every level: O(n Lc rooms log n); with
 * zones, the number of zones plus two: O(n Lc zones log n).
 */
#include "solve.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define NONE SIZE_MAX
#define NO32 UINT32_MAX

void solve_result_init(struct solve_result *r)
{
	r->chosen = NULL;
	r->nchosen = 0;
	r->total_score = 0;
	r->room_changes = 0;
	r->alternative = NULL;
	r->conflict_a = NONE;
	r->conflict_b = NONE;
}

void solve_result_release(struct solve_result *r)
{
	free(r->chosen);
	free(r->alternative);
	solve_result_init(r);
}

static bool room_valid(const struct solve_problem *p, int room)
{
	return room >= -1 && room < p->nrooms;
}

/* A room's building and floor, -1 when unknown (or not given). */
static int building(const struct solve_problem *p, int room)
{
	return p->room_building ? p->room_building[room] : -1;
}

static int floor_of(const struct solve_problem *p, int room)
{
	return p->room_floor ? p->room_floor[room] : -1;
}

static int64_t travel(const struct solve_problem *p, int from, int to)
{
	return solve_travel(p, from, to);
}

/* True if something in room rb starting at `start` can be attended after something in room ra
 * ending at `end`. */
static bool fits(const struct solve_problem *p, int64_t end, int ra, int64_t start, int rb)
{
	return end + travel(p, ra, rb) <= start;
}

/* True if item b can be attended right after item a. */
static bool follows(const struct solve_problem *p, size_t a, size_t b)
{
	const struct solve_item *x = &p->items[a], *y = &p->items[b];

	return fits(p, x->end, x->room, y->start, y->room);
}

/* 1 if going from room a to room b counts as a room change. */
static int room_change(int a, int b)
{
	return a >= 0 && b >= 0 && a != b;
}

bool solve_compatible(const struct solve_problem *p, size_t a, size_t b)
{
	if (!p || a >= p->nitems || b >= p->nitems || !room_valid(p, p->items[a].room) ||
	    !room_valid(p, p->items[b].room))
		return false;
	return follows(p, a, b) || follows(p, b, a);
}

bool solve_follows(const struct solve_problem *p, size_t a, size_t b)
{
	if (!p || a >= p->nitems || b >= p->nitems || !room_valid(p, p->items[a].room) ||
	    !room_valid(p, p->items[b].room))
		return false;
	return follows(p, a, b);
}

static void *alloc_array(size_t n, size_t size)
{
	return n ? xcalloc(n, size) : NULL;
}

/* Like alloc_array, without zeroing, for arrays written in full before they are read: their
 * whole pages are mapped at once (xmalloc_prefaulted), not a fault each on the first write. */
static void *alloc_raw(size_t n, size_t size)
{
	return n ? xmalloc_prefaulted(n, size) : NULL;
}

/* ---- sorting (a merge sort of small keys; every key is distinct, so the order is total) ---- */

struct key {
	int64_t a, b;
	size_t id;
};

static bool key_less(const struct key *x, const struct key *y)
{
	if (x->a != y->a)
		return x->a < y->a;
	if (x->b != y->b)
		return x->b < y->b;
	return x->id < y->id;
}

#define RUN 16

static void sort_keys(struct key *v, size_t n)
{
	struct key *tmp;

	if (n < 2)
		return;
	/* insertion sort runs of RUN keys, then merge runs pairwise */
	for (size_t lo = 0; lo < n; lo += RUN) {
		size_t hi = lo + RUN < n ? lo + RUN : n;
		for (size_t a = lo + 1; a < hi; a++) {
			struct key k = v[a];
			size_t b = a;
			for (; b > lo && key_less(&k, &v[b - 1]); b--)
				v[b] = v[b - 1];
			v[b] = k;
		}
	}
	/* each pair of neighbouring runs merged in place: a pair already in order (the timetable's
	 * sessions mostly are) is left as it is; otherwise the first run's keys after the second
	 * run's first (found by bisection: those before stay) are copied aside and merged back
	 * with the second run (the merge never writes past the second run's next key) */
	tmp = alloc_raw(n, sizeof *tmp);
	for (size_t w = RUN; w < n; w *= 2) {
		for (size_t lo = 0; lo + w < n; lo += 2 * w) {
			size_t mid = lo + w, hi = mid + w < n ? mid + w : n;
			size_t a = 0, na, b = mid, k = lo, top = mid;

			if (key_less(&v[mid - 1], &v[mid]))
				continue;
			while (k < top) {
				size_t h = k + (top - k) / 2;
				if (key_less(&v[h], &v[mid]))
					k = h + 1;
				else
					top = h;
			}
			na = mid - k;
			memcpy(tmp, v + k, na * sizeof *v);
			while (a < na && b < hi)
				v[k++] = key_less(&v[b], &tmp[a]) ? v[b++] : tmp[a++];
			while (a < na)
				v[k++] = tmp[a++];
			/* the rest of the second run is in place already */
		}
	}
	free(tmp);
}

/* ---- the DP ---- */

/* A usable (not excluded) item at its position in (start, day, index) order, the order the
 * DP runs in (backwards).  Everything below works on positions; `item` maps back. */
struct pos {
	int64_t start, end, score;
	uint32_t item;      /* (its rank, the tie-break key, is in solver.rank) */
	int room, day;
	bool pinned;
};

/* The value of a plan, less its tie-break rank. */
struct val {
	int64_t score;
	int pins;
	int changes;
};

/* A plan: its value, its first item (a position, NO32 for the empty plan) and that item's
 * rank (0 for the empty plan). */
struct cand {
	struct val v;
	uint32_t j, rank;
};

/* A list of positions in increasing order.  Places from `front` on are done (their items have
 * final values) and bestall[k] is the best of them from place k on.  While a day is computed,
 * its items are the places [front, runend), and their suffix maxima of the level below are in
 * the day's scratch array from `off` on. */
struct list {
	size_t m;
	uint32_t *pos;     /* (their starts are the positions': s->pos[pos[k]].start) */
	uint32_t *bestall;
	size_t front, runend, off;
	size_t stamp;      /* 1 + the first position of the last day that touched it */
};

/* A search: from the room of a position, the list `list` from its end + mult * travel_seconds
 * on, each item found there costing `extra` room changes. */
struct query {
	uint32_t list;
	int extra, mult;
};

#define MAXQ 9 /* searches from one room */

/* A successor search that lands on the day being computed: the scratch place of the suffix
 * maximum to take at each level (the best plan from that place of a list on), and the room
 * changes added. */
struct source {
	uint32_t sidx;
	int extra;
};

/* The lists: every position; plenaries; each room; then, for buildings and floors, each
 * building (-1 first), each floor (-1 first) and each (building, floor) pair that a room has. */
enum { L_ALL, L_PLEN, L_ROOMS };

struct pair {
	int b, f;
};

struct solver {
	const struct solve_problem *p;
	size_t n;          /* usable items */
	struct pos *pos;
	uint32_t *rank;    /* the positions' ranks, packed */
	int levels;        /* K: the effective cap, or 1 when uncapped */
	bool capped;
	struct val *fin;   /* fin[i] = G(i, K) */
	struct list *lists;
	size_t nlists;
	size_t l_bld, l_flr, l_pair; /* first list of each family (0 when not built) */
	size_t l_zone;               /* with zones: the first zone's list */
	struct pair *pairs;
	size_t npairs;
	/* per room + 1 (0: plenaries): the searches from it and the lists its items belong to */
	uint32_t *qoff, *moff, *mem;
	struct query *q;
	uint32_t *poff;    /* places[poff[i] + k]: where the k-th search of position i starts */
	uint32_t *places;
	/* The successor of i at level c: without a cap succ[i]; with one, for d = days[dayof[i]],
	 * succ[d.base + (min(c, d.nlev) - 1) * d.nb + i - d.lo]. */
	uint32_t *succ;
	size_t nsucc, succ_alloc;
	struct dayrec {
		size_t base, lo;
		uint32_t nb, nlev;
	} *days;
	size_t ndays;
	uint32_t *dayof;
	/* the day being computed, by position - lo */
	struct val *prev, *cur;
	struct cand *later;     /* the best successor on a later day */
	size_t *soff;           /* its sources: srcs[soff[k] .. soff[k+1]) */
	struct source *srcs;
	size_t srcs_alloc;
	struct cand *scratch;   /* the suffix maxima of every list run of the day */
	size_t scratch_alloc;
	struct list **touched;  /* the lists with items on the day */
	size_t ntouched;
	struct source *sbuf;    /* a matrix: one position's sources, found again at each level */
};

/* True if (a, ra) is a strictly better plan than (b, rb). */
static bool better(struct val a, size_t ra, struct val b, size_t rb)
{
	if (a.pins != b.pins)
		return a.pins > b.pins;
	if (a.score != b.score)
		return a.score > b.score;
	if (a.changes != b.changes)
		return a.changes < b.changes;
	return ra < rb;
}

static bool val_equal(struct val a, struct val b)
{
	return a.score == b.score && a.pins == b.pins && a.changes == b.changes;
}

/* Offers plan c, plus `extra` changes, to *best. */
static void offer(struct cand *best, struct cand c, int extra)
{
	c.v.changes += extra;
	if (better(c.v, c.rank, best->v, best->rank))
		*best = c;
}

static void list_release(struct list *l)
{
	free(l->pos);
	free(l->bestall);
}

static void solver_release(struct solver *s)
{
	free(s->pos);
	free(s->rank);
	free(s->fin);
	for (size_t k = 0; k < s->nlists; k++)
		list_release(&s->lists[k]);
	free(s->lists);
	free(s->pairs);
	free(s->qoff);
	free(s->moff);
	free(s->mem);
	free(s->q);
	free(s->poff);
	free(s->places);
	free(s->succ);
	free(s->days);
	free(s->dayof);
	free(s->prev);
	free(s->cur);
	free(s->later);
	free(s->soff);
	free(s->srcs);
	free(s->scratch);
	free(s->touched);
	free(s->sbuf);
}

static int cmp_pair(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	if (x->b != y->b)
		return x->b < y->b ? -1 : 1;
	return (x->f > y->f) - (x->f < y->f);
}

/* The list of pair (b, f), or NO32 when no room has it. */
static uint32_t pair_list(const struct solver *s, int b, int f)
{
	struct pair key = { b, f };
	const struct pair *hit = s->npairs ? bsearch(&key, s->pairs, s->npairs, sizeof key, cmp_pair) :
	    NULL;

	return hit ? (uint32_t)(s->l_pair + (size_t)(hit - s->pairs)) : NO32;
}

static void add_query(struct query *q, uint32_t *nq, uint32_t list, int mult, int extra)
{
	if (list == NO32)
		return;
	q[*nq].list = list;
	q[*nq].mult = mult;
	q[*nq].extra = extra;
	++*nq;
}

/* Sets up the list families, and per room the lists its items belong to and (without a
 * matrix) the searches for successors from it. */
static void plan_lists(struct solver *s)
{
	const struct solve_problem *p = s->p;
	size_t nrooms = (size_t)p->nrooms;
	bool bld = false, flr = false, pair = false, matrix = p->room_travel != NULL;

	/* (with no travel time, buildings and floors change nothing) */
	for (size_t r = 0; r < nrooms && !matrix && p->travel_seconds > 0; r++) {
		int b = building(p, (int)r), f = floor_of(p, (int)r);
		bld = bld || b >= 0;
		flr = flr || (b < 0 && f >= 0);
		pair = pair || (b >= 0 && f >= 0);
	}
	s->nlists = L_ROOMS + nrooms;
	if (matrix && p->room_zone) {
		s->l_zone = s->nlists;
		s->nlists += (size_t)p->nzones;
	}
	if (bld) {
		s->l_bld = s->nlists;
		s->nlists += nrooms + 1;
	}
	if (flr) {
		s->l_flr = s->nlists;
		s->nlists += nrooms + 1;
	}
	if (pair) {
		s->pairs = alloc_raw(nrooms, sizeof *s->pairs);
		for (size_t r = 0; r < nrooms; r++)
			s->pairs[r] = (struct pair){ building(p, (int)r), floor_of(p, (int)r) };
		qsort(s->pairs, nrooms, sizeof *s->pairs, cmp_pair);
		for (size_t r = 0; r < nrooms; r++)
			if (!s->npairs || cmp_pair(&s->pairs[s->npairs - 1], &s->pairs[r]))
				s->pairs[s->npairs++] = s->pairs[r];
		s->l_pair = s->nlists;
		s->nlists += s->npairs;
	}

	/* memberships: at most 5 lists per room */
	s->moff = xcalloc(nrooms + 2, sizeof *s->moff);
	s->mem = xcalloc(5 * (nrooms + 1), sizeof *s->mem);
	s->qoff = xcalloc(nrooms + 2, sizeof *s->qoff);
	s->q = matrix ? NULL : xcalloc(MAXQ * (nrooms + 1), sizeof *s->q);
	for (size_t k = 0; k <= nrooms; k++) {
		int r = (int)k - 1; /* -1: plenaries */
		uint32_t *m = s->mem + s->moff[k], nm = 0, nq = 0;
		struct query *q = s->q ? s->q + s->qoff[k] : NULL;
		int b = r < 0 ? -1 : building(p, r), f = r < 0 ? -1 : floor_of(p, r);

		if (!bld && !flr && !pair)
			b = f = -1; /* no travel time: as if unknown */
		if (!matrix)
			m[nm++] = L_ALL;
		m[nm++] = r < 0 ? L_PLEN : (uint32_t)(L_ROOMS + (size_t)r);
		if (r >= 0 && matrix && p->room_zone)
			m[nm++] = (uint32_t)(s->l_zone + (size_t)p->room_zone[r]);
		if (r >= 0 && bld)
			m[nm++] = (uint32_t)(s->l_bld + (size_t)(b + 1));
		if (r >= 0 && flr)
			m[nm++] = (uint32_t)(s->l_flr + (size_t)(f + 1));
		if (r >= 0 && pair)
			m[nm++] = pair_list(s, b, f);
		s->moff[k + 1] = s->moff[k] + nm;

		if (matrix) {
			s->qoff[k + 1] = s->qoff[k];
			continue;
		}
		if (r < 0) {
			add_query(q, &nq, L_ALL, 0, 0);
		} else {
			add_query(q, &nq, (uint32_t)(L_ROOMS + (size_t)r), 0, 0);
			add_query(q, &nq, L_PLEN, 0, 0);
			add_query(q, &nq, L_ALL, b >= 0 ? 3 : f >= 0 ? 2 : 1, 1);
			if (b >= 0 && f >= 0) {
				add_query(q, &nq, (uint32_t)(s->l_bld + (size_t)(b + 1)), 2, 1);
				add_query(q, &nq, (uint32_t)s->l_bld, 2, 1);
				add_query(q, &nq, pair_list(s, b, f), 1, 1);
				add_query(q, &nq, pair_list(s, b, -1), 1, 1);
				add_query(q, &nq, pair_list(s, -1, f), 1, 1);
				add_query(q, &nq, pair_list(s, -1, -1), 1, 1);
			} else if (b >= 0) {
				add_query(q, &nq, (uint32_t)(s->l_bld + (size_t)(b + 1)), 1, 1);
				add_query(q, &nq, (uint32_t)s->l_bld, 1, 1);
			} else if (f >= 0) {
				add_query(q, &nq, (uint32_t)(s->l_flr + (size_t)(f + 1)), 1, 1);
				add_query(q, &nq, (uint32_t)s->l_flr, 1, 1);
			}
		}
		s->qoff[k + 1] = s->qoff[k] + nq;
	}
}

/* The lists position i belongs to. */
static const uint32_t *members(const struct solver *s, size_t i, size_t *nm)
{
	size_t k = (size_t)(s->pos[i].room + 1);

	*nm = s->moff[k + 1] - s->moff[k];
	return s->mem + s->moff[k];
}

/* Builds the lists (every place still to do). */
static void build_lists(struct solver *s)
{
	s->lists = xcalloc(s->nlists, sizeof *s->lists);
	for (size_t i = 0; i < s->n; i++) {
		size_t nm;
		const uint32_t *m = members(s, i, &nm);
		for (size_t k = 0; k < nm; k++)
			s->lists[m[k]].m++;
	}
	for (size_t k = 0; k < s->nlists; k++) {
		struct list *l = &s->lists[k];
		l->pos = alloc_raw(l->m, sizeof *l->pos);
		l->bestall = alloc_raw(l->m, sizeof *l->bestall);
	}
	for (size_t i = 0; i < s->n; i++) {
		size_t nm;
		const uint32_t *m = members(s, i, &nm);
		for (size_t k = 0; k < nm; k++) {
			struct list *l = &s->lists[m[k]];
			l->pos[l->front++] = (uint32_t)i;
		}
	}
	for (size_t k = 0; k < s->nlists; k++)
		s->lists[k].runend = s->lists[k].front; /* = m: nothing done yet */
}

/* Without a matrix, the place where each search of each position starts, found by one sweep
 * in end order: for one list and one delay, the thresholds grow with the end. */
static void sweep_places(struct solver *s, const struct key *by_end)
{
	size_t *at = xcalloc(4 * s->nlists, sizeof *at);

	s->poff = alloc_raw(s->n + 1, sizeof *s->poff);
	s->poff[0] = 0;
	for (size_t i = 0; i < s->n; i++) {
		size_t k = (size_t)(s->pos[i].room + 1);
		s->poff[i + 1] = s->poff[i] + (s->qoff[k + 1] - s->qoff[k]);
	}
	s->places = alloc_raw(s->poff[s->n], sizeof *s->places);
	for (size_t t = 0; t < s->n; t++) {
		size_t i = by_end[t].id, k = (size_t)(s->pos[i].room + 1);
		for (uint32_t u = s->qoff[k]; u < s->qoff[k + 1]; u++) {
			const struct query *q = &s->q[u];
			const struct list *l = &s->lists[q->list];
			size_t *c = &at[4 * (size_t)q->list + (size_t)q->mult];
			int64_t from = s->pos[i].end + q->mult * (int64_t)s->p->travel_seconds;
			while (*c < l->m && s->pos[l->pos[*c]].start < from)
				++*c;
			s->places[s->poff[i] + (u - s->qoff[k])] = (uint32_t)*c;
		}
	}
	free(at);
}

/* The first place of list l whose start is `from` or later. */
static size_t find_place(const struct solver *s, const struct list *l, int64_t from)
{
	size_t lo = l->front, hi = l->m; /* places before front start too early anyway */

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->pos[l->pos[mid]].start < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The successors of a position of the day being computed in list l from place lo on: the best
 * plan on a later day goes to *later, a run on the day to the sources (returns 1 then). */
static size_t search(const struct solver *s, const struct list *l, size_t lo, int extra,
		     struct cand *later, struct source *out)
{
	size_t q = lo, ns = 0;

	if (lo < l->runend) {
		out->sidx = (uint32_t)(l->off + (lo - l->front));
		out->extra = extra;
		ns = 1;
		q = l->runend;
	}
	if (q < l->m) {
		uint32_t j = l->bestall[q];
		offer(later, (struct cand){ s->fin[j], j, s->rank[j] }, extra);
	}
	return ns;
}

/* The first place of list l from lo on that holds a position after i: an instant at t is
 * followed by what starts at t too, but only from later positions (never by itself, nor by an
 * instant at t of a lower index, which comes before it in time order). */
static size_t after_pos(const struct list *l, size_t lo, size_t i)
{
	size_t hi = l->m;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->pos[mid] <= i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The successors of position i: the best on a later day into *later, the runs on its day into
 * out; returns how many runs. */
static size_t gather(const struct solver *s, size_t i, struct cand *later, struct source *out)
{
	const struct solve_problem *p = s->p;
	const struct pos *x = &s->pos[i];
	size_t ns = 0;
	bool instant = x->start == x->end;

	later->v = (struct val){ 0, 0, 0 };
	later->j = NO32;
	later->rank = 0;
	if (p->room_travel && p->room_zone) {
		/* x's own room from its end (no change), every zone from the walk there (a change:
		 * x's own room found there too is undervalued, never overvalued), the plenaries */
		if (x->room >= 0) {
			const struct list *l = &s->lists[L_ROOMS + (size_t)x->room];
			size_t at = find_place(s, l, x->end);

			if (instant)
				at = after_pos(l, at, i);
			if (l->front < l->m)
				ns += search(s, l, at, 0, later, out + ns);
		}
		for (int z = 0; z < p->nzones; z++) {
			const struct list *l = &s->lists[s->l_zone + (size_t)z];
			int64_t walk = x->room < 0 ? 0 : p->room_travel[(size_t)p->room_zone[x->room] *
									 (size_t)p->nzones + (size_t)z];
			size_t at;

			if (l->front >= l->m)
				continue;
			at = find_place(s, l, x->end + walk);
			if (instant)
				at = after_pos(l, at, i);
			ns += search(s, l, at, x->room >= 0, later, out + ns);
		}
		{
			const struct list *l = &s->lists[L_PLEN];
			size_t at = find_place(s, l, x->end);

			if (instant)
				at = after_pos(l, at, i);
			ns += search(s, l, at, 0, later, out + ns);
		}
	} else if (p->room_travel) {
		for (int r = 0; r < p->nrooms; r++) {
			const struct list *l = &s->lists[L_ROOMS + (size_t)r];
			size_t at;

			if (l->front >= l->m)
				continue;
			at = find_place(s, l, x->end + travel(p, x->room, r));
			if (instant)
				at = after_pos(l, at, i);
			ns += search(s, l, at, room_change(x->room, r), later, out + ns);
		}
		{
			const struct list *l = &s->lists[L_PLEN];
			size_t at = find_place(s, l, x->end);

			if (instant)
				at = after_pos(l, at, i);
			ns += search(s, l, at, 0, later, out + ns);
		}
	} else {
		size_t k = (size_t)(x->room + 1);
		for (uint32_t t = s->qoff[k]; t < s->qoff[k + 1]; t++) {
			const struct query *q = &s->q[t];
			const struct list *l = &s->lists[q->list];
			size_t at = s->places[s->poff[i] + (t - s->qoff[k])];

			if (l->front >= l->m)
				continue;
			if (instant)
				at = after_pos(l, at > l->front ? at : l->front, i);
			ns += search(s, l, at, q->extra, later, out + ns);
		}
	}
	return ns;
}

/* Per list run of the day: suffix maxima of the level whose values are in s->prev. */
static void suffix_maxima(struct solver *s, size_t lo)
{
	for (size_t t = 0; t < s->ntouched; t++) {
		const struct list *l = s->touched[t];
		struct cand *out = s->scratch + l->off - l->front, b = { { 0, 0, 0 }, NO32, 0 };

		for (size_t k = l->runend; k-- > l->front;) {
			uint32_t j = l->pos[k];
			struct cand c = { s->prev[j - lo], j, s->rank[j] };
			if (b.j == NO32 || !better(b.v, b.rank, c.v, c.rank))
				b = c;
			out[k] = b;
		}
	}
}

/* Where the successors of one more level of the day [lo, lo + nb) go (without a cap, the day
 * is one position and its place is fixed). */
static size_t succ_level(struct solver *s, size_t lo, size_t nb)
{
	size_t at = s->nsucc;

	if (!s->capped)
		return lo;
	s->succ = xgrow(s->succ, s->nsucc + nb, &s->succ_alloc, sizeof *s->succ);
	s->nsucc += nb;
	return at;
}

/* Computes G(i, c) for the positions of one day, [lo, hi), every level, and records them as
 * done in their lists.  Every later position is done. */
static void dp_day(struct solver *s, size_t lo, size_t hi)
{
	size_t nb = hi - lo, nscratch = 0, nsrcs = 0, base = s->nsucc;
	bool matrix = s->p->room_travel != NULL, sameday = false;
	int c, nlev = 1;

	/* the day's runs in its lists */
	s->ntouched = 0;
	for (size_t i = lo; i < hi; i++) {
		size_t nm;
		const uint32_t *m = members(s, i, &nm);
		for (size_t k = 0; k < nm; k++) {
			struct list *l = &s->lists[m[k]];
			if (l->stamp != lo + 1) {
				l->stamp = lo + 1;
				s->touched[s->ntouched++] = l;
			}
			l->front--;
		}
	}
	for (size_t t = 0; t < s->ntouched; t++) {
		s->touched[t]->off = nscratch;
		nscratch += s->touched[t]->runend - s->touched[t]->front;
	}
	s->scratch = xgrow(s->scratch, nscratch, &s->scratch_alloc, sizeof *s->scratch);

	/* the successors, found once (found again at each level with a matrix) */
	if (!matrix) {
		for (size_t i = lo; i < hi; i++) {
			s->soff[i - lo] = nsrcs;
			s->srcs = xgrow(s->srcs, nsrcs + MAXQ, &s->srcs_alloc, sizeof *s->srcs);
			nsrcs += gather(s, i, &s->later[i - lo], s->srcs + nsrcs);
		}
		s->soff[nb] = nsrcs;
		sameday = nsrcs > 0;
	}

	for (c = 1; c <= s->levels; c++) {
		size_t at = succ_level(s, lo, nb);
		bool same = c >= 2;

		if (c >= 2)
			suffix_maxima(s, lo);
		for (size_t i = lo; i < hi; i++) {
			const struct source *src;
			struct cand best;
			size_t ns;
			struct val *g = &s->cur[i - lo];

			if (matrix) {
				ns = gather(s, i, &best, s->sbuf);
				src = s->sbuf;
				sameday = sameday || ns > 0;
			} else {
				best = s->later[i - lo];
				src = s->srcs + s->soff[i - lo];
				ns = s->soff[i - lo + 1] - s->soff[i - lo];
			}
			for (size_t k = 0; c >= 2 && k < ns; k++)
				offer(&best, s->scratch[src[k].sidx], src[k].extra);
			*g = best.v;
			g->score += s->pos[i].score;
			g->pins += s->pos[i].pinned;
			s->succ[at + (i - lo)] = best.j;
			if (same && !val_equal(*g, s->prev[i - lo]))
				same = false;
		}
		{
			struct val *t = s->prev;
			s->prev = s->cur;
			s->cur = t;
		}
		nlev = c;
		/* level c + 1 would be computed from values equal to those level c was computed
		 * from (or, with no successor on the day, from none): it would be level c again */
		if (same || !sameday)
			break;
	}

	for (size_t i = lo; i < hi; i++)
		s->fin[i] = s->prev[i - lo];
	if (s->capped) {
		s->days[s->ndays] = (struct dayrec){ base, lo, (uint32_t)nb, (uint32_t)nlev };
		for (size_t i = lo; i < hi; i++)
			s->dayof[i] = (uint32_t)s->ndays;
		s->ndays++;
	}
	for (size_t t = 0; t < s->ntouched; t++) {
		struct list *l = s->touched[t];
		for (size_t k = l->runend; k-- > l->front;) {
			uint32_t j = l->pos[k];
			l->bestall[k] = j;
			if (k + 1 < l->m) {
				uint32_t b = l->bestall[k + 1];
				if (better(s->fin[b], s->rank[b], s->fin[j], s->rank[j]))
					l->bestall[k] = b;
			}
		}
		l->runend = l->front;
	}
}

/* The successor of position i at level c (NO32: none). */
static uint32_t successor(const struct solver *s, size_t i, int c)
{
	const struct dayrec *d;
	size_t lv;

	if (!s->capped)
		return s->succ[i];
	d = &s->days[s->dayof[i]];
	lv = (size_t)c < d->nlev ? (size_t)c : d->nlev;
	return s->succ[d->base + (lv - 1) * d->nb + (i - d->lo)];
}

/* ---- checks ---- */

int solve_check(const struct solve_problem *p)
{
	if (!p)
		return error(EX_DATAERR, "solve: no problem");
	if (!p->items && p->nitems)
		return error(EX_DATAERR, "solve: no items");
	if (p->nrooms < 0)
		return error(EX_DATAERR, "solve: negative room count");
	if (p->max_per_day < 0)
		return error(EX_DATAERR, "solve: negative per-day cap");
	if (p->room_travel && p->room_zone) {
		size_t cells;

		if (p->nzones < 1)
			return error(EX_DATAERR, "solve: zones without a zone");
		cells = (size_t)p->nzones * (size_t)p->nzones;
		for (int r = 0; r < p->nrooms; r++)
			if (p->room_zone[r] < 0 || p->room_zone[r] >= p->nzones)
				return error(EX_DATAERR, "solve: room %d has a zone out of range", r);
		for (size_t k = 0; k < cells; k++)
			if (p->room_travel[k] < 0)
				return error(EX_DATAERR, "solve: negative travel time between zones");
	} else if (p->room_travel) {
		size_t cells = (size_t)p->nrooms * (size_t)p->nrooms;
		for (size_t k = 0; k < cells; k++)
			if (p->room_travel[k] < 0)
				return error(EX_DATAERR, "solve: negative travel time between rooms");
	} else if (p->travel_seconds < 0) {
		return error(EX_DATAERR, "solve: negative travel time");
	}
	for (int r = 0; r < p->nrooms; r++)
		if (building(p, r) < -1 || building(p, r) >= p->nrooms || floor_of(p, r) < -1 ||
		    floor_of(p, r) >= p->nrooms)
			return error(EX_DATAERR, "solve: room %d has a building or floor out of range", r);
	for (size_t i = 0; i < p->nitems; i++) {
		const struct solve_item *x = &p->items[i];
		if (x->start > x->end)
			return error(EX_DATAERR, "solve: item %zu ends before it starts", i);
		if (!room_valid(p, x->room))
			return error(EX_DATAERR, "solve: item %zu has no valid room", i);
		if (x->score < 0)
			return error(EX_DATAERR, "solve: item %zu has a negative score", i);
	}
	return 0;
}

/* With a cap: checks that days never decrease with starts and that no day has more pins than
 * the cap, then decides whether the cap can bind at all, that is whether some day has more than
 * `cap` pairwise disjoint usable items (counted greedily, by end). */
static int check_days(struct solver *s, const struct key *by_end)
{
	int cap = s->p->max_per_day;
	size_t ndays = 0, run = 0, *count;
	int64_t *last_end;
	size_t *dayno = alloc_array(s->n, sizeof *dayno);

	for (size_t i = 0; i < s->n; i++) {
		const struct pos *x = &s->pos[i];
		bool newday = i == 0 || x->day != s->pos[i - 1].day;
		if (i > 0 && x->day < s->pos[i - 1].day) {
			error(EX_DATAERR, "solve: item %zu starts later than item %zu but is on an "
			      "earlier day", (size_t)x->item, (size_t)s->pos[i - 1].item);
			free(dayno);
			return -1;
		}
		if (newday) {
			ndays++;
			run = 0;
		}
		dayno[i] = ndays - 1;
		if (x->pinned && ++run > (size_t)cap) {
			error(EX_DATAERR, "more than %d items pinned on one day", cap);
			free(dayno);
			return -1;
		}
	}
	count = alloc_array(ndays, sizeof *count);
	last_end = alloc_array(ndays, sizeof *last_end);
	for (size_t t = 0; t < s->n && !s->capped; t++) {
		size_t i = by_end[t].id, d = dayno[i];
		if (count[d] == 0 || s->pos[i].start >= last_end[d]) {
			count[d]++;
			last_end[d] = s->pos[i].end;
			s->capped = count[d] > (size_t)cap;
		}
	}
	free(count);
	free(last_end);
	free(dayno);
	return 0;
}

/* Sets the error for pins that no plan holds together: the first pin, from the back, that
 * cannot precede all later pins is named with the pin after it. */
static int pin_conflict(struct solver *s, struct solve_result *r)
{
	size_t later = NONE;
	int after = 0; /* pins from `later` on */

	for (size_t i = s->n; i-- > 0;) {
		if (!s->pos[i].pinned)
			continue;
		if (later != NONE && s->fin[i].pins < after + 1) {
			r->conflict_a = s->pos[i].item;
			r->conflict_b = s->pos[later].item;
			return error(EX_DATAERR, "pinned items %zu and %zu cannot both be attended",
				     r->conflict_a, r->conflict_b);
		}
		later = i;
		after++;
	}
	return error(EX_DATAERR, "pinned items cannot all be attended");
}

/* ---- alternatives ---- */

/* True if item a comes before item b in time order (solve.h: end, an instant after an item
 * that takes time, index). */
static bool time_before(const struct solve_problem *p, size_t a, size_t b)
{
	const struct solve_item *x = &p->items[a], *y = &p->items[b];
	bool ia = x->start == x->end, ib = y->start == y->end;

	if (x->end != y->end)
		return x->end < y->end;
	if (ia != ib)
		return ib;
	return a < b;
}

/* Number of items of `chosen` (days non-decreasing) on day d. */
static size_t count_day(const struct solve_item *it, const size_t *chosen, size_t m, int d)
{
	size_t lo = 0, hi = m, first;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (it[chosen[mid]].day < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	first = lo;
	hi = m;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (it[chosen[mid]].day <= d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo - first;
}

/* Fills r->alternative: for each unpinned chosen[k], the best usable item x that fits in its
 * slot (chosen[k-1], x, chosen[k+1] attendable in turn, the cap respected), best meaning a
 * higher score, then fewer room changes in the plan with x, then an earlier (end, index). */
static void alternatives(const struct solver *s, struct solve_result *r)
{
	const struct solve_problem *p = s->p;
	const struct solve_item *it = p->items;
	const size_t *ch = r->chosen;
	size_t m = r->nchosen;
	int *alt_changes = alloc_array(m, sizeof *alt_changes);
	size_t *alt = alloc_array(m, sizeof *alt); /* positions */
	int64_t *ends = alloc_raw(m, sizeof *ends);
	bool *in_plan = xcalloc(p->nitems, sizeof *in_plan);
	size_t lo = 0, lo2 = 0;

	for (size_t k = 0; k < m; k++) {
		alt[k] = NONE;
		ends[k] = it[ch[k]].end;
		in_plan[ch[k]] = true;
	}
	for (size_t t = 0; t < s->n; t++) {
		const struct pos *x = &s->pos[t];

		/* lo = number of chosen items ending by x's start, lo2 of those ending before it
		 * (positions go by start); x can only take a slot from lo2-1 to lo (more than two
		 * only where instants at x's start are chosen) */
		while (lo < m && ends[lo] <= s->pos[t].start)
			lo++;
		while (lo2 < m && ends[lo2] < s->pos[t].start)
			lo2++;
		if (in_plan[x->item])
			continue;
		for (size_t k = lo2 ? lo2 - 1 : 0; k <= lo && k < m; k++) {
			int changes = r->room_changes;
			const struct solve_item *before = k > 0 ? &it[ch[k - 1]] : NULL;
			const struct solve_item *after = k + 1 < m ? &it[ch[k + 1]] : NULL;
			const struct solve_item *cur = &it[ch[k]];

			if (cur->pinned)
				continue;
			if (before && (!fits(p, before->end, before->room, x->start, x->room) ||
				       !time_before(p, ch[k - 1], x->item)))
				continue;
			if (after && (!fits(p, x->end, x->room, after->start, after->room) ||
				      !time_before(p, x->item, ch[k + 1])))
				continue;
			if (p->max_per_day > 0 && x->day != cur->day &&
			    count_day(it, ch, m, x->day) + 1 > (size_t)p->max_per_day)
				continue;
			if (before)
				changes += room_change(before->room, x->room) - room_change(before->room, cur->room);
			if (after)
				changes += room_change(x->room, after->room) - room_change(cur->room, after->room);
			if (alt[k] == NONE || better((struct val){ x->score, 0, changes }, s->rank[t],
			    (struct val){ s->pos[alt[k]].score, 0, alt_changes[k] }, s->rank[alt[k]])) {
				alt[k] = t;
				alt_changes[k] = changes;
			}
		}
	}
	for (size_t k = 0; k < m; k++)
		r->alternative[k] = alt[k] == NONE ? NONE : s->pos[alt[k]].item;
	free(alt);
	free(ends);
	free(alt_changes);
	free(in_plan);
}

/* ---- solve ---- */

int solve(const struct solve_problem *p, struct solve_result *r)
{
	struct solver s;
	struct key *keys = NULL;
	size_t npins = 0, first = NONE, frank = 0, maxday = 1, run = 0;
	struct val fv = { 0, 0, 0 };
	int ret = -1;

	solve_result_release(r);
	memset(&s, 0, sizeof s);
	if (!p)
		return error(EX_DATAERR, "solve: no problem");
	if (solve_check(p) < 0)
		return -1;
	if (p->nitems >= UINT32_MAX / 16) /* positions, list places and searches fit in 32 bits */
		return error(EX_DATAERR, "solve: too many items");
	for (size_t i = 0; i < p->nitems; i++) {
		if (p->items[i].pinned && p->items[i].excluded) {
			r->conflict_a = r->conflict_b = i;
			return error(EX_DATAERR, "pinned item %zu is excluded", i);
		}
	}
	s.p = p;

	/* positions: usable items by (start, day, instants first, index): every successor of an
	 * item comes at a later position (an instant's successors start when it does or later) */
	keys = alloc_raw(p->nitems, sizeof *keys); /* [0, s.n) written before read */
	for (size_t i = 0; i < p->nitems; i++)
		if (!p->items[i].excluded)
			keys[s.n++] = (struct key){ p->items[i].start,
						    2 * (int64_t)p->items[i].day +
						    (p->items[i].end > p->items[i].start), i };
	sort_keys(keys, s.n);
	s.pos = alloc_raw(s.n, sizeof *s.pos);
	for (size_t t = 0; t < s.n; t++) {
		const struct solve_item *x = &p->items[keys[t].id];
		s.pos[t] = (struct pos){ x->start, x->end, x->score, (uint32_t)keys[t].id, x->room,
					 x->day, x->pinned };
		npins += x->pinned;
	}
	/* ranks: positions by time order (end, instants after the others, index) */
	for (size_t t = 0; t < s.n; t++)
		keys[t] = (struct key){ s.pos[t].end, (int64_t)s.pos[t].item +
				       (s.pos[t].start == s.pos[t].end ? (int64_t)p->nitems : 0), t };
	sort_keys(keys, s.n);
	s.rank = alloc_raw(s.n, sizeof *s.rank);
	for (size_t t = 0; t < s.n; t++)
		s.rank[keys[t].id] = (uint32_t)(t + 1);

	if (p->max_per_day > 0 && check_days(&s, keys) < 0)
		goto out;
	s.levels = s.capped ? p->max_per_day : 1;

	plan_lists(&s);
	build_lists(&s);
	if (!p->room_travel)
		sweep_places(&s, keys);
	/* the last use of the keys: the DP's arrays may have their memory (fewer fresh pages) */
	free(keys);
	keys = NULL;
	s.fin = alloc_raw(s.n, sizeof *s.fin);
	if (s.capped) {
		size_t ndays = 0;
		for (size_t i = 0; i < s.n; i++) {
			if (i == 0 || s.pos[i].day != s.pos[i - 1].day) {
				ndays++;
				run = 0;
			}
			if (++run > maxday)
				maxday = run;
		}
		s.days = alloc_raw(ndays, sizeof *s.days);
		s.dayof = alloc_raw(s.n, sizeof *s.dayof);
	} else {
		s.succ = alloc_raw(s.n, sizeof *s.succ);
	}
	s.prev = alloc_raw(maxday, sizeof *s.prev);
	s.cur = alloc_raw(maxday, sizeof *s.cur);
	s.later = alloc_raw(maxday, sizeof *s.later);
	s.soff = alloc_raw(maxday + 1, sizeof *s.soff);
	s.touched = alloc_raw(s.nlists, sizeof *s.touched);
	if (p->room_travel)
		s.sbuf = alloc_raw((p->room_zone ? (size_t)p->nzones + 2 : (size_t)p->nrooms + 1),
				   sizeof *s.sbuf);

	/* day by day, backwards (without a cap, position by position) */
	for (size_t hi = s.n; hi > 0;) {
		size_t lo = hi - 1;
		while (s.capped && lo > 0 && s.pos[lo - 1].day == s.pos[hi - 1].day)
			lo--;
		dp_day(&s, lo, hi);
		hi = lo;
	}

	for (size_t i = 0; i < s.n; i++) {
		if (better(s.fin[i], s.rank[i], fv, frank)) {
			fv = s.fin[i];
			first = i;
			frank = s.rank[i];
		}
	}
	if ((size_t)fv.pins < npins) {
		pin_conflict(&s, r);
		goto out;
	}

	/* follow the successors twice: to count, then to fill */
	for (int pass = 0; pass < 2; pass++) {
		size_t k = 0;
		int c = s.levels;

		if (pass) {
			r->chosen = alloc_array(r->nchosen, sizeof *r->chosen);
			r->alternative = alloc_array(r->nchosen, sizeof *r->alternative);
		}
		for (size_t i = first; i != NONE; k++) {
			uint32_t j = successor(&s, i, c);
			if (pass) {
				r->chosen[k] = s.pos[i].item;
				r->total_score += s.pos[i].score;
			}
			if (j != NO32) {
				if (pass)
					r->room_changes += room_change(s.pos[i].room, s.pos[j].room);
				c = s.capped && s.pos[j].day == s.pos[i].day ? c - 1 : s.levels;
			}
			i = j == NO32 ? NONE : j;
		}
		r->nchosen = k;
	}
	alternatives(&s, r);
	ret = 0;
out:
	free(keys);
	solver_release(&s);
	return ret;
}
