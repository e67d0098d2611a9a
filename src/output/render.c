/* render.c: shared presentation of sessions — clock times, weekdays, JSON records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonw.h"
#include "render.h"
#include "schedule.h"
#include "text.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

const char *weekday_name(int year, int month, int day)
{
	static const char *const names[] = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" };
	int64_t d = days_from_civil(year, month, day) % 7;

	return names[d < 0 ? d + 7 : d];
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
	jsonw_object_begin(w);
	session_json_members(w, s, se, z);
	jsonw_object_end(w);
}

void session_json_members(struct jsonw *w, const struct schedule *s, const struct session *se,
			  const struct tz *z)
{
	char buf[40];
	char *room = session_room_label(s, se);

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
	if (se->nrooms == 1 && (s->rooms[se->rooms[0]].floor || s->rooms[se->rooms[0]].building)) {
		/* where its room is, when the timetable or the venue file says */
		jsonw_key(w, "floor");
		jsonw_string(w, s->rooms[se->rooms[0]].floor);
		jsonw_key(w, "building");
		jsonw_string(w, s->rooms[se->rooms[0]].building);
	}
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
	jsonw_key(w, "links");
	jsonw_array_begin(w);
	for (size_t i = 0; i < se->link_urls.n; i++) {
		jsonw_object_begin(w);
		jsonw_key(w, "title");
		jsonw_string(w, se->link_titles.v[i]);
		jsonw_key(w, "url");
		jsonw_string(w, se->link_urls.v[i]);
		jsonw_object_end(w);
	}
	jsonw_array_end(w);
	jsonw_key(w, "do_not_record");
	jsonw_bool(w, se->do_not_record);
	jsonw_key(w, "scheduled");
	jsonw_bool(w, se->scheduled);
	jsonw_key(w, "abstract");
	jsonw_string(w, se->abstract);
	free(room);
}

int cell_width(const char *s)
{
	char *clean = text_sanitize(s ? s : "");
	int w = (int)text_width(clean);

	free(clean);
	return w;
}

/* n spaces (none when n <= 0). */
static void put_spaces(FILE *f, int n)
{
	for (; n > 0; n--)
		fputc(' ', f);
}

/* s, made terminal-safe: cut to cols columns (> 0) and padded to them when wider than cols;
 * else as it is, padded to cols when `pad`. */
static void put_clean(FILE *f, const char *s, int cols, bool pad)
{
	char *clean = text_sanitize(s ? s : "");
	size_t w = cols > 0 ? text_width(clean) : 0;

	if (cols > 0 && w > (size_t)cols) {
		char *cut = text_truncate(clean, (size_t)cols);

		fputs(cut, f);
		w = text_width(cut);
		free(cut);
		pad = true;
	} else {
		fputs(clean, f);
	}
	if (pad && cols > 0)
		put_spaces(f, cols - (int)w);
	free(clean);
}

void put_cell(FILE *f, const char *s, int cols)
{
	put_clean(f, s, cols, true);
}

void put_last_cell(FILE *f, const char *s, int cols)
{
	put_clean(f, s, cols, false);
}

/* The id column's width when ids are long: they are cut to it, unless that would leave two
 * looking the same. */
#define ID_COLUMN 16

void row_layout_compute(struct row_layout *lay, const struct schedule *s,
			const struct session *const *v, size_t n, int width)
{
	int used;

	lay->time_w = 11;	/* "09:40-10:10", "unscheduled" */
	lay->room_w = 1;
	lay->id_w = 2;
	lay->lang_w = 0;
	/* with floors and buildings shown: "컨벤션 홀 2 (floor 1, 수원컨벤션센터)" */
	int room_max = schedule_places_differ(s) ? 40 : 24;

	for (size_t i = 0; i < n; i++) {
		char *room = session_place_label(s, v[i]);
		int w = cell_width(room);


		if (v[i]->has_time) {
			char span[FORMAT_SPAN_MAX];
			int tw = (int)strlen(format_span(lay->tz ? lay->tz : s->tz, v[i]->start, v[i]->end, span,
							 sizeof(span)));
			if (tw > lay->time_w)
				lay->time_w = tw;
		}
		if (w > lay->room_w)
			lay->room_w = w;
		free(room);
		w = cell_width(v[i]->id);
		if (w > ID_COLUMN) {
			/* cut, but never shorter than what tells it from every other id (and the
			 * ellipsis), so that what is shown can be typed back */
			char *prefix = session_short_id(s, v[i]);
			int need = cell_width(prefix) + 1;
			free(prefix);
			w = need > w ? w : need < ID_COLUMN ? ID_COLUMN : need;
		}
		if (w > lay->id_w)
			lay->id_w = w;
		w = cell_width(v[i]->language);
		if (w > lay->lang_w)
			lay->lang_w = w;
	}
	if (lay->room_w > room_max)
		lay->room_w = room_max;
	if (lay->lang_w > 5)
		lay->lang_w = 5;
	lay->title_w = 0;
	if (width > 0) {
		used = lay->indent + lay->time_w + 2 + (lay->marks ? 2 : 0) + lay->room_w + 2 + lay->id_w + 2 +
		       (lay->lang_w ? lay->lang_w + 2 : 0);
		lay->title_w = width - used > 10 ? width - used : 10;
	}
}

