/* pick_common.c: what pick and team share in the command layer: pick's preference and
 * constraint options, and the preferences read from the command line and the config file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "command.h"
#include "config.h"
#include "filter.h"
#include "prefs.h"
#include "jsonw.h"
#include "plan_edit.h"
#include "tz.h"
#include "pick.h"
#include "pick_args.h"
#include "pick_common.h"
#include "schedule.h"
#include "text.h"
#include "util.h"

#define PREF (OPT_REPEAT | OPT_CONFIG | OPT_SAVED)

const struct cmd_option pref_track = {
	"track", 't', "T", "a track or tag called T (3 points); when there is none, sessions\n"
	"that mention T or a word of its topic (as --keyword, said on stderr)", COMPLETE_LABEL, PREF, VALUE_TEXT, 0,
	"Preferences (repeatable; each kind adds its weight once):" };
const struct cmd_option pref_tag = {
	"tag", 0, "T", "a tag (3 points)", COMPLETE_TAG, PREF, VALUE_TEXT, 0, NULL };
const struct cmd_option pref_keyword = {
	"keyword", 'k', "TEXT", "TEXT or a word of its topic (asyncio: 비동기, ...) in the title\n"
	"(2), the track or tags (1.5), the abstract, description or speakers (1)",
	COMPLETE_NONE, PREF, VALUE_TEXT, 0, NULL };
const struct cmd_option pref_speaker = {
	"speaker", 0, "S", "a speaker whose name contains S (4)", COMPLETE_SPEAKER, PREF, VALUE_TEXT,
	0, NULL };
const struct cmd_option pref_level = {
	"level", 'l', "L", "beginner, intermediate, advanced / 초급, 중급, 고급 (1)", COMPLETE_LEVEL,
	PREF, VALUE_LEVEL, 0, NULL };
const struct cmd_option pref_lang = {
	"lang", 0, "L", "a language: ko, en, ... (1)", COMPLETE_LANG, PREF, VALUE_TEXT, 0, NULL };
const struct cmd_option pref_type = {
	"type", 0, "T", "talk, keynote, lightning, tutorial, workshop, ... (1)\n"
	"with a track, tag, keyword or speaker given, --level, --lang and\n"
	"--type only add to sessions that matched one of those", COMPLETE_TYPE, PREF, VALUE_TYPE, 0,
	NULL };
const struct cmd_option pref_weight = {
	"weight", 0, "KIND=N", "the points of a kind (track, tag, keyword, speaker, level, lang,\n"
	"type, keynote, unrecorded), e.g. --weight speaker=10", COMPLETE_WEIGHT, PREF, VALUE_WEIGHT, 0, NULL };
const struct cmd_option pref_no_keynotes = {
	"no-keynotes", 0, NULL, "no bonus for keynotes (5 points by default: attendees go to them)",
	COMPLETE_NONE, OPT_SAVED, VALUE_TEXT, 0, NULL };
const struct cmd_option pref_prefer_unrecorded = {
	"prefer-unrecorded", 0, NULL, "sessions the timetable says will not be recorded (2); it\n"
	"refines a track, tag, keyword or speaker as --lang does", COMPLETE_NONE, OPT_SAVED,
	VALUE_TEXT, 0, NULL };
const struct cmd_option pref_fill = {
	"fill", 0, NULL, "fill free time with the best remaining sessions", COMPLETE_NONE, OPT_SAVED,
	VALUE_TEXT, 0, NULL };
const struct cmd_option opt_must = {
	"must", 0, "ID", "pin a session (kept in later picks; 'planner drop ID' unpins)",
	COMPLETE_SESSION, OPT_REPEAT, VALUE_TEXT, 0, "Constraints:" };
const struct cmd_option opt_avoid = {
	"avoid", 0, "ID", "never choose a session", COMPLETE_SESSION, OPT_REPEAT, VALUE_TEXT, 0,
	NULL };
const struct cmd_option opt_pick_day = {
	"day", 'd', "N|DATE", "plan only that day (the other days of the saved plan stay)",
	COMPLETE_DAY, 0, VALUE_TEXT, 0, NULL };
const struct cmd_option opt_break = {
	"break", 0, "HH:MM-HH:MM", "keep this time free every day (lunch)", COMPLETE_NONE, PREF,
	VALUE_BREAK, 0, NULL };
const struct cmd_option opt_block = {
	"block", 0, "\"YYYY-MM-DD HH:MM-HH:MM TEXT\"", "a personal appointment", COMPLETE_NONE,
	OPT_REPEAT | OPT_SAVED, VALUE_TEXT, 0, NULL };
const struct cmd_option opt_max_per_day = {
	"max-per-day", 0, "N", "at most N sessions a day", COMPLETE_NONE, OPT_CONFIG | OPT_SAVED,
	VALUE_COUNT, PICK_MAX_PER_DAY_MAX, NULL };
const struct cmd_option opt_travel = {
	"travel", 0, "MIN", "minutes to change rooms (default 5; x2 between floors, x3 between\n"
	"buildings when the timetable says)", COMPLETE_NONE, OPT_CONFIG | OPT_SAVED, VALUE_COUNT,
	PICK_TRAVEL_MAX, NULL };
const struct cmd_option opt_explain = {
	"explain", 0, NULL, "also list the strongest sessions left out and what beat them",
	COMPLETE_NONE, 0, VALUE_TEXT, 0, "Output:" };
const struct cmd_option opt_no_save = {
	"no-save", 0, NULL, "do not save the plan", COMPLETE_NONE, 0, VALUE_TEXT, 0, NULL };

/* The preference options on the command line, in their order, into a. */
int pick_typed_prefs(struct pick_args *a, const struct cmd_ctx *ctx)
{
	for (size_t i = 0; i < ctx->ngiven; i++)
		if ((ctx->given[i].opt->flags & OPT_SAVED) &&
		    pick_args_typed(a, ctx->given[i].opt->name, ctx->given[i].value) < 0)
			return -1;
	return 0;
}

