/* test_changes.c: the differences between two versions of a timetable — added, cancelled, moved
 * in time, moved to another room, retitled, several at once — matched by id; what is not a
 * change (room order, a renamed room, other fields); the report order; the plan hook; and the
 * text and JSON reports (inert text, times in the conference zone). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "changes.h"
#include "jsonw.h"
#include "load.h"
#include "schedule.h"
#include "tap.h"
#include "tz.h"
#include "util.h"

#define HEAD(rooms) "{\"planner_format\":1,\"conference\":{\"id\":\"c\",\"name\":\"Con\"," \
	"\"timezone\":\"Asia/Seoul\"},\"rooms\":[" rooms "],\"sessions\":["
#define ROOMS "{\"id\":\"a\",\"name\":\"Hall A\"},{\"id\":\"b\",\"name\":\"홀 B\"}"
#define S(id, title, room, start, end) "{\"id\":\"" id "\",\"title\":\"" title "\",\"room\":" room \
	",\"start\":\"2025-08-16T" start "\",\"end\":\"2025-08-16T" end "\"}"

static void load(struct schedule *s, const char *json)
{
	schedule_init(s);
	if (schedule_load_buffer(s, json, strlen(json), "t.json", NULL) < 0) {
		printf("# bad test data: %s\n", error_message());
		exit(1);
	}
}

static const struct change *find(const struct changes *c, const char *id)
{
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->v[i].id, id))
			return &c->v[i];
	return NULL;
}

static const char *OLD = HEAD(ROOMS)
	S("k1", "Keynote", "[\"a\",\"b\"]", "09:00", "10:00") ","
	S("t1", "Moves", "\"a\"", "10:00", "10:30") ","
	S("t2", "Changes room", "\"a\"", "11:00", "11:30") ","
	S("t3", "Old title", "\"b\"", "11:00", "11:30") ","
	S("t4", "Goes away", "\"b\"", "12:00", "12:30") ","
	S("t5", "Everything", "\"a\"", "13:00", "13:30") ","
	S("t6", "Same", "\"b\"", "14:00", "14:30") ","
	"{\"id\":\"u1\",\"title\":\"Later\"}"
	"]}";

static const char *NEW = HEAD(ROOMS)
	S("k1", "Keynote", "[\"b\",\"a\"]", "09:00", "10:00") ","       /* room order only */
	S("t1", "Moves", "\"a\"", "10:30", "11:00") ","
	S("t2", "Changes room", "\"b\"", "11:00", "11:30") ","
	S("t3", "New title", "\"b\"", "11:00", "11:30") ","
	S("t5", "Everything new", "\"b\"", "15:00", "15:45") ","
	"{\"id\":\"t6\",\"title\":\"Same\",\"room\":\"b\",\"start\":\"2025-08-16T14:00\","
	"\"end\":\"2025-08-16T14:30\",\"abstract\":\"now with an abstract\",\"speakers\":[\"X\"]},"
	S("n1", "Brand new", "\"a\"", "16:00", "16:30") ","
	"{\"id\":\"u1\",\"title\":\"Later\",\"room\":\"a\",\"start\":\"2025-08-16T17:00\","
	"\"end\":\"2025-08-16T17:30\"}"
	"]}";

