/* cmd_days.c: `planner days` — the conference days (in its time zone) with session counts; with
 * --json also each day's span (schedule_finish: the feed's day bounds, or midnight to
 * midnight). */
#include <stdio.h>
#include <stdlib.h>

#include "command.h"
#include "jsonw.h"
#include "render.h"
#include "schedule.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

static int exec(struct cmd_ctx *ctx)
{
	struct schedule *s = &ctx->s;
	size_t *count;
	bool json = ctx->json;
	struct jsonw jw;

	count = xcalloc(s->ndays ? s->ndays : 1, sizeof(*count));
	for (size_t i = 0; i < s->nsessions; i++)
		if (s->sessions[i].day >= 0)
			count[s->sessions[i].day]++;
	if (json) {
		jsonw_init(&jw, stdout);
		jsonw_array_begin(&jw);
	}
	for (size_t i = 0; i < s->ndays; i++) {
		const struct day *d = &s->days[i];
		char date[16];

		format_date(d->year, d->month, d->day, date, sizeof(date));
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
			{
				/* the day's span: the feed's day bounds, or midnight to midnight */
				char iso[40];

				jsonw_key(&jw, "start");
				tz_format_iso(s->tz, d->start, iso, sizeof(iso));
				jsonw_string(&jw, iso);
				jsonw_key(&jw, "end");
				tz_format_iso(s->tz, d->end, iso, sizeof(iso));
				jsonw_string(&jw, iso);
			}
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
	return 0;
}

const struct cmd_entry cmd_days = {
	.name = "days",
	.summary = "list the conference days with their session counts",
	.description = "Lists the days of the conference (in its time zone) with how many sessions each has.\n"
		       "Where the feed gives its days' bounds, a session after midnight belongs to the day\n"
		       "whose span holds it (the night of the day before).\n",
	.json_help = "the days as JSON, with each day's start and end",
	.flags = CMD_TIMETABLE | CMD_JSON,
	.exec = exec,
};
