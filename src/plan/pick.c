/* pick.c: builds the solver's problem from the timetable, preferences and constraints, runs it,
 * and explains the plan (reasons, alternatives, blockers). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "pick.h"
#include "plan.h"
#include "prefs.h"
#include "solve.h"
#include "text.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"
#include "venue.h"

void pick_request_init(struct pick_request *rq, const struct schedule *s, const struct prefs *p)
{
	memset(rq, 0, sizeof(*rq));
	rq->s = s;
	rq->prefs = p;
	rq->day = -1;
	rq->travel_minutes = PICK_DEFAULT_TRAVEL;
}

void pick_request_release(struct pick_request *rq)
{
	strlist_release(&rq->must);
	strlist_release(&rq->avoid);
	for (size_t i = 0; i < rq->nbusy; i++)
		free(rq->busy[i].label);
	free(rq->busy);
	rq->busy = NULL;
	rq->nbusy = rq->busy_alloc = 0;
}

static void add_busy(struct pick_request *rq, int64_t start, int64_t end, char *label)
{
	rq->busy = xgrow(rq->busy, rq->nbusy + 1, &rq->busy_alloc, sizeof(*rq->busy));
	rq->busy[rq->nbusy].start = start;
	rq->busy[rq->nbusy].end = end;
	rq->busy[rq->nbusy].label = label;
	rq->nbusy++;
}

/* "HH:MM-HH:MM" → minutes since midnight; the end must be after the start. */
static int parse_span(const char *s, int *from, int *to, const char **rest)
{
	int h1, m1, h2, m2, n = 0;

	if (sscanf(s, "%2d:%2d-%2d:%2d%n", &h1, &m1, &h2, &m2, &n) != 4 || n < 11)
		return -1;
	if (h1 > 23 || m1 > 59 || h2 > 24 || m2 > 59 || (h2 == 24 && m2) || h1 < 0 || m1 < 0 ||
	    h2 < 0 || m2 < 0)
		return -1;
	*from = h1 * 60 + m1;
	*to = h2 * 60 + m2;
	if (*to <= *from)
		return -1;
	if (rest)
		*rest = s + n;
	return 0;
}

static int day_instant(const struct schedule *s, int y, int mo, int d, int minutes, int64_t *out)
{
	struct civil c = { y, mo, d, minutes / 60, minutes % 60, 0 };

	if (minutes == 24 * 60) {
		/* 24:00 is the next day's midnight */
		int64_t days = days_from_civil(y, mo, d) + 1;
		civil_from_days(days, &c.year, &c.month, &c.day);
		c.hour = 0;
		c.minute = 0;
	}
	return tz_from_civil(s->tz, &c, out);
}

int pick_add_break(struct pick_request *rq, const char *arg)
{
	const struct schedule *s = rq->s;
	const char *rest;
	int from, to;

	if (parse_span(arg, &from, &to, &rest) < 0 || *rest)
		return error_option(EX_USAGE, "break", arg, "expected HH:MM-HH:MM, e.g. 12:00-13:00");
	for (size_t i = 0; i < s->ndays; i++) {
		const struct day *d = &s->days[i];
		int64_t a, b;

		if (day_instant(s, d->year, d->month, d->day, from, &a) < 0 ||
		    day_instant(s, d->year, d->month, d->day, to, &b) < 0)
			return -1;
		/* a day that runs into the night: a break before it starts is in its night */
		if (b <= d->start) {
			int y, mo, dd;
			int64_t a2, b2;

			civil_from_days(days_from_civil(d->year, d->month, d->day) + 1, &y, &mo, &dd);
			if (day_instant(s, y, mo, dd, from, &a2) < 0 ||
			    day_instant(s, y, mo, dd, to, &b2) < 0)
				return -1;
			if (a2 < d->end) {
				a = a2;
				b = b2;
			}
		}
		add_busy(rq, a, b, xasprintf("break %s", arg));
	}
	return 0;
}

