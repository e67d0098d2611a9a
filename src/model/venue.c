/* venue.c: the user's floors, buildings and walks (venue.h), applied to a timetable, and the
 * one travel rule every command and solver uses. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "text.h"
#include "util.h"
#include "venue.h"

void venue_init(struct venue *v)
{
	memset(v, 0, sizeof(*v));
}

void venue_release(struct venue *v)
{
	for (size_t i = 0; i < v->nrooms; i++) {
		free(v->rooms[i].id);
		free(v->rooms[i].name);
		free(v->rooms[i].floor);
		free(v->rooms[i].building);
	}
	free(v->rooms);
	for (size_t i = 0; i < v->nwalks; i++) {
		free(v->walks[i].a);
		free(v->walks[i].b);
	}
	free(v->walks);
	free(v->conference);
	venue_init(v);
}

struct venue_room *venue_room(struct venue *v, const char *id, const char *name, bool create)
{
	struct venue_room *r;

	for (size_t i = 0; i < v->nrooms; i++) {
		r = &v->rooms[i];
		if (!strcmp(r->id, id)) {
			if (name && (!r->name || strcmp(r->name, name))) {
				free(r->name);
				r->name = xstrdup(name);
			}
			return r;
		}
	}
	if (!create)
		return NULL;
	v->rooms = xgrow(v->rooms, v->nrooms + 1, &v->rooms_alloc, sizeof(*v->rooms));
	r = &v->rooms[v->nrooms++];
	memset(r, 0, sizeof(*r));
	r->id = xstrdup(id);
	r->name = xstrdup(name);
	return r;
}

bool venue_room_remove(struct venue *v, const char *id)
{
	for (size_t i = 0; i < v->nrooms; i++) {
		struct venue_room *r = &v->rooms[i];
		if (strcmp(r->id, id))
			continue;
		free(r->id);
		free(r->name);
		free(r->floor);
		free(r->building);
		memmove(r, r + 1, (v->nrooms - i - 1) * sizeof(*r));
		v->nrooms--;
		return true;
	}
	return false;
}

static bool walk_is(const struct venue_walk *w, const char *a, const char *b, bool buildings)
{
	return w->buildings == buildings && ((!strcmp(w->a, a) && !strcmp(w->b, b)) ||
					     (!strcmp(w->a, b) && !strcmp(w->b, a)));
}

bool venue_set_walk(struct venue *v, const char *a, const char *b, bool buildings, int minutes)
{
	for (size_t i = 0; i < v->nwalks; i++) {
		struct venue_walk *w = &v->walks[i];
		if (!walk_is(w, a, b, buildings))
			continue;
		if (minutes >= 0) {
			bool changed = w->minutes != minutes;
			w->minutes = minutes;
			return changed;
		}
		free(w->a);
		free(w->b);
		memmove(w, w + 1, (v->nwalks - i - 1) * sizeof(*w));
		v->nwalks--;
		return true;
	}
	if (minutes < 0)
		return false;
	v->walks = xgrow(v->walks, v->nwalks + 1, &v->walks_alloc, sizeof(*v->walks));
	v->walks[v->nwalks++] = (struct venue_walk){ xstrdup(a), xstrdup(b), buildings, minutes };
	return true;
}

long venue_find_room(const struct schedule *s, const char *id, const char *name)
{
	for (size_t r = 0; r < s->nrooms; r++)
		if (id && s->rooms[r].id && !strcmp(s->rooms[r].id, id))
			return (long)r;
	for (size_t r = 0; r < s->nrooms; r++)
		if (name && s->rooms[r].name && !strcmp(s->rooms[r].name, name))
			return (long)r;
	return -1;
}

bool venue_has_building(const struct schedule *s, const char *name)
{
	for (size_t r = 0; r < s->nrooms; r++)
		if (s->rooms[r].building && !strcmp(s->rooms[r].building, name))
			return true;
	return false;
}

size_t venue_apply(const struct venue *v, struct schedule *s)
{
	size_t missing = 0;

	for (size_t i = 0; i < v->nrooms; i++) {
		const struct venue_room *e = &v->rooms[i];
		long r = venue_find_room(s, e->id, e->name);

		if (r < 0) {
			missing++;
			continue;
		}
		schedule_room_place(s, (size_t)r, e->floor ? e->floor : s->rooms[r].floor,
				    e->building ? e->building : s->rooms[r].building);
	}
	/* walks between buildings and between rooms are kept apart; schedule_walk() gives a room's
	 * the precedence, whatever the order they are set in */
	for (size_t i = 0; i < v->nwalks; i++) {
		const struct venue_walk *w = &v->walks[i];

		if (w->buildings) {
			bool found_a = venue_has_building(s, w->a), found_b = venue_has_building(s, w->b);

			if (!found_a || !found_b || !strcmp(w->a, w->b)) {
				missing += !found_a || !found_b;
				continue;
			}
			schedule_set_building_walk(s, w->a, w->b, w->minutes);
		} else {
			long a = venue_find_room(s, w->a, NULL), b = venue_find_room(s, w->b, NULL);

			if (a < 0 || b < 0) {
				missing++;
				continue;
			}
			schedule_set_walk(s, (size_t)a, (size_t)b, w->minutes);
		}
	}
	return missing;
}

