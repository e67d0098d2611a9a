/* test_load.c: the native loader and the schedule model — counts, instants, days, rooms,
 * unscheduled sessions, ordering, and error messages that point at the offending value. */
#include <stdlib.h>
#include <string.h>

#include "jsonpos.h"
#include "load.h"
#include "schedule.h"
#include "tap.h"
#include "util.h"

static int load_str(struct schedule *s, const char *json)
{
	schedule_init(s);
	return schedule_load_buffer(s, json, strlen(json), "t.json", NULL);
}

static const struct session *find(const struct schedule *s, const char *id)
{
	long i = schedule_find_session(s, id);
	return i < 0 ? NULL : &s->sessions[i];
}

#define HEAD "{\"planner_format\":1,\"conference\":{\"id\":\"c\",\"name\":\"C\",\"timezone\":\"Asia/Seoul\"}," \
	"\"rooms\":[{\"id\":\"a\",\"name\":\"A\"},{\"id\":\"b\",\"name\":\"B\"}],\n\"sessions\":["

static void test_bundled_2024(void)
{
	struct schedule s;
	const struct session *k;
	size_t scheduled = 0;

	schedule_init(&s);
	is_int(schedule_load_file(&s, "schedules/pyconkr-2024.json", NULL), 0, "bundled 2024 loads");
	is_int(s.nsessions, 43, "2024 has 43 sessions");
	is_int(s.nrooms, 3, "2024 has 3 halls");
	is_int(s.ndays, 2, "2024 has 2 days");
	is_str(s.conf.timezone, "Asia/Seoul", "2024 is in Asia/Seoul");
	for (size_t i = 0; i < s.nsessions; i++)
		scheduled += s.sessions[i].scheduled;
	is_int(scheduled, 41, "41 sessions are scheduled, 2 are kept unscheduled");
	ok(!s.sessions[41].has_time && !s.sessions[42].has_time, "unscheduled sessions sort last");
	k = find(&s, "F7MWSF");
	ok(k && k->type == SESSION_KEYNOTE, "F7MWSF is a keynote");
	/* 2024-10-26 09:40 KST = 00:40 UTC */
	ok(k && k->start == 1729903200 && k->end == 1729905000, "F7MWSF runs 09:40-10:10 KST");
	ok(k && k->day == 0, "F7MWSF is on day 1");
	is_int(s.days[1].start, 1729954800, "day 2 starts at local midnight (2024-10-26T15:00Z)");
	k = find(&s, "TGEZYJ");
	ok(k && k->nrooms == 1 && !strcmp(s.rooms[k->rooms[0]].name, "컨벤션 홀 3"), "TGEZYJ is in 컨벤션 홀 3");
	ok(k && k->tags.n == 1 && !strcmp(k->tags.v[0], "라이브러리 / 코어"), "TGEZYJ keeps its Korean tag");
	ok(schedule_match_session(&s, "SRKR") == schedule_find_session(&s, "SRKR79"),
	   "a unique start of an id (4+ characters) names the session");
	is_int(schedule_match_session(&s, "SRK"), -1, "three characters are not enough");
	is_int(schedule_match_session(&s, "TGEZYJ"), schedule_find_session(&s, "TGEZYJ"), "a whole id");
	for (size_t i = 1; i < 41; i++)
		if (s.sessions[i].start < s.sessions[i - 1].start) {
			ok(0, "sessions sorted by start");
			break;
		}
	schedule_release(&s);
}

