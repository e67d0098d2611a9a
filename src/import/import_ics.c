/* import_ics.c: iCalendar feeds (RFC 5545) through libical: each VEVENT becomes a session —
 * UID the id, SUMMARY the title, DESCRIPTION the abstract, LOCATION the room, CATEGORIES the
 * tags, the CN of each ATTENDEE a speaker, URL the url.  DTSTART/DTEND (or DURATION) may be UTC,
 * floating (read in the conference zone), or carry a TZID: defined by a VTIMEZONE in the file
 * (whose offsets are used), else looked up in the system zone database.  The conference zone is
 * X-WR-TIMEZONE, else the first TZID, else the timezone option, else UTC with a warning; the
 * name is X-WR-CALNAME.  What real feeds get wrong is forgiven with one warning each: METHOD
 * inside a VEVENT, a missing LOCATION, malformed lines (which libical turns into X-LIC-ERROR),
 * an unknown TZID, a VEVENT not directly inside a VCALENDAR (not read).  A recurring event keeps
 * its first occurrence only (an RRULE is never expanded); all-day events have no usable time and
 * are kept unscheduled.  An event with a DATE-TIME DTSTART and no DTEND or DURATION takes no time
 * (it ends when it starts, RFC 5545 3.6.1): a session at an instant.
 *
 * Bounds (README.md, "Limits"), checked before libical spends the memory or time: content lines,
 * parameters, events, and the values of list properties (libical makes a property of each); the
 * CATEGORIES of one event; and a VTIMEZONE's rules, which libical expands into a table of every
 * change from the rule's DTSTART on: only yearly rules, offsets within 18 hours, and a bounded
 * number of years and changes in all. */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <libical/ical.h>

#include "import.h"
#include "text.h"
#include "tz.h"
#include "util.h"

/* libical 3.0 makes at most this many properties of one list line ("CATEGORIES:a,b,..."); the
 * rest of the line is dropped without a word, so longer lines are split before it reads them. */
#define LIBICAL_MAX_VALUES 500
/* A VTIMEZONE's offsets (RFC 5545 section 3.3.14 allows up to 23:59:59; real ones are within
 * 14 hours), and what the VTIMEZONEs the events use may cost libical (check_observance): the
 * years it steps through for their RRULEs, and the changes they make up to the last year the
 * events need.  A real zone's rules come to hundreds of years and a few thousand changes. */
#define ZONE_MAX_OFFSET (18 * 3600)
#define ZONE_MAX_YEARS 20000u
#define ZONE_MAX_CHANGES 50000u
/* VTIMEZONEs in a file: libical keeps them in an array it searches and shifts for each one it
 * frees, so that 50 000 of them took 11 seconds to free. */
#define ICS_MAX_ZONES 1000u

/* What the file's VTIMEZONEs cost so far (check_zones), in all its calendars. */
struct zone_cost {
	int horizon;		/* the last year libical expands the current calendar's to */
	size_t years, changes;
};

struct ics {
	icalcomponent *cal;		/* the VCALENDAR being read */
	size_t method, no_location, recurring, lic_errors, unknown_tzid;
	char first_lic_error[160], first_unknown_tzid[80];
	char *declared;			/* the conference zone the file names, if any */
	/* the last TZID looked up in the zone database, and what it gave */
	char *last_tzid;
	const struct tz *last_zone;
	/* VEVENTs not read (not directly inside a VCALENDAR); the first one's position */
	size_t unread;
	char first_unread[160];
	struct zone_cost zones;
};

/* A zone for a TZID that no VTIMEZONE defines: the name itself, or the part after a prefix
 * such as "/freeassociation.sourceforge.net/" ("/.../Europe/Berlin" is Europe/Berlin). */
static const struct tz *zone_for_tzid(struct ics *x, const char *tzid)
{
	const struct tz *z = NULL;

	if (x->last_tzid && !strcmp(x->last_tzid, tzid))
		return x->last_zone;
	for (const char *p = tzid; p && *p && !z; p = strchr(p, '/') ? strchr(p, '/') + 1 : NULL) {
		z = tz_get(p);
		if (!z)
			error_clear();
	}
	free(x->last_tzid);
	x->last_tzid = xstrdup(tzid);
	x->last_zone = z;
	return z;
}

/* The zone a TZID names, for the conference: an IANA name we can look up, or NULL. */
static void note_declared(struct ics *x, const char *tzid)
{
	const struct tz *z;

	if (x->declared || !tzid)
		return;
	z = zone_for_tzid(x, tzid);
	if (z)
		x->declared = xstrdup(tz_name(z));
}

static void civil_of(const struct icaltimetype *tt, struct civil *c)
{
	c->year = tt->year;
	c->month = tt->month;
	c->day = tt->day;
	c->hour = tt->hour;
	c->minute = tt->minute;
	c->second = tt->second;
}

/* "session "UID": " for a message about an event, the UID made inert and cut; "an event: "
 * without one.  Caller frees. */
static char *session_who(const char *uid)
{
	char *head, *clean, *cut, *who;

	if (!uid || !*uid)
		return xstrdup("an event: ");
	head = xstrndup(uid, strnlen(uid, 200));
	clean = text_sanitize(head);
	cut = text_truncate(clean, 60);
	who = xasprintf("session \"%s\": ", cut);
	free(cut);
	free(clean);
	free(head);
	return who;
}

/* A zone's TZID for a message, made inert and cut.  Caller frees. */
static char *zone_label(const char *tzid)
{
	char *clean = text_sanitize(tzid ? tzid : ""), *cut = text_truncate(clean, 60);

	free(clean);
	return cut;
}

/* t set to the last second of `year` (its other fields kept). */
static void year_end(struct icaltimetype *t, int year)
{
	t->year = year;
	t->month = 12;
	t->day = 31;
	t->hour = 23;
	t->minute = 59;
	t->second = 59;
}

