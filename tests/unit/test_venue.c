/* test_venue.c: the venue (venue.h, venue_file.h) — rooms named as --room names them, floors and
 * buildings over the timetable's, walks between rooms winning over walks between buildings, the
 * travel rule with them, where a room is shown, and the venue file read, refused when damaged,
 * written and read back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load.h"
#include "schedule.h"
#include "tap.h"
#include "util.h"
#include "venue.h"
#include "venue_file.h"

static const char feed[] =
	"{\"planner_format\": 1, \"conference\": {\"id\": \"vc\", \"name\": \"VenueCon\", "
	"\"timezone\": \"Asia/Seoul\"}, \"rooms\": ["
	"{\"id\": \"hall-1\", \"name\": \"컨벤션 홀 1\"}, {\"id\": \"hall-2\", \"name\": \"컨벤션 홀 2\"}, "
	"{\"id\": \"hall-3\", \"name\": \"컨벤션 홀 3\", \"floor\": \"B1\"}, "
	"{\"id\": \"annex\", \"name\": \"Annex Room\", \"building\": \"Annex\"}], "
	"\"sessions\": [{\"id\": \"a\", \"title\": \"A\", \"room\": \"hall-1\", "
	"\"start\": \"2025-03-01T10:00\", \"end\": \"2025-03-01T10:30\"}]}";

static void load(struct schedule *s)
{
	schedule_init(s);
	if (schedule_load_buffer(s, feed, strlen(feed), "venue.json", NULL) < 0)
		printf("# %s\n", error_message());
}

static void test_match(const struct schedule *s)
{
	is_int(venue_match_room(s, "hall-2", "x"), 1, "a room by its id");
	is_int(venue_match_room(s, "HALL-2", "x"), 1, "... in any case");
	is_int(venue_match_room(s, "컨벤션 홀 3", "x"), 2, "by its whole name");
	is_int(venue_match_room(s, "홀 1", "x"), 0, "by a part of its name that fits one room");
	is_int(venue_match_room(s, "annex room", "x"), 3, "a name, case-folded");
	is_int(venue_match_room(s, "홀", "rooms set"), -1, "a part that fits three rooms");
	is_str(error_message(), "rooms set '홀': 3 rooms of VenueCon match ('컨벤션 홀 1', '컨벤션 홀 2', "
	       "'컨벤션 홀 3'); say which", "... names them");
	is_int(venue_match_room(s, "컨벤션 흘 2", "rooms set"), -1, "a typo");
	is_str(error_message(), "rooms set '컨벤션 흘 2': no room of that name in VenueCon (did you "
	       "mean '컨벤션 홀 2'?)", "... gets a suggestion");
	is_int(venue_match_room(s, "zzzzzzzzzz", "rooms set"), -1, "nothing near");
	is_str(error_message(), "rooms set 'zzzzzzzzzz': no room of that name in VenueCon; see "
	       "'planner rooms'", "... points to planner rooms");
	error_clear();
	{
		struct schedule t;
		struct room *r;

		load(&t);
		r = schedule_add_room(&t);
		r->id = xstrdup("annex-2");
		r->name = xstrdup("Annex Room");
		is_int(venue_match_room(&t, "Annex Room", "rooms set"), -1, "two rooms of one name");
		is_str(error_message(), "rooms set 'Annex Room': 2 rooms of VenueCon have that name (ids "
		       "'annex', 'annex-2'); name it by its id", "... are told apart by their ids");
		is_int(venue_match_room(&t, "annex-2", "rooms set"), 4, "... as the id does");
		error_clear();
		schedule_release(&t);
	}
	ok(venue_match_building(s, "annex", "x") && !strcmp(venue_match_building(s, "annex", "x"), "Annex"),
	   "a building by its name, case-folded");
	ok(!venue_match_building(s, "Main", "rooms walk"), "a building no room is in");
	error_clear();
}

static void test_apply(void)
{
	struct schedule s;
	struct venue v;
	char *place;

	load(&s);
	venue_init(&v);
	venue_room(&v, "hall-1", "컨벤션 홀 1", true)->floor = xstrdup("3");
	venue_room(&v, "hall-2", "컨벤션 홀 2", true)->building = xstrdup("Main");
	venue_room(&v, "gone", "Old Hall", true)->floor = xstrdup("9");
	venue_room(&v, "hall-1", "컨벤션 홀 1", true)->building = xstrdup("Main");
	is_int(v.nrooms, 3, "one entry a room");
	ok(venue_set_walk(&v, "Main", "Annex", true, 8), "a walk between buildings");
	ok(venue_set_walk(&v, "hall-1", "annex", false, 2), "a walk between rooms");
	ok(!venue_set_walk(&v, "annex", "hall-1", false, 2), "the same walk the other way changes nothing");
	ok(venue_set_walk(&v, "hall-3", "hall-1", false, 20), "another");
	is_int(v.nwalks, 3, "three walks");
	is_int(venue_apply(&v, &s), 1, "apply: one entry names a room the timetable does not have");
	is_str(s.rooms[0].floor, "3", "a floor set");
	is_str(s.rooms[0].building, "Main", "a building set");
	is_str(s.rooms[2].floor, "B1", "the timetable's floor where none is set");
	is_int(schedule_walk(&s, 1, 3), 8, "the buildings' walk between their rooms");
	is_int(schedule_walk(&s, 3, 0), 2, "a walk between two rooms wins over their buildings'");
	is_int(schedule_walk(&s, 0, 2), 20, "either way");
	is_int(schedule_walk(&s, 1, 2), -1, "none set");
	is_int(venue_travel(&s, 0, 0, 300), 0, "travel: none within a room");
	is_int(venue_travel(&s, 3, 1, 300), 480, "travel: a walk set takes its minutes");
	is_int(venue_travel(&s, 0, 1, 300), 300, "travel: one building, floor 3 and unknown: the time");
	is_int(venue_travel(&s, 1, 2, 300), 300, "travel: a building and none known: the time");
	is_str(venue_travel_reason(&s, 3, 1), "set with 'planner rooms walk'", "reason: set");
	is_int(venue_longest_walk(&s, 300), 1200, "the longest walk: the 20 minutes set");
	is_int(venue_longest_walk(&s, 600), 1800, "... or three times the time");
	place = room_place(&s.rooms[0]);
	is_str(place, "floor 3, Main", "a floor that is a number, then the building");
	free(place);
	place = room_place(&s.rooms[2]);
	is_str(place, "B1", "any other floor as written");
	free(place);
	ok(schedule_places_differ(&s), "the rooms are not all in one place");
	ok(!venue_set_walk(&v, "hall-1", "hall-2", false, -1), "removing a walk never set");
	ok(venue_set_walk(&v, "annex", "hall-1", false, -1), "removing one, named the other way");
	ok(venue_room_remove(&v, "gone") && !venue_room_remove(&v, "gone"), "an entry removed once");
	venue_release(&v);
	schedule_release(&s);

	/* on its own: different floors twice, buildings three times */
	load(&s);
	schedule_room_place(&s, 0, "1", NULL);
	schedule_room_place(&s, 1, "2", NULL);
	is_int(venue_travel(&s, 0, 1, 300), 600, "travel: another floor twice the time");
	is_str(venue_travel_reason(&s, 0, 1), "another floor", "reason: another floor");
	is_int(venue_travel(&s, 0, 3, 300), 300, "travel: a building against none known: the time");
	schedule_room_place(&s, 0, "1", "Main");
	is_int(venue_travel(&s, 0, 3, 300), 900, "travel: another building three times");
	is_str(venue_travel_reason(&s, 0, 3), "another building", "reason: another building");
	schedule_release(&s);
}

