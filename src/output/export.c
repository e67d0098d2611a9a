/* export.c: the events `planner export` writes — a saved plan's, or the timetable's that match
 * the filters. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "filter.h"
#include "pick.h"
#include "plan.h"
#include "util.h"

/* The "room full?" alternative of each planned session the timetable still has — the one pick
 * and print show too (pick_alternatives, with the plan's saved preferences). */
static void find_alternatives(const struct schedule *s, const struct plan *p,
			      struct pick_settings *saved, struct ics_event *ev, size_t n)
{
	bool *planned = xcalloc(s->nsessions ? s->nsessions : 1, sizeof(*planned));
	long *alt;

	for (size_t i = 0; i < n; i++)
		if (ev[i].se && !ev[i].cancelled)
			planned[ev[i].se - s->sessions] = true;
	alt = pick_saved_alternatives(s, p, saved, planned);
	for (size_t i = 0; i < n; i++) {
		long a = ev[i].se && !ev[i].cancelled ? alt[ev[i].se - s->sessions] : -1;
		if (a >= 0)
			ev[i].alternative = &s->sessions[a];
	}
	free(planned);
	free(alt);
}

static int64_t event_start(const struct ics_event *e)
{
	return e->se && !e->cancelled ? e->se->start : e->planned->start;
}

static int cmp_events(const void *a, const void *b)
{
	const struct ics_event *x = a, *y = b;
	int64_t sx = event_start(x), sy = event_start(y);

	if (sx != sy)
		return sx < sy ? -1 : 1;
	return strcmp(x->planned ? x->planned->id : x->se->id, y->planned ? y->planned->id : y->se->id);
}

int export_select_plan(const struct schedule *s, const struct plan *p, struct pick_settings *saved,
		       struct ics_event **ev, size_t *n, size_t *cancelled)
{
	struct ics_event *v;

	*ev = NULL;
	*n = *cancelled = 0;
	if (plan_require_sessions(p, s->conf.name, ", or export the whole timetable with --all") < 0)
		return -1;
	v = xcalloc(p->nentries, sizeof(*v));
	for (size_t i = 0; i < p->nentries; i++) {
		long k;
		enum plan_change ch = plan_entry_change(&p->entries[i], s, &k);

		v[i].se = k >= 0 ? &s->sessions[k] : NULL;
		v[i].planned = &p->entries[i];
		v[i].cancelled = ch == PLAN_CANCELLED;
		*cancelled += v[i].cancelled;
	}
	qsort(v, p->nentries, sizeof(*v), cmp_events);
	find_alternatives(s, p, saved, v, p->nentries);
	*ev = v;
	*n = p->nentries;
	return 0;
}

int export_select_sessions(const struct schedule *s, const struct filter *f, struct ics_event **ev,
			   size_t *n, size_t *untimed)
{
	struct ics_event *v = xcalloc(s->nsessions ? s->nsessions : 1, sizeof(*v));
	size_t m = 0;

	*ev = NULL;
	*n = *untimed = 0;
	for (size_t i = 0; i < s->nsessions; i++) {
		if (f && !filter_match(f, s, &s->sessions[i]))
			continue;
		if (!s->sessions[i].has_time) {
			(*untimed)++;
			continue;
		}
		v[m++].se = &s->sessions[i];
	}
	if (!m) {
		free(v);
		return error(EX_NOINPUT, "nothing to export: %s", f ? "no sessions match"
			     : "the timetable has no session with a time");
	}
	*ev = v;
	*n = m;
	return 0;
}

int export_add_departed(const struct schedule *s, const struct plan *p, const struct ics_state *st,
			struct ics_event **ev, size_t *n, struct plan_entry **copies, size_t *departed)
{
	struct plan_entry *c = xcalloc(st->n ? st->n : 1, sizeof(*c));
	size_t m = 0;

	*departed = 0;
	for (size_t i = 0; i < st->n; i++) {
		const struct ics_seen *e = &st->v[i];
		long k;

		if (!e->planned || plan_find(p, e->id) >= 0)
			continue;
		c[m].id = e->id;
		if (e->summary && (e->start || e->end)) {
			/* as the calendar has it: as it was last written */
			c[m].title = e->summary;
			c[m].room = e->location ? e->location : (char *)"";
			c[m].start = e->start;
			c[m].end = e->end;
		} else if ((k = schedule_find_session(s, e->id)) >= 0 && s->sessions[k].has_time) {
			/* written before planner kept that (state version 1): as the timetable has it;
			 * the room label stays the id's, for lack of a borrowed copy */
			c[m].title = s->sessions[k].title;
			c[m].room = (char *)"";
			c[m].start = s->sessions[k].start;
			c[m].end = s->sessions[k].end;
		} else {
			continue;	/* nothing to write it with */
		}
		m++;
	}
	if (m) {
		*ev = xrealloc(*ev, (*n + m) * sizeof(**ev));
		for (size_t i = 0; i < m; i++) {
			struct ics_event *x = &(*ev)[*n + i];

			memset(x, 0, sizeof(*x));
			x->planned = &c[i];
			x->departed = true;
		}
		*n += m;
		qsort(*ev, *n, sizeof(**ev), cmp_events);
	}
	*copies = c;
	*departed = m;
	return 0;
}