/* Reads a DTSTART/DTEND property into a point.  0, 1 for an all-day date, -1 if unusable. */
static int read_point(struct ics *x, icalproperty *prop, struct icaltimetype tt, struct point *p)
{
	icalparameter *param = icalproperty_get_first_parameter(prop, ICAL_TZID_PARAMETER);
	const char *tzid = param ? icalparameter_get_tzid(param) : NULL;

	if (icaltime_is_null_time(tt) || !civil_date_valid(tt.year, tt.month, tt.day))
		return -1;
	civil_of(&tt, &p->c);
	p->zone = NULL;
	p->offset = 0;
	p->derived = false;
	if (tt.is_date)
		return 1;
	if (icaltime_is_utc(tt)) {
		p->kind = POINT_OFFSET;
		return 0;
	}
	p->kind = POINT_FLOATING;
	if (!tzid)
		return 0;
	{
		icaltimezone *vz = icalcomponent_get_timezone(x->cal, tzid);

		if (vz) {
			/* the file's own definition: its offset for this local time; past the last
			 * year of libical's table that of its last change (tz.h), asked as such so
			 * that libical does not expand the rules again (see check_zones) */
			int dst = 0;
			struct icaltimetype q = tt;

			if (q.year > TZ_RULES_LAST_YEAR)
				year_end(&q, TZ_RULES_LAST_YEAR);
			p->kind = POINT_OFFSET;
			p->offset = icaltimezone_get_utc_offset(vz, &q, &dst);
			p->derived = true;
			note_declared(x, tzid);
			return 0;
		}
	}
	p->zone = zone_for_tzid(x, tzid);
	if (p->zone) {
		p->kind = POINT_ZONE;
		note_declared(x, tzid);
	} else if (!x->unknown_tzid++) {
		char *clean = text_sanitize(tzid), *cut = text_truncate(clean, 60);
		snprintf(x->first_unknown_tzid, sizeof(x->first_unknown_tzid), "%s", cut);
		free(cut);
		free(clean);
	}
	return 0;
}

static void note_lic_errors(struct ics *x, icalcomponent *c)
{
	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
	     p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
		if (!x->lic_errors++) {
			const char *msg = icalproperty_get_xlicerror(p);
			char *clean = text_sanitize(msg ? msg : "?"), *cut = text_truncate(clean, 100);
			snprintf(x->first_lic_error, sizeof(x->first_lic_error), "%s", cut);
			free(cut);
			free(clean);
		}
	}
}

static void read_times(struct importer *im, struct ics *x, icalcomponent *ev, size_t i)
{
	struct import_time *t = &im->times[i];
	icalproperty *ps = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
	icalproperty *pe = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY);
	icalproperty *pd = icalcomponent_get_first_property(ev, ICAL_DURATION_PROPERTY);
	int r;

	if (!ps) {
		import_bad_time(im, i, "no DTSTART");
		return;
	}
	r = read_point(x, ps, icalproperty_get_dtstart(ps), &t->start);
	if (r < 0) {
		import_bad_time(im, i, "bad DTSTART");
		return;
	}
	if (r > 0) {
		import_bad_time(im, i, "an all-day event");
		return;
	}
	if (pe) {
		if (read_point(x, pe, icalproperty_get_dtend(pe), &t->end) != 0) {
			import_bad_time(im, i, "bad DTEND");
			return;
		}
		t->has_end = true;
	} else if (pd) {
		struct icaldurationtype d = icalproperty_get_duration(pd);

		if (icaldurationtype_is_bad_duration(d) || icaldurationtype_as_int(d) < 0) {
			import_bad_time(im, i, "bad DURATION");
			return;
		}
		t->seconds = icaldurationtype_as_int(d);
	} else {
		/* RFC 5545 3.6.1: a DATE-TIME DTSTART without DTEND or DURATION ends when it
		 * starts ("Friday Night Social, 18:30") */
		t->seconds = 0;
	}
	t->set = true;
}

static int read_event(struct importer *im, struct ics *x, icalcomponent *ev)
{
	long n = import_add_session(im);
	size_t i = (size_t)n, ncat;
	struct session *se;
	const char *uid = icalcomponent_get_uid(ev), *text;
	icalproperty *p;
	struct name_index seen;

	if (n < 0)
		return -1;
	se = &im->s->sessions[i];

	note_lic_errors(x, ev);
	if (uid && *uid) {
		icalproperty *rid = icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY);
		icalproperty *st = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
		const char *when = rid ? icalproperty_get_value_as_string(rid)
				 : st ? icalproperty_get_value_as_string(st) : NULL;

		im->ids[i].primary = xstrdup(uid);
		if (when)
			im->ids[i].secondary = xasprintf("%s@%s", uid, when);
	}
	text = icalcomponent_get_summary(ev);
	se->title = xstrdup(text && *text ? text : "(no title)");
	text = icalcomponent_get_description(ev);
	if (text && *text)
		se->abstract = xstrdup(text);
	text = icalcomponent_get_location(ev);
	if (text && *text)
		import_session_room(im, i, import_room(im, text));
	else
		x->no_location++;
	p = icalcomponent_get_first_property(ev, ICAL_URL_PROPERTY);
	if (p && (text = icalproperty_get_url(p)) && *text)
		se->url = xstrdup(text);
	/* section 3.8.1.2: CATEGORIES may occur more than once, each a list; libical gives one
	 * property per value.  check_size() refused an event with more than LOAD_MAX_LIST values;
	 * this counts what libical really made of them. */
	ncat = (size_t)icalcomponent_count_properties(ev, ICAL_CATEGORIES_PROPERTY);
	if (ncat > LOAD_MAX_LIST) {
		char *who = session_who(uid);
		int ret = error(EX_DATAERR, "%s: %sCATEGORIES has %zu entries; planner reads at most %u",
				im->name, who, ncat, LOAD_MAX_LIST);
		free(who);
		return ret;
	}
	name_index_init(&seen);
	for (p = icalcomponent_get_first_property(ev, ICAL_CATEGORIES_PROPERTY); p;
	     p = icalcomponent_get_next_property(ev, ICAL_CATEGORIES_PROPERTY)) {
		text = icalproperty_get_categories(p);	/* lives as long as ev: the index borrows it */
		if (text && *text && name_index_get(&seen, text) < 0) {
			name_index_put(&seen, text, se->tags.n);
			strlist_push(&se->tags, text);
		}
	}
	name_index_release(&seen);
	for (p = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY); p;
	     p = icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY)) {
		icalparameter *cn = icalproperty_get_first_parameter(p, ICAL_CN_PARAMETER);
		text = cn ? icalparameter_get_cn(cn) : NULL;
		if (text && *text)
			strlist_push(&se->speakers, text);
	}
	if (icalcomponent_get_first_property(ev, ICAL_METHOD_PROPERTY))
		x->method++;
	if (icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY) ||
	    icalcomponent_get_first_property(ev, ICAL_RDATE_PROPERTY))
		x->recurring++;
	read_times(im, x, ev, i);
	return 0;
}

