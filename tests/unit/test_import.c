/* test_import.c: the importers on copies of real feeds (tests/data/feeds, provenance in
 * tests/data/README.md) and on small inline inputs — session counts, unscheduled sessions,
 * rooms, local start times in the conference zone, ids, tracks, tags, levels, types, how the
 * time zone is decided and warned about, detection, --format, the byte-order mark, id
 * fallbacks, and what is forgiven with a warning rather than refused. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "load.h"
#include "schedule.h"
#include "tap.h"
#include "tz.h"
#include "util.h"

#define FEEDS "tests/data/feeds/"

static struct load_options opts(const char *format, const char *tz, const char *name)
{
	struct load_options o = { .format = format, .timezone = tz, .name = name };
	return o;
}

static int load_file(struct schedule *s, const char *file, const char *tz)
{
	struct load_options o = opts(NULL, tz, NULL);

	warnings_clear();
	schedule_init(s);
	return schedule_load_file(s, file, &o);
}

static int load_text(struct schedule *s, const char *text, const char *format, const char *tz)
{
	struct load_options o = opts(format, tz, NULL);

	warnings_clear();
	schedule_init(s);
	return schedule_load_buffer(s, text, strlen(text), "t.json", &o);
}

static const struct session *find(const struct schedule *s, const char *id)
{
	long i = schedule_find_session(s, id);
	return i < 0 ? NULL : &s->sessions[i];
}

/* "YYYY-MM-DD HH:MM" of an instant in the conference zone (a static buffer). */
static const char *local(const struct schedule *s, int64_t t)
{
	static char buf[2][32];
	static int k;
	struct civil c;

	k ^= 1;
	tz_to_civil(s->tz, t, &c);
	snprintf(buf[k], sizeof(buf[k]), "%04d-%02d-%02d %02d:%02d", c.year, c.month, c.day, c.hour,
		 c.minute);
	return buf[k];
}

static const char *start_of(const struct schedule *s, const char *id)
{
	const struct session *se = find(s, id);
	return se && se->has_time ? local(s, se->start) : "(none)";
}

static const char *end_of(const struct schedule *s, const char *id)
{
	const struct session *se = find(s, id);
	return se && se->has_time ? local(s, se->end) : "(none)";
}

static const char *room_of(const struct schedule *s, const char *id)
{
	const struct session *se = find(s, id);
	return se && se->nrooms == 1 ? s->rooms[se->rooms[0]].name : "(none)";
}

static size_t count_scheduled(const struct schedule *s)
{
	size_t n = 0;

	for (size_t i = 0; i < s->nsessions; i++)
		n += s->sessions[i].scheduled;
	return n;
}

/* True if some queued warning contains `text`. */
static bool warned(const char *text)
{
	for (size_t i = 0; i < warning_count(); i++)
		if (strstr(warning_at(i), text))
			return true;
	return false;
}

static int64_t instant(const char *iso)
{
	struct civil c;
	bool has_off;
	int off;

	if (iso8601_parse(iso, &c, &has_off, &off) < 0)
		return -1;
	return civil_to_instant_offset(&c, off);
}

static void test_frab_camp(void)
{
	struct schedule s;
	const struct session *se;

	is_int(load_file(&s, FEEDS "frab-cccamp2019-schedule.json", NULL), 0, "camp2019 (frab v1) loads");
	is_int(warning_count(), 0, "camp2019: no warning (it names Europe/Berlin and writes +02:00)");
	is_int(s.nsessions, 79, "camp2019: 79 events");
	is_int(count_scheduled(&s), 79, "camp2019: all scheduled");
	is_int(s.nrooms, 2, "camp2019: 2 rooms");
	is_str(s.nrooms == 2 ? s.rooms[0].name : NULL, "Curie", "camp2019: rooms in the feed's order (Curie first)");
	is_str(s.nrooms == 2 ? s.rooms[1].id : NULL, "meitner", "camp2019: room ids are slugs of their names");
	is_int(s.ndays, 5, "camp2019: 5 days");
	is_str(s.conf.timezone, "Europe/Berlin", "camp2019: the feed's zone");
	is_str(s.conf.id, "camp2019", "camp2019: the id is the acronym's slug");
	is_str(s.conf.name, "Chaos Communication Camp 2019", "camp2019: the name is the title");
	se = find(&s, "a0a0fcfe-b7fb-46e3-84b6-97a5406016b4");
	ok(se != NULL, "camp2019: the guid is the id");
	is_str(start_of(&s, "a0a0fcfe-b7fb-46e3-84b6-97a5406016b4"), "2019-08-21 11:00", "camp2019: Opening Ceremony at 11:00 local");
	is_str(end_of(&s, "a0a0fcfe-b7fb-46e3-84b6-97a5406016b4"), "2019-08-21 11:30", "camp2019: duration 00:30");
	ok(se && se->start == instant("2019-08-21T09:00:00Z"), "camp2019: 11:00+02:00 is 09:00Z");
	is_str(room_of(&s, "a0a0fcfe-b7fb-46e3-84b6-97a5406016b4"), "Curie", "camp2019: its room");
	is_str(se ? se->title : NULL, "Opening Ceremony", "camp2019: its title");
	is_str(se ? se->track : NULL, "CCC", "camp2019: its track");
	is_str(se ? se->language : NULL, "en", "camp2019: its language");
	ok(se && se->speakers.n == 2 && !strcmp(se->speakers.v[0], "jinxx") && !strcmp(se->speakers.v[1], "smtw"),
	   "camp2019: speakers are the persons' public names");
	ok(se && se->type == SESSION_TALK, "camp2019: lecture is a talk");
	ok(se && se->subtitle == NULL, "camp2019: an empty subtitle is none");
	is_str(end_of(&s, "117f530f-a20b-4071-b208-39e989a42408"), "2019-08-22 15:00", "camp2019: a 03:00 duration");
	is_str(end_of(&s, "ed4b6c75-14f4-49fe-a11e-3762bd6b54e3"), "2019-08-23 00:30", "camp2019: a talk that ends after midnight");
	se = find(&s, "ed4b6c75-14f4-49fe-a11e-3762bd6b54e3");
	ok(se && se->day == 1, "camp2019: ... belongs to the day it starts on");
	se = find(&s, "3ecdc823-95bb-4654-ad74-6eedb93dc1ed");
	ok(se && se->type == SESSION_SOCIAL, "camp2019: a performance is social");
	schedule_release(&s);
}

static void test_democon(void)
{
	struct schedule s;
	const struct session *se;
	int64_t t;

	is_int(load_file(&s, FEEDS "pretalx-democon-schedule.json", NULL), 0, "DemoCon (pretalx frab export) loads");
	is_int(s.nsessions, 36, "DemoCon: 36 events");
	is_int(s.nrooms, 2, "DemoCon: 2 rooms (their guids are equal, their names are not)");
	is_int(s.ndays, 3, "DemoCon: 3 days");
	is_int(warning_count(), 1, "DemoCon: exactly one warning");
	ok(warned("the feed says time zone \"UTC\" but its times are at +01:00; the offsets win, times shown as Etc/GMT-1"),
	   "DemoCon: it says UTC is contradicted by +01:00 and the offsets win");
	is_str(s.conf.timezone, "Etc/GMT-1", "DemoCon: shown in the fixed +01:00 zone");
	is_str(start_of(&s, "8079583e-8321-506c-95af-fd2903a5f075"), "2020-12-14 09:00", "DemoCon: the first talk at 09:00 local, as the feed wrote it");
	se = find(&s, "8079583e-8321-506c-95af-fd2903a5f075");
	t = se ? se->start : 0;
	ok(se && se->start == instant("2020-12-14T08:00:00Z"), "DemoCon: 09:00+01:00 is 08:00Z");
	ok(se && se->track && !strcmp(se->track, "Phased"), "DemoCon: its track");
	se = find(&s, "3a74bb53-ef1a-57ce-9ba7-904d27e9eb5f");
	ok(se && se->type == SESSION_WORKSHOP, "DemoCon: Workshop is a workshop");
	is_str(end_of(&s, "3a74bb53-ef1a-57ce-9ba7-904d27e9eb5f"), "2020-12-14 10:30", "DemoCon: a 01:30 workshop");
	schedule_release(&s);

	is_int(load_file(&s, FEEDS "pretalx-democon-schedule.json", "Europe/Berlin"), 0, "DemoCon with the timezone option loads");
	is_str(s.conf.timezone, "Europe/Berlin", "DemoCon: the option replaces the contradicted zone");
	is_int(warning_count(), 1, "DemoCon: still one warning");
	ok(warned("the offsets win, times shown in Europe/Berlin"), "DemoCon: which says the option's zone is used");
	se = find(&s, "8079583e-8321-506c-95af-fd2903a5f075");
	ok(se && se->start == t, "DemoCon: the same instant either way (offsets win)");
	schedule_release(&s);
}

