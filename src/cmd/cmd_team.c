/* cmd_team.c: `planner team NAME NAME...` — pick for a team: which sessions the members cover
 * together and who attends each, exactly (pick_team.h), shown per member and saved as each
 * member's plan (`--member NAME` on plan, print, export and now reads it). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "command.h"
#include "filter.h"
#include "fsutil.h"
#include "jsonw.h"
#include "pick.h"
#include "pick_args.h"
#include "pick_common.h"
#include "pick_team.h"
#include "plan.h"
#include "plan_edit.h"
#include "prefs.h"
#include "render.h"
#include "schedule.h"
#include "team.h"
#include "text.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

static const struct cmd_option opt_team_must = {
	"must", 0, "ID", "someone attends this session", COMPLETE_SESSION, OPT_REPEAT, VALUE_TEXT, 0,
	"Constraints:" };
static const struct cmd_option opt_team_member = {
	"member", 'm', "NAME", "the --pin and --block options after it are this member's",
	COMPLETE_NONE, OPT_REPEAT, VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_pin = {
	"pin", 0, "ID", "(after --member) this member attends the session", COMPLETE_SESSION,
	OPT_REPEAT, VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_team_block = {
	"block", 0, "\"YYYY-MM-DD HH:MM-HH:MM TEXT\"", "an appointment: after --member, that\n"
	"member's; before any --member, everyone's", COMPLETE_NONE, OPT_REPEAT, VALUE_TEXT, 0, NULL };

static const struct cmd_option *const options[] = {
	PICK_PREF_OPTIONS, &opt_team_must, &opt_avoid, &opt_pick_day, &opt_break, &opt_team_block,
	&opt_team_member, &opt_pin, &opt_travel, &opt_explain, &opt_no_save, NULL,
};

/* A member's name: shown, and part of a file name (made safe there): printable text. */
static int check_name(const char *name)
{
	char *clean;
	bool same;

	if (!*name)
		return error(EX_USAGE, "a member's name is empty");
	if (strlen(name) > 64)
		return error(EX_USAGE, "member name '%s' is longer than 64 bytes", text_inert(name));
	if (*name == '-')
		return error(EX_USAGE, "member name '%s' starts with '-'", text_inert(name));
	clean = text_sanitize(name);
	same = !strcmp(clean, name) && !strpbrk(name, " \t/");
	free(clean);
	if (!same)
		return error(EX_USAGE, "member name '%s' has a space, a slash or a control character",
			     text_inert(name));
	return 0;
}

/* The member called name among m[0..n), or -1. */
static int find_member(const struct pick_member *m, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(m[i].name, name))
			return i;
	return -1;
}

static int check(struct cmd_ctx *ctx)
{
	struct pick_args o;
	int r;

	if (ctx->noperands > TEAM_MAX_MEMBERS)
		return error(EX_USAGE, "a team has at most %d members", TEAM_MAX_MEMBERS);
	for (int i = 0; i < ctx->noperands; i++) {
		if (check_name(ctx->operands[i]) < 0)
			return -1;
		for (int j = 0; j < i; j++)
			if (!strcmp(ctx->operands[i], ctx->operands[j]))
				return error(EX_USAGE, "member '%s' is named twice",
					     text_inert(ctx->operands[i]));
	}
	pick_args_init(&o);
	r = pick_typed_prefs(&o, ctx);
	pick_args_release(&o);
	return r;
}

/* --must, --avoid, --member, --pin and --block, in command-line order. */
static int constraints(struct cmd_ctx *ctx, struct pick_request *rq, struct pick_member *m, int n)
{
	const struct schedule *s = rq->s;
	int cur = -1;

	for (size_t i = 0; i < ctx->ngiven; i++) {
		const struct cmd_option *o = ctx->given[i].opt;
		const char *v = ctx->given[i].value;

		if (o == &opt_team_must || o == &opt_avoid) {
			if (pick_push_session(o == &opt_avoid ? &rq->avoid : &rq->must, s, v) < 0)
				return -1;
		} else if (o == &opt_team_member) {
			cur = find_member(m, n, v);
			if (cur < 0)
				return error(EX_USAGE, "--member '%s': not one of the team (%s%s)", text_inert(v),
					     m[0].name, n > 1 ? ", ..." : "");
		} else if (o == &opt_pin) {
			if (cur < 0)
				return error(EX_USAGE, "--pin '%s': say whose with --member NAME before it",
					     text_inert(v));
			if (pick_push_session(&m[cur].own.must, s, v) < 0)
				return -1;
		} else if (o == &opt_team_block) {
			if (pick_add_block(cur < 0 ? rq : &m[cur].own, v) < 0)
				return -1;
		}
	}
	return 0;
}