/* The value of the calendar's X- property `name`, or NULL (borrowed). */
static const char *x_property(icalcomponent *cal, const char *name)
{
	for (icalproperty *p = icalcomponent_get_first_property(cal, ICAL_X_PROPERTY); p;
	     p = icalcomponent_get_next_property(cal, ICAL_X_PROPERTY)) {
		const char *xn = icalproperty_get_x_name(p), *v;
		if (xn && !strcasecmp(xn, name) && (v = icalproperty_get_x(p)) && *v)
			return v;
	}
	return NULL;
}

/* Fails with "NAME: time zone "TZID": MESSAGE". */
static int zone_error(struct importer *im, const char *tzid, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int zone_error(struct importer *im, const char *tzid, const char *fmt, ...)
{
	char msg[300], *zone = zone_label(tzid);
	va_list ap;
	int ret;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ret = error(EX_DATAERR, "%s: time zone \"%s\": %s", im->name, zone, msg);
	free(zone);
	return ret;
}

/*
 * One STANDARD or DAYLIGHT observance of zone tzid (RFC 5545 section 3.6.5): its offsets within
 * ZONE_MAX_OFFSET (sections 3.8.3.3, 3.8.3.4) and its RRULEs yearly (section 3.3.10: zones change
 * a few times a year at most).  When the events use the zone (used), its changes are counted as
 * libical's expansion makes them — DTSTART, each RDATE, each occurrence of each RRULE up to the
 * horizon — and the years libical steps through for them: from DTSTART to the horizon, and for
 * each RRULE at least 400, as finding the first occurrence can take that long (the Gregorian
 * calendar repeats every 400 years).  A rule libical finds no occurrence of is refused: it
 * searches up to the year 20000 for one first, a fifth of a second each time.
 */
static int check_observance(struct importer *im, const char *tzid, icalcomponent *obs, bool used,
			    struct zone_cost *zc)
{
	icalproperty *ds = icalcomponent_get_first_property(obs, ICAL_DTSTART_PROPERTY);
	struct icaltimetype dtstart = ds ? icalproperty_get_dtstart(ds) : icaltime_null_time();
	bool has_rrule = false;

	for (icalproperty *p = icalcomponent_get_first_property(obs, ICAL_ANY_PROPERTY); p;
	     p = icalcomponent_get_next_property(obs, ICAL_ANY_PROPERTY)) {
		icalproperty_kind pk = icalproperty_isa(p);
		struct icalrecurrencetype r;
		icalrecur_iterator *it;
		int end;
		size_t span;

		if (pk == ICAL_TZOFFSETFROM_PROPERTY || pk == ICAL_TZOFFSETTO_PROPERTY) {
			int off = pk == ICAL_TZOFFSETTO_PROPERTY ? icalproperty_get_tzoffsetto(p)
								  : icalproperty_get_tzoffsetfrom(p);
			long a = off < 0 ? -(long)off : off;

			if (a > ZONE_MAX_OFFSET)
				return zone_error(im, tzid, "%s is %c%02ld:%02ld; planner reads offsets "
						  "from -18:00 to +18:00",
						  pk == ICAL_TZOFFSETTO_PROPERTY ? "TZOFFSETTO" : "TZOFFSETFROM",
						  off < 0 ? '-' : '+', a / 3600, a / 60 % 60);
			continue;
		}
		if (pk == ICAL_RDATE_PROPERTY) {
			zc->changes += used;
			continue;
		}
		if (pk != ICAL_RRULE_PROPERTY)
			continue;
		has_rrule = true;
		r = icalproperty_get_rrule(p);
		if (r.freq != ICAL_YEARLY_RECURRENCE) {
			const char *f = icalrecur_freq_to_string(r.freq);

			return zone_error(im, tzid, "RRULE FREQ=%s; planner reads only FREQ=YEARLY "
					  "time-zone rules", f ? f : "?");
		}
		/* libical ignores an observance without a DTSTART, and makes no iterator for one
		 * past its last year */
		if (!used || icaltime_is_null_time(dtstart) || dtstart.year > TZ_RULES_LAST_YEAR)
			continue;
		zc->changes++;		/* libical adds DTSTART itself */
		end = zc->horizon;
		if (!icaltime_is_null_time(r.until) && r.until.year < end)
			end = r.until.year;
		span = end >= dtstart.year ? (size_t)(end - dtstart.year) + 1 : 0;
		zc->years += span / (size_t)(r.interval > 1 ? r.interval : 1) + 400;
		if (zc->years > ZONE_MAX_YEARS)
			return zone_error(im, tzid, "the time-zone rules the events use span more than "
					  "%u years (from each DTSTART to %d, at least 400 each); planner "
					  "reads at most %u", ZONE_MAX_YEARS, zc->horizon, ZONE_MAX_YEARS);
		it = icalrecur_iterator_new(r, dtstart);
		if (!it) {
			char *rule = icalrecurrencetype_as_string_r(&r);
			char *clean = text_sanitize(rule ? rule : "?"), *cut = text_truncate(clean, 100);
			int ret = zone_error(im, tzid, "RRULE %s never occurs; planner reads only rules "
					     "that do", cut);

			free(cut);
			free(clean);
			free(rule);
			return ret;
		}
		/* the changes, as libical's expansion makes them */
		while (zc->changes <= ZONE_MAX_CHANGES) {
			struct icaltimetype occ = icalrecur_iterator_next(it);

			if (icaltime_is_null_time(occ) || occ.year > zc->horizon)
				break;
			if (icaltime_compare(occ, dtstart))
				zc->changes++;
		}
		icalrecur_iterator_free(it);
		if (zc->changes > ZONE_MAX_CHANGES)
			break;
	}
	if (used && !has_rrule && !icaltime_is_null_time(dtstart))
		zc->changes++;
	if (zc->changes > ZONE_MAX_CHANGES)
		return zone_error(im, tzid, "the time zones the events use change more than %u times "
				  "up to %d; planner reads at most %u", ZONE_MAX_CHANGES, zc->horizon,
				  ZONE_MAX_CHANGES);
	return 0;
}

/* The TZID of VTIMEZONE vtz, or NULL (borrowed). */
static const char *vtimezone_tzid(icalcomponent *vtz)
{
	icalproperty *tp = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);

	return tp ? icalproperty_get_tzid(tp) : NULL;
}

