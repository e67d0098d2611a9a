/* test_schedule.c: the conference days schedule_finish computes — calendar days in the
 * conference zone when the feed declares none; the feed's days (conference nights) when it
 * does; sessions outside every declared day; declared days that cannot be used; and a
 * brute-force check on random instances against the rule as schedule.h states it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"
#include "schedule.h"
#include "tap.h"
#include "tz.h"
#include "util.h"

static const struct tz *berlin;

/* The instant of local time y-m-d h:mi in Berlin. */
static int64_t at(int y, int m, int d, int h, int mi)
{
	struct civil c = { y, m, d, h, mi, 0 };
	int64_t t = 0;

	if (tz_from_civil(berlin, &c, &t) < 0)
		abort();
	return t;
}

static void new_schedule(struct schedule *s)
{
	schedule_init(s);
	s->tz = berlin;
	s->source = xstrdup("feed.json");
}

static void add(struct schedule *s, const char *id, int64_t start, int64_t minutes)
{
	struct session *se = schedule_add_session(s);

	se->id = xstrdup(id);
	se->title = xstrdup(id);
	se->has_time = true;
	se->start = start;
	se->end = start + minutes * 60;
}

/* "YYYY-MM-DD" of the day of session `id`, or "-". */
static const char *day_of(const struct schedule *s, const char *id)
{
	static char buf[16];
	long i = schedule_find_session(s, id);

	if (i < 0 || s->sessions[i].day < 0)
		return "-";
	{
		const struct day *d = &s->days[s->sessions[i].day];
		snprintf(buf, sizeof(buf), "%04d-%02d-%02d", d->year, d->month, d->day);
	}
	return buf;
}

static void test_calendar_days(void)
{
	struct schedule s;

	new_schedule(&s);
	add(&s, "a", at(2019, 8, 21, 23, 30), 120);
	add(&s, "b", at(2019, 8, 22, 0, 50), 30);
	add(&s, "c", at(2019, 8, 22, 11, 0), 60);
	is_int(schedule_finish(&s), 0, "calendar days: finished");
	is_int(s.ndays, 2, "... two dates");
	is_str(day_of(&s, "a"), "2019-08-21", "... 23:30 on its date");
	is_str(day_of(&s, "b"), "2019-08-22", "... 00:50 on the next date");
	is_int(s.days[0].start, at(2019, 8, 21, 0, 0), "... a day starts at local midnight");
	is_int(s.days[0].end, at(2019, 8, 22, 0, 0), "... and ends at the next");
	is_int(schedule_day_at(&s, at(2019, 8, 22, 1, 30)), 1, "day_at 01:30: the calendar day");
	is_int(schedule_day_at(&s, at(2019, 8, 23, 1, 30)), -1, "day_at a day without sessions: none");
	is_int(warning_count(), 0, "... no warning");
	schedule_release(&s);
}

static void test_nights(void)
{
	struct schedule s;

	new_schedule(&s);
	add(&s, "a", at(2019, 8, 21, 23, 30), 120);
	add(&s, "b", at(2019, 8, 22, 0, 50), 30);
	add(&s, "c", at(2019, 8, 22, 11, 0), 60);
	add(&s, "d", at(2019, 8, 23, 3, 0), 60);
	add(&s, "breakfast", at(2019, 8, 22, 8, 0), 30);   /* before day 2's 09:00 start */
	add(&s, "late", at(2019, 8, 23, 5, 0), 30);        /* after day 2's 04:00 end */
	add(&s, "after", at(2019, 8, 25, 12, 0), 30);      /* a date the feed does not declare */
	add(&s, "party", at(2019, 8, 26, 21, 0), 180);     /* after day 08-26 ends, its date */
	schedule_add_feed_day(&s, 2019, 8, 26, at(2019, 8, 26, 9, 0), at(2019, 8, 26, 18, 0));
	schedule_add_feed_day(&s, 2019, 8, 22, at(2019, 8, 22, 9, 0), at(2019, 8, 23, 4, 0));
	schedule_add_feed_day(&s, 2019, 8, 21, at(2019, 8, 21, 9, 0), at(2019, 8, 22, 4, 0));
	is_int(schedule_finish(&s), 0, "nights: finished");
	is_int(warning_count(), 0, "... no warning");
	is_int(s.ndays, 5, "... the three declared days, 08-23 and 08-25");
	is_str(day_of(&s, "a"), "2019-08-21", "... 23:30 on day 1");
	is_str(day_of(&s, "b"), "2019-08-21", "... 00:50 is the night of day 1");
	is_str(day_of(&s, "breakfast"), "2019-08-22", "... 08:00 before day 2 starts: day 2 (its date)");
	is_str(day_of(&s, "c"), "2019-08-22", "... 11:00 on day 2");
	is_str(day_of(&s, "d"), "2019-08-22", "... 03:00 is the night of day 2");
	is_str(day_of(&s, "late"), "2019-08-23", "... 05:00 after day 2 ends: a calendar day");
	is_str(day_of(&s, "after"), "2019-08-25", "... an undeclared date: its calendar day");
	is_str(day_of(&s, "party"), "2019-08-26", "... after the end of a day, its date: that day");
	is_int(s.days[4].end, at(2019, 8, 26, 21, 0) + 1, "... which grows to hold it");
	is_int(s.days[0].start, at(2019, 8, 21, 9, 0), "day 1 starts when the feed says");
	is_int(s.days[0].end, at(2019, 8, 22, 4, 0), "... and ends when it says");
	is_int(s.days[1].start, at(2019, 8, 22, 8, 0), "day 2 grows to hold its breakfast");
	is_int(s.days[2].start, at(2019, 8, 23, 4, 0), "the calendar day 08-23 starts where day 2 ends");
	is_int(s.days[2].end, at(2019, 8, 24, 0, 0), "... and ends at midnight");
	is_int(schedule_day_at(&s, at(2019, 8, 22, 1, 30)), 0, "day_at 01:30 in the night: day 1");
	is_int(schedule_day_at(&s, at(2019, 8, 22, 7, 0)), -1, "day_at 07:00 between days: none");
	is_int(schedule_day_at(&s, at(2019, 8, 22, 8, 0)), 1, "day_at 08:00: day 2");
	schedule_release(&s);
}

