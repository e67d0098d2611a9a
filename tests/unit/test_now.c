/* test_now.c: where the plan stands at an instant — the session on now (start inclusive, end
 * exclusive), the next one and where you walk to it from (room change, travel between floors,
 * plenaries, overlaps), sessions moved or cancelled since planning, what is running and starts
 * next, and the spans as words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "now.h"
#include "plan.h"
#include "schedule.h"
#include "tap.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

static const char timetable[] =
	"{ \"planner_format\": 1,\n"
	"  \"conference\": { \"id\": \"nowcon\", \"name\": \"NowCon\", \"timezone\": \"Asia/Seoul\" },\n"
	"  \"rooms\": [ { \"id\": \"a\", \"name\": \"Hall A\", \"floor\": \"1F\" }, { \"id\": \"b\", \"name\": \"Room B\", \"floor\": \"2F\" },\n"
	"             { \"id\": \"c\", \"name\": \"Room C\" } ],\n"
	"  \"sessions\": [\n"
	"    { \"id\": \"k\", \"title\": \"Keynote\", \"type\": \"keynote\", \"room\": [\"a\", \"b\"],\n"
	"      \"start\": \"2025-08-16T09:00\", \"end\": \"2025-08-16T09:45\" },\n"
	"    { \"id\": \"a1\", \"title\": \"A one\", \"room\": \"a\", \"start\": \"2025-08-16T10:00\", \"end\": \"2025-08-16T10:40\" },\n"
	"    { \"id\": \"b1\", \"title\": \"B one\", \"room\": \"b\", \"start\": \"2025-08-16T10:20\", \"end\": \"2025-08-16T11:00\" },\n"
	"    { \"id\": \"c1\", \"title\": \"C one\", \"room\": \"c\", \"start\": \"2025-08-16T10:00\", \"end\": \"2025-08-16T10:20\" },\n"
	"    { \"id\": \"a2\", \"title\": \"A two\", \"room\": \"a\", \"start\": \"2025-08-16T11:00\", \"end\": \"2025-08-16T11:30\" },\n"
	"    { \"id\": \"b2\", \"title\": \"B two\", \"room\": \"b\", \"start\": \"2025-08-16T11:00\", \"end\": \"2025-08-16T11:30\" },\n"
	"    { \"id\": \"c2\", \"title\": \"C two\", \"room\": \"c\", \"start\": \"2025-08-16T11:35\", \"end\": \"2025-08-16T12:00\" },\n"
	"    { \"id\": \"d2\", \"title\": \"Day two\", \"room\": \"a\", \"start\": \"2025-08-17T09:00\", \"end\": \"2025-08-17T10:00\" },\n"
	"    { \"id\": \"u\", \"title\": \"Untimed\" }\n"
	"  ] }\n";

static int64_t at(const struct schedule *s, int day, int h, int m)
{
	struct civil c = { 2025, 8, day, h, m, 0 };
	int64_t t = 0;

	tz_from_civil(s->tz, &c, &t);
	return t;
}

static void plan_of(struct plan *p, const struct schedule *s, const char *ids)
{
	char *copy = xstrdup(ids), *save = NULL;

	plan_init(p);
	for (char *id = strtok_r(copy, " ", &save); id; id = strtok_r(NULL, " ", &save))
		plan_add(p, s, &s->sessions[schedule_find_session(s, id)]);
	free(copy);
}

static const char *id_of(const struct session *se)
{
	return se ? se->id : "(none)";
}

static void test_now(const struct schedule *s)
{
	struct now_status st;
	struct plan p;

	now_status_init(&st);
	plan_of(&p, s, "k a1 b2 c2 d2");
	now_compute(&st, s, &p, at(s, 16, 8, 0), 5);
	ok(st.ncurrent == 0 && !st.from, "before the first session: nothing on, no walk");
	is_str(id_of(st.next), "k", "the keynote is next");
	is_int(st.nupcoming, 1, "it is what starts next");

	now_compute(&st, s, &p, at(s, 16, 10, 0), 5);
	ok(st.ncurrent == 1 && !strcmp(st.current[0]->id, "a1"), "a session is on from its start");
	is_str(id_of(st.next), "b2", "next: b2");
	is_str(id_of(st.from), "a1", "walked to from a1");
	ok(st.room_change && !st.overlap, "a room change, no overlap");
	is_int(st.travel, 10 * 60, "hall A on 1F to room B on 2F: twice the travel time");
	is_int(st.gap, 20 * 60, "20 minutes between a1's end and b2's start");
	is_int(st.nrunning, 2, "a1 and c1 are running");

	now_compute(&st, s, &p, at(s, 16, 10, 40), 5);
	is_int(st.ncurrent, 0, "a session is over at its end");
	is_int(st.gap, 20 * 60, "the gap from a1's end");
	now_compute(&st, s, &p, at(s, 16, 10, 50), 5);
	is_int(st.gap, 10 * 60, "once a1 is over, the time left counts from now");

	now_compute(&st, s, &p, at(s, 16, 11, 10), 5);
	is_str(id_of(st.next), "c2", "next: c2");
	is_str(id_of(st.from), "b2", "from b2, on now");
	is_int(st.travel, 5 * 60, "from 2F to a room whose floor is not known: the plain time");
	is_int(st.gap, 5 * 60, "five minutes between b2 and c2");

	now_compute(&st, s, &p, at(s, 16, 12, 30), 5);
	is_str(id_of(st.next), "d2", "after the day: tomorrow's session");
	ok(!st.from && st.travel == 0 && !st.room_change, "the day's first session: nowhere to walk from");
	ok(st.nrunning == 0 && st.nupcoming == 1 && !strcmp(st.upcoming[0]->id, "d2"), "nothing running");

	now_compute(&st, s, &p, at(s, 17, 10, 0), 5);
	ok(!st.next && !st.ncurrent && !st.nrunning && !st.nupcoming, "at the very end: nothing at all");
	is_int(st.last_end, at(s, 17, 10, 0), "last_end: the end of the last session");
	plan_release(&p);

	/* Plenaries: no room change either way. */
	plan_of(&p, s, "k b1");
	now_compute(&st, s, &p, at(s, 16, 9, 30), 5);
	is_str(id_of(st.from), "k", "from the keynote");
	ok(!st.room_change && st.travel == 0, "leaving a plenary is no room change");
	plan_release(&p);

	/* Overlaps, and the one that ends last is walked from. */
	plan_of(&p, s, "a1 b1 c1");
	now_compute(&st, s, &p, at(s, 16, 10, 5), 5);
	is_int(st.ncurrent, 2, "a1 and c1 are both on");
	is_str(id_of(st.next), "b1", "b1 is next");
	is_str(id_of(st.from), "a1", "from the one that ends last (a1, not c1)");
	ok(st.overlap && st.gap == 0, "b1 starts before a1 ends: an overlap");
	plan_release(&p);

	plan_of(&p, s, "a2 b2");
	now_compute(&st, s, &p, at(s, 16, 10, 0), 5);
	is_str(id_of(st.next), "a2", "two next at the same time: the timetable's first");
	ok(!st.from, "and neither is walked from to the other");
	plan_release(&p);

	/* No plan: running and upcoming only. */
	now_compute(&st, s, NULL, at(s, 16, 10, 30), 5);
	ok(!st.ncurrent && !st.next && st.nrunning == 2, "no plan: only what is running");
	ok(st.nupcoming == 2 && !strcmp(st.upcoming[0]->id, "a2") && !strcmp(st.upcoming[1]->id, "b2"),
	   "and what starts next, all of it");
	now_status_release(&st);
}

