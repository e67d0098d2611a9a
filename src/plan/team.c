/* team.c: the team solver — a min-cost flow over the items (see team.h for the model).
 *
 * Usable items t = 0..n-1 in order of (start, end, index).  Every arc goes from an item to a
 * later one, so the network is acyclic.  Nodes: the source S, the sink T, and for every item t
 * four: in(t) and out(t) (the arc between them, capacity 1 and cost(t), is attending t), G(t)
 * on the global chain (every item in order) and C(t) on the chain of t's room (every item of
 * that room in order; plenaries have a chain of their own).  Chains carry any number of units
 * at no cost (G(t) -> G(t+1), C(t) -> C(next in the room)) and let a unit off at their item
 * (G(t) -> in(t), C(t) -> in(t)): a member waiting.  From out(t), u can follow t:
 *
 *   - in t's room, or a plenary, once t ends: out(t) -> C(first such item), cost 0;
 *   - anywhere once the longest walk (max_travel) is over: out(t) -> G(first such item), cost 1
 *     (0 from a plenary, which is every room: then from the moment t ends) — a room change,
 *     the tie-break, counted even for a later item of t's own room, which its room's chain
 *     reaches for 0;
 *   - in another room in between (the window): out(t) -> in(u), cost 1, for each u the walk
 *     leaves time for (solve.h's rule).  Not stored: enumerated when out(t) is scanned.
 *
 * So the arcs are O(n) plus the window's, not one for every compatible pair; every compatible
 * pair is a path of the cost its room change says, or a costlier one beside a path of that cost.
 * Plus S -> in(t), out(t) -> T (cost 0) and S -> T (capacity k: members with nothing).  k units,
 * one a member, by successive shortest paths (Dijkstra with a binary heap on reduced costs,
 * potentials from the acyclic network's distances).  The residual graph is implicit: the flow is
 * per item whether it is chosen, whether its unit comes from S or goes where, and per chain arc
 * a count.
 */
#include "team.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "solve.h"
#include "util.h"

#define NONE SIZE_MAX
#define INF INT64_MAX

/* Where an item's unit goes when it leaves out(t). */
enum exit { EXIT_NONE, EXIT_SINK, EXIT_WINDOW, EXIT_GLOBAL, EXIT_CHAIN };

struct flow {
	const struct solve_problem *p;
	size_t n;              /* usable items */
	size_t *item;          /* item[t]: the index into p->items of usable item t */
	int64_t *start, *end;  /* of usable item t */
	int *room;
	int64_t max_travel;    /* the longest walk between two rooms */
	size_t *first;         /* the first item after t starting when t ends or later */
	size_t *far;           /* the first item after t starting when any walk from t is over */
	size_t *chain_next;    /* the next item on t's chain (its room's, or the plenaries'), NONE */
	size_t *room_entry;    /* out(t)'s chain arcs: the first item of t's room / the first */
	size_t *plen_entry;    /* plenary, from first[t] on (NONE: none) */
	int64_t *cost;         /* cost(t) of in(t) -> out(t) */
	/* the flow */
	bool *chosen;          /* in(t) -> out(t) */
	bool *from_s;          /* S -> in(t) */
	bool *off_g, *off_c;   /* G(t) -> in(t), C(t) -> in(t) */
	size_t *g_flow, *c_flow; /* units on G(t) -> G(t+1), C(t) -> C(chain_next[t]) */
	enum exit *exit;       /* out(t)'s unit: to T, to in(exit_to) (window), to G/C(exit_to) */
	size_t *exit_to;
	size_t *win_prev;      /* the item whose unit comes into in(t) through a window arc */
	size_t *g_head, *c_head; /* the items whose unit enters G(t) / C(t), linked by list_next */
	size_t *list_next, *list_prev;
	int st_flow;           /* units on S -> T */
	int k;                 /* its capacity: the members */
	/* Dijkstra: S = 0, T = 1, in(t) = 2 + 4t, out(t) = 3 + 4t, G(t) = 4 + 4t, C(t) = 5 + 4t */
	size_t nodes;
	int64_t *pot, *dist;
	size_t *parent;
	bool *done;
	struct heap_entry { int64_t d; size_t v; } *heap; /* the queue (lazy deletion) */
	size_t nheap, heap_alloc;
};

