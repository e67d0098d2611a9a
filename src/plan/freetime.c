/* freetime.c: the gaps of a day of a plan, what runs in each, and the free time between the
 * planned sessions (freetime.h has the rule). */
#include <stdlib.h>
#include <string.h>

#include "freetime.h"
#include "tz.h"
#include "util.h"

void freetime_day_init(struct freetime_day *fd)
{
	memset(fd, 0, sizeof(*fd));
	fd->day = -1;
}

void freetime_day_release(struct freetime_day *fd)
{
	for (size_t i = 0; i < fd->ngaps; i++)
		free(fd->gaps[i].running);
	free(fd->gaps);
	freetime_day_init(fd);
}

/* A filled stretch of time. */
struct span {
	int64_t start, end;
};

static int cmp_span(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/* The day's bounds: the span the feed declares (a day that does not start at local midnight),
 * grown to hold its sessions; else its first session's start to its last one's end. */
static void day_bounds(const struct schedule *s, int day, int64_t *start, int64_t *end)
{
	const struct day *d = &s->days[day];
	struct civil mid = { d->year, d->month, d->day, 0, 0, 0 };
	int64_t midnight;
	bool any = false, declared;

	declared = tz_from_civil(s->tz, &mid, &midnight) == 0 && midnight != d->start;
	*start = *end = 0;
	for (size_t i = 0; i < s->nsessions; i++) {
		const struct session *se = &s->sessions[i];

		if (!se->has_time || se->day != day)
			continue;
		if (!any || se->start < *start)
			*start = se->start;
		if (!any || se->end > *end)
			*end = se->end;
		any = true;
	}
	if (!any)
		return;
	if (declared) {
		if (d->start < *start)
			*start = d->start;
		if (d->end > *end)
			*end = d->end;
	}
}

static void add_gap(struct freetime_day *fd, const struct schedule *s, const bool *planned,
		    int64_t start, int64_t end, int64_t first, int64_t last, size_t *alloc)
{
	struct freetime_gap *g;

	if (end <= start)
		return;
	fd->gaps = xgrow(fd->gaps, fd->ngaps + 1, alloc, sizeof(*fd->gaps));
	g = &fd->gaps[fd->ngaps++];
	memset(g, 0, sizeof(*g));
	g->start = start;
	g->end = end;
	g->between = fd->nplanned && start >= first && end <= last;
	if (g->between)
		fd->between += end - start;
	for (size_t i = 0; i < s->nsessions; i++) {
		const struct session *se = &s->sessions[i];

		if (!se->has_time || se->day != fd->day || planned[i] || se->type == SESSION_BREAK)
			continue;
		if (se->start == se->end ? se->start >= start && se->start < end
		    : se->start < end && se->end > start) {
			g->running = xrealloc(g->running, (g->nrunning + 1) * sizeof(*g->running));
			g->running[g->nrunning++] = i;
		}
	}
}

void freetime_day_compute(struct freetime_day *fd, const struct schedule *s, const bool *planned,
			  int day, const struct freetime_kept *kept, size_t nkept)
{
	struct span *v;
	size_t n = 0, alloc = 0;
	int64_t first = 0, last = 0, at;

	freetime_day_release(fd);
	fd->day = day;
	if (day < 0 || (size_t)day >= s->ndays)
		return;
	day_bounds(s, day, &fd->start, &fd->end);
	v = xmalloc((s->nsessions + nkept + 1) * sizeof(*v));
	for (size_t i = 0; i < s->nsessions; i++) {
		const struct session *se = &s->sessions[i];

		if (!se->has_time || se->day != day)
			continue;
		if (planned[i]) {
			if (!fd->nplanned || se->start < first)
				first = se->start;
			if (!fd->nplanned || se->end > last)
				last = se->end;
			fd->nplanned++;
		} else if (se->type != SESSION_BREAK) {
			continue;
		}
		if (se->end > se->start)
			v[n++] = (struct span){ se->start, se->end };
	}
	for (size_t k = 0; k < nkept; k++)
		if (kept[k].end > kept[k].start && kept[k].start < fd->end && kept[k].end > fd->start)
			v[n++] = (struct span){ kept[k].start, kept[k].end };
	fd->first = first;
	fd->last = last;
	qsort(v, n, sizeof(*v), cmp_span);
	/* A gap that straddles the first planned start or the last planned end is cut there, so
	 * that each gap is either between the planned sessions or outside them. */
	at = fd->start;
	for (size_t i = 0; i <= n; i++) {
		int64_t next = i < n ? v[i].start : fd->end;

		if (next > fd->end)
			next = fd->end;
		if (next > at) {
			int64_t cut[2] = { first, last }, from = at;

			for (int c = 0; c < 2 && fd->nplanned; c++)
				if (cut[c] > from && cut[c] < next) {
					add_gap(fd, s, planned, from, cut[c], first, last, &alloc);
					from = cut[c];
				}
			add_gap(fd, s, planned, from, next, first, last, &alloc);
		}
		if (i < n && v[i].end > at)
			at = v[i].end;
	}
	free(v);
}