/* A plan made from one version, read against the next: moved sessions at their new time,
 * cancelled ones not at all. */
static void test_changed(const struct schedule *old)
{
	char *text = xstrdup(timetable), *p;
	struct schedule s;
	struct now_status st;
	struct plan plan;

	p = strstr(text, "\"id\": \"b2\"");
	memcpy(strstr(p, "11:00"), "11:40", 5);
	memcpy(strstr(p, "11:30"), "11:50", 5);
	p = strstr(text, "\"id\": \"c2\"");
	memcpy(p + 7, "x2", 2);
	schedule_init(&s);
	if (schedule_load_buffer(&s, text, strlen(text), "v2", NULL) < 0) {
		ok(0, "v2 loads: %s", error_message());
		free(text);
		return;
	}
	plan_of(&plan, old, "a1 b2 c2");
	now_status_init(&st);
	now_compute(&st, &s, &plan, at(&s, 16, 11, 10), 5);
	is_str(id_of(st.next), "b2", "a moved session is next at its new time");
	is_int(st.next->start, at(&s, 16, 11, 40), "11:40");
	is_str(id_of(st.from), "a1", "walked to from a1");
	now_compute(&st, &s, &plan, at(&s, 16, 11, 45), 5);
	ok(st.ncurrent == 1 && !strcmp(st.current[0]->id, "b2"), "and on at its new time");
	ok(!st.next, "a cancelled session is never next");
	now_status_release(&st);
	plan_release(&plan);
	schedule_release(&s);
	free(text);
}

/* the countdown form of the one duration format (timefmt.h), as `planner now` shows it */
static void test_span(void)
{
	static const struct { int64_t s; const char *want; } v[] = {
		{ 0, "0 min" }, { 1, "1 min" }, { 59, "1 min" }, { 60, "1 min" }, { 61, "2 min" },
		{ 59 * 60, "59 min" }, { 3600, "1 h" }, { 3900, "1 h 5 min" },
		{ 47 * 3600 + 59 * 60, "47 h 59 min" }, { 48 * 3600, "2 days" }, { 80 * 3600, "3 days" },
		{ -5, "0 min" },
	};
	char buf[32];

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		format_duration(v[i].s, true, buf, sizeof(buf));
		is_str(buf, v[i].want, "%lld seconds", (long long)v[i].s);
	}
}

int main(void)
{
	struct schedule s;

	schedule_init(&s);
	if (schedule_load_buffer(&s, timetable, strlen(timetable), "nowcon", NULL) < 0) {
		printf("# %s\n", error_message());
		ok(0, "the test timetable loads");
		return done_testing();
	}
	test_now(&s);
	test_changed(&s);
	test_span();
	schedule_release(&s);
	tz_cleanup();
	return done_testing();
}
