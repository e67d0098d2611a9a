/* render.c: shared presentation of sessions — clock times, weekdays, JSON records. */
#include <stdio.h>
#include <stdlib.h>

#include "jsonw.h"
#include "render.h"
#include "schedule.h"
#include "tz.h"

const char *weekday_name(int year, int month, int day)
{
	static const char *const names[] = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" };
	int64_t d = days_from_civil(year, month, day) % 7;

	return names[d < 0 ? d + 7 : d];
}

void format_hm(const struct tz *z, int64_t instant, char *buf, int size)
{
	struct civil c;

	tz_to_civil(z, instant, &c);
	snprintf(buf, (size_t)size, "%02d:%02d", c.hour, c.minute);
}

static void strlist_json(struct jsonw *w, const struct strlist *l)
{
	jsonw_array_begin(w);
	for (size_t i = 0; i < l->n; i++)
		jsonw_string(w, l->v[i]);
	jsonw_array_end(w);
}

void session_json(struct jsonw *w, const struct schedule *s, const struct session *se,
		  const struct tz *z)
{
	char buf[40];
	char *room = session_room_label(s, se);

	jsonw_object_begin(w);
	jsonw_key(w, "id");
	jsonw_string(w, se->id);
	jsonw_key(w, "title");
	jsonw_string(w, se->title);
	jsonw_key(w, "subtitle");
	jsonw_string(w, se->subtitle);
	jsonw_key(w, "start");
	if (se->has_time) {
		tz_format_iso(z, se->start, buf, sizeof(buf));
		jsonw_string(w, buf);
	} else {
		jsonw_null(w);
	}
	jsonw_key(w, "end");
	if (se->has_time) {
		tz_format_iso(z, se->end, buf, sizeof(buf));
		jsonw_string(w, buf);
	} else {
		jsonw_null(w);
	}
	jsonw_key(w, "day");
	if (se->day >= 0)
		jsonw_int(w, se->day + 1);
	else
		jsonw_null(w);
	jsonw_key(w, "room");
	jsonw_string(w, se->nrooms ? room : NULL);
	jsonw_key(w, "room_ids");
	jsonw_array_begin(w);
	for (size_t i = 0; i < se->nrooms; i++)
		jsonw_string(w, s->rooms[se->rooms[i]].id);
	jsonw_array_end(w);
	jsonw_key(w, "track");
	jsonw_string(w, se->track);
	jsonw_key(w, "tags");
	strlist_json(w, &se->tags);
	jsonw_key(w, "type");
	jsonw_string(w, session_type_name(se->type));
	jsonw_key(w, "level");
	jsonw_string(w, se->level ? session_level_name(se->level) : NULL);
	jsonw_key(w, "language");
	jsonw_string(w, se->language);
	jsonw_key(w, "speakers");
	strlist_json(w, &se->speakers);
	jsonw_key(w, "url");
	jsonw_string(w, se->url);
	jsonw_key(w, "scheduled");
	jsonw_bool(w, se->scheduled);
	jsonw_key(w, "abstract");
	jsonw_string(w, se->abstract);
	jsonw_object_end(w);
	free(room);
}
