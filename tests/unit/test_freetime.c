/* test_freetime.c: the free time of a day of a plan (freetime.h) — gaps between planned
 * sessions, breaks and kept-free times; the day's bounds (first to last session on calendar days,
 * the feed's span on declared ones); "free between them" only between the first and last planned
 * session; instants; night sessions past midnight; what runs in each gap. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "freetime.h"
#include "load.h"
#include "schedule.h"
#include "tap.h"
#include "tz.h"
#include "util.h"

static const char timetable[] =
	"{ \"planner_format\": 1,\n"
	"  \"conference\": { \"id\": \"freecon\", \"name\": \"FreeCon\", \"timezone\": \"Asia/Seoul\" },\n"
	"  \"rooms\": [ { \"id\": \"a\", \"name\": \"Hall A\" }, { \"id\": \"b\", \"name\": \"Room B\" } ],\n"
	"  \"sessions\": [\n"
	"    { \"id\": \"k1\", \"title\": \"Keynote 1\", \"type\": \"keynote\", \"room\": \"a\", \"start\": \"2025-08-16T09:40\", \"end\": \"2025-08-16T10:10\" },\n"
	"    { \"id\": \"k2\", \"title\": \"Keynote 2\", \"type\": \"keynote\", \"room\": \"a\", \"start\": \"2025-08-16T10:20\", \"end\": \"2025-08-16T10:50\" },\n"
	"    { \"id\": \"b1\", \"title\": \"B morning\", \"room\": \"b\", \"start\": \"2025-08-16T10:30\", \"end\": \"2025-08-16T11:30\" },\n"
	"    { \"id\": \"lunch\", \"title\": \"Lunch\", \"type\": \"break\", \"room\": \"a\", \"start\": \"2025-08-16T12:00\", \"end\": \"2025-08-16T13:00\" },\n"
	"    { \"id\": \"a3\", \"title\": \"A after lunch\", \"room\": \"a\", \"start\": \"2025-08-16T13:00\", \"end\": \"2025-08-16T13:40\" },\n"
	"    { \"id\": \"b3\", \"title\": \"B after lunch\", \"room\": \"b\", \"start\": \"2025-08-16T13:00\", \"end\": \"2025-08-16T14:00\" },\n"
	"    { \"id\": \"photo\", \"title\": \"Group photo\", \"room\": \"a\", \"start\": \"2025-08-16T14:30\", \"end\": \"2025-08-16T14:30\" },\n"
	"    { \"id\": \"a4\", \"title\": \"A last\", \"room\": \"a\", \"start\": \"2025-08-16T15:00\", \"end\": \"2025-08-16T16:00\" },\n"
	"    { \"id\": \"d2\", \"title\": \"Day two\", \"room\": \"a\", \"start\": \"2025-08-17T10:00\", \"end\": \"2025-08-17T11:00\" }\n"
	"  ] }\n";

static int64_t at(const struct schedule *s, int day, int h, int m)
{
	struct civil c = { 2025, 8, day, h, m, 0 };
	int64_t t = 0;

	tz_from_civil(s->tz, &c, &t);
	return t;
}

/* planned[] for the ids in `ids` (space-separated; a unique start of an id will do). */
static bool *plan_of(const struct schedule *s, const char *ids)
{
	bool *planned = xcalloc(s->nsessions + 1, sizeof(*planned));
	char *copy = xstrdup(ids), *save = NULL;

	for (char *id = strtok_r(copy, " ", &save); id; id = strtok_r(NULL, " ", &save)) {
		long k = schedule_match_session(s, id);	/* an id, or its start */
		if (k >= 0)
			planned[k] = true;
	}
	free(copy);
	return planned;
}

static bool gap_is(const struct freetime_gap *g, int64_t start, int64_t end, bool between)
{
	return g->start == start && g->end == end && g->between == between;
}