int pick_add_block(struct pick_request *rq, const char *arg)
{
	const char *rest;
	int y, mo, d, n = 0, from, to;
	int64_t a, b;

	if (sscanf(arg, "%4d-%2d-%2d %n", &y, &mo, &d, &n) != 3 || n < 11 || !civil_date_valid(y, mo, d) ||
	    parse_span(arg + n, &from, &to, &rest) < 0 || (*rest && *rest != ' '))
		return error_option(EX_USAGE, "block", arg, "expected \"YYYY-MM-DD HH:MM-HH:MM TEXT\"");
	if (day_instant(rq->s, y, mo, d, from, &a) < 0 || day_instant(rq->s, y, mo, d, to, &b) < 0)
		return -1;
	{
		const char *text = rest;
		while (*text == ' ')
			text++;
		add_busy(rq, a, b, xasprintf("block %.*s%s%s", (int)(rest - arg), arg, *text ? " " : "",
					     text));
	}
	return 0;
}

void pick_result_init(struct pick_result *r)
{
	memset(r, 0, sizeof(*r));
}

const char *pick_why(const struct pick_request *rq, const struct pick_result *r, size_t c)
{
	struct pick_candidate *pc = &r->cand[c];

	if (!pc->why) {
		struct strbuf why;

		strbuf_init(&why);
		prefs_score(rq->prefs, &rq->s->sessions[pc->session], &why);
		pc->why = strbuf_detach(&why);
	}
	return pc->why;
}

void pick_result_release(struct pick_result *r)
{
	for (size_t i = 0; i < r->ncand; i++) {
		free(r->cand[i].why);
		free(r->cand[i].excluded_by);
	}
	free(r->cand);
	free(r->chosen);
	free(r->alternative);
	pick_result_init(r);
}

static bool floors_known(const struct schedule *s)
{
	for (size_t i = 0; i < s->nrooms; i++)
		if (s->rooms[i].floor || s->rooms[i].building)
			return true;
	return false;
}

static int room_travel(const struct pick_request *rq, size_t a, size_t b)
{
	return (int)venue_travel(rq->s, a, b, rq->travel_minutes * 60);
}

/* A room's building or floor name, for sorting. */
struct named {
	const char *name;
	size_t room;
};

static int cmp_named(const void *a, const void *b)
{
	return strcmp(((const struct named *)a)->name, ((const struct named *)b)->name);
}

/* Numbers the rooms' buildings (or floors) for the solver: out[r] is the same number for rooms
 * whose names are equal, -1 for a room without one; numbers are in 0..nrooms-1.  The solver's
 * travel rule on these numbers is room_travel()'s.  Caller frees. */
static int *number_rooms(const struct schedule *s, bool floors)
{
	size_t n = s->nrooms, m = 0;
	struct named *v = xcalloc(n ? n : 1, sizeof(*v));
	int *out = xcalloc(n ? n : 1, sizeof(*out)), next = -1;

	for (size_t r = 0; r < n; r++) {
		const char *name = floors ? s->rooms[r].floor : s->rooms[r].building;
		out[r] = -1;
		if (name)
			v[m++] = (struct named){ name, r };
	}
	qsort(v, m, sizeof(*v), cmp_named);
	for (size_t k = 0; k < m; k++) {
		if (!k || strcmp(v[k - 1].name, v[k].name))
			next++;
		out[v[k].room] = next;
	}
	free(v);
	return out;
}