static char *fold_of(const char *text, const char *pre)
{
	return pre ? xstrdup(pre) : text_fold(text ? text : "");
}

long venue_match_room(const struct schedule *s, const char *typed, const char *what)
{
	char *folded = text_fold(typed);
	long found = -1;
	size_t nfit = 0;
	struct strbuf sb;

	/* its id, else its whole name (one room's), else a part of one room's name */
	for (int pass = 0; pass < 3 && found < 0; pass++) {
		nfit = 0;
		for (size_t r = 0; r < s->nrooms; r++) {
			const struct room *rm = &s->rooms[r];
			char *f = pass == 0 ? fold_of(rm->id, rm->fold_id) : fold_of(rm->name, rm->fold_name);
			bool hit = pass < 2 ? !strcmp(f, folded) : *folded && strstr(f, folded) != NULL;

			free(f);
			if (hit && !nfit++)
				found = (long)r;
		}
		if (pass == 1 && nfit > 1) {
			/* two rooms of that very name: only their ids tell them apart */
			struct strbuf ids;
			size_t shown = 0;

			strbuf_init(&ids);
			for (size_t r = 0; r < s->nrooms && shown < 5; r++) {
				char *f = fold_of(s->rooms[r].name, s->rooms[r].fold_name);
				if (!strcmp(f, folded))
					strbuf_addf(&ids, "%s'%s'", shown++ ? ", " : "", s->rooms[r].id);
				free(f);
			}
			error(EX_DATAERR, "%s '%s': %zu rooms of %s have that name (ids %s%s); name it by "
			      "its id", what, typed, nfit, s->conf.name, ids.buf, nfit > shown ? ", ..." : "");
			strbuf_release(&ids);
			free(folded);
			return -1;
		}
		if (pass < 2 && found >= 0)
			nfit = 1;
	}
	if (found >= 0 && nfit == 1) {
		free(folded);
		return found;
	}
	strbuf_init(&sb);
	if (nfit > 1) {
		size_t shown = 0;
		for (size_t r = 0; r < s->nrooms && shown < 5; r++) {
			char *f = fold_of(s->rooms[r].name, s->rooms[r].fold_name);
			if (strstr(f, folded))
				strbuf_addf(&sb, "%s'%s'", shown++ ? ", " : "", s->rooms[r].name);
			free(f);
		}
		error(EX_DATAERR, "%s '%s': %zu rooms of %s match (%s%s); say which", what, typed, nfit,
		      s->conf.name, sb.buf, nfit > shown ? ", ..." : "");
	} else {
		char **names = xmalloc((s->nrooms ? s->nrooms : 1) * sizeof(*names));
		for (size_t r = 0; r < s->nrooms; r++)
			names[r] = s->rooms[r].name;
		filter_suggest(names, s->nrooms, folded, &sb);
		free(names);
		if (sb.len)
			error(EX_DATAERR, "%s '%s': no room of that name in %s (did you mean %s?)", what,
			      typed, s->conf.name, sb.buf);
		else
			error(EX_DATAERR, "%s '%s': no room of that name in %s; see 'planner rooms'", what,
			      typed, s->conf.name);
	}
	strbuf_release(&sb);
	free(folded);
	return -1;
}