static void test_kinds(void)
{
	struct schedule a, b;
	struct changes c;
	const struct change *ch;

	load(&a, OLD);
	load(&b, NEW);
	changes_init(&c);
	changes_compute(&a, &b, &c);
	is_int(c.n, 7, "7 sessions changed (k1 and t6 did not)");
	is_str(c.conference, "Con", "the report names the conference");
	is_str(c.timezone, "Asia/Seoul", "... and its time zone");
	ok(!find(&c, "k1"), "a plenary listed in another room order did not change");
	ok(!find(&c, "t6"), "a new abstract and speaker are not a timetable change");

	ch = find(&c, "t1");
	ok(ch && ch->kinds == CHANGE_TIME, "t1 moved in time only");
	ok(ch && ch->old_start == 1755306000 && ch->new_start == 1755307800 &&
	   ch->old_end == 1755307800 && ch->new_end == 1755309600,
	   "t1: old and new instants (10:00 and 10:30 KST)");
	ch = find(&c, "t2");
	ok(ch && ch->kinds == CHANGE_ROOM, "t2 moved to another room only");
	ok(ch && !strcmp(ch->old_room, "Hall A") && !strcmp(ch->new_room, "홀 B"),
	   "t2: room labels before and after");
	ch = find(&c, "t3");
	ok(ch && ch->kinds == CHANGE_TITLE, "t3 was retitled only");
	ok(ch && !strcmp(ch->title, "New title") && !strcmp(ch->old_title, "Old title"),
	   "t3: the new title and the old one");
	ch = find(&c, "t4");
	ok(ch && ch->kinds == CHANGE_CANCELLED && ch->old_timed && !ch->new_room,
	   "t4 is cancelled, with where and when it was");
	ok(ch && !strcmp(ch->title, "Goes away"), "t4 keeps its last title");
	ch = find(&c, "t5");
	ok(ch && ch->kinds == (CHANGE_TIME | CHANGE_ROOM | CHANGE_TITLE),
	   "t5 moved, changed room and was retitled: one change with three kinds");
	ch = find(&c, "n1");
	ok(ch && ch->kinds == CHANGE_ADDED && ch->new_timed && !ch->old_room,
	   "n1 was added, with where and when");
	ch = find(&c, "u1");
	ok(ch && ch->kinds == (CHANGE_TIME | CHANGE_ROOM) && !ch->old_timed && ch->new_timed,
	   "u1 went from unscheduled to a time and a room");

	/* Report order: cancelled, moved, room, retitled, added; then by time. */
	{
		static const char *const want[] = { "t4", "t1", "t5", "u1", "t2", "t3", "n1" };
		int in_order = c.n == 7;
		for (size_t i = 0; in_order && i < 7; i++)
			in_order = !strcmp(c.v[i].id, want[i]);
		ok(in_order, "report order: cancelled, moved (by time), room, retitled, added");
	}

	changes_compute(&a, &a, &c);
	is_int(c.n, 0, "a timetable compared with itself has no changes");
	changes_compute(&b, &a, &c);
	ok(c.n == 7 && find(&c, "n1") && find(&c, "n1")->kinds == CHANGE_CANCELLED &&
	   find(&c, "t4")->kinds == CHANGE_ADDED, "the other way round, added and cancelled swap");
	changes_release(&c);
	schedule_release(&a);
	schedule_release(&b);
}

static void test_room_by_id(void)
{
	struct schedule a, b;
	struct changes c;

	load(&a, HEAD(ROOMS) S("t1", "T", "\"a\"", "10:00", "10:30") "]}");
	load(&b, HEAD("{\"id\":\"b\",\"name\":\"B\"},{\"id\":\"a\",\"name\":\"Renamed hall\"}")
	     S("t1", "T", "\"a\"", "10:00", "10:30") "]}");
	changes_init(&c);
	changes_compute(&a, &b, &c);
	is_int(c.n, 0, "rooms are compared by id: renaming or reordering rooms moves nobody");
	changes_release(&c);
	schedule_release(&a);
	schedule_release(&b);
}

static void test_planned_first(void)
{
	struct schedule a, b;
	struct changes c;
	const char *plan[] = { "n1", "t3", "zz-not-there" };

	load(&a, OLD);
	load(&b, NEW);
	changes_init(&c);
	changes_compute(&a, &b, &c);
	changes_put_planned_first(&c, plan, 3);
	ok(c.n == 7 && !strcmp(c.v[0].id, "t3") && !strcmp(c.v[1].id, "n1"),
	   "planned sessions come first, in report order among themselves");
	ok(c.v[0].planned && c.v[1].planned && !c.v[2].planned, "... and are marked planned");
	ok(!strcmp(c.v[2].id, "t4"), "the rest keep their order");
	changes_put_planned_first(&c, NULL, 0);
	ok(!strcmp(c.v[0].id, "t4") && !c.v[5].planned, "an empty plan restores the plain order");
	changes_release(&c);
	schedule_release(&a);
	schedule_release(&b);
}

static void test_kinds_text(void)
{
	char *t;

	t = change_kinds_text(CHANGE_TIME | CHANGE_ROOM);
	is_str(t, "moved+room", "kinds as words joined with '+'");
	free(t);
	t = change_kinds_text(CHANGE_CANCELLED);
	is_str(t, "cancelled", "cancelled");
	free(t);
	t = change_kinds_text(CHANGE_TIME | CHANGE_ROOM | CHANGE_TITLE);
	is_str(t, "moved+room+retitled", "all three");
	free(t);
}

