/* test_tz.c: unit tests for tz.c — zone lookup and name checks, offsets, civil <-> instant
 * conversion across DST changes, ISO 8601 parsing and formatting, calendar arithmetic.
 * Expected instants were computed independently with Python's zoneinfo. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tap.h"
#include "tz.h"
#include "util.h"

static int64_t from_civil(const struct tz *z, int y, int mo, int d, int h, int mi, int s)
{
	struct civil c = { y, mo, d, h, mi, s };
	int64_t t = -1;

	if (tz_from_civil(z, &c, &t) < 0)
		return INT64_MIN;
	return t;
}

static void is_civil(const struct civil *c, int y, int mo, int d, int h, int mi, int s,
		     const char *what)
{
	ok(c->year == y && c->month == mo && c->day == d && c->hour == h && c->minute == mi &&
	   c->second == s, "%s: %04d-%02d-%02d %02d:%02d:%02d", what,
	   c->year, c->month, c->day, c->hour, c->minute, c->second);
}

static void test_lookup(void)
{
	const struct tz *seoul = tz_get("Asia/Seoul"), *utc;
	static const char *const bad[] = {
		"../../etc/passwd", "/etc/passwd", "Asia/../../../etc/passwd", "Nope/Zone", "",
		"Asia/Seoul\n", "Asia Seoul", "Asia//Seoul", "Asia/", "Asia", "Asia/Seoul.tab",
		"zone.tab", "Asia/Seoul/x", "\x1b[31mAsia/Seoul", "leapseconds",
	};

	ok(seoul != NULL, "tz_get: Asia/Seoul");
	if (!seoul)
		exit(done_testing());
	is_str(tz_name(seoul), "Asia/Seoul", "tz_name: the plain IANA name");
	ok(tz_get("Asia/Seoul") == seoul, "tz_get: a second lookup returns the cached zone");
	is_str(tz_name(seoul), "Asia/Seoul", "tz_name: still right after the zone was used");

	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		error_clear();
		ok(tz_get(bad[i]) == NULL && *error_message(), "tz_get refuses bad name %zu (%s)", i,
		   error_message());
		ok(!strchr(error_message(), '\x1b') && !strchr(error_message(), '\n'),
		   "tz_get: error message %zu is printable", i);
	}
	ok(tz_get(NULL) == NULL, "tz_get: NULL refused");
	error_clear();
	tz_get("Nope/Zone");
	ok(strstr(error_message(), "unknown time zone \"Nope/Zone\"") != NULL,
	   "tz_get: unknown zone message names it");
	tz_get("../../etc/passwd");
	ok(strstr(error_message(), "..") != NULL, "tz_get: '..' message says why");
	is_int(error_status(), EX_DATAERR, "tz_get: status EX_DATAERR");

	utc = tz_get("UTC");
	ok(utc != NULL, "tz_get: UTC");
	is_str(tz_name(utc), "UTC", "tz_name: UTC");
	is_int(tz_offset_at(utc, 1729915200), 0, "UTC offset is 0");
	ok(tz_get("GMT") != NULL && tz_offset_at(tz_get("GMT"), 1729915200) == 0,
	   "tz_get: GMT (libical answers it with its UTC zone)");
	ok(tz_get("Etc/UTC") != NULL, "tz_get: Etc/UTC (not in zone.tab) loads from its file");
	ok(tz_get("US/Pacific") != NULL, "tz_get: a backward-compatible link name loads");
	ok(tz_get("America/Argentina/Buenos_Aires") != NULL, "tz_get: three-part name");
}

static void test_local(void)
{
	const struct tz *z;
	const char *saved = getenv("TZ");
	char *keep = saved ? xstrdup(saved) : NULL;

	setenv("TZ", "Asia/Seoul", 1);
	z = tz_get("local");
	is_str(z ? tz_name(z) : NULL, "Asia/Seoul", "local: from $TZ");
	setenv("TZ", ":Europe/Berlin", 1);
	z = tz_get("local");
	is_str(z ? tz_name(z) : NULL, "Europe/Berlin", "local: $TZ with a leading ':'");
	setenv("TZ", ":/usr/share/zoneinfo/Asia/Tokyo", 1);
	z = tz_get("local");
	is_str(z ? tz_name(z) : NULL, "Asia/Tokyo", "local: $TZ as a path into zoneinfo");
	setenv("TZ", "../../etc/passwd", 1);
	z = tz_get("local");
	ok(z && strcmp(tz_name(z), "../../etc/passwd"), "local: a bad $TZ falls back (%s)",
	   z ? tz_name(z) : "NULL");
	setenv("TZ", "UTC0", 1);
	z = tz_get("local");
	ok(z != NULL, "local: a POSIX rule in $TZ falls back (%s)", z ? tz_name(z) : "NULL");
	unsetenv("TZ");
	z = tz_get("local");
	ok(z != NULL, "local: without $TZ (%s)", z ? tz_name(z) : "NULL");
	if (keep)
		setenv("TZ", keep, 1);
	free(keep);
}

static void test_offsets(void)
{
	const struct tz *seoul = tz_get("Asia/Seoul"), *berlin = tz_get("Europe/Berlin");
	const struct tz *ny = tz_get("America/New_York"), *kat = tz_get("Asia/Kathmandu");
	struct civil c;
	char buf[64];

	is_int(tz_offset_at(seoul, 1729915200), 32400, "Asia/Seoul offset on 2024-10-26");
	is_int(from_civil(seoul, 2024, 10, 26, 13, 0, 0), 1729915200,
	       "2024-10-26 13:00 Asia/Seoul");
	tz_to_civil(seoul, 1729915200, &c);
	is_civil(&c, 2024, 10, 26, 13, 0, 0, "to_civil Asia/Seoul");
	tz_format_iso(seoul, 1729915200, buf, sizeof(buf));
	is_str(buf, "2024-10-26T13:00:00+09:00", "tz_format_iso Asia/Seoul");

	is_int(tz_offset_at(berlin, 1705320000), 3600, "Europe/Berlin in January: +01:00");
	is_int(tz_offset_at(berlin, 1721044800), 7200, "Europe/Berlin in July: +02:00");
	is_int(tz_offset_at(ny, 1721044800), -14400, "America/New_York in July: -04:00");
	is_int(tz_offset_at(kat, 1721044800), 20700, "Asia/Kathmandu: +05:45");
	tz_format_iso(ny, 1720000000, buf, sizeof(buf));
	is_str(buf, "2024-07-03T05:46:40-04:00", "tz_format_iso with a negative offset");
	tz_format_iso(kat, 1721044800, buf, sizeof(buf));
	is_str(buf, "2024-07-15T17:45:00+05:45", "tz_format_iso +05:45");
	tz_format_iso(berlin, -2000000000, buf, sizeof(buf));
	is_str(buf, "1906-08-16T21:26:40+01:00", "tz_format_iso before 1970");
	tz_format_iso(berlin, from_civil(berlin, 1800, 1, 1, 12, 0, 0), buf, sizeof(buf));
	is_str(buf, "1800-01-01T12:00:00+00:53:28", "tz_format_iso: local mean time to the second");
	tz_format_iso(tz_get("UTC"), 0, buf, sizeof(buf));
	is_str(buf, "1970-01-01T00:00:00+00:00", "tz_format_iso UTC");
	tz_format_iso(seoul, 1729915200, buf, 11);
	is_str(buf, "2024-10-26", "tz_format_iso truncates to the buffer size");
	is_int(tz_offset_at(berlin, from_civil(berlin, 2030, 7, 1, 12, 0, 0)), 7200,
	       "Europe/Berlin keeps DST past the last listed transition (2030)");
}

static void test_dst(void)
{
	const struct tz *berlin = tz_get("Europe/Berlin"), *ny = tz_get("America/New_York");
	struct civil c;
	int64_t t0, bad;
	int mismatches = 0, repeats = 0;

	/* Spring forward: 2019-03-31 02:00 CET -> 03:00 CEST at 01:00Z (1553994000). */
	is_int(from_civil(berlin, 2019, 3, 31, 1, 59, 59), 1553993999, "Berlin 01:59:59 before gap");
	is_int(from_civil(berlin, 2019, 3, 31, 3, 0, 0), 1553994000, "Berlin 03:00 after gap");
	is_int(from_civil(berlin, 2019, 3, 31, 2, 30, 0), 1553995800,
	       "Berlin skipped 02:30 uses the offset before the gap (+01:00): 01:30Z, shown 03:30");
	is_int(from_civil(berlin, 2019, 3, 31, 2, 0, 0), 1553994000,
	       "Berlin skipped 02:00 uses the offset before the gap: 03:00 CEST");
	tz_to_civil(berlin, 1553993999, &c);
	is_civil(&c, 2019, 3, 31, 1, 59, 59, "Berlin last second of CET");
	tz_to_civil(berlin, 1553994000, &c);
	is_civil(&c, 2019, 3, 31, 3, 0, 0, "Berlin first second of CEST");

	/* Fall back: 03:00 CEST -> 02:00 CET at 01:00Z (1572138000); 02:00..02:59 happen twice. */
	is_int(from_civil(berlin, 2019, 10, 27, 2, 30, 0), 1572136200,
	       "Berlin repeated 02:30 is the first one (CEST, 00:30Z)");
	is_int(from_civil(berlin, 2019, 10, 27, 2, 0, 0), 1572134400,
	       "Berlin repeated 02:00 is the first one");
	is_int(from_civil(berlin, 2019, 10, 27, 1, 30, 0), 1572132600, "Berlin 01:30 before");
	is_int(from_civil(berlin, 2019, 10, 27, 3, 0, 0), 1572141600, "Berlin 03:00 after");
	is_int(tz_offset_at(berlin, 1572136200), 7200, "Berlin first 02:30 is +02:00");
	is_int(tz_offset_at(berlin, 1572139800), 3600, "Berlin second 02:30 is +01:00");
	tz_to_civil(berlin, 1572139800, &c);
	is_civil(&c, 2019, 10, 27, 2, 30, 0, "Berlin second 02:30 to civil");

	/* RFC 5545 section 3.3.5's own examples. */
	is_int(from_civil(ny, 2007, 11, 4, 1, 30, 0), 1194154200,
	       "New York repeated 01:30 is EDT, as in RFC 5545");
	is_int(from_civil(ny, 2007, 3, 11, 2, 30, 0), 1173598200,
	       "New York skipped 02:30 is 03:30 EDT, as in RFC 5545");

	/* A half-hour DST change, and a whole skipped day (Samoa, 2011-12-30). */
	is_int(from_civil(tz_get("Australia/Lord_Howe"), 2024, 4, 7, 1, 45, 0), 1712414700,
	       "Lord Howe repeated 01:45 (30-minute change) is the first one");
	is_int(from_civil(tz_get("Australia/Lord_Howe"), 2024, 10, 6, 2, 15, 0), 1728143100,
	       "Lord Howe skipped 02:15 uses the offset before the gap (+10:30)");
	is_int(from_civil(tz_get("Pacific/Apia"), 2011, 12, 30, 12, 0, 0), 1325282400,
	       "Apia 2011-12-30 never happened: read with the offset before (-10:00)");

	/* Every quarter hour of 2019 in Berlin survives instant -> civil -> instant, except the
	 * second pass through the repeated hour, which comes back as the first. */
	t0 = from_civil(berlin, 2019, 1, 1, 0, 0, 0);
	bad = 0;
	for (int64_t t = t0; t < t0 + 365 * 86400; t += 900) {
		int64_t back;

		tz_to_civil(berlin, t, &c);
		if (tz_from_civil(berlin, &c, &back) < 0 || back != t) {
			if (back == t - 3600 && c.month == 10 && c.day == 27 && c.hour == 2) {
				repeats++;
			} else {
				if (!mismatches)
					bad = t;
				mismatches++;
			}
		}
	}
	is_int(mismatches, 0, "Berlin 2019 round trip (first mismatch at %lld)", (long long)bad);
	is_int(repeats, 4, "Berlin 2019: the four repeated quarter hours map to the first pass");

	c = (struct civil){ 2024, 13, 1, 0, 0, 0 };
	error_clear();
	ok(tz_from_civil(berlin, &c, &t0) < 0 && *error_message(), "tz_from_civil refuses month 13");
	c = (struct civil){ 2023, 2, 29, 0, 0, 0 };
	ok(tz_from_civil(berlin, &c, &t0) < 0, "tz_from_civil refuses 2023-02-29");
	c = (struct civil){ 2024, 1, 1, 24, 0, 0 };
	ok(tz_from_civil(berlin, &c, &t0) < 0, "tz_from_civil refuses hour 24");
}

