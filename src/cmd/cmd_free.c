/* cmd_free.c: `planner free` — the free time in the days of your plan: each gap between what the
 * plan fills (planned sessions, the timetable's breaks, the times it keeps free) within the
 * conference day, and what runs then (freetime.h; print's "free between them" is the same sum). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "command.h"
#include "filter.h"
#include "freetime.h"
#include "jsonw.h"
#include "pick.h"
#include "plan.h"
#include "render.h"
#include "schedule.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

/* Sessions shown under a gap; more are counted. */
#define FREE_SHOW_RUNNING 3

static const struct cmd_option opt_free_day = {
	"day", 'd', "N|DATE", "only day N (1, 2, ...) or the date YYYY-MM-DD (even one with\n"
	"nothing planned); default: the days of your plan", COMPLETE_DAY, 0, VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_min = {
	"min", 0, "MINUTES", "only gaps of at least MINUTES minutes", COMPLETE_NONE, 0, VALUE_TEXT,
	0, NULL };

static int parse_min(struct cmd_ctx *ctx, int64_t *seconds)
{
	const char *arg = cmd_arg(ctx, &opt_min);
	char *end;
	long v;

	*seconds = 0;
	if (!arg)
		return 0;
	v = strtol(arg, &end, 10);
	if (!*arg || *end || v < 0 || v > 24 * 60)
		return cmd_usage_error(ctx, "--min '%s': expected a whole number of minutes from 0 to "
				       "1440", arg), -1;
	*seconds = (int64_t)v * 60;
	return 0;
}

static int check(struct cmd_ctx *ctx)
{
	int64_t m;

	return parse_min(ctx, &m) < 0 ? EX_USAGE : 0;
}

static void print_day_text(const struct schedule *s, const struct freetime_day *fd,
			   int64_t min, bool *first_day)
{
	const struct day *d = &s->days[fd->day];
	struct row_layout lay = { 0 };
	const struct session **v;
	size_t n = 0, shown = 0;
	char span[FORMAT_SPAN_MAX], dur[32];

	/* a session may run in several gaps (around a break): room for each time it is shown */
	for (size_t g = 0; g < fd->ngaps; g++)
		n += fd->gaps[g].nrunning < FREE_SHOW_RUNNING ? fd->gaps[g].nrunning : FREE_SHOW_RUNNING;
	v = xmalloc((n ? n : 1) * sizeof(*v));
	n = 0;
	for (size_t g = 0; g < fd->ngaps; g++)
		for (size_t k = 0; k < fd->gaps[g].nrunning && k < FREE_SHOW_RUNNING; k++)
			v[n++] = &s->sessions[fd->gaps[g].running[k]];
	lay.color = cli_color();
	lay.indent = 4;
	row_layout_compute(&lay, s, v, n, cli_width());
	free(v);

	printf("%s%04d-%02d-%02d %s (day %d)", *first_day ? "" : "\n", d->year, d->month, d->day,
	       weekday_name(d->year, d->month, d->day), fd->day + 1);
	*first_day = false;
	if (fd->end > fd->start)
		printf(", %s", format_span(s->tz, fd->start, fd->end, span, sizeof(span)));
	putchar('\n');
	for (size_t g = 0; g < fd->ngaps; g++) {
		const struct freetime_gap *gp = &fd->gaps[g];

		if (gp->end - gp->start < min)
			continue;
		shown++;
		format_duration(gp->end - gp->start, false, dur, sizeof(dur));
		printf("  %s  %s free, %s; ", format_span(s->tz, gp->start, gp->end, span, sizeof(span)),
		       dur, !fd->nplanned ? "nothing planned"
		       : gp->between ? "between your sessions"
		       : gp->end <= fd->first ? "before your first session" : "after your last session");
		if (!gp->nrunning)
			printf("nothing runs\n");
		else
			printf("%zu session%s run%s:\n", gp->nrunning, gp->nrunning == 1 ? "" : "s",
			       gp->nrunning == 1 ? "s" : "");
		for (size_t k = 0; k < gp->nrunning && k < FREE_SHOW_RUNNING; k++)
			row_print(stdout, &lay, s, &s->sessions[gp->running[k]], s->tz, NULL);
		if (gp->nrunning > FREE_SHOW_RUNNING)
			printf("    ... and %zu more\n", gp->nrunning - FREE_SHOW_RUNNING);
	}
	if (!shown)
		printf("  no free time%s\n", min ? " that long" : "");
	format_duration(fd->between, false, dur, sizeof(dur));
	if (fd->nplanned)
		printf("  %zu session%s planned, %s free between them\n", fd->nplanned,
		       fd->nplanned == 1 ? "" : "s", fd->between ? dur : "no time");
}

static void print_day_json(struct jsonw *w, const struct schedule *s, const struct freetime_day *fd,
			   int64_t min)
{
	const struct day *d = &s->days[fd->day];
	char buf[40];

	jsonw_object_begin(w);
	jsonw_key(w, "day");
	jsonw_int(w, fd->day + 1);
	jsonw_key(w, "date");
	snprintf(buf, sizeof(buf), "%04d-%02d-%02d", d->year, d->month, d->day);
	jsonw_string(w, buf);
	jsonw_key(w, "start");
	tz_format_iso(s->tz, fd->start, buf, sizeof(buf));
	jsonw_string(w, buf);
	jsonw_key(w, "end");
	tz_format_iso(s->tz, fd->end, buf, sizeof(buf));
	jsonw_string(w, buf);
	jsonw_key(w, "planned");
	jsonw_int(w, (int64_t)fd->nplanned);
	jsonw_key(w, "free_between_minutes");
	jsonw_int(w, duration_minutes(fd->between));
	jsonw_key(w, "gaps");
	jsonw_array_begin(w);
	for (size_t g = 0; g < fd->ngaps; g++) {
		const struct freetime_gap *gp = &fd->gaps[g];

		if (gp->end - gp->start < min)
			continue;
		jsonw_object_begin(w);
		jsonw_key(w, "start");
		tz_format_iso(s->tz, gp->start, buf, sizeof(buf));
		jsonw_string(w, buf);
		jsonw_key(w, "end");
		tz_format_iso(s->tz, gp->end, buf, sizeof(buf));
		jsonw_string(w, buf);
		jsonw_key(w, "minutes");
		jsonw_int(w, duration_minutes(gp->end - gp->start));
		jsonw_key(w, "between");
		jsonw_bool(w, gp->between);
		jsonw_key(w, "running");
		jsonw_array_begin(w);
		for (size_t k = 0; k < gp->nrunning; k++)
			session_json(w, s, &s->sessions[gp->running[k]], s->tz);
		jsonw_array_end(w);
		jsonw_object_end(w);
	}
	jsonw_array_end(w);
	jsonw_object_end(w);
}

static int exec(struct cmd_ctx *ctx)
{
	const struct schedule *s = &ctx->s;
	const struct plan *p = &ctx->plan;
	const char *day_arg = cmd_arg(ctx, &opt_free_day);
	bool *planned = xcalloc(s->nsessions ? s->nsessions : 1, sizeof(*planned));
	bool *want = xcalloc(s->ndays ? s->ndays : 1, sizeof(*want));
	struct freetime_kept *kept = NULL;
	struct pick_settings saved;
	struct pick_request rq;
	struct freetime_day fd;
	struct jsonw w;
	bool first_day = true, any = false;
	int64_t min = 0;
	int ret = -1;

	parse_min(ctx, &min);
	pick_settings_init(&saved);
	pick_request_init(&rq, s, &saved.prefs);
	freetime_day_init(&fd);
	if (plan_require(p, s->conf.name, NULL) < 0)
		goto out;
	if (day_arg) {
		int d;

		if (filter_parse_day(s, day_arg, &d) < 0)
			goto out;
		want[d] = true;
	}
	for (size_t i = 0; i < s->nsessions; i++) {
		const struct session *se = &s->sessions[i];

		planned[i] = se->has_time && plan_find(p, se->id) >= 0;
		if (planned[i] && !day_arg && se->day >= 0)
			want[se->day] = true;
	}
	for (size_t k = 0; k < s->ndays; k++)
		any = any || want[k];
	if (!any) {
		error(EX_NOINPUT, "nothing in your plan is in the timetable now; see 'planner plan', or "
		      "give --day");
		goto out;
	}
	pick_settings_release(&saved);
	cli_saved_settings(p, ctx->plan_path, &saved);
	pick_request_saved(&rq, &saved, p);
	kept = xmalloc((rq.nbusy ? rq.nbusy : 1) * sizeof(*kept));
	for (size_t b = 0; b < rq.nbusy; b++)
		kept[b] = (struct freetime_kept){ rq.busy[b].start, rq.busy[b].end };

	if (ctx->json) {
		jsonw_init(&w, stdout);
		jsonw_object_begin(&w);
		jsonw_key(&w, "conference");
		jsonw_string(&w, s->conf.id);
		jsonw_key(&w, "timezone");
		jsonw_string(&w, tz_name(s->tz));
		jsonw_key(&w, "days");
		jsonw_array_begin(&w);
	} else {
		printf("%s: free time in your plan, times in %s\n\n", s->conf.name, tz_name(s->tz));
	}
	for (size_t k = 0; k < s->ndays; k++) {
		if (!want[k])
			continue;
		freetime_day_compute(&fd, s, planned, (int)k, kept, rq.nbusy);
		if (ctx->json)
			print_day_json(&w, s, &fd, min);
		else
			print_day_text(s, &fd, min, &first_day);
	}
	if (ctx->json) {
		jsonw_array_end(&w);
		jsonw_object_end(&w);
		jsonw_finish(&w);
	}
	ret = 0;
out:
	freetime_day_release(&fd);
	pick_request_release(&rq);
	pick_settings_release(&saved);
	free(kept);
	free(planned);
	free(want);
	return ret;
}

static const struct cmd_option *const options[] = { &opt_free_day, &opt_min, &opt_member, NULL };

const struct cmd_entry cmd_free = {
	.name = "free",
	.summary = "the free time in your plan, and what runs then",
	.description = "Lists the gaps in the days of your plan: the time between the planned sessions,\n"
		       "and before and after them within the conference day (the timetable's breaks\n"
		       "and the times the plan keeps free are not free), each with the sessions that\n"
		       "run then.  \"Free between them\" is what 'planner print' sums up: the gaps\n"
		       "between the day's first planned session and its last.\n",
	.options = options,
	.json_help = "the same as JSON",
	.flags = CMD_PLAN | CMD_JSON,
	.check = check,
	.exec = exec,
};
