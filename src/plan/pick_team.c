/* pick_team.c: pick for a team (see pick_team.h for the method and when it is exact). */
#include "pick_team.h"

#include <stdlib.h>
#include <string.h>

#include "schedule.h"
#include "solve.h"
#include "team.h"
#include "text.h"
#include "util.h"

#define NONE SIZE_MAX

void pick_team_init(struct pick_team *t)
{
	memset(t, 0, sizeof(*t));
	pick_result_init(&t->r);
}

void pick_team_release(struct pick_team *t)
{
	for (int i = 0; i < t->nmembers; i++)
		free(t->member[i]);
	free(t->member);
	free(t->nmember);
	free(t->room_changes);
	pick_result_release(&t->r);
	pick_team_init(t);
}

struct work {
	const struct pick_request *rq;
	struct pick_member *m;
	int n;
	struct pick_team *t;
	struct pick_problem pp;
	int *owner;          /* per candidate: the member who pinned it, or -1 */
	bool *base_excluded; /* per candidate: excluded for everyone */
	bool *team_pin;      /* per candidate: a pin of the whole team (--must) */
	size_t *npins;       /* per member */
};

static const struct session *cand_session(const struct work *w, size_t c)
{
	return &w->rq->s->sessions[w->t->r.cand[c].session];
}

/* Candidate c falls in one of member i's own blocks. */
static bool blocked(const struct work *w, int i, size_t c)
{
	const struct session *se = cand_session(w, c);
	const struct pick_request *own = &w->m[i].own;

	for (size_t b = 0; b < own->nbusy; b++)
		if (se->start < own->busy[b].end && own->busy[b].start < se->end)
			return true;
	return false;
}

static bool constrained(const struct work *w, int i)
{
	return w->npins[i] > 0 || w->m[i].own.nbusy > 0;
}

/* Marks every member's pins; -1 with error() set for one that cannot be. */
static int member_pins(struct work *w)
{
	const struct schedule *s = w->rq->s;
	struct pick_result *r = &w->t->r;
	long *cand_of = xmalloc((s->nsessions ? s->nsessions : 1) * sizeof(*cand_of));
	int ret = -1;

	for (size_t i = 0; i < s->nsessions; i++)
		cand_of[i] = -1;
	for (size_t c = 0; c < r->ncand; c++)
		cand_of[r->cand[c].session] = (long)c;
	for (int i = 0; i < w->n; i++) {
		const struct strlist *pins = &w->m[i].own.must;
		for (size_t k = 0; k < pins->n; k++) {
			long si = schedule_find_session(s, pins->v[k]), c;
			const char *id = text_inert(pins->v[k]);
			if (si < 0) {
				error(EX_DATAERR, "--member %s --pin '%s': no such session",
				      w->m[i].name, id);
				goto out;
			}
			c = cand_of[si];
			if (c < 0) {
				error(EX_DATAERR, "--member %s --pin '%s': the session is not on the days "
				      "planned or has no time and room", w->m[i].name, id);
				goto out;
			}
			if (r->cand[c].excluded) {
				error(EX_DATAERR, "--member %s --pin '%s': the session is %s", w->m[i].name,
				      id, r->cand[c].excluded_by ? r->cand[c].excluded_by : "excluded");
				goto out;
			}
			if (w->owner[c] >= 0 && w->owner[c] != i) {
				error(EX_DATAERR, "session '%s' is pinned for both %s and %s", id,
				      w->m[w->owner[c]].name, w->m[i].name);
				goto out;
			}
			if (blocked(w, i, (size_t)c)) {
				error(EX_DATAERR, "--member %s --pin '%s': the session falls in one of %s's "
				      "blocks", w->m[i].name, id, w->m[i].name);
				goto out;
			}
			if (w->owner[c] < 0)
				w->npins[i]++;
			w->owner[c] = i;
		}
	}
	ret = 0;
out:
	free(cand_of);
	return ret;
}

/* Sets up the flow's items for `members` members: excluded are candidates excluded for
 * everyone or in `taken`; pinned are team pins and, when `with_members`, members' pins. */
static void set_items(struct work *w, const bool *taken, bool with_members)
{
	struct solve_item *it = w->pp.items;

	for (size_t c = 0; c < w->t->r.ncand; c++) {
		bool pin = (w->team_pin[c] || (with_members && w->owner[c] >= 0)) && !(taken && taken[c]);
		it[c].pinned = pin;
		it[c].excluded = w->base_excluded[c] || (taken && taken[c]) ||
				 (!pin && !it[c].score);
	}
}

