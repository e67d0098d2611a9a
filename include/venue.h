/* venue.h: what the user says about a conference's venue — each room's floor and building, and
 * the walking minutes between two rooms or two buildings — and how it applies to a timetable.
 *
 * The timetable's own floors and buildings are the defaults; the venue's entries replace them
 * room by room, so they survive every fetch of a new version (the venue file, venue_file.h, is
 * kept apart from the fetched copy).  Rooms are named by their id (and their name, for a
 * timetable that changed its ids), buildings by their name.
 */
#ifndef PLANNER_VENUE_H
#define PLANNER_VENUE_H

#include <stdbool.h>
#include <stddef.h>

#include "schedule.h"

/* The most minutes a walk may take (as --travel). */
#define VENUE_WALK_MAX 600

struct venue_room {
	char *id, *name;          /* the room's id and its name (for a timetable that changed ids) */
	char *floor, *building;   /* NULL: the timetable's */
};

struct venue_walk {
	char *a, *b;              /* two room ids, or two building names */
	bool buildings;
	int minutes;              /* 0 to VENUE_WALK_MAX */
};

struct venue {
	char *conference;         /* the conference id; may be NULL */
	struct venue_room *rooms;
	size_t nrooms, rooms_alloc;
	struct venue_walk *walks;
	size_t nwalks, walks_alloc;
};

void venue_init(struct venue *v);
void venue_release(struct venue *v);

/* The entry of the room with this id (made, empty, when missing and `create`); NULL when none.
 * Borrowed, valid until the next change of v->rooms.  `name` refreshes the entry's name. */
struct venue_room *venue_room(struct venue *v, const char *id, const char *name, bool create);
/* Removes the entry of room `id`; true if there was one. */
bool venue_room_remove(struct venue *v, const char *id);
/* Sets the walk between a and b (room ids, or building names with `buildings`) to `minutes`, in
 * either direction; minutes < 0 removes it.  Returns true when something changed. */
bool venue_set_walk(struct venue *v, const char *a, const char *b, bool buildings, int minutes);

/* Applies v to s: every room entry's floor and building (matched by id, else by name), then the
 * walks between buildings, then the walks between rooms (which win: schedule_walk).
 * Returns the number of entries that name a room or building s does not have (left out). */
size_t venue_apply(const struct venue *v, struct schedule *s);
/* The index of the room of s an entry (id, name) names, or -1. */
long venue_find_room(const struct schedule *s, const char *id, const char *name);
/* True if some room of s is in building `name` (exactly). */
bool venue_has_building(const struct schedule *s, const char *name);

/* The room a user typed, as --room matches it: its id (case-folded), else its whole name, else
 * the one room whose name contains it.  The index; -1 with error() set (EX_DATAERR, naming
 * `what` and the value, with "did you mean" or the rooms it fits) when none or several match. */
long venue_match_room(const struct schedule *s, const char *typed, const char *what);
/* The same for a building: the one of s's buildings (after the venue) whose name folds equal
 * to typed, else the only one containing it.  Its name (borrowed from a room of s); NULL with
 * error() set as above. */
const char *venue_match_building(const struct schedule *s, const char *typed, const char *what);

/* The travel rule, one place for every command and solver: the seconds to get from room a to
 * room b (indexes into s->rooms) for a walk of travel_seconds between two rooms: 0 in the same
 * room; the minutes the user set for the two rooms, else for their buildings (schedule_walk);
 * else travel_seconds, times 3 between two known buildings that differ, else times 2 between two
 * known floors that differ. */
int64_t venue_travel(const struct schedule *s, size_t a, size_t b, int travel_seconds);
/* At least the longest walk venue_travel gives between two rooms of s. */
int64_t venue_longest_walk(const struct schedule *s, int travel_seconds);
/* Why the walk from a to b takes what venue_travel says: "set with 'planner rooms walk'",
 * "another building", "another floor" or "" (the travel time between rooms). */
const char *venue_travel_reason(const struct schedule *s, size_t a, size_t b);

#endif
