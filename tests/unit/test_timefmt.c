/* test_timefmt: the one place times of day and lengths of time are written (timefmt.h) —
 * every HH:MM of a day against snprintf, short buffers, instants in a zone across a DST change,
 * durations as listings and printouts show them (no days) and as countdowns (days from 48 h),
 * and lengths of time from the environment (PLANNER_FETCH_TIMEOUT, PLANNER_LOCK_TIMEOUT). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

static void test_hm(void)
{
	struct civil c = { 2024, 10, 26, 0, 0, 0 };
	char buf[8], want[8];
	int bad = 0;

	for (c.hour = 0; c.hour < 24; c.hour++)
		for (c.minute = 0; c.minute < 60; c.minute++) {
			civil_format_hm(&c, buf, sizeof(buf));
			snprintf(want, sizeof(want), "%02d:%02d", c.hour, c.minute);
			bad += strcmp(buf, want) != 0;
		}
	is_int(bad, 0, "civil_format_hm: all 1440 minutes of a day are HH:MM");
	c.hour = 9;
	c.minute = 5;
	civil_format_hm(&c, buf, 6);
	is_str(buf, "09:05", "a 6-byte buffer is enough");
	memset(buf, 'x', sizeof(buf));
	civil_format_hm(&c, buf, 3);
	ok(!strcmp(buf, "09") && buf[3] == 'x', "a short buffer gets what fits, ended, nothing past it");
	civil_format_date_hm(&c, buf, sizeof(buf));
	is_str(buf, "2024-10", "civil_format_date_hm cut to its buffer");
	{
		char full[32];
		civil_format_date_hm(&c, full, sizeof(full));
		is_str(full, "2024-10-26 09:05", "civil_format_date_hm");
	}
}

static void test_zone(void)
{
	const struct tz *seoul = tz_get("Asia/Seoul"), *berlin = tz_get("Europe/Berlin");
	char buf[8], near[17];

	ok(seoul && berlin, "the zones load");
	if (!seoul || !berlin)
		return;
	format_hm(seoul, 1729915200, buf, sizeof(buf));        /* 2024-10-26T04:00Z */
	is_str(buf, "13:00", "format_hm in Asia/Seoul");
	/* 2024-10-26 13:00 in Seoul, seen from 23:59 the same day, then from 00:00 the next */
	format_hm_near(seoul, 1729915200, 1729954740, near, sizeof(near));
	is_str(near, "13:00", "format_hm_near: on the same date, the time alone");
	format_hm_near(seoul, 1729915200, 1729954800, near, sizeof(near));
	is_str(near, "2024-10-26 13:00", "format_hm_near: from another date, with the date");
	format_hm(berlin, 1729990800, buf, sizeof(buf));       /* 2024-10-27T01:00Z, after DST */
	is_str(buf, "02:00", "format_hm in Berlin after the change to winter time");
	format_hm(berlin, 1729990800 - 3600, buf, sizeof(buf)); /* 00:00Z, before it */
	is_str(buf, "02:00", "... and the same wall clock an hour earlier, in summer time");
}

static void test_duration(void)
{
	static const struct { int64_t s; const char *plain, *countdown; } v[] = {
		{ 0, "0 min", "0 min" }, { -90, "0 min", "0 min" }, { 1, "1 min", "1 min" },
		{ 60, "1 min", "1 min" }, { 61, "2 min", "2 min" }, { 3599, "1 h", "1 h" },
		{ 3600, "1 h", "1 h" }, { 5400, "1 h 30 min", "1 h 30 min" },
		{ 48 * 3600 - 60, "47 h 59 min", "47 h 59 min" }, { 48 * 3600, "48 h", "2 days" },
		{ 50 * 3600 + 600, "50 h 10 min", "2 days" }, { 72 * 3600, "72 h", "3 days" },
	};
	char buf[32];

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		format_duration(v[i].s, false, buf, sizeof(buf));
		is_str(buf, v[i].plain, "%lld s as a length", (long long)v[i].s);
		format_duration(v[i].s, true, buf, sizeof(buf));
		is_str(buf, v[i].countdown, "%lld s as a countdown", (long long)v[i].s);
	}
	is_int(duration_minutes(0), 0, "0 s is 0 min");
	is_int(duration_minutes(1), 1, "1 s is 1 min, rounded up");
	is_int(duration_minutes(120), 2, "120 s is 2 min");
	is_int(duration_minutes(121), 3, "121 s is 3 min");
}

static void test_env(void)
{
	double v = -1;

	unsetenv("TEST_SECONDS");
	ok(env_seconds("TEST_SECONDS", false, &v) == 0 && v == -1, "unset: 0, the value untouched");
	setenv("TEST_SECONDS", "", 1);
	ok(env_seconds("TEST_SECONDS", false, &v) == 0 && v == -1, "empty: the same");
	setenv("TEST_SECONDS", "1.5", 1);
	ok(env_seconds("TEST_SECONDS", false, &v) == 1 && v == 1.5, "1.5 seconds");
	setenv("TEST_SECONDS", "0", 1);
	ok(env_seconds("TEST_SECONDS", true, &v) == 1 && v == 0, "0 when zero is allowed");
	ok(env_seconds("TEST_SECONDS", false, &v) < 0 && error_status() == EX_USAGE,
	   "0 where a timeout must be positive: EX_USAGE");
	is_str(error_message(), "TEST_SECONDS '0': not a number of seconds", "... naming the variable");
	setenv("TEST_SECONDS", "90000", 1);
	ok(env_seconds("TEST_SECONDS", true, &v) < 0, "more than a day is refused");
	setenv("TEST_SECONDS", "5s", 1);
	ok(env_seconds("TEST_SECONDS", true, &v) < 0, "a unit is refused");
	error_clear();
	unsetenv("TEST_SECONDS");
}

static void test_date(void)
{
	char b[24];

	is_str(format_minutes(75, b, sizeof(b)), "75 min", "minutes: as they are, no hours");
	is_str(format_minutes(0, b, sizeof(b)), "0 min", "minutes: none");

	format_date(2024, 10, 26, b, sizeof(b));
	is_str(b, "2024-10-26", "date: YYYY-MM-DD");
	format_date(987, 1, 2, b, sizeof(b));
	is_str(b, "0987-01-02", "date: zero-padded");
}

int main(void)
{
	test_date();
	test_hm();
	test_zone();
	test_duration();
	test_env();
	tz_cleanup();
	return done_testing();
}
