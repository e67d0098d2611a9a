/* test_ics_write.c: the calendar text ics_write.c writes is, byte for byte, what libical 3.0.16
 * writes for the same calendar built with its API the way ics.c built it before ics_write.c
 * existed (the oracle below): random calendars of random events — UTF-8 of every length (Korean,
 * 4-byte characters, combining marks), control characters, CR and LF, the characters TEXT
 * escaping and parameter quoting care for, bytes that are not UTF-8, long and empty values, long
 * TZIDs and URLs, alarms or none, cancelled and zero-length events, several CATEGORIES — and a
 * few lines chosen by hand at the folding limits.  Then that the random texts did reach each of
 * libical's folding rules, so the comparison means something. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "../../src/output/ics_write.h"
#include "rng.h"
#include "schedule.h"
#include "tap.h"
#include "tz.h"
#include "util.h"

#ifndef PLANNER_VERSION
#define PLANNER_VERSION "unknown"
#endif

/* ---- the oracle: ics.c's calendar as it was built with libical ---- */

static icalproperty *date_time(const char *name, int64_t t, const struct civil *local,
			       const char *tzid)
{
	struct civil c;
	char value[24];
	icalproperty *prop;

	if (!tzid) {
		instant_to_civil_offset(t, 0, &c);
		local = &c;
	}
	snprintf(value, sizeof(value), "%04d%02d%02dT%02d%02d%02d%s", local->year, local->month,
		 local->day, local->hour, local->minute, local->second, tzid ? "" : "Z");
	prop = icalproperty_new_x(value);
	icalproperty_set_x_name(prop, name);
	if (tzid)
		icalproperty_add_parameter(prop, icalparameter_new_tzid(tzid));
	return prop;
}

static void add_text(icalcomponent *c, icalproperty *(*make)(const char *), const char *v)
{
	if (v && *v)
		icalcomponent_add_property(c, make(v));
}

static icalcomponent *vevent_component(const struct ics_vevent *v, const char *uid,
				       int64_t now, const char *tzid, int sequence)
{
	icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);

	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	icalcomponent_add_property(ev, date_time("DTSTAMP", now, NULL, NULL));
	icalcomponent_add_property(ev, icalproperty_new_sequence(sequence));
	icalcomponent_add_property(ev, date_time("DTSTART", v->start, &v->local_start, tzid));
	if (v->end != v->start)
		icalcomponent_add_property(ev, date_time("DTEND", v->end, &v->local_end, tzid));
	add_text(ev, icalproperty_new_summary, v->summary);
	add_text(ev, icalproperty_new_location, v->location);
	add_text(ev, icalproperty_new_description, v->description);
	if (v->url)
		icalcomponent_add_property(ev, icalproperty_new_url(v->url));
	for (size_t i = 0; i < v->categories.n; i++)
		icalcomponent_add_property(ev, icalproperty_new_categories(v->categories.v[i]));
	if (v->cancelled)
		icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CANCELLED));
	if (v->alarm_text) {
		icalcomponent *al = icalcomponent_new(ICAL_VALARM_COMPONENT);
		icalcomponent_add_property(al, icalproperty_new_action(ICAL_ACTION_DISPLAY));
		icalcomponent_add_property(al, icalproperty_new_trigger(icaltriggertype_from_int(-v->alarm)));
		icalcomponent_add_property(al, icalproperty_new_description(v->alarm_text));
		icalcomponent_add_component(ev, al);
	}
	return ev;
}

static void add_x(icalcomponent *c, const char *name, const char *value)
{
	icalproperty *p = icalproperty_new_x(value);

	icalproperty_set_x_name(p, name);
	icalcomponent_add_property(c, p);
}

/* One calendar to write: calname NULL for a calendar object resource (no METHOD, no X-WR-). */
struct cal {
	const char *calname, *zone, *vtz; /* vtz: a VTIMEZONE's text, or NULL */
	struct ics_vevent ev[6];
	const char *uid[6], *tzid[6];
	int sequence[6];
	int64_t now;
	size_t n;
};

/* The calendar as libical wrote it, the VTIMEZONE spliced in before the first event.  Caller
 * frees. */
static char *oracle(const struct cal *c)
{
	icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	char *text, *at, *all;

	icalcomponent_add_property(cal, icalproperty_new_prodid("-//planner//planner " PLANNER_VERSION "//EN"));
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	if (c->calname) {
		icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
		add_x(cal, "X-WR-CALNAME", c->calname);
		add_x(cal, "X-WR-TIMEZONE", c->zone);
	}
	for (size_t i = 0; i < c->n; i++)
		icalcomponent_add_component(cal, vevent_component(&c->ev[i], c->uid[i], c->now,
								  c->tzid[i], c->sequence[i]));
	text = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	if (!c->vtz || !(at = strstr(text, "\r\nBEGIN:VEVENT\r\n")))
		return text;
	all = xasprintf("%.*s%s%s", (int)(at + 2 - text), text, c->vtz, at + 2);
	free(text);
	return all;
}

