/* The start of a random timetable in planner's native format for the randomized tests: the
 * conference "rnd" (UTC) and its rooms, each in building "A", "B" or none and on floor "1", "2"
 * or none.  Uses rng.h's rnd(); the caller goes on with the sessions and the closing "]}". */
#ifndef RANDOM_TT_H
#define RANDOM_TT_H

#include "rng.h"
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

#endif