/* The TZID parameter of property p, or NULL (borrowed). */
static const char *tzid_of(icalproperty *p)
{
	icalparameter *param = p ? icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER) : NULL;

	return param ? icalparameter_get_tzid(param) : NULL;
}

/*
 * The VTIMEZONEs of calendar cal (RFC 5545 section 3.6.5), through which DTSTART;TZID=... is
 * read.  libical turns a zone into a table of every change from each observance's DTSTART up to
 * a few years past the latest year asked about (tz.h): an RRULE of FREQ=MINUTELY from the year 1
 * made that table gigabytes, and yearly rules can still take it seconds.  So before any time is
 * read, every observance is checked (check_observance) and, for the zones the events use, what
 * libical will do is counted, within ZONE_MAX_YEARS and ZONE_MAX_CHANGES for the whole file
 * (all its calendars).
 * Then each of those zones is expanded once, to the last year it is needed for, so that libical
 * never expands it again (it would, from the start, for each later year asked about).  0, or -1
 * with error() set.
 */
static int check_zones(struct importer *im, struct ics *x, icalcomponent *cal)
{
	int maxyear = icaltime_today().year;
	struct zone_cost *zc = &x->zones;
	struct name_index used;
	struct icaltimetype last = icaltime_null_time();
	int ret = 0;

	/* the zones the events name, and the latest year they ask about (read_point asks about
	 * TZ_RULES_LAST_YEAR for anything later) */
	name_index_init(&used);
	for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		icalproperty *ps = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
		icalproperty *pe = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY);
		const char *t;

		if (ps && icalproperty_get_dtstart(ps).year > maxyear)
			maxyear = icalproperty_get_dtstart(ps).year;
		if (pe && icalproperty_get_dtend(pe).year > maxyear)
			maxyear = icalproperty_get_dtend(pe).year;
		if ((t = tzid_of(ps)))
			name_index_put(&used, t, 0);
		if ((t = tzid_of(pe)))
			name_index_put(&used, t, 0);
	}
	if (maxyear > TZ_RULES_LAST_YEAR)
		maxyear = TZ_RULES_LAST_YEAR;
	/* what libical expands to when asked about maxyear: 5 years more, at most its last */
	zc->horizon = maxyear + 5 > TZ_RULES_LAST_YEAR ? TZ_RULES_LAST_YEAR : maxyear + 5;

	for (icalcomponent *vtz = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
	     vtz && !ret; vtz = icalcomponent_get_next_component(cal, ICAL_VTIMEZONE_COMPONENT)) {
		const char *tzid = vtimezone_tzid(vtz);
		bool in_use = tzid && name_index_get(&used, tzid) >= 0;

		/* libical reads the STANDARD and DAYLIGHT directly inside the VTIMEZONE only */
		for (icalcomponent *obs = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT);
		     obs && !ret; obs = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT)) {
			icalcomponent_kind kind = icalcomponent_isa(obs);

			if (kind == ICAL_XSTANDARD_COMPONENT || kind == ICAL_XDAYLIGHT_COMPONENT)
				ret = check_observance(im, tzid, obs, in_use, zc);
		}
	}

	/* expand each zone in use once, to the horizon */
	year_end(&last, maxyear);
	for (icalcomponent *vtz = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
	     vtz && !ret; vtz = icalcomponent_get_next_component(cal, ICAL_VTIMEZONE_COMPONENT)) {
		const char *tzid = vtimezone_tzid(vtz);
		icaltimezone *z = tzid && name_index_get(&used, tzid) >= 0 ?
				  icalcomponent_get_timezone(cal, tzid) : NULL;

		if (z)
			(void)icaltimezone_get_utc_offset(z, &last, NULL);
	}
	name_index_release(&used);
	return ret;
}

static int read_calendar(struct importer *im, struct ics *x, icalcomponent *cal,
			  char **calname)
{
	const char *v;

	x->cal = cal;
	note_lic_errors(x, cal);
	if (check_zones(im, x, cal) < 0)
		return -1;
	if (!*calname && (v = x_property(cal, "X-WR-CALNAME")))
		*calname = xstrdup(v);
	if (!x->declared && (v = x_property(cal, "X-WR-TIMEZONE"))) {
		const struct tz *z = zone_for_tzid(x, v);
		x->declared = xstrdup(z ? tz_name(z) : v);
	}
	for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		if (read_event(im, x, ev) < 0)
			return -1;
	return 0;
}

/* libical's line generator for icalparser_parse(): like fgets() on the text.  (libical's own
 * string parser searches for the end of the line again for every 80-byte piece of it, which
 * makes a long line quadratic: a 2 MB line took seconds.) */
struct text_reader {
	const char *p, *end;
};

static char *read_piece(char *out, size_t size, void *data)
{
	struct text_reader *r = data;
	size_t n = (size_t)(r->end - r->p);
	const char *nl;

	if (!n || size < 2)
		return NULL;
	if (n > size - 1)
		n = size - 1;
	nl = memchr(r->p, '\n', n);
	if (nl)
		n = (size_t)(nl - r->p) + 1;
	memcpy(out, r->p, n);
	out[n] = '\0';
	r->p += n;
	return out;
}