/* The calendar as ics_write.c writes it, as ics.c calls it.  Caller frees. */
static char *written(const struct cal *c)
{
	struct ics_writer w;

	ics_writer_init(&w);
	ics_write_calendar_begin(&w, c->calname, c->zone);
	if (c->vtz)
		strbuf_adds(&w.out, c->vtz);
	for (size_t i = 0; i < c->n; i++)
		ics_write_vevent(&w, &c->ev[i], c->uid[i], c->now, c->sequence[i], c->tzid[i]);
	ics_write_calendar_end(&w);
	strbuf_release(&w.line);
	return strbuf_detach(&w.out);
}

/* ---- random texts ---- */

static const char *const pieces[] = {
	"a", "Talk", " ", "  ", "python", "PyCon", "web", "asyncio", "https://", "example.org",
	";", ",", ":", "\\", "\"", "^", "'", "=", "%20", "/", "?", "&", "#", "<", ">",
	"\n", "\r", "\r\n", "\t", "\b", "\f", "\x01", "\x1b[31m", "\x7f", "\v",
	"컨벤션", "홀", "김파이", "한국어 발표", "파이썬으로 웹 서비스 만들기", "가나다라마바사아자차카타파하",
	"é", "e\xcc\x81", "\xcc\x88", "ﬁ", "日本語", "Ω", "€",
	"\xf0\x9f\x98\x80", "\xf0\x9d\x84\x9e", "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb",
	"\xe2\x80\x8f", "\xe2\x80\xae", "\xc2\x85", "\xc2\xa0",
	"\x80", "\xbf", "\xc0", "\xe0\x80", "\xf8", "\xf9", "\xfe", "\xff", /* not UTF-8 */
	"0123456789", "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
};

/* Appends a run of one piece, or of random bytes, or a long unbroken run. */
static void add_piece(struct strbuf *sb)
{
	switch (rnd(22)) {
	case 0: /* a long run without ';', ':' or ' ' */
		for (uint32_t k = rnd(200); k; k--)
			strbuf_addc(sb, (char)('a' + rnd(26)));
		break;
	case 1: /* Korean without spaces: only UTF-8 boundaries to fold at */
		for (uint32_t k = rnd(80); k; k--)
			strbuf_adds(sb, rnd(2) ? "홀" : "\xf0\x9f\x98\x80");
		break;
	case 2: /* not UTF-8: a run of continuation bytes */
		for (uint32_t k = rnd(120); k; k--)
			strbuf_addc(sb, (char)(0x80 + rnd(64)));
		break;
	case 3: { /* any byte but NUL */
		char c = (char)(1 + rnd(255));
		strbuf_addc(sb, c);
		break;
	}
	default:
		strbuf_adds(sb, pieces[rnd(sizeof(pieces) / sizeof(*pieces))]);
	}
}

/* A random text of up to about `most` pieces, owned by v (empty now and then). */
static const char *text(struct ics_vevent *v, uint32_t most)
{
	struct strbuf sb;
	uint32_t n = rnd(8) ? rnd(most + 1) : 0;

	strbuf_init(&sb);
	if (rnd(10) == 0)	/* exactly at a folding limit, give or take */
		while (sb.len < 60 + rnd(30))
			strbuf_addc(&sb, rnd(4) ? 'x' : (char)" ;:,\\\n"[rnd(6)]);
	for (; n; n--)
		add_piece(&sb);
	strlist_push(&v->owned, sb.buf ? sb.buf : "");
	strbuf_release(&sb);
	return v->owned.v[v->owned.n - 1];
}

static void random_civil(struct civil *c)
{
	c->year = 1 + (int)rnd(9999);
	c->month = 1 + (int)rnd(12);
	c->day = 1 + (int)rnd(31);
	c->hour = (int)rnd(24);
	c->minute = (int)rnd(60);
	c->second = (int)rnd(61);
	if (!rnd(50)) {	/* none tz.c makes, written as printf would */
		static const int odd[] = { -1, 100, 123, -45, 10000, 99999 };

		c->year = odd[rnd(6)] * 3;
		c->month = odd[rnd(6)];
		c->second = odd[rnd(6)];
	}
}

static int64_t random_instant(void)
{
	/* 0001-01-01 to 9999-12-31 */
	return (int64_t)(rnd(1u << 31)) * 147 - 62135596800;
}

