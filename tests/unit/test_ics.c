/* test_ics.c: the iCalendar writer, checked with libical's own parser — the file parses, passes
 * libical's RFC 5546 PUBLISH restrictions and round-trips byte for byte; UIDs; DTSTART/DTEND
 * with the plain IANA TZID and a VTIMEZONE that has only the observances the events need (no
 * local-mean-time offsets with seconds), read back to the right instants; escaping of commas,
 * semicolons, backslashes and newlines; 75-octet folding that keeps Korean characters whole;
 * SEQUENCE growth and its state file; CANCELLED; the alarm; --utc; URLs and control characters
 * that could break the file; and which events an export writes (a plan's, with the cancelled
 * ones and alternatives, or the sessions a filter or --all selects). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libical/ical.h>

#include "export.h"
#include "filter.h"
#include "ics.h"
#include "load.h"
#include "pick.h"
#include "plan.h"
#include "schedule.h"
#include "tap.h"
#include "text.h"
#include "tz.h"
#include "util.h"

static const struct session *find(const struct schedule *s, const char *id)
{
	long i = schedule_find_session(s, id);
	return i < 0 ? NULL : &s->sessions[i];
}

/* Every timed session of s, in order, as events. */
static size_t all_events(const struct schedule *s, struct ics_event *ev)
{
	size_t n = 0;

	for (size_t i = 0; i < s->nsessions; i++)
		if (s->sessions[i].has_time) {
			memset(&ev[n], 0, sizeof(ev[n]));
			ev[n++].se = &s->sessions[i];
		}
	return n;
}

static char *export(const struct schedule *s, const struct ics_event *ev, size_t n,
		    const struct ics_options *o, struct ics_state *st)
{
	char *text = NULL;
	size_t len = 0;

	if (ics_calendar(s, ev, n, o, st, &text, &len) < 0) {
		printf("# ics_calendar: %s\n", error_message());
		return NULL;
	}
	if (strlen(text) != len) {
		/* the callers' checks of the text then fail */
		printf("# length mismatch: %zu bytes, said %zu\n", strlen(text), len);
		free(text);
		return NULL;
	}
	return text;
}

static icalcomponent *event_by_uid(icalcomponent *cal, const char *uid)
{
	for (icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
	     e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		if (!strcmp(icalcomponent_get_uid(e), uid))
			return e;
	return NULL;
}

static int count_components(icalcomponent *c, icalcomponent_kind kind)
{
	return icalcomponent_count_components(c, kind);
}

static const char *tzid_param(icalcomponent *ev, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(ev, kind);
	icalparameter *par = p ? icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER) : NULL;

	return par ? icalparameter_get_tzid(par) : NULL;
}

/* The instant of DTSTART or DTEND, read with the file's own VTIMEZONE (or as UTC). */
static int64_t instant_of(icalcomponent *cal, icalcomponent *ev, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(ev, kind);
	const char *tzid = tzid_param(ev, kind);
	struct icaltimetype t = kind == ICAL_DTSTART_PROPERTY ? icalproperty_get_dtstart(p)
							      : icalproperty_get_dtend(p);
	icaltimezone *z = tzid ? icalcomponent_get_timezone(cal, tzid) : icaltimezone_get_utc_timezone();

	if (!z)
		return -1;
	t.zone = NULL;
	return (int64_t)icaltime_as_timet_with_zone(t, z);
}

static const char *text_prop(icalcomponent *c, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(c, kind);
	return p ? icalvalue_get_text(icalproperty_get_value(p)) : NULL;
}

/* The text with folded lines joined again (RFC 5545 section 3.1: CRLF + one space). */
static char *unfold(const char *text)
{
	char *out = xmalloc(strlen(text) + 1), *o = out;

	for (const char *p = text; *p; p++) {
		if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ') {
			p += 2;
			continue;
		}
		*o++ = *p;
	}
	*o = '\0';
	return out;
}

/*
 * libical's RFC 5546 checks for the METHOD (icalrestriction_check: run on a copy, since it adds
 * X-LIC-ERROR properties, and it stops at the first event that fails).  The one rule planner
 * breaks on purpose: PUBLISH wants an ORGANIZER, and an event with one is a meeting to many
 * calendars (Outlook offers to answer it), while a timetable has no organizer's address to
 * give.  So the copy gets an ORGANIZER in every event, and then every other rule must hold.
 */
static void check_restrictions(icalcomponent *cal, const char *what)
{
	icalcomponent *copy = icalcomponent_new_clone(cal);
	int valid;

	for (icalcomponent *e = icalcomponent_get_first_component(copy, ICAL_VEVENT_COMPONENT); e;
	     e = icalcomponent_get_next_component(copy, ICAL_VEVENT_COMPONENT))
		icalcomponent_add_property(e, icalproperty_new_organizer("mailto:nobody@example.org"));
	valid = icalrestriction_check(copy);
	ok(valid && icalcomponent_count_errors(copy) == 0,
	   "%s: libical's RFC 5546 PUBLISH restrictions hold (given an ORGANIZER)", what);
	icalcomponent_free(copy);
	copy = icalcomponent_new_clone(cal);
	ok(!icalrestriction_check(copy), "%s: and fail without one, so the check does check", what);
	icalcomponent_free(copy);
}

/* Physical lines: each at most 75 octets, valid UTF-8, ended by CRLF (RFC 5545 section 3.1).
 * Counts the folds that fall between two Hangul syllables (no space at the fold). */
static void check_lines(const char *text, const char *what)
{
	size_t lines = 0, too_long = 0, bad_utf8 = 0, bare_lf = 0, hangul_folds = 0;
	const char *p = text, *prev = NULL;
	size_t prev_len = 0;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		if (!nl || len == 0 || p[len - 1] != '\r')
			bare_lf++;
		else
			len--;
		lines++;
		if (len > 75)
			too_long++;
		if (!text_valid_utf8(p, len, NULL))
			bad_utf8++;
		/* a fold inside Korean: the previous line ends with a Hangul syllable's last byte
		 * and this one goes on with a Hangul lead byte (U+AC00..U+D7A3: 0xEA..0xED) */
		if (prev && p[0] == ' ' && len > 1 && (unsigned char)p[1] >= 0xEA &&
		    (unsigned char)p[1] <= 0xED && prev_len >= 3 &&
		    (unsigned char)prev[prev_len - 3] >= 0xEA && (unsigned char)prev[prev_len - 3] <= 0xED)
			hangul_folds++;
		prev = p;
		prev_len = len;
		p = nl ? nl + 1 : p + strlen(p);
	}
	is_int(too_long, 0, "%s: no line is longer than 75 octets (of %zu)", what, lines);
	is_int(bad_utf8, 0, "%s: every folded line is whole UTF-8", what);
	is_int(bare_lf, 0, "%s: every line ends with CRLF", what);
	if (!strcmp(what, "ExportCon"))
		ok(hangul_folds >= 2, "%s: long Korean runs are folded between two syllables (%zu folds)",
		   what, hangul_folds);
}

