/* pick_args.c: the preference options of one pick, typed and defaulted, and the plan it leaves
 * (pick_args.h). */
#include <stdlib.h>
#include <string.h>

#include "pick_args.h"
#include "plan.h"
#include "plan_edit.h"
#include "util.h"

void pick_args_init(struct pick_args *a)
{
	memset(a, 0, sizeof(*a));
	pick_settings_init(&a->set);
	strlist_init(&a->args);
}

void pick_args_release(struct pick_args *a)
{
	pick_settings_release(&a->set);
	strlist_release(&a->args);
	a->typed = 0;
}

/* Applies --name and records it. */
static int apply(struct pick_args *a, const char *name, const char *value)
{
	int r = pick_settings_apply(&a->set, name, value);
	char *opt;

	if (r <= 0)
		return r;
	opt = xasprintf("--%s", name);
	strlist_push(&a->args, opt);
	free(opt);
	if (value)
		strlist_push(&a->args, value);
	return 1;
}

int pick_args_typed(struct pick_args *a, const char *name, const char *value)
{
	int r = apply(a, name, value);

	a->typed = a->args.n;
	return r;
}

bool pick_args_given(const struct pick_args *a, const char *name, const char *value)
{
	size_t kind = value ? strcspn(value, "=") : 0;

	for (size_t i = 0; i < a->typed; i++) {
		const char *v = a->args.v[i];

		if (strncmp(v, "--", 2) || strcmp(v + 2, name))
			continue;
		if (strcmp(name, "weight"))
			return true;
		if (value && i + 1 < a->typed && !strncmp(a->args.v[i + 1], value, kind) &&
		    a->args.v[i + 1][kind] == '=')
			return true;
	}
	return false;
}

int pick_args_default(struct pick_args *a, const char *name, const char *value)
{
	if (pick_args_given(a, name, value))
		return 0;
	return apply(a, name, value) < 0 ? -1 : 1;
}

void pick_plan_update(struct plan *p, const struct pick_request *rq, const struct pick_result *r,
		      const struct strlist *args, int64_t now)
{
	const struct schedule *s = rq->s;

	for (size_t i = p->nentries; i-- > 0;) {
		long k = schedule_find_session(s, p->entries[i].id);
		if (rq->day < 0 || k < 0 || s->sessions[k].day == rq->day)
			plan_drop(p, p->entries[i].id);
	}
	for (size_t k = 0; k < r->nchosen; k++)
		plan_add(p, s, &s->sessions[r->cand[r->chosen[k]].session]);
	strlist_release(&p->pinned);
	for (size_t i = 0; i < rq->must.n; i++)
		strlist_push(&p->pinned, rq->must.v[i]);
	/* a pin (--must) takes a session off the dropped list; a dropped one is not --avoid's */
	for (size_t i = 0; i < rq->must.n; i++)
		plan_list_remove(&p->dropped, rq->must.v[i]);
	strlist_release(&p->avoided);
	for (size_t i = 0; i < rq->avoid.n; i++)
		if (strlist_find(&p->dropped, rq->avoid.v[i]) < 0)
			strlist_push(&p->avoided, rq->avoid.v[i]);
	/* the sessions added by hand on the re-planned days are the pick's now */
	for (size_t i = p->added.n; i-- > 0;) {
		long k = schedule_find_session(s, p->added.v[i]);
		if (rq->day < 0 || k < 0 || s->sessions[k].day == rq->day)
			plan_list_remove(&p->added, p->added.v[i]);
	}
	if (args) {
		strlist_release(&p->args);
		for (size_t i = 0; i < args->n; i++)
			strlist_push(&p->args, args->v[i]);
	}
	plan_edit_stamp(p, s, now);
	p->travel_minutes = rq->travel_minutes;
}
