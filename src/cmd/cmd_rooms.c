/* cmd_rooms.c: `planner rooms` — the rooms of the timetable with how many sessions each holds. */
#include <stdlib.h>

#include "command.h"
#include "jsonw.h"
#include "render.h"
#include "schedule.h"
#include "util.h"

static int exec(struct cmd_ctx *ctx)
{
	struct schedule *s = &ctx->s;
	size_t *count;
	bool json = ctx->json;
	int idw = 2, namew = 4;

	count = xcalloc(s->nrooms ? s->nrooms : 1, sizeof(*count));
	for (size_t i = 0; i < s->nsessions; i++)
		for (size_t j = 0; j < s->sessions[i].nrooms; j++)
			count[s->sessions[i].rooms[j]]++;
	if (json) {
		struct jsonw jw;

		jsonw_init(&jw, stdout);
		jsonw_array_begin(&jw);
		for (size_t i = 0; i < s->nrooms; i++) {
			jsonw_object_begin(&jw);
			jsonw_key(&jw, "id");
			jsonw_string(&jw, s->rooms[i].id);
			jsonw_key(&jw, "name");
			jsonw_string(&jw, s->rooms[i].name);
			jsonw_key(&jw, "floor");
			jsonw_string(&jw, s->rooms[i].floor);
			jsonw_key(&jw, "building");
			jsonw_string(&jw, s->rooms[i].building);
			jsonw_key(&jw, "sessions");
			jsonw_int(&jw, (int64_t)count[i]);
			jsonw_object_end(&jw);
		}
		jsonw_array_end(&jw);
		jsonw_finish(&jw);
	} else {
		size_t empty = 0, said = 0;

		/* the rooms that hold sessions; a feed's room list may name others (frab's "rooms"),
		 * counted on a line of their own */
		for (size_t i = 0; i < s->nrooms; i++) {
			if (!count[i]) {
				empty++;
				continue;
			}
			if (cell_width(s->rooms[i].id) > idw)
				idw = cell_width(s->rooms[i].id);
			if (cell_width(s->rooms[i].name) > namew)
				namew = cell_width(s->rooms[i].name);
		}
		idw = idw > 20 ? 20 : idw;
		namew = namew > 40 ? 40 : namew;
		for (size_t i = 0; i < s->nrooms; i++) {
			if (!count[i])
				continue;
			put_cell(stdout, s->rooms[i].id, idw);
			fputs("  ", stdout);
			put_cell(stdout, s->rooms[i].name, namew);
			printf("  %zu\n", count[i]);
		}
		if (empty) {
			if (s->nrooms > empty)
				printf("\n%zu more room%s no session: ", empty,
				       empty == 1 ? " holds" : "s hold");
			else
				printf("%zu room%s, none holding a session: ", empty, empty == 1 ? "" : "s");
			for (size_t i = 0; i < s->nrooms && said < 5; i++)
				if (!count[i]) {
					fputs(said++ ? ", " : "", stdout);
					put_cell(stdout, s->rooms[i].name, 0);
				}
			printf("%s\n", empty > said ? ", ..." : "");
		}
	}
	free(count);
	return 0;
}

const struct cmd_entry cmd_rooms = {
	.name = "rooms",
	.summary = "list the rooms with their session counts",
	.description = "Lists the rooms of the timetable that hold sessions, with how many each holds;\n"
		       "a last line counts the rooms a feed names that hold none (--json lists them too,\n"
		       "with 0).\n",
	.json_help = "the rooms as JSON",
	.flags = CMD_TIMETABLE | CMD_JSON,
	.exec = exec,
};
