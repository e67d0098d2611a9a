/* cmd_now.c: `planner now` — what is on now and what is next in your plan: where to go, how long
 * until it starts, the room change; when nothing planned is on, what is running.  Also the body
 * of `planner next` (cmd_next.c), which shows only the next planned session. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "command.h"
#include "config.h"
#include "jsonw.h"
#include "now.h"
#include "pick.h"
#include "plan.h"
#include "render.h"
#include "schedule.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

/* parse_at() on a value with single spaces: 0, or -1 (no error set). */
static int parse_at_normal(const char *arg, const struct tz *z, int64_t *out)
{
	struct civil c;
	bool has_offset;
	int offset, h, m, n = 0;

	if (sscanf(arg, "%2d:%2d%n", &h, &m, &n) == 2 && (size_t)n == strlen(arg) && n == 5) {
		tz_to_civil(z, (int64_t)time(NULL), &c);
		c.hour = h;
		c.minute = m;
		c.second = 0;
		if (h > 23 || m > 59)
			goto bad;
	} else if (iso8601_parse(arg, &c, &has_offset, &offset) < 0 || strlen(arg) < 16) {
		goto bad;
	} else if (has_offset) {
		*out = civil_to_instant_offset(&c, offset);
		return 0;
	}
	if (tz_from_civil(z, &c, out) < 0)
		goto bad;
	return 0;
bad:
	return -1;
}

/* --at: "YYYY-MM-DD HH:MM" (or ISO 8601, with an offset or in zone z), or "HH:MM" today in z;
 * spaces around it and several between the date and the time are fine. */
static int parse_at(const char *typed, const struct tz *z, int64_t *out)
{
	int ret;
	char *arg = xmalloc(strlen(typed) + 1), *d = arg;

	for (const char *p = typed; *p; p++)
		if (*p != ' ' || (d > arg && d[-1] != ' '))
			*d++ = *p;
	if (d > arg && d[-1] == ' ')
		d--;
	*d = '\0';
	ret = parse_at_normal(arg, z, out);
	free(arg);
	if (ret < 0)
		return error(EX_USAGE, "--at '%s': expected \"YYYY-MM-DD HH:MM\" or HH:MM", typed);
	return 0;
}

int cli_at(const struct cmd_ctx *ctx, const struct tz *z, int64_t *at)
{
	const char *arg = cmd_arg(ctx, &opt_at);

	if (!arg) {
		*at = (int64_t)time(NULL);
		return 0;
	}
	return parse_at(arg, z, at);
}

static char *room_of(const struct schedule *s, const struct session *se)
{
	char *room = session_place_label(s, se);	/* with its floor and building when known */

	if (!*room) {
		free(room);
		room = xstrdup("no room");
	}
	return room;
}

/* The line above the next session: when, where, and the walk. */
static void print_next_line(const struct schedule *s, const struct now_status *st,
			    const struct tz *z)
{
	const struct session *nx = st->next, *from = st->from;
	char span[32], when[32];
	char *to = room_of(s, nx);

	format_duration(nx->start - st->at, true, span, sizeof(span));
	format_hm_near(z, nx->start, st->at, when, sizeof(when));
	printf("Next, in %s (%s): ", span, when);
	if (from && st->room_change) {
		char *was = room_of(s, from), m[24], m2[24];

		fputs("go to ", stdout);
		put_cell(stdout, to, 0);
		fputs(", from ", stdout);
		put_cell(stdout, was, 0);
		if (!st->overlap && st->gap < st->travel)
			printf(" — only %s to walk (%d needed)", format_minutes(st->gap / 60, m, sizeof(m)),
			       st->travel / 60);
		else if (!st->overlap)
			printf(" (%s walk; %s to spare)", format_minutes(st->travel / 60, m, sizeof(m)),
			       format_minutes((st->gap - st->travel) / 60, m2, sizeof(m2)));
		free(was);
	} else {
		if (session_same_room(from, nx))
			fputs("stay in ", stdout);
		put_cell(stdout, to, 0);
	}
	if (st->overlap) {
		fputs(" — it starts before ", stdout);
		put_cell(stdout, from->id, 0);
		fputs(" ends (see 'planner conflicts')", stdout);
	}
	putchar('\n');
	free(to);
}

/* The "room full?" line under a planned session's row (nothing when alt is NULL). */
static void print_alt(const struct schedule *s, const struct row_layout *lay,
		      const struct session *alt)
{
	if (alt)
		cli_print_alternative(s, alt, lay->indent + lay->time_w + 2, lay->title_w);
}

static void print_rows(const struct schedule *s, struct row_layout *lay,
		       const struct session *const *v, size_t n, const struct tz *z)
{
	for (size_t i = 0; i < n; i++)
		row_print(stdout, lay, s, v[i], z, NULL);
}