static void test_calendar(struct schedule *s)
{
	struct ics_event ev[16];
	struct ics_options o;
	size_t n = all_events(s, ev);
	char *text, *again;
	icalcomponent *cal, *e, *vtz, *al;
	int observances = 0, seconds_offsets = 0;

	ics_options_init(&o);
	o.now = 1700000000;
	ev[1].alternative = find(s, "t3");	/* t1 */
	text = export(s, ev, n, &o, NULL);
	if (!ok(text != NULL, "the calendar is written"))
		return;
	ok(!strstr(text, "freeassociation"), "no libical TZID prefix anywhere");
	ok(!strncmp(text, "BEGIN:VCALENDAR\r\n", 17), "it starts with BEGIN:VCALENDAR");
	check_lines(text, "ExportCon");

	cal = icalparser_parse_string(text);
	if (!ok(cal && icalcomponent_isa(cal) == ICAL_VCALENDAR_COMPONENT, "libical parses it"))
		return;
	is_int(icalcomponent_count_errors(cal), 0, "with no X-LIC-ERROR");
	again = icalcomponent_as_ical_string_r(cal);
	is_str(again, text, "parsing and writing it again gives the same bytes (a round trip)");
	free(again);
	check_restrictions(cal, "ExportCon");

	is_int(icalcomponent_get_method(cal), ICAL_METHOD_PUBLISH, "METHOD:PUBLISH");
	ok(strstr(text, "\r\nPRODID:-//planner//planner " PLANNER_VERSION "//EN\r\n") != NULL,
	   "PRODID names planner and its version");
	ok(strstr(text, "\r\nX-WR-CALNAME:ExportCon 2025\r\n") && strstr(text, "\r\nX-WR-TIMEZONE:Asia/Seoul\r\n"),
	   "X-WR-CALNAME and X-WR-TIMEZONE");
	is_int(count_components(cal, ICAL_VEVENT_COMPONENT), (int)n, "one VEVENT per timed session");
	is_int(count_components(cal, ICAL_VTIMEZONE_COMPONENT), 1, "one VTIMEZONE");

	vtz = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
	is_str(icalproperty_get_tzid(icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY)),
	       "Asia/Seoul", "the VTIMEZONE's TZID is the plain IANA name");
	for (icalcomponent *c = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT); c;
	     c = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT)) {
		observances++;
		if (icalproperty_get_tzoffsetto(icalcomponent_get_first_property(c, ICAL_TZOFFSETTO_PROPERTY)) % 60 ||
		    icalproperty_get_tzoffsetfrom(icalcomponent_get_first_property(c, ICAL_TZOFFSETFROM_PROPERTY)) % 60)
			seconds_offsets++;
		is_int(icalproperty_get_tzoffsetto(icalcomponent_get_first_property(c, ICAL_TZOFFSETTO_PROPERTY)),
		       9 * 3600, "the observance is +09:00");
	}
	is_int(observances, 1, "Asia/Seoul in 2025 needs one observance, not the zone's history");
	is_int(seconds_offsets, 0, "no offset with seconds (1908's local mean time is gone)");

	for (size_t i = 0; i < n; i++) {
		char *uid = ics_uid(s->conf.id, ev[i].se->id);
		e = event_by_uid(cal, uid);
		if (!ok(e != NULL, "UID %s is there", uid)) {
			free(uid);
			continue;
		}
		free(uid);
		ok(tzid_param(e, ICAL_DTSTART_PROPERTY) && !strcmp(tzid_param(e, ICAL_DTSTART_PROPERTY), "Asia/Seoul") &&
		   tzid_param(e, ICAL_DTEND_PROPERTY) && !strcmp(tzid_param(e, ICAL_DTEND_PROPERTY), "Asia/Seoul"),
		   "%s: DTSTART and DTEND name TZID=Asia/Seoul", ev[i].se->id);
		ok(instant_of(cal, e, ICAL_DTSTART_PROPERTY) == ev[i].se->start &&
		   instant_of(cal, e, ICAL_DTEND_PROPERTY) == ev[i].se->end,
		   "%s: read with the file's VTIMEZONE, the times are the session's instants", ev[i].se->id);
		is_int(icalcomponent_get_sequence(e), 0, "%s: SEQUENCE 0 without state", ev[i].se->id);
	}
	ok(strstr(text, "\r\nDTSTART;TZID=Asia/Seoul:20250816T093000\r\n") != NULL,
	   "the keynote starts at 09:30 local time");
	ok(strstr(text, "\r\nDTSTAMP:20231114T221320Z\r\n") != NULL, "DTSTAMP is the given time, in UTC");

	e = event_by_uid(cal, "t1@exportcon-2025.planner");
	if (e) {
		ok(strstr(text, "\r\nSUMMARY:Commas\\, semicolons\\; and a back\\\\slash\r\n") != NULL,
		   "commas, semicolons and backslashes in SUMMARY are escaped");
		is_str(icalcomponent_get_summary(e), "Commas, semicolons; and a back\\slash",
		       "and read back as they were");
		is_str(icalcomponent_get_location(e), "Hall A (1F, Main)", "LOCATION: room, floor, building");
		is_str(icalcomponent_get_description(e),
		       "ko, intermediate\nSpeakers: 김파이, Lee, Jr.\n\nLine one\nLine two; with a comma, here\n\n"
		       "https://example.org/talks/t1?a=1&b=2\nalternative: t3 asyncio 실전 (큰 방 B, 10:30-11:10)",
		       "DESCRIPTION: language, level, speakers, abstract with its line break, URL, alternative");
		{
			char *flat = unfold(text);
			ok(strstr(flat, "\r\nDESCRIPTION:ko\\, intermediate\\nSpeakers: 김파이\\, Lee\\, Jr.\\n\\nLine "
				  "one\\nLine two\\; with a comma\\, here\\n\\n") != NULL,
			   "newlines in DESCRIPTION are written as \\n, commas and semicolons escaped");
			free(flat);
		}
		is_str(icalproperty_get_url(icalcomponent_get_first_property(e, ICAL_URL_PROPERTY)),
		       "https://example.org/talks/t1?a=1&b=2", "URL");
		{
			const char *want[] = { "Python", "asyncio", "web", "api" };
			int k = 0, good = 0;
			for (icalproperty *p = icalcomponent_get_first_property(e, ICAL_CATEGORIES_PROPERTY); p;
			     p = icalcomponent_get_next_property(e, ICAL_CATEGORIES_PROPERTY), k++)
				good += k < 4 && !strcmp(icalproperty_get_categories(p), want[k]);
			ok(k == 4 && good == 4, "CATEGORIES: the track, then each tag ('web, api' is two)");
		}
		al = icalcomponent_get_first_component(e, ICAL_VALARM_COMPONENT);
		ok(al && icalproperty_get_action(icalcomponent_get_first_property(al, ICAL_ACTION_PROPERTY)) ==
			 ICAL_ACTION_DISPLAY, "a DISPLAY alarm");
		if (al) {
			struct icaltriggertype tr = icalproperty_get_trigger(
				icalcomponent_get_first_property(al, ICAL_TRIGGER_PROPERTY));
			is_int(icaldurationtype_as_int(tr.duration), -600, "10 minutes before the start");
			is_str(text_prop(al, ICAL_DESCRIPTION_PROPERTY),
			       "10:30 Hall A (1F, Main): Commas, semicolons; and a back\\slash",
			       "the alarm says when, the room and the title");
		}
	}
	e = event_by_uid(cal, "t2@exportcon-2025.planner");
	if (e)
		is_str(icalcomponent_get_summary(e), find(s, "t2")->title,
		       "a long Korean title unfolds to itself");
	e = event_by_uid(cal, "t4@exportcon-2025.planner");
	if (e) {
		is_str(icalcomponent_get_location(e), "Room C; east, \\ wing",
		       "a room name with ; , and \\ survives in LOCATION");
		is_str(icalproperty_get_url(icalcomponent_get_first_property(e, ICAL_URL_PROPERTY)),
		       "https://example.org/t4%20closing", "a space in a URL is percent-encoded");
	}
	e = event_by_uid(cal, "t5@exportcon-2025.planner");
	if (e)
		is_str(icalcomponent_get_summary(e), "Red alert",
		       "terminal escape sequences are dropped from text, as on a terminal");
	e = event_by_uid(cal, "k1@exportcon-2025.planner");
	if (e) {
		is_str(icalcomponent_get_location(e), "all rooms", "a plenary in every room");
		ok(!icalcomponent_get_first_property(e, ICAL_URL_PROPERTY), "no URL when the session has none");
		ok(!icalcomponent_get_first_property(e, ICAL_STATUS_PROPERTY), "no STATUS for a normal event");
	}
	icalcomponent_free(cal);
	free(text);
}

