/* cmd_rooms.c: `planner rooms` — the rooms of the timetable with where they are and how many
 * sessions each holds; `rooms set`, `rooms unset` and `rooms walk` keep a room's floor and
 * building and the walking minutes between rooms or buildings in the venue file (venue.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "command.h"
#include "jsonw.h"
#include "render.h"
#include "schedule.h"
#include "text.h"
#include "timefmt.h"
#include "util.h"
#include "venue.h"
#include "venue_file.h"

static const struct cmd_option opt_floor = {
	"floor", 0, "F", "rooms set: the room's floor (3, B1, 2F, ...)", COMPLETE_NONE, 0,
	VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_building = {
	"building", 0, "NAME", "rooms set: the room's building", COMPLETE_NONE, 0, VALUE_TEXT, 0,
	NULL };

static const struct cmd_option *const options[] = { &opt_floor, &opt_building, NULL };
static const char *const actions[] = { "set", "unset", "walk", NULL };

static void list_json(const struct schedule *s, const size_t *count)
{
	struct jsonw jw;

	jsonw_init(&jw, stdout);
	jsonw_array_begin(&jw);
	for (size_t i = 0; i < s->nrooms; i++) {
		jsonw_object_begin(&jw);
		jsonw_key(&jw, "id");
		jsonw_string(&jw, s->rooms[i].id);
		jsonw_key(&jw, "name");
		jsonw_string(&jw, s->rooms[i].name);
		jsonw_key(&jw, "floor");
		jsonw_string(&jw, s->rooms[i].floor);
		jsonw_key(&jw, "building");
		jsonw_string(&jw, s->rooms[i].building);
		jsonw_key(&jw, "sessions");
		jsonw_int(&jw, (int64_t)count[i]);
		jsonw_key(&jw, "walks");
		jsonw_array_begin(&jw);
		for (size_t k = 0; schedule_has_walks(s) && k < s->nrooms; k++) {
			int minutes = schedule_walk(s, i, k);	/* its own, or its building's */
			if (minutes < 0)
				continue;
			jsonw_object_begin(&jw);
			jsonw_key(&jw, "to");
			jsonw_string(&jw, s->rooms[k].id);
			jsonw_key(&jw, "minutes");
			jsonw_int(&jw, minutes);
			jsonw_object_end(&jw);
		}
		jsonw_array_end(&jw);
		jsonw_object_end(&jw);
	}
	jsonw_array_end(&jw);
	jsonw_finish(&jw);
}

/* The walks the venue file sets, as the user gave them. */
static void list_walks(const struct schedule *s, const struct venue *v)
{
	if (!v->nwalks)
		return;
	printf("\nWalks (planner rooms walk):\n");
	for (size_t i = 0; i < v->nwalks; i++) {
		const struct venue_walk *w = &v->walks[i];
		long a = w->buildings ? -1 : venue_find_room(s, w->a, NULL);
		long b = w->buildings ? -1 : venue_find_room(s, w->b, NULL);
		char m[24];
		bool gone = w->buildings ? !venue_has_building(s, w->a) || !venue_has_building(s, w->b)
					 : a < 0 || b < 0;

		printf("  %s%s and %s%s: %s%s\n", w->buildings ? "building " : "",
		       text_inert(a >= 0 ? s->rooms[a].name : w->a),
		       w->buildings ? "building " : "",
		       text_inert(b >= 0 ? s->rooms[b].name : w->b),
		       format_minutes(w->minutes, m, sizeof(m)),
		       gone ? " (not in this timetable: left out)" : "");
	}
}

