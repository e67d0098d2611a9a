/* ics.c: writes sessions as one iCalendar object (RFC 5545), and keeps the SEQUENCE memory that
 * lets calendars replace an event they already have (ics.h).
 *
 * What each event says is made here (struct ics_vevent); its text is written by ics_write.c,
 * the bytes libical 3.0.16 wrote when it built the calendar: text values escaped (RFC 5545
 * section 3.3.11: backslash, semicolon, comma, newline), lines folded at 75 octets (section 3.1)
 * without splitting a UTF-8 sequence.  Times go through the tz module, as everywhere in planner;
 * libical is asked only for the conference zone's VTIMEZONE, whose text is spliced in as it
 * wrote it.
 */
#define _GNU_SOURCE	/* dl_iterate_phdr */
#include <ctype.h>
#include <link.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include <libical/ical.h>

#include "fsutil.h"
#include "hash.h"
#include "ics.h"
#include "ics_write.h"
#include "load.h"
#include "plan.h"
#include "schedule.h"
#include "text.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

#ifndef PLANNER_VERSION
#define PLANNER_VERSION "unknown"
#endif

#define ALARM_MAX (7 * 86400)

void ics_options_init(struct ics_options *o)
{
	memset(o, 0, sizeof(*o));
	o->alarm = 600;
	o->now = (int64_t)time(NULL);
}

/* ---- --alarm ---- */

static int bad_alarm(const char *arg)
{
	return error_option(EX_USAGE, "alarm", arg, "expected 'none' or how long before the start, "
			    "e.g. 10m, 90s, 1h, 1h30m or 1d (s, m, h, d; at most 7d)");
}

int ics_alarm_parse(const char *arg, int *seconds)
{
	const char *p = arg;
	int64_t total = 0;

	if (!strcmp(arg, "none")) {
		*seconds = -1;
		return 0;
	}
	if (!*p)
		return bad_alarm(arg);
	while (*p) {
		int64_t v = 0, unit;

		if (!isdigit((unsigned char)*p))
			return bad_alarm(arg);
		while (isdigit((unsigned char)*p)) {
			v = v * 10 + (*p++ - '0');
			if (v > ALARM_MAX)
				return bad_alarm(arg);
		}
		switch (*p) {
		case 's': unit = 1; break;
		case 'm': unit = 60; break;
		case 'h': unit = 3600; break;
		case 'd': unit = 86400; break;
		case '\0':
			/* a bare number is minutes, but only on its own ("1h30" is a typo) */
			if (p != arg + strspn(arg, "0123456789"))
				return bad_alarm(arg);
			unit = 60;
			p--;
			break;
		default:
			return bad_alarm(arg);
		}
		p++;
		total += v * unit;
		if (total > ALARM_MAX)
			return bad_alarm(arg);
	}
	*seconds = (int)total;
	return 0;
}

/* ---- text ---- */

/* True if the 8 bytes at p are all printable ASCII (0x20..0x7e): no byte has its high bit set in
 * w or w + 1 (0x7f and up), and every one in w + 0x60 (0x20 and up; none carries over). */
static bool printable8(const unsigned char *p)
{
	uint64_t w = load_le64(p), high = 0x8080808080808080u;

	return !((w | (w + 0x0101010101010101u)) & high) &&
	       ((w + 0x6060606060606060u) & high) == high;
}

/* True if s[0..len) needs text_sanitize(): invalid UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing past U+10FFFF), a control character (but LF when lf_ok), DEL, a C1
 * control or a BiDi control (the ones text.h lists).  Most text needs nothing, and sanitizing
 * (it normalizes to NFC too) would cost more than the rest of an export. */
static bool needs_sanitize(const char *s, size_t len, bool lf_ok)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;

	while (p < end) {
		unsigned char c = *p;

		if (c >= 0x20 && c < 0x7f) {
			/* most text: then eight bytes at a time */
			for (p++; end - p >= 8 && printable8(p); p += 8)
				;
		} else if (c < 0x80) {
			if (c != '\n' || !lf_ok)
				return true;
			p++;
		} else if (c >= 0xc2 && c <= 0xdf) {
			if (end - p < 2 || (p[1] & 0xc0) != 0x80 ||
			    (c == 0xc2 && p[1] <= 0x9f) ||		/* C1 */
			    (c == 0xd8 && p[1] == 0x9c))		/* U+061C */
				return true;
			p += 2;
		} else if (c >= 0xea && c <= 0xec && end - p >= 3 && (p[1] & 0xc0) == 0x80 &&
			   (p[2] & 0xc0) == 0x80) {
			p += 3;	/* U+A000..U+CFFF, most Hangul syllables: nothing to refuse */
		} else if (c >= 0xe0 && c <= 0xef) {
			if (end - p < 3 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80 ||
			    (c == 0xe0 && p[1] < 0xa0) ||		/* overlong */
			    (c == 0xed && p[1] > 0x9f) ||		/* surrogates */
			    (c == 0xe2 && p[1] == 0x80 &&		/* U+200E/F, U+202A..E */
			     (p[2] == 0x8e || p[2] == 0x8f || (p[2] >= 0xaa && p[2] <= 0xae))) ||
			    (c == 0xe2 && p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9))	/* U+2066..9 */
				return true;
			p += 3;
		} else if (c >= 0xf0 && c <= 0xf4) {
			if (end - p < 4 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80 ||
			    (p[3] & 0xc0) != 0x80 || (c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] > 0x8f))
				return true;
			p += 4;
		} else {
			return true;
		}
	}
	return false;
}

