/* plan_edit.c: the saved plan edited by hand — a typed id resolved, then added, pinned or
 * dropped, and the plan stamped with the timetable it now goes with. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "plan.h"
#include "plan_edit.h"
#include "util.h"

/* A session dropped by hand: out of the entries and pins, no longer added by hand, and on
 * p->dropped, so that later picks leave it out.  Whether it was planned. */
static bool drop_by_hand(struct plan *p, const char *id)
{
	if (!plan_drop(p, id))
		return false;
	plan_list_remove(&p->added, id);
	if (strlist_find(&p->dropped, id) < 0)
		strlist_push(&p->dropped, id);
	return true;
}

/* A session added by hand: in the entries; pinned with pin, else on p->added (update keeps it);
 * off p->dropped (added again: picks may choose it). */
static void add_by_hand(struct plan *p, const struct schedule *s, const struct session *se, bool pin)
{
	plan_add(p, s, se);
	if (pin && strlist_find(&p->pinned, se->id) < 0)
		strlist_push(&p->pinned, se->id);
	if (!pin && strlist_find(&p->added, se->id) < 0)
		strlist_push(&p->added, se->id);
	plan_list_remove(&p->dropped, se->id);
}

int plan_edit_resolve(const struct schedule *s, const char *typed, long *index)
{
	*index = schedule_match_session(s, typed);
	if (*index == -2) {
		*index = -1;
		return error(EX_DATAERR, "'%s' is the start of several session ids; give more of it",
			     typed);
	}
	return 0;
}

int plan_edit_add(struct plan *p, const struct schedule *s, const char *typed, bool pin,
		  const struct session **added)
{
	long k;
	const struct session *se;

	*added = NULL;
	if (plan_edit_resolve(s, typed, &k) < 0)
		return -1;
	if (k < 0) {
		const char *near = schedule_nearest_session(s, typed);

		if (near)
			return error(EX_DATAERR, "no session '%s' in %s (did you mean '%s'?)", typed,
				     s->conf.name, near);
		return error(EX_DATAERR, "no session '%s' in %s (see 'planner list')", typed,
			     s->conf.name);
	}
	se = &s->sessions[k];
	if (!se->has_time)
		return error(EX_DATAERR, "session '%s' is not scheduled: it has no time", se->id);
	add_by_hand(p, s, se, pin);
	*added = se;
	return 0;
}

int plan_edit_drop(struct plan *p, const struct schedule *s, const char *typed, const char **dropped)
{
	long k;
	const char *id = typed;

	*dropped = NULL;
	if (plan_edit_resolve(s, typed, &k) < 0)
		return -1;
	if (k >= 0)
		id = s->sessions[k].id;
	if (!drop_by_hand(p, id))
		return error(EX_DATAERR, "'%s' is not in your plan (see 'planner plan')", id);
	*dropped = id;
	return 0;
}

int plan_edit_unpin(struct plan *p, const struct schedule *s, const char *typed, const char **unpinned)
{
	long k;
	const char *id = typed;

	*unpinned = NULL;
	if (plan_edit_resolve(s, typed, &k) < 0)
		return -1;
	if (k >= 0)
		id = s->sessions[k].id;
	if (!plan_list_remove(&p->pinned, id))
		return error(EX_DATAERR, "'%s' is not pinned (see 'planner plan')", id);
	*unpinned = id;
	return 0;
}

int plan_edit_here(struct plan *p, const struct schedule *s, const char *room, int64_t at,
		   const char *when, const struct session **here, struct strlist *dropped)
{
	struct filter f;
	const struct session *found = NULL;
	struct strbuf several;
	size_t n = 0;

	*here = NULL;
	if (filter_value_check_as(s, "room", room, "room") < 0)
		return -1;
	filter_init(&f);
	filter_add(&f.rooms, room);
	strbuf_init(&several);
	for (size_t i = 0; i < s->nsessions; i++) {
		const struct session *se = &s->sessions[i];

		if (!session_on_at(se, at) || !se->nrooms || !filter_match(&f, s, se))
			continue;
		if (!found)
			found = se;
		strbuf_addf(&several, "%s%s", n++ ? ", " : "", se->id);
	}
	filter_release(&f);
	if (n > 1) {
		error(EX_DATAERR, "room '%s': %zu sessions are on in rooms of that name at %s (%s); "
		      "give more of the room's name, or 'planner add' the one you are in", room, n,
		      when, several.buf);
		strbuf_release(&several);
		return -1;
	}
	strbuf_release(&several);
	if (!found)
		return error(EX_DATAERR, "nothing is on in room '%s' at %s (see 'planner list --room "
			     "ROOM')", room, when);
	*here = found;
	if (plan_find(p, found->id) >= 0)
		return 1;
	for (size_t i = 0; i < s->nsessions; i++) {
		const struct session *se = &s->sessions[i];

		if (session_on_at(se, at) && plan_find(p, se->id) >= 0)
			strlist_push(dropped, se->id);
	}
	for (size_t i = 0; i < dropped->n; i++)
		drop_by_hand(p, dropped->v[i]);
	add_by_hand(p, s, found, false);
	return 0;
}

void plan_edit_stamp(struct plan *p, const struct schedule *s, int64_t now)
{
	char fp[17];

	schedule_fingerprint(s, fp);
	free(p->fingerprint);
	p->fingerprint = xstrdup(fp);
	p->made_at = now;
}