static void test_options(struct schedule *s)
{
	struct ics_event ev[16];
	struct ics_options o;
	size_t n = all_events(s, ev);
	char *text;
	icalcomponent *cal;

	ics_options_init(&o);
	o.utc = true;
	o.alarm = -1;
	o.calname = "My, plan";
	text = export(s, ev, n, &o, NULL);
	if (!text)
		return;
	ok(!strstr(text, "VTIMEZONE") && !strstr(text, "TZID="), "--utc: no VTIMEZONE and no TZID");
	ok(strstr(text, "\r\nDTSTART:20250816T003000Z\r\n") != NULL, "--utc: 09:30 KST is written as 00:30Z");
	ok(!strstr(text, "VALARM"), "alarm -1: no VALARM");
	ok(strstr(text, "\r\nX-WR-CALNAME:My, plan\r\n") != NULL, "the calendar name can be given");
	cal = icalparser_parse_string(text);
	ok(cal && instant_of(cal, icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT),
			     ICAL_DTSTART_PROPERTY) == ev[0].se->start, "--utc times read back to the same instant");
	icalcomponent_free(cal);
	free(text);

	ics_options_init(&o);
	o.alarm = 5400;
	text = export(s, ev, 1, &o, NULL);
	ok(text && strstr(text, "\r\nTRIGGER:-PT1H30M\r\n"), "alarm 5400 s: TRIGGER:-PT1H30M");
	free(text);
}

static void test_alarm_parse(void)
{
	static const struct { const char *arg; int want; } good[] = {
		{ "10m", 600 }, { "90s", 90 }, { "1h", 3600 }, { "1h30m", 5400 }, { "1d", 86400 },
		{ "15", 900 }, { "0", 0 }, { "none", -1 }, { "7d", 604800 }, { "2h5m10s", 7510 },
	};
	static const char *const bad[] = { "", "10x", "-5m", "m", "1h30", "8d", "1.5h", "10 m",
					   "99999999999999999999m", "None" };
	int v;

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		v = -2;
		ok(ics_alarm_parse(good[i].arg, &v) == 0 && v == good[i].want, "--alarm '%s' is %d s",
		   good[i].arg, good[i].want);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ok(ics_alarm_parse(bad[i], &v) < 0 && error_status() == EX_USAGE, "--alarm '%s' is refused",
		   bad[i]);
}

static int sequence_in(const char *text, const char *uid)
{
	icalcomponent *cal = icalparser_parse_string(text), *e;
	int seq = -1;

	if (cal && (e = event_by_uid(cal, uid)))
		seq = icalcomponent_get_sequence(e);
	icalcomponent_free(cal);
	return seq;
}

static void retitle(struct session *se, const char *title)
{
	free(se->title);
	se->title = xstrdup(title);
}

/* Damaged version 2 files, made from the good one at path by changing its last line: each is
 * an error, and leaves the state empty. */