static void parse_ok(const char *s, int y, int mo, int d, int h, int mi, int sec, bool want_has,
		     int want_off)
{
	struct civil c = { 0, 0, 0, 0, 0, 0 };
	bool has = !want_has;
	int off = 12345;

	error_clear();
	if (!ok(iso8601_parse(s, &c, &has, &off) == 0, "iso8601_parse accepts \"%s\"", s)) {
		printf("#   %s\n", error_message());
		return;
	}
	is_civil(&c, y, mo, d, h, mi, sec, "  fields");
	ok(has == want_has && off == want_off, "  offset: has %d off %d", has, off);
}

static void parse_bad(const char *s, const char *want_msg)
{
	struct civil c;
	bool has;
	int off;

	error_clear();
	ok(iso8601_parse(s, &c, &has, &off) < 0 && strstr(error_message(), want_msg),
	   "iso8601_parse refuses: %s", error_message());
}

static void test_iso8601(void)
{
	parse_ok("2024-10-26T13:00:00+09:00", 2024, 10, 26, 13, 0, 0, true, 32400);
	parse_ok("2024-10-26T13:00", 2024, 10, 26, 13, 0, 0, false, 0);
	parse_ok("2024-10-26 13:00:00Z", 2024, 10, 26, 13, 0, 0, true, 0);
	parse_ok("2024-10-26T13:00:00.000+0900", 2024, 10, 26, 13, 0, 0, true, 32400);
	parse_ok("2024-10-26", 2024, 10, 26, 0, 0, 0, false, 0);
	parse_ok("2024-10-26T13:05:07.999-05", 2024, 10, 26, 13, 5, 7, true, -18000);
	parse_ok("2024-10-26t13:00z", 2024, 10, 26, 13, 0, 0, true, 0);
	parse_ok("2024-10-26T13:00+05:45", 2024, 10, 26, 13, 0, 0, true, 20700);
	parse_ok("2024-10-26T13:00-00:00", 2024, 10, 26, 13, 0, 0, true, 0);
	parse_ok("1800-01-01T12:00:00+00:53:28", 1800, 1, 1, 12, 0, 0, true, 3208);
	parse_ok("2024-02-29T23:59:59,5Z", 2024, 2, 29, 23, 59, 59, true, 0);
	parse_ok("2016-12-31T23:59:60Z", 2016, 12, 31, 23, 59, 60, true, 0);
	parse_ok("0001-01-01", 1, 1, 1, 0, 0, 0, false, 0);
	parse_ok("9999-12-31T23:59:59Z", 9999, 12, 31, 23, 59, 59, true, 0);

	parse_bad("2024-13-01", "bad date \"2024-13-01\": month out of range");
	parse_bad("2024-00-10", "month out of range");
	parse_bad("2023-02-29", "day out of range");
	parse_bad("2024-04-31", "day out of range");
	parse_bad("2024-10-00", "day out of range");
	parse_bad("0000-01-01", "year out of range");
	parse_bad("2024-10-26T24:00", "hour out of range");
	parse_bad("2024-10-26T13:60", "minute out of range");
	parse_bad("2024-10-26T13:00:61", "second out of range");
	parse_bad("2024-10-26T13:00+24:00", "offset out of range");
	parse_bad("2024-10-26T13:00+09:60", "offset out of range");
	parse_bad("2024-10-26T13", "expected HH:MM");
	parse_bad("2024-10-26T", "expected HH:MM");
	parse_bad("2024-10-26T13:00:0", "seconds");
	parse_bad("2024-10-26T13:00:00.", "decimal point");
	parse_bad("2024-10-26T13:00:00+9", "offset");
	parse_bad("2024-10-26T13:00:00+09:0", "offset");
	parse_bad("2024-10-26T13:00:00+09:00x", "unexpected characters");
	parse_bad("2024-10-26T13:00:00 ", "unexpected characters");
	parse_bad("2024-10-26X13:00", "expected 'T'");
	parse_bad("2024-10-26Z", "expected 'T'");
	parse_bad("24-10-26", "expected YYYY-MM-DD");
	parse_bad("2024-1-5", "expected YYYY-MM-DD");
	parse_bad("2024/10/26", "expected YYYY-MM-DD");
	parse_bad(" 2024-10-26", "expected YYYY-MM-DD");
	parse_bad("", "expected YYYY-MM-DD");
	parse_bad("tomorrow", "expected YYYY-MM-DD");
	parse_bad("\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x94-10-26", "expected YYYY-MM-DD");
	parse_bad("\x1b[2J2024-10-26", "\\x1b");
	parse_bad(NULL, "bad date");
	{
		struct civil c = { 1, 2, 3, 4, 5, 6 };
		bool has = true;
		int off = 7;

		iso8601_parse("2024-13-01T00:00", &c, &has, &off);
		ok(c.year == 1 && c.second == 6 && has && off == 7,
		   "iso8601_parse leaves its outputs alone on failure");
	}
}

