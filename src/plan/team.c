/* team.c: the team solver — a min-cost flow over the items (see team.h for the model).
 *
 * Nodes: the source S, for each usable item t (in order of start, end, index) an entry in(t)
 * and an exit out(t), and the sink T.  Arcs, all of capacity 1 but S -> T (capacity k):
 *     S -> in(t) 0,  in(t) -> out(t) cost(t),  out(t) -> in(u) change(t, u) for every u after t
 *     that can follow it,  out(t) -> T 0,  S -> T 0.
 * The flow through an item is 0 or 1, so the residual graph is kept implicit: an item's state
 * is whether it is chosen, whether its unit comes from S or goes to T, and its successor.  The
 * arcs out(t) -> in(u) are not stored: they are the pairs solve_follows() accepts.
 */
#include "team.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "solve.h"
#include "util.h"

#define NONE SIZE_MAX
#define INF INT64_MAX

struct flow {
	const struct solve_problem *p;
	size_t n;         /* usable items */
	size_t *item;     /* item[t]: the index into p->items of usable item t */
	int64_t *cost;    /* cost(t) of in(t) -> out(t) */
	bool *chosen, *from_s, *to_t;
	size_t *next, *prev; /* the unit's successor / predecessor item, or NONE */
	int st_flow;      /* units on S -> T */
	int k;            /* its capacity: the members */
	/* Dijkstra, over node numbers: S = 0, in(t) = 1 + 2t, out(t) = 2 + 2t, T = 2n + 1 */
	size_t nodes;
	int64_t *pot, *dist;
	size_t *parent;
	bool *done;
};

static size_t node_in(size_t t) { return 1 + 2 * t; }
static size_t node_out(size_t t) { return 2 + 2 * t; }

/* 1 if going from usable item t to u changes rooms (the rule of solve.h: plenaries none). */
static int64_t change(const struct flow *f, size_t t, size_t u)
{
	int a = f->p->items[f->item[t]].room, b = f->p->items[f->item[u]].room;

	return a >= 0 && b >= 0 && a != b;
}

static bool follows(const struct flow *f, size_t t, size_t u)
{
	return solve_follows(f->p, f->item[t], f->item[u]);
}

static int cmp_start(const void *a, const void *b, const struct solve_problem *p)
{
	const struct solve_item *x = &p->items[*(const size_t *)a], *y = &p->items[*(const size_t *)b];

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

/* A merge sort of item indexes by cmp_start (tmp: n scratch slots). */
static void sort_items(size_t *v, size_t *tmp, size_t n, const struct solve_problem *p)
{
	size_t h = n / 2, i = 0, j = h, k = 0;

	if (n < 2)
		return;
	sort_items(v, tmp, h, p);
	sort_items(v + h, tmp, n - h, p);
	while (i < h && j < n)
		tmp[k++] = cmp_start(&v[i], &v[j], p) <= 0 ? v[i++] : v[j++];
	while (i < h)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof(*v));
}

/* Scales the scores so that the total score decides first, then room changes, then pins come
 * before everything: cost(t) = -(score * M) - (pinned ? P : 0), M = n + 1 (more than any number
 * of room changes), P more than every score together.  -1 when the sums do not fit. */
static int set_costs(struct flow *f)
{
	int64_t m = (int64_t)f->n + 1, sum = 0, pin, total;

	for (size_t t = 0; t < f->n; t++)
		if (__builtin_add_overflow(sum, f->p->items[f->item[t]].score, &sum))
			return error(EX_DATAERR, "team: scores too large");
	/* pin = sum * m + m; a path's cost is at least -(n * pin + sum * m), kept far from INT64 */
	if (__builtin_mul_overflow(sum, m, &pin) || __builtin_add_overflow(pin, m, &pin) ||
	    __builtin_mul_overflow(pin, m, &total) || total > INT64_MAX / 8)
		return error(EX_DATAERR, "team: scores too large");
	for (size_t t = 0; t < f->n; t++) {
		const struct solve_item *x = &f->p->items[f->item[t]];
		f->cost[t] = -(x->score * m) - (x->pinned ? pin : 0);
	}
	return 0;
}

/* Initial potentials: shortest distances from S with no flow yet (the graph is a DAG in item
 * order), so that every reduced cost starts non-negative. */