/*
 * Parses the text (NUL-free) with libical; NULL when no component could be read.  libical writes
 * "icalparser.c:NNN: Encountered END before BEGIN" to standard error itself for an END with no
 * component open (and ignores the line); when the scan found such a line (`quiet`), planner has
 * said so in its own words, and standard error is pointed at /dev/null while libical reads.
 */
static icalcomponent *parse_text(const char *buf, size_t len, bool quiet)
{
	struct text_reader r = { buf, buf + len };
	icalparser *parser = icalparser_new();
	icalerrorstate es = icalerror_get_error_state(ICAL_MALFORMEDDATA_ERROR);
	icalcomponent *c;
	int saved = -1, null = -1;

	if (quiet) {
		fflush(stderr);
		saved = dup(STDERR_FILENO);
		null = open("/dev/null", O_WRONLY | O_CLOEXEC);
		if (saved >= 0 && null >= 0)
			dup2(null, STDERR_FILENO);
	}
	icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, ICAL_ERROR_NONFATAL);
	icalparser_set_gen_data(parser, &r);
	c = icalparser_parse(parser, read_piece);
	icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, es);
	icalparser_free(parser);
	if (saved >= 0) {
		fflush(stderr);
		dup2(saved, STDERR_FILENO);
		close(saved);
	}
	if (null >= 0)
		close(null);
	return c;
}

/* The line number of byte offset `at` of the text. */
static size_t line_of(const struct importer *im, size_t at)
{
	size_t line = 1;

	for (size_t i = 0; i < at && i < im->len; i++)
		line += im->buf[i] == '\n';
	return line;
}

/* "NAME:LINE:COL" of byte offset `at` of the text. */
static int fail_at(struct importer *im, size_t at, const char *msg)
{
	int line = 1, col = 1;

	for (size_t i = 0; i < at && i < im->len; i++) {
		if (im->buf[i] == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)im->buf[i] & 0xC0) != 0x80) {
			col++;
		}
	}
	return error(EX_DATAERR, "%s:%d:%d: %s", im->name, line, col, msg);
}

/* ---- The text, before libical reads it ---- */

/* The length of the fold at p (a line break, CRLF or LF, and one space or tab: RFC 5545
 * section 3.1), or 0. */
static size_t fold_at(const unsigned char *p, size_t n)
{
	if (n >= 3 && p[0] == '\r' && p[1] == '\n' && (p[2] == ' ' || p[2] == '\t'))
		return 3;
	if (n >= 2 && p[0] == '\n' && (p[1] == ' ' || p[1] == '\t'))
		return 2;
	return 0;
}

/*
 * Whether the text is valid UTF-8 once unfolded, as libical reads it: producers that fold by
 * octet count cut a multi-byte character in two across a fold, which unfolding mends.  The
 * text is checked as it is, and only a character the check stops at is put together again
 * across folds.  On failure *bad is the offset of the first byte of the bad character.
 */
static bool valid_utf8_unfolded(const char *buf, size_t len, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)buf;
	size_t i = 0, at;

	while (i < len) {
		unsigned char c[4];
		size_t need, k = 0, j;

		if (text_valid_utf8(buf + i, len - i, &at))
			return true;
		i += at;
		need = p[i] >= 0xF0 ? 4 : p[i] >= 0xE0 ? 3 : p[i] >= 0xC0 ? 2 : 1;
		for (j = i; j < len && k < need;) {
			size_t f = k ? fold_at(p + j, len - j) : 0;

			if (f) {
				j += f;
				continue;
			}
			c[k++] = p[j++];
		}
		if (k < need || need == 1 || !text_valid_utf8((const char *)c, need, NULL)) {
			*bad = i;
			return false;
		}
		i = j;
	}
	return true;
}

/* The end of the content line that starts at p: after its line break, across folds (a line
 * break followed by a space or a tab, RFC 5545 section 3.1). */
static const char *content_line_end(const char *p, const char *end)
{
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		if (!nl)
			return end;
		p = nl + 1;
		if (p == end || (*p != ' ' && *p != '\t'))
			return p;
	}
	return end;
}

/*
 * Content line [s, e) unfolded as libical reads it: a line break with the CR before it and the
 * space or tab after it removed, and the white space at the end dropped.  Into sb (emptied
 * first), at most max bytes of it.
 */
static void unfold(struct strbuf *sb, const char *s, const char *e, size_t max)
{
	sb->len = 0;
	strbuf_add(sb, "", 0);	/* sb->buf is a string even when the line is empty */
	while (s < e && sb->len < max) {
		const char *nl = memchr(s, '\n', (size_t)(e - s)), *stop = nl ? nl : e;

		if (stop > s && stop[-1] == '\r' && nl)
			stop--;
		if ((size_t)(stop - s) > max - sb->len)
			stop = s + (max - sb->len);
		strbuf_add(sb, s, (size_t)(stop - s));
		if (!nl || nl + 1 >= e)
			break;
		s = nl + 2;	/* the fold's space or tab */
	}
	while (sb->len && strchr(" \t\r\n\v\f", sb->buf[sb->len - 1]))
		sb->buf[--sb->len] = '\0';
}

/* Where the value of an unfolded line starts (after the first ':' outside double quotes), or
 * NULL when it has none. */
static const char *value_of(const char *line)
{
	bool quoted = false;

	for (const char *p = line; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == ':' && !quoted)
			return p + 1;
	}
	return NULL;
}