static void test_text(void)
{
	struct schedule a, b;
	struct changes c;
	const struct tz *seoul = tz_get("Asia/Seoul"), *utc = tz_get("UTC");
	const char *plan[] = { "t1" };
	char *text;

	load(&a, OLD);
	load(&b, HEAD(ROOMS)
	     S("t1", "Moves", "\"a\"", "10:30", "11:00") ","
	     S("t2", "Changes room", "\"b\"", "11:00", "11:30") ","
	     S("t3", "\\u001b[31mNew\\u202e title", "\"b\"", "11:00", "11:30") ","
	     S("t4", "Goes away", "\"b\"", "12:00", "12:30") ","
	     S("t5", "Everything", "\"a\"", "13:00", "13:30") ","
	     S("t6", "Same", "\"b\"", "14:00", "14:30") ","
	     S("k1", "Keynote", "[\"a\",\"b\"]", "09:00", "10:00") ","
	     S("n1", "Brand new", "\"a\"", "16:00", "16:30") ","
	     "{\"id\":\"u1\",\"title\":\"Later\"}]}");
	changes_init(&c);
	changes_compute(&a, &b, &c);
	c.since = 1755302400; /* 2025-08-16T00:00Z */
	text = changes_format_text(&c, seoul, utc, 0);
	is_str(text,
	       "Con: 4 sessions changed since the copy fetched 2025-08-16 00:00\n"
	       "  moved     t1  Moves — 2025-08-16 10:00-10:30 → 2025-08-16 10:30-11:00\n"
	       "  room      t2  Changes room — Hall A → 홀 B\n"
	       "  retitled  t3  New title — was \"Old title\"\n"
	       "  added     n1  Brand new — 2025-08-16 16:00-16:30, Hall A\n",
	       "the text report: one aligned line per change, times in the conference zone");
	ok(!strchr(text, '\033') && !strstr(text, "\xe2\x80\xae"),
	   "no escape or BiDi control from the feed reaches the report");
	free(text);
	changes_put_planned_first(&c, plan, 1);
	text = changes_format_text(&c, seoul, utc, 0);
	ok(!strncmp(strchr(text, '\n') + 1, "* moved     t1", 14) && strstr(text, "(* in your plan)\n"),
	   "a planned change is starred, first, and the star explained");
	free(text);
	text = changes_format_text(&c, seoul, utc, 1);
	is_str(strchr(text, '\n') + 1,
	       "* moved     t1  Moves — 2025-08-16 10:00-10:30 → 2025-08-16 10:30-11:00\n"
	       "  room      t2  Changes room — Hall A → 홀 B\n"
	       "  ... and 2 more; 'planner changes' lists them all\n"
	       "(* in your plan)\n",
	       "a limit: every planned change, then that many others and how many more there are");
	free(text);
	changes_release(&c);

	changes_compute(&b, &a, &c);
	c.since = 0;
	text = changes_format_text(&c, seoul, utc, 0);
	ok(strstr(text, "  cancelled  n1  Brand new — was 2025-08-16 16:00-16:30, Hall A\n") != NULL,
	   "a cancelled session says when and where it was");
	ok(!strncmp(text, "Con: 4 sessions changed\n", 24), "without a fetch time, none is shown");
	free(text);
	changes_release(&c);
	changes_compute(&a, &a, &c);
	text = changes_format_text(&c, seoul, utc, 0);
	is_str(text, "Con: no session changed\n", "an empty report says so");
	free(text);
	changes_release(&c);
	schedule_release(&a);
	schedule_release(&b);
}

static void test_json(void)
{
	struct schedule a, b;
	struct changes c;
	struct jsonw w;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	load(&a, OLD);
	load(&b, NEW);
	changes_init(&c);
	changes_compute(&a, &b, &c);
	c.since = 1755302400;
	c.at = 1755388800;
	f = open_memstream(&buf, &len);
	jsonw_init(&w, f);
	changes_json(&w, &c, tz_get("Asia/Seoul"));
	jsonw_finish(&w);
	fclose(f);
	ok(strstr(buf, "\"since\": \"2025-08-16T00:00:00+00:00\"") &&
	   strstr(buf, "\"at\": \"2025-08-17T00:00:00+00:00\""), "JSON: fetch times in UTC");
	ok(strstr(buf, "\"kinds\": [\n        \"moved\",\n        \"room\",\n        \"retitled\"\n      ]") != NULL,
	   "JSON: kinds as an array of words");
	ok(strstr(buf, "\"start\": \"2025-08-16T15:00:00+09:00\"") != NULL,
	   "JSON: session times with the conference offset");
	ok(strstr(buf, "\"old\": null") && strstr(buf, "\"new\": null"),
	   "JSON: the missing side of an added or cancelled session is null");
	free(buf);
	changes_release(&c);
	schedule_release(&a);
	schedule_release(&b);
}

int main(void)
{
	test_kinds();
	test_room_by_id();
	test_planned_first();
	test_kinds_text();
	test_text();
	test_json();
	tz_cleanup();
	return done_testing();
}
