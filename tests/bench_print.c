/* bench_print.c: `planner print --format pdf` of one big day — 40 rooms, 500 sessions (the texts
 * of the bundled PyCon Korea 2024 timetable, mostly Korean, cycled) from 09:00 to 18:00, every
 * room shown (--all), some planned and their alternatives marked — drawn with Pango on Cairo
 * into memory.  Prints the first run (loading Pango, Cairo and the fonts included, as a command
 * pays it) and the best of several, wall-clock time; the target is 200 ms for the first.  A
 * benchmark, not a test: it fails only if drawing does.  Run from the top of the source tree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jsonw.h"
#include "load.h"
#include "print.h"
#include "schedule.h"
#include "tz.h"
#include "util.h"

#define SESSIONS 500
#define ROOMS 40
#define RUNS 5
#define TARGET_MS 200.0

static double wall_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The big day as native JSON text; caller frees. */
static char *make_timetable(const struct schedule *src, size_t *len)
{
	struct jsonw w;
	char *buf = NULL, id[16], room[8], when[32];
	FILE *f = open_memstream(&buf, len);
	int n = 0;

	jsonw_init(&w, f);
	jsonw_object_begin(&w);
	jsonw_key(&w, "planner_format");
	jsonw_int(&w, 1);
	jsonw_key(&w, "conference");
	jsonw_object_begin(&w);
	jsonw_key(&w, "id");
	jsonw_string(&w, "benchcon-2025");
	jsonw_key(&w, "name");
	jsonw_string(&w, "BenchCon 2025");
	jsonw_key(&w, "timezone");
	jsonw_string(&w, "Asia/Seoul");
	jsonw_object_end(&w);
	jsonw_key(&w, "rooms");
	jsonw_array_begin(&w);
	for (int r = 0; r < ROOMS; r++) {
		char name[32];

		snprintf(room, sizeof(room), "r%02d", r);
		snprintf(name, sizeof(name), "컨벤션 홀 %d", r + 1);
		jsonw_object_begin(&w);
		jsonw_key(&w, "id");
		jsonw_string(&w, room);
		jsonw_key(&w, "name");
		jsonw_string(&w, name);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_key(&w, "sessions");
	jsonw_array_begin(&w);
	for (int slot = 0; n < SESSIONS; slot++)
		for (int r = 0; r < ROOMS && n < SESSIONS; r++, n++) {
			const struct session *t = &src->sessions[(size_t)n % src->nsessions];
			int start = 9 * 60 + slot * 40, len_min = 20 + (n % 3) * 5;

			jsonw_object_begin(&w);
			snprintf(id, sizeof(id), "S%04d", n);
			jsonw_key(&w, "id");
			jsonw_string(&w, id);
			jsonw_key(&w, "title");
			jsonw_string(&w, t->title);
			jsonw_key(&w, "speakers");
			jsonw_array_begin(&w);
			for (size_t k = 0; k < t->speakers.n; k++)
				jsonw_string(&w, t->speakers.v[k]);
			jsonw_array_end(&w);
			snprintf(room, sizeof(room), "r%02d", r);
			jsonw_key(&w, "room");
			jsonw_string(&w, room);
			snprintf(when, sizeof(when), "2025-08-16T%02d:%02d", start / 60, start % 60);
			jsonw_key(&w, "start");
			jsonw_string(&w, when);
			snprintf(when, sizeof(when), "2025-08-16T%02d:%02d", (start + len_min) / 60,
				 (start + len_min) % 60);
			jsonw_key(&w, "end");
			jsonw_string(&w, when);
			jsonw_object_end(&w);
		}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
	jsonw_finish(&w);
	fclose(f);
	return buf;
}

int main(void)
{
	struct schedule src, s;
	struct print_doc d;
	double first = 0, best = 1e9;
	size_t len, out_len = 0;
	char *buf;

	schedule_init(&src);
	if (schedule_load_file(&src, "schedules/pyconkr-2024.json", NULL) < 0) {
		fprintf(stderr, "bench_print: %s\n", error_message());
		return 2;
	}
	buf = make_timetable(&src, &len);
	schedule_init(&s);
	if (schedule_load_buffer(&s, buf, len, "bench.json", NULL) < 0) {
		fprintf(stderr, "bench_print: %s\n", error_message());
		return 2;
	}
	print_doc_init(&d, &s);
	print_doc_add_day(&d, 0);
	d.all = true;
	d.what = "timetable and my plan";
	/* a plan: one session a slot, walking along the rooms; the next room's session its
	 * alternative */
	for (size_t i = 0; i < s.nsessions; i += ROOMS + 1) {
		d.flags[i] |= PRINT_PLANNED;
		if (i + 1 < s.nsessions) {
			d.alternative[i] = (long)i + 1;
			d.flags[i + 1] |= PRINT_ALTERNATIVE;
		}
	}
	for (int run = 0; run < RUNS; run++) {
		char *out = NULL;
		FILE *f = open_memstream(&out, &out_len);
		double t0 = wall_ms();

		if (print_render(f, PRINT_PDF, &d) < 0) {
			fprintf(stderr, "bench_print: %s\n", error_message());
			return 2;
		}
		t0 = wall_ms() - t0;
		fclose(f);
		free(out);
		if (!run)
			first = t0;
		if (t0 < best)
			best = t0;
	}
	printf("print: a one-day PDF of %zu sessions in %d rooms (PyCon Korea 2024 texts), %.0f kB\n",
	       s.nsessions, ROOMS, out_len / 1e3);
	printf("print: first %6.1f ms (loading Pango, Cairo and the fonts included; target: at most "
	       "%.0f ms)%s\n", first, TARGET_MS, first <= TARGET_MS ? "" : " — MISSED");
	printf("print: best  %6.1f ms (of %d, wall-clock time)\n", best, RUNS);
	print_doc_release(&d);
	free(buf);
	schedule_release(&s);
	schedule_release(&src);
	warnings_clear();
	tz_cleanup();
	return 0;
}