static void test_day(const struct schedule *s)
{
	struct freetime_day fd;
	bool *planned = plan_of(s, "k1 k2");
	struct freetime_kept kept = { at(s, 16, 12, 0), at(s, 16, 13, 0) };

	freetime_day_init(&fd);
	/* The case: two keynotes 10 minutes apart, then a kept-free lunch. */
	freetime_day_compute(&fd, s, planned, 0, &kept, 1);
	ok(fd.start == at(s, 16, 9, 40) && fd.end == at(s, 16, 16, 0),
	   "a calendar day runs from its first session's start to its last one's end");
	is_int(fd.nplanned, 2, "two planned");
	is_int(fd.between, 10 * 60, "two keynotes 10 minutes apart: 10 min free between them");
	is_int(fd.ngaps, 3, "10:10-10:20, 10:50-12:00, 13:00-16:00");
	ok(fd.ngaps == 3 && gap_is(&fd.gaps[0], at(s, 16, 10, 10), at(s, 16, 10, 20), true) &&
	   gap_is(&fd.gaps[1], at(s, 16, 10, 50), at(s, 16, 12, 0), false) &&
	   gap_is(&fd.gaps[2], at(s, 16, 13, 0), at(s, 16, 16, 0), false),
	   "the gaps after the last planned session are not between");
	ok(fd.ngaps == 3 && fd.gaps[0].nrunning == 0, "nothing else runs between the keynotes");
	ok(fd.ngaps == 3 && fd.gaps[1].nrunning == 1 &&
	   !strcmp(s->sessions[fd.gaps[1].running[0]].id, "b1"), "b1 runs in the gap after them");
	ok(fd.ngaps == 3 && fd.gaps[2].nrunning == 4,
	   "after lunch: a3, b3, the photo (an instant) and a4 run; the lunch break is no session");
	free(planned);

	/* Across the lunch break (the timetable's) and the photo instant. */
	planned = plan_of(s, "k1 a3 photo a4");
	freetime_day_compute(&fd, s, planned, 0, NULL, 0);
	is_int(fd.nplanned, 4, "an instant counts as planned");
	/* 10:10-12:00 free, lunch fills 12:00-13:00, 13:40-15:00 free (the instant fills none) */
	is_int(fd.between, (110 + 80) * 60, "the break is not free; the planned instant fills no time");
	ok(fd.ngaps == 2 && gap_is(&fd.gaps[1], at(s, 16, 13, 40), at(s, 16, 15, 0), true),
	   "an instant does not split a gap");
	ok(fd.ngaps == 2 && fd.gaps[1].nrunning == 1 &&
	   !strcmp(s->sessions[fd.gaps[1].running[0]].id, "b3"), "b3 runs then; the planned photo is not listed");
	free(planned);

	/* An instant as the day's last planned session: the free time ends at it. */
	planned = plan_of(s, "k1 photo");
	freetime_day_compute(&fd, s, planned, 0, NULL, 0);
	is_int(fd.between, (110 + 90) * 60, "from k1's end to the photo, less the lunch break");
	ok(fd.ngaps == 3 && gap_is(&fd.gaps[1], at(s, 16, 13, 0), at(s, 16, 14, 30), true) &&
	   gap_is(&fd.gaps[2], at(s, 16, 14, 30), at(s, 16, 16, 0), false),
	   "a gap is cut at a planned instant that ends the planned sessions");
	free(planned);

	/* Nothing planned on the day. */
	planned = plan_of(s, "d2");
	freetime_day_compute(&fd, s, planned, 0, NULL, 0);
	ok(fd.nplanned == 0 && fd.between == 0, "nothing planned: nothing between");
	ok(fd.ngaps == 2 && gap_is(&fd.gaps[0], at(s, 16, 9, 40), at(s, 16, 12, 0), false),
	   "the day around its break");
	freetime_day_compute(&fd, s, planned, 1, NULL, 0);
	ok(fd.nplanned == 1 && fd.ngaps == 0 && fd.between == 0,
	   "day two: its only session planned, no gap");
	freetime_day_compute(&fd, s, planned, 5, NULL, 0);
	ok(fd.ngaps == 0 && fd.day == 5, "a day the timetable does not have: nothing");
	free(planned);

	/* Overlapping planned sessions: no negative gap, the later end counts. */
	planned = plan_of(s, "k2 b1 a3");
	freetime_day_compute(&fd, s, planned, 0, NULL, 0);
	is_int(fd.between, 30 * 60, "k2 and b1 overlap; 11:30-12:00 free, then lunch");
	free(planned);
	freetime_day_release(&fd);
}

/* A feed that declares its days (11:00 to 04:00) with talks past midnight and an instant. */
static void test_nights(void)
{
	struct schedule s;
	struct freetime_day fd;
	bool *planned;
	struct civil c;

	schedule_init(&s);
	if (schedule_load_file(&s, "tests/data/frab-nights.json", NULL) < 0) {
		printf("# %s\n", error_message());
		ok(0, "frab-nights.json loads");
		return;
	}
	freetime_day_init(&fd);
	/* day 1: 101 11:00-11:30, 103 20:00-21:00, 102 23:30-01:30, 104 00:50-01:35 (night) */
	planned = plan_of(&s, "0000101 0000102");
	freetime_day_compute(&fd, &s, planned, 0, NULL, 0);
	tz_to_civil(s.tz, fd.start, &c);
	ok(c.day == 21 && c.hour == 11 && c.minute == 0, "a declared day starts at the feed's start");
	tz_to_civil(s.tz, fd.end, &c);
	ok(c.day == 22 && c.hour == 4 && c.minute == 0, "and ends at its end, 04:00 the next morning");
	is_int(fd.between, 12 * 3600, "11:30 to 23:30 free between them");
	ok(fd.ngaps == 2 && fd.gaps[0].nrunning == 1 &&
	   !strncmp(s.sessions[fd.gaps[0].running[0]].id, "0000103", 7), "the lightning talks run then");
	ok(fd.ngaps == 2 && !fd.gaps[1].between && fd.gaps[1].end == fd.end &&
	   fd.gaps[1].nrunning == 1 && !strncmp(s.sessions[fd.gaps[1].running[0]].id, "0000104", 7),
	   "after the night session (01:30): free until the day's end, the night talk runs till 01:35");
	free(planned);

	/* day 2: 201 11:00-12:00, 203 14:00-14:30, 204 19:00 (instant), 202 02:00-03:00 (night) */
	planned = plan_of(&s, "0000201 0000202");
	freetime_day_compute(&fd, &s, planned, 1, NULL, 0);
	is_int(fd.between, 14 * 3600, "from 12:00 to 02:00 the next night: 14 h between them");
	ok(fd.ngaps == 2 && fd.gaps[0].nrunning == 2, "the afternoon talk and the photo (an instant) run then");
	free(planned);
	freetime_day_release(&fd);
	schedule_release(&s);
}

int main(void)
{
	struct schedule s;

	schedule_init(&s);
	if (schedule_load_buffer(&s, timetable, strlen(timetable), "freecon", NULL) < 0) {
		printf("# %s\n", error_message());
		ok(0, "the test timetable loads");
		return done_testing();
	}
	test_day(&s);
	schedule_release(&s);
	test_nights();
	tz_cleanup();
	return done_testing();
}