static void state_damaged_v2(const char *path)
{
	FILE *f = fopen(path, "r");
	static char good[8192];
	char *line, *v[6], *at;
	size_t len = f ? fread(good, 1, sizeof(good) - 1, f) : 0, head;

	if (f)
		fclose(f);
	good[len] = '\0';
	if (!ok(len > 2 && good[len - 1] == '\n', "the version 2 file ends with a line"))
		return;
	good[len - 1] = '\0';
	line = strrchr(good, '\n') + 1;
	head = (size_t)(line - good);
	/* (the last line is t5's: "... t5 Red%20alert Hall%20A%20(1F,%20Main)") */
	if (!ok(strstr(line, " t5 Red%20alert ") != NULL, "its last line is t5's"))
		return;
	/* a field too many; one too few; a NUL escaped in a text; a bad escape; an entry twice;
	 * a start that is not a number */
	v[0] = xasprintf("%.*s%s extra\n", (int)head, good, line);
	v[1] = xasprintf("%.*s%.*s\n", (int)head, good, (int)(strrchr(line, ' ') - line), line);
	v[2] = xasprintf("%.*s%s\n", (int)head, good, line);
	v[3] = xasprintf("%.*s%s\n", (int)head, good, line);
	v[4] = xasprintf("%.*s%s\n%s\n", (int)head, good, line, line);
	v[5] = xasprintf("%.*s%s\n", (int)head, good, line);
	memcpy(strstr(v[2] + head, "%20"), "%00", 3);
	memcpy(strstr(v[3] + head, "%20"), "%2x", 3);
	at = strchr(strchr(strchr(v[5] + head, ' ') + 1, ' ') + 1, ' ') + 1;
	*at = 'x';	/* the start's first digit */
	for (int i = 0; i < 6; i++) {
		struct ics_state back;

		f = fopen(path, "w");
		fputs(v[i], f);
		fclose(f);
		ics_state_init(&back);
		ok(ics_state_load(&back, path) < 0 && back.n == 0,
		   "a damaged version 2 file (case %d) is an error and loads nothing", i);
		ics_state_release(&back);
		free(v[i]);
	}
}

static void test_sequence(struct schedule *s)
{
	struct ics_event ev[16];
	struct ics_options o;
	struct ics_state st, back;
	size_t n = all_events(s, ev);
	struct session *t4 = (struct session *)find(s, "t4");
	char *old_title = xstrdup(t4->title), *text, path[] = "/tmp/planner-test-ics-XXXXXX";
	int fd;
	FILE *f;

	ics_options_init(&o);
	ics_state_init(&st);
	free(export(s, ev, n, &o, &st));
	is_int(st.n, n, "the state records every exported session");
	ok(st.dirty, "and is to be saved");
	is_int(ics_state_sequence(&st, "t4"), 0, "a first export has SEQUENCE 0");
	st.dirty = false;
	o.now += 3600;
	text = export(s, ev, n, &o, &st);
	ok(text && !st.dirty && sequence_in(text, "t4@exportcon-2025.planner") == 0,
	   "exporting again unchanged (a later DTSTAMP) keeps SEQUENCE 0 and the state as it was");
	free(text);

	retitle(t4, "Closing: 다음에 또 만나요 (moved up)");
	text = export(s, ev, n, &o, &st);
	ok(text && sequence_in(text, "t4@exportcon-2025.planner") == 1 &&
	   sequence_in(text, "t1@exportcon-2025.planner") == 0,
	   "a retitled session gets SEQUENCE 1, the others keep 0");
	free(text);
	retitle(t4, old_title);
	text = export(s, ev, n, &o, &st);
	ok(text && sequence_in(text, "t4@exportcon-2025.planner") == 2,
	   "changing it back is another change: SEQUENCE 2, never back to 0");
	free(text);
	o.alarm = 3600;
	text = export(s, ev, n, &o, &st);
	ok(text && sequence_in(text, "t1@exportcon-2025.planner") == 1,
	   "a different alarm changes the event too: SEQUENCE 1");
	free(text);
	o.utc = true;
	text = export(s, ev, n, &o, &st);
	ok(text && sequence_in(text, "t1@exportcon-2025.planner") == 1,
	   "--utc writes the same instants: no new SEQUENCE");
	free(text);
	o.utc = false;

	/* the state file: a round trip, ids with spaces and '%' included */
	fd = mkstemp(path);
	close(fd);
	{
		struct ics_event one;
		struct session *t5 = (struct session *)find(s, "t5");
		char *id = t5->id;

		t5->id = xstrdup("odd id %20 with\ttab");
		memset(&one, 0, sizeof(one));
		one.se = t5;
		free(export(s, &one, 1, &o, &st));
		free(t5->id);
		t5->id = id;
	}
	is_int(ics_state_save(&st, path), 0, "the state is saved");
	ics_state_init(&back);
	is_int(ics_state_load(&back, path), 0, "and loaded");
	is_int(back.n, st.n, "with every entry");
	is_int(ics_state_sequence(&back, "t4"), 3, "sequences survive (t4: retitled twice, a new alarm)");
	is_int(ics_state_sequence(&back, "odd id %20 with\ttab"), 0, "an id with space, tab and %% survives");
	ok(back.n == st.n && !memcmp(&back.v[0].hash, &st.v[0].hash, sizeof(st.v[0].hash)), "hashes survive");
	ics_state_release(&back);

	/* version 2: how each event was written, and the last plan export's file */
	{
		long k = -1;

		for (size_t i = 0; i < st.n; i++)
			if (!strcmp(st.v[i].id, "odd id %20 with\ttab"))
				k = (long)i;
		ok(k >= 0 && st.v[k].summary && st.v[k].start && st.v[k].end > st.v[k].start,
		   "the state keeps the title and time written");
		free(st.v[k].summary);
		st.v[k].summary = xstrdup("a = b %41 c");
		free(st.v[k].location);
		st.v[k].location = xstrdup("");
		st.v[k].planned = st.v[k].cancelled = true;
		ics_state_set_output(&st, "/home/you/my pycon.ics", true, -1);
		is_int(ics_state_save(&st, path), 0, "a version 2 state is saved");
		ics_state_init(&back);
		is_int(ics_state_load(&back, path), 0, "and loaded");
		ok(back.output && !strcmp(back.output, "/home/you/my pycon.ics") && back.output_utc &&
		   back.output_alarm == -1, "with the last export's file and options");
		ok(back.n == st.n && back.v[k].planned && back.v[k].cancelled && back.v[k].start == st.v[k].start &&
		   back.v[k].end == st.v[k].end, "flags and times survive");
		ok(back.v[k].summary && !strcmp(back.v[k].summary, "a = b %41 c") && back.v[k].location &&
		   !*back.v[k].location, "a title with '=', '%%' and spaces, and an empty room, survive");
		ics_state_release(&back);
		state_damaged_v2(path);
	}

	f = fopen(path, "w");
	fputs("planner-export-state 1\n3 00000000000000aa t1\nnonsense\n", f);
	fclose(f);
	ics_state_init(&back);
	ok(ics_state_load(&back, path) < 0 && error_status() == EX_DATAERR && strstr(error_message(), ":3:"),
	   "a damaged state file is an error naming the line");
	is_int(back.n, 0, "and leaves the state empty");
	f = fopen(path, "w");
	fputs("{\"json\": true}\n", f);
	fclose(f);
	ok(ics_state_load(&back, path) < 0, "a file that is not a state file is refused");
	unlink(path);
	is_int(ics_state_load(&back, path), 1, "a missing state file is 'none yet'");
	ics_state_release(&back);
	ics_state_release(&st);
	free(old_title);
}