static void test_bad_declared(void)
{
	struct schedule s;

	new_schedule(&s);
	add(&s, "a", at(2019, 8, 22, 0, 50), 30);
	add(&s, "b", at(2019, 8, 22, 11, 0), 30);
	schedule_add_feed_day(&s, 2019, 8, 21, at(2019, 8, 21, 9, 0), at(2019, 8, 22, 4, 0));
	schedule_add_feed_day(&s, 2019, 8, 22, at(2019, 8, 22, 3, 0), at(2019, 8, 23, 4, 0));
	schedule_add_feed_day(&s, 2019, 8, 23, at(2019, 8, 23, 9, 0), at(2019, 8, 23, 9, 0));
	schedule_add_feed_day(&s, 2019, 8, 25, at(2019, 8, 24, 9, 0), at(2019, 8, 24, 19, 0));
	schedule_add_feed_day(&s, 2019, 2, 30, at(2019, 8, 26, 9, 0), at(2019, 8, 26, 19, 0));
	is_int(schedule_finish(&s), 0, "bad declared days: finished");
	is_int(warning_count(), 1, "... one warning");
	is_str(warning_count() ? warning_at(0) : "", "feed.json: 4 of the days the feed declares are "
	       "ignored (first: day 2019-08-22 overlaps the day before)", "... counting them, naming the first");
	is_str(day_of(&s, "a"), "2019-08-21", "... the good day is kept");
	is_str(day_of(&s, "b"), "2019-08-22", "... the overlapping one is not: a calendar day");
	warnings_clear();
	schedule_release(&s);

	new_schedule(&s);
	add(&s, "a", at(2019, 8, 22, 0, 50), 30);
	schedule_add_feed_day(&s, 2019, 8, 23, at(2019, 8, 22, 0, 0), at(2019, 8, 23, 4, 0));
	is_int(schedule_finish(&s), 0, "a day that starts on another date: finished");
	is_str(warning_count() ? warning_at(0) : "", "feed.json: 1 of the days the feed declares is "
	       "ignored (first: day 2019-08-23 starts on another date)", "... and said");
	is_str(day_of(&s, "a"), "2019-08-22", "... the session keeps its calendar day");
	warnings_clear();
	schedule_release(&s);
}

/* The rule as schedule.h states it, written plainly: the usable declared days, then each
 * session's date. */
struct decl {
	int y, m, d;
	int64_t start, end;
	bool ok;
};

static bool date_is(const struct decl *x, const struct civil *c)
{
	return x->y == c->year && x->m == c->month && x->d == c->day;
}

