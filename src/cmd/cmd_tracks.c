/* cmd_tracks.c: `planner tracks` — the tracks and tags of the timetable with session counts. */
#include <getopt.h>
#include <stdlib.h>

#include "cli.h"
#include "filter.h"
#include "jsonw.h"
#include "render.h"
#include "schedule.h"
#include "util.h"

const struct option tracks_options[] = {
	{ "json", no_argument, NULL, OPT_JSON },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

int cmd_tracks(int argc, char **argv)
{
	const struct option *opts = tracks_options;
	struct schedule s;
	struct label_count *labels;
	bool json = false;
	size_t n;
	int c, w = 4;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == OPT_JSON)
			json = true;
		else if (c == 'h')
			return command_help("tracks");
		else
			return cli_option_error("tracks", argv, opts);
	}
	if (optind < argc)
		return usage_error("tracks", "unexpected argument '%s'", argv[optind]);
	schedule_init(&s);
	if (cli_load_schedule(&s) < 0)
		return report_error();
	labels = schedule_labels(&s, &n);
	if (json) {
		struct jsonw jw;

		jsonw_init(&jw, stdout);
		jsonw_array_begin(&jw);
		for (size_t i = 0; i < n; i++) {
			jsonw_object_begin(&jw);
			jsonw_key(&jw, "name");
			jsonw_string(&jw, labels[i].name);
			jsonw_key(&jw, "kind");
			jsonw_string(&jw, labels[i].is_track ? "track" : "tag");
			jsonw_key(&jw, "sessions");
			jsonw_int(&jw, (int64_t)labels[i].count);
			jsonw_object_end(&jw);
		}
		jsonw_array_end(&jw);
		jsonw_finish(&jw);
	} else {
		for (size_t i = 0; i < n; i++)
			if (cell_width(labels[i].name) > w)
				w = cell_width(labels[i].name);
		if (w > 40)
			w = 40;
		for (size_t i = 0; i < n; i++) {
			if (i == 0 || labels[i].is_track != labels[i - 1].is_track)
				printf("%s%s\n", i ? "\n" : "", labels[i].is_track ? "TRACK" : "TAG");
			fputs("  ", stdout);
			put_cell(stdout, labels[i].name, w);
			printf("  %zu\n", labels[i].count);
		}
		if (!n)
			fprintf(stderr, "planner: %s has no tracks or tags\n", s.conf.name);
	}
	label_counts_free(labels, n);
	schedule_release(&s);
	return 0;
}
