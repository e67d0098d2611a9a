/* Random timetables for the randomized tests: the start of one in planner's native format (the
 * conference "rnd", UTC, and its rooms, each in building "A", "B" or none and on floor "1", "2"
 * or none; rng.h's rnd(); the caller goes on with the sessions and the closing "]}"), and the
 * walk between rooms written from the README's rule, for brute-force checks to use instead of
 * the code they check. */
#ifndef RANDOM_TT_H
#define RANDOM_TT_H

#include <string.h>

#include "rng.h"
#include "schedule.h"
#include "util.h"

/* Appends the conference, nrooms rooms r0, r1, ... and `"sessions": [` to sb. */
static void random_rooms(struct strbuf *sb, int nrooms)
{
	static const char *const bld[] = { NULL, "A", "B" }, *const flr[] = { NULL, "1", "2" };

	strbuf_adds(sb, "{\"planner_format\": 1, \"conference\": {\"id\": \"rnd\", \"name\": \"Rnd\", "
		    "\"timezone\": \"UTC\"}, \"rooms\": [");
	for (int r = 0; r < nrooms; r++) {
		const char *b = bld[rnd(3)], *f = flr[rnd(3)];
		strbuf_addf(sb, "%s{\"id\": \"r%d\", \"name\": \"R%d\"", r ? ", " : "", r, r);
		if (b)
			strbuf_addf(sb, ", \"building\": \"%s\"", b);
		if (f)
			strbuf_addf(sb, ", \"floor\": \"%s\"", f);
		strbuf_adds(sb, "}");
	}
	strbuf_adds(sb, "], \"sessions\": [");
}

/* Walks as `planner rooms walk` sets them (venue.h): sometimes none, else 1 to 3 between random
 * rooms of s (nrooms of them), of 0 to 20 minutes, often longer than the rule's, and half the
 * time one between buildings A and B. */
static void random_walks(struct schedule *s, int nrooms)
{
	int n = rnd(3) == 0 ? 1 + (int)rnd(3) : 0;

	for (int k = 0; k < n && nrooms > 1; k++) {
		size_t a = rnd((uint32_t)nrooms), b = rnd((uint32_t)nrooms);
		if (a != b)
			schedule_set_walk(s, a, b, 5 * (int)rnd(5));
	}
	if (n && rnd(2))	/* random_rooms' buildings */
		schedule_set_building_walk(s, "A", "B", 5 * (int)rnd(5));
}

/* The walk between two sessions' rooms, in seconds, as the README states the rule: none within a
 * room or from or to a session in several rooms; the minutes of a walk set between the two rooms
 * (either way), else between their two buildings; else the travel time between rooms of one
 * floor, twice that between floors, three times between buildings (a room without a building or
 * floor counts as the same one). */
static int64_t walk(const struct schedule *s, const struct session *a, const struct session *b,
		    int travel)
{
	const struct room *x, *y;

	if (a->nrooms != 1 || b->nrooms != 1 || a->rooms[0] == b->rooms[0])
		return 0;
	for (size_t k = 0; k < s->nwalks; k++)
		if ((s->walks[k].a == a->rooms[0] && s->walks[k].b == b->rooms[0]) ||
		    (s->walks[k].b == a->rooms[0] && s->walks[k].a == b->rooms[0]))
			return (int64_t)s->walks[k].minutes * 60;
	x = &s->rooms[a->rooms[0]];
	y = &s->rooms[b->rooms[0]];
	for (size_t k = 0; k < s->nbuilding_walks && x->building && y->building; k++)
		if ((!strcmp(s->building_walks[k].a, x->building) &&
		     !strcmp(s->building_walks[k].b, y->building)) ||
		    (!strcmp(s->building_walks[k].b, x->building) &&
		     !strcmp(s->building_walks[k].a, y->building)))
			return (int64_t)s->building_walks[k].minutes * 60;
	if (x->building && y->building && strcmp(x->building, y->building))
		return 3 * travel * 60;
	if (x->floor && y->floor && strcmp(x->floor, y->floor))
		return 2 * travel * 60;
	return travel * 60;
}

#endif