static const struct session *cand_session(const struct pick_request *rq, const struct pick_team *t,
					  size_t c)
{
	return &rq->s->sessions[t->r.cand[c].session];
}

static int64_t member_points(const struct pick_team *t, int i)
{
	int64_t p = 0;

	for (size_t k = 0; k < t->nmember[i]; k++)
		p += t->r.cand[t->member[i][k]].points;
	return p;
}

/* Member i's plan, in columns laid out for every member's sessions (lay). */
static void print_member(const struct pick_request *rq, const struct pick_team *t,
			 const struct pick_member *m, int i, const struct row_layout *lay)
{
	const struct schedule *s = rq->s;
	size_t n = t->nmember[i];
	const struct session **v = xmalloc((n ? n : 1) * sizeof(*v));
	struct civil cur = { 0, 0, 0, 0, 0, 0 };
	const struct session *prev = NULL;
	const int pad = lay->time_w + 2;	/* notes under the mark column */
	bool color = lay->color;

	for (size_t k = 0; k < n; k++)
		v[k] = cand_session(rq, t, t->member[i][k]);
	printf("\n%s%s%s: %zu session%s, %d room change%s, ", color ? "\033[1m" : "", m[i].name,
	       color ? "\033[0m" : "", n, n == 1 ? "" : "s", t->room_changes[i],
	       t->room_changes[i] == 1 ? "" : "s");
	cli_points(stdout, member_points(t, i));
	printf(" points\n");
	if (!n)
		printf("  nothing: the others cover what is worth going to\n");
	for (size_t k = 0; k < n; k++) {
		size_t c = t->member[i][k];
		const struct pick_candidate *pc = &t->r.cand[c];
		const char *why = pick_why(rq, &t->r, c);

		day_heading(stdout, s, v[k], s->tz, &cur, color);
		if (prev && prev->day != v[k]->day)
			prev = NULL;
		row_print(stdout, lay, s, v[k], s->tz, session_room_change(prev, v[k]) ? "→ " : NULL);
		prev = v[k];
		printf("%*s  why: %s%s%s (", pad, "", pc->pinned ? "pinned" : "",
		       pc->pinned && *why ? ", " : "", pc->pinned || *why ? why : "--fill");
		cli_points(stdout, pc->points);
		printf(" point%s)\n", pc->points == 100 ? "" : "s");
	}
	free(v);
}

static void print_text(const struct pick_args *o, const struct pick_request *rq,
		       const struct pick_team *t, const struct pick_member *m)
{
	const struct schedule *s = rq->s;
	bool color = cli_color();
	char mins[24];
	const struct session **all = xmalloc((t->r.nchosen ? t->r.nchosen : 1) * sizeof(*all));
	struct row_layout lay = { 0 };

	for (size_t k = 0; k < t->r.nchosen; k++)
		all[k] = cand_session(rq, t, t->r.chosen[k]);
	lay.color = color;
	lay.marks = true;
	row_layout_compute(&lay, s, all, t->r.nchosen, cli_width());
	free(all);

	printf("%s%s%s: team plan for ", color ? "\033[1m" : "", s->conf.name, color ? "\033[0m" : "");
	for (int i = 0; i < t->nmembers; i++)
		printf("%s%s", i ? ", " : "", m[i].name);
	printf(" — ");
	pick_print_args(&o->args);
	printf("\n");
	for (int i = 0; i < t->nmembers; i++)
		print_member(rq, t, m, i, &lay);
	if (!t->r.nchosen)
		printf("\nnothing to plan: %s\n", pick_nothing_why(rq, t->r.ncand));
	printf("\nTogether: %zu session%s, ", t->r.nchosen, t->r.nchosen == 1 ? "" : "s");
	cli_points(stdout, t->r.total_points);
	printf(" points, %d room change%s; travel %s between rooms%s\n", t->r.room_changes,
	       t->r.room_changes == 1 ? "" : "s", format_minutes(rq->travel_minutes, mins, sizeof(mins)),
	       schedule_has_walks(rq->s) ? ", and the walks you set" : "");
}

