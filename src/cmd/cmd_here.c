/* cmd_here.c: `planner here ROOM` — walked into another room than the plan says (it was full,
 * or the talk looked better): what runs in ROOM now goes into the plan in place of the planned
 * session on now (a hand add and a hand drop, as `add` and `drop` make; `planner undo` reverts it),
 * and what that does to the walk to the next planned session. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "command.h"
#include "now.h"
#include "plan.h"
#include "plan_edit.h"
#include "render.h"
#include "schedule.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

/* The walk to st->next from st->from: "5 min walk, 10 min to spare", "you will be 3 min late",
 * with "no walk, " first when with_stay and it is the same room.  Caller frees. */
static char *walk_text(const struct now_status *st, const struct tz *z, bool with_stay)
{
	const struct session *from = st->from;
	struct strbuf sb;
	char m[24];
	/* leaving when `from` ends (or now, when it is over): st->gap counts 0 for an overlap, so
	 * the lateness is worked out from the times themselves */
	int64_t leave = from->end > st->at ? from->end : st->at;
	int64_t late = leave + st->travel - st->next->start;

	strbuf_init(&sb);
	if (st->room_change)
		strbuf_addf(&sb, "%s walk, ", format_minutes(st->travel / 60, m, sizeof(m)));
	else if (with_stay)
		strbuf_adds(&sb, "no walk, ");
	if (late > 0)
		strbuf_addf(&sb, "you will be %s late", format_minutes(duration_minutes(late), m, sizeof(m)));
	else
		strbuf_addf(&sb, "%s to spare", format_minutes(-late / 60, m, sizeof(m)));
	if (st->overlap) {
		char hm[8];

		format_hm(z, from->end, hm, sizeof(hm));
		strbuf_addf(&sb, " (%s ends at %s)", from->id, hm);
	}
	return strbuf_detach(&sb);
}

/* "next: 14:00 KJPMEM in 컨벤션 홀 2, 5 min walk, 10 min to spare" — or "you will be 3 min
 * late", or "stay in" the same room, or the next day's first session without a walk; and, when
 * the walk to the same session was another before (st_was, the plan before), what it was. */
static void print_walk(const struct schedule *s, const struct now_status *st,
		       const struct now_status *st_was, const struct tz *z)
{
	const struct session *nx = st->next;
	char when[32];
	char *room, *line;

	if (!nx) {
		printf("next: nothing more planned\n");
		return;
	}
	format_hm_near(z, nx->start, st->at, when, sizeof(when));
	room = session_place_label(s, nx);	/* with its floor, as now shows it */
	if (st->from && !st->room_change && *room)
		line = xasprintf("next: %s %s, stay in %s", when, nx->id, room);
	else
		line = xasprintf("next: %s %s in %s", when, nx->id, *room ? room : "no room");
	put_cell(stdout, line, 0);
	free(line);
	free(room);
	if (st->from) {
		char *now = walk_text(st, z, false);

		printf(", %s", now);
		if (st_was && st_was->next == nx && st_was->from) {
			char *was = walk_text(st_was, z, true), *is = walk_text(st, z, true);

			if (strcmp(was, is))
				printf(" (before: %s)", was);
			free(was);
			free(is);
		}
		free(now);
	}
	putchar('\n');
}

static int exec(struct cmd_ctx *ctx)
{
	const struct schedule *s = &ctx->s;
	struct plan *p = &ctx->plan;
	const struct session *here;
	struct strlist dropped;
	struct now_status st, was;
	const struct tz *z;
	int64_t at;
	int r, ret = -1;
	char *d, when[32];

	strlist_init(&dropped);
	now_status_init(&st);
	now_status_init(&was);
	if (!(z = cli_display_zone(s, cmd_arg(ctx, &opt_tz))) ||
	    plan_require(p, s->conf.name, NULL) < 0 || cli_at(ctx, z, &at) < 0)
		goto out;
	format_hm_near(z, at, at, when, sizeof(when));
	now_compute(&was, s, p, at, cli_travel_minutes(p));
	if ((r = plan_edit_here(p, s, ctx->operands[0], at, when, &here, &dropped)) < 0)
		goto out;
	d = cli_describe_session(s, here);
	if (r > 0) {
		printf("already in your plan: %s\n", d);
	} else {
		plan_edit_stamp(p, s, (int64_t)time(NULL));
		if (plan_save(p, ctx->plan_path) < 0) {
			free(d);
			goto out;
		}
		printf("here: %s\n", d);
		for (size_t i = 0; i < dropped.n; i++) {
			long k = schedule_find_session(s, dropped.v[i]);
			char *old = cli_describe_session(s, &s->sessions[k]);

			printf("instead of: %s\n", old);
			free(old);
		}
		if (!dropped.n)
			printf("(nothing planned was on then)\n");
	}
	free(d);
	now_compute(&st, s, p, at, cli_travel_minutes(p));
	print_walk(s, &st, r > 0 ? NULL : &was, z);
	ret = 0;
out:
	now_status_release(&st);
	now_status_release(&was);
	strlist_release(&dropped);
	return ret;
}

static const struct cmd_option *const options[] = { &opt_at, &opt_tz, NULL };

const struct cmd_entry cmd_here = {
	.name = "here",
	.summary = "put what runs in ROOM now into your plan instead",
	.description = "For when you sit in another room than your plan says (it was full, or the\n"
		       "talk looked better): the session on now in ROOM (the room's id, or a part of\n"
		       "its name) goes into your plan in place of the planned session on now (added\n"
		       "and dropped by hand, as 'add' and 'drop' do), and it says what that does to\n"
		       "the walk to your next session.  'planner undo' reverts it.\n",
	.options = options,
	.operands = { "ROOM", 1, 1, COMPLETE_ROOM, "no room given" },
	.flags = CMD_PLAN | CMD_PLAN_LOCK,
	.exec = exec,
};
