/* cmd_days.c: `planner days` — the conference days (in its time zone) with session counts. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "jsonw.h"
#include "render.h"
#include "schedule.h"
#include "util.h"

const struct option days_options[] = {
	{ "json", no_argument, NULL, OPT_JSON },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

int cmd_days(int argc, char **argv)
{
	const struct option *opts = days_options;
	struct schedule s;
	size_t *count;
	bool json = false;
	struct jsonw jw;
	int c;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == OPT_JSON)
			json = true;
		else if (c == 'h')
			return command_help("days");
		else
			return cli_option_error("days", argv, opts);
	}
	if (optind < argc)
		return usage_error("days", "unexpected argument '%s'", argv[optind]);
	schedule_init(&s);
	if (cli_load_schedule(&s) < 0)
		return report_error();
	count = xcalloc(s.ndays ? s.ndays : 1, sizeof(*count));
	for (size_t i = 0; i < s.nsessions; i++)
		if (s.sessions[i].day >= 0)
			count[s.sessions[i].day]++;
	if (json) {
		jsonw_init(&jw, stdout);
		jsonw_array_begin(&jw);
	}
	for (size_t i = 0; i < s.ndays; i++) {
		const struct day *d = &s.days[i];
		char date[16];

		snprintf(date, sizeof(date), "%04d-%02d-%02d", d->year, d->month, d->day);
		if (json) {
			jsonw_object_begin(&jw);
			jsonw_key(&jw, "day");
			jsonw_int(&jw, (int64_t)i + 1);
			jsonw_key(&jw, "date");
			jsonw_string(&jw, date);
			jsonw_key(&jw, "weekday");
			jsonw_string(&jw, weekday_name(d->year, d->month, d->day));
			jsonw_key(&jw, "sessions");
			jsonw_int(&jw, (int64_t)count[i]);
			jsonw_object_end(&jw);
		} else {
			printf("%zu  %s %s  %zu\n", i + 1, date, weekday_name(d->year, d->month, d->day),
			       count[i]);
		}
	}
	if (json) {
		jsonw_array_end(&jw);
		jsonw_finish(&jw);
	}
	free(count);
	schedule_release(&s);
	return 0;
}
