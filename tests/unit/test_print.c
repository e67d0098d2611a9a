/* test_print.c: the print module's pieces — format names, wrapping by display width, HTML/XML
 * and Markdown escaping, the alternative of each planned session (points, room changes, travel,
 * breaks, avoided sessions), a day laid out (gaps, room changes, the grid's cut-short axis), and
 * the document `planner print` builds from a saved plan (days, --day, --all, marks, changes,
 * alternatives, kept-free times, and when there is nothing to print). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/cmd/command.h"
#include "../../src/output/print_int.h"
#include "load.h"
#include "pick.h"
#include "plan.h"
#include "prefs.h"
#include "print.h"
#include "schedule.h"
#include "tap.h"
#include "text.h"
#include "util.h"

static const char timetable[] =
	"{ \"planner_format\": 1,\n"
	"  \"conference\": { \"id\": \"t\", \"name\": \"T\", \"timezone\": \"Asia/Seoul\" },\n"
	"  \"rooms\": [ { \"id\": \"a\", \"name\": \"A\" }, { \"id\": \"b\", \"name\": \"B\" },\n"
	"             { \"id\": \"c\", \"name\": \"C\" } ],\n"
	"  \"sessions\": [\n"
	"    { \"id\": \"p1\", \"title\": \"planned 1\", \"room\": \"a\",\n"
	"      \"start\": \"2025-08-16T10:00\", \"end\": \"2025-08-16T10:30\" },\n"
	"    { \"id\": \"o1\", \"title\": \"other 1 web\", \"tags\": [\"web\"], \"room\": \"c\",\n"
	"      \"start\": \"2025-08-16T10:00\", \"end\": \"2025-08-16T10:30\" },\n"
	"    { \"id\": \"o2\", \"title\": \"other 2\", \"room\": \"b\",\n"
	"      \"start\": \"2025-08-16T10:00\", \"end\": \"2025-08-16T10:30\" },\n"
	"    { \"id\": \"o3\", \"title\": \"other 3\", \"room\": \"a\",\n"
	"      \"start\": \"2025-08-16T10:00\", \"end\": \"2025-08-16T10:40\" },\n"
	"    { \"id\": \"br\", \"title\": \"coffee\", \"type\": \"break\", \"room\": \"b\",\n"
	"      \"start\": \"2025-08-16T10:30\", \"end\": \"2025-08-16T10:40\" },\n"
	"    { \"id\": \"p2\", \"title\": \"planned 2\", \"room\": \"a\",\n"
	"      \"start\": \"2025-08-16T10:35\", \"end\": \"2025-08-16T11:00\" },\n"
	"    { \"id\": \"p3\", \"title\": \"planned 3\", \"room\": \"b\",\n"
	"      \"start\": \"2025-08-16T14:00\", \"end\": \"2025-08-16T14:30\" },\n"
	"    { \"id\": \"q1\", \"title\": \"in a break\", \"room\": \"c\",\n"
	"      \"start\": \"2025-08-16T14:00\", \"end\": \"2025-08-16T14:30\" },\n"
	"    { \"id\": \"q2\", \"title\": \"avoided\", \"room\": \"a\",\n"
	"      \"start\": \"2025-08-16T14:00\", \"end\": \"2025-08-16T14:30\" }\n"
	"  ] }\n";

static long idx(const struct schedule *s, const char *id)
{
	return schedule_find_session(s, id);
}

static const char *alt_of(const struct print_doc *d, const char *id)
{
	long a = d->alternative[idx(d->s, id)];
	return a < 0 ? "(none)" : d->s->sessions[a].id;
}

static void test_names(void)
{
	is_int(print_format_parse("HTML"), PRINT_HTML, "format names ignore case");
	is_int(print_format_parse("md"), PRINT_MARKDOWN, "md is Markdown");
	is_int(print_format_parse("jpeg"), -1, "jpeg is no format");
	is_int(print_format_parse("PDF"), PRINT_PDF, "pdf is one");
	is_int(print_format_from_path("day.png"), PRINT_PNG, ".png is a picture");
	is_int(print_paper_parse("Letter"), PRINT_LETTER, "paper names ignore case");
	is_int(print_paper_parse("a3"), -1, "a3 is no paper print knows");
	is_int(print_format_from_path("out/plan.SVG"), PRINT_SVG, "the extension gives the format");
	is_int(print_format_from_path("plan.d/notes"), -1, "a dot in a directory is no extension");
	is_str(print_format_name(PRINT_MARKDOWN), "markdown", "and back");
}

static char *wrapped(const char *s, int cols, int max)
{
	struct strlist l;
	struct strbuf sb;

	strlist_init(&l);
	strbuf_init(&sb);
	print_wrap(s, cols, max, &l);
	for (size_t i = 0; i < l.n; i++)
		strbuf_addf(&sb, "%s%s", i ? "|" : "", l.v[i]);
	strlist_release(&l);
	return strbuf_detach(&sb);
}

static void test_wrap(void)
{
	char *w;

	w = wrapped("one two three four", 9, 0);
	is_str(w, "one two|three|four", "wrapped at spaces");
	free(w);
	w = wrapped("한국어 제목입니다", 6, 0);
	is_str(w, "한국어|제목입|니다", "Hangul counts two columns; a long word is cut");
	free(w);
	w = wrapped("가나다라마", 5, 0);
	is_str(w, "가나|다라|마", "a wide character never straddles the edge");
	free(w);
	w = wrapped("alpha beta gamma delta", 10, 2);
	is_str(w, "alpha beta|gamma del…", "the last allowed line ends in …");
	free(w);
	w = wrapped("exactly10!", 10, 1);
	is_str(w, "exactly10!", "an exact fit is not cut");
	free(w);
	w = wrapped("  spaced   out  ", 7, 0);
	is_str(w, "spaced|out", "blanks at the edges go");
	free(w);
	w = wrapped("", 10, 0);
	is_str(w, "", "nothing gives no line");
	free(w);
}

static char *escaped(void (*put)(FILE *, const char *), const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	put(f, s);
	fclose(f);
	return buf;
}

static void test_escape(void)
{
	char *e;

	e = escaped(put_xml, "<a href=\"x\">Tom & 'Jerry'</a>");
	is_str(e, "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;", "XML: all five");
	free(e);
	e = escaped(put_xml, "a\xef\xbf\xbe" "b\xef\xbf\xbf" "c\x1b[31md\xe2\x80\xae" "e");
	is_str(e, "abcde", "XML: U+FFFE, U+FFFF, escape sequences and BiDi overrides dropped");
	free(e);
	e = escaped(put_xml, "bad \xff byte");
	is_str(e, "bad \xef\xbf\xbd byte", "XML: invalid UTF-8 becomes U+FFFD");
	free(e);
	e = escaped(put_md, "a|b *c* _d_ [e](f) `g` <h> ~i~ &j; \\k # l!");
	is_str(e, "a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\`g\\` \\<h\\> \\~i\\~ \\&j; \\\\k # l!",
	       "Markdown: cell, emphasis, link, code, HTML, strike, entity and escape characters");
	free(e);
}

static void test_alternatives(const struct schedule *s)
{
	struct print_doc d;
	struct pick_request rq;
	struct prefs p;

	print_doc_init(&d, s);
	d.flags[idx(s, "p1")] |= PRINT_PLANNED;
	d.flags[idx(s, "p2")] |= PRINT_PLANNED;
	d.flags[idx(s, "p3")] |= PRINT_PLANNED;
	pick_request_init(&rq, s, NULL);
	rq.travel_minutes = 0;
	print_find_alternatives(&d, &rq);
	/* o3 ends after p2 starts; o1 and o2 tie on points, room changes and end: o2 comes first in
	 * the timetable's order (room b before c) */
	is_str(alt_of(&d, "p1"), "o2", "no points: the earlier in the timetable among equals");
	ok(d.flags[idx(s, "o2")] & PRINT_ALTERNATIVE, "the alternative is marked");
	is_str(alt_of(&d, "p2"), "(none)", "the break is never an alternative, and o3 overlaps p1");
	is_str(alt_of(&d, "p3"), "q2", "with no travel, the room of the session before wins a tie");

	prefs_init(&p);
	prefs_add(&p, PREF_TAG, "web");
	rq.prefs = &p;
	strlist_push(&rq.avoid, "q2");
	ok(pick_add_block(&rq, "2025-08-16 14:00-14:10 call") == 0, "a block");
	print_find_alternatives(&d, &rq);
	is_str(alt_of(&d, "p1"), "o1", "preference points come first");
	is_str(alt_of(&d, "p3"), "(none)", "avoided and blocked sessions are no alternative");
	ok(!(d.flags[idx(s, "q2")] & PRINT_ALTERNATIVE), "an alternative no longer is unmarked");
	rq.travel_minutes = 10;
	print_find_alternatives(&d, &rq);
	is_str(alt_of(&d, "p1"), "(none)", "no alternative leaves too little time to walk to p2");
	prefs_release(&p);
	pick_request_release(&rq);
	print_doc_release(&d);
}

