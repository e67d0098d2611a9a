/* test_missed.c: what was wanted and missed — which sessions count as wanted (the preferences'
 * points, pins and adds by hand, drops), which never do (planned, avoided, breaks, untimed,
 * not yet ended, another day), why each was missed (overlap, the walk between floors, a break,
 * the per-day cap, a day with nothing planned, a drop), the order (points, then time), and which
 * links are videos. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "missed.h"
#include "pick.h"
#include "plan.h"
#include "prefs.h"
#include "schedule.h"
#include "tap.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

static const char timetable[] =
	"{ \"planner_format\": 1,\n"
	"  \"conference\": { \"id\": \"misscon\", \"name\": \"MissCon\", \"timezone\": \"Asia/Seoul\" },\n"
	"  \"rooms\": [ { \"id\": \"a\", \"name\": \"Hall A\", \"floor\": \"1F\" }, { \"id\": \"b\", \"name\": \"Room B\", \"floor\": \"2F\" },\n"
	"             { \"id\": \"c\", \"name\": \"Room C\", \"floor\": \"1F\" } ],\n"
	"  \"sessions\": [\n"
	"    { \"id\": \"k\", \"title\": \"Keynote\", \"type\": \"keynote\", \"room\": [\"a\", \"b\"],\n"
	"      \"start\": \"2025-08-16T09:00\", \"end\": \"2025-08-16T09:45\" },\n"
	"    { \"id\": \"a1\", \"title\": \"Rust A\", \"room\": \"a\", \"start\": \"2025-08-16T10:00\", \"end\": \"2025-08-16T10:40\" },\n"
	"    { \"id\": \"c1\", \"title\": \"Gardening\", \"room\": \"c\", \"start\": \"2025-08-16T10:00\", \"end\": \"2025-08-16T10:20\" },\n"
	"    { \"id\": \"b1\", \"title\": \"Rust B\", \"room\": \"b\", \"start\": \"2025-08-16T10:20\", \"end\": \"2025-08-16T11:00\" },\n"
	"    { \"id\": \"w\", \"title\": \"Rust upstairs\", \"room\": \"b\", \"start\": \"2025-08-16T10:45\", \"end\": \"2025-08-16T11:00\" },\n"
	"    { \"id\": \"br\", \"title\": \"Rust lunch break\", \"type\": \"break\", \"room\": \"c\", \"start\": \"2025-08-16T12:00\", \"end\": \"2025-08-16T13:00\" },\n"
	"    { \"id\": \"l1\", \"title\": \"Rust over lunch\", \"room\": \"a\", \"start\": \"2025-08-16T12:10\", \"end\": \"2025-08-16T12:40\" },\n"
	"    { \"id\": \"dr\", \"title\": \"Rust dropped\", \"room\": \"c\", \"start\": \"2025-08-16T14:00\", \"end\": \"2025-08-16T14:30\" },\n"
	"    { \"id\": \"c3\", \"title\": \"Rust late\", \"room\": \"c\", \"start\": \"2025-08-16T15:00\", \"end\": \"2025-08-16T15:30\" },\n"
	"    { \"id\": \"av\", \"title\": \"Rust avoided\", \"room\": \"c\", \"start\": \"2025-08-16T16:00\", \"end\": \"2025-08-16T16:30\" },\n"
	"    { \"id\": \"kim\", \"title\": \"Rust by Kim\", \"speakers\": [\"Kim\"], \"room\": \"c\", \"start\": \"2025-08-16T17:00\", \"end\": \"2025-08-16T17:30\" },\n"
	"    { \"id\": \"d2\", \"title\": \"Rust day two\", \"room\": \"a\", \"start\": \"2025-08-17T09:00\", \"end\": \"2025-08-17T10:00\" },\n"
	"    { \"id\": \"u\", \"title\": \"Rust untimed\" }\n"
	"  ] }\n";

static int64_t at(const struct schedule *s, int day, int h, int m)
{
	struct civil c = { 2025, 8, day, h, m, 0 };
	int64_t t = 0;

	tz_from_civil(s->tz, &c, &t);
	return t;
}

/* "b1:overlap:a1 w:walk:a1 ...": each missed session, its reason and the session it names. */
static char *describe(const struct schedule *s, const struct missed *v, size_t n)
{
	static const char *const names[] = { "dropped", "overlap", "walk", "busy", "cap", "free" };
	struct strbuf sb;

	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++) {
		strbuf_addf(&sb, "%s%s:%s", i ? " " : "", s->sessions[v[i].session].id, names[v[i].reason]);
		if (v[i].with >= 0)
			strbuf_addf(&sb, ":%s", s->sessions[v[i].with].id);
		if (v[i].reason == MISSED_FREE && v[i].day_empty)
			strbuf_adds(&sb, ":empty");
	}
	return sb.buf ? strbuf_detach(&sb) : xstrdup("");
}

