/* import_ics.c: iCalendar feeds (RFC 5545) through libical: each VEVENT becomes a session —
 * UID the id, SUMMARY the title, DESCRIPTION the abstract, LOCATION the room, CATEGORIES the
 * tags, the CN of each ATTENDEE a speaker, URL the url.  DTSTART/DTEND (or DURATION) may be UTC,
 * floating (read in the conference zone), or carry a TZID: defined by a VTIMEZONE in the file
 * (whose offsets are used), else looked up in the system zone database.  The conference zone is
 * X-WR-TIMEZONE, else the first TZID, else the timezone option, else UTC with a warning; the
 * name is X-WR-CALNAME.  What real feeds get wrong is forgiven with one warning each: METHOD
 * inside a VEVENT, a missing LOCATION, malformed lines (which libical turns into X-LIC-ERROR),
 * an unknown TZID.  A recurring event keeps its first occurrence only (an RRULE is never
 * expanded); all-day events have no usable time and are kept unscheduled. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libical/ical.h>

#include "import.h"
#include "text.h"
#include "util.h"

struct ics {
	icalcomponent *cal;		/* the VCALENDAR being read */
	size_t method, no_location, recurring, lic_errors, unknown_tzid;
	char first_lic_error[160], first_unknown_tzid[80];
	char *declared;			/* the conference zone the file names, if any */
	/* the last TZID looked up in the zone database, and what it gave */
	char *last_tzid;
	const struct tz *last_zone;
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
			/* the file's own definition: its offset for this local time */
			int dst = 0;
			p->kind = POINT_OFFSET;
			p->offset = icaltimezone_get_utc_offset(vz, &tt, &dst);
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
		t->seconds = icaldurationtype_is_bad_duration(d) ? 0 : icaldurationtype_as_int(d);
		if (t->seconds <= 0) {
			import_bad_time(im, i, "bad DURATION");
			return;
		}
	} else {
		import_bad_time(im, i, "no DTEND or DURATION");
		return;
	}
	t->set = true;
}

static int read_event(struct importer *im, struct ics *x, icalcomponent *ev)
{
	long n = import_add_session(im);
	size_t i = (size_t)n, ncat = 0;
	struct session *se;
	const char *uid = icalcomponent_get_uid(ev), *text;
	icalproperty *p;

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
	for (p = icalcomponent_get_first_property(ev, ICAL_CATEGORIES_PROPERTY); p;
	     p = icalcomponent_get_next_property(ev, ICAL_CATEGORIES_PROPERTY)) {
		/* each is looked for among the tags so far: bounded */
		if (++ncat > LOAD_MAX_LIST)
			return error(EX_DATAERR, "%s: an event has more than %u categories; planner "
				     "reads at most %u", im->name, LOAD_MAX_LIST, LOAD_MAX_LIST);
		text = icalproperty_get_categories(p);
		if (text && *text && strlist_find(&se->tags, text) < 0)
			strlist_push(&se->tags, text);
	}
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

static int read_calendar(struct importer *im, struct ics *x, icalcomponent *cal,
			  char **calname)
{
	const char *v;

	x->cal = cal;
	note_lic_errors(x, cal);
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

/* Parses the text (NUL-free) with libical; NULL when no component could be read. */
static icalcomponent *parse_text(const char *buf, size_t len)
{
	struct text_reader r = { buf, buf + len };
	icalparser *parser = icalparser_new();
	icalerrorstate es = icalerror_get_error_state(ICAL_MALFORMEDDATA_ERROR);
	icalcomponent *c;

	icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, ICAL_ERROR_NONFATAL);
	icalparser_set_gen_data(parser, &r);
	c = icalparser_parse(parser, read_piece);
	icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, es);
	icalparser_free(parser);
	return c;
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

/*
 * Checks what libical would be given against the limits of load.h before it is: content lines
 * (a line break not followed by a space or a tab starts one), parameters on a line (';' before
 * the first ':', outside double quotes) and in the file, and events (BEGIN:VEVENT lines).
 * libical's memory grows with lines and parameters (hundreds of bytes each), and its time with
 * the parameters of one line squared.  Returns 0, or -1 with error() set.
 */
static int check_size(struct importer *im)
{
	const char *p = im->buf, *end = im->buf + im->len, *start;
	size_t lines = 0, params = 0, events = 0;

	while (p < end) {
		size_t here = 0;
		bool quoted = false, in_value = false;

		start = p;
		lines++;
		if ((size_t)(end - p) >= 12 && !strncasecmp(p, "BEGIN:VEVENT", 12) &&
		    (end - p == 12 || p[12] == '\r' || p[12] == '\n'))
			events++;
		/* to the end of the content line, across folds */
		for (; p < end; p++) {
			if (*p == '\n') {
				if (p + 1 < end && (p[1] == ' ' || p[1] == '\t'))
					continue;
				p++;
				break;
			}
			if (in_value)
				continue;
			if (*p == '"')
				quoted = !quoted;
			else if (*p == ':' && !quoted)
				in_value = true;
			else if (*p == ';' && !quoted)
				here++;
		}
		if (here > LOAD_MAX_ICS_PARAMS) {
			char msg[100];
			snprintf(msg, sizeof(msg), "a line with %zu parameters; planner reads at most %u",
				 here, LOAD_MAX_ICS_PARAMS);
			return fail_at(im, (size_t)(start - im->buf), msg);
		}
		params += here;
	}
	if (import_check_sessions(im, events) < 0)
		return -1;
	if (lines > LOAD_MAX_ICS_LINES)
		return error(EX_DATAERR, "%s: %zu lines; planner reads at most %u", im->name, lines,
			     LOAD_MAX_ICS_LINES);
	if (params > LOAD_MAX_ICS_LINES)
		return error(EX_DATAERR, "%s: %zu parameters; planner reads at most %u", im->name,
			     params, LOAD_MAX_ICS_LINES);
	return 0;
}

int import_ics(struct importer *im)
{
	struct ics x;
	icalcomponent *root;
	char *calname = NULL;
	const char *nul = memchr(im->buf, '\0', im->len);
	size_t bad;
	int ret;

	if (nul)
		return fail_at(im, (size_t)(nul - im->buf), "a NUL byte in an iCalendar file");
	if (!text_valid_utf8(im->buf, im->len, &bad))
		return fail_at(im, bad, "not valid UTF-8");
	if (check_size(im) < 0)
		return -1;
	memset(&x, 0, sizeof(x));
	/* a malformed property must not abort the process */
	icalerror_set_errors_are_fatal(0);
	root = parse_text(im->buf, im->len);
	if (!root)
		return error(EX_DATAERR, "%s: not iCalendar: no calendar could be read", im->name);
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
	ret = import_finish(im, x.declared, NULL);
out:
	icalcomponent_free(root);
	free(calname);
	free(x.declared);
	free(x.last_tzid);
	return ret;
}
