/* conflicts.c: the pairs of planned sessions that overlap or leave too little time to walk
 * between their rooms. */
#include <stdlib.h>
#include <string.h>

#include "conflicts.h"
#include "pick.h"
#include "plan.h"
#include "timefmt.h"
#include "util.h"
#include "venue.h"

void conflicts_init(struct conflicts *c)
{
	memset(c, 0, sizeof(*c));
}

void conflicts_release(struct conflicts *c)
{
	free(c->v);
	conflicts_init(c);
}

static int by_start(const void *pa, const void *pb)
{
	const struct session *a = *(const struct session *const *)pa;
	const struct session *b = *(const struct session *const *)pb;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	/* an instant (start == end) before what starts with it: it is attended first */
	if ((a->end == a->start) != (b->end == b->start))
		return a->end == a->start ? -1 : 1;
	return a < b ? -1 : a > b;
}

void plan_conflicts(const struct schedule *s, const struct plan *p, int travel_minutes, size_t max,
		    struct conflicts *c)
{
	size_t n;
	const struct session **v = plan_sessions(p, s, &n);
	struct pick_request rq;
	int64_t longest;

	conflicts_release(c);
	pick_request_init(&rq, s, NULL);
	rq.travel_minutes = travel_minutes;
	longest = venue_longest_walk(s, travel_minutes * 60);
	/* entries are kept in their planned order; the timetable may have moved them since */
	qsort(v, n, sizeof(*v), by_start);
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			const struct session *a = v[i], *b = v[j];
			struct conflict *x;
			int64_t need;

			/* b and every later one start after a ends plus the longest walk: no more
			 * conflicts for a */
			if (b->start >= a->end + longest)
				break;
			need = pick_travel(&rq, a, b);
			if (a->end + need <= b->start)
				continue;
			if (++c->count > max)
				continue;
			c->v = xgrow(c->v, c->n + 1, &c->alloc, sizeof(*c->v));
			x = &c->v[c->n++];
			memset(x, 0, sizeof(*x));
			x->a = (size_t)(a - s->sessions);
			x->b = (size_t)(b - s->sessions);
			x->overlap = a->end > b->start;
			if (x->overlap) {
				x->overlap_min = duration_minutes((a->end < b->end ? a->end : b->end) - b->start);
			} else {
				x->gap_min = (b->start - a->end) / 60;
				x->need_min = need / 60;
			}
		}
	pick_request_release(&rq);
	free(v);
}
