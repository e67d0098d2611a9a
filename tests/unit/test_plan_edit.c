/* test_plan_edit.c: add, pin and drop by a typed id — exact, in NFC, by a unique prefix; an
 * ambiguous prefix, an unknown id (with and without a suggestion), a session without a time, an
 * id that is not planned — the stamp an edited plan gets, and the planned sessions the timetable
 * still has. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "plan.h"
#include "plan_edit.h"
#include "schedule.h"
#include "tap.h"
#include "text.h"
#include "util.h"

static const char timetable[] =
	"{ \"planner_format\": 1,\n"
	"  \"conference\": { \"id\": \"e\", \"name\": \"EditCon\", \"timezone\": \"Asia/Seoul\" },\n"
	"  \"rooms\": [ { \"id\": \"a\", \"name\": \"A\" }, { \"id\": \"b\", \"name\": \"B\" } ],\n"
	"  \"sessions\": [\n"
	"    { \"id\": \"talk-alpha\", \"title\": \"Alpha\", \"room\": \"a\",\n"
	"      \"start\": \"2025-08-16T11:00\", \"end\": \"2025-08-16T11:30\" },\n"
	"    { \"id\": \"talk-alpine\", \"title\": \"Alpine\", \"room\": \"b\",\n"
	"      \"start\": \"2025-08-16T10:00\", \"end\": \"2025-08-16T10:30\" },\n"
	"    { \"id\": \"\xeb\xb0\x9c\xed\x91\x9c" "1\", \"title\": \"Hangul id\", \"room\": \"a\",\n"
	"      \"start\": \"2025-08-16T09:00\", \"end\": \"2025-08-16T09:30\" },\n"
	"    { \"id\": \"lunch\", \"title\": \"Someday\" }\n"
	"  ] }\n";

/* 발표1 with both syllables decomposed into their jamo (NFD), as macOS may type it. */
static const char nfd_id[] = "\xe1\x84\x87\xe1\x85\xa1\xe1\x86\xaf\xe1\x84\x91\xe1\x85\xad" "1";

static const char *entry_ids(const struct plan *p)
{
	static char buf[256];

	buf[0] = '\0';
	for (size_t i = 0; i < p->nentries; i++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%s", i ? " " : "",
			 p->entries[i].id);
	return buf;
}

static void test_resolve(const struct schedule *s)
{
	long k = 99;
	char *nfc = text_nfc(nfd_id);

	ok(strcmp(nfd_id, "\xeb\xb0\x9c\xed\x91\x9c" "1") && !strcmp(nfc, "\xeb\xb0\x9c\xed\x91\x9c" "1"),
	   "the decomposed id differs from the timetable's, and is the same in NFC");
	free(nfc);
	ok(plan_edit_resolve(s, "talk-alpha", &k) == 0 && k == schedule_find_session(s, "talk-alpha"),
	   "an exact id");
	ok(plan_edit_resolve(s, nfd_id, &k) == 0 && k == schedule_find_session(s, "\xeb\xb0\x9c\xed\x91\x9c" "1"),
	   "the same id typed decomposed (NFC)");
	ok(plan_edit_resolve(s, "talk-alpi", &k) == 0 && k == schedule_find_session(s, "talk-alpine"),
	   "a unique prefix");
	error_clear();
	ok(plan_edit_resolve(s, "tal", &k) == 0 && k == -1 && !*error_message(),
	   "a prefix under 4 characters matches nothing, and is no error");
	ok(plan_edit_resolve(s, "nothing", &k) == 0 && k == -1, "no such id: -1, no error");
	ok(plan_edit_resolve(s, "talk-alp", &k) < 0 && k == -1, "an ambiguous prefix is an error");
	is_str(error_message(), "'talk-alp' is the start of several session ids; give more of it",
	       "saying so");
	is_int(error_status(), EX_DATAERR, "bad data");
}