/* Path j (team_result) can be member i's day. */
static bool fits_member(const struct work *w, const struct team_result *tr, int j, int i)
{
	size_t own = 0;

	for (size_t k = 0; k < tr->nmember[j]; k++) {
		size_t c = tr->member[j][k];
		if (w->owner[c] >= 0 && w->owner[c] != i)
			return false;
		if (blocked(w, i, c))
			return false;
		own += w->owner[c] == i;
	}
	return own == w->npins[i];
}

static bool augment(const struct work *w, const struct team_result *tr, int i, int *path_of,
		    int *member_of, bool *seen)
{
	/* a free day first, so that members keep the order of the days when they can */
	for (int j = 0; j < w->n; j++) {
		if (member_of[j] < 0 && !seen[j] && fits_member(w, tr, j, i)) {
			member_of[j] = i;
			path_of[i] = j;
			return true;
		}
	}
	for (int j = 0; j < w->n; j++) {
		if (seen[j] || !fits_member(w, tr, j, i))
			continue;
		seen[j] = true;
		if (augment(w, tr, member_of[j], path_of, member_of, seen)) {
			member_of[j] = i;
			path_of[i] = j;
			return true;
		}
	}
	return false;
}

/* Hands the flow's days to the members (Kuhn's matching); false when no way fits them all. */
static bool match(const struct work *w, const struct team_result *tr, int *path_of)
{
	int *member_of = xmalloc((size_t)w->n * sizeof(*member_of));
	bool *seen = xmalloc((size_t)w->n * sizeof(*seen)), all = true;

	for (int j = 0; j < w->n; j++)
		member_of[j] = -1;
	for (int i = 0; i < w->n && all; i++) {
		memset(seen, 0, (size_t)w->n * sizeof(*seen));
		all = augment(w, tr, i, path_of, member_of, seen);
	}
	free(member_of);
	free(seen);
	return all;
}

static void give(struct pick_team *t, int i, const size_t *v, size_t n)
{
	free(t->member[i]);
	t->member[i] = xmalloc((n ? n : 1) * sizeof(**t->member));
	if (n)
		memcpy(t->member[i], v, n * sizeof(*v));
	t->nmember[i] = n;
}

static int pins_error(const struct work *w, size_t c, int members)
{
	const struct session *se = cand_session(w, c);

	return error(EX_DATAERR, "the pinned sessions need more than %d member%s at once (%s cannot "
		     "be attended)", members, members == 1 ? "" : "s", text_inert(se->id));
}

/* The members with constraints one at a time, then the others together (not proven best). */
static int one_by_one(struct work *w)
{
	struct pick_team *t = w->t;
	size_t ncand = t->r.ncand;
	bool *taken;
	int *rest, nrest = 0, ret = -1;
	struct solve_result sr;
	struct team_result tr;
	int64_t bonus = 1, all;

	for (size_t c = 0; c < ncand; c++)
		if (__builtin_add_overflow(bonus, t->r.cand[c].score, &bonus))
			return error(EX_DATAERR, "team: scores too large");
	if (__builtin_mul_overflow(bonus, 2 * (int64_t)ncand + 2, &all))
		return error(EX_DATAERR, "team: scores too large");
	taken = xcalloc(ncand ? ncand : 1, sizeof(*taken));
	rest = xmalloc((size_t)w->n * sizeof(*rest));
	solve_result_init(&sr);
	team_result_init(&tr);
	for (int i = 0; i < w->n; i++) {
		if (!constrained(w, i)) {
			rest[nrest++] = i;
			continue;
		}
		/* the team's pins not yet covered are worth more than everything else together,
		 * so that this member takes them where they can */
		for (size_t c = 0; c < ncand; c++) {
			struct solve_item *x = &w->pp.items[c];
			x->score = t->r.cand[c].score + (w->team_pin[c] && !taken[c] ? bonus : 0);
			x->pinned = w->owner[c] == i;
			x->excluded = w->base_excluded[c] || taken[c] ||
				      (w->owner[c] >= 0 && w->owner[c] != i) || blocked(w, i, c) ||
				      (!x->pinned && !x->score);
		}
		ret = solve(&w->pp.p, &sr);
		for (size_t c = 0; c < ncand; c++)
			w->pp.items[c].score = t->r.cand[c].score;
		if (ret < 0) {
			error_prefix("%s", w->m[i].name);
			goto out;
		}
		give(t, i, sr.chosen, sr.nchosen);
		for (size_t k = 0; k < sr.nchosen; k++)
			taken[sr.chosen[k]] = true;
	}
	ret = -1;
	set_items(w, taken, false);
	if (nrest) {
		if (team_solve(&w->pp.p, nrest, &tr) < 0) {
			if (tr.unmet_pin != NONE)
				pins_error(w, tr.unmet_pin, nrest);
			goto out;
		}
		for (int j = 0; j < nrest; j++)
			give(t, rest[j], tr.member[j], tr.nmember[j]);
	} else {
		for (size_t c = 0; c < ncand; c++)
			if (w->team_pin[c] && !taken[c]) {
				pins_error(w, c, w->n);
				goto out;
			}
	}
	ret = 0;
out:
	solve_result_release(&sr);
	team_result_release(&tr);
	free(taken);
	free(rest);
	return ret;
}