static bool text_eq(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* With walks the user set: the rooms in zones, and the walk between each two zones, for the
 * solver (solve.h).  A room a walk names is a zone of its own; the others are grouped by
 * building and floor.  Two rooms of one such zone have the same walk to every other room
 * (venue_travel: none set for them, their buildings and floors the same), so the walk between
 * two zones is the walk between any rooms of theirs, and within a zone the walk between two of
 * its rooms. */
static void zone_rooms(const struct pick_request *rq, struct pick_problem *pp)
{
	const struct schedule *s = rq->s;
	size_t nr = s->nrooms, nz = 0;
	bool *own = xcalloc(nr, sizeof(*own));
	size_t *rep = xmalloc(nr * sizeof(*rep)), *rep2 = xmalloc(nr * sizeof(*rep2));
	int *zone = xmalloc(nr * sizeof(*zone));

	for (size_t k = 0; k < s->nwalks; k++)
		own[s->walks[k].a] = own[s->walks[k].b] = true;
	for (size_t r = 0; r < nr; r++) {
		size_t z = nz;

		for (size_t y = 0; !own[r] && y < nz; y++)
			if (!own[rep[y]] && text_eq(s->rooms[rep[y]].building, s->rooms[r].building) &&
			    text_eq(s->rooms[rep[y]].floor, s->rooms[r].floor)) {
				z = y;
				break;
			}
		if (z == nz) {
			rep[nz] = r;
			rep2[nz++] = SIZE_MAX;
		} else if (rep2[z] == SIZE_MAX) {
			rep2[z] = r;
		}
		zone[r] = (int)z;
	}
	pp->matrix = xmalloc(nz * nz * sizeof(*pp->matrix));
	for (size_t a = 0; a < nz; a++)
		for (size_t b = 0; b < nz; b++)
			pp->matrix[a * nz + b] = a != b ? room_travel(rq, rep[a], rep[b])
					       : rep2[a] != SIZE_MAX ? room_travel(rq, rep[a], rep2[a]) : 0;
	pp->zones = zone;
	pp->p.room_travel = pp->matrix;
	pp->p.room_zone = pp->zones;
	pp->p.nzones = (int)nz;
	free(own);
	free(rep);
	free(rep2);
}

int pick_travel(const struct pick_request *rq, const struct session *a, const struct session *b)
{
	if (a->nrooms != 1 || b->nrooms != 1)
		return 0;
	return room_travel(rq, a->rooms[0], b->rooms[0]);
}

/* "\"ID\" (title, 10:00-10:40, room)" for messages; caller frees. */
static char *describe(const struct schedule *s, const struct session *se)
{
	char span[FORMAT_SPAN_MAX], *room = session_room_label(s, se);
	char *title = text_sanitize(se->title), *cut = text_truncate(title, 40), *out;

	format_span(s->tz, se->start, se->end, span, sizeof(span));
	out = xasprintf("\"%s\" (%s, %s, %s)", text_inert(se->id), cut, span,
			*room ? text_inert(room) : "no room");
	free(room);
	free(title);
	free(cut);
	return out;
}

static int unknown_session(const struct schedule *s, const char *opt, const char *id)
{
	const char *best = schedule_nearest_session(s, id);

	if (best)
		return error(EX_DATAERR, "%s '%s': no such session in %s (did you mean '%s'?)", opt, id,
			     s->conf.name, best);
	return error(EX_DATAERR, "%s '%s': no such session in %s (see 'planner list')", opt, id,
		     s->conf.name);
}

static int check_ids(const struct schedule *s, const struct strlist *ids, const char *opt)
{
	for (size_t i = 0; i < ids->n; i++) {
		long k = schedule_find_session(s, ids->v[i]);
		if (k < 0)
			return unknown_session(s, opt, ids->v[i]);
		if (!s->sessions[k].scheduled && !strcmp(opt, "--must"))
			return error(EX_DATAERR, "--must '%s': the session is not scheduled (it has no %s)",
				     ids->v[i], s->sessions[k].has_time ? "room" : "time");
		if (!strcmp(opt, "--must") && strlist_find(ids, ids->v[i]) != (long)i)
			continue;
	}
	return 0;
}

static int pin_conflict_error(const struct pick_request *rq, const struct session *a,
			      const struct session *b)
{
	char *da, *db;
	int64_t overlap, gap, need;
	int ret;

	if (a->start > b->start) {
		const struct session *t = a;
		a = b;
		b = t;
	}
	da = describe(rq->s, a);
	db = describe(rq->s, b);
	overlap = (a->end < b->end ? a->end : b->end) - b->start;
	need = pick_travel(rq, a, b);
	gap = b->start - a->end;
	if (overlap > 0)
		ret = error(EX_DATAERR, "pinned sessions %s and %s overlap by %lld minutes", da, db,
			    (long long)duration_minutes(overlap));
	else
		ret = error(EX_DATAERR, "pinned sessions %s and %s leave %lld of the %lld minutes "
			    "needed to change rooms", da, db, (long long)(gap / 60),
			    (long long)(need / 60));
	free(da);
	free(db);
	return ret;
}

static bool overlaps(int64_t a0, int64_t a1, int64_t b0, int64_t b1)
{
	return a0 < b1 && b0 < a1;
}

/* The planned session before / after planned session i on its day, or NULL (sessions are in
 * time order). */
static const struct session *planned_neighbour(const struct schedule *s, const bool *planned,
					       size_t i, int dir)
{
	for (long j = (long)i + dir; j >= 0 && (size_t)j < s->nsessions; j += dir) {
		const struct session *x = &s->sessions[j];
		if (x->day != s->sessions[i].day)
			return NULL;
		if (planned[j])
			return x;
	}
	return NULL;
}

long pick_busy_at(const struct pick_request *rq, const struct session *x)
{
	for (size_t b = 0; b < rq->nbusy; b++)
		if (overlaps(x->start, x->end, rq->busy[b].start, rq->busy[b].end))
			return (long)b;
	return -1;
}

long *pick_saved_alternatives(const struct schedule *s, const struct plan *p,
			      struct pick_settings *saved, const bool *planned)
{
	long *alt = xmalloc((s->nsessions ? s->nsessions : 1) * sizeof(*alt));
	struct pick_request rq;

	pick_request_init(&rq, s, &saved->prefs);
	if (p)
		pick_request_saved(&rq, saved, p);
	pick_alternatives(&rq, planned, alt);
	pick_request_release(&rq);
	return alt;
}

/* pick_alternatives(), with the points of session j points[j] when points is not NULL (pick
 * has them already). */
static void alternatives(const struct pick_request *rq, const bool *planned,
			 const int64_t *points, long *alt)
{
	const struct schedule *s = rq->s;
	/* Sessions are in time order (schedule_finish): a day's are consecutive, from first[day];
	 * none from the first that starts when a session ends on can overlap it, and none up to
	 * the planned session before it leaves the time to walk from that one. */
	size_t *first = xcalloc(s->ndays ? s->ndays : 1, sizeof(*first));
	/* no walk takes longer: a session this long after another needs no look at the rooms */
	int64_t longest = venue_longest_walk(s, rq->travel_minutes * 60);

	for (size_t i = s->nsessions; i-- > 0;)
		if (s->sessions[i].day >= 0 && (size_t)s->sessions[i].day < s->ndays)
			first[s->sessions[i].day] = i;
	for (size_t i = 0; i < s->nsessions; i++) {
		const struct session *me = &s->sessions[i], *prev, *next;
		long best = -1;
		int64_t best_points = 0;
		int best_changes = 0;

		alt[i] = -1;
		if (!planned[i] || !me->has_time || me->start == me->end)
			continue;	/* an instant has no room to be full */
		prev = planned_neighbour(s, planned, i, -1);
		next = planned_neighbour(s, planned, i, +1);
		for (size_t j = prev ? (size_t)(prev - s->sessions) + 1
			      : me->day >= 0 && (size_t)me->day < s->ndays ? first[me->day] : 0;
		     j < s->nsessions && s->sessions[j].has_time &&
		     s->sessions[j].start < me->end; j++) {
			const struct session *x = &s->sessions[j];
			int64_t pts;
			int changes;

			if (j == i || planned[j] || !x->scheduled || x->day != me->day ||
			    x->type == SESSION_BREAK || x->start == x->end ||
			    !overlaps(x->start, x->end, me->start, me->end) ||
			    (prev && prev->end + longest > x->start &&
			     prev->end + pick_travel(rq, prev, x) > x->start) ||
			    (next && x->end + longest > next->start &&
			     x->end + pick_travel(rq, x, next) > next->start) ||
			    strlist_find(&rq->avoid, x->id) >= 0 || pick_busy_at(rq, x) >= 0)
				continue;
			pts = points ? points[j] : rq->prefs ? prefs_score(rq->prefs, x, NULL) : 0;
			changes = session_room_change(prev, x) + session_room_change(x, next);
			if (best < 0 || pts > best_points ||
			    (pts == best_points && (changes < best_changes ||
			     (changes == best_changes && x->end < s->sessions[best].end)))) {
				best = (long)j;
				best_points = pts;
				best_changes = changes;
			}
		}
		alt[i] = best;
	}
	free(first);
}

void pick_alternatives(const struct pick_request *rq, const bool *planned, long *alt)
{
	alternatives(rq, planned, NULL, alt);
}

/* The candidate of session i (r->cand is in session order), or SIZE_MAX. */
static size_t cand_of(const struct pick_result *r, size_t i)
{
	size_t lo = 0, hi = r->ncand;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (r->cand[mid].session < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < r->ncand && r->cand[lo].session == i ? lo : SIZE_MAX;
}

/* r->alternative for the chosen candidates, by pick_alternatives() (with the candidates' points,
 * not scored again). */
static void chosen_alternatives(const struct pick_request *rq, struct pick_result *r)
{
	const struct schedule *s = rq->s;
	bool *planned = xcalloc(s->nsessions ? s->nsessions : 1, sizeof(*planned));
	long *alt = xmalloc((s->nsessions ? s->nsessions : 1) * sizeof(*alt));
	int64_t *points = xcalloc(s->nsessions ? s->nsessions : 1, sizeof(*points));

	for (size_t c = 0; c < r->ncand; c++)
		points[r->cand[c].session] = r->cand[c].points;
	for (size_t k = 0; k < r->nchosen; k++)
		planned[r->cand[r->chosen[k]].session] = true;
	alternatives(rq, planned, points, alt);
	for (size_t k = 0; k < r->nchosen; k++) {
		long a = alt[r->cand[r->chosen[k]].session];
		/* an alternative is a scheduled session of the same day, so it is a candidate */
		r->alternative[k] = a >= 0 ? cand_of(r, (size_t)a) : SIZE_MAX;
	}
	free(planned);
	free(alt);
	free(points);
}

void pick_settings_init(struct pick_settings *st)
{
	memset(st, 0, sizeof(*st));
	prefs_init(&st->prefs);
	st->travel_minutes = PICK_DEFAULT_TRAVEL;
}

void pick_settings_release(struct pick_settings *st)
{
	prefs_release(&st->prefs);
	strlist_release(&st->breaks);
	strlist_release(&st->blocks);
}

static int parse_count(const char *opt, const char *arg, int max, int *out)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (!*arg || *end || v < 0 || v > max)
		return error(EX_USAGE, "--%s '%s': expected a whole number from 0 to %d", opt, arg, max);
	*out = (int)v;
	return 0;
}

int pick_settings_apply(struct pick_settings *st, const char *name, const char *value)
{
	int kind = pref_kind_parse(name), r = 0;

	if (kind >= 0 && kind != PREF_KEYNOTE && kind != PREF_UNRECORDED) {
		if (!value)
			return 0;
		r = prefs_add(&st->prefs, (enum pref_kind)kind, value);
	} else if (!strcmp(name, "weight") && value) {
		r = prefs_set_weight(&st->prefs, value);
	} else if (!strcmp(name, "no-keynotes")) {
		st->prefs.keynotes = false;
	} else if (!strcmp(name, "fill")) {
		st->fill = true;
	} else if (!strcmp(name, "prefer-unrecorded")) {
		st->prefs.unrecorded = true;
	} else if (!strcmp(name, "break") && value) {
		strlist_push(&st->breaks, value);
	} else if (!strcmp(name, "block") && value) {
		strlist_push(&st->blocks, value);
	} else if (!strcmp(name, "max-per-day") && value) {
		r = parse_count(name, value, PICK_MAX_PER_DAY_MAX, &st->max_per_day);
	} else if (!strcmp(name, "travel") && value) {
		r = parse_count(name, value, PICK_TRAVEL_MAX, &st->travel_minutes);
	} else {
		return 0;
	}
	return r < 0 ? -1 : 1;
}

/* st into rq; a break or block that cannot be read stops it (0 or -1, error() set) unless
 * keep_going, which skips it (a saved plan's, replayed as far as it can be). */
static int settings_into(const struct pick_settings *st, struct pick_request *rq, bool keep_going)
{
	rq->travel_minutes = st->travel_minutes;
	rq->max_per_day = st->max_per_day;
	rq->fill = st->fill;
	for (size_t i = 0; i < st->breaks.n; i++)
		if (pick_add_break(rq, st->breaks.v[i]) < 0 && !keep_going)
			return -1;
	for (size_t i = 0; i < st->blocks.n; i++)
		if (pick_add_block(rq, st->blocks.v[i]) < 0 && !keep_going)
			return -1;
	return 0;
}

int pick_settings_request(const struct pick_settings *st, struct pick_request *rq)
{
	return settings_into(st, rq, false);
}

void pick_request_saved(struct pick_request *rq, struct pick_settings *st, const struct plan *p)
{
	settings_into(st, rq, true);
	prefs_resolve(&st->prefs, rq->s, NULL);	/* a track the timetable no longer has scores nothing */
	error_clear();
	if (p->travel_minutes >= 0)
		rq->travel_minutes = p->travel_minutes;
	for (size_t i = 0; i < p->avoided.n; i++)
		if (strlist_find(&rq->avoid, p->avoided.v[i]) < 0)
			strlist_push(&rq->avoid, p->avoided.v[i]);
	for (size_t i = 0; i < p->dropped.n; i++)
		if (strlist_find(&rq->avoid, p->dropped.v[i]) < 0)
			strlist_push(&rq->avoid, p->dropped.v[i]);
}

void pick_problem_release(struct pick_problem *pp)
{
	free(pp->items);
	free(pp->buildings);
	free(pp->floors);
	free(pp->matrix);
	free(pp->zones);
	memset(pp, 0, sizeof(*pp));
}

int pick_problem(const struct pick_request *rq, struct pick_result *r, struct pick_problem *pp)
{
	const struct schedule *s = rq->s;
	struct solve_item *items;
	size_t n;
	int64_t scale = 1;

	pick_result_init(r);
	memset(pp, 0, sizeof(*pp));
	if (check_ids(s, &rq->must, "--must") < 0 || check_ids(s, &rq->avoid, "--avoid") < 0)
		return -1;
	for (size_t i = 0; i < rq->must.n; i++)
		if (strlist_find(&rq->avoid, rq->must.v[i]) >= 0)
			return error(EX_USAGE, "session '%s' is both pinned (--must) and avoided (--avoid)",
				     rq->must.v[i]);

	/* each candidate set in full as it is added: the rest is never read; the array's pages
	 * mapped at once (a fresh page a dozen candidates otherwise faults on its first write) */
	r->cand = xmalloc_prefaulted(s->nsessions ? s->nsessions : 1, sizeof(*r->cand));
	for (size_t i = 0; i < s->nsessions; i++) {
		const struct session *se = &s->sessions[i];
		struct pick_candidate *c;

		if (!se->scheduled || (rq->day >= 0 && se->day != rq->day))
			continue;
		c = &r->cand[r->ncand++];
		*c = (struct pick_candidate){ .session = i };
		c->room = se->nrooms == 1 ? (int)se->rooms[0] : -1;
		c->points = prefs_score(rq->prefs, se, NULL);	/* the reasons: pick_why() */
		c->pinned = strlist_find(&rq->must, se->id) >= 0;
		if (strlist_find(&rq->avoid, se->id) >= 0) {
			c->excluded = true;
			c->excluded_by = xstrdup("avoided");
		}
		for (size_t b = 0; !c->excluded && b < rq->nbusy; b++)
			if (se->start < rq->busy[b].end && rq->busy[b].start < se->end) {
				if (c->pinned) {
					char *d = describe(s, se);
					error(EX_DATAERR, "pinned session %s falls in %s", d, rq->busy[b].label);
					free(d);
					pick_result_release(r);
					return -1;
				}
				c->excluded = true;
				c->excluded_by = xstrdup(rq->busy[b].label);
			}
	}
	n = r->ncand;
	/* With --fill every session is worth a little, but never enough to outweigh a point. */
	if (rq->fill)
		scale = (int64_t)n + 1;
	/* each set in full below; the pages mapped at once, as the candidates' */
	items = pp->items = xmalloc_prefaulted(n ? n : 1, sizeof(*items));
	for (size_t k = 0; k < n; k++) {
		struct pick_candidate *c = &r->cand[k];
		const struct session *se = &s->sessions[c->session];

		c->score = c->points * scale + (rq->fill ? 1 : 0);
		items[k] = (struct solve_item){
			.start = se->start,
			.end = se->end,
			.room = c->room,
			.day = se->day,
			.score = c->score,
			.pinned = c->pinned,
			/* A session no preference asked for is never chosen to fill time, unless
			 * --fill. */
			.excluded = c->excluded || (!c->score && !c->pinned),
		};
	}
	pp->p.items = items;
	pp->p.nitems = n;
	pp->p.nrooms = (int)s->nrooms;
	pp->p.travel_seconds = rq->travel_minutes * 60;
	pp->p.max_per_day = rq->max_per_day;
	/* room_travel()'s rule: with walks the user set, as a matrix between zones of rooms (the
	 * solver then searches each zone's sessions from each item); else the solver's own rule,
	 * on numbered buildings and floors (at most 9 searches an item, whatever the rooms) */
	if (schedule_has_walks(s) && s->nrooms) {
		zone_rooms(rq, pp);
	} else if (floors_known(s) && s->nrooms) {
		pp->buildings = number_rooms(s, false);
		pp->floors = number_rooms(s, true);
		pp->p.room_building = pp->buildings;
		pp->p.room_floor = pp->floors;
	}
	return 0;
}

int pick_room_changes(const struct pick_request *rq, const struct pick_result *r,
		      const size_t *chosen, size_t n)
{
	const struct schedule *s = rq->s;
	int changes = 0;

	/* The solvers' counts take a night between two days for a room change: not here. */
	for (size_t k = 1; k < n; k++) {
		const struct session *a = &s->sessions[r->cand[chosen[k - 1]].session];
		const struct session *b = &s->sessions[r->cand[chosen[k]].session];
		if (a->day == b->day && session_room_change(a, b))
			changes++;
	}
	return changes;
}

int pick_run(const struct pick_request *rq, struct pick_result *r)
{
	const struct schedule *s = rq->s;
	struct pick_problem pp;
	struct solve_result sr;

	if (pick_problem(rq, r, &pp) < 0)
		return -1;
	solve_result_init(&sr);
	if (solve(&pp.p, &sr) < 0) {
		if (sr.conflict_a != SIZE_MAX && sr.conflict_b != SIZE_MAX && sr.conflict_a != sr.conflict_b)
			pin_conflict_error(rq, &s->sessions[r->cand[sr.conflict_a].session],
					   &s->sessions[r->cand[sr.conflict_b].session]);
		else if (rq->max_per_day)
			error(EX_DATAERR, "more sessions are pinned on one day than --max-per-day %d allows",
			      rq->max_per_day);
		solve_result_release(&sr);
		pick_problem_release(&pp);
		pick_result_release(r);
		return -1;
	}
	r->chosen = sr.chosen;
	r->nchosen = sr.nchosen;
	r->alternative = sr.alternative;
	r->total_score = sr.total_score;
	sr.chosen = NULL;
	sr.alternative = NULL;
	solve_result_release(&sr);
	r->room_changes = pick_room_changes(rq, r, r->chosen, r->nchosen);
	for (size_t k = 0; k < r->nchosen; k++)
		r->total_points += r->cand[r->chosen[k]].points;
	chosen_alternatives(rq, r);
	pick_problem_release(&pp);
	return 0;
}

size_t pick_blockers(const struct pick_request *rq, const struct pick_result *r, size_t c,
		     size_t *out, size_t max)
{
	const struct session *x = &rq->s->sessions[r->cand[c].session];
	size_t m = 0;

	for (size_t k = 0; k < r->nchosen && m < max; k++) {
		const struct session *y = &rq->s->sessions[r->cand[r->chosen[k]].session];
		bool fits = x->end + pick_travel(rq, x, y) <= y->start ||
			    y->end + pick_travel(rq, y, x) <= x->start;
		if (!fits)
			out[m++] = r->chosen[k];
	}
	return m;
}
