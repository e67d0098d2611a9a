/* timefmt.h: how times of day and lengths of time are written, in one place: "09:40" and
 * "2 h 10 min" look the same in listings, plans, messages, printouts and calendars. */
#ifndef PLANNER_TIMEFMT_H
#define PLANNER_TIMEFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct civil;
struct tz;

/* "09:40": the hour and minute of c, two digits each, into buf (at least 6 bytes). */
void civil_format_hm(const struct civil *c, char *buf, size_t size);
/* "2024-10-26": a date, into buf (at least 11 bytes). */
void format_date(int year, int month, int day, char *buf, size_t size);
/* "2024-10-26 09:40": the date and the hour and minute of c, into buf (at least 17 bytes). */
void civil_format_date_hm(const struct civil *c, char *buf, size_t size);
/* "13:00" for an instant in zone z, into buf (at least 6 bytes). */
void format_hm(const struct tz *z, int64_t instant, char *buf, size_t size);
/* instant in zone z as "14:00" when it falls on the same date as `at` there, else as
 * "2024-10-27 09:40" (now, next, here).  buf: at least 17 bytes. */
void format_hm_near(const struct tz *z, int64_t instant, int64_t at, char *buf, size_t size);
/* A session's time in zone z, the one rule every listing, plan and printout follows:
 * "09:40-10:10"; "23:30-01:30 (+1)" when it ends on a later date than it starts (one that ends at
 * midnight does not); "18:30" when it takes no time (end == start).  Into buf (at least
 * FORMAT_SPAN_MAX bytes); returns buf. */
#define FORMAT_SPAN_MAX 24
const char *format_span(const struct tz *z, int64_t start, int64_t end, char *buf, size_t size);

/* "5 min": a count of whole minutes as it is (no rounding, no hours), into buf (at least 24
 * bytes); returns buf.  For walking times, gaps and overlaps. */
const char *format_minutes(int64_t minutes, char *buf, size_t size);
/* Whole minutes in a length of seconds, rounded up (59 s is 1 min). */
int64_t duration_minutes(int64_t seconds);
/* "45 min", "1 h", "2 h 10 min" for a length of seconds (rounded up to a minute; a negative one
 * is "0 min"); with `days`, from 48 hours on "3 days" (whole days, rounded down), for a
 * countdown.  Into buf (at least 32 bytes). */
void format_duration(int64_t seconds, bool days, char *buf, size_t size);

/* A length of time a user sets in environment variable `name`: seconds, decimals allowed, more
 * than 0 (or 0 too, with zero_ok) and at most a day.  1 with *seconds set; 0 when the variable
 * is unset or empty; -1 with error() set (EX_USAGE, "NAME 'VALUE': not a number of seconds"). */
int env_seconds(const char *name, bool zero_ok, double *seconds);

#endif