static const struct pick_result *sort_r;
static const struct schedule *sort_s;
static int cmp_time(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	const struct session *p = &sort_s->sessions[sort_r->cand[x].session];
	const struct session *q = &sort_s->sessions[sort_r->cand[y].session];

	if (p->start != q->start)
		return p->start < q->start ? -1 : 1;
	if (p->end != q->end)
		return p->end < q->end ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* The totals: every session covered, in time order, and the points and room changes. */
static void totals(struct work *w)
{
	struct pick_team *t = w->t;
	size_t n = 0;

	for (int i = 0; i < w->n; i++)
		n += t->nmember[i];
	t->r.chosen = xmalloc((n ? n : 1) * sizeof(*t->r.chosen));
	t->r.alternative = xmalloc((n ? n : 1) * sizeof(*t->r.alternative));
	for (int i = 0; i < w->n; i++) {
		t->room_changes[i] = pick_room_changes(w->rq, &t->r, t->member[i], t->nmember[i]);
		t->r.room_changes += t->room_changes[i];
		for (size_t k = 0; k < t->nmember[i]; k++) {
			size_t c = t->member[i][k];
			t->r.chosen[t->r.nchosen] = c;
			t->r.alternative[t->r.nchosen++] = NONE;
			t->r.total_points += t->r.cand[c].points;
			t->r.total_score += t->r.cand[c].score;
		}
	}
	sort_r = &t->r;
	sort_s = w->rq->s;
	qsort(t->r.chosen, t->r.nchosen, sizeof(*t->r.chosen), cmp_time);
}

int pick_team_run(const struct pick_request *rq, struct pick_member *m, int n,
		  struct pick_team *t)
{
	struct work w;
	struct team_result tr;
	int *path_of = NULL, ret = -1;
	size_t ncand;

	pick_team_release(t);
	if (n < 1 || n > TEAM_MAX_MEMBERS)
		return error(EX_USAGE, "a team has 1 to %d members, not %d", TEAM_MAX_MEMBERS, n);
	if (rq->max_per_day)
		return error(EX_USAGE, "--max-per-day is not supported for a team");
	memset(&w, 0, sizeof(w));
	w.rq = rq;
	w.m = m;
	w.n = n;
	w.t = t;
	team_result_init(&tr);
	if (pick_problem(rq, &t->r, &w.pp) < 0)
		return -1;
	ncand = t->r.ncand;
	w.owner = xmalloc((ncand ? ncand : 1) * sizeof(*w.owner));
	w.base_excluded = xcalloc(ncand ? ncand : 1, sizeof(*w.base_excluded));
	w.team_pin = xcalloc(ncand ? ncand : 1, sizeof(*w.team_pin));
	w.npins = xcalloc((size_t)n, sizeof(*w.npins));
	for (size_t c = 0; c < ncand; c++) {
		w.owner[c] = -1;
		w.base_excluded[c] = t->r.cand[c].excluded;
		w.team_pin[c] = t->r.cand[c].pinned;
	}
	t->nmembers = n;
	t->member = xcalloc((size_t)n, sizeof(*t->member));
	t->nmember = xcalloc((size_t)n, sizeof(*t->nmember));
	t->room_changes = xcalloc((size_t)n, sizeof(*t->room_changes));
	if (member_pins(&w) < 0)
		goto out;
	for (size_t c = 0; c < ncand; c++)
		if (w.owner[c] >= 0)
			t->r.cand[c].pinned = true;
	set_items(&w, NULL, true);
	if (team_solve(&w.pp.p, n, &tr) < 0) {
		if (tr.unmet_pin != NONE)
			pins_error(&w, tr.unmet_pin, n);
		goto out;
	}
	path_of = xmalloc((size_t)n * sizeof(*path_of));
	if (match(&w, &tr, path_of)) {
		for (int i = 0; i < n; i++)
			give(t, i, tr.member[path_of[i]], tr.nmember[path_of[i]]);
		t->exact = true;
	} else if (one_by_one(&w) < 0) {
		goto out;
	}
	totals(&w);
	ret = 0;
out:
	team_result_release(&tr);
	pick_problem_release(&w.pp);
	free(path_of);
	free(w.owner);
	free(w.base_excluded);
	free(w.team_pin);
	free(w.npins);
	if (ret < 0)
		pick_team_release(t);
	return ret;
}