static void test_add_pin(const struct schedule *s)
{
	struct plan p;
	const struct session *se = NULL;

	plan_init(&p);
	ok(plan_edit_add(&p, s, "talk-alph", false, &se) == 0 && se && !strcmp(se->id, "talk-alpha"),
	   "add by a unique prefix gives the session");
	ok(plan_edit_add(&p, s, nfd_id, false, &se) == 0 && se && !strcmp(se->id, "\xeb\xb0\x9c\xed\x91\x9c" "1"),
	   "add by a decomposed id");
	is_str(entry_ids(&p), "\xeb\xb0\x9c\xed\x91\x9c" "1 talk-alpha", "entries in time order, by the timetable's ids");
	is_int(p.pinned.n, 0, "add pins nothing");
	ok(plan_edit_add(&p, s, "talk-alpha", false, &se) == 0 && p.nentries == 2,
	   "adding a planned session again keeps it once");
	ok(plan_edit_add(&p, s, "talk-alpine", true, &se) == 0 && se && !strcmp(se->id, "talk-alpine"),
	   "pin a session not planned yet");
	is_str(entry_ids(&p), "\xeb\xb0\x9c\xed\x91\x9c" "1 talk-alpine talk-alpha", "pin adds it too");
	ok(p.pinned.n == 1 && !strcmp(p.pinned.v[0], "talk-alpine"), "and pins it");
	ok(plan_edit_add(&p, s, "talk-alpi", true, &se) == 0 && p.pinned.n == 1 && p.nentries == 3,
	   "pinning it again changes nothing");
	ok(plan_edit_add(&p, s, "talk-alpha", true, &se) == 0 && p.pinned.n == 2 && p.nentries == 3,
	   "pin a planned session: pinned, not added twice");

	se = s->sessions;
	ok(plan_edit_add(&p, s, "talk-alp", false, &se) < 0 && !se, "add: an ambiguous prefix fails");
	is_str(error_message(), "'talk-alp' is the start of several session ids; give more of it",
	       "saying so");
	ok(plan_edit_add(&p, s, "talk-alphq", false, &se) < 0, "add: an unknown id fails");
	is_str(error_message(), "no session 'talk-alphq' in EditCon (did you mean 'talk-alpha'?)",
	       "suggesting the nearest id");
	is_int(error_status(), EX_DATAERR, "bad data");
	ok(plan_edit_add(&p, s, "keynote-zz", true, &se) < 0, "pin: an id like none fails");
	is_str(error_message(), "no session 'keynote-zz' in EditCon (see 'planner list')",
	       "pointing at the list");
	ok(plan_edit_add(&p, s, "lunc", false, &se) < 0, "add: a session without a time fails");
	is_str(error_message(), "session 'lunch' is not scheduled: it has no time",
	       "naming it by its full id");
	ok(p.nentries == 3 && p.pinned.n == 2, "failed edits leave the plan as it was");
	plan_release(&p);
}

static void test_drop(const struct schedule *s)
{
	struct plan p;
	struct session gone = { 0 };
	const char *id = NULL;

	plan_init(&p);
	plan_edit_add(&p, s, "talk-alpha", true, &(const struct session *){ NULL });
	plan_edit_add(&p, s, "talk-alpine", false, &(const struct session *){ NULL });
	/* a session the timetable no longer has, planned earlier */
	gone.id = (char *)"old-talk";
	gone.title = (char *)"Old";
	gone.has_time = true;
	gone.start = s->sessions[0].start;
	gone.end = gone.start + 600;
	plan_add(&p, s, &gone);
	strlist_push(&p.pinned, "old-talk");

	ok(plan_edit_drop(&p, s, "talk-alph", &id) == 0 && id && !strcmp(id, "talk-alpha"),
	   "drop by a unique prefix names the timetable's id");
	is_str(entry_ids(&p), "old-talk talk-alpine", "it is gone from the entries");
	ok(p.pinned.n == 1 && !strcmp(p.pinned.v[0], "old-talk"), "and from the pins");
	ok(plan_edit_drop(&p, s, "old-talk", &id) == 0 && id && !strcmp(id, "old-talk"),
	   "drop a session the timetable no longer has, by its id");
	ok(p.nentries == 1 && p.pinned.n == 0, "entry and pin gone");
	ok(plan_edit_drop(&p, s, "talk-alpha", &id) < 0 && !id, "dropping what is not planned fails");
	is_str(error_message(), "'talk-alpha' is not in your plan (see 'planner plan')", "saying so");
	ok(plan_edit_drop(&p, s, "talk-a", &id) < 0, "drop: an ambiguous prefix fails");
	is_str(error_message(), "'talk-a' is the start of several session ids; give more of it",
	       "saying so");
	ok(plan_edit_drop(&p, s, "talk-alpi", &id) == 0 && p.nentries == 0, "the last one dropped");
	ok(plan_edit_drop(&p, s, "talk-alpi", &id) < 0, "twice fails");
	is_str(error_message(), "'talk-alpine' is not in your plan (see 'planner plan')",
	       "naming the id the prefix resolved to");
	ok(p.dropped.n == 3 && strlist_find(&p.dropped, "talk-alpha") >= 0 &&
	   strlist_find(&p.dropped, "old-talk") >= 0 && strlist_find(&p.dropped, "talk-alpine") >= 0,
	   "each dropped session is on the dropped list, once");
	ok(p.added.n == 0, "and no longer on the added list");
	ok(plan_edit_add(&p, s, "talk-alpine", false, &(const struct session *){ NULL }) == 0 &&
	   strlist_find(&p.dropped, "talk-alpine") < 0 && strlist_find(&p.added, "talk-alpine") >= 0,
	   "added again: off the dropped list, on the added one");
	ok(plan_edit_add(&p, s, "talk-alpha", true, &(const struct session *){ NULL }) == 0 &&
	   strlist_find(&p.dropped, "talk-alpha") < 0 && strlist_find(&p.added, "talk-alpha") < 0,
	   "pinned again: off the dropped list (a pin is not an addition)");
	plan_release(&p);
}

