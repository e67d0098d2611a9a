/* cmd_tracks.c: `planner tracks` — the tracks and tags of the timetable with session counts. */
#include <stdlib.h>

#include "command.h"
#include "filter.h"
#include "jsonw.h"
#include "render.h"
#include "schedule.h"

static int exec(struct cmd_ctx *ctx)
{
	struct schedule *s = &ctx->s;
	struct label_count *labels;
	bool json = ctx->json;
	size_t n;
	int w = 4;

	labels = schedule_labels(s, &n);
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
			fprintf(stderr, "planner: %s has no tracks or tags\n", s->conf.name);
	}
	label_counts_free(labels, n);
	return 0;
}

const struct cmd_entry cmd_tracks = {
	.name = "tracks",
	.summary = "list the tracks and tags with their session counts",
	.description = "Lists the tracks, then the tags, of the timetable with how many sessions carry each.\n",
	.json_help = "the tracks and tags as JSON",
	.flags = CMD_TIMETABLE | CMD_JSON,
	.exec = exec,
};
