/* solve.c: the conflict solver — the best compatible set of sessions, computed exactly.
 *
 * Weighted interval scheduling by dynamic programming, run backwards: items are taken in
 * decreasing start order and G(i, c) is the best plan whose FIRST item is i and that holds at
 * most c items on i's day.  Running backwards makes the final tie-break exact: plans are compared
 * item by item from the front by (end, index) (see solve.h), so two plans that begin with
 * different items are ordered by those first items alone, a plan beginning with i compares with
 * another beginning with i as their tails do, and the empty plan comes before any other.  So the
 * tie-break key of G(i, c) is just the rank of i in (end, index) order, and the best successor
 * is the best stored value.  Each chosen successor is found again when the plan is rebuilt (the
 * suffix maxima never change once written), so no successor table is kept.
 *
 * The value of a plan is the tuple (pins, score, -room changes, -first-item rank), compared
 * lexicographically.  Counting pins first is the exact form of "give pins a bonus larger than
 * every score together": a plan with more pins always wins, so the best plan holds every pin
 * whenever some plan does, and nothing ever has to be removed or subtracted afterwards.
 *
 * The successors of i are the items j with i.end + travel(i, j) <= j.start.  They are found in
 * "lists" of items sorted by start, each with suffix maxima, from the first place whose start
 * reaches a threshold (found by binary search, or for uniform travel all at once by one sweep
 * in end order, as the thresholds grow with the end):
 *   - uniform travel T: every item from i.end + T on (counted as a room change), the items of
 *     i's own room from i.end on, and the plenaries from i.end on (no change); when i is a
 *     plenary, every item from i.end on.  An item of i's room or a plenary also found in the
 *     first list is undervalued there by one change, never overvalued, so the maximum is exact;
 *   - a room-travel matrix: one list per room, from i.end + travel(room of i, room) on, plus
 *     the plenaries.
 * With a per-day cap of K, each list also keeps, per level c < K, suffix maxima that stop at the
 * end of the day: a successor on i's day continues at level c - 1, one on a later day at level K.
 * That needs day indexes that never decrease with start times, which solve() checks.
 *
 * Cost: sorting O(n log n); the DP O(n·L·(log n + K)) with L = 3 lists for uniform travel, or
 * the number of rooms plus one with a matrix; memory O(n·K).  A cap no day can reach (K at least
 * the largest number of disjoint items on any day) is dropped first, so K stays small.
 */
#include "solve.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define NONE SIZE_MAX

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

/* Travel time from a room to another; plenaries (-1) and a shared room need none. */
static int64_t travel(const struct solve_problem *p, int from, int to)
{
	if (from < 0 || to < 0 || from == to)
		return 0;
	if (p->room_travel)
		return p->room_travel[(size_t)from * (size_t)p->nrooms + (size_t)to];
	return p->travel_seconds;
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

static void *alloc_array(size_t n, size_t size)
{
	return n ? xcalloc(n, size) : NULL;
}

/* Like alloc_array, without zeroing, for arrays written in full before they are read. */
static void *alloc_raw(size_t n, size_t size)
{
	if (!n)
		return NULL;
	if (n > SIZE_MAX / size)
		return xcalloc(n, size); /* calloc refuses the overflow: out of memory */
	return xmalloc(n * size);
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
	struct key *tmp, *src = v, *dst;

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
	tmp = alloc_raw(n, sizeof *tmp);
	dst = tmp;
	for (size_t w = RUN; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n;
			size_t hi = mid + w < n ? mid + w : n;
			size_t a = lo, b = mid, k = lo;

			while (a < mid && b < hi)
				dst[k++] = key_less(&src[b], &src[a]) ? src[b++] : src[a++];
			while (a < mid)
				dst[k++] = src[a++];
			while (b < hi)
				dst[k++] = src[b++];
		}
		struct key *t = src;
		src = dst;
		dst = t;
	}
	if (src != v)
		memcpy(v, src, n * sizeof *v);
	free(tmp);
}

/* ---- the DP ---- */

/* A usable (not excluded) item at its position in (start, day, index) order, the order the
 * DP runs in (backwards).  Everything below works on positions; `item` maps back. */
struct pos {
	int64_t start, end, score;
	size_t item;
	size_t rank; /* 1 + place in (end, index) order: the tie-break key; 0 is the empty plan */
	int room, day;
	bool pinned;
};

