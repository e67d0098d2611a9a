/* tz.c: IANA time zones through libical, and the zone-free calendar arithmetic under them
 * (ISO 8601 parsing, civil dates <-> day numbers, fixed-offset conversions).
 *
 * Zones are libical's "builtin" zones, which on Debian are read from the system zone database
 * (/usr/share/zoneinfo); libical's own bundled tzdata is deliberately not switched on.  Every
 * civil <-> instant conversion asks libical only one question, "what offset is in force at this
 * UTC instant?", and does the rest with the pure arithmetic at the bottom of this file, so that
 * the DST rules documented in tz.h are ours rather than whatever libical's local-time lookup
 * does (it picks the second of two repeated times, tz.h promises the first).
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libical/ical.h>

#include "tz.h"
#include "util.h"

/* An offset known without libical (tz_remember()): an open-addressing table of instants. */
struct known {
	int64_t instant;
	int offset;
	bool used;
};

struct tz {
	char *name;		/* our own copy: libical replaces the string get_location returns */
	icaltimezone *zone;	/* owned by libical; the UTC zone is a static of libical's; NULL:
				 * not loaded yet (tz_get_known()) */
	bool utc;
	struct known *known;	/* nknown_slots slots (a power of two), nknown used */
	size_t nknown, nknown_slots;
};

/* Every zone handed out so far; the pointers stay valid until tz_cleanup(). */
static struct tz **cache;
static size_t ncache, cache_alloc;
static bool initialized;

/* The longest name we look up; the longest IANA name today is 32 bytes. */
#define TZ_NAME_MAX 128

static void tz_init(void)
{
	if (initialized)
		return;
	/* libical's default may abort() on a parse error in a zone file; we want NULL back. */
	icalerror_set_errors_are_fatal(0);
	initialized = true;
}

/*
 * A printable, bounded rendering of a name for an error message: names come from the command
 * line and from downloaded schedules, and the message ends up on a terminal.
 */
static const char *quote_name(const char *s, char *buf, size_t size)
{
	size_t o = 0;

	for (; *s && o + 8 < size; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c < 0x7f && c != '\\')
			buf[o++] = (char)c;
		else
			o += (size_t)snprintf(buf + o, size - o, "\\x%02x", c);
	}
	if (*s)
		o += (size_t)snprintf(buf + o, size - o, "...");
	buf[o] = '\0';
	return buf;
}

/*
 * The name refusals of tz.h: empty, too long, a leading "/", "..", or a byte outside
 * [A-Za-z0-9_+/-].  Empty components ("Asia//Seoul", "Asia/") are refused too: the file system
 * would accept them, but they are not IANA names.  Returns the reason, or NULL if well formed.
 */
static const char *name_problem(const char *name)
{
	size_t len = strlen(name);

	if (!len)
		return "empty time zone name";
	if (len > TZ_NAME_MAX)
		return "time zone name too long";
	if (name[0] == '/')
		return "time zone name must not start with '/'";
	if (strstr(name, ".."))
		return "time zone name must not contain \"..\"";
	for (const char *p = name; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '+' || c == '-' || c == '/'))
			return "bad character in time zone name";
	}
	if (strstr(name, "//") || name[len - 1] == '/')
		return "empty component in time zone name";
	return NULL;
}

/* Finds or loads a zone by (well-formed) name, without calling error(); NULL if unknown.
 * With `defer`, a zone not loaded yet is handed out unloaded (tz_get_known()). */
static const struct tz *lookup(const char *name, bool defer)
{
	struct tz *tz;
	icaltimezone *zone = NULL;
	bool utc = false;

	for (size_t i = 0; i < ncache; i++)
		if (!strcmp(cache[i]->name, name))
			return cache[i];
	if (defer && strcmp(name, "UTC")) {
		/* loaded by lookup_offset() when an offset not remembered is asked */
	} else if (!strcmp(name, "UTC")) {
		zone = icaltimezone_get_utc_timezone();
		utc = true;
	} else {
		/*
		 * libical 3.0 looks the name up in zone.tab and, failing that, tries to parse
		 * <zoneinfo>/<name> as a TZif file (that is how "Etc/UTC" or "US/Pacific" load).
		 * Names listed in zone.tab are loaded lazily, so force the load with
		 * get_component(): a listed zone whose file is missing has no component and would
		 * otherwise silently behave as UTC.
		 */
		zone = icaltimezone_get_builtin_timezone(name);
		if (zone == icaltimezone_get_utc_timezone())
			utc = true;	/* libical answers "GMT" with its UTC zone */
		else if (!zone || !icaltimezone_get_component(zone))
			return NULL;
	}
	tz = xmalloc(sizeof(*tz));
	tz->name = xstrdup(name);
	tz->zone = zone;
	tz->utc = utc;
	tz->known = NULL;
	tz->nknown = tz->nknown_slots = 0;
	cache = xgrow(cache, ncache + 1, &cache_alloc, sizeof(*cache));
	cache[ncache++] = tz;
	return tz;
}