static void test_cancelled(struct schedule *s)
{
	struct plan_entry gone = { 0 };
	struct ics_event ev[2];
	struct ics_options o;
	struct ics_state st;
	char *text;
	icalcomponent *cal, *e;

	gone.id = xstrdup("gone1");
	gone.title = xstrdup("A talk that was, and is no more");
	gone.start = find(s, "t2")->start + 3600;
	gone.end = gone.start + 1800;
	gone.room = xstrdup("큰 방 B");
	memset(ev, 0, sizeof(ev));
	ev[0].se = find(s, "t1");
	ev[1].se = NULL;
	ev[1].planned = &gone;
	ev[1].cancelled = true;
	ics_options_init(&o);
	ics_state_init(&st);
	/* first exported while it existed */
	{
		struct ics_event was;
		struct session *t2 = (struct session *)find(s, "t2");
		char *id = t2->id;
		t2->id = xstrdup("gone1");
		memset(&was, 0, sizeof(was));
		was.se = t2;
		free(export(s, &was, 1, &o, &st));
		free(t2->id);
		t2->id = id;
	}
	text = export(s, ev, 2, &o, &st);
	cal = text ? icalparser_parse_string(text) : NULL;
	e = cal ? event_by_uid(cal, "gone1@exportcon-2025.planner") : NULL;
	if (ok(e != NULL, "a cancelled planned session is still exported")) {
		is_int(icalcomponent_get_status(e), ICAL_STATUS_CANCELLED, "with STATUS:CANCELLED");
		is_int(icalcomponent_get_sequence(e), 1, "and a higher SEQUENCE, so calendars take it");
		ok(instant_of(cal, e, ICAL_DTSTART_PROPERTY) == gone.start, "at its planned time");
		is_str(icalcomponent_get_summary(e), gone.title, "with its planned title");
		is_str(icalcomponent_get_location(e), "큰 방 B (2F)", "and room (with its floor: the room is still there)");
		ok(!strncmp(icalcomponent_get_description(e), "Cancelled:", 10), "DESCRIPTION says so");
		ok(!icalcomponent_get_first_component(e, ICAL_VALARM_COMPONENT), "no alarm for it");
		check_restrictions(cal, "with a CANCELLED event");
	}
	icalcomponent_free(cal);
	free(text);
	ics_state_release(&st);
	free(gone.id);
	free(gone.title);
	free(gone.room);
}

static void test_hostile(void)
{
	static const char json[] =
		"{\"planner_format\":1,\"conference\":{\"id\":\"h\",\"name\":\"Evil\\nCon\",\"timezone\":\"Asia/Seoul\"},"
		"\"rooms\":[{\"id\":\"r\",\"name\":\"R\"}],\"sessions\":["
		"{\"id\":\"x\",\"title\":\"Line\\r\\nBEGIN:VEVENT\",\"room\":\"r\","
		"\"url\":\"https://x.example/a\\r\\nBEGIN:VALARM\",\"tags\":[\"a\\\\b\"],"
		"\"abstract\":\"\\n\\nEND:VEVENT\\r\\nEND:VCALENDAR\\u001b[1m bold\\u202e\\n\\n\\nthird\\n\\n\","
		"\"start\":\"2025-01-01T10:00\",\"end\":\"2025-01-01T11:00\"}]}";
	struct schedule s;
	struct ics_event ev;
	struct ics_options o;
	char *text;
	icalcomponent *cal, *e;

	schedule_init(&s);
	if (!ok(schedule_load_buffer(&s, json, strlen(json), "h.json", NULL) == 0, "a hostile timetable loads"))
		return;
	memset(&ev, 0, sizeof(ev));
	ev.se = &s.sessions[0];
	ics_options_init(&o);
	text = export(&s, &ev, 1, &o, NULL);
	cal = text ? icalparser_parse_string(text) : NULL;
	ok(cal && count_components(cal, ICAL_VEVENT_COMPONENT) == 1 &&
	   count_components(icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT), ICAL_VALARM_COMPONENT) == 1,
	   "line breaks in a title, URL or abstract cannot add components");
	e = cal ? icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT) : NULL;
	if (e) {
		is_str(icalcomponent_get_summary(e), "Line BEGIN:VEVENT", "a SUMMARY stays on one line");
		is_str(icalproperty_get_url(icalcomponent_get_first_property(e, ICAL_URL_PROPERTY)),
		       "https://x.example/a%0D%0ABEGIN:VALARM", "a URL's line break is percent-encoded");
		is_str(icalproperty_get_categories(icalcomponent_get_first_property(e, ICAL_CATEGORIES_PROPERTY)),
		       "a\\b", "a backslash in a tag survives");
		is_str(icalcomponent_get_description(e),
		       "END:VEVENT\nEND:VCALENDAR bold\n\n\nthird\n\nhttps://x.example/a\nBEGIN:VALARM",
		       "DESCRIPTION keeps its line breaks but no escape sequence, BiDi control or outer blank line");
	}
	ok(text && strstr(text, "\r\nX-WR-CALNAME:Evil Con\r\n"), "the calendar name stays on one line");
	icalcomponent_free(cal);
	free(text);
	schedule_release(&s);
}

/* A control or BiDi character, or a byte that is not UTF-8, never reaches the calendar,
 * wherever it stands in a title or an abstract (the check skips printable ASCII eight bytes at
 * a time). */