static void test_rc3(void)
{
	struct schedule s;
	const struct session *se;

	is_int(load_file(&s, FEEDS "pretalx-rc3-schedule.json", NULL), 0, "rC3 (no time_zone_name) loads");
	is_int(s.nsessions, 48, "rC3: 48 events");
	is_int(s.nrooms, 5, "rC3: 5 rooms");
	is_int(s.ndays, 4, "rC3: 4 days");
	is_int(warning_count(), 1, "rC3: one warning");
	ok(warned("the feed names no time zone; its times are at +01:00, shown as Etc/GMT-1"),
	   "rC3: it names the assumption");
	is_str(start_of(&s, "c3642671-4c1f-5109-81ba-0535c1cc8428"), "2020-12-27 11:30", "rC3: the first talk at 11:30 local");
	is_str(room_of(&s, "c3642671-4c1f-5109-81ba-0535c1cc8428"), "r3s - Monheim/Rhein", "rC3: its room");
	se = find(&s, "2e5c6407-1a29-5a9b-9912-9c87c7eac595");
	ok(se && se->type == SESSION_WORKSHOP, "rC3: \"Workshop 60 Min\" is a workshop");
	se = find(&s, "7a3b00ff-104a-52c4-ae4a-87eed5bd74a5");
	ok(se && se->type == SESSION_LIGHTNING, "rC3: \"LightningTalk 15min 10min Q&A\" is a lightning talk");
	se = find(&s, "1cd19e87-f488-5e5f-b782-4984dfff7859");
	ok(se && se->type == SESSION_OTHER, "rC3: \"Other\" is other");
	se = find(&s, "d5691650-57d7-5787-aadc-ea515b2276da");
	ok(se && se->type == SESSION_TALK, "rC3: \"Talk 60min + 20min Q&A\" is a talk");
	ok(se && se->abstract == NULL ? 1 : (se && !strchr(se->abstract, '\r')), "rC3: CRLF line ends become LF");
	se = find(&s, "c3642671-4c1f-5109-81ba-0535c1cc8428");
	ok(se && se->abstract && strstr(se->abstract, "Geräte.\nDiese") && !strchr(se->abstract, '\r'),
	   "rC3: an abstract's \\r\\n becomes \\n");
	schedule_release(&s);

	is_int(load_file(&s, FEEDS "pretalx-rc3-schedule.json", "Europe/Berlin"), 0, "rC3 with the timezone option");
	is_int(warning_count(), 0, "rC3: no warning once the zone is given");
	is_str(s.conf.timezone, "Europe/Berlin", "rC3: the option's zone");
	is_str(start_of(&s, "c3642671-4c1f-5109-81ba-0535c1cc8428"), "2020-12-27 11:30", "rC3: still 11:30 local");
	schedule_release(&s);
}

static void test_c3voc2(void)
{
	struct schedule s;
	const struct session *se;

	is_int(load_file(&s, FEEDS "c3voc-schedule-v2-example.json", NULL), 0, "38C3 (c3voc v2) loads");
	is_int(warning_count(), 0, "38C3: no warning");
	is_int(s.nsessions, 2, "38C3: 2 events");
	is_int(s.nrooms, 5, "38C3: the 5 rooms of the room list");
	is_str(s.conf.id, "38c3", "38C3: id from the acronym");
	is_str(s.conf.timezone, "Europe/Berlin", "38C3: zone");
	se = find(&s, "270fa44c-821a-577f-8ca3-33e8d4a8c2a7");
	is_str(start_of(&s, "270fa44c-821a-577f-8ca3-33e8d4a8c2a7"), "2024-12-27 10:30", "38C3: the opening at 10:30 local");
	is_str(room_of(&s, "270fa44c-821a-577f-8ca3-33e8d4a8c2a7"), "Saal 1", "38C3: room found by guid");
	ok(se && se->nrooms == 1 && !strcmp(s.rooms[se->rooms[0]].id, "saal-1"), "38C3: room id is the feed's slug");
	ok(se && se->type == SESSION_OTHER, "38C3: OTHER is other");
	is_str(se ? se->track : NULL, "CCC", "38C3: the track's slug resolves to its name");
	ok(se && se->speakers.n == 2 && !strcmp(se->speakers.v[1], "Aline Blankertz"),
	   "38C3: speakers without the contributor");
	se = find(&s, "b1740c2f-0c44-5f1b-89ed-456a9eecf0b8");
	is_str(start_of(&s, "b1740c2f-0c44-5f1b-89ed-456a9eecf0b8"), "2024-12-28 00:15", "38C3: a talk after midnight");
	is_str(se ? se->subtitle : NULL, "Most Wanted Using Deep Reinforcement Learning", "38C3: subtitle");
	is_str(se ? se->track : NULL, "Hardware & Making", "38C3: track name");
	ok(se && se->day == 0, "38C3: in the night of day 1, as the feed's days say");
	is_int(s.ndays, 1, "38C3: one day");
	ok(s.ndays && s.days[0].day == 27 && s.days[0].end > (se ? se->start : 0),
	   "38C3: day 1 is 2024-12-27 and runs past 00:15");
	schedule_release(&s);
}

static void test_pretalx_pyconkr(void)
{
	struct schedule s, b;
	const struct session *se;
	struct load_options o = opts(NULL, "Asia/Seoul", "PyCon Korea 2024");
	size_t same = 0;

	warnings_clear();
	schedule_init(&s);
	is_int(schedule_load_file(&s, FEEDS "pyconkr-2024-sessions.json", &o), 0, "PyCon Korea 2024 (pretalx talks) loads");
	is_int(warning_count(), 0, "pyconkr: no warning with the zone given");
	is_int(s.nsessions, 43, "pyconkr: 43 talks");
	is_int(count_scheduled(&s), 41, "pyconkr: 41 scheduled");
	ok(find(&s, "MLLUJT") && !find(&s, "MLLUJT")->has_time && !find(&s, "SBSQRX")->has_time,
	   "pyconkr: the two talks with null slots are kept, unscheduled");
	is_int(s.nrooms, 3, "pyconkr: 3 rooms");
	ok(s.nrooms == 3 && !strcmp(s.rooms[0].name, "컨벤션 홀 1") && !strcmp(s.rooms[2].name, "컨벤션 홀 3"),
	   "pyconkr: rooms in the order of their pretalx ids");
	is_int(s.ndays, 2, "pyconkr: 2 days");
	is_str(s.conf.id, "pycon-korea-2024", "pyconkr: id from the name option");
	is_str(s.conf.name, "PyCon Korea 2024", "pyconkr: name from the name option");
	is_str(start_of(&s, "F7MWSF"), "2024-10-26 09:40", "pyconkr: F7MWSF at 09:40 KST");
	se = find(&s, "F7MWSF");
	ok(se && se->type == SESSION_KEYNOTE, "pyconkr: Keynote");
	se = find(&s, "TGEZYJ");
	is_str(room_of(&s, "TGEZYJ"), "컨벤션 홀 3", "pyconkr: TGEZYJ in 컨벤션 홀 3");
	ok(se && se->tags.n == 1 && !strcmp(se->tags.v[0], "라이브러리 / 코어"), "pyconkr: Korean tags kept");
	is_str(se ? se->language : NULL, "ko", "pyconkr: content_locale is the language");
	ok(se && se->speakers.n == 1 && !strcmp(se->speakers.v[0], "강민철 / Kang Minchul"), "pyconkr: speaker names");
	ok(find(&s, "88AJVY") && find(&s, "88AJVY")->type == SESSION_LIGHTNING, "pyconkr: Lightning Talk");
	ok(find(&s, "LEHBKH") && find(&s, "LEHBKH")->type == SESSION_OTHER, "pyconkr: Closing is other");

	/* The bundled timetable was made from the same file by hand: every session must agree. */
	schedule_init(&b);
	is_int(schedule_load_file(&b, "schedules/pyconkr-2024.json", NULL), 0, "the bundled 2024 loads");
	for (size_t i = 0; i < b.nsessions; i++) {
		const struct session *x = &b.sessions[i], *y = find(&s, x->id);
		if (y && y->has_time == x->has_time && (!x->has_time || (x->start == y->start && x->end == y->end)) &&
		    !strcmp(x->title, y->title) && x->type == y->type && x->nrooms == y->nrooms &&
		    (!x->nrooms || !strcmp(b.rooms[x->rooms[0]].name, s.rooms[y->rooms[0]].name)))
			same++;
		else
			printf("# differs: %s\n", x->id);
	}
	is_int(same, 43, "pyconkr: all 43 talks agree with the bundled timetable (times from the slots, not the durations)");
	schedule_release(&b);
	schedule_release(&s);

	is_int(load_file(&s, FEEDS "pyconkr-2024-sessions.json", NULL), 0, "pyconkr without the zone");
	is_int(warning_count(), 1, "pyconkr: one warning");
	ok(warned("its times are at +09:00, shown as Etc/GMT-9"), "pyconkr: times shown at their +09:00");
	is_str(start_of(&s, "F7MWSF"), "2024-10-26 09:40", "pyconkr: F7MWSF still at 09:40 local");
	is_str(s.conf.id, "pyconkr-2024-sessions", "pyconkr: id from the file name");
	schedule_release(&s);
}