static void test_file(void)
{
	char dir[] = "/tmp/planner-venue-XXXXXX", *path, *text;
	struct venue v, w;
	int r;
	static const char *const bad[] = {
		"", "[]", "{\"planner_venue\": 2}", "{\"planner_venue\": 1, \"rooms\": {}}",
		"{\"planner_venue\": 1, \"rooms\": [{\"floor\": \"1\"}]}",
		"{\"planner_venue\": 1, \"rooms\": [{\"id\": \"a\", \"floor\": 1}]}",
		"{\"planner_venue\": 1, \"rooms\": [{\"id\": \"\"}]}",
		"{\"planner_venue\": 1, \"walks\": [{\"rooms\": [\"a\"], \"minutes\": 3}]}",
		"{\"planner_venue\": 1, \"walks\": [{\"rooms\": [\"a\", \"b\"], \"minutes\": 601}]}",
		"{\"planner_venue\": 1, \"walks\": [{\"rooms\": [\"a\", \"b\"], \"buildings\": [\"a\", \"b\"], \"minutes\": 1}]}",
		"{\"planner_venue\": 1, \"walks\": [{\"buildings\": [\"a\", \"b\\u0000c\"], \"minutes\": 1}]}",
		"{\"planner_venue\": 1, \"planner_venue\": 1}",
	};

	ok(mkdtemp(dir) != NULL, "a directory for the file");
	path = xasprintf("%s/sub/vc.venue.json", dir);
	venue_init(&v);
	is_int(venue_file_load(&v, path), 1, "no file: nothing set");
	v.conference = xstrdup("vc");
	venue_room(&v, "hall-1", "컨벤션 홀 1", true)->floor = xstrdup("3");
	venue_set_walk(&v, "Main", "Annex", true, 8);
	venue_set_walk(&v, "hall-1", "hall-2", false, 0);
	is_int(venue_file_save(&v, path), 0, "saved (its directory made)");
	r = venue_file_load(&w, path);
	is_int(r, 0, "read back");
	ok(r == 0 && w.nrooms == 1 && !strcmp(w.rooms[0].floor, "3") && !w.rooms[0].building &&
	   !strcmp(w.rooms[0].name, "컨벤션 홀 1") && w.nwalks == 2 && w.walks[0].buildings &&
	   w.walks[0].minutes == 8 && !w.walks[1].buildings && w.walks[1].minutes == 0 &&
	   !strcmp(w.conference, "vc"), "... the same");
	venue_release(&w);
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		venue_init(&w);
		r = venue_file_parse(&w, bad[i], strlen(bad[i]), "v.json");
		text = xstrdup(error_message());
		ok(r == -1 && error_status() == EX_DATAERR && strstr(text, "v.json: damaged venue file: "),
		   "damaged file %zu refused: %s", i, text);
		free(text);
		error_clear();
	}
	venue_release(&v);
	{
		char *cmd = xasprintf("rm -rf '%s'", dir);
		ok(system(cmd) == 0, "cleaned up");
		free(cmd);
	}
	free(path);
}

int main(void)
{
	struct schedule s;

	load(&s);
	test_match(&s);
	schedule_release(&s);
	test_apply();
	test_file();
	return done_testing();
}
