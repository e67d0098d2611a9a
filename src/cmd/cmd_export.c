/* cmd_export.c: `planner export` — the saved plan (or --all sessions, or those matching the list
 * filters) as an iCalendar file that calendar programs import, and import again without
 * duplicates: stable UIDs, SEQUENCE raised for sessions that changed, STATUS:CANCELLED for
 * planned sessions the timetable cancelled, a reminder, and the plan's alternatives. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "command.h"
#include "config.h"
#include "export.h"
#include "filter.h"
#include "fsutil.h"
#include "ics.h"
#include "pick.h"
#include "plan.h"
#include "schedule.h"
#include "util.h"

static const struct cmd_option opt_output = {
	"output", 'o', "FILE", "where to write, also given as the last argument; default:\n"
	"CONFERENCE-ID.ics here; '-' is standard output.  The file is\n"
	"replaced whole or not at all", COMPLETE_FILE, 0, VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_all = {
	"all", 0, NULL, "every session that has a time, instead of the plan", COMPLETE_NONE, 0,
	VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_utc = {
	"utc", 0, NULL, "times in UTC, for programs that cannot read time zones", COMPLETE_NONE, 0,
	VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_alarm = {
	"alarm", 0, "TIME", "a reminder TIME before each session: 10m (the default), 90s, 1h,\n"
	"1h30m, 1d (s, m, h, d; a bare number is minutes); 'none' for none", COMPLETE_NONE,
	OPT_CONFIG, VALUE_ALARM, 0, NULL };
static const struct cmd_option opt_ics = {
	"ics", 0, NULL, "iCalendar (the only format)", COMPLETE_NONE, 0, VALUE_TEXT, 0, NULL };

/* ---- writing ---- */

/* "pyconkr-2024.ics", or a team member's "pyconkr-2024-bob.ics": the conference id (and the
 * member's name) made safe as a file name. */
static char *default_output(const char *conf_id, const char *member)
{
	char *name = xasprintf("%s.ics", conf_id), *m, *withm;

	file_name_safe(name);
	if (!member)
		return name;
	m = file_name_for(member);
	withm = xasprintf("%.*s-%s.ics", (int)(strlen(name) - 4), name, m);
	free(m);
	free(name);
	return withm;
}

static int check(struct cmd_ctx *ctx)
{
	const char *alarm = cmd_arg(ctx, &opt_alarm);
	int seconds;

	if (alarm && ics_alarm_parse(alarm, &seconds) < 0)
		return -1;
	if (ctx->noperands && cmd_arg(ctx, &opt_output))
		return cmd_usage_error(ctx, "unexpected argument '%s'", ctx->operands[0]);
	/* --all and the filters export sessions of the timetable, not the plan */
	if (cmd_flag(ctx, &opt_all) || ctx->filtered)
		ctx->flags &= ~CMD_PLAN;
	return 0;
}