static void random_event(struct ics_vevent *v)
{
	static const int alarms[] = { 0, 1, 59, 60, 600, 3600, 5400, 86400, 90061, 604800, 1209600,
				      7 * 86400 - 1, 100000 };

	memset(v, 0, sizeof(*v));
	strlist_init(&v->owned);
	strlist_init(&v->categories);
	v->summary = text(v, rnd(4) ? 6 : 60);
	v->location = text(v, rnd(4) ? 3 : 40);
	if (rnd(6)) {
		struct strbuf sb;
		uint32_t n = rnd(4) ? rnd(150) : rnd(1500);

		strbuf_init(&sb);
		while (n--)
			add_piece(&sb);
		v->description = strbuf_detach(&sb);
	}
	if (rnd(2))
		v->url = text(v, rnd(4) ? 5 : 60);
	for (uint32_t k = rnd(3) ? rnd(4) : rnd(9); k; k--)
		strlist_push(&v->categories, text(v, 4));
	v->start = random_instant();
	/* zero-length now and then, and an end before the start too (the writer does not care) */
	v->end = rnd(5) ? v->start + rnd(86400 * 3) - (rnd(10) ? 0 : 4 * 86400) : v->start;
	random_civil(&v->local_start);
	random_civil(&v->local_end);
	v->cancelled = rnd(4) == 0;
	if (rnd(3)) {
		v->alarm_text = text(v, 8);
		v->alarm = rnd(2) ? alarms[rnd(sizeof(alarms) / sizeof(*alarms))] : (int)rnd(7 * 86400 + 1);
	}
}

static void event_release(struct ics_vevent *v)
{
	strlist_release(&v->owned);
	strlist_release(&v->categories);
	free(v->description);
}

static const char vtz_text[] =
	"BEGIN:VTIMEZONE\r\nTZID:Asia/Seoul\r\nBEGIN:STANDARD\r\nTZNAME:KST\r\n"
	"DTSTART:19880509T030000\r\nTZOFFSETFROM:+1000\r\nTZOFFSETTO:+0900\r\n"
	"END:STANDARD\r\nEND:VTIMEZONE\r\n";

/* Where a and b first differ, for the report. */
static void show_difference(const char *a, const char *b)
{
	size_t i = 0, from;

	while (a[i] && a[i] == b[i])
		i++;
	from = i > 120 ? i - 120 : 0;
	printf("#   differ at byte %zu\n#   libical:   ", i);
	for (size_t k = from; a[k] && k < i + 80; k++)
		printf(a[k] >= 0x20 && a[k] < 0x7f ? "%c" : "<%02x>", (unsigned char)a[k]);
	printf("\n#   ics_write: ");
	for (size_t k = from; b[k] && k < i + 80; k++)
		printf(b[k] >= 0x20 && b[k] < 0x7f ? "%c" : "<%02x>", (unsigned char)b[k]);
	printf("\n");
}

/* What the texts exercised: lines folded after ';', ':' or ' ', at a UTF-8 boundary (before a
 * lead byte), between ASCII letters with no better place, and lines of 74 and 75 bytes. */
struct reach {
	size_t after_break, before_lead, plain, len74, len75, crlf_split;
};

static void count_reach(const char *t, struct reach *r)
{
	const char *line = t;

	for (const char *p = t; (p = strstr(p, "\r\n")); line = p += 2) {
		size_t len = (size_t)(p - line);

		if (len == 74)
			r->len74++;
		if (len == 75)
			r->len75++;
		if (p[2] != ' ')
			continue;
		if (len && p[-1] == '\r')
			r->crlf_split++;
		else if (len && (p[-1] == ';' || p[-1] == ':' || p[-1] == ' '))
			r->after_break++;
		else if (((unsigned char)p[3] & 0xc0) == 0xc0)
			r->before_lead++;
		else if (!((unsigned char)p[3] & 0x80))
			r->plain++;
	}
}