static void test_bundled_2014(void)
{
	struct schedule s;
	const struct session *p;

	schedule_init(&s);
	is_int(schedule_load_file(&s, "schedules/pyconkr-2014.json", NULL), 0, "bundled 2014 loads");
	is_int(s.nsessions, 26, "2014 has 26 programmes");
	is_int(s.nrooms, 3, "2014 has 3 rooms");
	is_int(s.ndays, 1, "2014 has 1 day");
	p = find(&s, "p20");
	ok(p && p->nrooms == 3 && p->scheduled, "the opening (p20) is a plenary in all 3 rooms");
	p = find(&s, "p17");
	ok(p && p->has_time && p->nrooms == 0 && !p->scheduled,
	   "a lightning talk with no room keeps its time and is marked unscheduled");
	p = find(&s, "p4");
	ok(p && p->track && !strcmp(p->track, "파이썬 일반"), "categories become tracks");
	schedule_release(&s);
}

static void test_times(void)
{
	struct schedule s;
	const struct session *x;
	int r = load_str(&s, HEAD
		"{\"id\":\"x\",\"title\":\"X\",\"room\":\"a\",\"start\":\"2025-08-16T23:30\",\"end\":\"2025-08-17T00:30\"},"
		"{\"id\":\"y\",\"title\":\"Y\",\"room\":[\"a\",\"b\"],\"start\":\"2025-08-16T14:30:00Z\",\"end\":\"2025-08-16T15:00:00Z\"},"
		"{\"id\":\"z\",\"title\":\"Z\",\"room\":null,\"level\":\"고급\",\"type\":\"Lightning Talk\"}]}");

	is_int(r, 0, "times with and without offsets load");
	x = find(&s, "x");
	ok(x && x->start == 1755354600, "a local time without offset is in the conference zone");
	ok(x && x->day == 0, "a session past midnight belongs to the day it starts");
	x = find(&s, "y");
	ok(x && x->start == 1755354600,
	   "14:30Z is 23:30 KST");
	ok(x && x->nrooms == 2, "a session can be in several rooms");
	is_int(s.ndays, 1, "both days collapse to one conference day");
	x = find(&s, "z");
	ok(x && x->level == LEVEL_ADVANCED, "고급 is advanced");
	ok(x && x->type == SESSION_LIGHTNING, "\"Lightning Talk\" is a lightning talk");
	ok(x && !x->scheduled && !x->has_time && x->day == -1, "no time, no room: unscheduled");
	schedule_release(&s);
}

static void test_match(void)
{
	struct schedule s;

	ok(load_str(&s, HEAD "{\"id\":\"abcd-1\",\"title\":\"X\"},{\"id\":\"abcd-2\",\"title\":\"Y\"}]}") == 0,
	   "two sessions whose ids share a start");
	is_int(schedule_match_session(&s, "abcd"), -2, "a start shared by two ids is ambiguous");
	is_int(schedule_match_session(&s, "abcd-2"), schedule_find_session(&s, "abcd-2"), "the whole id is not");
	is_int(schedule_match_session(&s, "ABCD-2"), schedule_find_session(&s, "abcd-2"),
	       "an id typed in another case");
	is_int(schedule_match_session(&s, "ABCD"), -2, "... a start shared by two, in another case, too");
	is_int((long)schedule_id_prefix(&s, &s.sessions[schedule_find_session(&s, "abcd-1")]), 6,
	       "the prefix that tells abcd-1 from abcd-2 is all of it");
	schedule_release(&s);
	ok(load_str(&s, HEAD "{\"id\":\"Kim-1\",\"title\":\"X\"},{\"id\":\"kim-1\",\"title\":\"Y\"},"
		    "{\"id\":\"zzzzzzzz\",\"title\":\"Z\"}]}") == 0, "ids that differ only in case");
	is_int(schedule_match_session(&s, "KIM-1"), -2, "typed in a third case: ambiguous");
	is_int(schedule_match_session(&s, "kim-1"), schedule_find_session(&s, "kim-1"), "an exact id wins");
	is_int((long)schedule_id_prefix(&s, &s.sessions[schedule_find_session(&s, "zzzzzzzz")]), 4,
	       "an id nothing else starts like needs 4 characters");
	schedule_release(&s);
}