static void test_random(void)
{
	int failures = 0, runs = 400, nonempty = 0;
	int64_t base = at(2024, 3, 29, 0, 0);	/* the spring DST change is in the range */

	rng_state = 20261204;
	for (int run = 0; run < runs; run++) {
		struct schedule s;
		struct decl dd[8];
		int nd = (int)rnd(6), nse = (int)rnd(30);
		char id[16];
		bool bad = false;

		new_schedule(&s);
		for (int k = 0; k < nd; k++) {
			struct civil c;
			int64_t st = base + (int64_t)rnd(6 * 24 * 4) * 900;
			int64_t len = (int64_t)rnd(4) == 0 ? (int64_t)rnd(3) * 3600 - 3600
							    : (int64_t)(1 + rnd(24)) * 3600;

			tz_to_civil(berlin, rnd(5) ? st : st + 86400, &c);
			dd[k] = (struct decl){ c.year, c.month, c.day, st, st + len, false };
			schedule_add_feed_day(&s, c.year, c.month, c.day, st, st + len);
		}
		for (int i = 0; i < nse; i++) {
			snprintf(id, sizeof(id), "s%d", i);
			add(&s, id, base - 86400 + (int64_t)rnd(8 * 24 * 6) * 600, (int64_t)rnd(5) * 30);
		}
		if (schedule_finish(&s) < 0) {
			failures++;
			continue;
		}
		warnings_clear();
		/* the usable declared days, by start: a plain quadratic pass */
		{
			int order[8];

			for (int k = 0; k < nd; k++)
				order[k] = k;
			for (int a = 0; a < nd; a++)
				for (int b = a + 1; b < nd; b++) {
					struct decl *x = &dd[order[a]], *y = &dd[order[b]];
					if (y->start < x->start || (y->start == x->start && y->end < x->end)) {
						int t = order[a];
						order[a] = order[b];
						order[b] = t;
					}
				}
			for (int a = 0, last = -1; a < nd; a++) {
				struct decl *x = &dd[order[a]];
				struct civil c;

				tz_to_civil(berlin, x->start, &c);
				x->ok = x->end > x->start && date_is(x, &c) &&
					(last < 0 || (x->start >= dd[last].end &&
						      !(x->y == dd[last].y && x->m == dd[last].m && x->d == dd[last].d)));
				if (x->ok)
					last = order[a];
			}
		}
		for (size_t i = 0; i < s.nsessions; i++) {
			const struct session *se = &s.sessions[i];
			const struct day *d;
			int holder = -1, prev = -1, next = -1;
			struct civil c, want;

			if (se->day < 0 || (size_t)se->day >= s.ndays) {
				bad = true;
				break;
			}
			d = &s.days[se->day];
			/* the day's span holds the start; days only grow with starts */
			if (se->start < d->start || se->start >= d->end ||
			    (i && se->day < s.sessions[i - 1].day))
				bad = true;
			for (int k = 0; k < nd; k++) {
				if (!dd[k].ok)
					continue;
				if (dd[k].start <= se->start && se->start < dd[k].end)
					holder = k;
				if (dd[k].end <= se->start && (prev < 0 || dd[k].end > dd[prev].end))
					prev = k;
				if (dd[k].start > se->start && (next < 0 || dd[k].start < dd[next].start))
					next = k;
			}
			tz_to_civil(berlin, se->start, &c);
			if (holder >= 0)
				want = (struct civil){ dd[holder].y, dd[holder].m, dd[holder].d, 0, 0, 0 };
			else if (prev >= 0 && date_is(&dd[prev], &c))
				want = (struct civil){ dd[prev].y, dd[prev].m, dd[prev].d, 0, 0, 0 };
			else if (next >= 0 && date_is(&dd[next], &c))
				want = (struct civil){ dd[next].y, dd[next].m, dd[next].d, 0, 0, 0 };
			else
				want = c;
			if (d->year != want.year || d->month != want.month || d->day != want.day)
				bad = true;
		}
		for (size_t j = 0; j < s.ndays; j++) {
			bool used = false;

			for (size_t i = 0; i < s.nsessions; i++)
				used |= s.sessions[i].day == (int)j;
			if (!used || s.days[j].end <= s.days[j].start ||
			    (j && s.days[j].start < s.days[j - 1].end))
				bad = true;
			for (size_t k = 0; k < j; k++)
				if (s.days[k].year == s.days[j].year && s.days[k].month == s.days[j].month &&
				    s.days[k].day == s.days[j].day)
					bad = true;	/* one day a date */
			if (schedule_day_at(&s, s.days[j].start) != (int)j ||
			    schedule_day_at(&s, s.days[j].end - 1) != (int)j)
				bad = true;
		}
		nonempty += s.ndays > 0;
		if (bad && !failures++)
			printf("# first failure: run %d\n", run);
		schedule_release(&s);
	}
	is_int(failures, 0, "%d random instances: days as the rule says, spans hold their sessions, "
	       "disjoint and in order", runs);
	ok(nonempty > runs / 2, "... most of them have days (%d)", nonempty);
}

int main(void)
{
	berlin = tz_get("Europe/Berlin");
	if (!berlin) {
		printf("Bail out! no zone Europe/Berlin: %s\n", error_message());
		return 1;
	}
	test_calendar_days();
	test_nights();
	test_bad_declared();
	test_random();
	return done_testing();
}