static void test_sessionize(void)
{
	struct schedule s;
	const struct session *se;

	is_int(load_file(&s, FEEDS "sessionize-demo-all.json", NULL), 0, "Sessionize All loads");
	is_int(s.nsessions, 11, "sessionize: 11 sessions");
	is_int(s.nrooms, 3, "sessionize: 3 rooms");
	is_int(s.ndays, 2, "sessionize: 2 days");
	is_int(warning_count(), 1, "sessionize: one warning without a zone");
	ok(warned("Sessionize times carry no time zone; UTC assumed"), "sessionize: it says UTC was assumed");
	is_str(s.conf.timezone, "UTC", "sessionize: UTC");
	is_str(start_of(&s, "14022"), "2017-05-27 09:00", "sessionize: Aiden's session at 09:00");
	is_str(room_of(&s, "14022"), "Green Room", "sessionize: room by id");
	se = find(&s, "14022");
	ok(se && se->level == LEVEL_INTERMEDIATE, "sessionize: Level category \"Intermediate\"");
	is_str(se ? se->track : NULL, "Technical", "sessionize: Track category");
	is_str(se ? se->language : NULL, "it", "sessionize: Language category \"Italian\" is it");
	ok(se && se->type == SESSION_TALK, "sessionize: Session format \"Session\" is a talk");
	ok(se && se->speakers.n == 1 && !strcmp(se->speakers.v[0], "Aiden Test"), "sessionize: speaker by id");
	is_str(se ? se->abstract : NULL, "Usually, you would find a session description here. But, this is not a real session submission, so description is missing. Ha!",
	       "sessionize: description is the abstract");
	se = find(&s, "14019");
	ok(se && se->type == SESSION_LIGHTNING && se->level == LEVEL_ADVANCED, "sessionize: lightning talk, advanced");
	se = find(&s, "14024");
	ok(se && se->type == SESSION_WORKSHOP && se->level == LEVEL_BEGINNER,
	   "sessionize: workshop, \"Introductory and overview\" is beginner");
	se = find(&s, "f91513e5-6e73-4910-9ee5-070a6ab04035");
	ok(se && se->type == SESSION_BREAK, "sessionize: the Lunch service session is a break");
	is_str(room_of(&s, "f91513e5-6e73-4910-9ee5-070a6ab04035"), "Restaurant", "sessionize: in the Restaurant");
	schedule_release(&s);

	is_int(load_file(&s, FEEDS "sessionize-demo-all.json", "Europe/Zagreb"), 0, "Sessionize with a zone");
	is_int(warning_count(), 0, "sessionize: no warning with a zone");
	is_str(s.conf.timezone, "Europe/Zagreb", "sessionize: the option's zone");
	is_str(start_of(&s, "14022"), "2017-05-27 09:00", "sessionize: 09:00 wall clock in Zagreb");
	se = find(&s, "14022");
	ok(se && se->start == instant("2017-05-27T07:00:00Z"), "sessionize: which is 07:00Z (CEST)");
	schedule_release(&s);
}

static void test_ics_kielux(void)
{
	struct schedule s;
	const struct session *se;

	is_int(load_file(&s, FEEDS "kielux2020.ics", NULL), 0, "kielux .ics loads");
	is_int(s.nsessions, 24, "kielux: 24 events");
	is_int(count_scheduled(&s), 24, "kielux: all scheduled");
	is_int(s.nrooms, 4, "kielux: 4 locations");
	is_int(s.ndays, 2, "kielux: 2 days");
	is_int(warning_count(), 2, "kielux: two warnings");
	ok(warned("24 events carry METHOD, which belongs on the calendar, not in an event (ignored)"),
	   "kielux: METHOD inside VEVENT is forgiven with a warning");
	ok(warned("the feed names no time zone; UTC assumed"), "kielux: no zone, UTC assumed");
	is_str(s.conf.name, "18. Kieler Open Source und Linux Tage", "kielux: name from X-WR-CALNAME");
	is_str(s.conf.id, "18-kieler-open-source-und-linux-tage", "kielux: id from the name");
	schedule_release(&s);

	is_int(load_file(&s, FEEDS "kielux2020.ics", "Europe/Berlin"), 0, "kielux with the zone");
	is_int(warning_count(), 1, "kielux: only the METHOD warning");
	is_str(start_of(&s, "460@KOLT20"), "2020-09-18 13:00", "kielux: UID 460@KOLT20 at 13:00 CEST (11:00Z)");
	is_str(room_of(&s, "460@KOLT20"), "Ravensberg", "kielux: LOCATION is the room");
	se = find(&s, "460@KOLT20");
	is_str(se ? se->title : NULL, "OpenCelium - Der generische OpenSoure API-Hub", "kielux: SUMMARY is the title");
	ok(se && se->speakers.n == 1 && !strcmp(se->speakers.v[0], "Jakob Semere"), "kielux: ATTENDEE CN is a speaker");
	is_str(se ? se->url : NULL, "https://kielux.de/programm/KOLT20#460", "kielux: URL");
	ok(se && se->abstract && !strncmp(se->abstract, "von: Jakob Semere\n\nSie möchten", 31) && strstr(se->abstract, "Art, damit"),
	   "kielux: DESCRIPTION unfolded and unescaped");
	schedule_release(&s);
}

#define VCAL "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"

static void test_ics_inline(void)
{
	struct schedule s;
	const struct session *se;
	const char *zoned = VCAL
		"X-WR-CALNAME:Zones\r\n"
		"BEGIN:VTIMEZONE\r\nTZID:My Zone\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
		"TZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
		"BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Seoul\r\nLOCATION:Hall\r\nCATEGORIES:Python,Web\r\n"
		"DTSTART;TZID=Asia/Seoul:20240701T100000\r\nDTEND;TZID=Asia/Seoul:20240701T110000\r\nEND:VEVENT\r\n"
		"BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Own zone\r\nLOCATION:Hall\r\n"
		"DTSTART;TZID=My Zone:20240701T100000\r\nDURATION:PT45M\r\nEND:VEVENT\r\n"
		"BEGIN:VEVENT\r\nUID:c\r\nSUMMARY:Floating\r\nDTSTART:20240701T120000\r\nDTEND:20240701T123000\r\n"
		"RRULE:FREQ=DAILY\r\nEND:VEVENT\r\n"
		"BEGIN:VEVENT\r\nUID:d\r\nSUMMARY:All day\r\nLOCATION:Hall\r\nDTSTART;VALUE=DATE:20240702\r\nEND:VEVENT\r\n"
		"BEGIN:VEVENT\r\nUID:e\r\nSUMMARY:Prefixed\r\nLOCATION:Hall\r\n"
		"DTSTART;TZID=/freeassociation.sourceforge.net/Asia/Seoul:20240701T130000\r\n"
		"DTEND;TZID=/freeassociation.sourceforge.net/Asia/Seoul:20240701T133000\r\nEND:VEVENT\r\n"
		"BEGIN:VEVENT\r\nUID:f\r\nSUMMARY:Broken\r\nLOCATION:Hall\r\nTHIS IS NOT A PROPERTY\r\n"
		"DTSTART:20240701T050000Z\r\nDTEND:20240701T060000Z\r\nEND:VEVENT\r\n"
		"END:VCALENDAR\r\n";

	is_int(load_text(&s, zoned, NULL, NULL), 0, "an .ics with TZIDs, a VTIMEZONE, floating and all-day times loads");
	is_int(s.nsessions, 6, "ics: no event dropped");
	is_str(s.conf.timezone, "Asia/Seoul", "ics: the first TZID, found in the zone database, is the conference zone");
	is_str(start_of(&s, "a"), "2024-07-01 10:00", "ics: a TZID without a VTIMEZONE comes from the zone database");
	se = find(&s, "a");
	ok(se && se->start == instant("2024-07-01T01:00:00Z"), "ics: 10:00 Seoul is 01:00Z");
	ok(se && se->tags.n == 2 && !strcmp(se->tags.v[0], "Python") && !strcmp(se->tags.v[1], "Web"), "ics: CATEGORIES are tags");
	se = find(&s, "b");
	ok(se && se->start == instant("2024-07-01T04:30:00Z") && se->end - se->start == 45 * 60,
	   "ics: a VTIMEZONE in the file defines its TZID (+05:30), DURATION gives the end");
	se = find(&s, "c");
	ok(se && se->start == instant("2024-07-01T03:00:00Z"), "ics: a floating time is in the conference zone");
	ok(se && se->nrooms == 0, "ics: no LOCATION, no room");
	se = find(&s, "d");
	ok(se && !se->has_time, "ics: an all-day event is kept unscheduled");
	is_str(start_of(&s, "e"), "2024-07-01 13:00", "ics: a TZID with libical's prefix is found");
	is_str(start_of(&s, "f"), "2024-07-01 14:00", "ics: UTC times");
	ok(warned("1 event has no LOCATION and is kept without a room"), "ics: missing LOCATION warned");
	ok(warned("1 recurring event: only the first occurrence is kept"), "ics: RRULE not expanded, warned");
	ok(warned("1 session has no usable time and is kept unscheduled (first: \"All day\": an all-day event)"),
	   "ics: the all-day event counted in the one unscheduled warning");
	ok(warned("1 malformed line ignored (first: "), "ics: a malformed line is forgiven with a warning");
	schedule_release(&s);

	is_int(load_text(&s, VCAL "BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:X\r\nDTSTART:20240701T120000\r\n"
			 "DTEND:20240701T130000\r\nLOCATION:R\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", NULL, "America/New_York"), 0,
	       "ics: floating times with the timezone option");
	ok(find(&s, "x") && find(&s, "x")->start == instant("2024-07-01T16:00:00Z"), "ics: read in the option's zone");
	is_int(warning_count(), 0, "ics: and no warning");
	schedule_release(&s);

	is_int(load_text(&s, VCAL "BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:X\r\nDTSTART;TZID=Nowhere/Land:20240701T120000\r\n"
			 "DTEND;TZID=Nowhere/Land:20240701T130000\r\nLOCATION:R\r\nEND:VEVENT\r\n"
			 "BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Y\r\nDTSTART:20240702T120000Z\r\n"
			 "DTEND:20240702T130000Z\r\nLOCATION:R\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", NULL, "UTC"), 0,
	       "ics: an unknown TZID and a duplicate UID");
	ok(warned("2 times in a zone neither the file nor the zone database defines (\"Nowhere/Land\")"), "ics: unknown TZID warned");
	ok(find(&s, "x@20240701T120000") && find(&s, "x@20240702T120000Z"), "ics: duplicate UIDs become UID@start");
	schedule_release(&s);

	ok(load_text(&s, "BEGIN:VCALENDAR\r\nSUMMARY:\xff\r\n", NULL, NULL) < 0, "ics: invalid UTF-8 fails");
	is_str(error_message(), "t.json:2:9: not valid UTF-8", "ics: with the position");
}