static void test_errors(void)
{
	struct schedule s;

	ok(load_str(&s, HEAD "{\"id\":\"x\",\"title\":\"X\",\"start\":\"2025-08-16T10:00\"}]}") < 0,
	   "start without end fails");
	is_str(error_message(), "t.json:2:43: session \"x\": has \"start\" but no \"end\"",
	       "and the message points at start");
	ok(load_str(&s, HEAD "{\"id\":\"x\",\"title\":\"X\",\"type\":\"gala\"}]}") < 0, "unknown type fails");
	ok(strstr(error_message(), "t.json:2:42: session \"x\": unknown type \"gala\"") != NULL,
	   "and names the type and position");
	ok(load_str(&s, HEAD "{\"id\":\"x\",\"title\":\"X\",\"start\":\"2025-08-16T10:00\",\"end\":\"2025-08-16T10:00\"}]}") == 0,
	   "a session that takes no time loads (end == start)");
	ok(s.nsessions == 1 && s.sessions[0].has_time && s.sessions[0].start == s.sessions[0].end &&
	   s.sessions[0].day == 0, "... timed, on its day");
	schedule_release(&s);
	ok(load_str(&s, HEAD "{\"id\":\"x\",\"title\":\"X\",\"start\":\"2025-08-16T10:00\",\"end\":\"2025-08-16T09:59\"}]}") < 0,
	   "a session that ends before it starts fails");
	ok(strstr(error_message(), "end is before start") != NULL, "... saying so");
	ok(load_str(&s, "{\"planner_format\":2}") < 0, "an unknown format version fails");
	is_str(error_message(), "t.json:1:19: unsupported planner_format (this planner reads version 1)",
	       "and says which version is read");
	ok(load_str(&s, HEAD "{\"id\":7,\"title\":\"X\"}]}") < 0, "a number as id fails");
	is_str(error_message(), "t.json:2:19: \"id\" must be a string, not an integer", "and says so");
	ok(load_str(&s, "{\"planner_format\":1,\"conference\":{\"id\":\"c\",\"name\":\"C\",\"timezone\":\"../../etc/passwd\"},\"rooms\":[],\"sessions\":[]}") < 0,
	   "a path as time zone fails");
	ok(strstr(error_message(), "unknown time zone \"../../etc/passwd\"") != NULL, "as an unknown zone");
	ok(load_str(&s, HEAD "{\"id\":\"x\",\"title\":\"\"}]}") < 0, "an empty title fails");
	ok(strstr(error_message(), "\"title\" is empty") != NULL, "as empty");
	is_int(error_status(), EX_DATAERR, "bad data is EX_DATAERR");
}

static void test_jsonpos(void)
{
	const char *j = "{\"a\": [1, {\"b\": \"x\"}],\n \"c\": {\"d\": [true, \"파이썬\", 3]}}";
	struct json_step p1[] = { { "a", 0 }, { NULL, 1 }, { "b", 0 } };
	struct json_step p2[] = { { "c", 0 }, { "d", 0 }, { NULL, 2 } };
	struct json_step p3[] = { { "c", 0 }, { "zz", 0 } };
	int line, col;

	is_int(json_locate(j, strlen(j), p1, 3, &line, &col), 0, "json_locate finds a.1.b");
	ok(line == 1 && col == 17, "at 1:17 (got %d:%d)", line, col);
	is_int(json_locate(j, strlen(j), p2, 3, &line, &col), 0, "json_locate finds c.d.2");
	ok(line == 2 && col == 27, "columns count characters, not bytes (got %d:%d)", line, col);
	is_int(json_locate(j, strlen(j), p3, 2, &line, &col), -1, "a missing key is reported");
	ok(line == 2 && col == 7, "at the deepest value found (got %d:%d)", line, col);
}

int main(void)
{
	test_bundled_2024();
	test_bundled_2014();
	test_times();
	test_errors();
	test_match();
	test_jsonpos();
	return done_testing();
}
