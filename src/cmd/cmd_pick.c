/* cmd_pick.c: `planner pick` — the best non-overlapping plan for the user's preferences, exactly
 * (weighted interval scheduling with travel time, pins, breaks and a per-day cap), shown per day
 * with the reasons and an alternative for every session, and saved as the user's plan. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "pick_common.h"
#include "command.h"
#include "config.h"
#include "filter.h"
#include "jsonw.h"
#include "pick.h"
#include "pick_args.h"
#include "plan.h"
#include "plan_edit.h"
#include "prefs.h"
#include "render.h"
#include "schedule.h"
#include "text.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"
#include "venue.h"

static const struct cmd_option *const options[] = {
	PICK_PREF_OPTIONS, &opt_must, &opt_avoid, &opt_pick_day, &opt_break,
	&opt_block, &opt_max_per_day, &opt_travel, &opt_explain, &opt_no_save, NULL,
};

static const struct session *cand_session(const struct pick_request *rq, const struct pick_result *r,
					  size_t c)
{
	return &rq->s->sessions[r->cand[c].session];
}

static void print_text(const struct pick_args *o, const struct pick_request *rq,
		       const struct pick_result *r)
{
	const struct schedule *s = rq->s;
	const struct session **v = xmalloc((r->nchosen ? r->nchosen : 1) * sizeof(*v));
	struct row_layout lay = { 0 };
	struct civil cur = { 0, 0, 0, 0, 0, 0 };
	const struct session *prev = NULL;
	int pad;

	for (size_t k = 0; k < r->nchosen; k++)
		v[k] = cand_session(rq, r, r->chosen[k]);
	lay.color = cli_color();
	lay.marks = true;
	row_layout_compute(&lay, s, v, r->nchosen, cli_width());
	pad = lay.time_w + 2;	/* notes under the mark column */
	printf("%s%s%s: plan for ", lay.color ? "\033[1m" : "", s->conf.name, lay.color ? "\033[0m" : "");
	pick_print_args(&o->args);
	printf("\n");
	for (size_t k = 0; k < r->nchosen; k++) {
		const struct pick_candidate *c = &r->cand[r->chosen[k]];
		const struct session *se = v[k];
		const char *why;
		bool change;

		day_heading(stdout, s, se, s->tz, &cur, lay.color);
		if (prev && prev->day != se->day)
			prev = NULL;
		change = session_room_change(prev, se);
		row_print(stdout, &lay, s, se, s->tz, change ? "→ " : NULL);
		prev = se;
		why = pick_why(rq, r, r->chosen[k]);
		printf("%*s  why: %s%s%s (", pad, "", c->pinned ? "pinned" : "",
		       c->pinned && *why ? ", " : "", c->pinned || *why ? why : "--fill");
		cli_points(stdout, c->points);
		printf(" point%s)\n", c->points == 100 ? "" : "s");
		if (r->alternative[k] != SIZE_MAX)
			cli_print_alternative(s, cand_session(rq, r, r->alternative[k]), pad + 2,
					      lay.title_w);
	}
	if (!r->nchosen)
		printf("\nnothing to plan: %s\n", pick_nothing_why(rq, r->ncand));
	printf("\n%zu session%s, %d room change%s, ", r->nchosen, r->nchosen == 1 ? "" : "s",
	       r->room_changes, r->room_changes == 1 ? "" : "s");
	cli_points(stdout, r->total_points);
	{
		char m[24];
		printf(" points; travel %s between rooms%s\n",
		       format_minutes(rq->travel_minutes, m, sizeof(m)),
		       schedule_has_walks(s) ? ", and the walks you set" : "");
	}
	free(v);
}

static int cmp_points_desc(const void *a, const void *b, const struct pick_result *r)
{
	const struct pick_candidate *x = &r->cand[*(const size_t *)a], *y = &r->cand[*(const size_t *)b];

	if (x->points != y->points)
		return x->points > y->points ? -1 : 1;
	return x->session < y->session ? -1 : x->session > y->session;
}

static const struct pick_result *sort_ctx;
static int cmp_left_out(const void *a, const void *b)
{
	return cmp_points_desc(a, b, sort_ctx);
}

/* True if sessions x and y run at the same time (an instant inside the other's span, or two
 * spans that overlap): then one beats the other, whatever the walk. */