int cli_export(struct schedule *s, struct plan *p, const char *plan_path, const struct filter *f,
	       const struct cli_export_opts *eo, struct cli_export_result *res)
{
	const char *member = eo->member;
	struct ics_options o;
	struct ics_state st;
	struct ics_event *ev = NULL;
	struct plan_entry *copies = NULL;
	const char *output = eo->output, *alarm = eo->alarm;
	char *state_file = NULL, *out_default = NULL, *calname = NULL, *text = NULL, *abs = NULL;
	bool have_state = false;
	size_t n = 0, cancelled = 0, departed = 0, untimed = 0, len = 0;
	int ret = 0, lock = -1;

	if (res)
		memset(res, 0, sizeof(*res));
	ics_options_init(&o);
	o.utc = eo->utc;
	o.plan = eo->plan;
	if (alarm)
		ics_alarm_parse(alarm, &o.alarm);
	ics_state_init(&st);
	/* The SEQUENCE memory: read, updated and written under a lock, so that two exports at once
	 * cannot lose each other's updates. */
	state_file = ics_state_path(s->conf.id, member);
	if (!state_file) {
		warning("%s; SEQUENCE numbers are not kept", error_message());
		flush_warnings();
		error_clear();
	} else if ((lock = ics_state_lock(state_file)) < 0) {
		goto fail;
	} else if (ics_state_load(&st, state_file) < 0) {
		warning("%s; starting it again", error_message());
		flush_warnings();
		error_clear();
		have_state = true;
		st.dirty = true;
	} else {
		have_state = true;
	}
	if (eo->use_last) {
		/* update: where and how the last plan export was written, unless told */
		if (!output && !st.output) {
			ret = 1;
			goto out;
		}
		if (!output) {
			/* (a copy: recording this export replaces st.output) */
			output = out_default = xstrdup(st.output);
			o.utc = st.output_utc;
			if (!alarm)
				o.alarm = st.output_alarm;
		}
	}
	if (!eo->plan) {
		if (export_select_sessions(s, f, &ev, &n, &untimed) < 0)
			goto fail;
	} else {
		struct pick_settings saved;

		cli_saved_settings(p, plan_path, &saved);
		ret = export_select_plan(s, p, &saved, &ev, &n, &cancelled);
		pick_settings_release(&saved);
		/* a plan emptied by hand still cancels what an earlier export wrote */
		if (ret < 0 && !p->nentries && p->fingerprint && have_state) {
			export_add_departed(s, p, &st, &ev, &n, &copies, &departed);
			if (n) {
				ret = 0;
				error_clear();
			}	/* else the error stands: nothing to write */
		} else if (ret == 0 && have_state) {
			export_add_departed(s, p, &st, &ev, &n, &copies, &departed);
		}
		if (ret < 0)
			goto fail;
		calname = member ? xasprintf("%s (%s's plan)", s->conf.name, member)
			       : xasprintf("%s (my plan)", s->conf.name);
		o.calname = calname;
	}

	if (!alarm && !(eo->use_last && !eo->output && st.output)) {
		/* the config file's `alarm`, else the default (10 minutes) */
		const struct config *cf = cli_config();
		if (!cf)
			goto fail;
		if (cf->alarm_set)
			o.alarm = cf->alarm_seconds;
	}
	if (ics_calendar(s, ev, n, &o, have_state ? &st : NULL, &text, &len) < 0)
		goto fail;
	if (!output)
		output = out_default = default_output(s->conf.id, member);
	if (eo->plan && strcmp(output, "-")) {
		/* where `planner update` writes the next one */
		abs = output[0] == '/' ? xstrdup(output) : NULL;
		if (!abs) {
			char *cwd = getcwd(NULL, 0);
			if (cwd)
				abs = xasprintf("%s/%s", cwd, output);
			free(cwd);
		}
		if (abs && have_state)
			ics_state_set_output(&st, abs, o.utc, o.alarm);
	}
	if (write_output(output, text, len) < 0)
		goto fail;
	if (have_state && st.dirty && ics_state_save(&st, state_file) < 0) {
		warning("%s; the next export may not tell calendars what changed", error_message());
		flush_warnings();
		error_clear();
	}
	if (untimed)
		fprintf(stderr, "planner: %zu session%s without a time left out\n", untimed,
			untimed == 1 ? "" : "s");
	if (strcmp(output, "-") && !eo->quiet) {
		fprintf(stderr, "planner: wrote %zu event%s", n, n == 1 ? "" : "s");
		if (cancelled && departed)
			fprintf(stderr, " (%zu cancelled, %zu no longer in your plan)", cancelled, departed);
		else if (cancelled)
			fprintf(stderr, " (%zu cancelled)", cancelled);
		else if (departed)
			fprintf(stderr, " (%zu no longer in your plan, cancelled)", departed);
		fprintf(stderr, " to %s\n", output);
	}
	if (res) {
		res->written = xstrdup(output);
		res->events = n;
		res->cancelled = cancelled;
		res->departed = departed;
	}
	goto out;
fail:
	ret = -1;	/* the runner reports it */
out:
	free(text);
	free(ev);
	free(copies);
	free(calname);
	free(out_default);
	free(abs);
	free(state_file);
	lock_release(lock);
	ics_state_release(&st);
	return ret;
}

static int exec(struct cmd_ctx *ctx)
{
	struct cli_export_opts eo = { 0 };

	eo.output = ctx->noperands ? ctx->operands[0] : cmd_arg(ctx, &opt_output);
	eo.alarm = cmd_arg(ctx, &opt_alarm);
	eo.utc = cmd_flag(ctx, &opt_utc);
	eo.plan = (ctx->flags & CMD_PLAN) != 0;
	eo.member = cmd_arg(ctx, &opt_member);
	return cli_export(&ctx->s, &ctx->plan, ctx->plan_path, ctx->filtered ? &ctx->filter : NULL,
			  &eo, NULL);
}

static const struct cmd_option *const options[] = {
	&opt_output, &opt_all, FILTER_OPTIONS, &opt_utc, &opt_alarm, &opt_member, &opt_ics, NULL,
};

const struct cmd_entry cmd_export = {
	.name = "export",
	.summary = "write your plan (or sessions) as an iCalendar file for your calendar",
	.description =
		"Writes your saved plan as an iCalendar (.ics) file that calendar programs import.  Export\n"
		"again after a change and import the new file: events keep their UID, so the calendar\n"
		"updates them instead of adding copies; planned sessions the timetable cancelled, and the\n"
		"sessions an earlier export of the plan wrote that have left it, are marked cancelled.  The\n"
		"filter options (--day, --track, ... as 'planner list' selects) export the sessions that\n"
		"match instead of the plan.\n",
	.options = options,
	.operands = { "FILE", 0, 1, COMPLETE_NONE, NULL },
	.flags = CMD_TIMETABLE | CMD_PLAN | CMD_FILTER,
	.check = check,
	.exec = exec,
};