/*
 * A zone name taken from a path into the zone database ("/usr/share/zoneinfo/Asia/Seoul",
 * "../usr/share/zoneinfo/Asia/Seoul"), or NULL.  The "posix/" and "right/" variants name the
 * same zones (right/ counts leap seconds, which libical cannot use), so they are dropped.
 */
static const char *zone_from_path(const char *path)
{
	const char *p = strstr(path, "/zoneinfo/");

	if (p)
		p += strlen("/zoneinfo/");
	else if (!strncmp(path, "zoneinfo/", strlen("zoneinfo/")))
		p = path + strlen("zoneinfo/");
	else
		return NULL;
	if (!strncmp(p, "posix/", 6) || !strncmp(p, "right/", 6))
		p += 6;
	return p;
}

static const struct tz *lookup_checked(const char *name)
{
	return name && !name_problem(name) ? lookup(name, false) : NULL;
}

/* The system's zone: $TZ when it names a zone, else /etc/localtime's target, else UTC. */
static const struct tz *local_zone(void)
{
	const char *env = getenv("TZ");
	const struct tz *tz;
	char target[PATH_MAX];
	ssize_t n;

	if (env && *env) {
		/* POSIX lets TZ be ":characters"; glibc reads a file name after the colon. */
		if (*env == ':')
			env++;
		if ((tz = lookup_checked(env)) || (tz = lookup_checked(zone_from_path(env))))
			return tz;
	}
	n = readlink("/etc/localtime", target, sizeof(target) - 1);
	if (n > 0) {
		target[n] = '\0';
		if ((tz = lookup_checked(zone_from_path(target))))
			return tz;
	}
	return lookup("UTC", false);
}

const struct tz *tz_get(const char *name)
{
	const struct tz *tz;
	const char *problem;
	char q[80];

	tz_init();
	if (!name) {
		error(EX_DATAERR, "no time zone given");
		return NULL;
	}
	if (!strcmp(name, "local"))
		return local_zone();
	problem = name_problem(name);
	if (problem) {
		error(EX_DATAERR, "%s: \"%s\"", problem, quote_name(name, q, sizeof(q)));
		return NULL;
	}
	tz = lookup(name, false);
	if (!tz)
		error(EX_DATAERR, "unknown time zone \"%s\" (expected an IANA name like "
		      "\"Asia/Seoul\")", quote_name(name, q, sizeof(q)));
	return tz;
}

const struct tz *tz_get_known(const char *name)
{
	tz_init();
	if (!name || name_problem(name))
		return tz_get(name);
	return lookup(name, true);
}

const char *tz_name(const struct tz *tz)
{
	return tz->name;
}

/* Instants whose UTC date is in years 1..9999, the range struct civil can describe. */
#define INSTANT_MIN (-62135596800LL)	/* 0001-01-01T00:00:00Z */
#define INSTANT_MAX (253402300799LL)	/* 9999-12-31T23:59:59Z */

/*
 * A small memo of answers: a timetable asks about the same few start and end times again and
 * again (sessions share slots), and each libical lookup costs thousands of instructions.  Zone
 * rules never change while planner runs, so an answer stays right.
 */
#define MEMO_SIZE 512
static struct memo {
	const struct tz *tz;
	int64_t instant;
	int offset;
} memo[MEMO_SIZE];

static int lookup_offset(const struct tz *tz, int64_t instant);

static struct memo *memo_slot(const struct tz *tz, int64_t instant)
{
	uint64_t h = ((uint64_t)instant * 0x9E3779B97F4A7C15ull) ^ (uint64_t)(uintptr_t)tz;

	return &memo[(h >> 32) % MEMO_SIZE];
}

static size_t known_slot(const struct known *k, size_t nslots, int64_t instant)
{
	size_t i = (size_t)(((uint64_t)instant * 0x9E3779B97F4A7C15ull) >> 32) & (nslots - 1);

	while (k[i].used && k[i].instant != instant)
		i = (i + 1) & (nslots - 1);
	return i;
}