/* The config file's defaults for the options the command line did not give (pick_args_default:
 * the command line wins), so that they are shown and saved with the plan. */
static int pick_config_defaults(struct pick_args *a)
{
	const struct config *cfg = cli_config();

	if (!cfg)
		return -1;
	for (size_t i = 0; i < cfg->npick; i++) {
		const struct config_setting *st = &cfg->pick[i];

		if (pick_args_default(a, st->key, st->value) < 0)
			return error_prefix_status(EX_CONFIG, "%s:%u", cfg->path, st->line);
	}
	return 0;
}

/* Names the config line of the --track value that matched nothing (the failed-th track value,
 * prefs_resolve), when it came from there: the config's tracks apply only when the command line
 * gives none, each adding one value in the config's order. */
static void pick_blame_config(const struct pick_args *a, size_t failed)
{
	const struct config *cfg = cli_config();
	size_t k = 0;

	if (!cfg || pick_args_given(a, "track", NULL))
		return;
	for (size_t i = 0; i < cfg->npick; i++) {
		const struct config_setting *st = &cfg->pick[i];

		if (strcmp(st->key, "track") || k++ != failed)
			continue;
		error(error_status(), "%s (set in %s:%u)", error_message(), cfg->path, st->line);
		return;
	}
}

void cli_points(FILE *f, int64_t p)
{
	char buf[CLI_POINTS_MAX];

	fputs(cli_points_text(p, buf, sizeof(buf)), f);
}

const char *cli_points_text(int64_t p, char *buf, size_t size)
{
	if (p % 100)
		snprintf(buf, size, "%lld.%02lld", (long long)(p / 100), (long long)(p % 100));
	else
		snprintf(buf, size, "%lld", (long long)(p / 100));
	return buf;
}

void pick_print_args(const struct strlist *args)
{
	if (!args->n) {
		fputs("keynotes only (no preferences given)", stdout);
		return;
	}
	for (size_t i = 0; i < args->n; i++) {
		char *clean = text_sanitize(args->v[i]);
		printf("%s%s", i ? " " : "", clean);
		free(clean);
	}
}

/* Why a plan came out empty: no session to plan at all (none has both a time and a room, on
 * the day asked for), or none that the preferences ask for. */
const char *pick_nothing_why(const struct pick_request *rq, size_t ncand)
{
	const struct schedule *s = rq->s;
	size_t timed = 0, roomed = 0;

	if (ncand)
		return "no session matches these preferences";
	for (size_t i = 0; i < s->nsessions; i++) {
		const struct session *se = &s->sessions[i];

		if (rq->day >= 0 && se->day != rq->day)
			continue;
		timed += se->has_time;
		roomed += se->nrooms > 0;
	}
	if (!timed && !roomed)
		return rq->day >= 0 ? "no session of that day has a time or a room"
				    : "no session in the timetable has a time or a room";
	if (!timed)
		return "no session in the timetable has a time";
	if (!roomed)
		return rq->day >= 0 ? "no session of that day has a room"
				    : "no session in the timetable has a room";
	return rq->day >= 0 ? "no session of that day has both a time and a room"
			    : "no session in the timetable has both a time and a room";
}