/* The value of a plan, less its tie-break rank. */
struct val {
	int64_t score;
	int pins;
	int changes;
};

/* A list of positions in increasing order, with suffix maxima (positions); filled from the
 * back by the DP. */
struct list {
	size_t m, fill;
	uint32_t *pos;
	int64_t *start;    /* starts, for the binary search */
	uint32_t *dayend;  /* capped: first place past the run of this place's day */
	uint32_t *best;    /* capped: best[k*(K-1) + c-1], level c < K, over [k, dayend[k]) */
	uint32_t *bestall; /* level K over [k, m) */
};

/* One list to search for the successors of a position. */
struct source {
	const struct list *l;
	size_t p;     /* first place with start >= the threshold */
	size_t q;     /* first place at or after p on a later day (capped), else p */
	bool sameday; /* capped and place p is on the position's day */
	int extra;    /* room changes added by going there */
};

struct solver {
	const struct solve_problem *p;
	size_t n;        /* usable items */
	struct pos *pos;
	int levels;      /* K: the effective cap, or 1 when uncapped */
	bool capped;
	struct val *g;   /* g[i * K + c - 1] = G(i, c), i a position */
	struct list *lists;
	size_t nlists;   /* rooms, then plenaries, then (uniform travel) every position */
	struct source *src;
	uint32_t *bounds; /* uniform travel: see uniform_bounds() */
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

static struct val *gval(const struct solver *s, size_t i, int c)
{
	return &s->g[i * (size_t)s->levels + (size_t)(c - 1)];
}

static bool stored_better(const struct solver *s, size_t a, size_t b, int c)
{
	return better(*gval(s, a, c), s->pos[a].rank, *gval(s, b, c), s->pos[b].rank);
}

static void list_release(struct list *l)
{
	free(l->pos);
	free(l->start);
	free(l->dayend);
	free(l->best);
	free(l->bestall);
}

static void solver_release(struct solver *s)
{
	free(s->pos);
	free(s->g);
	for (size_t k = 0; k < s->nlists; k++)
		list_release(&s->lists[k]);
	free(s->lists);
	free(s->src);
	free(s->bounds);
}

/* The list a position belongs to besides the list of every position. */
static struct list *own_list(const struct solver *s, size_t i)
{
	int room = s->pos[i].room;

