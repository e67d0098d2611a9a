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

#define BOLD "\033[1m"
#define DIM "\033[2m"
#define RESET "\033[0m"

struct layout {
	int room_w, id_w, lang_w, title_w; /* title_w 0: no limit */
	bool color;
};

static char *title_cell(const struct session *se)
{
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_adds(&sb, se->title);
	if (se->type != SESSION_TALK)
		strbuf_addf(&sb, " [%s]", session_type_name(se->type));
	for (size_t i = 0; i < se->speakers.n; i++)
		strbuf_addf(&sb, "%s%s", i ? ", " : " — ", se->speakers.v[i]);
	return strbuf_detach(&sb);
}

static void print_row(const struct schedule *s, const struct session *se, const struct tz *z,
		      const struct layout *lay)
{
	char a[8], b[8], *room, *title;

	if (se->has_time) {
		format_hm(z, se->start, a, sizeof(a));
		format_hm(z, se->end, b, sizeof(b));
		printf("%s-%s  ", a, b);
	} else {
		printf("%-11s  ", "unscheduled");
	}
	room = session_room_label(s, se);
	put_cell(stdout, *room ? room : "-", lay->room_w);
	fputs("  ", stdout);
	if (lay->color)
		fputs(DIM, stdout);
	put_cell(stdout, se->id, lay->id_w);
	if (lay->color)
		fputs(RESET, stdout);
	fputs("  ", stdout);
	put_cell(stdout, se->language ? se->language : "", lay->lang_w);
	fputs("  ", stdout);
	title = title_cell(se);
	/* The last column is cut only when too wide, and never padded. */
	put_cell(stdout, title, lay->title_w > 0 && cell_width(title) > lay->title_w ? lay->title_w : 0);
	putchar('\n');
	free(title);
	free(room);
}

static void compute_layout(const struct schedule *s, const struct session **v, size_t n,
			   struct layout *lay)
{
	int width = cli_width();

	lay->room_w = 1;
	lay->id_w = 2;
	lay->lang_w = 0;
	for (size_t i = 0; i < n; i++) {
		char *room = session_room_label(s, v[i]);
		int w = cell_width(room);
		if (w > lay->room_w)
			lay->room_w = w;
		free(room);
		w = cell_width(v[i]->id);
		if (w > lay->id_w)
			lay->id_w = w;
		w = cell_width(v[i]->language);
		if (w > lay->lang_w)
			lay->lang_w = w;
	}
	if (lay->room_w > 24)
		lay->room_w = 24;
	if (lay->id_w > 16)
		lay->id_w = 16;
	if (lay->lang_w > 5)
		lay->lang_w = 5;
	lay->title_w = 0;
	if (width > 0) {
		int used = 11 + 2 + lay->room_w + 2 + lay->id_w + 2 + lay->lang_w + 2;
		lay->title_w = width - used > 10 ? width - used : 10;
	}
	lay->color = cli_color();
}

static void print_table(const struct schedule *s, const struct session **v, size_t n,
			const struct tz *z)
{
	struct layout lay;
	struct civil cur = { 0, 0, 0, 0, 0, 0 };
	bool unscheduled_header = false;

	compute_layout(s, v, n, &lay);
	printf("%s%s%s, times in %s\n", lay.color ? BOLD : "", s->conf.name, lay.color ? RESET : "",
	       tz_name(z));
	for (size_t i = 0; i < n; i++) {
		const struct session *se = v[i];

		if (se->has_time) {
			struct civil c;
			tz_to_civil(z, se->start, &c);
			if (c.year != cur.year || c.month != cur.month || c.day != cur.day) {
				cur = c;
				printf("\n%s%04d-%02d-%02d %s", lay.color ? BOLD : "", c.year, c.month,
				       c.day, weekday_name(c.year, c.month, c.day));
				if (se->day >= 0 && z == s->tz)
					printf(" (day %d)", se->day + 1);
				printf("%s\n", lay.color ? RESET : "");
			}
		} else if (!unscheduled_header) {
			unscheduled_header = true;
			printf("\n%sNot scheduled%s\n", lay.color ? BOLD : "", lay.color ? RESET : "");
		}
		print_row(s, se, z, &lay);
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

int cmd_list(int argc, char **argv)
{
	static const struct option opts[] = {
		FILTER_LONGOPTS,
		{ "tz", required_argument, NULL, OPT_TZ },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
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