/*
 * Text fit for an iCalendar TEXT value (RFC 5545 section 3.3.11), whose TSAFE-CHAR excludes
 * control characters.  Text that has any goes through text_sanitize(), line by line — the same
 * inert text planner puts on a terminal: no controls, escape sequences or BiDi overrides, invalid
 * UTF-8 replaced (folding would only make it worse) — and its line breaks stay (CR LF and CR
 * become LF, which libical writes as "\n").  No blank lines at either end.  Appended to sb.
 */
static void add_clean(struct strbuf *sb, const char *s)
{
	size_t len, start = sb->len;

	if (!s)
		return;
	len = strlen(s);
	if (!needs_sanitize(s, len, true)) {
		while (*s == '\n')
			s++, len--;
		while (len && s[len - 1] == '\n')
			len--;
		strbuf_add(sb, s, len);
		return;
	}
	while (*s) {
		size_t n = strcspn(s, "\r\n");
		char *line = xstrndup(s, n), *clean = text_sanitize(line);

		if (sb->len > start || *clean)	/* no blank lines at the start */
			strbuf_adds(sb, clean);
		free(line);
		free(clean);
		s += n;
		if (*s == '\r' && s[1] == '\n')
			s++;
		if (*s) {
			s++;
			if (sb->len > start)
				strbuf_addc(sb, '\n');
		}
	}
	while (sb->len > start && sb->buf[sb->len - 1] == '\n')	/* nor at the end */
		sb->buf[--sb->len] = '\0';
}

/* One line of text (SUMMARY, LOCATION: calcurse refuses a SUMMARY with a line break), made as
 * add_clean() says: s itself when it is fine, else a sanitized copy put in *owned. */
static const char *clean_line(const char *s, char **owned)
{
	*owned = NULL;
	if (!s)
		return "";
	if (!needs_sanitize(s, strlen(s), false))
		return s;
	return *owned = text_sanitize(s);
}

/* A byte a URI holds as it is: printable ASCII but the space and "<>\^`{|}. */
static bool uri_char(unsigned char c)
{
	switch (c) {
	case '"': case '<': case '>': case '\\': case '^': case '`': case '{': case '|': case '}':
		return false;
	default:
		return c > 0x20 && c < 0x7f;
	}
}

/*
 * A URL as a URI value (RFC 5545 section 3.3.13, RFC 3986): libical writes URI values as they
 * are, unescaped, so anything that is not allowed in a URI — controls, spaces, quotes, non-ASCII
 * (an IRI) — is percent-encoded here.  NULL when s is empty or has no scheme.  Caller frees.
 */
static char *uri_value(const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	struct strbuf sb;
	size_t scheme = 0;

	if (!s)
		return NULL;
	while (isalnum((unsigned char)s[scheme]) || s[scheme] == '+' || s[scheme] == '-' ||
	       s[scheme] == '.')
		scheme++;
	if (!scheme || s[scheme] != ':' || !isalpha((unsigned char)s[0]))
		return NULL;
	strbuf_init(&sb);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		size_t n = 0;

		while (uri_char(p[n]))
			n++;
		if (n) {
			strbuf_add(&sb, p, n);
			p += n - 1;
		} else {
			strbuf_addc(&sb, '%');
			strbuf_addc(&sb, hex[*p >> 4]);
			strbuf_addc(&sb, hex[*p & 15]);
		}
	}
	return strbuf_detach(&sb);
}

/* Caller frees the concatenation of the NULL-terminated strings (no printf: an export makes
 * thousands of these). */
static char *concat(const char *first, ...)
{
	struct strbuf sb;
	va_list ap;

	strbuf_init(&sb);
	va_start(ap, first);
	for (const char *p = first; p; p = va_arg(ap, const char *))
		strbuf_adds(&sb, p);
	va_end(ap);
	return strbuf_detach(&sb);
}

/* s with the bytes of every control and BiDi character (text_control_at) written as %XX. */
static void uid_add(struct strbuf *sb, const char *s)
{
	for (size_t n; *s; s += n) {
		for (n = 0; s[n] >= 0x20 && s[n] < 0x7f; n++)	/* printable ASCII: most ids */
			;
		if (n)
			strbuf_add(sb, s, n);
		else if (text_control_at(s, &n) < 0)
			strbuf_add(sb, s, n);
		else
			for (size_t k = 0; k < n; k++)
				strbuf_addf(sb, "%%%02X", (unsigned char)s[k]);
	}
}

char *ics_uid(const char *conf_id, const char *session_id)
{
	struct strbuf sb;

	/* RFC 5545 3.8.4.7: the UID is TEXT, which holds no control characters (3.3.11); those of
	 * a hostile id, and its BiDi controls, are written as %XX so that the UID stays one line,
	 * inert, and still one per session.  Ids without them keep the UID they always had. */
	strbuf_init(&sb);
	uid_add(&sb, session_id);
	strbuf_addc(&sb, '@');
	uid_add(&sb, conf_id);
	strbuf_adds(&sb, ".planner");
	return strbuf_detach(&sb);
}

/* ---- what one VEVENT says ---- */

/* Keeps s (made for v) to be freed with v, and returns it. */
static const char *own(struct ics_vevent *v, char *s)
{
	v->owned.v = xgrow(v->owned.v, v->owned.n + 1, &v->owned.alloc, sizeof(*v->owned.v));
	v->owned.v[v->owned.n++] = s;
	return s;
}