/* True if the unfolded line's name (before the first ';' or ':') is `name`, in any case. */
static bool named(const char *line, const char *name)
{
	size_t n = strcspn(line, ";:");

	while (n && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		n--;
	return n == strlen(name) && !strncasecmp(line, name, n);
}

/* The properties libical splits into one property per value (RFC 5545 sections 3.8.1.2,
 * 3.8.1.10, 3.8.5.2, 3.8.5.1, 3.8.2.6). */
static bool is_list(const char *line)
{
	return named(line, "CATEGORIES") || named(line, "RESOURCES") || named(line, "RDATE") ||
	       named(line, "EXDATE") || named(line, "FREEBUSY");
}

/* libical 3.0's search for the next c in [p, end) outside double quotes (its
 * parser_get_next_char): the first byte is never taken, nor one after a backslash, and a double
 * quote after another byte opens or closes quotes.  NULL when there is none. */
static const char *lic_next_char(char c, const char *p, const char *end)
{
	bool quoted = false;
	char prev = '\0';

	for (; p < end; p++) {
		if (prev && prev != '\\') {
			if (*p == '"')
				quoted = !quoted;
			else if (*p == c && !quoted)
				return p;
		}
		prev = *p;
	}
	return NULL;
}

/*
 * The values libical 3.0 makes of a list (its parser_get_next_value): what is left is one value
 * when it starts and ends with a double quote; else it ends at the next comma lic_next_char()
 * finds, unless a backslash is just before that comma or three bytes before it (within the
 * line), when the search goes on after the comma.  `line` is the unfolded line and `v` its
 * value.  With cuts non-NULL, cuts[k] gets the offset in line of the comma that ends value
 * number (k + 1) * LIBICAL_MAX_VALUES.
 */
static size_t list_values(const char *line, const char *v, size_t *cuts)
{
	const char *end = v + strlen(v);
	size_t n = 0;

	while (v < end) {
		const char *p = v, *q;

		n++;
		if (*v == '"' && end[-1] == '"')
			break;
		while ((q = lic_next_char(',', p, end)) &&
		       (q[-1] == '\\' || (q - 3 >= line && q[-3] == '\\')))
			p = q + 1;
		if (!q)
			break;
		if (cuts && n % LIBICAL_MAX_VALUES == 0)
			cuts[n / LIBICAL_MAX_VALUES - 1] = (size_t)(q - line);
		v = q + 1;
	}
	return n;
}

/* An open VEVENT while scanning: its UID and categories. */
struct frame {
	size_t depth;		/* of the components open, this one included */
	char *uid;		/* the first UID, unfolded (at most 200 bytes) */
	size_t ncat;		/* CATEGORIES values */
	size_t cat_at;		/* offset of its first CATEGORIES line */
};

struct scan {
	size_t lines, params, events, values;	/* values: of list lines, past one a line */
	size_t zones;				/* VTIMEZONEs */
	size_t depth;				/* components open */
	size_t orphan_ends;			/* END lines with no component open */
	size_t orphan_at;			/* offset of the first */
	struct frame *frames;			/* the open VEVENTs, of the first LOAD_MAX_SESSIONS */
	size_t nframes, frames_alloc;
	size_t *split;		/* [start, end) offsets of the lines with more values than libical
				 * reads of one line, in pairs */
	size_t nsplit, split_alloc;
};

/* Refuses an event (a frame being closed) with more CATEGORIES than a session has tags. */
static int check_frame(struct importer *im, const struct frame *f)
{
	char msg[400], *who;

	if (f->ncat <= LOAD_MAX_LIST)
		return 0;
	who = session_who(f->uid);
	snprintf(msg, sizeof(msg), "%sCATEGORIES has %zu entries; planner reads at most %u", who,
		 f->ncat, LOAD_MAX_LIST);
	free(who);
	return fail_at(im, f->cat_at, msg);
}

static void scan_release(struct scan *sc)
{
	for (size_t i = 0; i < sc->nframes; i++)
		free(sc->frames[i].uid);
	free(sc->frames);
	free(sc->split);
}

/* The VEVENT that is the innermost open component, or NULL. */
static struct frame *open_event(struct scan *sc)
{
	struct frame *f = sc->nframes ? &sc->frames[sc->nframes - 1] : NULL;

	return f && f->depth == sc->depth ? f : NULL;
}

/*
 * Checks what libical would be given against the limits of load.h before it is: content lines,
 * parameters on a line (';' before the first ':', outside double quotes) and in the file, events
 * (BEGIN:VEVENT lines, as libical reads the name: in any case, and anything after it), the values
 * of list properties (libical makes a property of each), the CATEGORIES of each event, and the
 * VTIMEZONEs (ICS_MAX_ZONES).
 * libical's memory grows with properties and parameters (hundreds of bytes each), and its time
 * with the parameters of one line squared.  Components are followed as libical does: BEGIN opens
 * one, END closes the last open one whatever it names.  Notes in sc the lines whose values
 * libical would cut short.  Returns 0, or -1 with error() set.
 */
static int check_size(struct importer *im, struct scan *sc)
{
	const char *p = im->buf, *end = im->buf + im->len, *start;
	struct strbuf line;
	int ret = 0;

	strbuf_init(&line);
	for (; p < end && !ret; p = start) {
		const char *stop, *v;
		size_t here = 0;
		bool quoted = false;
		char head[16];

		start = p;
		stop = content_line_end(p, end);
		sc->lines++;
		/* parameters: ';' before the first ':' outside double quotes */
		for (; p < stop; p++) {
			if (*p == '"')
				quoted = !quoted;
			else if (*p == ':' && !quoted)
				break;
			else if (*p == ';' && !quoted)
				here++;
		}
		if (here > LOAD_MAX_ICS_PARAMS) {
			char msg[100];
			snprintf(msg, sizeof(msg), "a line with %zu parameters; planner reads at most %u",
				 here, LOAD_MAX_ICS_PARAMS);
			ret = fail_at(im, (size_t)(start - im->buf), msg);
			break;
		}
		sc->params += here;
		p = start;
		start = stop;

		/* the name decides what else to look at */
		unfold(&line, p, stop, sizeof(head) - 1);
		memcpy(head, line.buf, line.len + 1);
		if (named(head, "BEGIN")) {
			bool vevent;

			unfold(&line, p, stop, 64);
			v = line.buf + strcspn(line.buf, ";:");
			vevent = *v && !strncasecmp(v + 1, "VEVENT", 6);
			if (*v && !strncasecmp(v + 1, "VTIMEZONE", 9))
				sc->zones++;
			sc->depth++;
			/* past the most sessions the count alone matters: no memory for the rest */
			if (vevent && ++sc->events <= LOAD_MAX_SESSIONS) {
				struct frame *f;

				sc->frames = xgrow(sc->frames, sc->nframes + 1, &sc->frames_alloc,
						   sizeof(*sc->frames));
				f = &sc->frames[sc->nframes++];
				memset(f, 0, sizeof(*f));
				f->depth = sc->depth;
			}
		} else if (named(head, "END")) {
			struct frame *f = open_event(sc);

			if (f) {
				ret = check_frame(im, f);
				free(f->uid);
				sc->nframes--;
			}
			if (sc->depth)
				sc->depth--;
			else if (!sc->orphan_ends++)
				sc->orphan_at = (size_t)(p - im->buf);
		} else if (named(head, "UID")) {
			struct frame *f = open_event(sc);

			if (f && !f->uid) {
				unfold(&line, p, stop, 256);
				v = value_of(line.buf);
				f->uid = xstrndup(v ? v : "", v ? strnlen(v, 200) : 0);
			}
		} else if (is_list(head)) {
			size_t n;

			unfold(&line, p, stop, SIZE_MAX);
			if (!(v = value_of(line.buf)))
				continue;
			n = list_values(line.buf, v, NULL);
			if (n > 1)
				sc->values += n - 1;
			if (n > LIBICAL_MAX_VALUES) {
				sc->split = xgrow(sc->split, sc->nsplit + 2, &sc->split_alloc, sizeof(*sc->split));
				sc->split[sc->nsplit++] = (size_t)(p - im->buf);
				sc->split[sc->nsplit++] = (size_t)(stop - im->buf);
			}
			if (named(line.buf, "CATEGORIES") && open_event(sc)) {
				struct frame *f = open_event(sc);

				if (!f->ncat)
					f->cat_at = (size_t)(p - im->buf);
				f->ncat += n;
			}
		}
	}
	strbuf_release(&line);
	/* events left open at the end of the file */
	for (size_t i = sc->nframes; i-- > 0 && !ret;)
		ret = check_frame(im, &sc->frames[i]);
	if (ret < 0)
		return -1;
	if (import_check_sessions(im, sc->events) < 0)
		return -1;
	if (sc->lines > LOAD_MAX_ICS_LINES)
		return error(EX_DATAERR, "%s: %zu lines; planner reads at most %u", im->name, sc->lines,
			     LOAD_MAX_ICS_LINES);
	if (sc->params > LOAD_MAX_ICS_LINES)
		return error(EX_DATAERR, "%s: %zu parameters; planner reads at most %u", im->name,
			     sc->params, LOAD_MAX_ICS_LINES);
	if (sc->zones > ICS_MAX_ZONES)
		return error(EX_DATAERR, "%s: %zu VTIMEZONEs; planner reads at most %u", im->name,
			     sc->zones, ICS_MAX_ZONES);
	if (sc->lines + sc->values > LOAD_MAX_ICS_LINES)
		return error(EX_DATAERR, "%s: %zu lines and %zu more values in CATEGORIES, RESOURCES, "
			     "RDATE, EXDATE or FREEBUSY lists; planner reads at most %u in all",
			     im->name, sc->lines, sc->values, LOAD_MAX_ICS_LINES);
	return 0;
}

/*
 * The text with each list line that has more values than libical reads of one line written as
 * several lines of the same property and parameters, each with at most LIBICAL_MAX_VALUES of
 * them (RFC 5545 allows a list property to occur more than once).  Caller frees; *len its length.
 */
static char *split_lists(const struct importer *im, const struct scan *sc, size_t *len)
{
	struct strbuf out, line;
	size_t at = 0;

	strbuf_init(&out);
	strbuf_init(&line);
	for (size_t i = 0; i < sc->nsplit; i += 2) {
		const char *v;
		size_t n, *cuts, from, head;

		strbuf_add(&out, im->buf + at, sc->split[i] - at);
		at = sc->split[i + 1];
		unfold(&line, im->buf + sc->split[i], im->buf + at, SIZE_MAX);
		v = value_of(line.buf);
		head = (size_t)(v - line.buf);
		n = list_values(line.buf, v, NULL);
		cuts = xcalloc(n / LIBICAL_MAX_VALUES + 1, sizeof(*cuts));
		list_values(line.buf, v, cuts);
		/* each line but the last ends with the comma after its last value, so that libical
		 * reads every value as it would have in the one line, and nothing after it */
		from = head;
		for (size_t k = 0; k <= (n - 1) / LIBICAL_MAX_VALUES; k++) {
			size_t to = k < (n - 1) / LIBICAL_MAX_VALUES ? cuts[k] + 1 : line.len;

			strbuf_add(&out, line.buf, head);
			strbuf_add(&out, line.buf + from, to - from);
			strbuf_adds(&out, "\r\n");
			from = to;
		}
		free(cuts);
	}
	strbuf_add(&out, im->buf + at, im->len - at);
	strbuf_release(&line);
	*len = out.len;
	return strbuf_detach(&out);
}

/* The line of the k-th (from 1) BEGIN:VEVENT of the text, as check_size() counts them; 0 if
 * there is none. */
static size_t event_line(const struct importer *im, size_t k)
{
	const char *p = im->buf, *end = im->buf + im->len;
	struct strbuf line;
	size_t lineno = 1, found = 0;

	strbuf_init(&line);
	while (p < end) {
		const char *stop = content_line_end(p, end);

		unfold(&line, p, stop, 64);
		if (named(line.buf, "BEGIN")) {
			const char *v = line.buf + strcspn(line.buf, ";:");

			if (*v && !strncasecmp(v + 1, "VEVENT", 6) && ++found == k)
				break;
		}
		for (; p < stop; p++)
			lineno += *p == '\n';
	}
	strbuf_release(&line);
	return found == k ? lineno : 0;
}

/* True if c is a VCALENDAR that import_ics() reads: the file's, or one of several at its top. */
static bool read_calendar_of(icalcomponent *c, icalcomponent *root)
{
	if (!c || icalcomponent_isa(c) != ICAL_VCALENDAR_COMPONENT)
		return false;
	if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT)
		return c == root;
	return icalcomponent_get_parent(c) == root;
}

