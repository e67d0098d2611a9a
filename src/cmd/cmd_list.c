/* cmd_list.c: `planner list` — the timetable's sessions, filtered, one line each, grouped by day,
 * in the conference time zone (or --tz), aligned by display width; or --json. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "command.h"
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
	lay.tz = z;
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

static int exec(struct cmd_ctx *ctx)
{
	const struct schedule *s = &ctx->s;
	const struct session **v;
	const struct tz *z;
	size_t n = 0;

	if (!(z = cli_display_zone(s, cmd_arg(ctx, &opt_tz))))
		return -1;
	v = xmalloc((s->nsessions ? s->nsessions : 1) * sizeof(*v));
	for (size_t i = 0; i < s->nsessions; i++)
		if (filter_match(&ctx->filter, s, &s->sessions[i]))
			v[n++] = &s->sessions[i];
	if (ctx->json)
		print_json(s, v, n, z);
	else if (n)
		print_table(s, v, n, z);
	else
		fprintf(stderr, "planner: no sessions match\n");
	free(v);
	return 0;
}

static const struct cmd_option *const options[] = { FILTER_OPTIONS, &opt_tz, NULL };

const struct cmd_entry cmd_list = {
	.name = "list",
	.summary = "list sessions, filtered, in the conference time zone",
	.description = "Lists the sessions of the timetable by day, in the conference time zone.  Options of\n"
		       "one kind are alternatives (--tag a --tag b: either); different kinds must all match.\n",
	.options = options,
	.json_help = "an array of sessions as JSON",
	.notes = "Text matches ignore case and Unicode normalization form.\n",
	.flags = CMD_TIMETABLE | CMD_FILTER | CMD_JSON,
	.exec = exec,
};