static void test_calendar(void)
{
	struct civil c;
	int y, m, d, wrong = 0;

	is_int(days_from_civil(1970, 1, 1), 0, "days_from_civil epoch");
	is_int(days_from_civil(2000, 3, 1), 11017, "days_from_civil 2000-03-01");
	is_int(days_from_civil(1, 1, 1), -719162, "days_from_civil 0001-01-01");
	is_int(days_from_civil(9999, 12, 31), 2932896, "days_from_civil 9999-12-31");
	is_int(days_from_civil(1969, 12, 31), -1, "days_from_civil 1969-12-31");
	civil_from_days(-1, &y, &m, &d);
	ok(y == 1969 && m == 12 && d == 31, "civil_from_days(-1)");
	civil_from_days(20022, &y, &m, &d);
	ok(y == 2024 && m == 10 && d == 26, "civil_from_days(20022) = 2024-10-26");

	/* Every day from 0001-01-01 to 9999-12-31 round-trips and steps by one calendar day. */
	for (int64_t n = -719162; n <= 2932896; n++) {
		int y2, m2, d2;

		civil_from_days(n, &y, &m, &d);
		if (!civil_date_valid(y, m, d) || days_from_civil(y, m, d) != n) {
			wrong++;
			continue;
		}
		civil_from_days(n + 1, &y2, &m2, &d2);
		if (n < 2932896 && !(d2 == d + 1 || (d2 == 1 && (m2 == m + 1 || (m == 12 && m2 == 1 &&
								       y2 == y + 1)))))
			wrong++;
	}
	is_int(wrong, 0, "days_from_civil/civil_from_days agree for years 1..9999");

	ok(civil_date_valid(2024, 2, 29), "2024-02-29 valid");
	ok(!civil_date_valid(2023, 2, 29), "2023-02-29 invalid");
	ok(!civil_date_valid(1900, 2, 29), "1900-02-29 invalid");
	ok(civil_date_valid(2000, 2, 29), "2000-02-29 valid");
	ok(!civil_date_valid(0, 1, 1), "year 0 invalid");
	ok(!civil_date_valid(10000, 1, 1), "year 10000 invalid");
	ok(!civil_date_valid(2024, 6, 31), "2024-06-31 invalid");

	c = (struct civil){ 2024, 10, 26, 13, 0, 0 };
	is_int(civil_to_instant_offset(&c, 32400), 1729915200, "civil_to_instant_offset +09:00");
	instant_to_civil_offset(1729915200, 32400, &c);
	is_civil(&c, 2024, 10, 26, 13, 0, 0, "instant_to_civil_offset +09:00");
	instant_to_civil_offset(-1, 0, &c);
	is_civil(&c, 1969, 12, 31, 23, 59, 59, "instant_to_civil_offset(-1)");
	instant_to_civil_offset(0, -18000, &c);
	is_civil(&c, 1969, 12, 31, 19, 0, 0, "instant_to_civil_offset(0, -05:00)");
	instant_to_civil_offset(-62135596800LL, 0, &c);
	is_civil(&c, 1, 1, 1, 0, 0, 0, "instant_to_civil_offset at 0001-01-01");
}

