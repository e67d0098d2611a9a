/* test_share.c: other plans read (a list of ids with its header, a plan file, an .ics of starred
 * talks) and their items matched to a timetable's sessions — by id, UID (whole, before '@',
 * pretalx's last '-' piece), URL (as is, or its last segment), then title and start time, with
 * the room deciding between sessions of one title at one time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "schedule.h"
#include "share.h"
#include "tap.h"
#include "text.h"
#include "util.h"
#include "rng.h"

/* The rule for titles, written from the README without the module's index: the first session in
 * the timetable's order with the item's title (case-folded, spaces collapsed) and start, unless
 * one of them is in the item's room; near: the first with the title at another time. */
static long naive_title(const struct schedule *s, const char *title, int64_t start,
			const char *room, long *near)
{
	char *clean = text_sanitize(title), *key = text_fold(clean);
	long first = -1, here = -1;

	*near = -1;
	free(clean);
	for (size_t i = 0; i < s->nsessions; i++) {
		const struct session *se = &s->sessions[i];
		char *c2, *k2, *label;
		bool same;

		if (!se->has_time)
			continue;
		c2 = text_sanitize(se->title);
		k2 = text_fold(c2);
		same = !strcmp(key, k2);
		free(c2);
		free(k2);
		if (!same)
			continue;
		if (se->start != start) {
			if (*near < 0)
				*near = (long)i;
			continue;
		}
		if (first < 0)
			first = (long)i;
		label = session_room_label(s, se);
		if (room && here < 0 && !strcmp(label, room))
			here = (long)i;
		free(label);
	}
	free(key);
	return here >= 0 ? here : first;
}

/* Random timetables of sessions with few distinct titles (in varying case and spacing) and
 * starts, and random .ics items naming them by title, time and room (some by URL): the module's
 * matches are the rule's.  Returns the number of mismatches. */
