/* print_build.c: the document `planner print` prints — from the timetable, the saved plan and
 * what was asked for (a day, --all): the marks of the planned and pinned sessions, the
 * "room full?" alternatives, the times the plan keeps free, and the days. */
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "pick.h"
#include "plan.h"
#include "print.h"
#include "util.h"

/* "break (kept free)" for a --break; the text of a --block ("block DATE HH:MM-HH:MM TEXT"). */
static char *busy_label(const char *label)
{
	const char *t;

	if (!strncmp(label, "block ", 6)) {
		t = label + 6;
		for (int k = 0; k < 2 && t; k++) {
			t = strchr(t, ' ');
			if (t)
				t++;
		}
		return xasprintf("%s (busy)", t && *t ? t : "block");
	}
	return xstrdup("break (kept free)");
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* The plan's marks: planned and pinned sessions the timetable still has; the number of planned
 * sessions it changed since. */
static size_t mark_plan(struct print_doc *d, const struct plan *p)
{
	const struct schedule *s = d->s;
	size_t changed = 0;

	for (size_t i = 0; i < p->nentries; i++) {
		long k;
		enum plan_change ch = plan_entry_change(&p->entries[i], s, &k);

		if (ch != PLAN_SAME)
			changed++;
		if (k < 0 || !s->sessions[k].has_time)
			continue;
		d->flags[k] |= PRINT_PLANNED;
		if (strlist_find(&p->pinned, p->entries[i].id) >= 0)
			d->flags[k] |= PRINT_PINNED;
	}
	return changed;
}

/* The alternatives and the kept-free times, under the preferences the plan was made with. */
static void add_saved(struct print_doc *d, const struct plan *p, struct pick_settings *saved)
{
	struct pick_request rq;

	pick_request_init(&rq, d->s, &saved->prefs);
	pick_request_saved(&rq, saved, p);
	print_find_alternatives(d, &rq);
	for (size_t i = 0; i < rq.nbusy; i++) {
		char *label = busy_label(rq.busy[i].label);
		print_doc_add_busy(d, rq.busy[i].start, rq.busy[i].end, label);
		free(label);
	}
	pick_request_release(&rq);
}

int print_doc_build(struct print_doc *d, const struct plan *p, struct pick_settings *saved,
		    const char *day, bool all, size_t *changed)
{
	const struct schedule *s = d->s;
	bool have_plan = p->nentries || p->fingerprint;
	int day_index = -1;

	*changed = 0;
	if (!all && plan_require_sessions(p, s->conf.name, ", or print the whole timetable with --all") < 0)
		return -1;
	if (day && filter_parse_day(s, day, &day_index) < 0)
		return -1;
	*changed = mark_plan(d, p);
	add_saved(d, p, saved);

	/* The days: the one asked for; else every day with all; else the days of the plan. */
	if (day) {
		print_doc_add_day(d, day_index);
	} else {
		bool *want = xcalloc(s->ndays ? s->ndays : 1, sizeof(*want));
		for (size_t i = 0; i < s->nsessions; i++)
			if (s->sessions[i].day >= 0 && (all || (d->flags[i] & PRINT_PLANNED)))
				want[s->sessions[i].day] = true;
		for (size_t k = 0; k < s->ndays; k++)
			if (want[k])
				print_doc_add_day(d, (int)k);
		free(want);
	}
	if (!d->ndays)
		return error(EX_NOINPUT, "%s", all ? "the timetable has no scheduled sessions"
			     : "nothing in your plan is in the timetable now; see 'planner plan'");
	qsort(d->days, d->ndays, sizeof(*d->days), cmp_int);
	d->all = all;
	d->what = have_plan ? (all ? "timetable and my plan" : "my plan") : "timetable";
	return 0;
}