static void test_detection(void)
{
	static const struct { const char *file, *format; } files[] = {
		{ FEEDS "frab-cccamp2019-schedule.json", "frab" },
		{ FEEDS "pretalx-democon-schedule.json", "frab" },
		{ FEEDS "pretalx-rc3-schedule.json", "frab" },
		{ FEEDS "c3voc-schedule-v2-example.json", "c3voc2" },
		{ FEEDS "pyconkr-2024-sessions.json", "pretalx" },
		{ FEEDS "sessionize-demo-all.json", "sessionize" },
		{ FEEDS "kielux2020.ics", "ics" },
		{ FEEDS "frab-31c3-schedule.xml", "xml" },
		{ FEEDS "lswt2019-schedule.xml", "xml" },
		{ "tests/data/xml/pentabarf-fosdem-style.xml", "xml" },
		{ "schedules/pyconkr-2024.json", "native" },
		{ "tests/data/mini.json", "native" },
	};
	static const struct { const char *text, *format; } texts[] = {
		{ "{\"results\": [{\"code\": \"A\", \"title\": \"T\", \"slot\": null}]}", "pretalx" },
		{ "[{\"groupId\": 1, \"groupName\": \"Day 1\", \"sessions\": []}]", "sessionize" },
		{ "{\"$schema\": \"https://c3voc.de/schema/schedule2\", \"schedule\": {\"conference\": {}}}", "c3voc2" },
		{ "\n  begin:vcalendar\r\nEND:VCALENDAR\r\n", "ics" },
		{ "\xEF\xBB\xBF\r\n  <?xml version=\"1.0\"?><schedule/>", "xml" },
		{ "<schedule></schedule>", "xml" },
		{ "<!DOCTYPE schedule>\n<schedule/>", "xml" },
	};

	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char *buf;
		size_t len;
		const char *f = NULL;

		if (read_file(files[i].file, LOAD_MAX_BYTES, &buf, &len) == 0) {
			f = schedule_detect_format(buf, len, files[i].file);
			free(buf);
		}
		is_str(f, files[i].format, "detection: %s is %s", files[i].file, files[i].format);
	}
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		is_str(schedule_detect_format(texts[i].text, strlen(texts[i].text), "t"), texts[i].format,
		       "detection: inline %s", texts[i].format);
}

static void test_errors(void)
{
	struct schedule s;
	struct load_options o = opts("pretalx", NULL, NULL);

	ok(load_text(&s, "{\"foo\": 1, \"bar\": []}", NULL, NULL) < 0, "an unknown shape fails");
	is_str(error_message(), "t.json: looks like none of planner, frab, c3voc v2, pretalx, Sessionize: top-level keys are \"foo\", \"bar\"",
	       "and names the top-level keys");
	is_int(error_status(), EX_DATAERR, "as bad data");
	ok(load_text(&s, "[1, 2]", NULL, NULL) < 0, "an array of numbers fails");
	is_str(error_message(), "t.json: looks like none of planner, frab, c3voc v2, pretalx, Sessionize: the top level is an array of numbers",
	       "and says what it is");
	ok(load_text(&s, "[{\"model\": \"x\", \"pk\": 1}]", NULL, NULL) < 0, "a Django fixture fails");
	is_str(error_message(), "t.json: looks like none of planner, frab, c3voc v2, pretalx, Sessionize: the top level is an array of objects with keys \"model\", \"pk\"",
	       "and names the keys of its objects");
	ok(load_text(&s, "{\"schedule\": {\"version\": \"1\"}}", NULL, NULL) < 0, "a schedule without conference days fails");
	ok(strstr(error_message(), "\"schedule\" has no \"conference\" with \"days\" and no \"events\"; its keys are \"version\"") != NULL,
	   "and says what a schedule lacks");
	ok(load_text(&s, "\n\n  <!DOCTYPE html><html>", NULL, NULL) < 0, "HTML fails");
	is_str(error_message(), "t.json:3:3: not JSON, XML or iCalendar: it starts with \"<!DOCTYPE html><html>\"",
	       "as not JSON, XML or iCalendar, with the position");
	ok(load_text(&s, "{\"a\": ", NULL, NULL) < 0, "truncated JSON fails");
	ok(strstr(error_message(), "t.json:1:6: not valid JSON") != NULL, "as not valid JSON, with the position");
	ok(load_text(&s, "{\"planner_format\":1}", "bogus", NULL) < 0, "an unknown --format fails");
	is_str(error_message(), "unknown format \"bogus\" (known: auto, native, frab, c3voc2, pretalx, sessionize, xml, ics)", "naming the formats");
	is_int(error_status(), EX_USAGE, "as a usage error");
	ok(load_text(&s, "{\"results\": []}", NULL, "Mars/Olympus") < 0, "an unknown timezone option fails");
	is_int(error_status(), EX_USAGE, "as a usage error");
	is_int(load_format_check("ics"), 0, "load_format_check knows ics");
	is_int(load_format_check(NULL), 0, "and NULL (auto)");

	/* --format forces one importer */
	warnings_clear();
	schedule_init(&s);
	ok(schedule_load_file(&s, FEEDS "frab-cccamp2019-schedule.json", &o) < 0, "--format pretalx on a frab file fails");
	is_str(error_message(), FEEDS "frab-cccamp2019-schedule.json:1:1: missing \"results\"", "with the pretalx importer's message");
	o.format = "frab";
	schedule_init(&s);
	ok(schedule_load_file(&s, FEEDS "c3voc-schedule-v2-example.json", &o) < 0, "--format frab on a v2 file fails");
	ok(strstr(error_message(), "c3voc-schedule-v2-example.json:176:9: missing \"rooms\"") != NULL,
	   "pointing at the day without rooms (got %s)", error_message());
	o.format = "ics";
	schedule_init(&s);
	ok(schedule_load_file(&s, FEEDS "sessionize-demo-all.json", &o) < 0, "--format ics on JSON fails");
	is_str(error_message(), FEEDS "sessionize-demo-all.json:1:1: not iCalendar: it does not start with BEGIN:VCALENDAR", "as not iCalendar");
	o.format = "frab";
	schedule_init(&s);
	ok(schedule_load_file(&s, FEEDS "kielux2020.ics", &o) < 0, "--format frab on .ics fails");
	is_str(error_message(), FEEDS "kielux2020.ics: an iCalendar file, not frab (JSON)", "saying so");
	o.format = "frab";
	schedule_init(&s);
	is_int(schedule_load_file(&s, FEEDS "pretalx-rc3-schedule.json", &o), 0, "--format frab on a frab file works");
	schedule_release(&s);
	o.format = "sessionize";
	schedule_init(&s);
	is_int(schedule_load_file(&s, FEEDS "sessionize-demo-all.json", &o), 0, "--format sessionize works");
	is_int(s.nsessions, 11, "and reads the same 11 sessions");
	schedule_release(&s);
}

static void test_bom(void)
{
	struct schedule s;
	char *buf, *bom;
	size_t len;

	ok(read_file(FEEDS "kielux2020.ics", LOAD_MAX_BYTES, &buf, &len) == 0, "read kielux");
	bom = xmalloc(len + 4);
	memcpy(bom, "\xEF\xBB\xBF", 3);
	memcpy(bom + 3, buf, len);
	warnings_clear();
	schedule_init(&s);
	is_int(schedule_load_buffer(&s, bom, len + 3, "bom.ics", NULL), 0, "an .ics with a BOM loads");
	is_int(s.nsessions, 24, "with its 24 events");
	schedule_release(&s);
	free(bom);
	free(buf);
	ok(read_file(FEEDS "pretalx-democon-schedule.json", LOAD_MAX_BYTES, &buf, &len) == 0, "read democon");
	bom = xmalloc(len + 4);
	memcpy(bom, "\xEF\xBB\xBF", 3);
	memcpy(bom + 3, buf, len);
	schedule_init(&s);
	is_int(schedule_load_buffer(&s, bom, len + 3, "bom.json", NULL), 0, "a frab file with a BOM loads");
	is_int(s.nsessions, 36, "with its 36 events");
	schedule_release(&s);
	free(bom);
	free(buf);
}

#define FRAB_HEAD "{\"schedule\": {\"conference\": {\"acronym\": \"t\", \"title\": \"T\", \"time_zone_name\": \"Europe/Berlin\", " \
	"\"days\": [{\"date\": \"2024-07-01\", \"rooms\": {\"A\": ["
#define FRAB_TAIL "]}}]}}}"
#define EV(extra, title) "{\"title\": \"" title "\", \"date\": \"2024-07-01T10:00:00+02:00\", \"start\": \"10:00\", \"duration\": \"00:30\"" extra "}"

/* frab's day_start/day_end: the nights; bounds without an offset are read in the conference
 * zone; bounds that cannot be read are ignored, said once. */