static void test_unsafe_anywhere(void)
{
	static const char json[] =
		"{\"planner_format\":1,\"conference\":{\"id\":\"u\",\"name\":\"U\",\"timezone\":\"Asia/Seoul\"},"
		"\"rooms\":[{\"id\":\"r\",\"name\":\"R\"}],\"sessions\":["
		"{\"id\":\"x\",\"title\":\"T\",\"abstract\":\"A\",\"room\":\"r\","
		"\"start\":\"2025-01-01T10:00\",\"end\":\"2025-01-01T11:00\"}]}";
	/* the last two after Korean text, which the check passes a syllable at a time: a
	 * syllable cut short, and an escape character right after a syllable */
	static const char *const bad[] = { "\x1b", "\x01", "\x1f", "\x7f", "\xc2\x85", "\xe2\x80\xae", "\xff",
					   "\xed\xa0\x80", "\xed\x99\x80\xea\x80", "\xed\x99\x80\x1b" };
	struct schedule s;
	struct ics_event ev;
	struct ics_options o;
	size_t n = 0, clean = 0;

	schedule_init(&s);
	if (!ok(schedule_load_buffer(&s, json, strlen(json), "u.json", NULL) == 0, "a timetable loads"))
		return;
	memset(&ev, 0, sizeof(ev));
	ev.se = &s.sessions[0];
	ics_options_init(&o);
	o.alarm = -1;
	for (size_t b = 0; b < sizeof(bad) / sizeof(*bad); b++)
		for (int at = 0; at < 40; at++) {
			char t[80];
			char *text;

			snprintf(t, sizeof(t), "%.*s%s%s", at, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH",
				 bad[b], "0123456789");
			retitle(&s.sessions[0], t);
			free(s.sessions[0].abstract);
			s.sessions[0].abstract = xstrdup(t);
			text = export(&s, &ev, 1, &o, NULL);
			n++;
			/* (an escape character takes the next one with it) */
			clean += text && !strstr(text, bad[b]) && strstr(text, "56789");
			free(text);
		}
	ok(clean == n, "no unsafe character in SUMMARY or DESCRIPTION, at any place (%zu of %zu)",
	   clean, n);
	schedule_release(&s);
}

/* A conference across a DST change: both observances, and nothing else. */
static void test_dst(void)
{
	static const char json[] =
		"{\"planner_format\":1,\"conference\":{\"id\":\"dst\",\"name\":\"DST\",\"timezone\":\"Europe/Berlin\"},"
		"\"rooms\":[{\"id\":\"r\",\"name\":\"R\"}],\"sessions\":["
		"{\"id\":\"sat\",\"title\":\"Saturday\",\"room\":\"r\",\"start\":\"2019-03-30T10:00\",\"end\":\"2019-03-30T11:00\"},"
		"{\"id\":\"sun\",\"title\":\"Sunday\",\"room\":\"r\",\"start\":\"2019-03-31T10:00\",\"end\":\"2019-03-31T11:00\"}]}";
	static const char summer[] =
		"{\"planner_format\":1,\"conference\":{\"id\":\"sum\",\"name\":\"Summer\",\"timezone\":\"Europe/Berlin\"},"
		"\"rooms\":[{\"id\":\"r\",\"name\":\"R\"}],\"sessions\":["
		"{\"id\":\"a\",\"title\":\"A\",\"room\":\"r\",\"start\":\"2019-08-21T11:00\",\"end\":\"2019-08-21T12:00\"}]}";
	static const char utc[] =
		"{\"planner_format\":1,\"conference\":{\"id\":\"u\",\"name\":\"U\",\"timezone\":\"UTC\"},"
		"\"rooms\":[{\"id\":\"r\",\"name\":\"R\"}],\"sessions\":["
		"{\"id\":\"a\",\"title\":\"A\",\"room\":\"r\",\"start\":\"2025-01-01T10:00\",\"end\":\"2025-01-01T11:00\"}]}";
	struct schedule s;
	struct ics_event ev[2];
	struct ics_options o;
	char *text;
	icalcomponent *cal, *vtz;
	int offsets[4], k = 0;

	schedule_init(&s);
	if (!ok(schedule_load_buffer(&s, json, strlen(json), "dst.json", NULL) == 0, "a DST timetable loads"))
		return;
	memset(ev, 0, sizeof(ev));
	ev[0].se = &s.sessions[0];
	ev[1].se = &s.sessions[1];
	ics_options_init(&o);
	text = export(&s, ev, 2, &o, NULL);
	cal = text ? icalparser_parse_string(text) : NULL;
	vtz = cal ? icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT) : NULL;
	for (icalcomponent *c = vtz ? icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT) : NULL; c && k < 4;
	     c = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT))
		offsets[k++] = icalproperty_get_tzoffsetto(icalcomponent_get_first_property(c, ICAL_TZOFFSETTO_PROPERTY));
	ok(k == 2 && ((offsets[0] == 3600 && offsets[1] == 7200) || (offsets[0] == 7200 && offsets[1] == 3600)),
	   "Europe/Berlin across 2019-03-31: exactly CET and CEST");
	ok(cal && instant_of(cal, event_by_uid(cal, "sat@dst.planner"), ICAL_DTSTART_PROPERTY) == s.sessions[0].start &&
	   instant_of(cal, event_by_uid(cal, "sun@dst.planner"), ICAL_DTSTART_PROPERTY) == s.sessions[1].start,
	   "both sides of the change read back to the right instants");
	ok(text && strstr(text, "DTSTART;TZID=Europe/Berlin:20190331T100000"), "Sunday 10:00 local");
	icalcomponent_free(cal);
	free(text);
	schedule_release(&s);

	schedule_init(&s);
	if (schedule_load_buffer(&s, summer, strlen(summer), "summer.json", NULL) < 0)
		return;
	memset(ev, 0, sizeof(ev));
	ev[0].se = &s.sessions[0];
	text = export(&s, ev, 1, &o, NULL);
	cal = text ? icalparser_parse_string(text) : NULL;
	vtz = cal ? icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT) : NULL;
	k = 0;
	for (icalcomponent *c = vtz ? icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT) : NULL; c;
	     c = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT))
		offsets[k++ % 4] = icalproperty_get_tzoffsetto(icalcomponent_get_first_property(c, ICAL_TZOFFSETTO_PROPERTY));
	ok(k == 1 && offsets[0] == 7200, "Europe/Berlin in August: only CEST");
	icalcomponent_free(cal);
	free(text);
	schedule_release(&s);

	/* a conference in UTC needs no VTIMEZONE: its times are written in UTC */
	schedule_init(&s);
	if (schedule_load_buffer(&s, utc, strlen(utc), "utc.json", NULL) < 0)
		return;
	memset(ev, 0, sizeof(ev));
	ev[0].se = &s.sessions[0];
	text = export(&s, ev, 1, &o, NULL);
	ok(text && !strstr(text, "VTIMEZONE") && strstr(text, "\r\nDTSTART:20250101T100000Z\r\n") &&
	   strstr(text, "\r\nX-WR-TIMEZONE:UTC\r\n"), "a conference in UTC: UTC times, no VTIMEZONE");
	free(text);
	schedule_release(&s);
}