static void initial_potentials(struct flow *f)
{
	int64_t best_t = 0;

	f->pot[0] = 0;
	for (size_t u = 0; u < f->n; u++) {
		int64_t d = 0;
		for (size_t t = 0; t < u; t++)
			if (follows(f, t, u) && f->pot[node_out(t)] + change(f, t, u) < d)
				d = f->pot[node_out(t)] + change(f, t, u);
		f->pot[node_in(u)] = d;
		f->pot[node_out(u)] = d + f->cost[u];
		if (f->pot[node_out(u)] < best_t)
			best_t = f->pot[node_out(u)];
	}
	f->pot[f->nodes - 1] = best_t;
}

static void relax(struct flow *f, size_t from, size_t to, int64_t cost)
{
	int64_t d;

	if (f->done[to])
		return;
	d = f->dist[from] + cost + f->pot[from] - f->pot[to];
	if (d < f->dist[to]) {
		f->dist[to] = d;
		f->parent[to] = from;
	}
}

/* Relaxes every residual arc leaving node x. */
static void scan(struct flow *f, size_t x)
{
	size_t sink = f->nodes - 1;

	if (x == 0) {
		for (size_t t = 0; t < f->n; t++)
			if (!f->from_s[t])
				relax(f, 0, node_in(t), 0);
		if (f->st_flow < f->k)
			relax(f, 0, sink, 0);
	} else if (x == sink) {
		for (size_t t = 0; t < f->n; t++)
			if (f->to_t[t])
				relax(f, sink, node_out(t), 0);
		if (f->st_flow > 0)
			relax(f, sink, 0, 0);
	} else if (x % 2) { /* in(t) */
		size_t t = (x - 1) / 2;
		if (!f->chosen[t])
			relax(f, x, node_out(t), f->cost[t]);
		if (f->from_s[t])
			relax(f, x, 0, 0);
		if (f->prev[t] != NONE)
			relax(f, x, node_out(f->prev[t]), -change(f, f->prev[t], t));
	} else { /* out(t) */
		size_t t = (x - 2) / 2;
		if (f->chosen[t])
			relax(f, x, node_in(t), -f->cost[t]);
		for (size_t u = t + 1; u < f->n; u++)
			if (f->next[t] != u && !f->done[node_in(u)] && follows(f, t, u))
				relax(f, x, node_in(u), change(f, t, u));
		if (!f->to_t[t])
			relax(f, x, sink, 0);
	}
}

/* One shortest path from S to T on reduced costs; returns its true cost. */
static int64_t shortest_path(struct flow *f)
{
	size_t sink = f->nodes - 1;
	int64_t cap;

	for (size_t v = 0; v < f->nodes; v++) {
		f->dist[v] = INF;
		f->parent[v] = NONE;
		f->done[v] = false;
	}
	f->dist[0] = 0;
	for (;;) {
		size_t x = NONE;
		for (size_t v = 0; v < f->nodes; v++)
			if (!f->done[v] && f->dist[v] != INF && (x == NONE || f->dist[v] < f->dist[x]))
				x = v;
		if (x == NONE)
			break;
		f->done[x] = true;
		if (x == sink)
			break;
		scan(f, x);
	}
	/* new potentials, capped at the sink's distance (nodes beyond it keep their reduced costs
	 * non-negative) */
	cap = f->dist[sink];
	for (size_t v = 0; v < f->nodes; v++)
		f->pot[v] += f->dist[v] < cap ? f->dist[v] : cap;
	return f->pot[sink] - f->pot[0];
}

/* Sends one unit along the parent links from T back to S. */
static void augment(struct flow *f)
{
	size_t v = f->nodes - 1, sink = f->nodes - 1;

	while (v != 0) {
		size_t u = f->parent[v];
		if (u == 0 && v == sink) {
			f->st_flow++;
		} else if (u == sink && v == 0) {
			f->st_flow--;
		} else if (u == 0) {
			f->from_s[(v - 1) / 2] = true;
		} else if (v == 0) {
			f->from_s[(u - 1) / 2] = false;
		} else if (v == sink) {
			f->to_t[(u - 2) / 2] = true;
		} else if (u == sink) {
			f->to_t[(v - 2) / 2] = false;
		} else if (u % 2 && v == u + 1) {
			f->chosen[(u - 1) / 2] = true;
		} else if (v % 2 && u == v + 1) {
			f->chosen[(v - 1) / 2] = false;
		} else if (u % 2 == 0) { /* out(t) -> in(w): the unit now goes from t to w */
			size_t t = (u - 2) / 2, w = (v - 1) / 2;
			f->next[t] = w;
			f->prev[w] = t;
		} else { /* in(w) -> out(t): the unit from t to w is taken back */
			size_t w = (u - 1) / 2, t = (v - 2) / 2;
			if (f->next[t] == w)
				f->next[t] = NONE;
			if (f->prev[w] == t)
				f->prev[w] = NONE;
		}
		v = u;
	}
}

