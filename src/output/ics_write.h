/* ics_write.h: the iCalendar text (RFC 5545) of a calendar's own properties, its VEVENTs and
 * their VALARMs, written directly from what ics.c made of each event — byte for byte what
 * libical 3.0.16 writes for the components ics.c once built with it (its folding, escaping and
 * property order, quirks included), without building them: that took most of an export's time.
 * tests/unit/test_ics_write.c checks the equality against libical itself.  What ics.c and that
 * test share; not for other modules. */
#ifndef PLANNER_ICS_WRITE_H
#define PLANNER_ICS_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "schedule.h"
#include "tz.h"
#include "util.h"

/* What one VEVENT says. */
struct ics_vevent {
	const char *id;         /* the session id (the UID is made of it) */
	const char *summary, *location, *url, *alarm_text; /* borrowed or in owned; url, alarm_text
							    * may be NULL (no URL, no VALARM) */
	char *description;      /* owned */
	struct strlist categories; /* owned, one category each */
	struct strlist owned;   /* strings made for this event, freed with it */
	int64_t start, end;
	struct civil local_start, local_end; /* in the conference zone */
	bool cancelled;
	int alarm;              /* with alarm_text: the VALARM goes off this many seconds before */
};

/* The text being written: a buffer that grows, and a scratch line. */
struct ics_writer {
	struct strbuf out;      /* the text so far (ics_writer_release frees it; strbuf_detach
				 * hands it over) */
	struct strbuf line;     /* one content line before it is folded */
};

/* An empty writer. */
void ics_writer_init(struct ics_writer *w);
void ics_writer_release(struct ics_writer *w);

/* BEGIN:VCALENDAR and the calendar's properties (sections 3.4, 3.7): PRODID, VERSION,
 * CALSCALE and, when calname is not NULL, METHOD:PUBLISH, X-WR-CALNAME:calname and
 * X-WR-TIMEZONE:zone. */
void ics_write_calendar_begin(struct ics_writer *w, const char *calname, const char *zone);
/* END:VCALENDAR. */
void ics_write_calendar_end(struct ics_writer *w);
/* The VEVENT of v (section 3.6.1), with its VALARM: UID uid, DTSTAMP dtstamp (seconds since
 * the epoch, in UTC), SEQUENCE sequence, DTSTART and DTEND in the zone named tzid (its local
 * times are v->local_start and v->local_end) or, with tzid NULL, in UTC. */
void ics_write_vevent(struct ics_writer *w, const struct ics_vevent *v, const char *uid,
		      int64_t dtstamp, int sequence, const char *tzid);

#endif