static bool run_together(const struct session *x, const struct session *y)
{
	if (x->start == x->end)
		return y->start < x->start && x->start < y->end;
	if (y->start == y->end)
		return x->start < y->start && y->start < x->end;
	return x->start < y->end && y->start < x->end;
}

/* When x, left out, does not overlap y of the plan, the walk between them is what keeps it out:
 * "    the walk after KJPMEM (14:00-14:40, 컨벤션 홀 2): 10 min to 컨벤션 홀 1 (another floor);
 * only 5 min between them". */
static void explain_walk(const struct pick_request *rq, const struct session *x,
			 const struct session *y)
{
	const struct session *a = x->end <= y->start ? x : y, *b = a == x ? y : x;
	char span[FORMAT_SPAN_MAX], m[24], m2[24], *id, *from, *to;
	const char *why;
	int64_t need;

	if (run_together(x, y))
		return;	/* beaten, not walked */
	if (a->nrooms != 1 || b->nrooms != 1 || a->end > b->start)
		return;
	need = pick_travel(rq, a, b);
	why = venue_travel_reason(rq->s, a->rooms[0], b->rooms[0]);
	format_span(rq->s->tz, y->start, y->end, span, sizeof(span));
	id = text_sanitize(y->id);
	from = session_room_label(rq->s, y);
	to = session_room_label(rq->s, x);
	printf("    the walk %s %s (%s, %s): %s %s %s%s%s%s; only %s between them\n",
	       y == a ? "after" : "to", id, span, text_inert(from),
	       format_minutes((int)(need / 60), m, sizeof(m)), y == a ? "to" : "from",
	       text_inert(to), *why ? " (" : "", why, *why ? ")" : "",
	       format_minutes((int)((b->start - a->end) / 60), m2, sizeof(m2)));
	free(id);
	free(from);
	free(to);
}

static void print_explain(const struct pick_request *rq, const struct pick_result *r)
{
	size_t *left = xmalloc((r->ncand ? r->ncand : 1) * sizeof(*left)), n = 0;
	bool *chosen = xcalloc(r->ncand ? r->ncand : 1, sizeof(*chosen));

	for (size_t k = 0; k < r->nchosen; k++)
		chosen[r->chosen[k]] = true;
	for (size_t c = 0; c < r->ncand; c++)
		if (!chosen[c] && r->cand[c].points > 0)
			left[n++] = c;
	sort_ctx = r;
	qsort(left, n, sizeof(*left), cmp_left_out);
	printf("\nLeft out (strongest first):\n");
	if (!n)
		printf("  nothing: every session that earned points is in the plan\n");
	for (size_t i = 0; i < n && i < 10; i++) {
		const struct pick_candidate *c = &r->cand[left[i]];
		const struct session *se = cand_session(rq, r, left[i]);
		size_t blockers[4], nb = pick_blockers(rq, r, left[i], blockers, 4);
		char span[FORMAT_SPAN_MAX], *title = text_sanitize(se->title);
		char *cut = text_truncate(title, 40), *id = text_sanitize(se->id);
		const char *why;

		format_span(rq->s->tz, se->start, se->end, span, sizeof(span));
		printf("  %s %s %s (", id, span, cut);
		free(id);
		cli_points(stdout, c->points);
		why = pick_why(rq, r, left[i]);
		printf(" point%s%s%s)\n", c->points == 100 ? "" : "s", *why ? ": " : "", why);
		if (c->excluded_by) {
			printf("    excluded: %s\n", c->excluded_by);
		} else if (nb) {
			int64_t sum = 0;
			size_t over = 0;

			for (size_t j = 0; j < nb; j++) {
				const struct session *y = cand_session(rq, r, blockers[j]);
				char *bid;

				if (!run_together(se, y))
					continue;
				bid = text_sanitize(y->id);
				printf("%s %s", over++ ? "," : "    beaten by", bid);
				free(bid);
				sum += r->cand[blockers[j]].points;
			}
			if (over) {
				printf(" (");
				cli_points(stdout, sum);
				printf(" points)\n");
			}
			for (size_t j = 0; j < nb; j++)
				explain_walk(rq, se, cand_session(rq, r, blockers[j]));
		} else {
			printf("    left out by the per-day cap or a tie\n");
		}
		free(title);
		free(cut);
	}
	free(left);
	free(chosen);
}

