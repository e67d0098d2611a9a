/* cmd_here.c: `planner here ROOM` — walked into another room than the plan says (it was full,
 * or the talk looked better): what runs in ROOM now goes into the plan in place of the planned
 * session on now (a hand add and a hand drop, as `add` and `drop` make; `planner undo` reverts it),
 * and what that does to the walk to the next planned session. */
#include <stdio.h>
#include <stdlib.h>
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

/* t as "14:00" when on the date of `at` (in zone z), else "2024-10-27 09:40". */
static void format_when_at(const struct tz *z, int64_t t, int64_t at, char *buf, size_t size)
{
	struct civil a, b;

	tz_to_civil(z, t, &b);
	tz_to_civil(z, at, &a);
	if (a.year == b.year && a.month == b.month && a.day == b.day)
		civil_format_hm(&b, buf, size);
	else
		civil_format_date_hm(&b, buf, size);
}

/* "next: 14:00 KJPMEM in 컨벤션 홀 2, 5 min walk, 10 min to spare" — or "you will be 3 min
 * late", or the next day's first session without a walk. */
static void print_walk(const struct schedule *s, const struct now_status *st, const struct tz *z)
{
	const struct session *nx = st->next, *from = st->from;
	char when[32], m[24];
	char *room, *line;
	int64_t leave, late;

	if (!nx) {
		printf("next: nothing more planned\n");
		return;
	}
	format_when_at(z, nx->start, st->at, when, sizeof(when));
	room = session_room_label(s, nx);
	if (from && !st->room_change && *room)
		line = xasprintf("next: %s %s, stay in %s", when, nx->id, room);
	else
		line = xasprintf("next: %s %s in %s", when, nx->id, *room ? room : "no room");
	put_cell(stdout, line, 0);
	free(line);
	free(room);
	if (!from) {
		putchar('\n');
		return;
	}
	if (st->room_change)
		printf(", %s walk", format_minutes(st->travel / 60, m, sizeof(m)));
	leave = from->end > st->at ? from->end : st->at;
	late = leave + st->travel - nx->start;
	if (late > 0)
		printf(", you will be %s late", format_minutes(duration_minutes(late), m, sizeof(m)));
	else
		printf(", %s to spare", format_minutes(-late / 60, m, sizeof(m)));
	if (st->overlap) {
		char hm[8];

		format_hm(z, from->end, hm, sizeof(hm));
		printf(" (%s ends at %s)", from->id, hm);
	}
	putchar('\n');
}

static int exec(struct cmd_ctx *ctx)
{
	const struct schedule *s = &ctx->s;
	struct plan *p = &ctx->plan;
	const struct session *here;
	struct strlist dropped;
	struct now_status st;
	const struct tz *z;
	int64_t at;
	int r, ret = -1;
	char *d, when[32];

	strlist_init(&dropped);
	now_status_init(&st);
	if (!(z = cli_display_zone(s, cmd_arg(ctx, &opt_tz))) ||
	    plan_require(p, s->conf.name, NULL) < 0 || cli_at(ctx, z, &at) < 0)
		goto out;
	format_when_at(z, at, at, when, sizeof(when));
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
			char *was = cli_describe_session(s, &s->sessions[schedule_find_session(s, dropped.v[i])]);

			printf("instead of: %s\n", was);
			free(was);
		}
		if (!dropped.n)
			printf("(nothing planned was on then)\n");
	}
	free(d);
	now_compute(&st, s, p, at, cli_travel_minutes(p));
	print_walk(s, &st, z);
	ret = 0;
out:
	now_status_release(&st);
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