void tz_remember(const struct tz *ctz, int64_t instant, int offset)
{
	/* The zones are the module's own (lookup() allocates them): only the table changes. */
	struct tz *tz = (struct tz *)(uintptr_t)ctz;
	struct memo *m;
	size_t i;

	if (tz->utc)
		return;
	if ((tz->nknown + 1) * 2 > tz->nknown_slots) {
		size_t nslots = tz->nknown_slots ? tz->nknown_slots * 2 : 1024;
		struct known *k = xcalloc(nslots, sizeof(*k));

		for (size_t j = 0; j < tz->nknown_slots; j++)
			if (tz->known[j].used)
				k[known_slot(k, nslots, tz->known[j].instant)] = tz->known[j];
		free(tz->known);
		tz->known = k;
		tz->nknown_slots = nslots;
	}
	i = known_slot(tz->known, tz->nknown_slots, instant);
	if (!tz->known[i].used)
		tz->nknown++;
	/* an earlier answer in the memo gives way */
	m = memo_slot(tz, instant);
	if (m->tz == tz && m->instant == instant)
		m->tz = NULL;
	tz->known[i].instant = instant;
	tz->known[i].offset = offset;
	tz->known[i].used = true;
}

int tz_offset_at(const struct tz *tz, int64_t instant)
{
	struct memo *m;

	if (tz->utc)
		return 0;
	if (instant < INSTANT_MIN)
		instant = INSTANT_MIN;
	if (instant > INSTANT_MAX)
		instant = INSTANT_MAX;
	m = memo_slot(tz, instant);
	if (m->tz != tz || m->instant != instant) {
		m->tz = tz;
		m->instant = instant;
		m->offset = lookup_offset(tz, instant);
	}
	return m->offset;
}

static int lookup_offset(const struct tz *tz, int64_t instant)
{
	struct icaltimetype tt = icaltime_null_time();
	struct civil c;

	if (tz->nknown) {
		const struct known *k = &tz->known[known_slot(tz->known, tz->nknown_slots, instant)];
		if (k->used)
			return k->offset;
	}
	if (!tz->zone) {
		/* a zone tz_get_known() handed out: loaded now that libical must answer */
		struct tz *t = (struct tz *)(uintptr_t)tz;
		icaltimezone *zone = icaltimezone_get_builtin_timezone(tz->name);

		if (!zone || zone == icaltimezone_get_utc_timezone() ||
		    !icaltimezone_get_component(zone))
			zone = icaltimezone_get_utc_timezone();
		t->zone = zone;
	}
	instant_to_civil_offset(instant, 0, &c);
	if (c.year > TZ_RULES_LAST_YEAR) {
		/*
		 * Past the last year of libical's table the answer is its last change's offset, the
		 * same as at the table's last second.  Asking about the later year itself would make
		 * libical 3.0 expand the whole table again on every call (it compares the year asked,
		 * not the year it can expand to, with the years it has): 20 000 sessions in year 9000
		 * took minutes.
		 */
		c.year = TZ_RULES_LAST_YEAR;
		c.month = 12;
		c.day = 31;
		c.hour = 23;
		c.minute = 59;
		c.second = 59;
	}
	tt.year = c.year;
	tt.month = c.month;
	tt.day = c.day;
	tt.hour = c.hour;
	tt.minute = c.minute;
	tt.second = c.second;
	tt.is_date = 0;
	tt.zone = icaltimezone_get_utc_timezone();
	/*
	 * libical expands the zone's rules into a table of changes on demand, up to a few years past
	 * the year asked for and never past TZ_RULES_LAST_YEAR (tz.h): past that the last change's
	 * offset stays in force, so DST zones show standard time there.
	 */
	return icaltimezone_get_utc_offset_of_utc_time(tz->zone, &tt, NULL);
}

void tz_to_civil(const struct tz *tz, int64_t instant, struct civil *out)
{
	instant_to_civil_offset(instant, tz_offset_at(tz, instant), out);
}

static bool civil_valid(const struct civil *c)
{
	return civil_date_valid(c->year, c->month, c->day) && c->hour >= 0 && c->hour <= 23 &&
	       c->minute >= 0 && c->minute <= 59 && c->second >= 0 && c->second <= 60;
}