static void list_text(const struct schedule *s, const size_t *count, const struct venue *v)
{
	int idw = 2, namew = 4, placew = 0;
	size_t empty = 0, said = 0, stale = 0, marked = 0;
	char **place = xcalloc(s->nrooms ? s->nrooms : 1, sizeof(*place));
	bool *mine = xcalloc(s->nrooms ? s->nrooms : 1, sizeof(*mine));

	/* the rooms whose place the venue file sets: marked */
	for (size_t i = 0; i < v->nrooms; i++) {
		long r = venue_find_room(s, v->rooms[i].id, v->rooms[i].name);
		if (r >= 0)
			mine[r] = true;
	}
	/* the rooms that hold sessions; a feed's room list may name others (frab's "rooms"),
	 * counted on a line of their own */
	for (size_t i = 0; i < s->nrooms; i++) {
		char *p = room_place(&s->rooms[i]);

		place[i] = mine[i] ? xasprintf("%s *", p) : xstrdup(p);
		free(p);
		if (!count[i]) {
			empty++;
			continue;
		}
		if (cell_width(s->rooms[i].id) > idw)
			idw = cell_width(s->rooms[i].id);
		if (cell_width(s->rooms[i].name) > namew)
			namew = cell_width(s->rooms[i].name);
		if (cell_width(place[i]) > placew)
			placew = cell_width(place[i]);
	}
	idw = idw > 20 ? 20 : idw;
	namew = namew > 40 ? 40 : namew;
	placew = placew > 30 ? 30 : placew;
	for (size_t i = 0; i < s->nrooms; i++) {
		if (!count[i])
			continue;
		put_cell(stdout, s->rooms[i].id, idw);
		fputs("  ", stdout);
		put_cell(stdout, s->rooms[i].name, namew);
		if (placew) {
			fputs("  ", stdout);
			put_cell(stdout, place[i], placew);
		}
		printf("  %zu\n", count[i]);
		marked += mine[i];
	}
	if (marked)
		printf("(* set with 'planner rooms set'; 'planner rooms unset ROOM' goes back to the "
		       "timetable's)\n");
	if (empty) {
		if (s->nrooms > empty)
			printf("\n%zu more room%s no session: ", empty, empty == 1 ? " holds" : "s hold");
		else
			printf("%zu room%s, none holding a session: ", empty, empty == 1 ? "" : "s");
		for (size_t i = 0; i < s->nrooms && said < 5; i++)
			if (!count[i]) {
				fputs(said++ ? ", " : "", stdout);
				put_cell(stdout, s->rooms[i].name, 0);
			}
		printf("%s\n", empty > said ? ", ..." : "");
	}
	list_walks(s, v);
	for (size_t i = 0; i < v->nrooms; i++)
		stale += venue_find_room(s, v->rooms[i].id, v->rooms[i].name) < 0;
	if (stale) {
		printf("\nThe venue file names %zu room%s this timetable does not have (left out):", stale,
		       stale == 1 ? "" : "s");
		for (size_t i = 0, k = 0; i < v->nrooms; i++)
			if (venue_find_room(s, v->rooms[i].id, v->rooms[i].name) < 0)
				printf("%s %s", k++ ? "," : "", text_inert(v->rooms[i].name ? v->rooms[i].name
									       : v->rooms[i].id));
		putchar('\n');
	}
	for (size_t i = 0; i < s->nrooms; i++)
		free(place[i]);
	free(place);
	free(mine);
}

/* A floor or building as typed: not empty, nothing a terminal would act on. */
static int check_text(const char *opt, const char *value)
{
	char *clean = text_sanitize(value);
	bool same = !strcmp(clean, value);

	free(clean);
	if (!*value || strspn(value, " \t") == strlen(value))
		return error(EX_USAGE, "--%s: expected a %s, not an empty text", opt,
			     !strcmp(opt, "floor") ? "floor (3, B1, 2F, ...)" : "building's name");
	if (!same || strlen(value) > 200)
		return error(EX_USAGE, "--%s '%s': expected a short text without control characters", opt,
			     text_inert(value));
	return 0;
}

/* Takes the venue file's lock and reads it into v (its path into *path). */
static int venue_open(struct cmd_ctx *ctx, struct venue *v, char **path)
{
	*path = venue_file_path(ctx->s.conf.id);
	if (!*path || venue_file_lock(*path) < 0 || venue_file_load(v, *path) < 0)
		return -1;
	if (!v->conference)
		v->conference = xstrdup(ctx->s.conf.id);
	return 0;
}

static int venue_done(struct venue *v, char *path)
{
	int ret = venue_file_save(v, path);

	if (ret == 0)
		fprintf(stderr, "planner: venue saved to %s\n", path);
	venue_release(v);
	free(path);
	return ret;
}