static void print_json(const struct pick_args *o, const struct pick_request *rq,
		       const struct pick_result *r)
{
	const struct schedule *s = rq->s;
	struct jsonw w;

	jsonw_init(&w, stdout);
	jsonw_object_begin(&w);
	jsonw_key(&w, "conference");
	jsonw_string(&w, s->conf.id);
	jsonw_key(&w, "chosen");
	jsonw_array_begin(&w);
	for (size_t k = 0; k < r->nchosen; k++)
		jsonw_string(&w, cand_session(rq, r, r->chosen[k])->id);
	jsonw_array_end(&w);
	jsonw_key(&w, "total_score");
	jsonw_int(&w, r->total_score);
	jsonw_key(&w, "total_points");
	jsonw_double(&w, (double)r->total_points / 100);
	jsonw_key(&w, "room_changes");
	jsonw_int(&w, r->room_changes);
	jsonw_key(&w, "travel_minutes");
	jsonw_int(&w, rq->travel_minutes);
	jsonw_key(&w, "room_travel");
	jsonw_string(&w, "0 within a room or to/from a session held in several rooms (room \"*\"); "
		     "the minutes of a walk in walks between the two rooms, else between their buildings "
		     "(either way); else travel_minutes between rooms, x2 between floors, x3 between "
		     "buildings");
	jsonw_key(&w, "max_per_day");
	jsonw_int(&w, rq->max_per_day);
	pick_json_walks(&w, rq->s);
	jsonw_key(&w, "preferences");
	jsonw_array_begin(&w);
	for (size_t i = 0; i < o->args.n; i++)
		jsonw_string(&w, o->args.v[i]);
	jsonw_array_end(&w);
	pick_json_candidates(&w, rq, r);
	jsonw_key(&w, "plan");
	jsonw_array_begin(&w);
	for (size_t k = 0; k < r->nchosen; k++) {
		const struct session *se = cand_session(rq, r, r->chosen[k]);
		jsonw_object_begin(&w);
		jsonw_key(&w, "id");
		jsonw_string(&w, se->id);
		jsonw_key(&w, "title");
		jsonw_string(&w, se->title);
		jsonw_key(&w, "why");
		jsonw_string(&w, pick_why(rq, r, r->chosen[k]));
		jsonw_key(&w, "alternative");
		jsonw_string(&w, r->alternative[k] != SIZE_MAX
			     ? cand_session(rq, r, r->alternative[k])->id : NULL);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
	jsonw_finish(&w);
}

/* Says which sessions of the plan before (ids `before`) the new plan left out: a session added
 * by hand is not kept by a new pick unless it is pinned. */
static void left_out(const struct plan *p, const struct strlist *before)
{
	size_t n = 0;
	struct strbuf sb;

	strbuf_init(&sb);
	for (size_t i = 0; i < before->n; i++)
		if (plan_find(p, before->v[i]) < 0 && n++ < 5)
			strbuf_addf(&sb, "%s%s", n > 1 ? ", " : "", text_inert(before->v[i]));
	if (n)
		fprintf(stderr, "planner: %zu session%s of the previous plan %s not in this one (%s%s); "
			"'planner pin ID' keeps a session through picks\n", n, n == 1 ? "" : "s",
			n == 1 ? "is" : "are", sb.buf, n > 5 ? ", ..." : "");
	strbuf_release(&sb);
}

static int check(struct cmd_ctx *ctx)
{
	struct pick_args o;
	int r;

	pick_args_init(&o);
	r = pick_typed_prefs(&o, ctx);
	pick_args_release(&o);
	if (cmd_flag(ctx, &opt_no_save))
		ctx->flags &= ~CMD_PLAN_LOCK;
	return r;
}

static int exec(struct cmd_ctx *ctx)
{
	struct pick_args o;
	struct schedule *s = &ctx->s;
	struct plan *plan = &ctx->plan;
	struct pick_request rq;
	struct pick_result r;
	struct strlist must, avoid;
	const char *path = ctx->plan_path, *day_arg = cmd_arg(ctx, &opt_pick_day);
	bool replayed = false, save = !cmd_flag(ctx, &opt_no_save);
	int ret = 0;

	pick_args_init(&o);
	strlist_init(&must);
	strlist_init(&avoid);
	for (size_t i = 0; i < ctx->ngiven; i++)
		if (ctx->given[i].opt == &opt_must || ctx->given[i].opt == &opt_avoid)
			push_unique(ctx->given[i].opt == &opt_must ? &must : &avoid, ctx->given[i].value);
	pick_result_init(&r);
	pick_request_init(&rq, s, &o.set.prefs);
	if (pick_typed_prefs(&o, ctx) < 0)
		goto fail;
	/* With no preference on the command line, the saved plan's preferences apply again. */
	if (!o.args.n && plan->args.n) {
		if (cmd_replay_saved(plan, path, &o.set) < 0)
			goto fail;
		for (size_t i = 0; i < plan->args.n; i++)
			strlist_push(&o.args, plan->args.v[i]);
		replayed = true;
	}
	if (pick_settle(ctx, &o, replayed, day_arg, &rq.day) < 0)
		goto fail;
	for (size_t i = 0; i < plan->pinned.n; i++)
		if (schedule_find_session(s, plan->pinned.v[i]) >= 0)
			push_unique(&rq.must, plan->pinned.v[i]);
	for (size_t i = 0; i < must.n; i++)
		if (pick_push_session(&rq.must, s, must.v[i]) < 0)
			goto fail;
	for (size_t i = 0; i < plan->avoided.n; i++)
		if (schedule_find_session(s, plan->avoided.v[i]) >= 0 && strlist_find(&must, plan->avoided.v[i]) < 0)
			push_unique(&rq.avoid, plan->avoided.v[i]);
	for (size_t i = 0; i < avoid.n; i++)
		if (pick_push_session(&rq.avoid, s, avoid.v[i]) < 0)
			goto fail;
	/* sessions dropped by hand stay out until added or pinned again (--must pins) */
	for (size_t i = 0; i < plan->dropped.n; i++)
		if (schedule_find_session(s, plan->dropped.v[i]) >= 0 &&
		    strlist_find(&rq.must, plan->dropped.v[i]) < 0)
			push_unique(&rq.avoid, plan->dropped.v[i]);
	if (pick_settings_request(&o.set, &rq) < 0)
		goto fail;
	if (pick_run(&rq, &r) < 0)
		goto fail;
	cli_say_fallbacks(&o.set.prefs.track_fallbacks, o.set.prefs.fallback_q, s, "planning");

	if (ctx->json) {
		print_json(&o, &rq, &r);
	} else {
		print_text(&o, &rq, &r);
		if (cmd_flag(ctx, &opt_explain))
			print_explain(&rq, &r);
	}
	if (save) {
		struct strlist before;

		strlist_init(&before);
		for (size_t i = 0; i < plan->nentries; i++)
			if (schedule_find_session(s, plan->entries[i].id) >= 0)
				strlist_push(&before, plan->entries[i].id);
		pick_plan_update(plan, &rq, &r, replayed ? NULL : &o.args, (int64_t)time(NULL));
		if (plan_save(plan, path) < 0) {
			strlist_release(&before);
			goto fail;
		}
		fprintf(stderr, "planner: plan saved to %s\n", path);
		left_out(plan, &before);
		strlist_release(&before);
	}
	goto out;
fail:
	ret = -1;	/* the runner reports it */
out:
	pick_result_release(&r);
	pick_request_release(&rq);
	strlist_release(&must);
	strlist_release(&avoid);
	pick_args_release(&o);
	return ret;
}

const struct cmd_entry cmd_pick = {
	.name = "pick",
	.summary = "choose the best non-overlapping plan for your preferences",
	.description =
		"Chooses, exactly, the set of sessions with the most preference points that you can\n"
		"attend: no two overlap, and there is time to walk between rooms.  Shows it per day with\n"
		"why each session was chosen and what else fits its slot, and saves it as your plan.\n",
	.options = options,
	.json_help = "the plan and every candidate's score, for checking",
	.notes = "With no preference given, the saved plan's preferences are used again; pins are kept.\n",
	.flags = CMD_PLAN | CMD_PLAN_LOCK | CMD_JSON,
	.check = check,
	.exec = exec,
};