/* python-icalendar's reading of DTSTART and DTEND of every event of `text`, one "UID START END"
 * line each (ISO 8601, UTC), into out; false when it cannot run or fails. */
static bool python_times(const char *text, char *out, size_t size)
{
	char path[] = "/tmp/test_ics_XXXXXX";
	int fd = mkstemp(path);
	FILE *f;
	char cmd[600];
	size_t n;
	bool ran;

	if (fd < 0)
		return false;
	f = fdopen(fd, "w");
	if (!f) {
		close(fd);
		unlink(path);
		return false;
	}
	fputs(text, f);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "/usr/bin/python3 -c 'import datetime, sys, icalendar\n"
		 "cal = icalendar.Calendar.from_ical(open(sys.argv[1], \"rb\").read())\n"
		 "utc = datetime.timezone.utc\n"
		 "for e in cal.walk(\"VEVENT\"):\n"
		 "    print(e[\"UID\"], e[\"DTSTART\"].dt.astimezone(utc).isoformat(), "
		 "e[\"DTEND\"].dt.astimezone(utc).isoformat())' %s 2>&1", path);
	f = popen(cmd, "r");
	n = f ? fread(out, 1, size - 1, f) : 0;
	out[n] = '\0';
	ran = f && pclose(f) == 0;
	unlink(path);
	return ran;
}

/* Sessions past TZ_RULES_LAST_YEAR: written in UTC with the right date (libical alone writes a
 * year past 3000 as 00000000), and read back so by libical and python-icalendar. */
static void test_far_dates(void)
{
	static const char json[] =
		"{\"planner_format\":1,\"conference\":{\"id\":\"far\",\"name\":\"Far\",\"timezone\":\"Europe/Berlin\"},"
		"\"rooms\":[{\"id\":\"r\",\"name\":\"R\"}],\"sessions\":["
		"{\"id\":\"now\",\"title\":\"Now\",\"room\":\"r\",\"start\":\"2025-07-01T10:00\",\"end\":\"2025-07-01T11:00\"},"
		"{\"id\":\"y2900\",\"title\":\"2900\",\"room\":\"r\",\"start\":\"2900-07-01T10:00\",\"end\":\"2900-07-01T11:00\"},"
		"{\"id\":\"y9999\",\"title\":\"9999\",\"room\":\"r\",\"start\":\"9999-12-30T10:00\",\"end\":\"9999-12-30T11:30\"}]}";
	struct schedule s;
	struct ics_event ev[3];
	struct ics_options o;
	char *text, py[1024];
	icalcomponent *cal, *e;

	schedule_init(&s);
	if (!ok(schedule_load_buffer(&s, json, strlen(json), "far.json", NULL) == 0, "far dates: the timetable loads"))
		return;
	is_int(all_events(&s, ev), 3, "far dates: three events");
	ics_options_init(&o);
	o.now = 1735689600;	/* 2025-01-01T00:00:00Z */
	text = export(&s, ev, 3, &o, NULL);
	ok(text && !strstr(text, "00000000"), "far dates: no date-time written as zeros");
	ok(text && strstr(text, "\r\nDTSTART;TZID=Europe/Berlin:20250701T100000\r\n") &&
	   strstr(text, "\r\nDTEND;TZID=Europe/Berlin:20250701T110000\r\n"),
	   "far dates: a session of 2025 keeps its local time and TZID");
	/* planner reads Europe/Berlin past 2582 as +01:00 all year (tz.h) */
	ok(text && strstr(text, "\r\nDTSTART:29000701T090000Z\r\n") && strstr(text, "\r\nDTEND:29000701T100000Z\r\n"),
	   "far dates: year 2900 is written in UTC");
	ok(text && strstr(text, "\r\nDTSTART:99991230T090000Z\r\n") && strstr(text, "\r\nDTEND:99991230T103000Z\r\n"),
	   "far dates: year 9999 is written in UTC, with the right date");
	ok(text && strstr(text, "\r\nDTSTAMP:20250101T000000Z\r\n"), "far dates: DTSTAMP in UTC");
	ok(text && strstr(text, "\r\nTZUNTIL:2025"), "far dates: the VTIMEZONE spans the zoned session only");
	cal = text ? icalparser_parse_string(text) : NULL;
	e = cal ? event_by_uid(cal, "y9999@far.planner") : NULL;
	ok(e && icalproperty_get_dtstart(icalcomponent_get_first_property(e, ICAL_DTSTART_PROPERTY)).year == 9999 &&
	   instant_of(cal, event_by_uid(cal, "now@far.planner"), ICAL_DTSTART_PROPERTY) == find(&s, "now")->start,
	   "far dates: libical reads the file back");
	check_restrictions(cal, "far dates");
	if (access("/usr/bin/python3", X_OK) == 0) {
		bool ran = text && python_times(text, py, sizeof(py));
		ok(ran && strstr(py, "now@far.planner 2025-07-01T08:00:00+00:00 2025-07-01T09:00:00+00:00\n") &&
		   strstr(py, "y2900@far.planner 2900-07-01T09:00:00+00:00 2900-07-01T10:00:00+00:00\n") &&
		   strstr(py, "y9999@far.planner 9999-12-30T09:00:00+00:00 9999-12-30T10:30:00+00:00\n"),
		   "far dates: python-icalendar reads every event at planner's instants");
		if (!ran || !strstr(py, "y9999"))
			printf("#   python3: %s\n", py);
	} else {
		ok(1, "# SKIP no /usr/bin/python3");
	}
	icalcomponent_free(cal);
	free(text);

	o.utc = true;
	text = export(&s, ev, 3, &o, NULL);
	ok(text && strstr(text, "\r\nDTSTART:20250701T080000Z\r\n") && strstr(text, "\r\nDTSTART:99991230T090000Z\r\n") &&
	   !strstr(text, "VTIMEZONE"), "far dates: --utc writes every date in UTC");
	free(text);
	schedule_release(&s);
}

/* The ids of events ev[0..n), "!" before a cancelled one, "->ALT" after one with an alternative. */
static char *event_ids(const struct ics_event *ev, size_t n)
{
	struct strbuf sb;

	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++) {
		strbuf_addf(&sb, "%s%s%s", i ? " " : "", ev[i].cancelled ? "!" : "",
			    ev[i].planned ? ev[i].planned->id : ev[i].se->id);
		if (ev[i].alternative)
			strbuf_addf(&sb, "->%s", ev[i].alternative->id);
	}
	return strbuf_detach(&sb);
}