/*
 * The offsets that might apply to wall-clock time `local` (that wall clock read as if it were
 * UTC): real offsets are under a day, so the instant lies within a day of `local`, and the offset
 * a day before and a day after cover both sides of any one transition near it.  Each candidate
 * offset o is right if the zone really has offset o at local - o.
 *   - one right candidate: the ordinary case;
 *   - two: a repeated time (clocks went back); tz.h asks for the first, the earlier instant,
 *     which is also what RFC 5545 section 3.3.5 prescribes for iCalendar;
 *   - none: a skipped time (clocks went forward); tz.h asks for the offset in force before the
 *     gap, as RFC 5545 section 3.3.5 prescribes: Europe/Berlin 2019-03-31 02:30 is read as
 *     02:30+01:00, the instant 01:30Z, which the zone shows as 03:30+02:00 — a session
 *     announced for a time that does not exist moves later, never earlier.
 * The probes a day away assume no two transitions within two days of each other, which holds
 * for the zone database in any era a conference is planned in.
 */
int tz_from_civil(const struct tz *tz, const struct civil *c, int64_t *out)
{
	int64_t local, best = 0;
	int before, after, cand[2];
	bool found = false;

	if (!civil_valid(c))
		return error(EX_DATAERR, "date-time out of range: %04d-%02d-%02d %02d:%02d:%02d",
			     c->year, c->month, c->day, c->hour, c->minute, c->second);
	local = civil_to_instant_offset(c, 0);
	if (tz->utc) {
		*out = local;
		return 0;
	}
	before = tz_offset_at(tz, local - 86400);
	after = tz_offset_at(tz, local + 86400);
	cand[0] = before;
	cand[1] = after;
	for (int i = 0; i < 2; i++) {
		int64_t t = local - cand[i];

		if (i == 1 && cand[1] == cand[0])
			break;
		if (tz_offset_at(tz, t) != cand[i])
			continue;
		if (!found || t < best)
			best = t;
		found = true;
	}
	if (!found) {
		/* The gap: the offset in force before it (RFC 5545 section 3.3.5). */
		best = local - before;
	}
	*out = best;
	return 0;
}

void tz_cleanup(void)
{
	for (size_t i = 0; i < ncache; i++) {
		free(cache[i]->name);
		free(cache[i]->known);
		free(cache[i]);
	}
	free(cache);
	cache = NULL;
	ncache = cache_alloc = 0;
	memset(memo, 0, sizeof(memo));
	if (initialized)
		icaltimezone_free_builtin_timezones();
	initialized = false;
}

/* Offsets are printed to the second only when they need it (local mean time before ~1900). */
const char *tz_format_offset(int seconds, char *buf, size_t size)
{
	int a = seconds < 0 ? -seconds : seconds;
	char sign = seconds < 0 ? '-' : '+';

	if (a % 60)
		snprintf(buf, size, "%c%02d:%02d:%02d", sign, a / 3600, a / 60 % 60, a % 60);
	else
		snprintf(buf, size, "%c%02d:%02d", sign, a / 3600, a / 60 % 60);
	return buf;
}

void tz_format_iso(const struct tz *tz, int64_t instant, char *buf, int size)
{
	int off = tz_offset_at(tz, instant);
	struct civil c;
	char ob[16];

	if (size <= 0)
		return;
	instant_to_civil_offset(instant, off, &c);
	snprintf(buf, (size_t)size, "%04d-%02d-%02dT%02d:%02d:%02d%s", c.year, c.month, c.day,
		 c.hour, c.minute, c.second, tz_format_offset(off, ob, sizeof(ob)));
}

/* ---- Calendar arithmetic: no zones, no libical. ---- */

/*
 * Proleptic Gregorian calendar <-> days since 1970-01-01, after Howard Hinnant's
 * "chrono-Compatible Low-Level Date Algorithms": count years from March 1 so that the leap day
 * is the last day of the year, split time into 400-year eras of 146097 days, and map month
 * lengths with the linear formula (153 * m + 2) / 5 for months counted from March.  719468 is
 * the number of days from 0000-03-01 to 1970-01-01.
 */
int64_t days_from_civil(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;			/* 0..399 */
	int64_t mp = m > 2 ? m - 3 : m + 9;		/* 0 = March .. 11 = February */
	int64_t doy = (153 * mp + 2) / 5 + d - 1;	/* 0..365 */
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;	/* 0..146096 */

	return era * 146097 + doe - 719468;
}

void civil_from_days(int64_t days, int *y, int *m, int *d)
{
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;					/* 0..146096 */
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;	/* 0..399 */
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);		/* 0..365 */
	int64_t mp = (5 * doy + 2) / 153;				/* 0..11 */
	int64_t mm = mp < 10 ? mp + 3 : mp - 9;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)mm;
	*y = (int)(yoe + era * 400 + (mm <= 2));
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

bool civil_date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* A second of 60 (a leap second) is counted as the first second of the next minute. */
int64_t civil_to_instant_offset(const struct civil *c, int offset)
{
	return days_from_civil(c->year, c->month, c->day) * 86400 +
	       (int64_t)c->hour * 3600 + c->minute * 60 + c->second - offset;
}