/* Past TZ_RULES_LAST_YEAR the zone's last offset stays in force; asking about such years must
 * not make libical expand its rules again each time (20 000 sessions in year 9000 took minutes). */
static void test_far_years(void)
{
	const struct tz *berlin = tz_get("Europe/Berlin");
	bool same = true;

	is_int(tz_offset_at(berlin, from_civil(berlin, TZ_RULES_LAST_YEAR, 7, 1, 12, 0, 0)), 7200,
	       "Europe/Berlin keeps DST in the last year of its rules");
	is_int(tz_offset_at(berlin, from_civil(berlin, TZ_RULES_LAST_YEAR + 1, 7, 1, 12, 0, 0)), 3600,
	       "and the offset of the last change after it");
	for (int i = 0; i < 300; i++) {
		/* different instants: the memo must not answer them */
		int64_t t = from_civil(berlin, 9000, 1 + i % 12, 1 + i % 28, i % 24, i % 60, 0);
		same = same && tz_offset_at(berlin, t) == 3600;
	}
	ok(same, "Europe/Berlin in year 9000: +01:00");
}

/* tz_remember() answers without libical, and tz_get_known() loads a zone only when asked an
 * offset nobody told it. */
static void test_remember(void)
{
	const struct tz *z, *known;
	int64_t summer = 1719792000;	/* 2024-07-01T00:00:00Z: +02:00 in Brussels */
	int64_t winter = 1704067200;	/* 2024-01-01T00:00:00Z: +01:00 */

	tz_cleanup();
	known = tz_get_known("Europe/Brussels");
	ok(known != NULL, "tz_get_known hands out a zone");
	is_str(tz_name(known), "Europe/Brussels", "... by its name");
	tz_remember(known, summer, 7200);
	/* an answer the caller vouches for is taken as it is: proof that libical is not asked */
	tz_remember(known, summer + 60, 12345);
	is_int(tz_offset_at(known, summer), 7200, "a remembered offset");
	is_int(tz_offset_at(known, summer + 60), 12345, "is answered from the table, not libical");
	is_int(tz_offset_at(known, winter), 3600, "an instant not remembered loads the zone");
	z = tz_get("Europe/Brussels");
	ok(z == known, "tz_get finds the same zone afterwards");
	for (int i = 0; i < 3000; i++)
		tz_remember(z, winter + 86400 * (int64_t)i, i % 7);
	is_int(tz_offset_at(z, winter + 86400 * 2999), 2999 % 7, "the table grows (3000 instants)");
	is_int(tz_offset_at(z, winter + 86400 * 5), 5, "... and keeps what it had");
	tz_remember(z, winter + 86400 * 5, 3600);
	is_int(tz_offset_at(z, winter + 86400 * 5), 3600, "remembering again replaces the answer");
	tz_cleanup();
	known = tz_get_known("Nowhere/Atlantis");
	ok(known != NULL, "a name that does not load is only found out when asked");
	is_int(tz_offset_at(known, summer), 0, "... and has UTC's offsets then");
	ok(tz_get_known("../etc/passwd") == NULL, "a malformed name is refused");
	tz_cleanup();
}

static void test_format_offset(void)
{
	char b[16];

	is_str(tz_format_offset(32400, b, sizeof(b)), "+09:00", "offset: +09:00");
	is_str(tz_format_offset(-12600, b, sizeof(b)), "-03:30", "offset: -03:30");
	is_str(tz_format_offset(0, b, sizeof(b)), "+00:00", "offset: UTC is +00:00");
	is_str(tz_format_offset(-(17 * 60 + 32), b, sizeof(b)), "-00:17:32",
	       "offset: with seconds when it has them");
}

int main(void)
{
	test_format_offset();
	test_lookup();
	test_local();
	test_offsets();
	test_dst();
	test_far_years();
	test_iso8601();
	test_calendar();
	test_remember();

	/* The module starts over after tz_cleanup(). */
	tz_cleanup();
	ok(tz_get("Asia/Seoul") != NULL && tz_offset_at(tz_get("Asia/Seoul"), 0) == 32400,
	   "tz_get works again after tz_cleanup");
	tz_cleanup();
	return done_testing();
}