/* --explain: how the plan was made, and whether it is proven the best. */
static void print_explain(const struct pick_team *t, int n)
{
	printf("\nHow: one minimum-cost flow over the sessions, %d unit%s (one a member), finds the "
	       "most points the team can cover together, exactly; ties go to fewer room changes.\n",
	       n, n == 1 ? "" : "s");
	if (t->exact)
		printf("This plan is the best possible: no other way to share the sessions covers more "
		       "points.\n");
	else
		printf("Members' own pins and blocks pulled against the best shared plan, so the members "
		       "with them were planned one at a time, in the order named, and the others together: "
		       "every constraint holds, but this plan is not proven the best.\n");
}

static void json_ids(struct jsonw *w, const struct pick_request *rq, const struct pick_team *t,
		     const size_t *v, size_t n)
{
	jsonw_array_begin(w);
	for (size_t k = 0; k < n; k++)
		jsonw_string(w, cand_session(rq, t, v[k])->id);
	jsonw_array_end(w);
}

static void print_json(const struct pick_args *o, const struct pick_request *rq,
		       const struct pick_team *t, const struct pick_member *m)
{
	const struct schedule *s = rq->s;
	struct jsonw w;

	jsonw_init(&w, stdout);
	jsonw_object_begin(&w);
	jsonw_key(&w, "conference");
	jsonw_string(&w, s->conf.id);
	jsonw_key(&w, "members");
	jsonw_array_begin(&w);
	for (int i = 0; i < t->nmembers; i++) {
		jsonw_object_begin(&w);
		jsonw_key(&w, "name");
		jsonw_string(&w, m[i].name);
		jsonw_key(&w, "sessions");
		json_ids(&w, rq, t, t->member[i], t->nmember[i]);
		jsonw_key(&w, "points");
		jsonw_double(&w, (double)member_points(t, i) / 100);
		jsonw_key(&w, "room_changes");
		jsonw_int(&w, t->room_changes[i]);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_key(&w, "total_score");
	jsonw_int(&w, t->r.total_score);
	jsonw_key(&w, "total_points");
	jsonw_double(&w, (double)t->r.total_points / 100);
	jsonw_key(&w, "room_changes");
	jsonw_int(&w, t->r.room_changes);
	jsonw_key(&w, "exact");
	jsonw_bool(&w, t->exact);
	jsonw_key(&w, "travel_minutes");
	jsonw_int(&w, rq->travel_minutes);
	jsonw_key(&w, "room_travel");
	jsonw_string(&w, "0 within a room or to/from a session held in several rooms (room \"*\"); "
		     "the minutes of a walk in walks between the two rooms, else between their buildings "
		     "(either way); else travel_minutes between rooms, x2 between floors, x3 between "
		     "buildings");
	pick_json_walks(&w, rq->s);
	jsonw_key(&w, "preferences");
	jsonw_array_begin(&w);
	for (size_t i = 0; i < o->args.n; i++)
		jsonw_string(&w, o->args.v[i]);
	jsonw_array_end(&w);
	pick_json_candidates(&w, rq, &t->r);
	jsonw_object_end(&w);
	jsonw_finish(&w);
}

/* Member i's plan, under its lock: the pick's sessions replace the planned day's (every day
 * without --day), its own pins are kept; printed path on success. */
static int save_member(const struct pick_args *o, const struct pick_request *rq,
		       const struct pick_team *t, const struct pick_member *m, int i, bool replayed)
{
	const struct schedule *s = rq->s;
	char *path = plan_member_path(s->conf.id, m[i].name);
	struct pick_result view;
	struct pick_request own = *rq;
	struct plan p;
	int fd = -1, ret = -1;

	plan_init(&p);
	if (!path || (fd = plan_lock(path)) < 0 || plan_load(&p, path) < 0)
		goto out;
	if (p.conference && strcmp(p.conference, s->conf.id)) {
		error(EX_DATAERR, "%s: the plan is for conference \"%s\", not \"%s\" (the file is left "
		      "as it is)", path, text_inert(p.conference), text_inert(s->conf.id));
		goto out;
	}
	if (!p.conference)
		p.conference = xstrdup(s->conf.id);
	/* the member's view of the result: their sessions, their pins */
	view = t->r;
	view.chosen = t->member[i];
	view.nchosen = t->nmember[i];
	own.must = m[i].own.must;
	pick_plan_update(&p, &own, &view, replayed ? NULL : &o->args, (int64_t)time(NULL));
	if (plan_save(&p, path) < 0)
		goto out;
	fprintf(stderr, "planner: %s's plan saved to %s\n", m[i].name, path);
	ret = 0;
out:
	if (fd >= 0)
		lock_release(fd);
	plan_release(&p);
	free(path);
	return ret;
}

/* With no preference on the command line, the first member's saved plan gives them again (and
 * each member's saved pins stay theirs). */
static int saved_plans(struct pick_args *o, const struct schedule *s, struct pick_member *m, int n,
		       bool *replayed)
{
	for (int i = 0; i < n; i++) {
		char *path = plan_member_path(s->conf.id, m[i].name);
		struct plan p;
		int r;

		if (!path)
			return -1;
		plan_init(&p);
		r = plan_load(&p, path);
		if (r == 0 && p.conference && !strcmp(p.conference, s->conf.id)) {
			for (size_t k = 0; k < p.pinned.n; k++)
				if (schedule_find_session(s, p.pinned.v[k]) >= 0)
					push_unique(&m[i].own.must, p.pinned.v[k]);
			if (!*replayed && !o->args.n && p.args.n) {
				r = cmd_replay_saved(&p, path, &o->set);
				for (size_t k = 0; r == 0 && k < p.args.n; k++)
					strlist_push(&o->args, p.args.v[k]);
				*replayed = r == 0;
			}
		}
		plan_release(&p);
		free(path);
		if (r < 0)
			return -1;
	}
	return 0;
}

static int exec(struct cmd_ctx *ctx)
{
	struct pick_args o;
	struct schedule *s = &ctx->s;
	struct pick_request rq;
	struct pick_team t;
	struct pick_member *m;
	int n = ctx->noperands, ret = -1;
	const char *day_arg = cmd_arg(ctx, &opt_pick_day);
	bool replayed = false;

	pick_args_init(&o);
	pick_team_init(&t);
	pick_request_init(&rq, s, &o.set.prefs);
	m = xcalloc((size_t)n, sizeof(*m));
	for (int i = 0; i < n; i++) {
		m[i].name = xstrdup(ctx->operands[i]);
		pick_request_init(&m[i].own, s, &o.set.prefs);
	}
	if (pick_typed_prefs(&o, ctx) < 0)
		goto out;
	if (saved_plans(&o, s, m, n, &replayed) < 0)
		goto out;
	if (pick_settle(ctx, &o, replayed, day_arg, &rq.day) < 0)
		goto out;
	if (constraints(ctx, &rq, m, n) < 0 || pick_settings_request(&o.set, &rq) < 0)
		goto out;
	rq.max_per_day = 0;
	if (pick_team_run(&rq, m, n, &t) < 0)
		goto out;
	cli_say_fallbacks(&o.set.prefs.track_fallbacks, o.set.prefs.fallback_q, s, "planning");
	if (ctx->json) {
		print_json(&o, &rq, &t, m);
	} else {
		print_text(&o, &rq, &t, m);
		if (cmd_flag(ctx, &opt_explain))
			print_explain(&t, n);
	}
	if (!cmd_flag(ctx, &opt_no_save))
		for (int i = 0; i < n; i++)
			if (save_member(&o, &rq, &t, m, i, replayed) < 0)
				goto out;
	ret = 0;
out:
	for (int i = 0; i < n; i++) {
		free(m[i].name);
		/* the members' requests borrow nothing but the prefs */
		pick_request_release(&m[i].own);
	}
	free(m);
	pick_team_release(&t);
	pick_request_release(&rq);
	pick_args_release(&o);
	return ret;
}

const struct cmd_entry cmd_team = {
	.name = "team",
	.summary = "plan for a team: who goes to what, so that together you see the most",
	.description =
		"Chooses, exactly, the sessions a team covers together and who attends each, so that\n"
		"every member's day has no overlap and time to walk between rooms, and the sessions\n"
		"covered earn the most preference points (each counted once).  Shows each member's plan\n"
		"and saves it: 'planner plan --member NAME' (and print, export, now) read it.\n",
	.options = options,
	.json_help = "the members' sessions and every candidate's score, for checking",
	.notes = "With no preference given, the preferences saved with the first member's plan are\n"
		 "used again; each member's pins are kept.  A per-day cap is not supported here.\n",
	.operands = { "NAME", 1, -1, COMPLETE_NONE, "name the members of the team" },
	.flags = CMD_TIMETABLE | CMD_JSON,
	.check = check,
	.exec = exec,
};
