/* cmd_list.c: `planner list` — the timetable's sessions, filtered, one line each, grouped by day,
 * in the conference time zone (or --tz), aligned by display width; or --json. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "filter.h"
#include "jsonw.h"
#include "render.h"
#include "schedule.h"
#include "tz.h"
#include "util.h"

static void print_table(const struct schedule *s, const struct session **v, size_t n,
			const struct tz *z)
{
	struct row_layout lay = { 0 };
	struct civil cur = { 0, 0, 0, 0, 0, 0 };
	bool unscheduled_header = false;

	lay.color = cli_color();
	row_layout_compute(&lay, s, v, n, cli_width());
	printf("%s%s%s, times in %s\n", lay.color ? "\033[1m" : "", s->conf.name,
	       lay.color ? "\033[0m" : "", tz_name(z));
	for (size_t i = 0; i < n; i++) {
		if (v[i]->has_time) {
			day_heading(stdout, s, v[i], z, &cur, lay.color);
		} else if (!unscheduled_header) {
			unscheduled_header = true;
			printf("\n%sNot scheduled%s\n", lay.color ? "\033[1m" : "", lay.color ? "\033[0m" : "");
		}
		row_print(stdout, &lay, s, v[i], z, NULL);
	}
}

static void print_json(const struct schedule *s, const struct session **v, size_t n,
		       const struct tz *z)
{
	struct jsonw w;

	jsonw_init(&w, stdout);
	jsonw_array_begin(&w);
	for (size_t i = 0; i < n; i++)
		session_json(&w, s, v[i], z);
	jsonw_array_end(&w);
	jsonw_finish(&w);
}

const struct option list_options[] = {
	FILTER_LONGOPTS,
	{ "tz", required_argument, NULL, OPT_TZ },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

int cmd_list(int argc, char **argv)
{
	const struct option *opts = list_options;
	struct schedule s;
	struct filter f;
	const char *day_arg = NULL, *tz_arg = NULL;
	const struct session **v = NULL;
	const struct tz *z;
	bool json = false;
	size_t n = 0;
	int c, ret = 0;

	filter_init(&f);
	while ((c = getopt_long(argc, argv, FILTER_SHORTOPTS "h", opts, NULL)) != -1) {
		int r = cli_filter_option(&f, &day_arg, c, optarg);
		if (r < 0) {
			filter_release(&f);
			return report_error();
		}
		if (r > 0)
			continue;
		switch (c) {
		case OPT_TZ:
			tz_arg = optarg;
			break;
		case OPT_JSON:
			json = true;
			break;
		case 'h':
			filter_release(&f);
			return command_help("list");
		default:
			filter_release(&f);
			return cli_option_error("list", argv, opts);
		}
	}
	if (optind < argc) {
		filter_release(&f);
		return usage_error("list", "unexpected argument '%s'", argv[optind]);
	}
	schedule_init(&s);
	if (cli_load_schedule(&s) < 0 || cli_filter_finish(&f, &s, day_arg) < 0 ||
	    !(z = cli_display_zone(&s, tz_arg))) {
		ret = report_error();
		goto out;
	}
	v = xmalloc((s.nsessions ? s.nsessions : 1) * sizeof(*v));
	for (size_t i = 0; i < s.nsessions; i++)
		if (filter_match(&f, &s, &s.sessions[i]))
			v[n++] = &s.sessions[i];
	if (json)
		print_json(&s, v, n, z);
	else if (n)
		print_table(&s, v, n, z);
	else
		fprintf(stderr, "planner: no sessions match\n");
out:
	free(v);
	filter_release(&f);
	schedule_release(&s);
	return ret;
}
