/* pick_common.h: what pick and team share in the command layer — pick's preference and
 * constraint options (one definition each: pick's table and team's list them) and reading the
 * preferences from the command line and the config file. */
#ifndef PLANNER_PICK_COMMON_H
#define PLANNER_PICK_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "command.h"
#include "pick.h"
#include "pick_args.h"
#include "schedule.h"

/* The preferences (OPT_SAVED: saved with the plan and replayed) */
extern const struct cmd_option pref_track, pref_tag, pref_keyword, pref_speaker, pref_level,
	pref_lang, pref_type, pref_prefer_unrecorded, pref_weight, pref_no_keynotes, pref_fill;
#define PICK_PREF_OPTIONS &pref_track, &pref_tag, &pref_keyword, &pref_speaker, &pref_level, \
	&pref_lang, &pref_type, &pref_prefer_unrecorded, &pref_weight, &pref_no_keynotes, &pref_fill
/* pick's constraints and output options */
extern const struct cmd_option opt_must, opt_avoid, opt_pick_day, opt_break, opt_block,
	opt_max_per_day, opt_travel, opt_explain, opt_no_save;

/* The preference options (OPT_SAVED) on ctx's command line, in their order, into a.  0, or -1
 * with error() set for a bad value. */
int pick_typed_prefs(struct pick_args *a, const struct cmd_ctx *ctx);
/* After the command line's preferences (and the saved ones, `replayed`): the config's defaults
 * unless replayed, the check that every typed value matches something (a value that matches
 * nothing would plan the keynotes alone), the preferences resolved against ctx->s (naming the
 * config line of a --track from there that matches nothing), a warning when --prefer-unrecorded
 * was given for a timetable that marks no session as not recorded, and --day's value into *day
 * (left as it is without one).  0, or -1 with error() set. */
int pick_settle(struct cmd_ctx *ctx, struct pick_args *a, bool replayed, const char *day_arg,
		int *day);
/* Adds the session the user named (a whole id or the start of one, plan_edit_resolve) to l by
 * its full id, once; an id that matches nothing is kept as typed, for the solver to report with
 * a suggestion.  0, or -1 with error() set (a prefix that fits several). */
int pick_push_session(struct strlist *l, const struct schedule *s, const char *typed);
/* l gets s unless it has it. */
void push_unique(struct strlist *l, const char *s);

struct jsonw;
/* The "candidates" member of pick's and team's --json: every candidate of r with its id,
 * score, points, why, start, end, day, room ("*" for several), building and floor (null when
 * not known), pinned and excluded — what an outside checker needs to verify the plan. */
/* "walks": the walks set with `planner rooms walk` (venue.h), each {"rooms": [id, id], "minutes"}
 * or {"buildings": [name, name], "minutes"}: they take their minutes, either way, instead of the
 * travel rule; a walk between two rooms wins over one between their buildings. */
void pick_json_walks(struct jsonw *w, const struct schedule *s);
void pick_json_candidates(struct jsonw *w, const struct pick_request *rq,
			  const struct pick_result *r);

/* Preference points (hundredths) as shown: "3", "2.50". */
void cli_points(FILE *f, int64_t p);
/* The same into buf (at least CLI_POINTS_MAX bytes); returns buf. */
#define CLI_POINTS_MAX 32
const char *cli_points_text(int64_t p, char *buf, size_t size);
/* The preferences as typed, or "keynotes only (no preferences given)", to stdout. */
void pick_print_args(const struct strlist *args);
/* Why a plan of pick or team came out empty, ncand the sessions it could choose from: "no
 * session matches these preferences", or, when there were none, that no session (of the day
 * asked for) has a time or a room.  A static string. */
struct pick_request;
const char *pick_nothing_why(const struct pick_request *rq, size_t ncand);

#endif