static void vevent_release(struct ics_vevent *v)
{
	strlist_release(&v->owned);
	free(v->description);
	strlist_release(&v->categories);
}

/* "컨벤션 홀 1 (floor 3, Building B)": a room label, with the floor and building of room r (may be
 * NULL) when known.  Caller frees. */
static char *with_floor(const char *label, const struct room *r)
{
	char *place, *out;

	if (!r || (!r->floor && !r->building))
		return xstrdup(label);
	place = room_place(r);	/* as every listing says it: "floor 3, Main", "B1" */
	out = concat(label, " (", place, ")", (const char *)NULL);
	free(place);
	return out;
}

static char *location_of(const struct schedule *s, const struct session *se)
{
	char *label = session_room_label(s, se), *out;

	out = with_floor(label, se->nrooms == 1 ? &s->rooms[se->rooms[0]] : NULL);
	free(label);
	return out;
}

/* The planned room label of a session the timetable no longer places: with its floor when a
 * room of that name is still there. */
static char *planned_location(const struct schedule *s, const char *label)
{
	for (size_t i = 0; i < s->nrooms; i++)
		if (!strcmp(s->rooms[i].name, label))
			return with_floor(label, &s->rooms[i]);
	return xstrdup(label);
}

/* The categories of a track or tag.  CATEGORIES values are separated by commas (RFC 5545
 * section 3.8.1.2), which libical writes as they are, unescaped, so a label that holds commas is
 * taken as the several categories it lists; blanks around them go. */
static void add_categories(struct strlist *out, const char *label)
{
	char *fixed, *copy, *p;
	const char *clean = clean_line(label, &fixed);
	size_t n = strlen(clean);

	/* most labels are one category as they are */
	if (n && !fixed && !strchr(clean, ',') && clean[0] != ' ' && clean[n - 1] != ' ') {
		if (strlist_find(out, clean) < 0)
			strlist_push(out, clean);
		return;
	}
	p = copy = xstrdup(clean);
	free(fixed);

	while (p) {
		char *comma = strchr(p, ',');
		size_t len;

		if (comma)
			*comma = '\0';
		p += strspn(p, " ");
		len = strlen(p);
		while (len && p[len - 1] == ' ')
			p[--len] = '\0';
		if (*p && strlist_find(out, p) < 0)
			strlist_push(out, p);
		p = comma ? comma + 1 : NULL;
	}
	free(copy);
}

/* Appends text, made clean, as a paragraph (a blank line between two). */
static void paragraph(struct strbuf *sb, const char *text)
{
	size_t before = sb->len;

	if (sb->len)
		strbuf_adds(sb, "\n\n");
	add_clean(sb, text);
	if (sb->len == before + (before ? 2 : 0)) {	/* nothing: no separator either */
		sb->len = before;
		if (sb->buf)
			sb->buf[before] = '\0';
	}
}

/* Appends sep (when b is not empty) and text. */
static void add_line(struct strbuf *b, const char *sep, const char *text)
{
	if (b->len)
		strbuf_adds(b, sep);
	strbuf_adds(b, text);
}

/*
 * DESCRIPTION: what a phone shows under the title.
 *     Cancelled: the timetable no longer has this session.     (cancelled only)
 *     subtitle
 *     keynote, ko, beginner                                     (type unless talk, language, level)
 *     Speakers: 김파이, Lee
 *
 *     abstract (the description when there is no abstract: the full text is at the URL)
 *
 *     URL
 *     alternative: ID title (room, 13:00-13:40)                 (plan exports)
 */
static char *description_of(const struct schedule *s, const struct ics_event *e)
{
	const struct session *se = e->se;
	const char *body = se && se->abstract && *se->abstract ? se->abstract : se ? se->description : NULL;
	struct strbuf sb, head, tail;

	/* made as long as it will about be at once: the body is most of it */
	strbuf_init(&sb);
	strbuf_reserve(&sb, (body ? strlen(body) : 0) + 512);
	strbuf_init(&head);
	strbuf_init(&tail);
	if (e->departed)
		strbuf_adds(&head, "Cancelled: no longer in your plan.");
	else if (e->cancelled)
		strbuf_adds(&head, se ? "Cancelled: the timetable no longer gives this session a time."
			    : "Cancelled: the timetable no longer has this session.");
	if (se && se->subtitle && *se->subtitle)
		add_line(&head, "\n", se->subtitle);
	if (se) {
		struct strbuf facts;

		strbuf_init(&facts);
		if (se->type != SESSION_TALK)
			strbuf_adds(&facts, session_type_name(se->type));
		if (se->language && *se->language)
			add_line(&facts, ", ", se->language);
		if (se->level != LEVEL_NONE)
			add_line(&facts, ", ", session_level_name(se->level));
		if (facts.len)
			add_line(&head, "\n", facts.buf);
		strbuf_release(&facts);
		if (se->speakers.n) {
			add_line(&head, "\n", se->speakers.n == 1 ? "Speaker: " : "Speakers: ");
			for (size_t i = 0; i < se->speakers.n; i++) {
				if (i)
					strbuf_adds(&head, ", ");
				strbuf_adds(&head, se->speakers.v[i]);
			}
		}
	}
	paragraph(&sb, head.buf);
	if (se) {
		paragraph(&sb, body);
		if (se->url && *se->url)
			strbuf_adds(&tail, se->url);
	}
	if (e->alternative) {
		const struct session *a = e->alternative;
		char *room = session_room_label(s, a), span[FORMAT_SPAN_MAX];

		format_span(s->tz, a->start, a->end, span, sizeof(span));
		add_line(&tail, "\n", "alternative: ");
		strbuf_adds(&tail, a->id);
		strbuf_addc(&tail, ' ');
		strbuf_adds(&tail, a->title);
		strbuf_adds(&tail, " (");
		if (*room) {
			strbuf_adds(&tail, room);
			strbuf_adds(&tail, ", ");
		}
		strbuf_adds(&tail, span);
		strbuf_addc(&tail, ')');
		free(room);
	}
	paragraph(&sb, tail.buf);
	strbuf_release(&head);
	strbuf_release(&tail);
	return strbuf_detach(&sb);
}