static void test_frab_days(void)
{
	struct schedule s;
	const char *text =
		"{\"schedule\": {\"conference\": {\"acronym\": \"n\", \"title\": \"N\", "
		"\"time_zone_name\": \"Europe/Berlin\", \"days\": ["
		"{\"date\": \"2024-07-01\", \"day_start\": \"2024-07-01T11:00:00\", "
		"\"day_end\": \"2024-07-02T04:00:00\", \"rooms\": {\"A\": ["
		"{\"guid\": \"late\", \"title\": \"Late\", \"date\": \"2024-07-02T01:00:00+02:00\", "
		"\"duration\": \"00:30\"}]}},"
		"{\"date\": \"2024-07-02\", \"day_start\": \"tomorrow\", \"day_end\": \"2024-07-03T04:00:00+02:00\", "
		"\"rooms\": {\"A\": [{\"guid\": \"noon\", \"title\": \"Noon\", "
		"\"date\": \"2024-07-02T12:00:00+02:00\", \"duration\": \"00:30\"}]}}]}}}";
	const struct session *se;

	is_int(load_text(&s, text, NULL, NULL), 0, "frab days: loads");
	is_int(s.ndays, 2, "frab days: two days");
	se = find(&s, "late");
	ok(se && se->day == 0, "frab days: 01:00 is in the night of day 1 (bounds without an offset, "
	   "in the conference zone)");
	ok(s.ndays && s.days[0].start == instant("2024-07-01T11:00:00+02:00") &&
	   s.days[0].end == instant("2024-07-02T04:00:00+02:00"), "frab days: day 1 is 11:00 to 04:00");
	se = find(&s, "noon");
	ok(se && se->day == 1 && s.days[1].day == 2, "frab days: day 2, whose bounds cannot be read, "
	   "is its calendar date");
	is_int(warning_count(), 1, "frab days: one warning");
	ok(warned("t.json: 1 of the days the feed declares is unreadable and ignored (first: day "
		  "\"2024-07-02\": "), "frab days: naming the day");
	schedule_release(&s);
}

static void test_frab_ids(void)
{
	struct schedule s;
	const char *text = FRAB_HEAD
		EV(", \"guid\": \"g1\", \"id\": 1", "one") ","
		EV(", \"guid\": \"g1\", \"id\": 2", "two") ","
		EV(", \"id\": 3", "three") ","
		EV("", "four") ","
		EV(", \"guid\": \"7\"", "five") ","
		EV(", \"id\": 7", "six") ","
		EV(", \"guid\": \"g9\", \"id\": 9", "seven") ","
		EV("", "four")
		FRAB_TAIL;
	const struct session *a, *b;

	is_int(load_text(&s, text, NULL, NULL), 0, "frab with missing and duplicate guids loads");
	is_int(s.nsessions, 8, "no event dropped");
	ok(find(&s, "1") && !strcmp(find(&s, "1")->title, "one"), "a duplicated guid falls back to the id (first)");
	ok(find(&s, "2") && !strcmp(find(&s, "2")->title, "two"), "a duplicated guid falls back to the id (second)");
	ok(find(&s, "3") && !strcmp(find(&s, "3")->title, "three"), "a missing guid falls back to the id");
	ok(find(&s, "7") && !strcmp(find(&s, "7")->title, "five"), "a guid keeps its id");
	ok(find(&s, "g9") && !strcmp(find(&s, "g9")->title, "seven"), "a unique guid is the id");
	a = b = NULL;
	for (size_t i = 0; i < s.nsessions; i++) {
		if (!strcmp(s.sessions[i].title, "six"))
			a = &s.sessions[i];
		if (!strcmp(s.sessions[i].title, "four") && !b)
			b = &s.sessions[i];
	}
	ok(a && a->id[0] == 'x' && strlen(a->id) == 13, "an id taken by another guid gives way to a hash (%s)", a ? a->id : "");
	ok(b && b->id[0] == 'x', "no guid and no id: a hash of title, time and room (%s)", b ? b->id : "");
	ok(schedule_duplicate_session(&s) < 0, "ids are unique, even for two identical events");
	is_int(warning_count(), 1, "one warning");
	ok(warned("6 sessions have a missing or duplicate \"guid\"; their ids are taken from \"id\" or made from title, time and room"),
	   "which counts the fallbacks");
	schedule_release(&s);

	/* the hash is stable: the same feed gives the same ids */
	{
		char *first = NULL;
		load_text(&s, text, NULL, NULL);
		for (size_t i = 0; i < s.nsessions; i++)
			if (!strcmp(s.sessions[i].title, "six"))
				first = xstrdup(s.sessions[i].id);
		schedule_release(&s);
		load_text(&s, text, NULL, NULL);
		ok(first && a == NULL ? 0 : first && find(&s, first) && !strcmp(find(&s, first)->title, "six"),
		   "hashed ids are the same on every load");
		free(first);
		schedule_release(&s);
	}
}

static void test_frab_times(void)
{
	struct schedule s;
	const char *text = FRAB_HEAD
		"{\"guid\": \"ok\", \"title\": \"Fine\", \"date\": \"2024-07-01T10:00:00+02:00\", \"start\": \"10:00\", \"duration\": \"0:45:00\"},"
		"{\"guid\": \"bad\", \"title\": \"Bad duration\", \"date\": \"2024-07-01T11:00:00+02:00\", \"start\": \"11:00\", \"duration\": \"1:xx\"},"
		"{\"guid\": \"nodate\", \"title\": \"No date\", \"duration\": \"00:30\"},"
		"{\"guid\": \"local\", \"title\": \"Date only\", \"date\": \"2024-07-01\", \"start\": \"14:30\", \"duration\": \"01:00\"},"
		"{\"guid\": \"zero\", \"title\": \"Zero\", \"date\": \"2024-07-01T15:00:00+02:00\", \"duration\": \"00:00\"}"
		FRAB_TAIL;
	const struct session *se;

	is_int(load_text(&s, text, NULL, NULL), 0, "frab with bad times loads");
	is_int(s.nsessions, 5, "every event is kept");
	is_str(end_of(&s, "ok"), "2024-07-01 10:45", "an H:MM:SS duration");
	se = find(&s, "bad");
	ok(se && !se->has_time && !se->scheduled && se->nrooms == 1, "a bad duration: kept, unscheduled, in its room");
	ok(find(&s, "nodate") && !find(&s, "nodate")->has_time, "no date and no start: unscheduled");
	is_str(start_of(&s, "local"), "2024-07-01 14:30", "a date without a time of day: the start, in the conference zone");
	se = find(&s, "zero");
	ok(se && se->has_time && se->scheduled && se->start == se->end,
	   "a zero duration: a session that takes no time");
	is_int(warning_count(), 1, "one warning for all of them");
	ok(warned("2 sessions have no usable time and are kept unscheduled (first: \"Bad duration\": bad duration \"1:xx\")"),
	   "counting them and naming the first");
	schedule_release(&s);

	/* offsets that change within the feed (summer time ends) and no zone: UTC, said */
	is_int(load_text(&s, "{\"schedule\": {\"conference\": {\"title\": \"T\", \"days\": [{\"rooms\": {\"A\": ["
			 "{\"guid\": \"s\", \"title\": \"S\", \"date\": \"2024-10-26T10:00:00+02:00\", \"duration\": \"00:30\"},"
			 "{\"guid\": \"w\", \"title\": \"W\", \"date\": \"2024-10-28T10:00:00+01:00\", \"duration\": \"00:30\"}"
			 "]}}]}}}", NULL, NULL), 0, "frab with two offsets and no zone loads");
	is_str(s.conf.timezone, "UTC", "two offsets: UTC");
	ok(warned("its times are at +02:00 and +01:00, shown in UTC"), "and the warning names both offsets");
	schedule_release(&s);
	/* ... the same with a declared zone that has both offsets: no warning */
	is_int(load_text(&s, "{\"schedule\": {\"conference\": {\"title\": \"T\", \"time_zone_name\": \"Europe/Berlin\", \"days\": [{\"rooms\": {\"A\": ["
			 "{\"guid\": \"s\", \"title\": \"S\", \"date\": \"2024-10-26T10:00:00+02:00\", \"duration\": \"00:30\"},"
			 "{\"guid\": \"w\", \"title\": \"W\", \"date\": \"2024-10-28T10:00:00+01:00\", \"duration\": \"00:30\"}"
			 "]}}]}}}", NULL, NULL), 0, "frab across the end of summer time");
	is_int(warning_count(), 0, "a zone that agrees with every offset: no warning");
	is_str(start_of(&s, "w"), "2024-10-28 10:00", "10:00 in winter time");
	schedule_release(&s);
	/* an unknown declared zone */
	is_int(load_text(&s, "{\"schedule\": {\"conference\": {\"title\": \"T\", \"time_zone_name\": \"Mars/Olympus\", \"days\": [{\"rooms\": {\"A\": ["
			 "{\"guid\": \"s\", \"title\": \"S\", \"date\": \"2024-10-26T10:00:00+05:30\", \"duration\": \"00:30\"}"
			 "]}}]}}}", NULL, NULL), 0, "frab with an unknown zone and a +05:30 offset");
	ok(warned("the feed's time zone \"Mars/Olympus\" is unknown; its times are at +05:30, which no fixed zone has, shown in UTC"),
	   "says the zone is unknown and why UTC");
	schedule_release(&s);
	/* structure errors point at the value */
	ok(load_text(&s, FRAB_HEAD "{\"guid\": \"x\", \"duration\": \"00:30\"}" FRAB_TAIL, NULL, NULL) < 0, "an event without a title fails");
	is_str(error_message(), "t.json:1:143: event \"x\": no \"title\"", "pointing at the event");
	ok(load_text(&s, FRAB_HEAD "{\"guid\": \"x\", \"title\": \"X\", \"persons\": 5}" FRAB_TAIL, NULL, NULL) < 0, "persons that is not an array fails");
	is_str(error_message(), "t.json:1:182: event \"x\": \"persons\" must be an array or null, not an integer", "pointing at it");
}