const char *venue_match_building(const struct schedule *s, const char *typed, const char *what)
{
	char *folded = text_fold(typed);
	const char *found = NULL;
	struct strlist names;
	struct strbuf sb;

	strlist_init(&names);
	for (size_t r = 0; r < s->nrooms; r++)
		if (s->rooms[r].building && strlist_find(&names, s->rooms[r].building) < 0)
			strlist_push(&names, s->rooms[r].building);
	for (int pass = 0; pass < 2 && !found; pass++) {
		size_t nfit = 0;
		long first = -1;
		for (size_t i = 0; i < names.n; i++) {
			char *f = text_fold(names.v[i]);
			bool hit = pass == 0 ? !strcmp(f, folded) : *folded && strstr(f, folded) != NULL;
			free(f);
			if (hit && !nfit++)
				first = (long)i;
		}
		if (nfit == 1 || (pass == 0 && nfit > 1))
			for (size_t r = 0; r < s->nrooms && !found; r++)
				if (s->rooms[r].building && !strcmp(s->rooms[r].building, names.v[first]))
					found = s->rooms[r].building;
	}
	if (!found) {
		strbuf_init(&sb);
		filter_suggest(names.v, names.n, folded, &sb);
		if (sb.len)
			error(EX_DATAERR, "%s '%s': no room or building of that name in %s (did you mean "
			      "%s?)", what, typed, s->conf.name, sb.buf);
		else
			error(EX_DATAERR, "%s '%s': no room or building of that name in %s; see 'planner "
			      "rooms'", what, typed, s->conf.name);
		strbuf_release(&sb);
	}
	strlist_release(&names);
	free(folded);
	return found;
}

static bool differ(const char *a, const char *b)
{
	return a && b && a != b && strcmp(a, b);
}

/* The travel rule's one decision: which case the walk from room a to room b is; *set gets the
 * minutes of a walk the user set (WALK_SET). */
enum walk_kind { WALK_NONE, WALK_SET, WALK_BUILDING, WALK_FLOOR, WALK_ROOM };

static enum walk_kind walk_kind(const struct schedule *s, size_t a, size_t b, int *set)
{
	if (a == b)
		return WALK_NONE;
	if ((*set = schedule_walk(s, a, b)) >= 0)
		return WALK_SET;
	if (differ(s->rooms[a].building, s->rooms[b].building))
		return WALK_BUILDING;
	if (differ(s->rooms[a].floor, s->rooms[b].floor))
		return WALK_FLOOR;
	return WALK_ROOM;
}

int64_t venue_travel(const struct schedule *s, size_t a, size_t b, int travel_seconds)
{
	int set;

	switch (walk_kind(s, a, b, &set)) {
	case WALK_NONE: return 0;
	case WALK_SET: return (int64_t)set * 60;
	case WALK_BUILDING: return 3 * (int64_t)travel_seconds;
	case WALK_FLOOR: return 2 * (int64_t)travel_seconds;
	default: return travel_seconds;
	}
}

const char *venue_travel_reason(const struct schedule *s, size_t a, size_t b)
{
	int set;

	switch (walk_kind(s, a, b, &set)) {
	case WALK_SET: return "set with 'planner rooms walk'";
	case WALK_BUILDING: return "another building";
	case WALK_FLOOR: return "another floor";
	default: return "";
	}
}

int64_t venue_longest_walk(const struct schedule *s, int travel_seconds)
{
	int64_t most = 3 * (int64_t)travel_seconds;

	for (size_t i = 0; i < s->nwalks; i++)
		if ((int64_t)s->walks[i].minutes * 60 > most)
			most = (int64_t)s->walks[i].minutes * 60;
	for (size_t i = 0; i < s->nbuilding_walks; i++)
		if ((int64_t)s->building_walks[i].minutes * 60 > most)
			most = (int64_t)s->building_walks[i].minutes * 60;
	return most;
}