#define NODE_S 0
#define NODE_T 1
static size_t node_in(size_t t) { return 2 + 4 * t; }
static size_t node_out(size_t t) { return 3 + 4 * t; }
static size_t node_g(size_t t) { return 4 + 4 * t; }
static size_t node_c(size_t t) { return 5 + 4 * t; }

/* 1 if going from usable item t to u changes rooms (the rule of solve.h: plenaries none). */
static inline int64_t change(const struct flow *f, size_t t, size_t u)
{
	int a = f->room[t], b = f->room[u];

	return a >= 0 && b >= 0 && a != b;
}

/* u can follow t (solve.h's rule, solve_follows, on the usable items' copies). */
static inline bool follows(const struct flow *f, size_t t, size_t u)
{
	return f->end[t] + solve_travel(f->p, f->room[t], f->room[u]) <= f->start[u];
}

/* The first item after t that starts at `when` or later (n: none). */
static size_t first_from(const struct flow *f, size_t t, int64_t when)
{
	size_t lo = t + 1, hi = f->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (f->start[mid] < when)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The cost of out(t) -> G: a room change, but not from a plenary. */
static int64_t far_cost(const struct flow *f, size_t t)
{
	return f->room[t] >= 0;
}

static int cmp_start(size_t a, size_t b, const struct solve_problem *p)
{
	const struct solve_item *x = &p->items[a], *y = &p->items[b];

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return a < b ? -1 : 1;
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
		tmp[k++] = cmp_start(v[i], v[j], p) <= 0 ? v[i++] : v[j++];
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

/* The longest walk between two rooms under p's rule (an upper bound is enough). */
static int64_t longest_travel(const struct solve_problem *p)
{
	int64_t most = 0;

	if (p->room_travel) {
		size_t cells = p->room_zone ? (size_t)p->nzones * (size_t)p->nzones
					    : (size_t)p->nrooms * (size_t)p->nrooms;
		for (size_t c = 0; c < cells; c++)
			if (p->room_travel[c] > most)
				most = p->room_travel[c];
		return most;
	}
	return 3 * (int64_t)p->travel_seconds;
}

/* The chains and each item's entries into them. */
static void build(struct flow *f)
{
	size_t nrooms = (size_t)f->p->nrooms + 1; /* the plenaries' chain last */
	size_t *last = xmalloc(nrooms * sizeof(*last));

	for (size_t r = 0; r < nrooms; r++)
		last[r] = NONE;
	for (size_t t = 0; t < f->n; t++) {
		size_t chain = f->room[t] >= 0 ? (size_t)f->room[t] : nrooms - 1;
		f->chain_next[t] = NONE;
		if (last[chain] != NONE)
			f->chain_next[last[chain]] = t;
		last[chain] = t;
	}
	free(last);
	/* entries: the first item of t's room at or after first[t], walking its chain from t (past
	 * the items of the room that overlap t), and the first plenary, from a table of "the next
	 * plenary at or after i" */
	{
		size_t *next_plen = xmalloc((f->n + 1) * sizeof(*next_plen));
		next_plen[f->n] = NONE;
		for (size_t i = f->n; i-- > 0;)
			next_plen[i] = f->room[i] < 0 ? i : next_plen[i + 1];
		for (size_t t = 0; t < f->n; t++) {
			size_t u = f->chain_next[t];
			f->first[t] = first_from(f, t, f->end[t]);
			f->far[t] = f->room[t] < 0 ? f->first[t] : first_from(f, t, f->end[t] + f->max_travel);
			if (f->far[t] < f->first[t])
				f->far[t] = f->first[t];
			f->plen_entry[t] = f->room[t] < 0 || f->first[t] >= f->n ? NONE : next_plen[f->first[t]];
			/* t's room: along its chain from t to the first item at or after first[t] */
			if (f->room[t] < 0) {
				f->room_entry[t] = NONE;
				continue;
			}
			while (u != NONE && u < f->first[t])
				u = f->chain_next[u];
			f->room_entry[t] = u;
		}
		free(next_plen);
	}
}

static void heap_push(struct flow *f, int64_t d, size_t v)
{
	size_t i;

	f->heap = xgrow(f->heap, f->nheap + 1, &f->heap_alloc, sizeof(*f->heap));
	i = f->nheap++;
	while (i > 0 && f->heap[(i - 1) / 2].d > d) {
		f->heap[i] = f->heap[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	f->heap[i] = (struct heap_entry){ d, v };
}

static struct heap_entry heap_pop(struct flow *f)
{
	struct heap_entry top = f->heap[0], last = f->heap[--f->nheap];
	size_t i = 0;

	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= f->nheap)
			break;
		if (c + 1 < f->nheap && f->heap[c + 1].d < f->heap[c].d)
			c++;
		if (f->heap[c].d >= last.d)
			break;
		f->heap[i] = f->heap[c];
		i = c;
	}
	if (f->nheap)
		f->heap[i] = last;
	return top;
}

/* Initial potentials: shortest distances from S with no flow yet, in the acyclic order S, then
 * per item G(t), C(t), in(t), out(t), then T; a node nothing reaches keeps 0 (it is never
 * reached later either: reverse arcs need flow through it). */
static void initial_potentials(struct flow *f)
{
	int64_t *d = f->dist, best_t = 0;

	for (size_t v = 0; v < f->nodes; v++)
		d[v] = INF;
	d[NODE_S] = 0;
	for (size_t t = 0; t < f->n; t++)
		d[node_in(t)] = 0;	/* S -> in(t) */
#define LOWER(v, x) do { int64_t x_ = (x); if (x_ < d[v]) d[v] = x_; } while (0)
	for (size_t t = 0; t < f->n; t++) {
		size_t g = node_g(t), c = node_c(t);
		int64_t out;
		if (d[g] != INF) {
			if (t + 1 < f->n)
				LOWER(node_g(t + 1), d[g]);
			LOWER(node_in(t), d[g]);
		}
		if (d[c] != INF) {
			if (f->chain_next[t] != NONE)
				LOWER(node_c(f->chain_next[t]), d[c]);
			LOWER(node_in(t), d[c]);
		}
		out = d[node_in(t)] + f->cost[t];
		d[node_out(t)] = out;
		LOWER(NODE_T, out);
		if (f->room_entry[t] != NONE)
			LOWER(node_c(f->room_entry[t]), out);
		if (f->plen_entry[t] != NONE)
			LOWER(node_c(f->plen_entry[t]), out);
		if (f->far[t] < f->n)
			LOWER(node_g(f->far[t]), out + far_cost(f, t));
		for (size_t u = f->first[t]; u < f->far[t]; u++)
			if (f->room[u] >= 0 && f->room[u] != f->room[t] && follows(f, t, u))
				LOWER(node_in(u), out + 1);
	}
#undef LOWER
	if (d[NODE_T] > best_t)	/* S -> T */
		d[NODE_T] = best_t;
	for (size_t v = 0; v < f->nodes; v++)
		f->pot[v] = d[v] == INF ? 0 : d[v];
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
		heap_push(f, d, to);
	}
}

/* Relaxes every residual arc leaving out(t). */
static void scan_out(struct flow *f, size_t t)
{
	size_t x = node_out(t);
	enum exit e = f->exit[t];
	size_t to = f->exit_to[t];

	if (f->chosen[t])
		relax(f, x, node_in(t), -f->cost[t]);
	if (e != EXIT_SINK)
		relax(f, x, NODE_T, 0);
	if (f->room_entry[t] != NONE && !(e == EXIT_CHAIN && to == f->room_entry[t]))
		relax(f, x, node_c(f->room_entry[t]), 0);
	if (f->plen_entry[t] != NONE && !(e == EXIT_CHAIN && to == f->plen_entry[t]))
		relax(f, x, node_c(f->plen_entry[t]), 0);
	if (f->far[t] < f->n && !(e == EXIT_GLOBAL && to == f->far[t]))
		relax(f, x, node_g(f->far[t]), far_cost(f, t));
	for (size_t u = f->first[t]; u < f->far[t]; u++)
		if (!(e == EXIT_WINDOW && to == u) && !f->done[node_in(u)] && f->room[u] >= 0 &&
		    f->room[u] != f->room[t] && follows(f, t, u))
			relax(f, x, node_in(u), 1);
}

/* Relaxes every residual arc leaving node x. */
static void scan(struct flow *f, size_t x)
{
	if (x == NODE_S) {
		for (size_t t = 0; t < f->n; t++)
			if (!f->from_s[t])
				relax(f, x, node_in(t), 0);
		if (f->st_flow < f->k)
			relax(f, x, NODE_T, 0);
		return;
	}
	if (x == NODE_T) {
		for (size_t t = 0; t < f->n; t++)
			if (f->exit[t] == EXIT_SINK)
				relax(f, x, node_out(t), 0);
		if (f->st_flow > 0)
			relax(f, x, NODE_S, 0);
		return;
	}
	size_t t = (x - 2) / 4;
	switch ((x - 2) % 4) {
	case 0: /* in(t) */
		if (!f->chosen[t])
			relax(f, x, node_out(t), f->cost[t]);
		if (f->from_s[t])
			relax(f, x, NODE_S, 0);
		if (f->off_g[t])
			relax(f, x, node_g(t), 0);
		if (f->off_c[t])
			relax(f, x, node_c(t), 0);
		if (f->win_prev[t] != NONE)
			relax(f, x, node_out(f->win_prev[t]), -1);
		break;
	case 1:
		scan_out(f, t);
		break;
	case 2: /* G(t) */
		if (t + 1 < f->n)
			relax(f, x, node_g(t + 1), 0);
		relax(f, x, node_in(t), 0);
		if (t > 0 && f->g_flow[t - 1])
			relax(f, x, node_g(t - 1), 0);
		for (size_t h = f->g_head[t]; h != NONE; h = f->list_next[h])
			relax(f, x, node_out(h), -far_cost(f, h));
		break;
	default: /* C(t) */
		if (f->chain_next[t] != NONE)
			relax(f, x, node_c(f->chain_next[t]), 0);
		relax(f, x, node_in(t), 0);
		for (size_t h = f->c_head[t]; h != NONE; h = f->list_next[h])
			relax(f, x, node_out(h), 0);
		break;
	}
}

/* The chain predecessor arcs: C(u) -> C(t) reverse exists when the unit count on C(u) -> C(t)
 * is positive; found by the chain's previous item, kept in c_prev. */
static void scan_c_back(struct flow *f, size_t t, const size_t *c_prev)
{
	size_t u = c_prev[t];

	if (u != NONE && f->c_flow[u])
		relax(f, node_c(t), node_c(u), 0);
}

/* One shortest path from S to T on reduced costs; returns its true cost. */
static int64_t shortest_path(struct flow *f, const size_t *c_prev)
{
	int64_t cap;

	for (size_t v = 0; v < f->nodes; v++) {
		f->dist[v] = INF;
		f->parent[v] = NONE;
		f->done[v] = false;
	}
	f->dist[NODE_S] = 0;
	f->nheap = 0;
	heap_push(f, 0, NODE_S);
	while (f->nheap) {
		struct heap_entry e = heap_pop(f);
		size_t x = e.v;
		if (f->done[x] || e.d != f->dist[x])
			continue;
		f->done[x] = true;
		if (x == NODE_T)
			break;
		scan(f, x);
		if (x >= 2 && (x - 2) % 4 == 3)
			scan_c_back(f, (x - 2) / 4, c_prev);
	}
	/* new potentials, capped at the sink's distance (nodes beyond it keep their reduced costs
	 * non-negative) */
	cap = f->dist[NODE_T];
	for (size_t v = 0; v < f->nodes; v++)
		f->pot[v] += f->dist[v] < cap ? f->dist[v] : cap;
	return f->pot[NODE_T] - f->pot[NODE_S];
}

static void list_add(struct flow *f, size_t *head, size_t t)
{
	f->list_prev[t] = NONE;
	f->list_next[t] = *head;
	if (*head != NONE)
		f->list_prev[*head] = t;
	*head = t;
}

static void list_remove(struct flow *f, size_t *head, size_t t)
{
	if (f->list_prev[t] != NONE)
		f->list_next[f->list_prev[t]] = f->list_next[t];
	else
		*head = f->list_next[t];
	if (f->list_next[t] != NONE)
		f->list_prev[f->list_next[t]] = f->list_prev[t];
}

/* out(t)'s unit leaves by (e, to) now, or no longer (e EXIT_NONE). */
static void set_exit(struct flow *f, size_t t, enum exit e, size_t to)
{
	switch (f->exit[t]) {
	case EXIT_WINDOW:
		f->win_prev[f->exit_to[t]] = NONE;
		break;
	case EXIT_GLOBAL:
		list_remove(f, &f->g_head[f->exit_to[t]], t);
		break;
	case EXIT_CHAIN:
		list_remove(f, &f->c_head[f->exit_to[t]], t);
		break;
	default:
		break;
	}
	f->exit[t] = e;
	f->exit_to[t] = to;
	switch (e) {
	case EXIT_WINDOW:
		f->win_prev[to] = t;
		break;
	case EXIT_GLOBAL:
		list_add(f, &f->g_head[to], t);
		break;
	case EXIT_CHAIN:
		list_add(f, &f->c_head[to], t);
		break;
	default:
		break;
	}
}

/* Sends one unit along the parent links from T back to S. */
static void augment(struct flow *f)
{
	size_t v = NODE_T;

	while (v != NODE_S) {
		size_t u = f->parent[v];
		size_t a = u >= 2 ? (u - 2) / 4 : NONE, b = v >= 2 ? (v - 2) / 4 : NONE;
		int ka = u >= 2 ? (int)((u - 2) % 4) : -1, kb = v >= 2 ? (int)((v - 2) % 4) : -1;

		if (u == NODE_S && v == NODE_T) {
			f->st_flow++;
		} else if (u == NODE_T && v == NODE_S) {
			f->st_flow--;
		} else if (u == NODE_S) {
			f->from_s[b] = true;
		} else if (v == NODE_S) {
			f->from_s[a] = false;
		} else if (v == NODE_T) {
			set_exit(f, a, EXIT_SINK, NONE);
		} else if (u == NODE_T) {
			if (f->exit[b] == EXIT_SINK)
				set_exit(f, b, EXIT_NONE, NONE);
		} else if (ka == 0 && kb == 1 && a == b) { /* in(a) -> out(a) */
			f->chosen[a] = true;
		} else if (ka == 1 && kb == 0 && a == b) { /* out(a) -> in(a), taken back */
			f->chosen[a] = false;
		} else if (ka == 1 && kb == 0) {          /* out(a) -> in(b): a window arc */
			set_exit(f, a, EXIT_WINDOW, b);
		} else if (ka == 1 && kb == 2) {          /* out(a) -> G(b) */
			set_exit(f, a, EXIT_GLOBAL, b);
		} else if (ka == 1 && kb == 3) {          /* out(a) -> C(b) */
			set_exit(f, a, EXIT_CHAIN, b);
		/* An exit taken back: the path goes on from out(b) by a new exit, set already (the
		 * path is followed from its end), so only an exit that is still this one is cleared. */
		} else if (ka == 0 && kb == 1) {          /* in(a) -> out(b): window arc back */
			if (f->exit[b] == EXIT_WINDOW && f->exit_to[b] == a)
				set_exit(f, b, EXIT_NONE, NONE);
		} else if (ka == 2 && kb == 1) {          /* G(a) -> out(b), taken back */
			if (f->exit[b] == EXIT_GLOBAL && f->exit_to[b] == a)
				set_exit(f, b, EXIT_NONE, NONE);
		} else if (ka == 3 && kb == 1) {          /* C(a) -> out(b), taken back */
			if (f->exit[b] == EXIT_CHAIN && f->exit_to[b] == a)
				set_exit(f, b, EXIT_NONE, NONE);
		} else if (ka == 2 && kb == 2) {
			if (b == a + 1)
				f->g_flow[a]++;
			else
				f->g_flow[b]--;
		} else if (ka == 3 && kb == 3) {
			if (f->chain_next[a] == b)
				f->c_flow[a]++;
			else
				f->c_flow[b]--;
		} else if (ka == 2 && kb == 0) {          /* G(a) -> in(a) */
			f->off_g[a] = true;
		} else if (ka == 0 && kb == 2) {
			f->off_g[a] = false;
		} else if (ka == 3 && kb == 0) {          /* C(a) -> in(a) */
			f->off_c[a] = true;
		} else if (ka == 0 && kb == 3) {
			f->off_c[a] = false;
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
	free(f->start);
	free(f->end);
	free(f->room);
	free(f->first);
	free(f->far);
	free(f->chain_next);
	free(f->room_entry);
	free(f->plen_entry);
	free(f->cost);
	free(f->chosen);
	free(f->from_s);
	free(f->off_g);
	free(f->off_c);
	free(f->g_flow);
	free(f->c_flow);
	free(f->exit);
	free(f->exit_to);
	free(f->win_prev);
	free(f->g_head);
	free(f->c_head);
	free(f->list_next);
	free(f->list_prev);
	free(f->pot);
	free(f->dist);
	free(f->parent);
	free(f->done);
	free(f->heap);
}

/* Each chosen item's successor in its member's day: through a window arc directly; through a
 * chain, the units that entered it are matched to the items they leave at, in order (any
 * matching of entries to later exits is a valid split of the flow into days, and every split
 * has the flow's total score; room changes are counted on the days as split). */
static void successors(const struct flow *f, size_t *succ)
{
	size_t nchains = (size_t)f->p->nrooms + 1;
	/* queues of units waiting on the global chain and on each room's chain */
	size_t *gq = xmalloc((f->n + 1) * sizeof(*gq)), gh = 0, gt = 0;
	size_t *ch = xmalloc(nchains * sizeof(*ch)), *ct = xmalloc(nchains * sizeof(*ct));
	size_t *qnext = xmalloc((f->n + 1) * sizeof(*qnext));

	for (size_t c = 0; c < nchains; c++)
		ch[c] = ct[c] = NONE;
	for (size_t t = 0; t < f->n; t++)
		succ[t] = f->exit[t] == EXIT_WINDOW ? f->exit_to[t] : NONE;
	for (size_t j = 0; j < f->n; j++) {
		size_t c = f->room[j] >= 0 ? (size_t)f->room[j] : nchains - 1;
		for (size_t h = f->g_head[j]; h != NONE; h = f->list_next[h])
			gq[gt++] = h;
		for (size_t h = f->c_head[j]; h != NONE; h = f->list_next[h]) {
			qnext[h] = NONE;
			if (ct[c] == NONE)
				ch[c] = h;
			else
				qnext[ct[c]] = h;
			ct[c] = h;
		}
		if (f->off_g[j] && gh < gt)
			succ[gq[gh++]] = j;
		if (f->off_c[j] && ch[c] != NONE) {
			succ[ch[c]] = j;
			ch[c] = qnext[ch[c]];
			if (ch[c] == NONE)
				ct[c] = NONE;
		}
	}
	free(gq);
	free(ch);
	free(ct);
	free(qnext);
}

/* Reads the members' days off the flow: each unit from S is one member. */
static void collect(const struct flow *f, int members, struct team_result *r)
{
	size_t *succ = xmalloc((f->n + 1) * sizeof(*succ));
	int m = 0;

	successors(f, succ);
	r->nmembers = members;
	r->member = xcalloc((size_t)members, sizeof(*r->member));
	r->nmember = xcalloc((size_t)members, sizeof(*r->nmember));
	/* heads in item order: members ordered by their first item */
	for (size_t t = 0; t < f->n && m < members; t++) {
		size_t len = 0, k = 0;
		if (!f->from_s[t])
			continue;
		for (size_t u = t; u != NONE; u = succ[u])
			len++;
		r->member[m] = xcalloc(len, sizeof(**r->member));
		for (size_t u = t; u != NONE; u = succ[u]) {
			const struct solve_item *x = &f->p->items[f->item[u]];
			r->member[m][k++] = f->item[u];
			r->total_score += x->score;
			if (succ[u] != NONE)
				r->room_changes += (int)change(f, u, succ[u]);
		}
		r->nmember[m++] = len;
	}
	free(succ);
}

#define ALLOC(field, count) (f.field = xcalloc((count) + 1, sizeof(*f.field)))

int team_solve(const struct solve_problem *p, int members, struct team_result *r)
{
	struct flow f;
	size_t *tmp, *c_prev = NULL;
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
	ALLOC(start, f.n);
	ALLOC(end, f.n);
	ALLOC(room, f.n);
	for (size_t t = 0; t < f.n; t++) {
		const struct solve_item *x = &p->items[f.item[t]];
		f.start[t] = x->start;
		f.end[t] = x->end;
		f.room[t] = x->room;
	}
	f.max_travel = longest_travel(p);
	ALLOC(first, f.n);
	ALLOC(far, f.n);
	ALLOC(chain_next, f.n);
	ALLOC(room_entry, f.n);
	ALLOC(plen_entry, f.n);
	build(&f);
	c_prev = xmalloc((f.n + 1) * sizeof(*c_prev));
	for (size_t t = 0; t < f.n; t++)
		c_prev[t] = NONE;
	for (size_t t = 0; t < f.n; t++)
		if (f.chain_next[t] != NONE)
			c_prev[f.chain_next[t]] = t;
	ALLOC(cost, f.n);
	ALLOC(chosen, f.n);
	ALLOC(from_s, f.n);
	ALLOC(off_g, f.n);
	ALLOC(off_c, f.n);
	ALLOC(g_flow, f.n);
	ALLOC(c_flow, f.n);
	ALLOC(exit, f.n);
	ALLOC(exit_to, f.n);
	ALLOC(win_prev, f.n);
	ALLOC(g_head, f.n);
	ALLOC(c_head, f.n);
	ALLOC(list_next, f.n);
	ALLOC(list_prev, f.n);
	for (size_t t = 0; t < f.n; t++) {
		f.exit_to[t] = f.win_prev[t] = f.g_head[t] = f.c_head[t] = NONE;
		f.list_next[t] = f.list_prev[t] = NONE;
	}
	f.nodes = 4 * f.n + 2;
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
		if (shortest_path(&f, c_prev) >= 0)
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
	free(c_prev);
	flow_release(&f);
	return ret;
}