void push_unique(struct strlist *l, const char *s)
{
	if (strlist_find(l, s) < 0)
		strlist_push(l, s);
}

int pick_push_session(struct strlist *l, const struct schedule *s, const char *typed)
{
	long k;

	if (plan_edit_resolve(s, typed, &k) < 0)
		return -1;
	push_unique(l, k >= 0 ? s->sessions[k].id : typed);
	return 0;
}

void pick_json_candidates(struct jsonw *w, const struct pick_request *rq,
			  const struct pick_result *r)
{
	const struct schedule *s = rq->s;
	char buf[40];

	jsonw_key(w, "candidates");
	jsonw_array_begin(w);
	for (size_t c = 0; c < r->ncand; c++) {
		const struct pick_candidate *pc = &r->cand[c];
		const struct session *se = &s->sessions[pc->session];

		jsonw_object_begin(w);
		jsonw_key(w, "id");
		jsonw_string(w, se->id);
		jsonw_key(w, "score");
		jsonw_int(w, pc->score);
		jsonw_key(w, "points");
		jsonw_double(w, (double)pc->points / 100);
		jsonw_key(w, "why");
		jsonw_string(w, pick_why(rq, r, c));
		jsonw_key(w, "start");
		tz_format_iso(s->tz, se->start, buf, sizeof(buf));
		jsonw_string(w, buf);
		jsonw_key(w, "end");
		tz_format_iso(s->tz, se->end, buf, sizeof(buf));
		jsonw_string(w, buf);
		jsonw_key(w, "day");
		jsonw_int(w, se->day + 1);
		jsonw_key(w, "room");
		jsonw_string(w, pc->room >= 0 ? s->rooms[pc->room].id : "*");
		jsonw_key(w, "building");
		jsonw_string(w, pc->room >= 0 ? s->rooms[pc->room].building : NULL);
		jsonw_key(w, "floor");
		jsonw_string(w, pc->room >= 0 ? s->rooms[pc->room].floor : NULL);
		jsonw_key(w, "pinned");
		jsonw_bool(w, pc->pinned);
		jsonw_key(w, "excluded");
		jsonw_string(w, pc->excluded_by);
		jsonw_object_end(w);
	}
	jsonw_array_end(w);
}

void pick_json_walks(struct jsonw *w, const struct schedule *s)
{
	jsonw_key(w, "walks");
	jsonw_array_begin(w);
	for (size_t k = 0; k < s->nwalks; k++) {
		jsonw_object_begin(w);
		jsonw_key(w, "rooms");
		jsonw_array_begin(w);
		jsonw_string(w, s->rooms[s->walks[k].a].id);
		jsonw_string(w, s->rooms[s->walks[k].b].id);
		jsonw_array_end(w);
		jsonw_key(w, "minutes");
		jsonw_int(w, s->walks[k].minutes);
		jsonw_object_end(w);
	}
	for (size_t k = 0; k < s->nbuilding_walks; k++) {
		jsonw_object_begin(w);
		jsonw_key(w, "buildings");
		jsonw_array_begin(w);
		jsonw_string(w, s->building_walks[k].a);
		jsonw_string(w, s->building_walks[k].b);
		jsonw_array_end(w);
		jsonw_key(w, "minutes");
		jsonw_int(w, s->building_walks[k].minutes);
		jsonw_object_end(w);
	}
	jsonw_array_end(w);
}

int pick_settle(struct cmd_ctx *ctx, struct pick_args *a, bool replayed, const char *day_arg,
		int *day)
{
	size_t failed;

	if (!replayed && pick_config_defaults(a) < 0)
		return -1;
	if (cli_check_values(ctx) < 0)
		return -1;
	if (prefs_resolve(&a->set.prefs, &ctx->s, &failed) < 0) {
		if (!replayed)
			pick_blame_config(a, failed);
		return -1;
	}
	if (!replayed && a->set.prefs.unrecorded) {
		size_t i = 0;

		while (i < ctx->s.nsessions && !ctx->s.sessions[i].do_not_record)
			i++;
		if (i == ctx->s.nsessions)
			warning("no session in %s says it will not be recorded: --prefer-unrecorded "
				"adds no points", text_inert(ctx->s.conf.name));
	}
	if (day_arg && filter_parse_day(&ctx->s, day_arg, day) < 0)
		return -1;
	return 0;
}
