/* cmd_fetch.c: `planner fetch` — downloads a timetable (URL or file) into the cache, or fetches
 * a cached one again, makes it the default, and says what changed since the cached copy; a
 * progress bar on a terminal when the download takes a moment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "changes.h"
#include "cli.h"
#include "command.h"
#include "load.h"
#include "plan.h"
#include "render.h"
#include "source.h"
#include "text.h"
#include "tz.h"
#include "util.h"

/* Seconds a download runs before the bar appears. */
#define PROGRESS_DELAY 0.5

struct progress {
	const char *label;
	bool shown;
};

static void human(uint64_t n, char *buf, size_t size)
{
	if (n >= (1u << 20))
		snprintf(buf, size, "%.1f MiB", (double)n / (1 << 20));
	else if (n >= 1024)
		snprintf(buf, size, "%.0f KiB", (double)n / 1024);
	else
		snprintf(buf, size, "%llu B", (unsigned long long)n);
}

static int stderr_width(void)
{
	struct winsize ws;

	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
		return ws.ws_col;
	return 80;
}

/* Draws "planner: fetching LABEL [=====     ]  45%  1.2 MiB of 2.6 MiB" on stderr. */
static void draw_progress(void *data, uint64_t got, uint64_t total, double elapsed)
{
	struct progress *p = data;
	char a[32], b[32], tail[128], *label;
	int width = stderr_width(), room;

	if (!p->shown && (elapsed < PROGRESS_DELAY || (total && got >= total)))
		return;
	p->shown = true;
	human(got, a, sizeof(a));
	if (total) {
		int pct = (int)(got * 100 / total), fill = pct / 5;
		char bar[21];

		human(total, b, sizeof(b));
		for (int i = 0; i < 20; i++)
			bar[i] = i < fill ? '=' : ' ';
		bar[20] = '\0';
		snprintf(tail, sizeof(tail), " [%s] %3d%%  %s of %s", bar, pct, a, b);
	} else {
		snprintf(tail, sizeof(tail), "  %s", a);
	}
	room = width - 1 - (int)strlen("planner: fetching ") - (int)strlen(tail);
	label = text_truncate(p->label, room > 8 ? (size_t)room : 8);
	fprintf(stderr, "\rplanner: fetching %s%s\033[K", label, tail);
	fflush(stderr);
	free(label);
}

static void clear_progress(struct progress *p)
{
	if (p->shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
}

static const struct cmd_option opt_name = {
	"name", 0, "NAME", "the name to keep it under (default: the conference id)", COMPLETE_FETCHED,
	0, VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_format = {
	"format", 0, "FMT", "the format, when detection is not enough", COMPLETE_FORMAT, 0,
	VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_feed_tz = {
	"tz", 0, "ZONE", "the time zone of a feed that names none (an IANA name)", COMPLETE_ZONE, 0,
	VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_max_size = {
	"max-size", 0, "SIZE", "refuse bodies larger than SIZE (default 64M; k, M, G)", COMPLETE_NONE,
	0, VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_refresh = {
	"refresh", 0, NULL, "download it whole, even when the server says it has not changed",
	COMPLETE_NONE, 0, VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_quiet = {
	"quiet", 'q', NULL, "no progress bar and no summary line", COMPLETE_NONE, 0, VALUE_TEXT, 0,
	NULL };

/* The options of fetch as the fetch takes them.  0, or an exit status after a usage error. */
static int fetch_opts(struct cmd_ctx *ctx, struct source_fetch_opts *fo)
{
	const char *max_size = cmd_arg(ctx, &opt_max_size);

	fo->name = cmd_arg(ctx, &opt_name);
	fo->format = cmd_arg(ctx, &opt_format);
	fo->timezone = cmd_arg(ctx, &opt_feed_tz);
	fo->refresh = cmd_flag(ctx, &opt_refresh);
	if (max_size && fetch_parse_size(max_size, &fo->max_size) < 0)
		return cmd_usage_error(ctx, "--max-size: %s", error_message());
	if (load_format_check(fo->format) < 0)
		return cmd_usage_error(ctx, "%s", error_message());
	if (fo->timezone && !tz_get(fo->timezone))
		return cmd_usage_error(ctx, "--tz: %s", error_message());
	return cli_cacert(ctx, &fo->cacert);
}

static int check(struct cmd_ctx *ctx)
{
	struct source_fetch_opts fo = { 0 };

	return fetch_opts(ctx, &fo);
}

static int exec(struct cmd_ctx *ctx)
{
	struct source_fetch_opts fo = { 0 };
	struct source_fetch_result r;
	struct progress prog = { NULL, false };
	bool quiet = cmd_flag(ctx, &opt_quiet);
	char *label, *old_default;
	int ret = 0;

	fetch_opts(ctx, &fo);
	fo.make_default = true;
	{
		char *shown = redact_credentials(ctx->operands[0]);
		label = text_sanitize(shown);
		free(shown);
	}
	prog.label = label;
	if (!quiet && isatty(STDERR_FILENO)) {
		fo.progress = draw_progress;
		fo.progress_data = &prog;
	}
	old_default = cache_default();
	source_fetch_result_init(&r);
	ret = source_fetch(ctx->operands[0], &fo, &r);
	clear_progress(&prog);
	if (ret < 0)
		goto out;	/* the runner reports it */
	flush_warnings();
	if (!quiet && r.outcome != SOURCE_OFFLINE) {
		bool now_default = !old_default || strcmp(old_default, r.meta.name);

		if (r.outcome == SOURCE_NEW || r.outcome == SOURCE_CHANGED)
			printf("%s %s: ", r.outcome == SOURCE_NEW ? "fetched" : "updated", r.meta.name);
		else
			printf("%s is up to date: ", r.meta.name);
		put_cell(stdout, r.meta.conf_name ? r.meta.conf_name : r.meta.name, 0);
		printf(", %zu session%s over %zu day%s%s\n", r.meta.nsessions,
		       r.meta.nsessions == 1 ? "" : "s", r.meta.ndays, r.meta.ndays == 1 ? "" : "s",
		       now_default ? "; now the default timetable" : "");
	}
	if (r.has_report)
		cli_print_changes(&r.report, r.meta.conf_id, CLI_CHANGES_SHOWN);
out:
	source_fetch_result_release(&r);
	free(old_default);
	free(label);
	return ret;
}

static const struct cmd_option *const options[] = {
	&opt_name, &opt_format, &opt_feed_tz, &opt_max_size, &opt_refresh, &opt_cacert, &opt_quiet, NULL,
};

const struct cmd_entry cmd_fetch = {
	.name = "fetch",
	.summary = "download a timetable into the cache and make it the default",
	.description =
		"Downloads the timetable at SOURCE (an http, https or file URL, or a file), checks that it\n"
		"loads, keeps it in the cache and makes it the default for later commands, which then read\n"
		"it from the cache (also offline).  SOURCE may also be the name of a fetched timetable: it\n"
		"is fetched again from where it came from, and what changed is listed (sessions added,\n"
		"cancelled, moved, in another room, retitled; those in your plan first).  A fetch that\n"
		"fails leaves the cached copy as it was; without a network it is used with a warning.\n",
	.options = options,
	.notes = "PLANNER_FETCH_TIMEOUT sets the timeout in seconds (default 300; connecting: 10).\n",
	.operands = { "SOURCE", 1, 1, COMPLETE_SOURCE,
		      "a SOURCE is needed (a URL, a file or a fetched name)" },
	.check = check,
	.exec = exec,
};