static void test_unpin(const struct schedule *s)
{
	struct plan p;
	const char *id = NULL;

	plan_init(&p);
	plan_edit_add(&p, s, "talk-alpha", true, &(const struct session *){ NULL });
	ok(plan_edit_unpin(&p, s, "talk-alph", &id) == 0 && id && !strcmp(id, "talk-alpha"),
	   "unpin by a unique prefix names the timetable's id");
	ok(p.pinned.n == 0 && p.nentries == 1, "it is no longer pinned, and still planned");
	ok(plan_edit_unpin(&p, s, "talk-alpha", &id) < 0 && !id, "unpinning what is not pinned fails");
	is_str(error_message(), "'talk-alpha' is not pinned (see 'planner plan')", "saying so");
	is_int(error_status(), EX_DATAERR, "bad data");
	ok(plan_edit_unpin(&p, s, "talk-a", &id) < 0, "unpin: an ambiguous prefix fails");
	plan_release(&p);
}

static void test_stamp(const struct schedule *s)
{
	struct plan p;
	char fp[17];

	plan_init(&p);
	p.fingerprint = xstrdup("0000000000000000");
	p.made_at = 5;
	schedule_fingerprint(s, fp);
	plan_edit_stamp(&p, s, 1755300000);
	ok(p.fingerprint && !strcmp(p.fingerprint, fp) && strcmp(fp, "0000000000000000"),
	   "the stamp is the timetable's fingerprint");
	is_int(p.made_at, 1755300000, "and the time given");
	plan_release(&p);
}

static void test_sessions(const struct schedule *s)
{
	struct plan p;
	struct session fake = { 0 };
	const struct session **v;
	size_t n = 9;

	plan_init(&p);
	v = plan_sessions(&p, s, &n);
	ok(v && n == 0, "an empty plan: no sessions (and an array to free)");
	free(v);
	plan_edit_add(&p, s, "talk-alpha", false, &(const struct session *){ NULL });
	plan_edit_add(&p, s, "talk-alpine", false, &(const struct session *){ NULL });
	/* talk-alpine moved since it was planned: still there */
	p.entries[plan_find(&p, "talk-alpine")].start -= 60;
	/* one the timetable dropped, and lunch planned while it had a time */
	fake.title = (char *)"x";
	fake.has_time = true;
	fake.start = s->sessions[0].start - 3600;
	fake.end = fake.start + 60;
	fake.id = (char *)"dropped";
	plan_add(&p, s, &fake);
	fake.id = (char *)"lunch";
	fake.start += 7 * 3600;
	fake.end += 7 * 3600;
	plan_add(&p, s, &fake);
	is_str(entry_ids(&p), "dropped talk-alpine talk-alpha lunch", "four planned");
	v = plan_sessions(&p, s, &n);
	ok(n == 2 && v[0] == &s->sessions[schedule_find_session(s, "talk-alpine")] &&
	   v[1] == &s->sessions[schedule_find_session(s, "talk-alpha")],
	   "two the timetable still has with a time, in the plan's order, pointing into it");
	free(v);
	plan_release(&p);
}

int main(void)
{
	struct schedule s;

	schedule_init(&s);
	if (schedule_load_buffer(&s, timetable, strlen(timetable), "edit.json", NULL) < 0) {
		printf("Bail out! %s\n", error_message());
		return 1;
	}
	test_resolve(&s);
	test_add_pin(&s);
	test_unpin(&s);
	test_drop(&s);
	test_stamp(&s);
	test_sessions(&s);
	schedule_release(&s);
	return done_testing();
}