static int do_set(struct cmd_ctx *ctx)
{
	struct schedule *s = &ctx->s;
	const char *floor = cmd_arg(ctx, &opt_floor), *building = cmd_arg(ctx, &opt_building);
	struct venue v;
	struct venue_room *e;
	char *path, *place;
	long r;

	if (ctx->noperands != 2)
		return cmd_usage_error(ctx, ctx->noperands < 2 ? "set: which room?"
				       : "set: one room at a time");
	if (!floor && !building)
		return cmd_usage_error(ctx, "set: give --floor, --building or both");
	if ((floor && check_text("floor", floor) < 0) ||
	    (building && check_text("building", building) < 0))
		return -1;
	if ((r = venue_match_room(s, ctx->operands[1], "rooms set")) < 0)
		return -1;
	venue_init(&v);
	if (venue_open(ctx, &v, &path) < 0) {
		venue_release(&v);
		free(path);
		return -1;
	}
	e = venue_room(&v, s->rooms[r].id, s->rooms[r].name, true);
	if (floor) {
		free(e->floor);
		e->floor = xstrdup(floor);
	}
	if (building) {
		free(e->building);
		e->building = xstrdup(building);
	}
	schedule_room_place(s, (size_t)r, floor ? floor : s->rooms[r].floor,
			    building ? building : s->rooms[r].building);
	place = room_place(&s->rooms[r]);
	printf("%s (%s): %s\n", text_inert(s->rooms[r].name), text_inert(s->rooms[r].id),
	       text_inert(place));
	free(place);
	return venue_done(&v, path);
}

static int do_unset(struct cmd_ctx *ctx)
{
	struct schedule *s = &ctx->s;
	struct venue v;
	char *path;
	long r;
	bool had;

	if (ctx->noperands != 2)
		return cmd_usage_error(ctx, ctx->noperands < 2 ? "unset: which room?"
				       : "unset: one room at a time");
	if (cmd_arg(ctx, &opt_floor) || cmd_arg(ctx, &opt_building))
		return cmd_usage_error(ctx, "unset forgets the floor and building you set; it takes "
				       "no --floor or --building");
	if ((r = venue_match_room(s, ctx->operands[1], "rooms unset")) < 0)
		return -1;
	venue_init(&v);
	if (venue_open(ctx, &v, &path) < 0) {
		venue_release(&v);
		free(path);
		return -1;
	}
	had = venue_room_remove(&v, s->rooms[r].id);
	if (!had) {
		printf("%s: nothing set, nothing to forget\n", text_inert(s->rooms[r].name));
		venue_release(&v);
		free(path);
		return 0;
	}
	printf("%s: back to what the timetable says\n", text_inert(s->rooms[r].name));
	return venue_done(&v, path);
}

static int parse_minutes(const char *arg, int *out)
{
	char *end;
	long n;

	if (!strcmp(arg, "none")) {
		*out = -1;
		return 0;
	}
	n = strtol(arg, &end, 10);
	if (!*arg || *end || n < 0 || n > VENUE_WALK_MAX)
		return error(EX_USAGE, "rooms walk: minutes '%s': expected a whole number from 0 to %d, "
			     "or none", text_inert(arg), VENUE_WALK_MAX);
	*out = (int)n;
	return 0;
}

static int do_walk(struct cmd_ctx *ctx)
{
	struct schedule *s = &ctx->s;
	const char *ta, *tb, *ba = NULL, *bb = NULL;
	char *path, *before_a = NULL, *before_b = NULL, *err_a, *err_b, m[24];
	long ra, rb;
	int minutes = -1;
	struct venue v;
	bool changed;

	if (ctx->noperands != 4)
		return cmd_usage_error(ctx, "walk: expected two rooms (or two buildings) and the minutes, "
				       "e.g. rooms walk \"홀 1\" \"홀 3\" 4");
	if (cmd_arg(ctx, &opt_floor) || cmd_arg(ctx, &opt_building))
		return cmd_usage_error(ctx, "walk takes no --floor or --building");
	ta = ctx->operands[1];
	tb = ctx->operands[2];
	if (parse_minutes(ctx->operands[3], &minutes) < 0)
		return -1;
	/* two rooms, else two buildings; a name that is neither gets the room's error */
	ra = venue_match_room(s, ta, "rooms walk");
	err_a = ra < 0 ? xstrdup(error_message()) : NULL;
	rb = venue_match_room(s, tb, "rooms walk");
	err_b = rb < 0 ? xstrdup(error_message()) : NULL;
	error_clear();
	if (ra < 0 || rb < 0) {
		ba = venue_match_building(s, ta, "rooms walk");
		bb = venue_match_building(s, tb, "rooms walk");
		error_clear();
		if (!ba || !bb) {
			if (ra < 0 && !ba)
				error(EX_DATAERR, "%s", err_a);
			else if (rb < 0 && !bb)
				error(EX_DATAERR, "%s", err_b);
			else
				error(EX_DATAERR, "rooms walk: '%s' and '%s': a walk is between two rooms or "
				      "two buildings (see 'planner rooms')", ta, tb);
			free(err_a);
			free(err_b);
			return -1;
		}
		if (!strcmp(ba, bb)) {
			free(err_a);
			free(err_b);
			return error(EX_USAGE, "rooms walk: '%s' and '%s' are the same building", ta, tb);
		}
	} else if (ra == rb) {
		return error(EX_USAGE, "rooms walk: '%s' and '%s' are the same room (staying takes no "
			     "walk)", ta, tb);
	}
	free(err_a);
	free(err_b);
	venue_init(&v);
	if (venue_open(ctx, &v, &path) < 0) {
		venue_release(&v);
		free(path);
		return -1;
	}
	if (ba) {
		before_a = xasprintf("building %s", ba);
		before_b = xasprintf("building %s", bb);
		changed = venue_set_walk(&v, ba, bb, true, minutes);
	} else {
		before_a = xstrdup(s->rooms[ra].name);
		before_b = xstrdup(s->rooms[rb].name);
		changed = venue_set_walk(&v, s->rooms[ra].id, s->rooms[rb].id, false, minutes);
	}
	if (minutes >= 0)
		printf("walk between %s and %s: %s\n", text_inert(before_a), text_inert(before_b),
		       format_minutes(minutes, m, sizeof(m)));
	else
		printf("walk between %s and %s: %s\n", text_inert(before_a), text_inert(before_b),
		       changed ? "none set now (the travel time's rule applies)"
			       : "none was set (the travel time's rule applies)");
	free(before_a);
	free(before_b);
	if (!changed) {
		venue_release(&v);
		free(path);
		return 0;
	}
	return venue_done(&v, path);
}