void instant_to_civil_offset(int64_t instant, int offset, struct civil *out)
{
	int64_t t = instant + offset;
	int64_t days = t / 86400, secs = t % 86400;

	if (secs < 0) {		/* C division truncates toward zero; we want the floor */
		secs += 86400;
		days--;
	}
	civil_from_days(days, &out->year, &out->month, &out->day);
	out->hour = (int)(secs / 3600);
	out->minute = (int)(secs / 60 % 60);
	out->second = (int)(secs % 60);
}

/* Reads exactly n decimal digits at *p into *v and advances *p; false if they are not there. */
static bool digits(const char **p, int n, int *v)
{
	int x = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return false;
		x = x * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*v = x;
	return true;
}

static int bad_date(const char *s, const char *why)
{
	char q[80];

	return error(EX_DATAERR, "bad date \"%s\": %s", quote_name(s, q, sizeof(q)), why);
}

/*
 * The grammar (ISO 8601 extended format, the RFC 3339 profile plus a few common liberties):
 *   date     = YYYY "-" MM "-" DD
 *   datetime = date ("T" / "t" / " ") HH ":" MM [":" SS [("." / ",") 1*DIGIT]] [zone]
 *   zone     = "Z" / "z" / ("+" / "-") HH [[":"] MM [":" SS]]
 * Fractions of a second are dropped (truncated: 59.9 stays in the same minute); "-00:00"
 * (RFC 3339's "offset unknown") counts as UTC.
 */
int iso8601_parse(const char *s, struct civil *c, bool *has_offset, int *offset)
{
	const char *p = s;
	struct civil v = { 0, 0, 0, 0, 0, 0 };
	bool got_offset = false;
	int off = 0;

	if (!s)
		return error(EX_DATAERR, "bad date: none given");
	if (!digits(&p, 4, &v.year) || *p++ != '-' || !digits(&p, 2, &v.month) || *p++ != '-' ||
	    !digits(&p, 2, &v.day))
		return bad_date(s, "expected YYYY-MM-DD");
	if (v.year < 1)
		return bad_date(s, "year out of range (0001..9999)");
	if (v.month < 1 || v.month > 12)
		return bad_date(s, "month out of range");
	if (v.day < 1 || v.day > days_in_month(v.year, v.month))
		return bad_date(s, "day out of range");
	if (*p) {
		if (*p != 'T' && *p != 't' && *p != ' ')
			return bad_date(s, "expected 'T' or a space after the date");
		p++;
		if (!digits(&p, 2, &v.hour) || *p++ != ':' || !digits(&p, 2, &v.minute))
			return bad_date(s, "expected HH:MM after the date");
		if (v.hour > 23)
			return bad_date(s, "hour out of range");
		if (v.minute > 59)
			return bad_date(s, "minute out of range");
		if (*p == ':') {
			p++;
			if (!digits(&p, 2, &v.second))
				return bad_date(s, "expected two digits of seconds");
			if (v.second > 60)
				return bad_date(s, "second out of range");
			if (*p == '.' || *p == ',') {
				p++;
				if (!isdigit((unsigned char)*p))
					return bad_date(s, "expected digits after the decimal point");
				while (isdigit((unsigned char)*p))
					p++;
			}
		}
		if (*p == 'Z' || *p == 'z') {
			p++;
			got_offset = true;
		} else if (*p == '+' || *p == '-') {
			int sign = *p++ == '-' ? -1 : 1, oh, om = 0, os = 0;

			if (!digits(&p, 2, &oh))
				return bad_date(s, "expected +HH:MM, +HHMM or +HH as the offset");
			if (*p == ':') {
				p++;
				if (!digits(&p, 2, &om))
					return bad_date(s, "expected +HH:MM as the offset");
				if (*p == ':') {
					p++;
					if (!digits(&p, 2, &os))
						return bad_date(s, "expected +HH:MM:SS as the offset");
				}
			} else if (isdigit((unsigned char)*p) && !digits(&p, 2, &om)) {
				return bad_date(s, "expected +HHMM as the offset");
			}
			if (oh > 23 || om > 59 || os > 59)
				return bad_date(s, "offset out of range");
			off = sign * (oh * 3600 + om * 60 + os);
			got_offset = true;
		}
		if (*p)
			return bad_date(s, "unexpected characters after the time");
	}
	*c = v;
	if (has_offset)
		*has_offset = got_offset;
	if (offset)
		*offset = off;
	return 0;
}
