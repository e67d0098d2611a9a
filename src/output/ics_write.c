/* ics_write.c: iCalendar text (RFC 5545) written directly, the same bytes libical 3.0.16 writes
 * for the same components (ics_write.h).
 *
 * libical made a tree of components, properties, values and parameters, then wrote each value
 * into a fresh buffer a character at a time, copied it into its property's, and folded that into
 * a third — most of an export's time.  Here each content line is built once in a scratch buffer
 * and folded into the calendar's; the rules below are libical's (icalproperty.c,
 * icalvalue.c, icalparameter.c, icalduration.c of 3.0.16), which the readers planner is tested
 * with (khal, calcurse, python-icalendar, Radicale) and its goldens know.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ics_write.h"

#ifndef PLANNER_VERSION
#define PLANNER_VERSION "unknown"
#endif

void ics_writer_init(struct ics_writer *w)
{
	strbuf_init(&w->out);
	strbuf_init(&w->line);
}

void ics_writer_release(struct ics_writer *w)
{
	strbuf_release(&w->out);
	strbuf_release(&w->line);
}

/* ---- content lines (section 3.1) ---- */

/*
 * Where the next folded piece of a content line starts: `left` bytes remain from p, the CR LF
 * that ends the line included.  Section 3.1 asks for lines of at most 75 octets, not counting
 * the CR LF, and a fold never inside a UTF-8 sequence; libical 3.0.16's get_next_line_start():
 * fewer than 75 bytes left go as they are; else the piece ends after the last ';', ':' or ' '
 * among bytes 1..73 (a piece of at most 74 bytes); failing that, before the last byte among
 * 1..74 that starts a character (ASCII or a UTF-8 lead byte); failing that, after 74 bytes.
 * (Its count includes the CR LF, so a piece can end with the CR, the LF then making a line of
 * its own — that is what libical writes too.)
 */
static size_t fold_at(const char *p, size_t left)
{
	if (left < 75)
		return left;
	for (size_t i = 73; i > 0; i--)
		if (p[i] == ';' || p[i] == ':' || p[i] == ' ')
			return i + 1;
	for (size_t i = 74; i > 0; i--)
		if (!((unsigned char)p[i] & 0x80) || ((unsigned char)p[i] & 0xc0) == 0xc0)
			return i;
	return 74;
}

/* Starts a content line: name (section 3.1: name *(";" param) ":" value CRLF). */
static void line_begin(struct ics_writer *w, const char *name)
{
	strbuf_reset(&w->line);
	strbuf_adds(&w->line, name);
}

/* Ends the content line and appends it to the text, folded: each piece after the first on a
 * line of its own that starts with a space. */
static void line_end(struct ics_writer *w)
{
	const char *p;
	size_t left, n;

	strbuf_add(&w->line, "\r\n", 2);
	p = w->line.buf;
	left = w->line.len;
	for (bool fold = false; left; fold = true, p += n, left -= n) {
		n = fold_at(p, left);
		if (fold)
			strbuf_add(&w->out, "\r\n ", 3);
		strbuf_add(&w->out, p, n);
	}
}

/*
 * Appends s as a TEXT value (section 3.3.11): a backslash, semicolon and comma escaped with a
 * backslash, a line break written "\n".  As libical writes it: CR, BS and FF are dropped, TAB and
 * every other byte kept as they are (ics.c gives no other control); and for a list (CATEGORIES,
 * section 3.8.1.2, where the comma separates values) or an X- property, libical writes commas and
 * semicolons unescaped.
 */
static void add_text(struct strbuf *sb, const char *s, bool list)
{
	for (;;) {
		size_t n = strcspn(s, list ? "\n\r\b\f\\" : "\n\r\b\f\\;,");

		strbuf_add(sb, s, n);
		s += n;
		switch (*s++) {
		case '\0':
			return;
		case '\n':
			strbuf_add(sb, "\\n", 2);
			break;
		case '\r':
		case '\b':
		case '\f':
			break;
		default:	/* '\\', and ';' ',' but in a list */
			strbuf_addc(sb, '\\');
			strbuf_addc(sb, s[-1]);
		}
	}
}

/* A byte libical writes as it is in a parameter value, quoted or not (section 3.2: QSAFE-CHAR,
 * SAFE-CHAR; libical takes every byte 0x80..0xF8 for UTF-8). */
static bool param_safe(unsigned char c, bool quoted)
{
	if (c == ' ' || c == '\t' || c == '!' || (c >= 0x80 && c <= 0xf8))
		return true;
	if (quoted)
		return c >= 0x23 && c <= 0x7e;
	return (c >= 0x23 && c <= 0x2b) || (c >= 0x2d && c <= 0x39) || (c >= 0x3c && c <= 0x7e);
}

