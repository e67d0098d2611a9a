/* now.c: the plan at an instant — what is on, what is next, the walk between them, and what else
 * the timetable has running or starting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "now.h"
#include "pick.h"
#include "plan.h"
#include "schedule.h"
#include "util.h"

void now_status_init(struct now_status *st)
{
	memset(st, 0, sizeof(*st));
}

void now_status_release(struct now_status *st)
{
	free(st->current);
	free(st->running);
	free(st->upcoming);
	free(st->current_alt);
	now_status_init(st);
}

static const struct session **session_array(size_t n)
{
	return xmalloc((n ? n : 1) * sizeof(const struct session *));
}

void now_compute(struct now_status *st, const struct schedule *s, const struct plan *p,
		 int64_t at, int travel_minutes)
{
	const struct session **planned;
	size_t nplanned = 0;
	int64_t upcoming_start = 0;
	bool have_upcoming = false;

	now_status_release(st);
	st->at = at;
	planned = session_array(p ? p->nentries : 0);
	/* The planned sessions as the timetable has them now, in the timetable's order. */
	for (size_t i = 0; i < s->nsessions; i++) {
		const struct session *se = &s->sessions[i];
		if (se->has_time && p && plan_find(p, se->id) >= 0)
			planned[nplanned++] = se;
	}
	st->current = session_array(nplanned);
	for (size_t i = 0; i < nplanned; i++) {
		const struct session *se = planned[i];
		if (session_on_at(se, at))
			st->current[st->ncurrent++] = se;
		else if (se->start > at && (!st->next || se->start < st->next->start))
			st->next = se;
	}
	if (st->next) {
		for (size_t i = 0; i < nplanned; i++) {
			const struct session *se = planned[i];
			if (se == st->next || se->day != st->next->day || se->start >= st->next->start)
				continue;
			if (!st->from || se->end > st->from->end ||
			    (se->end == st->from->end && se->start > st->from->start))
				st->from = se;
		}
	}
	if (st->from) {
		struct pick_request rq;

		pick_request_init(&rq, s, NULL);
		rq.travel_minutes = travel_minutes;
		st->overlap = st->from->end > st->next->start;
		st->room_change = session_room_change(st->from, st->next);
		st->travel = pick_travel(&rq, st->from, st->next);
		st->gap = st->overlap ? 0 : st->next->start - (st->from->end > at ? st->from->end : at);
		pick_request_release(&rq);
	}
	free(planned);

	st->running = session_array(s->nsessions);
	st->upcoming = session_array(s->nsessions);
	for (size_t i = 0; i < s->nsessions; i++) {
		const struct session *se = &s->sessions[i];
		if (!se->has_time)
			continue;
		if (se->end > st->last_end)
			st->last_end = se->end;
		if (session_on_at(se, at))
			st->running[st->nrunning++] = se;
		else if (se->start > at && (!have_upcoming || se->start < upcoming_start)) {
			have_upcoming = true;
			upcoming_start = se->start;
		}
	}
	for (size_t i = 0; have_upcoming && i < s->nsessions; i++)
		if (s->sessions[i].has_time && s->sessions[i].start == upcoming_start)
			st->upcoming[st->nupcoming++] = &s->sessions[i];
}


void now_alternatives(struct now_status *st, const struct schedule *s, const struct plan *p,
		      struct pick_settings *saved)
{
	bool *planned = xcalloc(s->nsessions ? s->nsessions : 1, sizeof(*planned));
	long *alt;

	for (size_t i = 0; i < s->nsessions; i++)
		planned[i] = s->sessions[i].has_time && p && plan_find(p, s->sessions[i].id) >= 0;
	alt = pick_saved_alternatives(s, p, saved, planned);
	free(st->current_alt);
	st->current_alt = session_array(st->ncurrent);
	for (size_t i = 0; i < st->ncurrent; i++) {
		long a = alt[st->current[i] - s->sessions];
		st->current_alt[i] = a >= 0 ? &s->sessions[a] : NULL;
	}
	st->next_alt = NULL;
	if (st->next && alt[st->next - s->sessions] >= 0)
		st->next_alt = &s->sessions[alt[st->next - s->sessions]];
	free(planned);
	free(alt);
}