	return &s->lists[room < 0 ? (size_t)s->p->nrooms : (size_t)room];
}

/* Builds the lists: room r is list r, plenaries list nrooms, every position list nrooms + 1. */
static void build_lists(struct solver *s)
{
	size_t nrooms = (size_t)s->p->nrooms, K = (size_t)s->levels;
	bool all = !s->p->room_travel;

	s->nlists = nrooms + 1 + all;
	s->lists = xcalloc(s->nlists, sizeof *s->lists);
	for (size_t i = 0; i < s->n; i++)
		own_list(s, i)->m++;
	if (all)
		s->lists[nrooms + 1].m = s->n;
	for (size_t k = 0; k < s->nlists; k++) {
		struct list *l = &s->lists[k];
		l->pos = alloc_raw(l->m, sizeof *l->pos);
		l->start = alloc_raw(l->m, sizeof *l->start);
		l->bestall = alloc_raw(l->m, sizeof *l->bestall);
		if (s->capped) {
			l->dayend = alloc_raw(l->m, sizeof *l->dayend);
			l->best = alloc_raw(l->m * (K - 1), sizeof *l->best);
		}
	}
	for (size_t i = 0; i < s->n; i++) {
		struct list *l = own_list(s, i);
		l->start[l->fill] = s->pos[i].start;
		l->pos[l->fill++] = (uint32_t)i;
		if (all) {
			l = &s->lists[nrooms + 1];
			l->start[l->fill] = s->pos[i].start;
			l->pos[l->fill++] = (uint32_t)i;
		}
	}
	if (!s->capped)
		return;
	for (size_t k = 0; k < s->nlists; k++) {
		struct list *l = &s->lists[k];
		for (size_t q = l->m; q-- > 0;)
			l->dayend[q] = q + 1 < l->m && s->pos[l->pos[q + 1]].day == s->pos[l->pos[q]].day ?
			    l->dayend[q + 1] : (uint32_t)(q + 1);
	}
}

/* Adds list l from place lo to the sources of a position on day `day`. */
static void add_source_at(struct solver *s, size_t *nsrc, const struct list *l, size_t lo,
			  int extra, int day)
{
	struct source *src;

	if (lo >= l->m)
		return;
	src = &s->src[(*nsrc)++];
	src->l = l;
	src->p = lo;
	src->extra = extra;
	src->sameday = s->capped && s->pos[l->pos[lo]].day == day;
	src->q = src->sameday ? l->dayend[lo] : lo;
}

/* Adds list l, searched from threshold `from`, to the sources of a position on day `day`. */
static void add_source(struct solver *s, size_t *nsrc, const struct list *l, int64_t from,
		       int extra, int day)
{
	size_t lo = l->fill, hi = l->m; /* places before fill start too early anyway */

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->start[mid] < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	add_source_at(s, nsrc, l, lo, extra, day);
}

/* With uniform travel, the places where the successors of each position begin, found by one
 * sweep in end order (the thresholds grow with the end): lo[3*i] in the list of every
 * position, lo[3*i+1] in the position's own room, lo[3*i+2] among the plenaries. */
static uint32_t *uniform_bounds(const struct solver *s, const struct key *by_end)
{
	size_t nrooms = (size_t)s->p->nrooms;
	uint32_t *lo = alloc_raw(3 * s->n, sizeof *lo);
	size_t *at = xcalloc(nrooms + 3, sizeof *at); /* rooms, plenaries, all + T, all + 0 */
	const struct list *all = &s->lists[nrooms + 1];

	for (size_t t = 0; t < s->n; t++) {
		size_t i = by_end[t].id;
		const struct pos *x = &s->pos[i];
		size_t own = x->room < 0 ? nrooms : (size_t)x->room;
		size_t a = x->room < 0 ? nrooms + 2 : nrooms + 1;
		int64_t from = x->room < 0 ? x->end : x->end + s->p->travel_seconds;
		const struct list *l = &s->lists[own], *pl = &s->lists[nrooms];

		while (at[a] < all->m && all->start[at[a]] < from)
			at[a]++;
		while (at[own] < l->m && l->start[at[own]] < x->end)
			at[own]++;
		while (at[nrooms] < pl->m && pl->start[at[nrooms]] < x->end)
			at[nrooms]++;
		lo[3 * i] = (uint32_t)at[a];
		lo[3 * i + 1] = (uint32_t)at[own];
		lo[3 * i + 2] = (uint32_t)at[nrooms];
	}
	free(at);
	return lo;
}

/* Records position i, whose values are known, at the front of list l. */
static void list_push(struct solver *s, struct list *l, size_t i)
{
	size_t k = --l->fill;

	if (s->capped) {
		for (int c = 1; c < s->levels; c++) {
			uint32_t *b = l->best + k * (size_t)(s->levels - 1) + (size_t)(c - 1);
			b[0] = k + 1 < l->dayend[k] && stored_better(s, b[s->levels - 1], i, c) ?
			    b[s->levels - 1] : (uint32_t)i;
		}
	}
	l->bestall[k] = k + 1 < l->m && stored_better(s, l->bestall[k + 1], i, s->levels) ?
	    l->bestall[k + 1] : (uint32_t)i;
}

/* Gathers in s->src the lists to search for the successors of position i; returns how many. */
static size_t gather_sources(struct solver *s, size_t i)
{
	const struct solve_problem *p = s->p;
	const struct pos *x = &s->pos[i];
	size_t nrooms = (size_t)p->nrooms, nsrc = 0;

	if (!p->room_travel) {
		const struct list *all = &s->lists[nrooms + 1];
		const uint32_t *lo = &s->bounds[3 * i];
		if (x->room < 0) {
			add_source_at(s, &nsrc, all, lo[0], 0, x->day);
		} else {
			add_source_at(s, &nsrc, all, lo[0], 1, x->day);
			add_source_at(s, &nsrc, &s->lists[x->room], lo[1], 0, x->day);
			add_source_at(s, &nsrc, &s->lists[nrooms], lo[2], 0, x->day);
		}
	} else {
		for (size_t r = 0; r < nrooms; r++) {
			if (!s->lists[r].m)
				continue;
			if (x->room < 0 || (size_t)x->room == r)
				add_source(s, &nsrc, &s->lists[r], x->end, 0, x->day);
			else
				add_source(s, &nsrc, &s->lists[r],
					   x->end + travel(p, x->room, (int)r), 1, x->day);
		}
		add_source(s, &nsrc, &s->lists[nrooms], x->end, 0, x->day);
	}
	return nsrc;
}

/* The best successor, among the gathered sources, of a position at level c: its position (or
 * NONE for none, the empty plan) and in *bv its value plus the room change to reach it. */
static size_t best_successor(const struct solver *s, size_t nsrc, int c, struct val *bv)
{
	int K = s->levels;
	size_t bj = NONE, br = 0;

	bv->score = 0;
	bv->pins = 0;
	bv->changes = 0;
	for (size_t k = 0; k < nsrc; k++) {
		const struct source *sc = &s->src[k];
		size_t cand[2];
		int lvl[2], ncand = 0;

		if (sc->sameday && c >= 2) {
			cand[ncand] = sc->l->best[sc->p * (size_t)(K - 1) + (size_t)(c - 2)];
			lvl[ncand++] = c - 1;
		}
		if (sc->q < sc->l->m) {
			cand[ncand] = sc->l->bestall[sc->q];
			lvl[ncand++] = K;
		}
		for (int e = 0; e < ncand; e++) {
			struct val v = *gval(s, cand[e], lvl[e]);
			size_t rank = s->pos[cand[e]].rank;
			v.changes += sc->extra;
			if (better(v, rank, *bv, br)) {
				*bv = v;
				bj = cand[e];
				br = rank;
			}
		}
	}
	return bj;
}

/* Computes G(i, c) for every level c, then records i in its lists.  The lists' entries from
 * i's place on never change again, so the same successors can be found again afterwards. */
static void dp_position(struct solver *s, size_t i)
{
	const struct pos *x = &s->pos[i];
	size_t nsrc = gather_sources(s, i);

	for (int c = 1; c <= s->levels; c++) {
		struct val *g = gval(s, i, c);
		best_successor(s, nsrc, c, g);
		g->score += x->score;
		g->pins += x->pinned;
	}
	list_push(s, own_list(s, i), i);
	if (!s->p->room_travel)
		list_push(s, &s->lists[(size_t)s->p->nrooms + 1], i);
}

/* ---- checks ---- */

static int check_problem(const struct solve_problem *p)
{
	if (!p->items && p->nitems)
		return error(EX_DATAERR, "solve: no items");
	if (p->nrooms < 0)
		return error(EX_DATAERR, "solve: negative room count");
	if (p->max_per_day < 0)
		return error(EX_DATAERR, "solve: negative per-day cap");
	if (p->room_travel) {
		size_t cells = (size_t)p->nrooms * (size_t)p->nrooms;
		for (size_t k = 0; k < cells; k++)
			if (p->room_travel[k] < 0)
				return error(EX_DATAERR, "solve: negative travel time between rooms");
	} else if (p->travel_seconds < 0) {
		return error(EX_DATAERR, "solve: negative travel time");
	}
	for (size_t i = 0; i < p->nitems; i++) {
		const struct solve_item *x = &p->items[i];
		if (x->start >= x->end)
			return error(EX_DATAERR, "solve: item %zu does not end after it starts", i);
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
			      "earlier day", x->item, s->pos[i - 1].item);
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
		if (later != NONE && gval(s, i, s->levels)->pins < after + 1) {
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
	size_t lo = 0;

	for (size_t k = 0; k < m; k++) {
		alt[k] = NONE;
		ends[k] = it[ch[k]].end;
		in_plan[ch[k]] = true;
	}
	for (size_t t = 0; t < s->n; t++) {
		const struct pos *x = &s->pos[t];

		/* lo = number of chosen items ending by x's start (positions go by start); x can
		 * only take slot lo-1 or lo */
		while (lo < m && ends[lo] <= s->pos[t].start)
			lo++;
		if (in_plan[x->item])
			continue;
		for (size_t k = lo ? lo - 1 : 0; k <= lo && k < m; k++) {
			int changes = r->room_changes;
			const struct solve_item *before = k > 0 ? &it[ch[k - 1]] : NULL;
			const struct solve_item *after = k + 1 < m ? &it[ch[k + 1]] : NULL;
			const struct solve_item *cur = &it[ch[k]];

			if (cur->pinned)
				continue;
			if (before && !fits(p, before->end, before->room, x->start, x->room))
				continue;
			if (after && !fits(p, x->end, x->room, after->start, after->room))
				continue;
			if (p->max_per_day > 0 && x->day != cur->day &&
			    count_day(it, ch, m, x->day) + 1 > (size_t)p->max_per_day)
				continue;
			if (before)
				changes += room_change(before->room, x->room) - room_change(before->room, cur->room);
			if (after)
				changes += room_change(x->room, after->room) - room_change(cur->room, after->room);
			if (alt[k] == NONE || better((struct val){ x->score, 0, changes }, x->rank,
			    (struct val){ s->pos[alt[k]].score, 0, alt_changes[k] }, s->pos[alt[k]].rank)) {
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
	size_t npins = 0, first = NONE, frank = 0;
	struct val fv = { 0, 0, 0 };
	int ret = -1;

	solve_result_release(r);
	memset(&s, 0, sizeof s);
	if (!p)
		return error(EX_DATAERR, "solve: no problem");
	if (check_problem(p) < 0)
		return -1;
	if (p->nitems > UINT32_MAX)
		return error(EX_DATAERR, "solve: too many items");
	for (size_t i = 0; i < p->nitems; i++) {
		if (p->items[i].pinned && p->items[i].excluded) {
			r->conflict_a = r->conflict_b = i;
			return error(EX_DATAERR, "pinned item %zu is excluded", i);
		}
	}
	s.p = p;

	/* positions: usable items by (start, day, index) */
	keys = alloc_array(p->nitems, sizeof *keys);
	for (size_t i = 0; i < p->nitems; i++)
		if (!p->items[i].excluded)
			keys[s.n++] = (struct key){ p->items[i].start, p->items[i].day, i };
	sort_keys(keys, s.n);
	s.pos = alloc_array(s.n, sizeof *s.pos);
	for (size_t t = 0; t < s.n; t++) {
		const struct solve_item *x = &p->items[keys[t].id];
		s.pos[t] = (struct pos){ x->start, x->end, x->score, keys[t].id, 0, x->room, x->day,
					 x->pinned };
		npins += x->pinned;
	}
	/* ranks: positions by (end, index) */
	for (size_t t = 0; t < s.n; t++)
		keys[t] = (struct key){ s.pos[t].end, (int64_t)s.pos[t].item, t };
	sort_keys(keys, s.n);
	for (size_t t = 0; t < s.n; t++)
		s.pos[keys[t].id].rank = t + 1;

	if (p->max_per_day > 0 && check_days(&s, keys) < 0)
		goto out;
	s.levels = s.capped ? p->max_per_day : 1;

	s.g = alloc_raw(s.n * (size_t)s.levels, sizeof *s.g);
	build_lists(&s);
	s.src = xcalloc(s.nlists, sizeof *s.src);
	if (!p->room_travel)
		s.bounds = uniform_bounds(&s, keys);

	for (size_t i = s.n; i-- > 0;)
		dp_position(&s, i);

	for (size_t i = 0; i < s.n; i++) {
		if (better(*gval(&s, i, s.levels), s.pos[i].rank, fv, frank)) {
			fv = *gval(&s, i, s.levels);
			first = i;
			frank = s.pos[i].rank;
		}
	}
	if ((size_t)fv.pins < npins) {
		pin_conflict(&s, r);
		goto out;
	}

	/* follow the successors twice: to count, then to fill */
	for (int pass = 0; pass < 2; pass++) {
		size_t k = 0, c = (size_t)s.levels;

		if (pass) {
			r->chosen = alloc_array(r->nchosen, sizeof *r->chosen);
			r->alternative = alloc_array(r->nchosen, sizeof *r->alternative);
		}
		for (size_t i = first; i != NONE; k++) {
			struct val v;
			size_t j = best_successor(&s, gather_sources(&s, i), (int)c, &v);
			if (pass) {
				r->chosen[k] = s.pos[i].item;
				r->total_score += s.pos[i].score;
			}
			if (j != NONE) {
				if (pass)
					r->room_changes += room_change(s.pos[i].room, s.pos[j].room);
				c = s.capped && s.pos[j].day == s.pos[i].day ? c - 1 : (size_t)s.levels;
			}
			i = j;
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