static void vevent_fill(struct ics_vevent *v, const struct schedule *s, const struct ics_event *e,
			const struct ics_options *o)
{
	const struct session *se = e->se;
	const char *title;
	char *room, *fixed;
	char t[8];

	memset(v, 0, sizeof(*v));
	strlist_init(&v->categories);
	strlist_init(&v->owned);
	v->cancelled = e->cancelled || e->departed;
	if (se && !(e->cancelled && e->planned) && !e->departed) {
		v->id = se->id;
		title = se->title;
		room = location_of(s, se);
		v->start = se->start;
		v->end = se->end;
	} else {
		/* the planned time and room (the timetable has none for it any more), or as it was last
		 * exported (a session that left the plan; its room already carries the floor) */
		v->id = e->planned->id;
		title = e->planned->title;
		room = e->departed ? xstrdup(e->planned->room) : planned_location(s, e->planned->room);
		v->start = e->planned->start;
		v->end = e->planned->end;
	}
	tz_to_civil(s->tz, v->start, &v->local_start);
	tz_to_civil(s->tz, v->end, &v->local_end);
	v->summary = clean_line(title, &fixed);
	if (fixed)
		own(v, fixed);
	v->location = clean_line(room, &fixed);
	if (fixed)
		own(v, fixed);
	own(v, room);
	v->description = description_of(s, e);
	if (se) {
		char *url = uri_value(se->url);
		if (url)
			v->url = own(v, url);
		if (se->track)
			add_categories(&v->categories, se->track);
		for (size_t i = 0; i < se->tags.n; i++)
			add_categories(&v->categories, se->tags.v[i]);
	}
	if (o->alarm >= 0 && !v->cancelled) {
		civil_format_hm(&v->local_start, t, sizeof(t));
		v->alarm = o->alarm;
		v->alarm_text = own(v, concat(t, " ", v->location, *v->location ? ": " : "", v->summary,
					      (const char *)NULL));
	}
}

/* A 64-bit hash of everything the VEVENT holds except DTSTAMP and SEQUENCE (hash.h: field by
 * field, the same on every machine); it only has to tell a changed event from an unchanged
 * one. */
static uint64_t vevent_hash(const struct ics_vevent *v, const struct ics_options *o)
{
	uint64_t h = 0x70c3a1e5d0b2f9c7u;

	hash_string(&h, v->id);
	hash_string(&h, v->summary);
	hash_string(&h, v->location);
	hash_string(&h, v->description);
	hash_string(&h, v->url);
	hash_word(&h, (uint64_t)v->start);
	hash_word(&h, (uint64_t)v->end);
	hash_word(&h, v->cancelled);
	hash_word(&h, v->categories.n);
	for (size_t i = 0; i < v->categories.n; i++)
		hash_string(&h, v->categories.v[i]);
	hash_word(&h, (uint64_t)(int64_t)(v->alarm_text ? o->alarm : -1));
	hash_string(&h, v->alarm_text);
	return h;
}

/* ---- the SEQUENCE memory ---- */


void ics_state_init(struct ics_state *st)
{
	memset(st, 0, sizeof(*st));
	st->output_alarm = -1;
}

void ics_state_release(struct ics_state *st)
{
	for (size_t i = 0; i < st->n; i++) {
		free(st->v[i].id);
		free(st->v[i].summary);
		free(st->v[i].location);
	}
	free(st->v);
	free(st->output);
	ics_state_init(st);
}

void ics_state_set_output(struct ics_state *st, const char *path, bool utc, int alarm)
{
	if (!st->output || strcmp(st->output, path) || st->output_utc != utc ||
	    st->output_alarm != alarm)
		st->dirty = true;
	free(st->output);
	st->output = xstrdup(path);
	st->output_utc = utc;
	st->output_alarm = alarm;
}

char *ics_state_path(const char *conf_id, const char *member)
{
	return member ? plan_member_file(conf_id, member, ".exported")
		      : xdg_data_file(conf_id, ".exported");
}

static int cmp_seen(const void *a, const void *b)
{
	return strcmp(((const struct ics_seen *)a)->id, ((const struct ics_seen *)b)->id);
}