static char *title_cell(const struct session *se)
{
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_adds(&sb, se->title);
	if (se->type != SESSION_TALK) {
		strbuf_adds(&sb, " [");
		strbuf_adds(&sb, session_type_name(se->type));
		strbuf_addc(&sb, ']');
	}
	for (size_t i = 0; i < se->speakers.n; i++) {
		strbuf_adds(&sb, i ? ", " : " — ");
		strbuf_adds(&sb, se->speakers.v[i]);
	}
	return strbuf_detach(&sb);
}

void row_print(FILE *f, const struct row_layout *lay, const struct schedule *s,
	       const struct session *se, const struct tz *z, const char *mark)
{
	char span[FORMAT_SPAN_MAX], *room, *title;
	int time_w = lay->time_w > 0 ? lay->time_w : 11;
	const char *when = se->has_time ? format_span(z, se->start, se->end, span, sizeof(span))
				       : "unscheduled";

	/* the indentation, then the time padded to its column (ASCII: a byte a column), without
	 * printf */
	put_spaces(f, lay->indent);
	fputs(when, f);
	put_spaces(f, time_w - (int)strlen(when));
	fputs("  ", f);
	if (lay->marks)
		fputs(mark ? mark : "  ", f);
	room = session_place_label(s, se);
	put_cell(f, *room ? room : "-", lay->room_w);
	fputs("  ", f);
	if (lay->color)
		fputs("\033[2m", f);
	put_cell(f, se->id, lay->id_w);
	if (lay->color)
		fputs("\033[0m", f);
	fputs("  ", f);
	if (lay->lang_w) {
		put_cell(f, se->language ? se->language : "", lay->lang_w);
		fputs("  ", f);
	}
	title = title_cell(se);
	put_last_cell(f, title, lay->title_w);
	fputc('\n', f);
	free(title);
	free(room);
}

void session_list_date(const struct schedule *s, const struct session *se, const struct tz *z,
		       struct civil *out)
{
	if (se->day >= 0 && (size_t)se->day < s->ndays && z == s->tz) {
		const struct day *d = &s->days[se->day];

		*out = (struct civil){ d->year, d->month, d->day, 0, 0, 0 };
	} else {
		tz_to_civil(z, se->start, out);
	}
}

char *session_short_id(const struct schedule *s, const struct session *se)
{
	return cell_width(se->id) <= ID_COLUMN ? xstrdup(se->id)
	       : xstrndup(se->id, schedule_id_prefix(s, se));
}

void day_heading(FILE *f, const struct schedule *s, const struct session *se, const struct tz *z,
		 struct civil *cur, bool color)
{
	struct civil c;
	bool conf_day = se->day >= 0 && (size_t)se->day < s->ndays && z == s->tz;

	session_list_date(s, se, z, &c);
	if (c.year == cur->year && c.month == cur->month && c.day == cur->day)
		return;
	*cur = c;
	fprintf(f, "\n%s%04d-%02d-%02d %s", color ? "\033[1m" : "", c.year, c.month, c.day,
		weekday_name(c.year, c.month, c.day));
	if (conf_day)
		fprintf(f, " (day %d)", se->day + 1);
	fprintf(f, "%s\n", color ? "\033[0m" : "");
}