static void print_text(const struct schedule *s, const struct plan *p, const struct now_status *st,
		       const struct tz *z, bool next_only)
{
	const struct session **all = xmalloc((st->ncurrent + st->nrunning + st->nupcoming + 1) *
					     sizeof(*all));
	struct row_layout lay = { 0 };
	bool have_plan = p->nentries || p->fingerprint;
	bool show_running = !st->ncurrent && st->nrunning;
	bool show_upcoming = !st->ncurrent && !st->nrunning && st->nupcoming &&
			     (!st->next || st->upcoming[0]->start < st->next->start);
	size_t n = 0;
	struct civil c;
	char span[32], when[32], hm[8];
	int day;

	for (size_t i = 0; i < st->ncurrent && !next_only; i++)
		all[n++] = st->current[i];
	for (size_t i = 0; show_running && !next_only && i < st->nrunning; i++)
		all[n++] = st->running[i];
	for (size_t i = 0; show_upcoming && !next_only && i < st->nupcoming; i++)
		all[n++] = st->upcoming[i];
	if (st->next)
		all[n++] = st->next;
	lay.color = cli_color();
	lay.indent = 2;
	row_layout_compute(&lay, s, all, n, cli_width());
	free(all);

	if (next_only) {
		if (!st->next) {
			printf("Nothing more planned in %s.\n", s->conf.name);
			return;
		}
		print_next_line(s, st, z);
		row_print(stdout, &lay, s, st->next, z, NULL);
		print_alt(s, &lay, st->next_alt);
		return;
	}
	tz_to_civil(z, st->at, &c);
	civil_format_hm(&c, hm, sizeof(hm));
	printf("%s%s%s, %04d-%02d-%02d %s %s", lay.color ? "\033[1m" : "", s->conf.name,
	       lay.color ? "\033[0m" : "", c.year, c.month, c.day,
	       weekday_name(c.year, c.month, c.day), hm);
	if (z == s->tz && (day = schedule_day_at(s, st->at)) >= 0) {
		const struct day *d = &s->days[day];

		/* 01:30 in a conference night is still the day before */
		if (d->year == c.year && d->month == c.month && d->day == c.day)
			printf(" (day %d)", day + 1);
		else
			printf(" (night of day %d)", day + 1);
	}
	printf(", times in %s\n", tz_name(z));
	if (st->ncurrent == 1 && st->current[0]->start == st->current[0]->end) {
		printf("\nNow:\n");	/* it takes no time */
	} else if (st->ncurrent == 1) {
		format_duration(st->current[0]->end - st->at, true, span, sizeof(span));
		printf("\nNow, %s left:\n", span);
	} else if (st->ncurrent) {
		printf("\nNow, %zu planned sessions at once:\n", st->ncurrent);
	}
	for (size_t i = 0; i < st->ncurrent; i++) {
		row_print(stdout, &lay, s, st->current[i], z, NULL);
		print_alt(s, &lay, st->current_alt ? st->current_alt[i] : NULL);
	}
	if (show_running) {
		printf("\nNothing planned now.  Running:\n");
		print_rows(s, &lay, st->running, st->nrunning, z);
	} else if (!st->ncurrent && st->last_end && st->at >= st->last_end) {
		format_hm_near(z, st->last_end, st->at, when, sizeof(when));
		printf("\n%s is over: its last session ended %s.\n", s->conf.name, when);
	} else if (!st->ncurrent) {
		printf("\nNothing %s now.", have_plan ? "planned or running" : "running");
		if (show_upcoming) {
			format_hm_near(z, st->upcoming[0]->start, st->at, when, sizeof(when));
			format_duration(st->upcoming[0]->start - st->at, true, span, sizeof(span));
			printf("  Starting in %s (%s):\n", span, when);
			print_rows(s, &lay, st->upcoming, st->nupcoming, z);
		} else {
			putchar('\n');
		}
	}
	if (!have_plan) {
		printf("\nNo plan for %s yet: make one with 'planner pick'.\n", s->conf.name);
	} else if (st->next) {
		putchar('\n');
		print_next_line(s, st, z);
		row_print(stdout, &lay, s, st->next, z, NULL);
		print_alt(s, &lay, st->next_alt);
	} else if (!st->last_end || st->at < st->last_end) {
		printf("\nNothing more planned.\n");
	}
}

/* "alternative": the "room full?" session, or null. */
static void alt_json(struct jsonw *w, const struct schedule *s, const struct session *alt,
		     const struct tz *z)
{
	jsonw_key(w, "alternative");
	if (alt)
		session_json(w, s, alt, z);
	else
		jsonw_null(w);
}

static void session_with(struct jsonw *w, const struct schedule *s, const struct session *se,
			 const struct tz *z, const char *key, int64_t seconds,
			 const struct session *alt)
{
	jsonw_object_begin(w);
	session_json_members(w, s, se, z);
	jsonw_key(w, key);
	jsonw_int(w, duration_minutes(seconds));
	alt_json(w, s, alt, z);
	jsonw_object_end(w);
}

static void sessions_json(struct jsonw *w, const struct schedule *s,
			  const struct session *const *v, size_t n, const struct tz *z)
{
	jsonw_array_begin(w);
	for (size_t i = 0; i < n; i++)
		session_json(w, s, v[i], z);
	jsonw_array_end(w);
}