static const char *component_name(icalcomponent *c)
{
	const char *name = c ? icalcomponent_kind_to_string(icalcomponent_isa(c)) : NULL;

	return name && strcmp(name, "X") ? name : "component";
}

/*
 * Counts the VEVENTs that are not read (RFC 5545 section 3.6.1: a VEVENT holds only VALARMs,
 * and events are the components of a calendar), and notes where the first one is: a VEVENT
 * inside another would otherwise vanish without a word.  Walks every component of the tree in
 * the order of their BEGIN lines.
 */
static void find_unread(struct importer *im, struct ics *x, icalcomponent *root, size_t events)
{
	icalcomponent *c = root;
	size_t k = 0, first = 0;
	char where[120] = "";

	while (c) {
		icalcomponent *next;

		if (icalcomponent_isa(c) == ICAL_VEVENT_COMPONENT) {
			icalcomponent *parent = icalcomponent_get_parent(c);

			k++;
			if (!read_calendar_of(parent, root) && !x->unread++) {
				icalcomponent *up = parent ? icalcomponent_get_parent(parent) : NULL;

				first = k;
				if (!parent || icalcomponent_isa(parent) == ICAL_XROOT_COMPONENT)
					snprintf(where, sizeof(where), "outside a VCALENDAR");
				else if (icalcomponent_isa(parent) == ICAL_VCALENDAR_COMPONENT)
					snprintf(where, sizeof(where), "inside a VCALENDAR inside a %s",
						 component_name(up));
				else
					snprintf(where, sizeof(where), "inside a %s", component_name(parent));
			}
		}
		/* the next component: the first child, else the next sibling of c or of a parent */
		next = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT);
		while (!next && c != root) {
			icalcomponent *parent = icalcomponent_get_parent(c);

			if (!parent)
				break;
			next = icalcomponent_get_next_component(parent, ICAL_ANY_COMPONENT);
			c = parent;
		}
		c = next;
	}
	if (x->unread) {
		/* the line, when the text's BEGIN:VEVENT lines are the tree's VEVENTs */
		size_t line = k == events ? event_line(im, first) : 0;

		if (line)
			snprintf(x->first_unread, sizeof(x->first_unread), "%s:%zu: a VEVENT %s",
				 im->name, line, where);
		else
			snprintf(x->first_unread, sizeof(x->first_unread), "%s: a VEVENT %s", im->name,
				 where);
	}
}