void team_result_init(struct team_result *r)
{
	memset(r, 0, sizeof(*r));
	r->unmet_pin = NONE;
}

void team_result_release(struct team_result *r)
{
	for (int m = 0; m < r->nmembers; m++)
		free(r->member[m]);
	free(r->member);
	free(r->nmember);
	team_result_init(r);
}

static void flow_release(struct flow *f)
{
	free(f->item);
	free(f->cost);
	free(f->chosen);
	free(f->from_s);
	free(f->to_t);
	free(f->next);
	free(f->prev);
	free(f->pot);
	free(f->dist);
	free(f->parent);
	free(f->done);
}

/* Reads the members' days off the flow: each unit from S is one member. */
static void collect(const struct flow *f, int members, struct team_result *r)
{
	int m = 0;

	r->nmembers = members;
	r->member = xcalloc((size_t)members, sizeof(*r->member));
	r->nmember = xcalloc((size_t)members, sizeof(*r->nmember));
	/* heads in item order: members ordered by their first item */
	for (size_t t = 0; t < f->n && m < members; t++) {
		size_t len = 0, k = 0;
		if (!f->from_s[t])
			continue;
		for (size_t u = t; u != NONE; u = f->next[u])
			len++;
		r->member[m] = xcalloc(len, sizeof(**r->member));
		for (size_t u = t; u != NONE; u = f->next[u]) {
			const struct solve_item *x = &f->p->items[f->item[u]];
			r->member[m][k++] = f->item[u];
			r->total_score += x->score;
			if (f->next[u] != NONE)
				r->room_changes += (int)change(f, u, f->next[u]);
		}
		r->nmember[m++] = len;
	}
}

int team_solve(const struct solve_problem *p, int members, struct team_result *r)
{
	struct flow f;
	size_t *tmp;
	int ret = -1;

	team_result_release(r);
	if (solve_check(p) < 0)
		return -1;
	if (members < 1 || members > TEAM_MAX_MEMBERS)
		return error(EX_DATAERR, "team: %d members (1 to %d)", members, TEAM_MAX_MEMBERS);
	if (p->max_per_day > 0)
		return error(EX_DATAERR, "team: a per-day cap is not supported");
	memset(&f, 0, sizeof(f));
	f.p = p;
	f.k = members;
	f.item = xcalloc(p->nitems ? p->nitems : 1, sizeof(*f.item));
	for (size_t i = 0; i < p->nitems; i++) {
		if (!p->items[i].excluded) {
			f.item[f.n++] = i;
		} else if (p->items[i].pinned) {
			r->unmet_pin = i;
			free(f.item);
			return error(EX_DATAERR, "pinned item %zu is excluded", i);
		}
	}
	tmp = xcalloc(f.n ? f.n : 1, sizeof(*tmp));
	sort_items(f.item, tmp, f.n, p);
	free(tmp);
	f.nodes = 2 * f.n + 2;
	f.cost = xcalloc(f.n + 1, sizeof(*f.cost));
	f.chosen = xcalloc(f.n + 1, sizeof(*f.chosen));
	f.from_s = xcalloc(f.n + 1, sizeof(*f.from_s));
	f.to_t = xcalloc(f.n + 1, sizeof(*f.to_t));
	f.next = xcalloc(f.n + 1, sizeof(*f.next));
	f.prev = xcalloc(f.n + 1, sizeof(*f.prev));
	for (size_t t = 0; t < f.n; t++)
		f.next[t] = f.prev[t] = NONE;
	f.pot = xcalloc(f.nodes, sizeof(*f.pot));
	f.dist = xcalloc(f.nodes, sizeof(*f.dist));
	f.parent = xcalloc(f.nodes, sizeof(*f.parent));
	f.done = xcalloc(f.nodes, sizeof(*f.done));
	if (set_costs(&f) < 0)
		goto out;
	initial_potentials(&f);
	/* Each shortest path costs at least as much as the one before; once one costs nothing,
	 * the remaining members are better off with nothing (the arc S -> T). */
	for (int k = 0; k < members; k++) {
		if (shortest_path(&f) >= 0)
			break;
		augment(&f);
	}
	for (size_t t = 0; t < f.n; t++) {
		if (p->items[f.item[t]].pinned && !f.chosen[t]) {
			r->unmet_pin = f.item[t];
			error(EX_DATAERR, "pinned items need more than %d member%s at once", members,
			      members == 1 ? "" : "s");
			goto out;
		}
	}
	collect(&f, members, r);
	ret = 0;
out:
	flow_release(&f);
	return ret;
}