static void test_random(void)
{
	struct reach r = { 0 };
	size_t events = 0, same = 0, total = 0, bytes = 0;
	int shown = 0;

	rng_state = 20261205;
	for (int k = 0; k < 1500; k++) {
		struct cal c;
		struct ics_vevent holder;
		char *want, *got;

		memset(&c, 0, sizeof(c));
		memset(&holder, 0, sizeof(holder));
		strlist_init(&holder.owned);
		c.n = 1 + rnd(5);
		c.now = random_instant();
		c.calname = rnd(4) ? text(&holder, rnd(3) ? 5 : 40) : NULL;
		/* a VTIMEZONE is of the zone X-WR-TIMEZONE names, a real one: a name short enough
		 * that its line is never folded (the oracle looks for the first event after it) */
		c.vtz = rnd(3) ? vtz_text : NULL;
		c.zone = c.vtz || rnd(3) ? "Asia/Seoul" : text(&holder, 10);
		for (size_t i = 0; i < c.n; i++) {
			random_event(&c.ev[i]);
			c.uid[i] = text(&holder, rnd(3) ? 4 : 40);
			c.tzid[i] = !rnd(3) ? NULL : rnd(2) ? "Asia/Seoul" : text(&holder, rnd(2) ? 4 : 30);
			c.sequence[i] = rnd(4) ? (int)rnd(5) : rnd(2) ? INT_MAX : (int)rnd(1u << 31);
		}
		want = oracle(&c);
		got = written(&c);
		total++;
		events += c.n;
		bytes += strlen(want);
		if (!strcmp(want, got))
			same++;
		else if (shown++ < 3)
			show_difference(want, got);
		count_reach(want, &r);
		free(want);
		free(got);
		for (size_t i = 0; i < c.n; i++)
			event_release(&c.ev[i]);
		strlist_release(&holder.owned);
	}
	ok(same == total, "%zu random calendars (%zu events, %zu bytes): ics_write writes what libical "
	   "writes (%zu differ)", total, events, bytes, total - same);
	/* the texts reached every rule the writer copies */
	ok(r.after_break > 1000 && r.before_lead > 100 && r.plain > 100,
	   "folds after ';', ':' or ' ' (%zu), before a UTF-8 lead byte (%zu), between ASCII "
	   "(%zu)", r.after_break, r.before_lead, r.plain);
	ok(r.len74 > 100 && r.len75 > 100, "lines of 74 bytes (%zu) and of 75, a folded one's "
	   "space included (%zu)", r.len74, r.len75);
	ok(r.crlf_split > 0, "and lines whose CR libical folds off from the LF (%zu)", r.crlf_split);
}

/* Lines chosen by hand: one event, its SUMMARY s; whether ics_write writes what the oracle
 * does (the first difference is shown). */
static bool same_summary(const char *s, const char *tzid)
{
	static int shown;
	struct cal c;
	char *want, *got;
	bool same;

	memset(&c, 0, sizeof(c));
	c.n = 1;
	c.calname = "PyCon, \"한국\"; 2025";
	c.zone = "Asia/Seoul";
	strlist_init(&c.ev[0].owned);
	strlist_init(&c.ev[0].categories);
	c.ev[0].summary = s;
	c.ev[0].location = "";
	c.ev[0].start = 1755304200;
	c.ev[0].end = 1755306600;
	c.ev[0].local_start = (struct civil){ 2025, 8, 16, 9, 30, 0 };
	c.ev[0].local_end = (struct civil){ 2025, 8, 16, 10, 10, 0 };
	c.uid[0] = "t1@pycon-kr-2025.planner";
	c.tzid[0] = tzid;
	want = oracle(&c);
	got = written(&c);
	same = !strcmp(want, got);
	if (!same && shown++ < 3)
		show_difference(want, got);
	free(want);
	free(got);
	return same;
}

static void test_limits(void)
{
	static const char *const runs[] = { "x", " ", ";", "홀", "\xf0\x9f\x98\x80", "e\xcc\x81", "\\",
					    "\n", "\x80" /* no character starts: folded at 74 bytes */ };
	char s[1200];

	/* SUMMARY:<run repeated> for every length around the folding limits */
	for (size_t r = 0; r < sizeof(runs) / sizeof(*runs); r++) {
		size_t same = 0, n = 0;

		for (size_t len = 0; len < 170; len++, n++) {
			s[0] = '\0';
			for (size_t k = 0; k < len; k++)
				strcat(s, runs[r]);
			same += same_summary(s, r % 2 ? "Asia/Seoul" : NULL);
		}
		ok(same == n, "a SUMMARY of 0 to %zu times '%s' is written as libical does", n - 1,
		   runs[r][0] == '\n' ? "\\n" : runs[r]);
	}
	ok(same_summary("a\\b;c,d:e\"f^g\nh\ri\tj\bk\fl\x01m\x7f", "Asia/Seoul"),
	   "TEXT escaping: each character TEXT escaping or libical cares for");
	ok(same_summary("x", "America/Argentina/Buenos_Aires;x:y,z\"w^v\nu\x01t\xf9"),
	   "a TZID that must be quoted, with characters RFC 6868 encodes or libical blanks");
	ok(same_summary("x", "Asia/Seoul^\"x\n\x7f"), "a TZID with them, not quoted");
	ok(same_summary("x", ""), "an empty TZID");
}

int main(void)
{
	test_limits();
	test_random();
	return done_testing();
}