int import_ics(struct importer *im)
{
	struct ics x;
	struct scan sc;
	icalcomponent *root;
	char *calname = NULL, *split = NULL;
	const char *nul = memchr(im->buf, '\0', im->len);
	size_t bad, len = 0;
	int ret;

	if (nul)
		return fail_at(im, (size_t)(nul - im->buf), "a NUL byte in an iCalendar file");
	if (!valid_utf8_unfolded(im->buf, im->len, &bad))
		return fail_at(im, bad, "not valid UTF-8");
	memset(&sc, 0, sizeof(sc));
	ret = check_size(im, &sc);
	if (ret == 0 && sc.nsplit)
		split = split_lists(im, &sc, &len);
	scan_release(&sc);
	if (ret < 0)
		return -1;
	if (sc.orphan_ends)
		warning("%s:%zu: an END with nothing left to end is ignored (the file has %zu more END "
			"than BEGIN line%s)", im->name, line_of(im, sc.orphan_at), sc.orphan_ends,
			sc.orphan_ends == 1 ? "" : "s");
	memset(&x, 0, sizeof(x));
	/* a malformed property must not abort the process */
	icalerror_set_errors_are_fatal(0);
	root = split ? parse_text(split, len, sc.orphan_ends) :
		       parse_text(im->buf, im->len, sc.orphan_ends);
	free(split);
	if (!root)
		return error(EX_DATAERR, "%s: not iCalendar: no calendar could be read", im->name);
	find_unread(im, &x, root, sc.events);
	if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT) {
		ret = read_calendar(im, &x, root, &calname);
	} else {
		/* several calendars in one file */
		ret = 0;
		for (icalcomponent *c = icalcomponent_get_first_component(root, ICAL_VCALENDAR_COMPONENT);
		     c && ret == 0; c = icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT))
			ret = read_calendar(im, &x, c, &calname);
	}
	if (ret < 0)
		goto out;
	import_conference(im, NULL, calname, NULL);
	im->id_primary = "UID";
	im->id_secondary = "UID and start";
	if (x.method)
		warning("%s: %zu event%s METHOD, which belongs on the calendar, not in an event "
			"(ignored)", im->name, x.method, x.method == 1 ? " carries" : "s carry");
	if (x.no_location)
		warning("%s: %zu event%s no LOCATION and %s kept without a room", im->name,
			x.no_location, x.no_location == 1 ? " has" : "s have",
			x.no_location == 1 ? "is" : "are");
	if (x.recurring)
		warning("%s: %zu recurring event%s: only the first occurrence is kept", im->name,
			x.recurring, x.recurring == 1 ? "" : "s");
	if (x.lic_errors)
		warning("%s: %zu malformed line%s ignored (first: %s)", im->name, x.lic_errors,
			x.lic_errors == 1 ? "" : "s", x.first_lic_error);
	if (x.unknown_tzid)
		warning("%s: %zu time%s in a zone neither the file nor the zone database defines "
			"(\"%s\"), read in the conference zone", im->name, x.unknown_tzid,
			x.unknown_tzid == 1 ? "" : "s", x.first_unknown_tzid);
	if (x.unread == 1)
		warning("%s is not read", x.first_unread);
	else if (x.unread > 1)
		warning("%s is not read, nor %zu more VEVENTs that are not directly inside a VCALENDAR",
			x.first_unread, x.unread - 1);
	ret = import_finish(im, x.declared, NULL);
out:
	icalcomponent_free(root);
	free(calname);
	free(x.declared);
	free(x.last_tzid);
	return ret;
}