static void next_json(struct jsonw *w, const struct schedule *s, const struct now_status *st,
		      const struct tz *z)
{
	const struct session *nx = st->next;
	char *room;

	if (!nx) {
		jsonw_null(w);
		return;
	}
	jsonw_object_begin(w);
	session_json_members(w, s, nx, z);
	jsonw_key(w, "minutes_until");
	jsonw_int(w, duration_minutes(nx->start - st->at));
	jsonw_key(w, "from");
	jsonw_string(w, st->from ? st->from->id : NULL);
	jsonw_key(w, "from_room");
	room = st->from ? session_room_label(s, st->from) : NULL;
	jsonw_string(w, room && *room ? room : NULL);
	free(room);
	jsonw_key(w, "room_change");
	jsonw_bool(w, st->room_change);
	jsonw_key(w, "walk_minutes");
	jsonw_int(w, st->travel / 60);
	jsonw_key(w, "spare_minutes");
	if (st->from && !st->overlap)
		jsonw_int(w, (st->gap - st->travel) / 60);
	else
		jsonw_null(w);
	jsonw_key(w, "overlap");
	jsonw_bool(w, st->overlap);
	alt_json(w, s, st->next_alt, z);
	jsonw_object_end(w);
}

static void print_json(const struct schedule *s, const struct plan *p, const struct now_status *st,
		       const struct tz *z, bool next_only)
{
	struct jsonw w;
	char buf[40];

	jsonw_init(&w, stdout);
	if (next_only) {
		next_json(&w, s, st, z);
		jsonw_finish(&w);
		return;
	}
	jsonw_object_begin(&w);
	jsonw_key(&w, "conference");
	jsonw_string(&w, s->conf.id);
	jsonw_key(&w, "at");
	tz_format_iso(z, st->at, buf, sizeof(buf));
	jsonw_string(&w, buf);
	jsonw_key(&w, "timezone");
	jsonw_string(&w, tz_name(z));
	jsonw_key(&w, "day");	/* the conference day the moment is in (its night too), or null */
	{
		int day = schedule_day_at(s, st->at);

		if (day >= 0)
			jsonw_int(&w, day + 1);
		else
			jsonw_null(&w);
	}
	jsonw_key(&w, "planned");
	jsonw_bool(&w, p->nentries || p->fingerprint);
	jsonw_key(&w, "now");
	jsonw_array_begin(&w);
	for (size_t i = 0; i < st->ncurrent; i++)
		session_with(&w, s, st->current[i], z, "minutes_left", st->current[i]->end - st->at,
			     st->current_alt ? st->current_alt[i] : NULL);
	jsonw_array_end(&w);
	jsonw_key(&w, "next");
	next_json(&w, s, st, z);
	jsonw_key(&w, "running");
	sessions_json(&w, s, st->running, st->nrunning, z);
	jsonw_key(&w, "upcoming");
	sessions_json(&w, s, st->upcoming, st->nupcoming, z);
	jsonw_key(&w, "over");
	jsonw_bool(&w, st->last_end && st->at >= st->last_end);
	jsonw_object_end(&w);
	jsonw_finish(&w);
}

int cli_now(struct cmd_ctx *ctx, bool next_only)
{
	const struct schedule *s = &ctx->s;
	const struct plan *p = &ctx->plan;
	struct now_status st;
	struct pick_settings saved;
	const struct tz *z;
	int64_t at = 0;
	int ret = 0;

	now_status_init(&st);
	pick_settings_init(&saved);
	if (!(z = cli_display_zone(s, cmd_arg(ctx, &opt_tz))))
		goto fail;
	if (next_only && plan_require(p, s->conf.name, NULL) < 0)
		goto fail;
	if (cli_at(ctx, z, &at) < 0)
		goto fail;
	now_compute(&st, s, p, at, cli_travel_minutes(p));
	pick_settings_release(&saved);
	cli_saved_settings(p, ctx->plan_path, &saved);
	now_alternatives(&st, s, p, &saved);
	if (ctx->json)
		print_json(s, p, &st, z, next_only);
	else
		print_text(s, p, &st, z, next_only);
	goto out;
fail:
	ret = -1;	/* the runner reports it */
out:
	now_status_release(&st);
	pick_settings_release(&saved);
	return ret;
}

static int exec(struct cmd_ctx *ctx)
{
	return cli_now(ctx, false);
}

static const struct cmd_option *const options[] = { &opt_at, &opt_tz, &opt_member, NULL };

const struct cmd_entry cmd_now = {
	.name = "now",
	.summary = "what is on now and where to go next in your plan",
	.description = "Shows the planned session that is on now and the next one: when it starts, how long\n"
		       "until then, and the room to walk to.  When nothing planned is on, lists what is\n"
		       "running.\n",
	.options = options,
	.json_help = "the same as JSON",
	.flags = CMD_PLAN | CMD_JSON,
	.exec = exec,
};