/* A session's link i is (title, url). */
static bool has_link(const struct session *se, size_t i, const char *title, const char *url)
{
	return se && i < se->link_urls.n && se->link_titles.n == se->link_urls.n &&
	       !strcmp(se->link_titles.v[i], title) && !strcmp(se->link_urls.v[i], url);
}

/* Links: frab JSON, frab XML and c3voc v2 read them; only http and https URLs are kept. */
static void test_links(void)
{
	struct schedule s;
	const struct session *se;
	struct strbuf sb;

	is_int(load_file(&s, FEEDS "frab-31c3-schedule.xml", "Europe/Berlin"), 0, "links: 31C3 loads");
	se = find(&s, "HOqeNIb6G7M4hYFKFRkCmQ");
	ok(se && se->link_urls.n == 1 &&
	   has_link(se, 0, "Maha kurz bei Breitband zu diesem Thema",
		    "http://breitband.deutschlandradiokultur.de/brb140823/"),
	   "links: an XML <link>'s text is the title, its href the URL");
	se = find(&s, "wyL8OVhv0Y6VczeYR3K_jQ");
	ok(se && se->link_urls.n == 0, "links: an href with no scheme (www.axoloti.be) is left out");
	schedule_release(&s);

	is_int(load_file(&s, FEEDS "frab-cccamp2019-schedule.json", NULL), 0, "links: camp2019 loads");
	se = find(&s, "02e04525-2163-4080-bc88-f14d3ec30270");
	ok(se && se->link_urls.n == 3 && has_link(se, 0, "Kobakant", "http://www.kobakant.at") &&
	   has_link(se, 2, "Plusea", "http://plusea.at"), "links: frab JSON's links, in order");
	se = find(&s, "9150324f-d11c-48f6-9c0f-a0dbed7f2387");
	ok(se && se->link_urls.n == 3 &&
	   has_link(se, 0, "Nym Credential Codebase", "https://0xacab.org/jstuczyn/CoconutGo"),
	   "links: ... without the one that names no scheme (nymtech.net)");
	schedule_release(&s);

	is_int(load_file(&s, FEEDS "c3voc-schedule-v2-example.json", NULL), 0, "links: 38C3 loads");
	se = find(&s, "270fa44c-821a-577f-8ca3-33e8d4a8c2a7");
	ok(se && se->link_urls.n == 3 && has_link(se, 0, "foo bar", "https://example.net/") &&
	   has_link(se, 1, "", "https://fahrplan.events.ccc.de/congress/2024/fahrplan/talk/HQCCYH/"),
	   "links: c3voc v2's links; one with no title has an empty one");
	schedule_release(&s);

	/* what is kept and what is left out */
	is_int(load_text(&s, "<schedule><conference><title>T</title></conference>"
			 "<day date='2024-07-01'><room name='A'><event guid='x'>"
			 "<date>2024-07-01T10:00:00+02:00</date><duration>00:30</duration><title>X</title>"
			 "<links><link href='javascript:alert(1)'>click</link>"
			 "<link href='file:///etc/passwd'>passwd</link>"
			 "<link href=' HTTPS://Example.org/a '>\n  Slides &amp; video\n</link>"
			 "<link href='http://example.org/&#127;'>delete</link>"
			 "<link href='http://example.org/a b'>space</link>"
			 "<link>no href</link><link href='http://'>no host</link>"
			 "<link href='http://example.org/b'/></links>"
			 "</event></room></day></schedule>", NULL, "UTC"), 0, "links: an XML event with odd links loads");
	se = find(&s, "x");
	ok(se && se->link_urls.n == 2 && has_link(se, 0, "Slides & video", "HTTPS://Example.org/a") &&
	   has_link(se, 1, "", "http://example.org/b"),
	   "links: javascript:, file:, a control character, a space, no href or no host are left out; "
	   "blanks trimmed");
	is_int(warning_count(), 0, "links: ... with no fuss");
	schedule_release(&s);
	is_int(load_text(&s, FRAB_HEAD EV(", \"links\": [{\"url\": \"javascript:x()\", \"title\": \"J\"}, 7, "
					"{\"title\": \"no url\"}, {\"url\": \"https://a.example/\"}, "
					"{\"url\": \"https://b.example/\", \"title\": \"B\"}]", "X") FRAB_TAIL,
			 NULL, NULL), 0, "links: a frab event with odd links loads");
	ok(s.nsessions == 1 && s.sessions[0].link_urls.n == 2 &&
	   has_link(&s.sessions[0], 0, "", "https://a.example/") &&
	   has_link(&s.sessions[0], 1, "B", "https://b.example/"),
	   "links: frab JSON keeps the http(s) ones, an untitled one with an empty title");
	schedule_release(&s);
	ok(load_text(&s, FRAB_HEAD EV(", \"links\": {\"url\": \"https://a.example/\"}", "X") FRAB_TAIL,
		     NULL, NULL) < 0, "links: links that are not an array fail");
	is_str(error_message(), "t.json:1:243: event \"X\": \"links\" must be an array or null, not an object",
	       "... pointing at them");
	/* as many as other lists */
	strbuf_init(&sb);
	strbuf_adds(&sb, FRAB_HEAD "{\"guid\": \"x\", \"title\": \"X\", \"links\": [");
	for (int i = 0; i <= (int)LOAD_MAX_LIST; i++)
		strbuf_adds(&sb, i ? ", {\"url\": \"https://a.example/\"}" : "{\"url\": \"https://a.example/\"}");
	strbuf_adds(&sb, "]}" FRAB_TAIL);
	ok(load_text(&s, sb.buf, NULL, NULL) < 0, "links: 1 001 links refused");
	is_str(error_message(), "t.json: session \"x\": 1001 links; planner reads at most 1000",
	       "... as other lists are");
	strbuf_release(&sb);
}

static void test_sessionize_groups(void)
{
	struct schedule s;
	const char *text = "[{\"groupId\": 1, \"groupName\": \"Day 1\", \"sessions\": ["
		"{\"id\": \"1\", \"title\": \"One\", \"startsAt\": \"2024-07-01T10:00:00\", \"endsAt\": \"2024-07-01T10:45:00\","
		" \"room\": \"Main\", \"roomId\": 9, \"speakers\": [{\"id\": \"a\", \"name\": \"Ann\"}],"
		" \"categories\": [{\"id\": 1, \"name\": \"Level\", \"categoryItems\": [{\"id\": 2, \"name\": \"Beginner\"}]},"
		" {\"id\": 3, \"name\": \"Tags\", \"categoryItems\": [{\"id\": 4, \"name\": \"Rust\"}]}]},"
		"{\"id\": \"2\", \"title\": \"Two\", \"startsAt\": null, \"endsAt\": null}]},"
		"{\"groupId\": 2, \"groupName\": \"Track B\", \"sessions\": ["
		"{\"id\": \"1\", \"title\": \"One\", \"startsAt\": \"2024-07-01T10:00:00\", \"endsAt\": \"2024-07-01T10:45:00\", \"room\": \"Main\"}]}]";
	const struct session *se;

	is_int(load_text(&s, text, NULL, "Asia/Seoul"), 0, "Sessionize's Sessions view loads");
	is_int(s.nsessions, 2, "a session listed in two groups is one session");
	se = find(&s, "1");
	is_str(start_of(&s, "1"), "2024-07-01 10:00", "wall-clock time in the option's zone");
	ok(se && se->level == LEVEL_BEGINNER && se->tags.n == 1 && !strcmp(se->tags.v[0], "Rust"), "categories by name");
	ok(se && se->speakers.n == 1 && !strcmp(se->speakers.v[0], "Ann"), "speakers by name");
	is_str(room_of(&s, "1"), "Main", "room by name");
	ok(find(&s, "2") && !find(&s, "2")->has_time, "null times: not scheduled");
	is_int(warning_count(), 0, "no warning: not being scheduled yet is no fault");
	schedule_release(&s);
}

/* ---- iCalendar: time-zone rules, far dates, nesting, categories ---- */

/* A calendar of zone tzid (observances obs) and one event in it on `day`, 10:00-11:00. */
static char *zone_cal(const char *tzid, const char *obs, const char *day)
{
	return xasprintf(VCAL "BEGIN:VTIMEZONE\r\nTZID:%s\r\n%sEND:VTIMEZONE\r\n"
			 "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:x\r\nLOCATION:R\r\nDTSTART;TZID=%s:%sT100000\r\n"
			 "DTEND;TZID=%s:%sT110000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
			 tzid, obs, tzid, day, tzid, day);
}

static char *observance(const char *kind, const char *dtstart, const char *from, const char *to,
			const char *rrule)
{
	return xasprintf("BEGIN:%s\r\nDTSTART:%s\r\nTZOFFSETFROM:%s\r\nTZOFFSETTO:%s\r\n%s%s%sEND:%s\r\n",
			 kind, dtstart, from, to, rrule ? "RRULE:" : "", rrule ? rrule : "",
			 rrule ? "\r\n" : "", kind);
}

/* Loads zone_cal(tzid, one observance, day); the load's result. */
static int load_zone(struct schedule *s, const char *from, const char *to, const char *rrule,
		     const char *dtstart, const char *day)
{
	char *obs = observance("STANDARD", dtstart, from, to, rrule), *cal = zone_cal("Evil", obs, day);
	int ret = load_text(s, cal, NULL, "UTC");

	free(obs);
	free(cal);
	return ret;
}