/* Index of id among the first n (sorted) entries, or -1. */
static long seen_find(const struct ics_state *st, size_t n, const char *id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(st->v[mid].id, id);

		if (!c)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int ics_state_sequence(const struct ics_state *st, const char *id)
{
	long i = seen_find(st, st->n, id);

	return i < 0 ? -1 : st->v[i].sequence;
}

static struct ics_seen *seen_push(struct ics_state *st, char *id, uint64_t hash, int sequence)
{
	struct ics_seen *e;

	st->v = xgrow(st->v, st->n + 1, &st->alloc, sizeof(*st->v));
	e = &st->v[st->n++];
	memset(e, 0, sizeof(*e));
	e->id = id;
	e->hash = hash;
	e->sequence = sequence;
	return e;
}

/* Version 1: "SEQUENCE HASH ID" lines.  Version 2 (planner since the export of sessions that
 * left the plan): an optional "output UTC ALARM PATH" line (the last plan export's file), then
 * "SEQUENCE HASH FLAGS START END ID SUMMARY LOCATION" lines: FLAGS "p" (written by a plan
 * export) and/or "c" (last written cancelled), "-" for neither; START and END in seconds since
 * the epoch; texts as ids are written, "=" for an empty one.  Both are read. */
#define STATE_HEADER_1 "planner-export-state 1"
#define STATE_HEADER "planner-export-state 2"

/* Session ids are written with bytes <= 0x20, 0x7f, '%' and '=' as %XX, so one fits on a line as
 * a field. */
static void put_id(struct strbuf *sb, const char *id)
{
	if (!*id) {
		strbuf_addc(sb, '=');
		return;
	}
	for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
		const unsigned char *run = p;

		while (*p > 0x20 && *p != 0x7f && *p != '%' && *p != '=')
			p++;
		strbuf_add(sb, run, (size_t)(p - run));
		if (!*p)
			break;
		{
			char esc[3] = { '%', "0123456789ABCDEF"[*p >> 4], "0123456789ABCDEF"[*p & 15] };

			strbuf_add(sb, esc, 3);
		}
	}
}

/* The id put_id() wrote as s[0..len), or NULL when it is not one (a '%' without two hex digits,
 * or %00).  Caller frees. */