static int random_titles(int rounds)
{
	static const char *const titles[] = { "Break", "BREAK", "Lunch  time", "lunch time",
					      "장고 이야기", "Keynote" };
	int bad = 0;

	for (int r = 0; r < rounds; r++) {
		struct strbuf sb, ics;
		struct schedule s;
		struct share_list l;
		struct share_match *m;
		size_t n = 1 + rnd(12), items = 1 + rnd(8);

		rng_state = (uint64_t)r * 7919u + 1;
		strbuf_init(&sb);
		strbuf_adds(&sb, "{\"planner_format\": 1, \"conference\": {\"id\": \"rnd\", \"name\": "
			    "\"Rnd\", \"timezone\": \"UTC\"}, \"rooms\": [{\"id\": \"r0\", \"name\": \"R0\"}, "
			    "{\"id\": \"r1\", \"name\": \"R1\"}, {\"id\": \"r2\", \"name\": \"R2\"}], "
			    "\"sessions\": [");
		for (size_t i = 0; i < n; i++) {
			int h = 9 + (int)rnd(3);

			strbuf_addf(&sb, "%s{\"id\": \"s%zu\", \"title\": \"%s\", \"room\": \"r%d\", "
				    "\"url\": \"https://x.example/t/%zu/\", "
				    "\"start\": \"2025-03-01T%02d:00:00Z\", \"end\": \"2025-03-01T%02d:30:00Z\"}",
				    i ? ", " : "", i, titles[rnd(6)], (int)rnd(3), i, h, h);
		}
		strbuf_adds(&sb, "]}");
		schedule_init(&s);
		if (schedule_load_buffer(&s, sb.buf, sb.len, "rnd.json", NULL) < 0) {
			printf("# %s\n", error_message());
			bad++;
			strbuf_release(&sb);
			continue;
		}
		strbuf_init(&ics);
		strbuf_adds(&ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\n");
		for (size_t i = 0; i < items; i++) {
			int h = 9 + (int)rnd(3);

			strbuf_addf(&ics, "BEGIN:VEVENT\r\nUID:u%zu\r\nSUMMARY:%s\r\n"
				    "DTSTART:20250301T%02d0000Z\r\nDTEND:20250301T%02d3000Z\r\n", i,
				    titles[rnd(6)], h, h);
			if (rnd(2))
				strbuf_addf(&ics, "LOCATION:R%d\r\n", (int)rnd(3));
			if (rnd(4) == 0)
				strbuf_addf(&ics, "URL:http://X.example/t/%d\r\n", (int)rnd(14));
			strbuf_adds(&ics, "END:VEVENT\r\n");
		}
		strbuf_adds(&ics, "END:VCALENDAR\r\n");
		share_list_init(&l);
		if (share_parse(&l, ics.buf, ics.len, "rnd.ics", "UTC") < 0) {
			printf("# %s\n", error_message());
			bad++;
		} else {
			m = xcalloc(l.n + 1, sizeof(*m));
			share_match(&l, &s, m);
			for (size_t i = 0; i < l.n; i++) {
				const struct share_item *it = &l.items[i];
				long near, want = -1, want_near = -1;
				enum share_how how = SHARE_NONE;

				if (it->url) {
					/* "http://X.example/t/N" is session sN's url when sN exists */
					const char *num = strrchr(it->url, '/') + 1;
					char id[24];

					snprintf(id, sizeof(id), "s%s", num);
					want = schedule_find_session(&s, id);
					how = want >= 0 ? SHARE_BY_URL : SHARE_NONE;
				}
				if (want < 0) {
					want = naive_title(&s, it->title, it->start, it->room, &near);
					how = want >= 0 ? SHARE_BY_TITLE : SHARE_NONE;
					want_near = want >= 0 ? -1 : near;
				}
				if (m[i].session != want || m[i].how != how || m[i].near != want_near) {
					if (bad++ < 5)
						printf("# round %d item %zu (%s): got %ld/%d/%ld, want %ld/%d/%ld\n",
						       r, i, it->title, m[i].session, (int)m[i].how, m[i].near,
						       want, (int)how, want_near);
				}
			}
			free(m);
		}
		share_list_release(&l);
		strbuf_release(&ics);
		strbuf_release(&sb);
		schedule_release(&s);
	}
	return bad;
}

static const char timetable[] =
	"{\"planner_format\": 1,\n"
	" \"conference\": {\"id\": \"democon\", \"name\": \"DemoCon\", \"timezone\": \"Asia/Seoul\"},\n"
	" \"rooms\": [{\"id\": \"a\", \"name\": \"Hall A\"}, {\"id\": \"b\", \"name\": \"Hall B\"}],\n"
	" \"sessions\": [\n"
	"  {\"id\": \"ABC123\", \"title\": \"Async  Python\", \"room\": \"a\",\n"
	"   \"url\": \"https://democon.example/talk/abc123/\",\n"
	"   \"start\": \"2025-05-01T10:00\", \"end\": \"2025-05-01T10:30\"},\n"
	"  {\"id\": \"7d3b2f10-aaaa-bbbb-cccc-000000000001\", \"title\": \"장고 이야기\", \"room\": \"b\",\n"
	"   \"start\": \"2025-05-01T10:00\", \"end\": \"2025-05-01T10:30\"},\n"
	"  {\"id\": \"Q9\", \"title\": \"Break\", \"room\": \"a\",\n"
	"   \"start\": \"2025-05-01T11:00\", \"end\": \"2025-05-01T11:15\"},\n"
	"  {\"id\": \"Q10\", \"title\": \"Break\", \"room\": \"b\",\n"
	"   \"start\": \"2025-05-01T11:00\", \"end\": \"2025-05-01T11:15\"},\n"
	"  {\"id\": \"XYZ\", \"title\": \"Later\", \"room\": \"a\",\n"
	"   \"start\": \"2025-05-01T14:00\", \"end\": \"2025-05-01T15:00\"},\n"
	"  {\"id\": \"NOTIME\", \"title\": \"Someday\"}\n"
	" ]}\n";

static long idx(const struct schedule *s, const char *id)
{
	return schedule_find_session(s, id);
}

/* Parses text and matches it against s; the list in *l, the matches returned (caller frees). */
static struct share_match *parse_match(const struct schedule *s, const char *text,
				       struct share_list *l)
{
	struct share_match *m;

	share_list_init(l);
	if (share_parse(l, text, strlen(text), "test", "Asia/Seoul") < 0) {
		printf("# parse failed: %s\n", error_message());
		return NULL;
	}
	m = xcalloc(l->n + 1, sizeof(*m));
	share_match(l, s, m);
	return m;
}

int main(void)
{
	struct schedule s;
	struct share_list l;
	struct share_match *m;

	schedule_init(&s);
	if (schedule_load_buffer(&s, timetable, strlen(timetable), "democon.json", NULL) < 0) {
		printf("Bail out! %s\n", error_message());
		return 1;
	}

	/* a list: header, ids, comments, blank lines, CRLF, an id after spaces, a comment after it */
	m = parse_match(&s, SHARE_HEADER "democon https://democon.example/schedule.json\r\n"
			"ABC123\r\n\n# a comment\n  XYZ   # later, in hall A\nnope\n"
			"7d3b2f10-aaaa-bbbb-cccc-000000000001\n", &l);
	ok(m != NULL, "a list parses");
	is_int(l.kind, SHARE_IDS, "it is a list");
	is_str(l.conference, "democon", "the header names the conference");
	is_str(l.url, "https://democon.example/schedule.json", "and the timetable's URL");
	is_int(l.n, 4, "four ids; comments and blank lines are not");
	is_str(l.items[1].id, "XYZ", "an id is cut at ' #' and trimmed");
	is_int(m[0].session, idx(&s, "ABC123"), "an id matches its session");
	is_int(m[0].how, SHARE_BY_ID, "by id");
	is_int(m[2].session, -1, "an unknown id matches nothing");
	is_int(m[2].how, SHARE_NONE, "and says so");
	is_int(m[3].session, idx(&s, "7d3b2f10-aaaa-bbbb-cccc-000000000001"), "a UUID id matches");
	free(m);
	share_list_release(&l);
	m = parse_match(&s, "7d3b2f10\nABC1\nAB\n", &l);
	is_int(m[0].session, idx(&s, "7d3b2f10-aaaa-bbbb-cccc-000000000001"),
	       "a list may give the start of a long id");
	is_int(m[0].how, SHARE_BY_ID, "by id");
	is_int(m[1].session, idx(&s, "ABC123"), "four characters will do");
	is_int(m[2].session, -1, "fewer will not");
	ok(share_check_conference(&l, &s, "test") == 0, "a list for this conference is taken");
	free(m);
	share_list_release(&l);

	m = parse_match(&s, SHARE_HEADER "othercon\nABC123\n", &l);
	ok(share_check_conference(&l, &s, "x.txt") < 0 && error_status() == EX_DATAERR,
	   "a list for another conference is refused");
	is_str(error_message(), "x.txt: a plan for conference 'othercon', not for 'democon' "
	       "(choose its timetable with -s othercon)", "naming both, and what to do");
	free(m);
	share_list_release(&l);
	m = parse_match(&s, SHARE_HEADER "othercon https://o.example/s.json\nABC123\n", &l);
	ok(share_check_conference(&l, &s, "x.txt") < 0, "also with a URL in the header");
	is_str(error_message(), "x.txt: a plan for conference 'othercon', not for 'democon' "
	       "(choose its timetable with -s othercon, after 'planner fetch https://o.example/s.json')",
	       "which the message names");
	free(m);
	share_list_release(&l);
	m = parse_match(&s, "ABC123\n", &l);
	ok(l.conference == NULL && share_check_conference(&l, &s, "x") == 0,
	   "a list naming no conference is taken");
	free(m);
	share_list_release(&l);

	/* .ics: UID whole / before '@' / pretalx's code; URL; title and time; room decides */
	m = parse_match(&s,
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n"
		"BEGIN:VEVENT\r\nUID:pretalx-democon-2025-ABC123@pretalx.example\r\nSUMMARY:x\r\n"
		"DTSTART:20250501T000000Z\r\nDTEND:20250501T003000Z\r\nEND:VEVENT\r\n"
		"BEGIN:VEVENT\r\nUID:XYZ@democon.planner\r\nSUMMARY:y\r\n"
		"DTSTART:20250501T000000Z\r\nDTEND:20250501T003000Z\r\nEND:VEVENT\r\n"
		"BEGIN:VEVENT\r\nUID:sched-1\r\nSUMMARY:z\r\nURL:http://DEMOCON.example/talk/abc123\r\n"
		"DTSTART:20250501T000000Z\r\nDTEND:20250501T003000Z\r\nEND:VEVENT\r\n"
		"BEGIN:VEVENT\r\nUID:sched-2\r\nSUMMARY:async python\r\nLOCATION:Hall A\r\n"
		"DTSTART;TZID=Asia/Seoul:20250501T100000\r\nDTEND;TZID=Asia/Seoul:20250501T103000\r\n"
		"END:VEVENT\r\n"
		"BEGIN:VEVENT\r\nUID:sched-3\r\nSUMMARY:Break\r\nLOCATION:Hall B\r\n"
		"DTSTART:20250501T110000\r\nDTEND:20250501T111500\r\nEND:VEVENT\r\n"
		"BEGIN:VEVENT\r\nUID:sched-4\r\nSUMMARY:Async Python\r\nLOCATION:Hall A\r\n"
		"DTSTART:20250501T020000Z\r\nDTEND:20250501T023000Z\r\nEND:VEVENT\r\n"
		"BEGIN:VEVENT\r\nUID:sched-5\r\nSUMMARY:x\r\nURL:https://democon.example/talk/Q9/\r\n"
		"DTSTART:20250501T020000Z\r\nDTEND:20250501T023000Z\r\nEND:VEVENT\r\n"
		"END:VCALENDAR\r\n", &l);
	ok(m != NULL, "an .ics parses");
	is_int(l.kind, SHARE_ICS, "it is an .ics");
	is_int(l.n, 7, "seven events");
	{
		/* the importer sorts its sessions by start: find each by UID */
		long want[7][2] = { { idx(&s, "ABC123"), SHARE_BY_UID }, { idx(&s, "XYZ"), SHARE_BY_UID },
				    { idx(&s, "ABC123"), SHARE_BY_URL }, { idx(&s, "ABC123"), SHARE_BY_TITLE },
				    { idx(&s, "Q10"), SHARE_BY_TITLE }, { -1, SHARE_NONE },
				    { idx(&s, "Q9"), SHARE_BY_URL } };
		const char *uids[7] = { "pretalx-democon-2025-ABC123@pretalx.example",
					"XYZ@democon.planner", "sched-1", "sched-2", "sched-3", "sched-4",
					"sched-5" };
		const char *what[7] = { "pretalx's UID by its code",
					"planner's own UID by the part before '@'",
					"a URL ignoring scheme, host case and the trailing '/'",
					"title (case, spaces) and start time",
					"a floating time in the timetable's zone, the room deciding between two",
					"the right title at another time matches nothing",
					"a URL's last segment as an id" };

		for (size_t k = 0; k < 7; k++) {
			size_t i = 0;

			while (i < l.n && strcmp(l.items[i].uid, uids[k]))
				i++;
			if (!ok(i < l.n, "event %s is read", uids[k]))
				continue;
			is_int(m[i].session, want[k][0], "%s", what[k]);
			is_int(m[i].how, want[k][1], "%s: how", what[k]);
		}
	}
	free(m);
	share_list_release(&l);

	/* a plan file: ids first, title and time when the id is gone */
	m = parse_match(&s, "{\"planner_plan\": 1, \"conference\": \"democon\", \"fingerprint\": \"0\",\n"
			" \"made_at\": \"2025-04-01T00:00:00Z\", \"args\": [], \"pinned\": [], \"avoided\": [],\n"
			" \"travel_minutes\": -1, \"sessions\": [\n"
			"  {\"id\": \"XYZ\", \"title\": \"Later\", \"start\": \"2025-05-01T05:00:00Z\",\n"
			"   \"end\": \"2025-05-01T06:00:00Z\", \"room\": \"Hall A\"},\n"
			"  {\"id\": \"OLD\", \"title\": \"ASYNC PYTHON\", \"start\": \"2025-05-01T01:00:00Z\",\n"
			"   \"end\": \"2025-05-01T01:30:00Z\", \"room\": \"Hall A\"}]}\n", &l);
	if (ok(m != NULL, "a plan file parses")) {
		is_int(l.kind, SHARE_PLAN, "it is a plan");
		is_str(l.conference, "democon", "it names its conference");
		is_int(l.n, 2, "two sessions");
		is_int(m[0].session, idx(&s, "XYZ"), "by id");
		is_int(m[1].session, idx(&s, "ABC123"), "an id the timetable lost: by title and time");
		is_int(m[1].how, SHARE_BY_TITLE, "so said");
	}
	free(m);
	share_list_release(&l);

	/* refusals */
	share_list_init(&l);
	ok(share_parse(&l, "<!DOCTYPE html>\n<p>", 19, "page", NULL) < 0 &&
	   error_status() == EX_DATAERR, "an HTML page is not a plan");
	share_list_release(&l);
	ok(share_parse(&l, "ABC\xff\n", 5, "bin", NULL) < 0, "bytes that are not UTF-8 are refused");
	share_list_release(&l);
	ok(share_parse(&l, "{\"x\": 1}", 8, "j.json", NULL) < 0, "JSON that is not a plan is refused");
	share_list_release(&l);

	schedule_release(&s);

	is_int(random_titles(2000), 0, "2000 random timetables and .ics: matches by title, time, room "
	       "and URL are the rule's");
	return done_testing();
}
