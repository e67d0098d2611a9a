/* render.h: how sessions look in listings — times, day headings, JSON records.  Shared by list and
 * the commands that show sessions. */
#ifndef PLANNER_RENDER_H
#define PLANNER_RENDER_H

#include <stdint.h>
#include <stdio.h>

struct jsonw;
struct schedule;
struct session;
struct tz;

/* "Sat" for a date. */
const char *weekday_name(int year, int month, int day);
/* "13:00" for an instant in zone z, into buf (at least 8 bytes). */
void format_hm(const struct tz *z, int64_t instant, char *buf, int size);
/* Writes one session as a JSON object (times as ISO 8601 with the offset of zone z). */
void session_json(struct jsonw *w, const struct schedule *s, const struct session *se,
		  const struct tz *z);

#endif
