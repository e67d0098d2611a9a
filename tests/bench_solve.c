/* bench_solve.c: times solve() on large random timetables (100 000 and 200 000 sessions in 60
 * rooms over 3 days, 5 minutes between rooms, without and with a cap of 8 per day) and prints
 * each time (the best of a few runs) and the 200k/100k ratio, one figure per line.  A
 * benchmark, not a test: it fails only if solve() does. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "solve.h"
#include "util.h"

#define ROOMS 60
#define DAYS 3
#define RUNS 5

static uint64_t rng_state = 20240601;

static uint32_t rnd(uint32_t n)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	z ^= z >> 31;
	return (uint32_t)(z % n);
}

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

/* The best time of RUNS solves, in milliseconds; -1 if solve() fails. */
static double time_solve(size_t n, int cap)
{
	struct solve_item *it = make_items(n);
	struct solve_problem p = { it, n, ROOMS, 300, NULL, cap };
	struct solve_result r;
	double best = -1;

	solve_result_init(&r);
	for (int k = 0; k < RUNS; k++) {
		double t0 = now_ms(), t;

		if (solve(&p, &r) < 0) {
			fprintf(stderr, "bench_solve: %s\n", error_message());
			best = -1;
			break;
		}
		t = now_ms() - t0;
		if (best < 0 || t < best)
			best = t;
	}
	solve_result_release(&r);
	free(it);
	return best;
}

int main(void)
{
	static const int caps[] = { 0, 8 };

	for (size_t c = 0; c < sizeof caps / sizeof *caps; c++) {
		double t1 = time_solve(100000, caps[c]), t2 = time_solve(200000, caps[c]);
		const char *what = caps[c] ? ", cap 8 per day" : "";

		if (t1 < 0 || t2 < 0)
			return 1;
		printf("solve 100000 sessions%s: %.1f ms\n", what, t1);
		printf("solve 200000 sessions%s: %.1f ms\n", what, t2);
		printf("ratio 200000/100000%s: %.2f\n", what, t2 / t1);
	}
	return 0;
}