static char *get_id_n(const char *s, size_t len)
{
	const char *end = s + len;
	char *out, *o;

	if (len == 1 && *s == '=')
		return xstrdup("");
	o = out = xmalloc(len + 1);
	for (; s < end; s++) {
		if (*s == '%') {
			int hi = end - s > 2 ? hex_value(s[1]) : -1, lo = hi >= 0 ? hex_value(s[2]) : -1;

			if (lo < 0 || (!hi && !lo)) {
				free(out);
				return NULL;
			}
			*o++ = (char)(hi << 4 | lo);
			s += 2;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return out;
}

static char *get_id(const char *s)
{
	return get_id_n(s, strlen(s));
}

static int damaged(struct ics_state *st, const char *path, size_t line, const char *what)
{
	ics_state_release(st);
	if (!line)
		return error(EX_DATAERR, "%s: damaged export state: %s", path, what);
	return error(EX_DATAERR, "%s:%zu: damaged export state: %s", path, line, what);
}

/* The whitespace of scanf and strtol: the C locale's isspace(). */
static const char *skip_space(const char *p)
{
	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	return p;
}

/* Reads a version 2 entry's "FLAGS START END ID SUMMARY LOCATION", the part after the hash, into
 * e (its id, summary and location allocated).  NULL, or what is wrong. */
static const char *get_entry(const char *p, struct ics_seen *e)
{
	const char *field[3], *q;
	size_t len[3], n = 0, k;
	char *end;

	/* FLAGS: a word of up to three characters ("p", "c", "pc" or "-"), then the times */
	p = skip_space(p);
	while (n < 3 && p[n] && skip_space(p + n) == p + n)
		n++;
	if (!n)
		return "bad flags or times";
	e->planned = memchr(p, 'p', n) != NULL;
	e->cancelled = memchr(p, 'c', n) != NULL;
	q = p + n;
	e->start = strtoll(q, &end, 10);
	if (end == q)
		return "bad flags or times";
	q = end;
	e->end = strtoll(q, &end, 10);
	if (end == q)
		return "bad flags or times";
	/* ID SUMMARY LOCATION: three words between blanks */
	p = skip_space(end);
	for (k = 0; k < 4; k++) {
		p += strspn(p, " ");
		if (!*p)
			break;
		if (k == 3)
			return "bad session id or texts";
		field[k] = p;
		len[k] = strcspn(p, " ");
		p += len[k];
	}
	if (k != 3 || !(e->id = get_id_n(field[0], len[0])))
		return "bad session id or texts";
	e->summary = get_id_n(field[1], len[1]);
	e->location = get_id_n(field[2], len[2]);
	if (!e->summary || !e->location)
		return "bad title or room";
	return NULL;
}

/* The export state's size limit: a line a session ever exported, a few hundred bytes each. */
#define ICS_STATE_MAX LOAD_MAX_BYTES

int ics_state_load(struct ics_state *st, const char *path)
{
	char *text, *line, *next, *end;
	size_t len, lineno = 0;
	int ret = 0, version = 2;

	ics_state_release(st);
	if (access(path, F_OK) < 0 && errno == ENOENT)
		return 1;
	if (read_file(path, ICS_STATE_MAX, &text, &len) < 0)
		return -1;
	end = text + len;
	for (line = text; line < end && !ret; line = next) {
		char *nl = memchr(line, '\n', (size_t)(end - line)), *p, *id;
		unsigned long long hash;
		long seq;
		struct ics_seen *e;
		const char *bad;

		/* a line ends at its LF or at the end of the file (what comes after a NUL in it is
		 * not looked at) */
		next = nl ? nl + 1 : end;
		if (nl)
			*nl = '\0';
		lineno++;
		if (lineno == 1) {
			if (!strcmp(line, STATE_HEADER_1))
				version = 1;
			else if (strcmp(line, STATE_HEADER))
				ret = damaged(st, path, lineno, "not a planner export state file");
			continue;
		}
		if (version == 2 && !strncmp(line, "output ", 7)) {
			int utc, alarm, used = 0;

			id = NULL;
			if (sscanf(line + 7, "%d %d %n", &utc, &alarm, &used) == 2 && used &&
			    (utc == 0 || utc == 1) && alarm >= -1)
				id = get_id(line + 7 + used);
			if (!id || *id != '/') {
				free(id);
				ret = damaged(st, path, lineno, "bad output line");
				break;
			}
			free(st->output);
			st->output = id;
			st->output_utc = utc;
			st->output_alarm = alarm;
			continue;
		}
		errno = 0;
		seq = strtol(line, &p, 10);
		if (p == line || *p != ' ' || seq < 0 || seq > INT_MAX || errno) {
			ret = damaged(st, path, lineno, "bad sequence number");
			break;
		}
		hash = strtoull(p + 1, &p, 16);
		if (*p != ' ' || errno || !p[1]) {
			ret = damaged(st, path, lineno, "bad hash or no session id");
			break;
		}
		if (version == 1) {
			id = get_id(p + 1);
			if (!id) {
				ret = damaged(st, path, lineno, "bad session id");
				break;
			}
			seen_push(st, id, (uint64_t)hash, (int)seq);
			continue;
		}
		e = seen_push(st, NULL, (uint64_t)hash, (int)seq);
		if ((bad = get_entry(p + 1, e)))	/* (damaged() frees what it got) */
			ret = damaged(st, path, lineno, bad);
	}
	if (!ret && lineno == 0)
		ret = damaged(st, path, 1, "empty file");
	free(text);
	if (ret < 0) {
		ics_state_release(st);
		return -1;
	}
	/* written sorted: sorted again only when it is not */
	for (size_t i = 1; i < st->n; i++)
		if (strcmp(st->v[i - 1].id, st->v[i].id) > 0) {
			qsort(st->v, st->n, sizeof(*st->v), cmp_seen);
			break;
		}
	for (size_t i = 1; i < st->n; i++)
		if (!strcmp(st->v[i - 1].id, st->v[i].id))
			return damaged(st, path, 0, "a session id appears twice");
	return 0;
}

int ics_state_lock(const char *path)
{
	return lock_beside(path, "the export state", ICS_STATE_LOCK_SECONDS);
}

int ics_state_save(const struct ics_state *st, const char *path)
{
	struct strbuf sb;
	int ret;

	if (mkdir_parent(path) < 0)
		return -1;
	strbuf_init(&sb);
	strbuf_adds(&sb, STATE_HEADER "\n");
	if (st->output) {
		strbuf_addf(&sb, "output %d %d ", st->output_utc, st->output_alarm);
		put_id(&sb, st->output);
		strbuf_addc(&sb, '\n');
	}
	for (size_t i = 0; i < st->n; i++) {
		const struct ics_seen *e = &st->v[i];

		strbuf_addf(&sb, "%d %016llx %s%s%s %lld %lld ", e->sequence,
			    (unsigned long long)e->hash, e->planned ? "p" : "",
			    e->cancelled ? "c" : "", e->planned || e->cancelled ? "" : "-",
			    (long long)e->start, (long long)e->end);
		put_id(&sb, e->id);
		strbuf_addc(&sb, ' ');
		put_id(&sb, e->summary ? e->summary : "");
		strbuf_addc(&sb, ' ');
		put_id(&sb, e->location ? e->location : "");
		strbuf_addc(&sb, '\n');
	}
	ret = write_file_atomic(path, sb.buf, sb.len);
	strbuf_release(&sb);
	return ret;
}

/* Records how event v was written (by a plan export when `plan`). */
static void seen_record(struct ics_state *st, struct ics_seen *e, const struct ics_vevent *v, bool plan)
{
	if (e->planned != (e->planned || plan) || e->cancelled != v->cancelled ||
	    e->start != v->start || e->end != v->end || !e->summary || strcmp(e->summary, v->summary) ||
	    !e->location || strcmp(e->location, v->location))
		st->dirty = true;
	e->planned = e->planned || plan;
	e->cancelled = v->cancelled;
	e->start = v->start;
	e->end = v->end;
	/* v's texts may be e's own (a departed event is written from them, after this): replaced
	 * only when they differ, so never freed under v */
	if (!e->summary || strcmp(e->summary, v->summary)) {
		free(e->summary);
		e->summary = xstrdup(v->summary);
	}
	if (!e->location || strcmp(e->location, v->location)) {
		free(e->location);
		e->location = xstrdup(v->location);
	}
}

/* The SEQUENCE of event v with content hash h; records it.  Entries [0, sorted) are sorted;
 * new ones are appended and sorted in at the end of ics_calendar(). */
static int sequence_for(struct ics_state *st, size_t sorted, const struct ics_vevent *v, uint64_t h,
			bool plan)
{
	long i;
	const char *id = v->id;

	if (!st)
		return 0;
	i = seen_find(st, sorted, id);
	if (i < 0) {
		seen_record(st, seen_push(st, xstrdup(id), h, 0), v, plan);
		st->dirty = true;
		return 0;
	}
	seen_record(st, &st->v[i], v, plan);
	if (st->v[i].hash != h) {
		st->v[i].hash = h;
		/* RFC 5545 section 3.8.7.4: incremented each time the event is revised */
		if (st->v[i].sequence < INT_MAX)
			st->v[i].sequence++;
		st->dirty = true;
	}
	return st->v[i].sequence;
}

/* ---- libical ---- */

static icaltimetype utc_time(int64_t t)
{
	icaltimetype tt = icaltime_null_time();
	struct civil c;

	instant_to_civil_offset(t, 0, &c);
	tt.year = c.year;
	tt.month = c.month;
	tt.day = c.day;
	tt.hour = c.hour;
	tt.minute = c.minute;
	tt.second = c.second;
	tt.is_date = 0;
	tt.zone = icaltimezone_get_utc_timezone();
	return tt;
}

/*
 * The conference zone's VTIMEZONE (section 3.6.5) for [from, to): libical's built-in zone (from
 * the system zone database) carries the zone's whole history — Asia/Seoul starts with local mean
 * time, +08:27:52 in 1908 — which some readers refuse (python-icalendar) or crash on (khal), so
 * it is truncated to the span the events need; the TZID becomes the plain IANA name instead of
 * libical's "/freeassociation.sourceforge.net/..." (DTSTART and DTEND name the same string).
 * NULL when the zone is UTC: then times are written in UTC.  The component is the one
 * libical's built-in zone would hold (icaltzutil_fetch_timezone() makes both), read directly:
 * the list of built-in zones would first parse all of zone.tab (a fifth of a warm export).
 */
static icalcomponent *make_vtimezone(const char *name, int64_t from, int64_t to)
{
	icalcomponent *vtz;
	icalproperty *p;

	icalerror_set_errors_are_fatal(0);
	/* libical's built-in lookup answers these two with its UTC zone, which has no VTIMEZONE */
	if (!strcmp(name, "UTC") || !strcmp(name, "GMT") || !(vtz = icaltzutil_fetch_timezone(name)))
		return NULL;
	icaltimezone_truncate_vtimezone(vtz, utc_time(from), utc_time(to), 0);
	p = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
	if (p)
		icalproperty_set_tzid(p, name);
	else
		icalcomponent_add_property(vtz, icalproperty_new_tzid(name));
	return vtz;
}

/*
 * The same VTIMEZONE as text, kept in the timetable cache ("$XDG_CACHE_HOME/planner/.tz-<zone>",
 * only when that folder exists): making it costs libical a read of the zone file, of all of
 * zone.tab and ICU's start-up — a third of a warm export — and so does parsing it back (a
 * DATE-TIME value makes libical load its zone list), so the text is spliced into the calendar's
 * as it is: where libical writes a component, the same bytes.  The first line of the file names
 * what the text was made from: the zone, the span, the zone file (size, time, inode), the
 * libical library file and the planner version; any other first line, a damaged or missing file,
 * makes a new one.  The cache is best effort: it never fails an export.
 */
static char *vtimezone_cache_path(const char *name)
{
	char *dir = xdg_cache_dir(), *c;
	struct stat st;

	if (!dir) {
		error_clear();
		return NULL;
	}
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		free(dir);
		return NULL;
	}
	/* (two zones may share a file name: the key line tells them apart) */
	c = xasprintf("%s/.tz-%s", dir, name);
	file_name_safe(c + strlen(dir) + strlen("/.tz-"));
	free(dir);
	return c;
}

/* dl_iterate_phdr() callback: the file name of the loaded object whose segments hold the
 * address in *data (a struct object_at). */
struct object_at {
	uintptr_t addr;
	const char *name;
};

static int object_at(struct dl_phdr_info *info, size_t size, void *data)
{
	struct object_at *o = data;

	(void)size;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t start = info->dlpi_addr + ph->p_vaddr;

		if (ph->p_type == PT_LOAD && o->addr >= start && o->addr - start < ph->p_memsz) {
			o->name = info->dlpi_name;
			return 1;
		}
	}
	return 0;
}

