/* test_conflicts.c: the conflicts of a saved plan — pairs that overlap or leave too little time
 * to walk between rooms on different floors and in different buildings — against a check of
 * every pair on thousands of small random plans, and the cap on the pairs kept. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conflicts.h"
#include "load.h"
#include "pick.h"
#include "plan.h"
#include "schedule.h"
#include "tap.h"
#include "util.h"
#include "random_tt.h"

/* A random timetable: 5 rooms, each in building "A", "B" or none and on floor "1", "2" or none;
 * up to 13 sessions on two days, 5 to 60 minutes long or taking no time, starting on the minute or half a minute
 * past it (so that rounding to minutes shows), some in two rooms at once, some without a time. */
static char *random_timetable(void)
{
	struct strbuf sb;
	size_t n = rnd(14);

	strbuf_init(&sb);
	random_rooms(&sb, 5);
	for (size_t i = 0; i < n; i++) {
		int day = 1 + (int)rnd(2), start = 9 * 60 + (int)rnd(40) * 3;
		int len = rnd(8) == 0 ? 0 : 5 + (int)rnd(56);	/* some take no time */
		int end = start + len, room = (int)rnd(5), ss = rnd(2) ? 30 : 0;
		int es = len ? (rnd(2) ? 30 : 0) : ss;

		strbuf_addf(&sb, "%s{\"id\": \"s%zu\", \"title\": \"talk %zu\", ", i ? ", " : "", i, i);
		if (rnd(8) == 0)
			strbuf_addf(&sb, "\"room\": [\"r%d\", \"r%d\"]", room, (room + 2) % 5);
		else
			strbuf_addf(&sb, "\"room\": \"r%d\"", room);
		if (rnd(10))
			strbuf_addf(&sb, ", \"start\": \"2025-03-0%dT%02d:%02d:%02d\", "
				    "\"end\": \"2025-03-0%dT%02d:%02d:%02d\"", day, start / 60, start % 60, ss,
				    day, end / 60, end % 60, es);
		strbuf_adds(&sb, "}");
	}
	strbuf_adds(&sb, "]}");
	return strbuf_detach(&sb);
}

/* Every pair of the planned sessions the timetable still has, the earlier start first (of two
 * equal starts, the earlier in the timetable), checked one by one.  Fills out (at most max) in
 * the module's order; returns the number of conflicts. */
static size_t brute_force(const struct schedule *s, const struct plan *p, int travel,
			  struct conflict *out, size_t max)
{
	size_t idx[64], n = 0, found = 0;

	/* the planned sessions, by index: the timetable is sorted by start already */
	for (size_t k = 0; k < s->nsessions; k++)
		if (s->sessions[k].has_time && plan_find(p, s->sessions[k].id) >= 0)
			idx[n++] = k;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			const struct session *a = &s->sessions[idx[i]], *b = &s->sessions[idx[j]];
			int64_t need;

			if (i == j || a->start > b->start || (a->start == b->start && j < i))
				continue;
			need = walk(s, a, b, travel);
			if (a->end + need <= b->start)
				continue;
			if (found < max) {
				struct conflict *x = &out[found];
				int64_t shared = (a->end < b->end ? a->end : b->end) - b->start;

				memset(x, 0, sizeof(*x));
				x->a = idx[i];
				x->b = idx[j];
				x->overlap = a->end > b->start;	/* an instant inside a: 0 min */
				if (x->overlap) {
					x->overlap_min = shared / 60 + (shared % 60 != 0);
				} else {
					x->gap_min = (b->start - a->end) / 60;
					x->need_min = need / 60;
				}
			}
			found++;
		}
	return found;
}

static bool same(const struct conflict *x, const struct conflict *y)
{
	return x->a == y->a && x->b == y->b && x->overlap == y->overlap &&
	       x->overlap_min == y->overlap_min && x->gap_min == y->gap_min && x->need_min == y->need_min;
}