static int exec(struct cmd_ctx *ctx)
{
	struct schedule *s = &ctx->s;
	size_t *count;
	struct venue v;

	if (ctx->noperands) {
		const char *verb = ctx->operands[0];

		if (!strcmp(verb, "set"))
			return do_set(ctx);
		if (!strcmp(verb, "unset"))
			return do_unset(ctx);
		if (!strcmp(verb, "walk"))
			return do_walk(ctx);
		return cmd_usage_error(ctx, "unknown action '%s' (expected set, unset or walk)",
				       text_inert(verb));
	}
	if (cmd_arg(ctx, &opt_floor) || cmd_arg(ctx, &opt_building))
		return cmd_usage_error(ctx, "--floor and --building go with 'rooms set ROOM'");
	if (cli_load_venue(s, &v, NULL) < 0)
		return -1;
	count = xcalloc(s->nrooms ? s->nrooms : 1, sizeof(*count));
	for (size_t i = 0; i < s->nsessions; i++)
		for (size_t j = 0; j < s->sessions[i].nrooms; j++)
			count[s->sessions[i].rooms[j]]++;
	if (ctx->json)
		list_json(s, count);
	else
		list_text(s, count, &v);
	free(count);
	venue_release(&v);
	return 0;
}

const struct cmd_entry cmd_rooms = {
	.name = "rooms",
	.summary = "list the rooms; set their floors, buildings and walks",
	.synopsis = "[--json]\n"
		    "       planner rooms set ROOM [--floor F] [--building NAME]\n"
		    "       planner rooms unset ROOM\n"
		    "       planner rooms walk ROOM ROOM MINUTES|none\n"
		    "       planner rooms walk BUILDING BUILDING MINUTES|none",
	.description = "Lists the rooms of the timetable that hold sessions, with their floor and building\n"
		       "when known and how many sessions each holds; a last line counts the rooms a feed\n"
		       "names that hold none (--json lists them too, with 0).\n"
		       "\n"
		       "'rooms set ROOM --floor F --building NAME' says where a room is; 'rooms unset ROOM'\n"
		       "forgets it (back to the timetable's).  'rooms walk A B MINUTES' sets the walk\n"
		       "between two rooms, or two buildings (every room of one to every room of the\n"
		       "other), either way; 'none' removes it.  A room is named by its id, its name, or\n"
		       "a part of its name that fits one room only.  pick, team, now, next and conflicts\n"
		       "use the minutes you set instead of the travel time's rule (x2 between floors, x3\n"
		       "between buildings).  Kept per conference in\n"
		       "$XDG_DATA_HOME/planner/<conference-id>.venue.json, apart from the fetched\n"
		       "timetable: a new version of it keeps them.\n",
	.options = options,
	.json_help = "the rooms as JSON (with floor, building and the walks set from each)",
	.operands = { "ACTION", 0, 4, COMPLETE_ROOM, NULL, actions },
	.flags = CMD_TIMETABLE | CMD_JSON,
	.exec = exec,
};