/* Appends ";name=value" (section 3.2): the value quoted when it is empty or holds ';', ':' or ','
 * (param-value = paramtext / quoted-string); a line break and a double quote written as RFC
 * 6868 says ("^n", "^'"), any other byte that may not stand there as a space.  ('^' itself
 * is one libical lets through as it is.) */
static void add_param(struct strbuf *sb, const char *name, const char *value)
{
	bool quoted = !*value || strpbrk(value, ";:,");

	strbuf_addc(sb, ';');
	strbuf_adds(sb, name);
	strbuf_addc(sb, '=');
	if (quoted)
		strbuf_addc(sb, '"');
	for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
		const unsigned char *run = p;

		while (*p && param_safe(*p, quoted))
			p++;
		strbuf_add(sb, run, (size_t)(p - run));
		if (!*p)
			break;
		if (*p == '\n')
			strbuf_add(sb, "^n", 2);
		else if (*p == '"')
			strbuf_add(sb, "^'", 2);
		else
			strbuf_addc(sb, ' ');
	}
	if (quoted)
		strbuf_addc(sb, '"');
}

/* Appends v in decimal. */
static void add_uint(struct strbuf *sb, unsigned v)
{
	char digits[16], *p = digits + sizeof(digits);

	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	strbuf_add(sb, p, (size_t)(digits + sizeof(digits) - p));
}

static bool two_digits(int v)
{
	return v >= 0 && v <= 99;
}

