/* tz.h: time zones and civil times.
 *
 * Wraps libical's time zone code (the only module besides the .ics module that includes
 * <libical/ical.h>): zones come from the system zone database (/usr/share/zoneinfo).  Instants
 * are seconds since the Unix epoch, UTC.  Never uses setenv("TZ").
 */
#ifndef PLANNER_TZ_H
#define PLANNER_TZ_H

#include <stdbool.h>
#include <stdint.h>

/* A calendar date and wall-clock time, with no zone attached. */
struct civil {
	int year, month, day;     /* 1..9999, 1..12, 1..31 */
	int hour, minute, second; /* 0..23, 0..59, 0..60 */
};

/* The last year of a zone's rules: libical expands rules (the system zone database's and an
 * iCalendar VTIMEZONE's) into changes up to this year, its ICALTIMEZONE_MAX_YEAR (2582 in 3.0.16,
 * measured; not in its headers).  After it the offset of the zone's last change stays in force:
 * tz_offset_at() answers so, and an .ics export writes later times in UTC. */
#define TZ_RULES_LAST_YEAR 2582

/* An opaque time zone. */
struct tz;

/* Looks up an IANA zone name ("Asia/Seoul", "UTC"); "local" means the system's zone (from $TZ
 * or /etc/localtime, falling back to UTC).  Returns NULL and sets error() for an unknown or
 * malformed name (names with "..", leading "/" or characters outside [A-Za-z0-9_+-/] are refused
 * without touching the file system).  The zone is owned by the module: never free it. */
const struct tz *tz_get(const char *name);
/* tz_get() for a zone name known to be good (a snapshot's, checked when it was written): the
 * zone is loaded from the zone database only when an offset tz_remember() was not told is
 * asked, so a command whose times are all remembered never loads it.  A zone that then turns out
 * not to load (its file gone since) has UTC's offsets.  A malformed name is refused as by
 * tz_get(). */
const struct tz *tz_get_known(const char *name);
/* The zone's IANA name, e.g. "Asia/Seoul" (borrowed). */
const char *tz_name(const struct tz *tz);
/* Offset from UTC in seconds (east positive) in force at `instant`. */
int tz_offset_at(const struct tz *tz, int64_t instant);
/* Records that tz_offset_at(tz, instant) is `offset`, as it answered when a snapshot was
 * written: asking again then needs no libical, whose first answer in a process costs more than
 * the rest of a warm command (it expands the zone's rules over every year up to a few past the
 * one asked).  The caller vouches for the answer. */
void tz_remember(const struct tz *tz, int64_t instant, int offset);
/* The civil time in zone tz at `instant`. */
void tz_to_civil(const struct tz *tz, int64_t instant, struct civil *out);
/* The instant at which the wall clock in tz shows `c`.  For a time skipped by a DST change the
 * offset before the gap is used (so 02:30 in a gap from 02:00 to 03:00 becomes 03:30), and for a
 * repeated time the first occurrence, as RFC 5545 section 3.3.5 prescribes.  Returns 0, or -1 with error() set when
 * c is out of range. */
int tz_from_civil(const struct tz *tz, const struct civil *c, int64_t *out);
/* Releases libical's cached zones (call once at exit; optional). */
void tz_cleanup(void);

/* Parses ISO 8601 "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.fff]]" with an optional "Z" or "+HH:MM" /
 * "+HHMM" / "+HH" offset (a space may stand for "T").  On success returns 0, fills *c, and sets
 * *has_offset and *offset (seconds east); -1 with error() set otherwise. */
int iso8601_parse(const char *s, struct civil *c, bool *has_offset, int *offset);
/* Instant of civil time c at fixed UTC offset `offset`. */
int64_t civil_to_instant_offset(const struct civil *c, int offset);
/* Civil time at fixed UTC offset `offset` for `instant`. */
void instant_to_civil_offset(int64_t instant, int offset, struct civil *out);
/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
int64_t days_from_civil(int y, int m, int d);
void civil_from_days(int64_t days, int *y, int *m, int *d);
/* True if y-m-d is a real date (1 <= y <= 9999). */
bool civil_date_valid(int y, int m, int d);

/* A UTC offset of `seconds` as "+09:00", or "+00:19:32" when it has seconds (local mean time
 * before ~1900), into buf (at least 11 bytes); returns buf. */
const char *tz_format_offset(int seconds, char *buf, size_t size);
/* Formats `instant` in tz as "2024-10-26T13:00:00+09:00" into buf (at least 32 bytes). */
void tz_format_iso(const struct tz *tz, int64_t instant, char *buf, int size);

#endif