static const struct missed *find(const struct schedule *s, const struct missed *v, size_t n,
				 const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(s->sessions[v[i].session].id, id))
			return &v[i];
	return NULL;
}

static void test_links(void)
{
	ok(missed_link_is_video("", "https://media.ccc.de/v/36c3-10000-title"), "media.ccc.de is a video site");
	ok(missed_link_is_video(NULL, "https://www.youtube.com/watch?v=x"), "www.youtube.com");
	ok(missed_link_is_video(NULL, "https://m.youtube.com/watch?v=x"), "m.youtube.com");
	ok(missed_link_is_video(NULL, "https://youtu.be/x"), "youtu.be");
	ok(missed_link_is_video(NULL, "HTTPS://VIMEO.COM/123"), "a host in capitals");
	ok(missed_link_is_video(NULL, "https://media.ccc.de:443/v/x"), "a host with a port");
	ok(!missed_link_is_video(NULL, "https://media.ccc.de.evil.example/v/x"), "not a host that only starts like one");
	ok(!missed_link_is_video(NULL, "https://notyoutube.com/x"), "not a host that only ends like one");
	ok(!missed_link_is_video(NULL, "https://example.org/?u=https://youtu.be/x"), "not a media URL in the query");
	ok(missed_link_is_video("Video recording", "https://cdn.example.org/1.mp4"), "a title that says video");
	ok(missed_link_is_video("AUFZEICHNUNG", "https://cdn.example.org/1.mp4"), "German, any case");
	ok(missed_link_is_video("발표 영상", "https://cdn.example.org/1.mp4"), "Korean");
	ok(!missed_link_is_video("Slides", "https://example.org/slides.pdf"), "slides are not a video");
	ok(!missed_link_is_video(NULL, NULL), "nothing is not a video");
}

static void test_find(struct schedule *s)
{
	struct prefs p;
	struct pick_request rq;
	struct plan plan;
	struct strlist once_pinned, once_added;
	struct missed_request mr;
	struct missed *v;
	size_t n;
	char *got;

	prefs_init(&p);
	prefs_add(&p, PREF_KEYWORD, "rust");
	prefs_add(&p, PREF_SPEAKER, "kim");
	pick_request_init(&rq, s, &p);
	pick_add_break(&rq, "12:00-13:00");
	plan_init(&plan);
	plan_add(&plan, s, &s->sessions[schedule_find_session(s, "k")]);
	plan_add(&plan, s, &s->sessions[schedule_find_session(s, "a1")]);
	strlist_push(&plan.dropped, "dr");
	strlist_push(&plan.avoided, "av");
	strlist_init(&once_pinned);
	strlist_init(&once_added);

	mr = (struct missed_request){ &rq, &plan, &once_pinned, &once_added, INT64_MAX, -1 };
	missed_find(&mr, &v, &n);
	got = describe(s, v, n);
	is_str(got, "kim:free b1:overlap:a1 w:walk:a1 l1:busy dr:dropped c3:free d2:free:empty",
	       "best first: the most points, then the earliest; each with its reason");
	free(got);
	ok(find(s, v, n, "w") && find(s, v, n, "w")->walk_minutes == 10 && !find(s, v, n, "w")->walk_to,
	   "the walk from the first floor to the second takes twice the travel time, from the planned one");
	ok(find(s, v, n, "l1") && !strcmp(find(s, v, n, "l1")->busy, "break 12:00-13:00"), "the break named");
	is_int(find(s, v, n, "kim") ? find(s, v, n, "kim")->points : -1, 600, "points");
	is_str(find(s, v, n, "kim") ? find(s, v, n, "kim")->why : NULL, "about rust in the title, speaker kim", "and why");
	ok(!find(s, v, n, "c1"), "a session that earns nothing and was never had by hand is not wanted");
	ok(find(s, v, n, "dr") && find(s, v, n, "dr")->with == -1, "dropped with nothing planned then");
	ok(!find(s, v, n, "av") && !find(s, v, n, "br") && !find(s, v, n, "u") && !find(s, v, n, "a1"),
	   "never: avoided, a break, untimed, planned");
	missed_free(v, n);

	/* pinned and added by hand in the history */
	strlist_push(&once_added, "c1");
	strlist_push(&once_pinned, "b1");
	missed_find(&mr, &v, &n);
	ok(find(s, v, n, "c1") && find(s, v, n, "c1")->hand == MISSED_ADDED && find(s, v, n, "c1")->points == 0 &&
	   v[n - 1].session == (size_t)schedule_find_session(s, "c1"),
	   "added once by hand: wanted with no points, so last");
	ok(find(s, v, n, "b1") && find(s, v, n, "b1")->hand == MISSED_PINNED, "pinned once");
	missed_free(v, n);

	/* until a moment; one day */
	mr.until = at(s, 16, 12, 0);
	missed_find(&mr, &v, &n);
	got = describe(s, v, n);
	is_str(got, "b1:overlap:a1 w:walk:a1 c1:overlap:a1",
	       "until 12:00: what ended by then (c1, 10:00-10:20, overlaps 10:00-10:40; no points: last)");
	free(got);
	missed_free(v, n);
	mr.until = INT64_MAX;
	mr.day = 1;
	missed_find(&mr, &v, &n);
	got = describe(s, v, n);
	is_str(got, "d2:free:empty", "day 2 only");
	free(got);
	missed_free(v, n);
	mr.day = -1;

	/* dropped for the planned session at its time (planner here) */
	strlist_push(&plan.dropped, "b1");
	missed_find(&mr, &v, &n);
	ok(find(s, v, n, "b1") && find(s, v, n, "b1")->reason == MISSED_DROPPED &&
	   find(s, v, n, "b1")->with == schedule_find_session(s, "a1"), "dropped for a1, planned at its time");
	missed_free(v, n);
	plan_list_remove(&plan.dropped, "b1");

	/* the cap */
	rq.max_per_day = 2;
	missed_find(&mr, &v, &n);
	ok(find(s, v, n, "c3") && find(s, v, n, "c3")->reason == MISSED_CAP, "a day at the plan's cap");
	ok(find(s, v, n, "d2") && find(s, v, n, "d2")->reason == MISSED_FREE, "but not a day with nothing planned");
	missed_free(v, n);

	/* videos: the links of a missed session that are */
	{
		struct session *se = &s->sessions[schedule_find_session(s, "c3")];

		strlist_push(&se->link_titles, "Slides");
		strlist_push(&se->link_urls, "https://example.org/s.pdf");
		strlist_push(&se->link_titles, "");
		strlist_push(&se->link_urls, "https://media.ccc.de/v/c3");
		missed_find(&mr, &v, &n);
		ok(find(s, v, n, "c3") && find(s, v, n, "c3")->nvideos == 1 &&
		   find(s, v, n, "c3")->videos[0] == 1, "the video among a session's links");
		missed_free(v, n);
	}

	strlist_release(&once_pinned);
	strlist_release(&once_added);
	plan_release(&plan);
	pick_request_release(&rq);
	prefs_release(&p);
}

