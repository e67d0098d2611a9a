/* ics.h: sessions as iCalendar (RFC 5545) for calendar programs, and the memory that lets a
 * calendar update an event instead of adding a second one.
 *
 * One VCALENDAR, METHOD:PUBLISH, with a VTIMEZONE cut to the span of the events and named by
 * the plain IANA name, and one VEVENT per session whose UID is
 * "<session-id>@<conference-id>.planner" — the same on every export and every machine.  What
 * each field holds is in README.md, "Exporting to your calendar".  The VTIMEZONE is libical's
 * (with tz.c and the .ics importer this module is the only one that includes <libical/ical.h>);
 * the rest planner writes itself (src/output/ics_write.c), the bytes libical 3.0.16 wrote.
 *
 * SEQUENCE: a calendar that already has an event replaces it only with a version whose SEQUENCE
 * is at least as high (RFC 5546 section 2.1.4), so an export must raise it when a session
 * changed.  struct ics_state remembers, per conference, each exported session's content hash
 * and sequence; it is kept in $XDG_DATA_HOME/planner/<conference-id>.exported (one line per
 * session, written atomically), and lost state only means sequences start again at 0.
 */
#ifndef PLANNER_ICS_H
#define PLANNER_ICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "schedule.h"

struct plan_entry;

/* One VEVENT to write. */
struct ics_event {
	const struct session *se;          /* the session as the timetable has it now; NULL when
					    * the timetable no longer has it (planned is then set) */
	const struct plan_entry *planned;  /* how a planned session looked when it was planned;
					    * NULL outside a plan export */
	bool cancelled;                    /* a planned session the timetable dropped or unscheduled:
					    * STATUS:CANCELLED at its planned time and room */
	const struct session *alternative; /* the plan's "room full?" alternative; may be NULL */
	bool departed;                     /* a session an earlier plan export had that left the
					    * plan: STATUS:CANCELLED as it was last exported (planned
					    * holds that; se is NULL) */
};

struct ics_options {
	const char *calname;    /* X-WR-CALNAME; NULL: the conference name */
	bool utc;               /* DTSTART/DTEND in UTC ("...Z") and no VTIMEZONE (for calcurse) */
	int alarm;              /* a VALARM this many seconds before the start; -1: none */
	int64_t now;            /* DTSTAMP, seconds since the epoch */
	bool plan;              /* a plan export: its sessions are marked in the state (planned), so
				 * that later plan exports cancel them once they leave the plan */
};

void ics_options_init(struct ics_options *o); /* alarm 600 (10 minutes), now = the current time */

/* Parses an --alarm value: "none", or a whole number with a unit — s, m, h or d (seconds,
 * minutes, hours, days: "90s", "10m", "1h", "1d") — or a sum of them ("1h30m"); a number alone
 * is minutes.  At most 7 days.  *seconds gets -1 for "none".  0, or -1 with error() set
 * (EX_USAGE) naming the value. */
int ics_alarm_parse(const char *arg, int *seconds);

/* The SEQUENCE memory of one conference: each exported session's content hash and sequence, and
 * for those a plan export wrote, how they were written, so that an event that left the plan can
 * be written once more, cancelled (RFC 5545 section 3.8.1.11). */
struct ics_seen {
	char *id;               /* session id */
	uint64_t hash;          /* of everything the VEVENT says but DTSTAMP and SEQUENCE */
	int sequence;
	bool planned;           /* written by a plan export (then kept: once it leaves the plan,
				 * every plan export writes it cancelled) */
	bool cancelled;         /* last written with STATUS:CANCELLED */
	int64_t start, end;     /* as last written; 0 and 0 when not known (a version 1 file) */
	char *summary, *location; /* as last written, or NULL when not known */
};

struct ics_state {
	struct ics_seen *v;     /* sorted by id */
	size_t n, alloc;
	bool dirty;             /* changed since loaded */
	/* The last plan export written to a file (`planner update` writes the next one there):
	 * its absolute path (NULL: none yet), whether in UTC, its alarm (seconds, -1 none). */
	char *output;
	bool output_utc;
	int output_alarm;
};

/* Records the file a plan export was just written to (an absolute path), with its options. */
void ics_state_set_output(struct ics_state *st, const char *path, bool utc, int alarm);

void ics_state_init(struct ics_state *st);
void ics_state_release(struct ics_state *st);
/* $XDG_DATA_HOME/planner/<conference-id>.exported, or with `member` (planner team) that member's
 * beside their plan.  Caller frees; NULL with error() set when no data directory can be found. */
char *ics_state_path(const char *conf_id, const char *member);
/* Reads a state file.  0; 1 when there is none (st stays empty); -1 with error() set (EX_DATAERR
 * naming the file and line) when it is damaged, st then empty; EX_IOERR when it cannot be read. */
int ics_state_load(struct ics_state *st, const char *path);
/* Writes it atomically (temp file, fsync, rename; the directory is created).  -1 with error(). */
int ics_state_save(const struct ics_state *st, const char *path);
/* Takes the lock of the state file at path ("<path>.lock", its directory created), waiting up
 * to ICS_STATE_LOCK_SECONDS for another export (fsutil.h: lock_file).  Returns the lock's
 * descriptor for lock_release(), or -1 with error() set (EX_TEMPFAIL when held longer). */
#define ICS_STATE_LOCK_SECONDS 10
int ics_state_lock(const char *path);
/* The sequence recorded for session id, or -1. */
int ics_state_sequence(const struct ics_state *st, const char *id);

/* The VCALENDAR of events ev[0..n) of timetable s (n >= 1), CRLF line ends, folded at 75
 * octets.  Times are in the conference zone with its VTIMEZONE, but for events that end after
 * 2582-12-30 (TZ_RULES_LAST_YEAR, tz.h), which are written in UTC, as all are with o->utc.
 * With st non-NULL, each event's SEQUENCE is its recorded one, plus one when its content
 * changed since (0 for a new one), and st is updated; with st NULL every SEQUENCE is 0.  0 with
 * *out (caller frees; *len its length), or -1 with error() set. */
int ics_calendar(const struct schedule *s, const struct ics_event *ev, size_t n,
		 const struct ics_options *o, struct ics_state *st, char **out, size_t *len);

/* The calendar object resource of event e for a CalDAV calendar (RFC 4791 section 4.1): one
 * VCALENDAR as ics_calendar() writes it for e alone — the same UID, SEQUENCE (st as there) and
 * VTIMEZONE — without METHOD and the X-WR- calendar properties.  *hash gets the hash of its
 * content but DTSTAMP and SEQUENCE (the one the SEQUENCE memory keeps): a different hash is a
 * changed event.  0 with *out (caller frees; *len its length), or -1 with error() set. */
int ics_object(const struct schedule *s, const struct ics_event *e, const struct ics_options *o,
	       struct ics_state *st, char **out, size_t *len, uint64_t *hash);

/* "<session-id>@<conference-id>.planner", control and BiDi characters of either as %XX.  Caller
 * frees. */
char *ics_uid(const char *conf_id, const char *session_id);

#endif