static char *vtimezone_key(const char *name, int64_t from, int64_t to)
{
	const char *zdir = icaltzutil_get_zone_directory();
	char *zfile = xasprintf("%s/%s", zdir ? zdir : "", name);
	struct stat st, lib;
	union { icalcomponent *(*fn)(const char *); void *p; } sym = { icalparser_parse_string };
	struct object_at ical = { (uintptr_t)sym.p, NULL };
	char *key = NULL;

	/* the library that writes the text: its file (the one this process loaded; the name
	 * dladdr() gives, found without its walk through the library's symbols) */
	if (zdir && stat(zfile, &st) == 0 && dl_iterate_phdr(object_at, &ical) && ical.name &&
	    *ical.name && stat(ical.name, &lib) == 0)
		key = xasprintf("planner-vtimezone %s %s %s %lld %lld %lld %lld.%09ld %llu "
				"%s %lld %lld.%09ld\n", PLANNER_VERSION, ICAL_VERSION, name,
				(long long)from, (long long)to, (long long)st.st_size,
				(long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec,
				(unsigned long long)st.st_ino, ical.name, (long long)lib.st_size,
				(long long)lib.st_mtim.tv_sec, (long)lib.st_mtim.tv_nsec);
	free(zfile);
	return key;
}

#define VTZ_BEGIN "BEGIN:VTIMEZONE\r\n"
#define VTZ_END "END:VTIMEZONE\r\n"

/* The VTIMEZONE text (one component, CR LF lines) cached for key at path, or NULL. */
static char *vtimezone_cached(const char *path, const char *key)
{
	size_t klen = strlen(key), n;
	char buf[16384], *end;
	FILE *f = fopen(path, "r");

	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	if (ferror(f) || n == sizeof(buf) - 1 || n <= klen || memcmp(buf, key, klen) ||
	    strlen(buf) != n || strncmp(buf + klen, VTZ_BEGIN, strlen(VTZ_BEGIN)) ||
	    n - klen < strlen(VTZ_BEGIN) + strlen(VTZ_END) ||
	    strcmp(buf + n - strlen(VTZ_END), VTZ_END) ||
	    ((end = strstr(buf + klen, "\r\n" VTZ_END)) && end + 2 + strlen(VTZ_END) != buf + n)) {
		fclose(f);
		return NULL;
	}
	fclose(f);
	return xstrdup(buf + klen);
}

/* The conference zone's VTIMEZONE for [from, to) as text, or NULL (UTC: times in UTC). */
static char *vtimezone_text(const char *name, int64_t from, int64_t to)
{
	char *path, *key, *text = NULL;
	icalcomponent *vtz;

	if (!strcmp(name, "UTC") || !strcmp(name, "GMT"))
		return NULL;
	path = vtimezone_cache_path(name);
	key = path ? vtimezone_key(name, from, to) : NULL;
	if (key && (text = vtimezone_cached(path, key))) {
		free(key);
		free(path);
		return text;
	}
	if ((vtz = make_vtimezone(name, from, to))) {
		text = icalcomponent_as_ical_string_r(vtz);
		icalcomponent_free(vtz);
	}
	if (text && key) {
		char *all = xasprintf("%s%s", key, text);

		if (write_file_atomic(path, all, strlen(all)) < 0)
			error_clear();
		free(all);
	}
	free(key);
	free(path);
	return text;
}

/* ics_calendar, and ics_object when `object`: *hash (not NULL) gets the last event's hash. */
static int calendar(const struct schedule *s, const struct ics_event *ev, size_t n,
		    const struct ics_options *o, struct ics_state *st, bool object, char **out,
		    size_t *len, uint64_t *hash)
{
	struct ics_vevent *vv;
	struct ics_writer w;
	const char *tzid = NULL;
	size_t sorted = st ? st->n : 0, nzoned = 0;
	int64_t from = 0, to = 0, zoned_before;
	char *calname, *vtz = NULL;

	*out = NULL;
	*len = 0;
	if (!n)
		return error(EX_DATAERR, "nothing to export: no sessions");
	/*
	 * Events that end before the last day of TZ_RULES_LAST_YEAR are written in the conference
	 * zone, later ones in UTC: past that year planner's offsets (tz.h) are the zone's last one,
	 * while a VTIMEZONE of its rules would keep changing them, and libical cannot write a
	 * VTIMEZONE past the year 3000.  The VTIMEZONE spans the zoned events only.
	 */
	zoned_before = o->utc ? INT64_MIN : days_from_civil(TZ_RULES_LAST_YEAR, 12, 31) * 86400;
	vv = xcalloc(n, sizeof(*vv));
	for (size_t i = 0; i < n; i++) {
		vevent_fill(&vv[i], s, &ev[i], o);
		if (vv[i].end >= zoned_before)
			continue;
		if (!nzoned || vv[i].start < from)
			from = vv[i].start;
		if (!nzoned || vv[i].end > to)
			to = vv[i].end;
		nzoned++;
	}
	if (nzoned) {
		/* From midnight UTC the day before the first event to a day after the last: the first
		 * observance starts on a whole hour, and every event falls inside (an alarm is a
		 * duration before its event and needs no zone).  libical adds TZUNTIL (RFC 7808) for
		 * the end. */
		int64_t a = from - 86400, b = to + 86400;
		a -= ((a % 86400) + 86400) % 86400;
		vtz = vtimezone_text(s->conf.timezone, a, b);
		if (vtz)
			tzid = s->conf.timezone;
	}

	/* section 3.4, 3.6: the calendar properties, then VTIMEZONE, then the events, in one
	 * buffer made about as long as they will be (the descriptions are most of it) */
	ics_writer_init(&w);
	if (object) {
		ics_write_calendar_begin(&w, NULL, NULL);
	} else {
		ics_write_calendar_begin(&w, clean_line(o->calname ? o->calname : s->conf.name,
							&calname), s->conf.timezone);
		free(calname);
	}
	if (vtz) {
		strbuf_adds(&w.out, vtz);
		free(vtz);
	}
	for (size_t i = 0; i < n; i++) {
		uint64_t h = vevent_hash(&vv[i], o);
		int seq = sequence_for(st, sorted, &vv[i], h, o->plan);
		char *uid = ics_uid(s->conf.id, vv[i].id);

		if (hash)
			*hash = h;
		ics_write_vevent(&w, &vv[i], uid, o->now, seq, vv[i].end < zoned_before ? tzid : NULL);
		free(uid);
		vevent_release(&vv[i]);
	}
	free(vv);
	if (st && st->n != sorted)
		qsort(st->v, st->n, sizeof(*st->v), cmp_seen);
	ics_write_calendar_end(&w);
	strbuf_release(&w.line);
	*len = w.out.len;
	*out = strbuf_detach(&w.out);
	return 0;
}

int ics_calendar(const struct schedule *s, const struct ics_event *ev, size_t n,
		 const struct ics_options *o, struct ics_state *st, char **out, size_t *len)
{
	return calendar(s, ev, n, o, st, false, out, len, NULL);
}

int ics_object(const struct schedule *s, const struct ics_event *e, const struct ics_options *o,
	       struct ics_state *st, char **out, size_t *len, uint64_t *hash)
{
	return calendar(s, e, 1, o, st, true, out, len, hash);
}
