/* plan_edit.c: the saved plan edited by hand — a typed id resolved, then added, pinned or
 * dropped, and the plan stamped with the timetable it now goes with. */
#include <stdbool.h>
#include <stdlib.h>

#include "filter.h"
#include "plan.h"
#include "plan_edit.h"
#include "util.h"

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
	plan_add(p, s, se);
	if (pin && strlist_find(&p->pinned, se->id) < 0)
		strlist_push(&p->pinned, se->id);
	if (!pin && strlist_find(&p->added, se->id) < 0)
		strlist_push(&p->added, se->id);
	plan_list_remove(&p->dropped, se->id);	/* added again: picks may choose it */
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
	if (!plan_drop(p, id))
		return error(EX_DATAERR, "'%s' is not in your plan (see 'planner plan')", id);
	plan_list_remove(&p->added, id);
	if (strlist_find(&p->dropped, id) < 0)
		strlist_push(&p->dropped, id);	/* later picks leave it out */
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

void plan_edit_stamp(struct plan *p, const struct schedule *s, int64_t now)
{
	char fp[17];

	schedule_fingerprint(s, fp);
	free(p->fingerprint);
	p->fingerprint = xstrdup(fp);
	p->made_at = now;
}