/* pick --prefer-unrecorded: 2 points for a session not to be recorded, a qualifier as --lang; a
 * saved preference pick_settings_apply takes. */
static void test_unrecorded(struct schedule *s)
{
	struct session *b1 = &s->sessions[schedule_find_session(s, "b1")];
	struct session *c1 = &s->sessions[schedule_find_session(s, "c1")];
	struct pick_settings st;
	struct strbuf why;

	b1->do_not_record = c1->do_not_record = true;
	pick_settings_init(&st);
	st.prefs.keynotes = false;
	is_int(pick_settings_apply(&st, "prefer-unrecorded", NULL), 1, "--prefer-unrecorded is a preference option");
	strbuf_init(&why);
	is_int(prefs_score(&st.prefs, b1, &why), 200, "alone: 2 points for a session not recorded");
	is_str(why.buf, "not recorded", "why says so");
	strbuf_release(&why);
	is_int(prefs_score(&st.prefs, &s->sessions[schedule_find_session(s, "a1")], NULL), 0,
	       "nothing for a recorded one");
	prefs_add(&st.prefs, PREF_KEYWORD, "rust");
	is_int(prefs_score(&st.prefs, b1, NULL), 400, "with a keyword it matches: 2 + 2");
	is_int(prefs_score(&st.prefs, c1, NULL), 0, "with a keyword it does not match: nothing (it refines)");
	is_int(pick_settings_apply(&st, "weight", "unrecorded=5"), 1, "--weight unrecorded=5");
	is_int(prefs_score(&st.prefs, b1, NULL), 700, "is its weight");
	is_int(pick_settings_apply(&st, "unrecorded", "x"), 0, "the kind's name is not an option");
	pick_settings_release(&st);
	b1->do_not_record = c1->do_not_record = false;
}

int main(void)
{
	struct schedule s;

	test_links();
	schedule_init(&s);
	if (schedule_load_buffer(&s, timetable, strlen(timetable), "misscon", NULL) < 0) {
		printf("# %s\n", error_message());
		ok(0, "the test timetable loads");
		return done_testing();
	}
	test_find(&s);
	test_unrecorded(&s);
	schedule_release(&s);
	tz_cleanup();
	return done_testing();
}