static void test_ics_zone_rules(void)
{
	static const char *const freqs[] = { "SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY" };
	struct schedule s;
	struct strbuf sb;
	char *obs[2], *cal, want[200];
	const struct session *se;

	/* sub-yearly rules: refused, whether or not libical would expand them for the event (it
	 * would not here: they start after it) */
	for (size_t i = 0; i < sizeof(freqs) / sizeof(freqs[0]); i++) {
		char rule[40];

		snprintf(rule, sizeof(rule), "FREQ=%s", freqs[i]);
		ok(load_zone(&s, "+0100", "+0100", rule, "25000101T000000", "20250701") < 0,
		   "zone rules: FREQ=%s refused", freqs[i]);
		snprintf(want, sizeof(want), "t.json: time zone \"Evil\": RRULE FREQ=%s; planner reads only "
			 "FREQ=YEARLY time-zone rules", freqs[i]);
		is_str(error_message(), want, "zone rules: FREQ=%s: the message names the file and the zone", freqs[i]);
		is_int(error_status(), EX_DATAERR, "zone rules: FREQ=%s: exit status 65", freqs[i]);
		schedule_release(&s);
	}

	/* yearly rules from the year 1: read, quickly, with the right offsets */
	obs[0] = observance("DAYLIGHT", "00010325T020000", "+0100", "+0200", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
	obs[1] = observance("STANDARD", "00011028T030000", "+0200", "+0100", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
	strbuf_init(&sb);
	strbuf_adds(&sb, obs[0]);
	strbuf_adds(&sb, obs[1]);
	cal = zone_cal("Berlin", sb.buf, "20250701");
	is_int(load_text(&s, cal, NULL, "UTC"), 0, "zone rules: yearly rules from the year 1 load");
	se = find(&s, "a");
	ok(se && se->start == instant("2025-07-01T08:00:00Z"), "zone rules: 10:00 in July is +02:00");
	schedule_release(&s);
	free(cal);
	cal = zone_cal("Berlin", sb.buf, "20250115");
	is_int(load_text(&s, cal, NULL, "UTC"), 0, "zone rules: in January");
	se = find(&s, "a");
	ok(se && se->start == instant("2025-01-15T09:00:00Z"), "zone rules: 10:00 in January is +01:00");
	schedule_release(&s);
	free(cal);

	/* far dates in a file's zone: the offset of its last change, and no expansion each time */
	strbuf_release(&sb);
	strbuf_init(&sb);
	strbuf_adds(&sb, VCAL "BEGIN:VTIMEZONE\r\nTZID:Berlin\r\n");
	strbuf_adds(&sb, obs[0]);
	strbuf_adds(&sb, obs[1]);
	strbuf_adds(&sb, "END:VTIMEZONE\r\n");
	for (int i = 0; i < 300; i++)
		strbuf_addf(&sb, "BEGIN:VEVENT\r\nUID:e%d\r\nSUMMARY:x\r\nLOCATION:R\r\n"
			    "DTSTART;TZID=Berlin:9000%02d%02dT100000\r\nDTEND;TZID=Berlin:9000%02d%02dT110000\r\n"
			    "END:VEVENT\r\n", i, 1 + i % 12, 1 + i % 28, 1 + i % 12, 1 + i % 28);
	strbuf_adds(&sb, "END:VCALENDAR\r\n");
	is_int(load_text(&s, sb.buf, NULL, "UTC"), 0, "zone rules: 300 events in the year 9000 load");
	se = find(&s, "e6");
	ok(se && se->start == instant("9000-07-07T09:00:00Z"),
	   "zone rules: past the last year of the rules, the offset of their last change (+01:00)");
	schedule_release(&s);
	strbuf_release(&sb);
	free(obs[0]);
	free(obs[1]);

	/* rules that change too often or span too many years, and one that never occurs */
	ok(load_zone(&s, "+0100", "+0100", "FREQ=YEARLY;BYDAY=SU", "00010101T000000", "25000701") < 0,
	   "zone rules: every Sunday from the year 1 refused");
	is_str(error_message(), "t.json: time zone \"Evil\": the time zones the events use change more than "
	       "50000 times up to 2505; planner reads at most 50000", "zone rules: ... saying how often it changes");
	schedule_release(&s);
	strbuf_init(&sb);
	for (int i = 0; i < 10; i++) {
		char *o = observance("STANDARD", "00010101T000000", "+0100", "+0100", "FREQ=YEARLY;BYMONTH=1");
		strbuf_adds(&sb, o);
		free(o);
	}
	cal = zone_cal("Evil", sb.buf, "25000701");
	ok(load_text(&s, cal, NULL, "UTC") < 0, "zone rules: ten yearly rules from the year 1 refused");
	is_str(error_message(), "t.json: time zone \"Evil\": the time-zone rules the events use span more than "
	       "20000 years (from each DTSTART to 2505, at least 400 each); planner reads at most 20000",
	       "zone rules: ... saying how many years they span");
	schedule_release(&s);
	free(cal);
	strbuf_release(&sb);
	ok(load_zone(&s, "+0100", "+0100", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "20000101T000000", "20250701") < 0,
	   "zone rules: a rule for February 30 refused");
	is_str(error_message(), "t.json: time zone \"Evil\": RRULE FREQ=YEARLY;BYMONTHDAY=30;BYMONTH=2 never "
	       "occurs; planner reads only rules that do", "zone rules: ... it never occurs");
	schedule_release(&s);

	/* offsets: up to 18 hours either way */
	ok(load_zone(&s, "+0100", "+9959", NULL, "19700101T000000", "20250701") < 0, "zone offsets: +99:59 refused");
	is_str(error_message(), "t.json: time zone \"Evil\": TZOFFSETTO is +99:59; planner reads offsets from "
	       "-18:00 to +18:00", "zone offsets: ... naming the property and the offset");
	schedule_release(&s);
	ok(load_zone(&s, "-1801", "+0100", NULL, "19700101T000000", "20250701") < 0, "zone offsets: -18:01 refused");
	is_str(error_message(), "t.json: time zone \"Evil\": TZOFFSETFROM is -18:01; planner reads offsets from "
	       "-18:00 to +18:00", "zone offsets: ... TZOFFSETFROM too");
	schedule_release(&s);
	is_int(load_zone(&s, "+1800", "-1800", NULL, "19700101T000000", "20250701"), 0, "zone offsets: +18:00 and -18:00 read");
	se = find(&s, "a");
	ok(se && se->start == instant("2025-07-01T10:00:00-18:00"), "zone offsets: -18:00 used");
	schedule_release(&s);

	/* a zone no event uses: its rules are checked, but not expanded */
	cal = xasprintf(VCAL "BEGIN:VTIMEZONE\r\nTZID:Unused\r\nBEGIN:STANDARD\r\nDTSTART:20000101T000000\r\n"
			"TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nRRULE:%s\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
			"BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:x\r\nLOCATION:R\r\nDTSTART:20250701T100000Z\r\n"
			"DTEND:20250701T110000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "FREQ=DAILY");
	ok(load_text(&s, cal, NULL, "UTC") < 0 && strstr(error_message(), "RRULE FREQ=DAILY"),
	   "zone rules: a daily rule is refused in a zone no event uses too");
	schedule_release(&s);
	free(cal);
	strbuf_init(&sb);
	strbuf_adds(&sb, VCAL "BEGIN:VTIMEZONE\r\nTZID:Unused\r\n");
	for (int i = 0; i < 50; i++)
		strbuf_adds(&sb, "BEGIN:STANDARD\r\nDTSTART:20000101T000000\r\nTZOFFSETFROM:+0100\r\n"
			    "TZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\r\nEND:STANDARD\r\n");
	strbuf_adds(&sb, "END:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:x\r\nLOCATION:R\r\n"
		    "DTSTART:20250701T100000Z\r\nDTEND:20250701T110000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
	is_int(load_text(&s, sb.buf, NULL, "UTC"), 0, "zone rules: 50 rules that never occur in a zone no event uses");
	schedule_release(&s);
	strbuf_release(&sb);

	/* at most 1 000 VTIMEZONEs */
	strbuf_init(&sb);
	strbuf_adds(&sb, VCAL);
	for (int i = 0; i < 1001; i++)
		strbuf_addf(&sb, "BEGIN:VTIMEZONE\r\nTZID:Z%d\r\nEND:VTIMEZONE\r\n", i);
	strbuf_adds(&sb, "END:VCALENDAR\r\n");
	ok(load_text(&s, sb.buf, NULL, "UTC") < 0, "zones: 1 001 VTIMEZONEs refused");
	is_str(error_message(), "t.json: 1001 VTIMEZONEs; planner reads at most 1000", "zones: ... saying so");
	schedule_release(&s);
	strbuf_release(&sb);
}

static void test_ics_nesting(void)
{
	struct schedule s;

	is_int(load_text(&s, VCAL "X-WR-TIMEZONE:UTC\r\n"
			 "BEGIN:VEVENT\r\nUID:outer\r\nSUMMARY:x\r\nLOCATION:R\r\nDTSTART:20250101T100000Z\r\n"
			 "DTEND:20250101T110000Z\r\n"
			 "BEGIN:VEVENT\r\nUID:inner\r\nSUMMARY:y\r\nLOCATION:R\r\nDTSTART:20250101T120000Z\r\n"
			 "DTEND:20250101T130000Z\r\nEND:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", NULL, NULL), 0,
	       "nesting: a VEVENT inside a VEVENT loads");
	ok(find(&s, "outer") && !find(&s, "inner"), "nesting: the outer event is read, the inner one not");
	is_int(warning_count(), 1, "nesting: one warning");
	is_str(warning_count() ? warning_at(0) : NULL, "t.json:11: a VEVENT inside a VEVENT is not read",
	       "nesting: ... naming the file and line");
	schedule_release(&s);

	is_int(load_text(&s, VCAL "X-WR-TIMEZONE:UTC\r\nBEGIN:VTODO\r\n"
			 "BEGIN:VEVENT\r\nUID:a\r\nBEGIN:VEVENT\r\nUID:b\r\nEND:VEVENT\r\nEND:VEVENT\r\nEND:VTODO\r\n"
			 "BEGIN:VEVENT\r\nUID:c\r\nSUMMARY:x\r\nLOCATION:R\r\nDTSTART:20250101T100000Z\r\n"
			 "DTEND:20250101T110000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
			 "BEGIN:VEVENT\r\nUID:d\r\nEND:VEVENT\r\n", NULL, NULL), 0,
	       "nesting: VEVENTs inside a VTODO and after the VCALENDAR");
	ok(s.nsessions == 1 && find(&s, "c"), "nesting: only the calendar's own event is read");
	ok(warned("t.json:6: a VEVENT inside a VTODO is not read, nor 2 more VEVENTs that are not directly "
		  "inside a VCALENDAR"), "nesting: one warning counts them, naming the first");
	schedule_release(&s);
}

/* "CATEGORIES:<prefix>0,<prefix>1,...\r\n" with n values, appended to sb. */
static void add_categories(struct strbuf *sb, const char *prefix, int n)
{
	strbuf_adds(sb, "CATEGORIES:");
	for (int i = 0; i < n; i++)
		strbuf_addf(sb, "%s%s%d", i ? "," : "", prefix, i);
	strbuf_adds(sb, "\r\n");
}

/* Loads one event (UID uid, unless NULL) with the CATEGORIES lines `cats`. */
static int load_categories(struct schedule *s, const char *uid, const char *cats)
{
	char *text = xasprintf(VCAL "X-WR-TIMEZONE:UTC\r\nBEGIN:VEVENT\r\n%s%s%s"
			       "SUMMARY:x\r\nLOCATION:R\r\nDTSTART:20250101T100000Z\r\nDTEND:20250101T110000Z\r\n"
			       "%sEND:VEVENT\r\nEND:VCALENDAR\r\n", uid ? "UID:" : "", uid ? uid : "",
			       uid ? "\r\n" : "", cats);
	int ret = load_text(s, text, NULL, NULL);

	free(text);
	return ret;
}

static void test_ics_categories(void)
{
	struct schedule s;
	struct strbuf sb;
	const struct session *se;

	/* 700 on one line: libical reads 500 of a line */
	strbuf_init(&sb);
	add_categories(&sb, "c", 700);
	is_int(load_categories(&s, "a", sb.buf), 0, "categories: 700 on one line load");
	se = find(&s, "a");
	ok(se && se->tags.n == 700 && !strcmp(se->tags.v[0], "c0") && !strcmp(se->tags.v[499], "c499") &&
	   !strcmp(se->tags.v[500], "c500") && !strcmp(se->tags.v[699], "c699"),
	   "categories: all 700 are tags, in order");
	is_int(warning_count(), 0, "categories: no warning");
	schedule_release(&s);

	/* escaped commas and a folded line across the cut */
	sb.len = 0;
	strbuf_adds(&sb, "CATEGORIES:");
	for (int i = 0; i < 600; i++)
		strbuf_addf(&sb, "%sv%d", i ? "," : "", i);
	strbuf_adds(&sb, ",a\\,bc,\r\n  d\\;e\r\n");
	is_int(load_categories(&s, "a", sb.buf), 0, "categories: 602 with escapes and a fold load");
	se = find(&s, "a");
	ok(se && se->tags.n == 602 && !strcmp(se->tags.v[600], "a,bc") && !strcmp(se->tags.v[601], "d;e"),
	   "categories: an escaped comma stays in its value, the fold is joined");
	schedule_release(&s);

	/* 1 000 on two lines, repeated values once */
	sb.len = 0;
	add_categories(&sb, "c", 600);
	add_categories(&sb, "d", 400);
	is_int(load_categories(&s, "a", sb.buf), 0, "categories: 1 000 on two lines load");
	se = find(&s, "a");
	ok(se && se->tags.n == 1000, "categories: all 1 000 are tags");
	schedule_release(&s);
	sb.len = 0;
	add_categories(&sb, "c", 600);
	add_categories(&sb, "c", 400);
	is_int(load_categories(&s, "a", sb.buf), 0, "categories: repeated values load");
	se = find(&s, "a");
	ok(se && se->tags.n == 600, "categories: each value once");
	schedule_release(&s);

	/* 1 001: refused, as the JSON loaders refuse a list past 1 000 */
	sb.len = 0;
	add_categories(&sb, "c", 600);
	add_categories(&sb, "d", 401);
	ok(load_categories(&s, "a", sb.buf) < 0, "categories: 1 001 refused");
	is_str(error_message(), "t.json:11:1: session \"a\": CATEGORIES has 1001 entries; planner reads at most 1000",
	       "categories: ... naming the session and the line of its first CATEGORIES");
	is_int(error_status(), EX_DATAERR, "categories: exit status 65");
	schedule_release(&s);
	ok(load_categories(&s, NULL, sb.buf) < 0, "categories: 1 001 in an event without a UID refused");
	is_str(error_message(), "t.json:10:1: an event: CATEGORIES has 1001 entries; planner reads at most 1000",
	       "categories: ... saying an event");
	schedule_release(&s);
	strbuf_release(&sb);

	/* 2 000 000 on one line: refused before libical reads them */
	strbuf_init(&sb);
	add_categories(&sb, "", 2000000);
	ok(load_categories(&s, "a", sb.buf) < 0, "categories: 2 000 000 on one line refused");
	is_str(error_message(), "t.json:11:1: session \"a\": CATEGORIES has 2000000 entries; planner reads at most 1000",
	       "categories: ... counting them all");
	schedule_release(&s);
	strbuf_release(&sb);

	/* 1 100 events of 1 000: more values in all than planner reads */
	strbuf_init(&sb);
	strbuf_adds(&sb, VCAL);
	for (int i = 0; i < 1100; i++) {
		strbuf_addf(&sb, "BEGIN:VEVENT\r\nUID:e%d\r\n", i);
		add_categories(&sb, "c", 1000);
		strbuf_adds(&sb, "END:VEVENT\r\n");
	}
	strbuf_adds(&sb, "END:VCALENDAR\r\n");
	ok(load_text(&s, sb.buf, NULL, "UTC") < 0, "categories: 1 100 000 values in all refused");
	is_str(error_message(), "t.json: 4404 lines and 1098900 more values in CATEGORIES, RESOURCES, RDATE, "
	       "EXDATE or FREEBUSY lists; planner reads at most 1000000 in all", "categories: ... counting lines and values");
	schedule_release(&s);
	strbuf_release(&sb);
}

/* do_not_record (the speakers opted out of recording) from pretalx's talk records and c3voc v2,
 * as from frab's JSON and XML. */
static void test_do_not_record(void)
{
	struct schedule s;

	is_int(load_text(&s, "[{\"code\": \"AAA\", \"title\": \"A\", \"do_not_record\": true},"
			 " {\"code\": \"BBB\", \"title\": \"B\", \"do_not_record\": false},"
			 " {\"code\": \"CCC\", \"title\": \"C\"}]", NULL, "UTC"), 0,
	       "do_not_record: pretalx talks load");
	ok(find(&s, "AAA") && find(&s, "AAA")->do_not_record && !find(&s, "BBB")->do_not_record &&
	   !find(&s, "CCC")->do_not_record, "do_not_record: pretalx's true, false and missing");
	schedule_release(&s);
	is_int(load_text(&s, "{\"$schema\": \"https://c3voc.de/schema/schedule2\", \"schedule\": {"
			 "\"conference\": {\"acronym\": \"c\", \"title\": \"C\", \"time_zone_name\": \"UTC\"},"
			 " \"events\": [{\"guid\": \"x\", \"title\": \"X\", \"room\": \"A\","
			 " \"start\": \"2024-12-27T10:00:00+00:00\", \"end\": \"2024-12-27T10:30:00+00:00\","
			 " \"do_not_record\": true}, {\"guid\": \"y\", \"title\": \"Y\", \"room\": \"A\","
			 " \"start\": \"2024-12-27T11:00:00+00:00\", \"end\": \"2024-12-27T11:30:00+00:00\"}]}}",
			 NULL, NULL), 0, "do_not_record: c3voc v2 loads");
	ok(find(&s, "x") && find(&s, "x")->do_not_record && find(&s, "y") && !find(&s, "y")->do_not_record,
	   "do_not_record: c3voc v2's");
	schedule_release(&s);
}

int main(void)
{
	test_frab_camp();
	test_democon();
	test_rc3();
	test_c3voc2();
	test_pretalx_pyconkr();
	test_sessionize();
	test_ics_kielux();
	test_ics_inline();
	test_ics_zone_rules();
	test_ics_nesting();
	test_ics_categories();
	test_detection();
	test_errors();
	test_bom();
	test_frab_ids();
	test_frab_days();
	test_frab_times();
	test_sessionize_groups();
	test_links();
	test_do_not_record();
	warnings_clear();
	tz_cleanup();
	return done_testing();
}
