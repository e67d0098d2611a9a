/* render.h: how sessions look in listings — times, day headings, JSON records.  Shared by list and
 * the commands that show sessions. */
#ifndef PLANNER_RENDER_H
#define PLANNER_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct jsonw;
struct schedule;
struct session;
struct tz;
struct civil;

/* Writes s to f made inert for a terminal (no control or BiDi characters) and padded with
 * spaces to `cols` display columns, or cut with "…" when wider (cols 0: as is). */
void put_cell(FILE *f, const char *s, int cols);
/* The last cell of a row: as put_cell when s is wider than cols (> 0), else s as is, unpadded. */
void put_last_cell(FILE *f, const char *s, int cols);
/* The display width of s once made inert. */
int cell_width(const char *s);

/* "Sat" for a date. */
const char *weekday_name(int year, int month, int day);
/* Writes one session as a JSON object (times as ISO 8601 with the offset of zone z). */
void session_json(struct jsonw *w, const struct schedule *s, const struct session *se,
		  const struct tz *z);
/* The same members, into an object the caller opened (and closes). */
void session_json_members(struct jsonw *w, const struct schedule *s, const struct session *se,
			  const struct tz *z);


/* A table of sessions: time, room, id, language, title — speakers; aligned by display width. */
struct row_layout {
	int time_w;             /* "09:40-10:10" is 11; "23:30-01:30 (+1)" 16 (format_span) */
	int room_w, id_w, lang_w;
	int title_w;            /* 0: no limit */
	int indent;             /* spaces before each row */
	bool marks;             /* a two-column mark before the room ("→ " for a room change) */
	bool color;
	const struct tz *tz;    /* the zone the rows are shown in, for the width of the times
				 * (NULL: the conference zone) */
};
/* Measures the columns of sessions v[0..n) for a terminal `width` columns wide (0: no limit). */
void row_layout_compute(struct row_layout *lay, const struct schedule *s,
			const struct session *const *v, size_t n, int width);
/* Writes one row; `mark` is a string of display width 2 or NULL when lay->marks is off. */
void row_print(FILE *f, const struct row_layout *lay, const struct schedule *s,
	       const struct session *se, const struct tz *z, const char *mark);
/* The date a session is listed under: in the conference zone its conference day (a talk at
 * 00:50 in the night of the day before stays under it), in another zone z the date there. */
void session_list_date(const struct schedule *s, const struct session *se, const struct tz *z,
		       struct civil *out);
/* A session's id as the listings show it: whole when it fits their id column (16 columns), else
 * the start that tells it from every other id, which can be typed back.  Caller frees. */
char *session_short_id(const struct schedule *s, const struct session *se);
/* Writes "\n2024-10-26 Sat (day 1)\n" when se is on another day than *cur (updated): in the
 * conference zone its conference day (schedule_finish), in another zone the date there. */
void day_heading(FILE *f, const struct schedule *s, const struct session *se, const struct tz *z,
		 struct civil *cur, bool color);

#endif
