/* cmd_export.c: `planner export` — the saved plan (or --all sessions, or those matching the list
 * filters) as an iCalendar file that calendar programs import, and import again without
 * duplicates: stable UIDs, SEQUENCE raised for sessions that changed, STATUS:CANCELLED for
 * planned sessions the timetable cancelled, a reminder, and the plan's alternatives. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "config.h"
#include "export.h"
#include "filter.h"
#include "fsutil.h"
#include "ics.h"
#include "plan.h"
#include "schedule.h"
#include "util.h"

enum {
	OPT_ALL = OPT_COMMAND_BASE,
	OPT_ICS,
	OPT_UTC,
	OPT_ALARM,
};

const struct option export_options[] = {
	FILTER_LONGOPTS,
	{ "all", no_argument, NULL, OPT_ALL },
	{ "ics", no_argument, NULL, OPT_ICS },
	{ "output", required_argument, NULL, 'o' },
	{ "utc", no_argument, NULL, OPT_UTC },
	{ "alarm", required_argument, NULL, OPT_ALARM },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* ---- writing ---- */

/* Creates the directory `path` is in.  -1 with error() set. */
static int make_parent(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int r;

	if (!slash || slash == path)
		return 0;
	dir = xstrndup(path, (size_t)(slash - path));
	r = mkdir_p(dir);
	free(dir);
	return r;
}

/* The lock of the export state file ("<file>.lock"), for 10 seconds at most. */
static int lock_state(const char *state_file)
{
	char *path = xasprintf("%s.lock", state_file);
	int fd = lock_file(path, "the export state", state_file, 10);

	free(path);
	return fd;
}

/* "pyconkr-2024.ics": the conference id, made safe as a file name. */
static char *default_output(const char *conf_id)
{
	char *name = xasprintf("%s.ics", conf_id);

	for (char *c = name; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
		      *c == '-' || *c == '_' || *c == '.') || (c == name && *c == '.'))
			*c = '_';
	return name;
}

int cmd_export(int argc, char **argv)
{
	const struct option *opts = export_options;
	struct schedule s;
	struct plan p;
	struct filter f;
	struct ics_options o;
	struct ics_state st;
	struct ics_event *ev = NULL;
	const char *day_arg = NULL, *output = NULL;
	char *plan_file = NULL, *state_file = NULL, *out_default = NULL, *calname = NULL, *text = NULL;
	bool all = false, filtered = false, have_state = false, alarm_given = false;
	size_t n = 0, cancelled = 0, untimed = 0, len = 0;
	int c, ret = 0, lock = -1;

	filter_init(&f);
	ics_options_init(&o);
	while ((c = getopt_long(argc, argv, FILTER_SHORTOPTS "o:h", opts, NULL)) != -1) {
		int r = cli_filter_option(&f, &day_arg, c, optarg);
		if (r < 0) {
			filter_release(&f);
			return report_error();
		}
		if (r > 0) {
			filtered = true;
			continue;
		}
		switch (c) {
		case OPT_ALL: all = true; break;
		case OPT_ICS: break;	/* the only format, named for scripts that want to say so */
		case OPT_UTC: o.utc = true; break;
		case 'o': output = optarg; break;
		case OPT_ALARM:
			if (ics_alarm_parse(optarg, &o.alarm) < 0) {
				filter_release(&f);
				return report_error();
			}
			alarm_given = true;
			break;
		case 'h':
			filter_release(&f);
			return command_help("export");
		default:
			filter_release(&f);
			return cli_option_error("export", argv, opts);
		}
	}
	if (optind < argc && !output)
		output = argv[optind++];
	if (optind < argc) {
		filter_release(&f);
		return usage_error("export", "unexpected argument '%s'", argv[optind]);
	}

	schedule_init(&s);
	plan_init(&p);
	ics_state_init(&st);
	if (all || filtered) {
		if (cli_load_schedule(&s) < 0 || cli_filter_finish(&f, &s, day_arg) < 0)
			goto fail;
		if (export_select_sessions(&s, filtered ? &f : NULL, &ev, &n, &untimed) < 0)
			goto fail;
	} else {
		if (cli_load_plan(&s, &p, &plan_file) < 0)
			goto fail;
		if (export_select_plan(&s, &p, &ev, &n, &cancelled) < 0)
			goto fail;
		calname = xasprintf("%s (my plan)", s.conf.name);
		o.calname = calname;
	}

	if (!alarm_given) {
		/* the config file's `alarm`, else the default (10 minutes) */
		const struct config *cf = cli_config();
		if (!cf)
			goto fail;
		if (cf->alarm_set)
			o.alarm = cf->alarm_seconds;
	}
	/* The SEQUENCE memory: read, updated and written under a lock, so that two exports at once
	 * cannot lose each other's updates. */
	state_file = ics_state_path(s.conf.id);
	if (!state_file) {
		fprintf(stderr, "planner: warning: %s; SEQUENCE numbers are not kept\n", error_message());
		error_clear();
	} else if (make_parent(state_file) < 0 || (lock = lock_state(state_file)) < 0) {
		goto fail;
	} else if (ics_state_load(&st, state_file) < 0) {
		fprintf(stderr, "planner: warning: %s; starting it again\n", error_message());
		error_clear();
		have_state = true;
		st.dirty = true;
	} else {
		have_state = true;
	}
	if (ics_calendar(&s, ev, n, &o, have_state ? &st : NULL, &text, &len) < 0)
		goto fail;
	if (!output)
		output = out_default = default_output(s.conf.id);
	if (write_output(output, text, len) < 0)
		goto fail;
	if (have_state && st.dirty && ics_state_save(&st, state_file) < 0) {
		fprintf(stderr, "planner: warning: %s; the next export may not tell calendars what "
			"changed\n", error_message());
		error_clear();
	}
	if (untimed)
		fprintf(stderr, "planner: %zu session%s without a time left out\n", untimed,
			untimed == 1 ? "" : "s");
	if (strcmp(output, "-")) {
		fprintf(stderr, "planner: wrote %zu event%s", n, n == 1 ? "" : "s");
		if (cancelled)
			fprintf(stderr, " (%zu cancelled)", cancelled);
		fprintf(stderr, " to %s\n", output);
	}
	goto out;
fail:
	ret = report_error();
out:
	free(text);
	free(ev);
	free(calname);
	free(out_default);
	free(state_file);
	free(plan_file);
	lock_release(lock);
	ics_state_release(&st);
	plan_release(&p);
	filter_release(&f);
	schedule_release(&s);
	return ret;
}
