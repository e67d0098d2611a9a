/* cmd_fetch.c: `planner fetch` — downloads a timetable (URL or file) into the cache, or fetches
 * a cached one again, makes it the default, and says what changed since the cached copy; a
 * progress bar on a terminal when the download takes a moment. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "changes.h"
#include "cli.h"
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

static void print_report(struct changes *c, const char *conf_id)
{
	const struct tz *z = tz_get(c->timezone), *local = tz_get("local");
	char *text;

	if (!z)
		z = tz_get("UTC");
	if (!local)
		local = tz_get("UTC");
	error_clear();
	cli_planned_first(c, conf_id);
	text = changes_format_text(c, z, local);
	fputs(text, stdout);
	free(text);
}

enum { OPT_NAME = OPT_COMMAND_BASE, OPT_FORMAT, OPT_MAXSIZE, OPT_REFRESH };

const struct option fetch_options[] = {
	{ "name", required_argument, NULL, OPT_NAME },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "tz", required_argument, NULL, OPT_TZ },
	{ "max-size", required_argument, NULL, OPT_MAXSIZE },
	{ "refresh", no_argument, NULL, OPT_REFRESH },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

int cmd_fetch(int argc, char **argv)
{
	struct source_fetch_opts fo = { 0 };
	struct source_fetch_result r;
	struct progress prog = { NULL, false };
	bool quiet = false;
	char *label, *old_default;
	int c, ret = 0;

	while ((c = getopt_long(argc, argv, "qh", fetch_options, NULL)) != -1) {
		switch (c) {
		case OPT_NAME:
			fo.name = optarg;
			break;
		case OPT_FORMAT:
			fo.format = optarg;
			break;
		case OPT_TZ:
			fo.timezone = optarg;
			break;
		case OPT_MAXSIZE:
			if (fetch_parse_size(optarg, &fo.max_size) < 0)
				return usage_error("fetch", "--max-size: %s", error_message());
			break;
		case OPT_REFRESH:
			fo.refresh = true;
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			return command_help("fetch");
		default:
			return cli_option_error("fetch", argv, fetch_options);
		}
	}
	if (optind >= argc)
		return usage_error("fetch", "a SOURCE is needed (a URL, a file or a fetched name)");
	if (load_format_check(fo.format) < 0)
		return usage_error("fetch", "%s", error_message());
	if (fo.timezone && !tz_get(fo.timezone))
		return usage_error("fetch", "--tz: %s", error_message());
	if (optind + 1 < argc)
		return usage_error("fetch", "unexpected argument '%s'", argv[optind + 1]);

	fo.make_default = true;
	label = text_sanitize(argv[optind]);
	prog.label = label;
	if (!quiet && isatty(STDERR_FILENO)) {
		fo.progress = draw_progress;
		fo.progress_data = &prog;
	}
	old_default = cache_default();
	source_fetch_result_init(&r);
	ret = source_fetch(argv[optind], &fo, &r);
	clear_progress(&prog);
	if (ret < 0) {
		ret = report_error();
		goto out;
	}
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
		print_report(&r.report, r.meta.conf_id);
out:
	source_fetch_result_release(&r);
	free(old_default);
	free(label);
	return ret;
}