#define MIDNIGHT 1755270000 /* 2025-08-16 00:00 in Asia/Seoul */

static void test_day(const struct schedule *s)
{
	struct print_doc d;
	struct pday p;
	int gaps = 0, busy = 0;
	size_t breaks = 0;

	print_doc_init(&d, s);
	d.flags[idx(s, "p1")] |= PRINT_PLANNED;
	d.flags[idx(s, "p3")] |= PRINT_PLANNED;
	print_doc_add_day(&d, 0);
	print_doc_add_busy(&d, MIDNIGHT + 12 * 3600, MIDNIGHT + 12 * 3600 + 1800, "lunch\x1b[31m");

	pday_build(&p, &d, 0, false);
	for (size_t i = 0; i < p.n; i++) {
		gaps += p.items[i].kind == PITEM_GAP;
		busy += p.items[i].kind == PITEM_BUSY;
		breaks += p.items[i].kind == PITEM_SESSION && s->sessions[p.items[i].session].type == SESSION_BREAK;
	}
	is_int(p.nplanned, 2, "the agenda: two planned");
	is_int(breaks, 1, "and the timetable's break");
	is_int(busy, 1, "and the time kept free");
	is_int(gaps, 2, "with the gaps between them");
	is_int(p.free_time, (80 + 90) * 60, "free: 10:40-12:00 and 12:30-14:00");
	is_int(p.room_changes, 1, "a room change from a to b");
	ok(p.items[p.n - 1].room_change, "marked on the session after it");
	is_str(d.busy[0].label, "lunch", "a busy label is made inert");
	pday_release(&p);

	pday_build(&p, &d, 0, true);
	is_int(p.ncols, 3, "the grid: three rooms");
	is_int(p.origin, MIDNIGHT + 10 * 3600, "from 10:00");
	is_int(p.end, MIDNIGHT + 15 * 3600, "to 15:00");
	ok(p.nsegs == 5 && p.segs[1].cut && p.segs[1].start == MIDNIGHT + 11 * 3600 &&
	   p.segs[1].end == MIDNIGHT + 12 * 3600 && !p.segs[2].cut && p.segs[3].cut,
	   "11:00-12:00 and 12:30-14:00, empty, are cut short");
	ok(pday_rows(&p, p.segs[1].end) - pday_rows(&p, p.segs[1].start) == PRINT_CUT_SLOTS,
	   "to PRINT_CUT_SLOTS rows");
	is_int((long long)pday_total_rows(&p), 12 + PRINT_CUT_SLOTS + 6 + PRINT_CUT_SLOTS + 12,
	       "the axis: 1 h, cut, 30 min, cut, 1 h");
	pday_release(&p);
	print_doc_release(&d);
}