/* Writes the `width` last decimal digits of v (0 <= v) at p; returns the end. */
static char *put_digits(char *p, int v, int width)
{
	for (int i = width - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + width;
}

/* A property with a TEXT value. */
static void text_property(struct ics_writer *w, const char *name, const char *value, bool list)
{
	line_begin(w, name);
	strbuf_addc(&w->line, ':');
	add_text(&w->line, value, list);
	line_end(w);
}

/* A property whose value is written as it is (an enumerated value, a URI, an integer). */
static void plain_property(struct ics_writer *w, const char *name, const char *value)
{
	line_begin(w, name);
	strbuf_addc(&w->line, ':');
	strbuf_adds(&w->line, value);
	line_end(w);
}

/*
 * The property `name` with a DATE-TIME value (section 3.3.5): form 2, UTC ("19980119T070000Z"),
 * when tzid is NULL, else form 3, the local time `local` with a TZID parameter naming the
 * VTIMEZONE (section 3.2.19).  date = 4DIGIT 2DIGIT 2DIGIT; planner's years are 1..9999 (tz.h).
 * (libical writes a year past 3000 as "00000000T000000", so ics.c never had it write one.)
 */
static void date_time(struct ics_writer *w, const char *name, int64_t t, const struct civil *local,
		      const char *tzid)
{
	struct civil c;
	struct strbuf *sb = &w->line;

	if (!tzid) {
		instant_to_civil_offset(t, 0, &c);
		local = &c;
	}
	line_begin(w, name);
	if (tzid)
		add_param(sb, "TZID", tzid);
	strbuf_addc(sb, ':');
	if (local->year >= 0 && local->year <= 9999 && two_digits(local->month) &&
	    two_digits(local->day) && two_digits(local->hour) && two_digits(local->minute) &&
	    two_digits(local->second)) {
		char v[16], *p = v;

		p = put_digits(p, local->year, 4);
		p = put_digits(p, local->month, 2);
		p = put_digits(p, local->day, 2);
		*p++ = 'T';
		p = put_digits(p, local->hour, 2);
		p = put_digits(p, local->minute, 2);
		p = put_digits(p, local->second, 2);
		strbuf_add(sb, v, (size_t)(p - v));
	} else {	/* (not a time tz.c makes) */
		strbuf_addf(sb, "%04d%02d%02dT%02d%02d%02d", local->year, local->month, local->day,
			    local->hour, local->minute, local->second);
	}
	if (!tzid)
		strbuf_addc(sb, 'Z');
	line_end(w);
}

/*
 * TRIGGER:-PT10M — `before` seconds before the start, a negative DURATION (section 3.3.6), as
 * libical writes icaltriggertype_from_int(-before): a whole number of weeks as weeks ("-P1W"),
 * else days, then "T" and hours, minutes, seconds, each only when not 0; no time at all is
 * "PT0S".
 */
static void trigger(struct ics_writer *w, int before)
{
	struct strbuf *sb = &w->line;
	unsigned t = before < 0 ? -(unsigned)before : (unsigned)before;

	line_begin(w, "TRIGGER:");
	if (!t) {
		strbuf_adds(sb, "PT0S");
	} else {
		strbuf_adds(sb, before > 0 ? "-P" : "P");
		if (t % (7 * 86400) == 0) {
			add_uint(sb, t / (7 * 86400));
			strbuf_addc(sb, 'W');
		} else {
			unsigned d = t / 86400, h = t / 3600 % 24, m = t / 60 % 60, s = t % 60;

			if (d) {
				add_uint(sb, d);
				strbuf_addc(sb, 'D');
			}
			if (h || m || s)
				strbuf_addc(sb, 'T');
			if (h) {
				add_uint(sb, h);
				strbuf_addc(sb, 'H');
			}
			if (m) {
				add_uint(sb, m);
				strbuf_addc(sb, 'M');
			}
			if (s) {
				add_uint(sb, s);
				strbuf_addc(sb, 'S');
			}
		}
	}
	line_end(w);
}

/* ---- components ---- */

void ics_write_calendar_begin(struct ics_writer *w, const char *calname, const char *zone)
{
	strbuf_adds(&w->out, "BEGIN:VCALENDAR\r\n");
	text_property(w, "PRODID", "-//planner//planner " PLANNER_VERSION "//EN", false);
	text_property(w, "VERSION", "2.0", false);
	text_property(w, "CALSCALE", "GREGORIAN", false);
	/* RFC 4791 section 4.1: a calendar object resource has no METHOD; the calendar names
	 * itself */
	if (calname) {
		plain_property(w, "METHOD", "PUBLISH");
		/* X-WR-CALNAME and X-WR-TIMEZONE: not in RFC 5545, read by Apple and Google
		 * calendars; an X- value is written like a list (commas as they are) */
		text_property(w, "X-WR-CALNAME", calname, true);
		text_property(w, "X-WR-TIMEZONE", zone, true);
	}
}

void ics_write_calendar_end(struct ics_writer *w)
{
	strbuf_adds(&w->out, "END:VCALENDAR\r\n");
}

void ics_write_vevent(struct ics_writer *w, const struct ics_vevent *v, const char *uid,
		      int64_t dtstamp, int sequence, const char *tzid)
{
	strbuf_adds(&w->out, "BEGIN:VEVENT\r\n");
	/* section 3.6.1: UID and DTSTAMP are required; SEQUENCE is section 3.8.7.4 */
	text_property(w, "UID", uid, false);
	date_time(w, "DTSTAMP", dtstamp, NULL, NULL);
	line_begin(w, "SEQUENCE:");
	if (sequence < 0) {
		strbuf_addc(&w->line, '-');
		add_uint(&w->line, -(unsigned)sequence);
	} else {
		add_uint(&w->line, (unsigned)sequence);
	}
	line_end(w);
	date_time(w, "DTSTART", v->start, &v->local_start, tzid);
	/* section 3.8.2.2: DTEND is later than DTSTART; an event that takes no time has none
	 * (section 3.6.1: it ends when it starts) */
	if (v->end != v->start)
		date_time(w, "DTEND", v->end, &v->local_end, tzid);
	/* the texts only when they say something */
	if (v->summary && *v->summary)
		text_property(w, "SUMMARY", v->summary, false);
	if (v->location && *v->location)
		text_property(w, "LOCATION", v->location, false);
	if (v->description && *v->description)
		text_property(w, "DESCRIPTION", v->description, false);
	/* a URI value (section 3.3.13) is written as it is: ics.c percent-encodes it */
	if (v->url)
		plain_property(w, "URL", v->url);
	/* section 3.8.1.2: CATEGORIES may occur more than once; one property per category is the
	 * form libical's parser gives back (it splits a list into one property per value) */
	for (size_t i = 0; i < v->categories.n; i++)
		text_property(w, "CATEGORIES", v->categories.v[i], true);
	/* section 3.8.1.11; RFC 5546 section 3.2.1 allows CANCELLED in a PUBLISH */
	if (v->cancelled)
		plain_property(w, "STATUS", "CANCELLED");
	if (v->alarm_text) {
		/* section 3.6.6: a DISPLAY alarm needs ACTION, TRIGGER and DESCRIPTION; a negative
		 * duration trigger counts back from DTSTART */
		strbuf_adds(&w->out, "BEGIN:VALARM\r\n");
		plain_property(w, "ACTION", "DISPLAY");
		trigger(w, v->alarm);
		text_property(w, "DESCRIPTION", v->alarm_text, false);
		strbuf_adds(&w->out, "END:VALARM\r\n");
	}
	strbuf_adds(&w->out, "END:VEVENT\r\n");
}
