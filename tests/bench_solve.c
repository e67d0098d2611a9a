/* bench_solve.c: times solve() on large random timetables (100 000 and 200 000 sessions in 60
 * rooms over 3 days, 5 minutes between rooms, without and with a cap of 8 per day) and prints
 * each time (the best of a few runs) and the 200k/100k ratio, one figure per line.  Then a
 * timetable at planner's limits (20 000 sessions, 2 000 rooms in buildings and floors, as pick
 * gives them) with caps from none to 1000 a day, and the same with one day of sessions a minute
 * long, whose chains of compatible sessions are hundreds long (the cap binds at every level).
 * A benchmark, not a test: it fails only if solve() does. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "solve.h"
#include "util.h"
#include "unit/rng.h"

#define ROOMS 60
#define DAYS 3
#define RUNS 5

/* Sessions start on the 5-minute grid between 09:00 and 18:00 and last 20 to 90 minutes; one
 * in 200 is a plenary, one in 20 is excluded. */
static struct solve_item *make_items(size_t n)
{
	struct solve_item *it = xmalloc(n * sizeof *it);

	for (size_t i = 0; i < n; i++) {
		int day = (int)rnd(DAYS);

		it[i].day = day;
		it[i].start = (int64_t)day * 86400 + 9 * 3600 + (int64_t)rnd(9 * 12) * 300;
		it[i].end = it[i].start + (20 + (int64_t)rnd(71)) * 60;
		it[i].room = rnd(200) == 0 ? -1 : (int)rnd(ROOMS);
		it[i].score = rnd(101);
		it[i].pinned = false;
		it[i].excluded = rnd(20) == 0;
	}
	return it;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The best time of `runs` solves of p, in milliseconds; -1 if solve() fails. */
static double time_problem(const struct solve_problem *p, int runs)
{
	struct solve_result r;
	double best = -1;

	solve_result_init(&r);
	for (int k = 0; k < runs; k++) {
		double t0 = now_ms(), t;

		if (solve(p, &r) < 0) {
			fprintf(stderr, "bench_solve: %s\n", error_message());
			best = -1;
			break;
		}
		t = now_ms() - t0;
		if (best < 0 || t < best)
			best = t;
	}
	solve_result_release(&r);
	return best;
}

/* The best time of RUNS solves, in milliseconds; -1 if solve() fails. */
static double time_solve(size_t n, int cap)
{
	struct solve_item *it = make_items(n);
	struct solve_problem p = { .items = it, .nitems = n, .nrooms = ROOMS, .travel_seconds = 300,
				   .max_per_day = cap };
	double best = time_problem(&p, RUNS);

	free(it);
	return best;
}

/* At planner's limits: 20 000 sessions in 2 000 rooms, 20 buildings of 10 floors (a room in 50
 * without a building, one in 40 without a floor).  Over 3 days: starts on the 5-minute grid
 * 09:00-18:00, 10 to 60 minutes long, 5 minutes between rooms.  Or one day of sessions 20 to 90
 * seconds long at any second, in 60 rooms of 20 buildings, a minute between rooms: chains of
 * compatible sessions hundreds long. */
#define LIMIT_ITEMS 20000
#define LIMIT_ROOMS 2000

static void limits(const char *what, bool shortday, const int *caps, size_t ncaps)
{
	struct solve_item *it = xmalloc(LIMIT_ITEMS * sizeof *it);
	int *bld = xmalloc(LIMIT_ROOMS * sizeof *bld), *flr = xmalloc(LIMIT_ROOMS * sizeof *flr);

	rng_state = 20250301;
	for (int r = 0; r < LIMIT_ROOMS; r++) {
		bld[r] = rnd(50) == 0 ? -1 : r / 100;
		flr[r] = rnd(40) == 0 ? -1 : r / 10 % 10;
	}
	for (size_t i = 0; i < LIMIT_ITEMS; i++) {
		if (shortday) {
			it[i].day = 0;
			it[i].start = (int64_t)rnd(86400 - 120);
			it[i].end = it[i].start + 20 + (int64_t)rnd(71);
			it[i].room = (int)rnd(20) * 100 + (int)rnd(3);
		} else {
			it[i].day = (int)rnd(3);
			it[i].start = (int64_t)it[i].day * 86400 + 9 * 3600 + (int64_t)rnd(9 * 12) * 300;
			it[i].end = it[i].start + (10 + (int64_t)rnd(51)) * 60;
			it[i].room = (int)rnd(LIMIT_ROOMS);
		}
		it[i].score = 1 + rnd(100);
		it[i].pinned = false;
		it[i].excluded = false;
	}
	for (size_t c = 0; c < ncaps; c++) {
		struct solve_problem p = { .items = it, .nitems = LIMIT_ITEMS, .nrooms = LIMIT_ROOMS,
					   .travel_seconds = shortday ? 60 : 300, .max_per_day = caps[c],
					   .room_building = bld, .room_floor = flr };
		double t = time_problem(&p, 3);

		if (t < 0)
			exit(1);
		printf("solve %d sessions, %d rooms with floors, %s, cap %d: %.1f ms\n", LIMIT_ITEMS,
		       LIMIT_ROOMS, what, caps[c], t);
	}
	free(it);
	free(bld);
	free(flr);
}

int main(void)
{
	static const int caps[] = { 0, 8 };

	rng_state = 20240601;
	for (size_t c = 0; c < sizeof caps / sizeof *caps; c++) {
		double t1 = time_solve(100000, caps[c]), t2 = time_solve(200000, caps[c]);
		const char *what = caps[c] ? ", cap 8 per day" : "";

		if (t1 < 0 || t2 < 0)
			return 1;
		printf("solve 100000 sessions%s: %.1f ms\n", what, t1);
		printf("solve 200000 sessions%s: %.1f ms\n", what, t2);
		printf("ratio 200000/100000%s: %.2f\n", what, t2 / t1);
	}
	{
		static const int grid_caps[] = { 0, 20, 100, 1000 }, short_caps[] = { 20, 100, 1000 };
		limits("3 days", false, grid_caps, sizeof grid_caps / sizeof *grid_caps);
		limits("1 day of 1-minute sessions", true, short_caps, sizeof short_caps / sizeof *short_caps);
	}
	return 0;
}