/* Two days; d1 and d2 overlap (d2 is the alternative of d1 unless avoided), u has no time. */
static const char two_days[] =
	"{ \"planner_format\": 1,\n"
	"  \"conference\": { \"id\": \"t2\", \"name\": \"Two\", \"timezone\": \"Asia/Seoul\" },\n"
	"  \"rooms\": [ { \"id\": \"a\", \"name\": \"A\" }, { \"id\": \"b\", \"name\": \"B\" } ],\n"
	"  \"sessions\": [\n"
	"    { \"id\": \"d1\", \"title\": \"one\", \"room\": \"a\",\n"
	"      \"start\": \"2025-08-16T10:00\", \"end\": \"2025-08-16T10:30\" },\n"
	"    { \"id\": \"d2\", \"title\": \"two\", \"room\": \"b\",\n"
	"      \"start\": \"2025-08-16T10:00\", \"end\": \"2025-08-16T10:30\" },\n"
	"    { \"id\": \"e1\", \"title\": \"three\", \"room\": \"a\",\n"
	"      \"start\": \"2025-08-17T10:00\", \"end\": \"2025-08-17T10:30\" },\n"
	"    { \"id\": \"e2\", \"title\": \"four\", \"room\": \"b\",\n"
	"      \"start\": \"2025-08-17T11:00\", \"end\": \"2025-08-17T11:30\" },\n"
	"    { \"id\": \"u\", \"title\": \"untimed\" }\n"
	"  ] }\n";

