/* test_rooms: the room-change rule (schedule.h) that every listing, plan, printout and count
 * uses — a change only between two sessions each in exactly one room, different ones. */
#include <stddef.h>

#include "schedule.h"
#include "tap.h"

static void test_room_change(void)
{
	size_t r0 = 0, r1 = 1, both[2] = { 0, 1 };
	struct session a = { .rooms = &r0, .nrooms = 1 }, b = { .rooms = &r1, .nrooms = 1 },
		       a2 = { .rooms = &r0, .nrooms = 1 }, all = { .rooms = both, .nrooms = 2 },
		       none = { .rooms = NULL, .nrooms = 0 };

	ok(session_room_change(&a, &b) && session_room_change(&b, &a), "room 0 to room 1 is a change");
	ok(!session_room_change(&a, &a2) && session_same_room(&a, &a2), "room 0 to room 0 is none");
	ok(!session_room_change(&a, &all) && !session_room_change(&all, &b) &&
	   !session_same_room(&a, &all), "to or from a session in every room: neither");
	ok(!session_room_change(&a, &none) && !session_room_change(&none, &a) &&
	   !session_same_room(&none, &none), "to or from a session in no room: neither");
	ok(!session_room_change(NULL, &a) && !session_room_change(&a, NULL) &&
	   !session_same_room(NULL, &a), "no session before or after: neither");
	ok(!session_same_room(&a, &b), "rooms 0 and 1 are not the same room");
}

int main(void)
{
	test_room_change();
	return done_testing();
}
