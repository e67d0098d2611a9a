/* cmd_export.c: `planner export` — the saved plan (or --all sessions, or those matching the list
 * filters) as an iCalendar file that calendar programs import, and import again without
 * duplicates: stable UIDs, SEQUENCE raised for sessions that changed, STATUS:CANCELLED for
 * planned sessions the timetable cancelled, a reminder, and the plan's alternatives. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/*
 * Writes the calendar: to standard output for "-"; else atomically (a temporary file in the same
 * directory, fsync, rename), so that a failed export leaves the old file whole.  A symbolic link
 * is followed (the link stays a link); a device or pipe (/dev/stdout, a FIFO) is written as it is.
 */
static int write_output(const char *path, const char *data, size_t len)
{
	struct stat st;
	char *real = NULL;
	int ret = 0;

	if (!strcmp(path, "-")) {
		/* flushed here, so that a calendar that did not get out is not remembered as sent */
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
			return error(EX_IOERR, "cannot write to standard output: %s",
				     strerror(errno ? errno : EIO));
		return 0;
	}
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
		real = realpath(path, NULL);
	if (stat(real ? real : path, &st) == 0 && !S_ISREG(st.st_mode)) {
		FILE *f;

		free(real);
		if (S_ISDIR(st.st_mode))
			return error(EX_CANTCREAT, "cannot write '%s': it is a directory", path);
		f = fopen(path, "w");
		if (!f)
			return error(EX_CANTCREAT, "cannot write '%s': %s", path, strerror(errno));
		if (fwrite(data, 1, len, f) != len)
			ret = error(EX_IOERR, "cannot write '%s': %s", path, strerror(errno));
		if (fclose(f) != 0 && !ret)
			ret = error(EX_IOERR, "cannot write '%s': %s", path, strerror(errno));
		return ret;
	}
	{
		/* write_file_atomic() makes private (0600) files, right for planner's state; an
		 * exported calendar keeps the mode of the file it replaces, else gets the usual
		 * 0666 less the umask, as any new document would */
		const char *target = real ? real : path;
		bool existed = stat(target, &st) == 0;
		mode_t mode = existed ? st.st_mode & 07777 : 0;

		if (!existed) {
			mode_t mask = umask(022);
			umask(mask);
			mode = 0666 & ~mask;
		}
		ret = write_file_atomic(target, data, len);
		if (!ret && chmod(target, mode) < 0)
			ret = error(EX_IOERR, "cannot set the mode of '%s': %s", path, strerror(errno));
	}
	free(real);
	return ret;
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
	} else if (make_parent(state_file) < 0 || (lock = lock_file(state_file, 10)) < 0) {
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
	if (lock >= 0)
		close(lock);
	ics_state_release(&st);
	plan_release(&p);
	filter_release(&f);
	schedule_release(&s);
	return ret;
}