static const char untimed[] =
	"{\"planner_format\": 1, \"conference\": {\"id\": \"n\", \"name\": \"N\", \"timezone\": "
	"\"UTC\"}, \"rooms\": [], \"sessions\": [{\"id\": \"x\", \"title\": \"x\"}]}";

static const char *days_of(const struct print_doc *d)
{
	static char buf[64];

	buf[0] = '\0';
	for (size_t i = 0; i < d->ndays; i++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%d", i ? " " : "", d->days[i]);
	return buf;
}

/* print_doc_build on a fresh document, with p's saved preferences replayed as `planner print`
 * replays them (cmd_replay_saved); its result, *changed in *ch. */
static int build(struct print_doc *d, const struct schedule *s, const struct plan *p,
		 const char *day, bool all, size_t *ch)
{
	struct pick_settings saved;
	int r;

	print_doc_release(d);
	print_doc_init(d, s);
	*ch = 99;
	pick_settings_init(&saved);
	if (cmd_replay_saved(p, "plan", &saved) < 0)
		return -2;
	error_clear();
	r = print_doc_build(d, p, &saved, day, all, ch);
	pick_settings_release(&saved);
	return r;
}

static void test_build(void)
{
	struct schedule s, none;
	struct plan p;
	struct print_doc d;
	struct session gone = { 0 };
	size_t ch;
	long e1, d1;

	schedule_init(&s);
	schedule_init(&none);
	if (schedule_load_buffer(&s, two_days, sizeof(two_days) - 1, "two", NULL) < 0) {
		ok(0, "the two-day timetable loads: %s", error_message());
		return;
	}
	e1 = idx(&s, "e1");
	d1 = idx(&s, "d1");
	plan_init(&p);
	print_doc_init(&d, &s);

	/* no plan at all */
	ok(build(&d, &s, &p, NULL, false, &ch) < 0 && ch == 0, "no plan: nothing to print");
	is_str(error_message(), "no plan for Two yet; make one with 'planner pick', or print the "
	       "whole timetable with --all", "saying how to make one");
	is_int(error_status(), EX_NOINPUT, "no input");
	ok(build(&d, &s, &p, "nine", false, &ch) < 0 && error_status() == EX_NOINPUT,
	   "no plan is told before a bad --day");
	ok(build(&d, &s, &p, NULL, true, &ch) == 0 && ch == 0, "no plan, --all: the timetable");
	is_str(days_of(&d), "0 1", "every day");
	ok(d.all && !strcmp(d.what, "timetable"), "every session, headed 'timetable'");
	ok(!d.flags[d1] && !d.flags[e1] && d.alternative[d1] == -1, "nothing marked");
	ok(build(&d, &s, &p, "3", true, &ch) < 0 && error_status() == EX_USAGE, "--day 3 of 2 days");
	ok(!strncmp(error_message(), "--day '3': Two has 2 days", 25), "saying how many there are: %s",
	   error_message());
	ok(build(&d, &s, &p, "2025-08-17", true, &ch) == 0, "--day by date");
	is_str(days_of(&d), "1", "that day only");

	/* a plan: e1 (pinned) and d1, one session the timetable dropped, one it moved */
	plan_add(&p, &s, &s.sessions[e1]);
	plan_add(&p, &s, &s.sessions[d1]);
	p.entries[plan_find(&p, "d1")].start -= 600;
	gone.id = (char *)"gone";
	gone.title = (char *)"gone";
	gone.has_time = true;
	gone.start = s.sessions[d1].start;
	gone.end = gone.start + 600;
	plan_add(&p, &s, &gone);
	strlist_push(&p.pinned, "e1");
	p.fingerprint = xstrdup("0123456789abcdef");
	p.travel_minutes = 0;
	ok(build(&d, &s, &p, NULL, false, &ch) == 0, "a plan prints");
	is_int(ch, 2, "two planned sessions changed since: one moved, one dropped");
	is_str(days_of(&d), "0 1", "the days of the plan, in order");
	ok(!d.all && !strcmp(d.what, "my plan"), "the plan alone, headed 'my plan'");
	ok(d.flags[e1] == (PRINT_PLANNED | PRINT_PINNED), "e1 planned and pinned");
	ok((d.flags[d1] & PRINT_PLANNED) && !(d.flags[d1] & PRINT_PINNED), "d1 planned");
	ok(d.alternative[d1] == idx(&s, "d2") && (d.flags[idx(&s, "d2")] & PRINT_ALTERNATIVE),
	   "d2, at the same time, is d1's alternative");
	ok(!(d.flags[idx(&s, "e2")] & PRINT_PLANNED), "e2 is not planned");
	is_int(d.nbusy, 0, "no time kept free");
	ok(build(&d, &s, &p, NULL, true, &ch) == 0 && ch == 2 && d.all &&
	   !strcmp(d.what, "timetable and my plan") && !strcmp(days_of(&d), "0 1"),
	   "--all with a plan: both, every day");
	ok(build(&d, &s, &p, "1", false, &ch) == 0 && !strcmp(days_of(&d), "0") &&
	   d.flags[e1] == (PRINT_PLANNED | PRINT_PINNED), "--day 1: that day, the plan still marked");

	/* the preferences it was made with: breaks, blocks, avoided sessions */
	strlist_push(&p.args, "--break");
	strlist_push(&p.args, "12:00-13:00");
	strlist_push(&p.args, "--block");
	strlist_push(&p.args, "2025-08-17 15:00-16:00 dentist");
	strlist_push(&p.args, "--block");
	strlist_push(&p.args, "2025-08-16 15:00-16:00");
	strlist_push(&p.avoided, "d2");
	ok(build(&d, &s, &p, NULL, false, &ch) == 0, "a plan with breaks and blocks");
	is_int(d.nbusy, 4, "a break on each day and two blocks");
	ok(d.nbusy == 4 && !strcmp(d.busy[0].label, "break (kept free)") &&
	   !strcmp(d.busy[1].label, "break (kept free)"), "a break is kept free");
	ok(d.nbusy == 4 && !strcmp(d.busy[2].label, "dentist (busy)"), "a block is busy with its text");
	ok(d.nbusy == 4 && !strcmp(d.busy[3].label, "block (busy)"), "a block without text: 'block'");
	is_int(d.alternative[d1], -1, "an avoided session is no alternative");

	/* nothing of the plan left in the timetable */
	plan_release(&p);
	plan_init(&p);
	plan_add(&p, &s, &gone);
	ok(build(&d, &s, &p, NULL, false, &ch) < 0 && ch == 1, "only a dropped session: nothing to print");
	is_str(error_message(), "nothing in your plan is in the timetable now; see 'planner plan'",
	       "saying so");
	is_int(error_status(), EX_NOINPUT, "no input");
	plan_drop(&p, "gone");
	p.fingerprint = xstrdup("0123456789abcdef");
	ok(build(&d, &s, &p, NULL, false, &ch) < 0 && error_status() == EX_NOINPUT && ch == 0,
	   "an empty plan that was made: nothing to print either");
	ok(build(&d, &s, &p, NULL, true, &ch) == 0 && !strcmp(d.what, "timetable and my plan"),
	   "but --all prints the timetable");

	/* a timetable without a timed session */
	if (schedule_load_buffer(&none, untimed, sizeof(untimed) - 1, "none", NULL) < 0) {
		ok(0, "the untimed timetable loads: %s", error_message());
	} else {
		print_doc_release(&d);
		print_doc_init(&d, &none);
		plan_release(&p);
		plan_init(&p);
		ok(build(&d, &none, &p, NULL, true, &ch) < 0, "--all of a timetable without times");
		is_str(error_message(), "the timetable has no scheduled sessions", "saying so");
	}
	print_doc_release(&d);
	plan_release(&p);
	schedule_release(&none);
	schedule_release(&s);
}

int main(void)
{
	struct schedule s;

	schedule_init(&s);
	if (schedule_load_buffer(&s, timetable, sizeof(timetable) - 1, "test", NULL) < 0) {
		printf("Bail out! %s\n", error_message());
		return 1;
	}
	test_names();
	test_wrap();
	test_escape();
	test_alternatives(&s);
	test_day(&s);
	schedule_release(&s);
	test_build();
	return done_testing();
}