static void test_select_plan(const struct schedule *s)
{
	struct pick_settings saved;
	struct plan p;
	struct ics_event *ev = (struct ics_event *)s;
	struct session fake = { 0 };
	size_t n = 9, cancelled = 9;
	char *ids;
	bool linked = true;

	pick_settings_init(&saved);
	plan_init(&p);
	ok(export_select_plan(s, &p, &saved, &ev, &n, &cancelled) < 0 && !ev && !n,
	   "no plan: no events");
	is_str(error_message(), "no plan for ExportCon 2025 yet; make one with 'planner pick', or "
	       "export the whole timetable with --all", "saying how to make one");
	is_int(error_status(), EX_NOINPUT, "no input");
	p.fingerprint = xstrdup("0123456789abcdef");
	ok(export_select_plan(s, &p, &saved, &ev, &n, &cancelled) < 0 && !ev, "an empty plan: no events");
	is_str(error_message(), "your plan for ExportCon 2025 is empty; add sessions with 'planner add' "
	       "or 'planner pick', or export the whole timetable with --all", "saying how to fill it");

	/* t2 and t1 as planned; t5 planned at another time (the timetable moved it); "gone", which
	 * the timetable dropped, planned at t1's time; u1 planned when it had a time */
	plan_add(&p, s, find(s, "t2"));
	plan_add(&p, s, find(s, "t1"));
	plan_add(&p, s, find(s, "t5"));
	p.entries[plan_find(&p, "t5")].start = find(s, "k1")->start - 3600;
	fake.title = (char *)"planned";
	fake.has_time = true;
	fake.id = (char *)"gone";
	fake.start = find(s, "t1")->start;
	fake.end = fake.start + 1800;
	plan_add(&p, s, &fake);
	fake.id = (char *)"u1";
	fake.start = find(s, "t2")->start + 7200;
	fake.end = fake.start + 1800;
	plan_add(&p, s, &fake);
	p.travel_minutes = 0;
	ok(export_select_plan(s, &p, &saved, &ev, &n, &cancelled) == 0 && n == 5,
	   "five planned, five events");
	is_int(cancelled, 2, "two of them cancelled: dropped, and no longer timed");
	ids = event_ids(ev, n);
	is_str(ids, "!gone t1->t3 t2 !u1 t5",
	       "in time order (the cancelled at their planned time, the moved at their new one; ties "
	       "by id); t3 is t1's alternative");
	free(ids);
	for (size_t i = 0; i < n; i++) {
		const struct session *now = find(s, ev[i].planned->id);
		linked = linked && ev[i].se == now && plan_find(&p, ev[i].planned->id) >= 0 &&
			 ev[i].planned == &p.entries[plan_find(&p, ev[i].planned->id)];
	}
	ok(linked, "each event has the session as it is now (NULL when gone) and its plan entry");
	free(ev);

	strlist_push(&p.avoided, "t3");
	ok(export_select_plan(s, &p, &saved, &ev, &n, &cancelled) == 0, "again, with t3 avoided");
	ids = event_ids(ev, n);
	is_str(ids, "!gone t1 t2 !u1 t5", "an avoided session is no alternative");
	free(ids);
	free(ev);
	plan_release(&p);
	pick_settings_release(&saved);
}

static void test_select_sessions(const struct schedule *s)
{
	static const char untimed[] =
		"{\"planner_format\": 1, \"conference\": {\"id\": \"n\", \"name\": \"N\", \"timezone\": "
		"\"UTC\"}, \"rooms\": [], \"sessions\": [{\"id\": \"x\", \"title\": \"x\"}]}";
	struct schedule none;
	struct filter f;
	struct ics_event *ev = NULL;
	size_t n = 0, left = 0;
	char *ids;

	ok(export_select_sessions(s, NULL, &ev, &n, &left) == 0, "--all");
	ids = event_ids(ev, n);
	is_str(ids, "k1 t1 t3 t2 t5 t4", "every timed session, in timetable order");
	free(ids);
	is_int(left, 1, "the untimed one left out and counted");
	ok(n && !ev[0].planned && !ev[0].cancelled && !ev[0].alternative && ev[0].se == find(s, "k1"),
	   "events without plan entries or alternatives");
	free(ev);

	filter_init(&f);
	filter_add(&f.tags, "asyncio");
	ok(export_select_sessions(s, &f, &ev, &n, &left) == 0 && left == 0, "a filter");
	ids = event_ids(ev, n);
	is_str(ids, "t1 t3", "the sessions it matches");
	free(ids);
	free(ev);
	filter_release(&f);
	filter_init(&f);
	ok(filter_add_day(&f, s, "2") == 0 && export_select_sessions(s, &f, &ev, &n, &left) == 0,
	   "a day");
	ids = event_ids(ev, n);
	is_str(ids, "t5 t4", "that day's sessions");
	free(ids);
	free(ev);
	filter_add(&f.tags, "asyncio");
	ev = (struct ics_event *)s;
	ok(export_select_sessions(s, &f, &ev, &n, &left) < 0 && !ev && !n, "a filter nothing passes");
	is_str(error_message(), "nothing to export: no sessions match", "says so");
	is_int(error_status(), EX_NOINPUT, "no input");
	filter_release(&f);

	schedule_init(&none);
	if (schedule_load_buffer(&none, untimed, sizeof(untimed) - 1, "none", NULL) < 0) {
		ok(0, "the untimed timetable loads: %s", error_message());
	} else {
		ok(export_select_sessions(&none, NULL, &ev, &n, &left) < 0 && left == 1,
		   "--all of a timetable without times");
		is_str(error_message(), "nothing to export: the timetable has no session with a time",
		       "says so");
	}
	schedule_release(&none);
}

int main(void)
{
	struct schedule s;

	schedule_init(&s);
	if (schedule_load_file(&s, "tests/data/export.json", NULL) < 0) {
		printf("Bail out! tests/data/export.json: %s\n", error_message());
		return 1;
	}
	test_calendar(&s);
	test_options(&s);
	test_alarm_parse();
	test_sequence(&s);
	test_cancelled(&s);
	test_hostile();
	test_unsafe_anywhere();
	test_dst();
	test_far_dates();
	test_select_plan(&s);
	test_select_sessions(&s);
	schedule_release(&s);
	warnings_clear();
	tz_cleanup();
	return done_testing();
}