static void test_brute_force(void)
{
	int runs = 4000, agree = 0, capped_agree = 0, with_conflicts = 0, walks = 0, overlaps = 0;
	int cancelled = 0, walked = 0;

	rng_state = 1212;
	for (int round = 0; round < runs; round++) {
		char *json = random_timetable();
		struct schedule s;
		struct plan p;
		struct conflicts c;
		struct conflict want[200];
		size_t nwant, cap;
		int travel;
		bool good;

		schedule_init(&s);
		if (schedule_load_buffer(&s, json, strlen(json), "random.json", NULL) < 0) {
			printf("# %s\n", error_message());
			free(json);
			schedule_release(&s);
			continue;
		}
		random_walks(&s, (int)s.nrooms);	/* longer than three times the travel, some */
		walked += schedule_has_walks(&s);
		plan_init(&p);
		/* the saved travel time, or none saved (-1: pick's default of 5 minutes) */
		p.travel_minutes = rnd(4) ? (int)rnd(12) : -1;
		travel = p.travel_minutes >= 0 ? p.travel_minutes : 5;
		for (size_t k = 0; k < s.nsessions; k++)
			if (s.sessions[k].has_time && rnd(4))
				plan_add(&p, &s, &s.sessions[k]);
		if (rnd(3) == 0) {
			/* a planned session the timetable no longer has: cancelled, no conflict */
			struct session gone = { 0 };
			gone.id = (char *)"gone";
			gone.title = (char *)"gone";
			gone.has_time = true;
			gone.start = s.nsessions ? s.sessions[0].start : 0;
			gone.end = gone.start + 3600;
			plan_add(&p, &s, &gone);
			cancelled++;
		}
		nwant = brute_force(&s, &p, travel, want, sizeof(want) / sizeof(*want));
		conflicts_init(&c);
		plan_conflicts(&s, &p, travel, SIZE_MAX, &c);
		good = c.count == nwant && c.n == nwant;
		for (size_t i = 0; good && i < c.n; i++)
			good = same(&c.v[i], &want[i]);
		agree += good;
		if (!good)
			printf("# round %d: %zu conflicts, brute force %zu\n# %s\n", round, c.count, nwant,
			       json);
		with_conflicts += nwant > 0;
		for (size_t i = 0; i < nwant; i++) {
			overlaps += want[i].overlap;
			walks += !want[i].overlap;
		}
		/* a cap keeps the first ones and still counts them all */
		cap = nwant ? rnd((uint32_t)nwant + 1) : 0;
		plan_conflicts(&s, &p, travel, cap, &c);
		good = c.count == nwant && c.n == cap;
		for (size_t i = 0; good && i < c.n; i++)
			good = same(&c.v[i], &want[i]);
		capped_agree += good;
		conflicts_release(&c);
		plan_release(&p);
		schedule_release(&s);
		free(json);
	}
	ok(with_conflicts > runs / 3 && overlaps > runs && walks > runs / 4 && cancelled > runs / 4,
	   "%d random plans: %d with conflicts, %d overlaps, %d too-short walks", runs,
	   with_conflicts, overlaps, walks);
	ok(walked > runs / 5, "%d of them with walks set", walked);
	is_int(agree, runs, "every conflict a check of every pair finds, in order, with its minutes");
	is_int(capped_agree, runs, "a cap keeps the first pairs and counts all of them");
}

/* A fixed case: minutes rounded as `planner conflicts` shows them. */
static void test_minutes(void)
{
	static const char json[] =
		"{\"planner_format\": 1, \"conference\": {\"id\": \"c\", \"name\": \"C\", "
		"\"timezone\": \"UTC\"}, \"rooms\": [{\"id\": \"a\", \"name\": \"A\", \"building\": \"X\"},"
		" {\"id\": \"b\", \"name\": \"B\", \"building\": \"Y\"}], \"sessions\": ["
		"{\"id\": \"s1\", \"title\": \"one\", \"room\": \"a\", \"start\": \"2025-03-01T10:00\","
		" \"end\": \"2025-03-01T10:30:10\"},"
		"{\"id\": \"s2\", \"title\": \"two\", \"room\": \"a\", \"start\": \"2025-03-01T10:30\","
		" \"end\": \"2025-03-01T11:00\"},"
		"{\"id\": \"s3\", \"title\": \"three\", \"room\": \"b\", \"start\": \"2025-03-01T11:10:50\","
		" \"end\": \"2025-03-01T12:00\"},"
		"{\"id\": \"s4\", \"title\": \"four\", \"room\": \"a\", \"start\": \"2025-03-01T13:00\","
		" \"end\": \"2025-03-01T14:00\"}]}";
	struct schedule s;
	struct plan p;
	struct conflicts c;

	schedule_init(&s);
	plan_init(&p);
	conflicts_init(&c);
	if (schedule_load_buffer(&s, json, strlen(json), "c.json", NULL) < 0) {
		ok(0, "the fixed timetable loads: %s", error_message());
		return;
	}
	for (size_t k = 0; k < s.nsessions; k++)
		plan_add(&p, &s, &s.sessions[k]);
	plan_conflicts(&s, &p, 5, 10, &c);
	is_int(c.count, 2, "two conflicts: s1/s2 overlap, s2/s3 too far apart");
	if (c.n == 2) {
		ok(c.v[0].overlap && !strcmp(s.sessions[c.v[0].a].id, "s1") &&
		   !strcmp(s.sessions[c.v[0].b].id, "s2"), "s1 then s2 overlap");
		is_int(c.v[0].overlap_min, 1, "10 seconds of overlap is a minute (rounded up)");
		ok(!c.v[1].overlap && !strcmp(s.sessions[c.v[1].a].id, "s2") &&
		   !strcmp(s.sessions[c.v[1].b].id, "s3"), "s2 then s3: another building");
		is_int(c.v[1].gap_min, 10, "10 min 50 s between them is 10 (rounded down)");
		is_int(c.v[1].need_min, 15, "three times the travel time between buildings");
	}
	plan_conflicts(&s, &p, 3, 10, &c);
	is_int(c.count, 1, "with 3 minutes of travel, 9 between buildings: the walk fits");
	plan_conflicts(&s, &p, 3, 0, &c);
	ok(c.count == 1 && c.n == 0 && !c.v, "max 0: counted, none kept");
	plan_conflicts(&s, &p, PICK_DEFAULT_TRAVEL, 10, &c);
	is_int(c.count, 2, "pick's default travel time is 5 minutes");
	conflicts_release(&c);
	ok(!c.v && !c.n && !c.count, "released");
	plan_release(&p);
	schedule_release(&s);
}

int main(void)
{
	test_minutes();
	test_brute_force();
	return done_testing();
}
