/* bench_export.c: `planner export` against loading, on a 1000-session native timetable (60 rooms
 * over 3 days, Asia/Seoul) made in memory from the texts of the bundled PyCon Korea 2024
 * timetable (schedules/pyconkr-2024.json: titles, abstracts, descriptions, speakers, tags, mostly
 * Korean), cycled with new ids, rooms and times.  Loading is schedule_load_buffer() (parse and
 * build the model); exporting is ics_calendar() (every session as a VEVENT with its alarm, the
 * VTIMEZONE, the SEQUENCE bookkeeping and libical's serialization).  Neither touches the disk.
 * Prints both — processor time, the best of several runs, so that other processes on the
 * machine count less — and their ratio; the target is below 1.  A benchmark, not a test: it
 * fails only if loading or exporting does.  Run from the top of the source tree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ics.h"
#include "jsonw.h"
#include "load.h"
#include "schedule.h"
#include "tz.h"
#include "util.h"

#define SESSIONS 1000
#define ROOMS 60
#define DAYS 3
#define RUNS 9

static double cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void strings(struct jsonw *w, const char *key, const struct strlist *l)
{
	jsonw_key(w, key);
	jsonw_array_begin(w);
	for (size_t i = 0; i < l->n; i++)
		jsonw_string(w, l->v[i]);
	jsonw_array_end(w);
}

/* The big timetable as native JSON text; caller frees. */
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
		char name[32], floor[8];

		snprintf(room, sizeof(room), "r%02d", r);
		snprintf(name, sizeof(name), "컨벤션 홀 %d", r + 1);
		snprintf(floor, sizeof(floor), "%dF", r % 4 + 1);
		jsonw_object_begin(&w);
		jsonw_key(&w, "id");
		jsonw_string(&w, room);
		jsonw_key(&w, "name");
		jsonw_string(&w, name);
		jsonw_key(&w, "floor");
		jsonw_string(&w, floor);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_key(&w, "sessions");
	jsonw_array_begin(&w);
	for (int slot = 0; n < SESSIONS; slot++)
		for (int r = 0; r < ROOMS && n < SESSIONS; r++, n++) {
			const struct session *t = &src->sessions[(size_t)n % src->nsessions];
			int day = slot % DAYS, start = 9 * 60 + slot / DAYS * 40;

			jsonw_object_begin(&w);
			snprintf(id, sizeof(id), "S%04d", n);
			jsonw_key(&w, "id");
			jsonw_string(&w, id);
			jsonw_key(&w, "title");
			jsonw_string(&w, t->title);
			jsonw_key(&w, "abstract");
			jsonw_string(&w, t->abstract);
			jsonw_key(&w, "description");
			jsonw_string(&w, t->description);
			strings(&w, "speakers", &t->speakers);
			strings(&w, "tags", &t->tags);
			jsonw_key(&w, "type");
			jsonw_string(&w, session_type_name(t->type));
			jsonw_key(&w, "language");
			jsonw_string(&w, t->language);
			snprintf(room, sizeof(room), "r%02d", r);
			jsonw_key(&w, "room");
			jsonw_string(&w, room);
			snprintf(when, sizeof(when), "2025-08-%02dT%02d:%02d", 16 + day, start / 60, start % 60);
			jsonw_key(&w, "start");
			jsonw_string(&w, when);
			snprintf(when, sizeof(when), "2025-08-%02dT%02d:%02d", 16 + day, (start + 30) / 60,
				 (start + 30) % 60);
			jsonw_key(&w, "end");
			jsonw_string(&w, when);
			snprintf(when, sizeof(when), "https://example.org/s/%d", n);
			jsonw_key(&w, "url");
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
	struct ics_event *ev;
	struct ics_options o;
	double load_best = 1e9, export_best = 1e9;
	size_t len, out_len = 0, n = 0;
	char *buf;

	schedule_init(&src);
	if (schedule_load_file(&src, "schedules/pyconkr-2024.json", NULL) < 0) {
		fprintf(stderr, "bench_export: %s\n", error_message());
		return 2;
	}
	buf = make_timetable(&src, &len);
	for (int run = 0; run < RUNS; run++) {
		double t0;

		schedule_init(&s);
		t0 = cpu_ms();
		if (schedule_load_buffer(&s, buf, len, "bench.json", NULL) < 0) {
			fprintf(stderr, "bench_export: %s\n", error_message());
			return 2;
		}
		t0 = cpu_ms() - t0;
		if (t0 < load_best)
			load_best = t0;
		if (run + 1 < RUNS)
			schedule_release(&s);
	}
	ev = xcalloc(s.nsessions, sizeof(*ev));
	for (size_t i = 0; i < s.nsessions; i++)
		if (s.sessions[i].has_time)
			ev[n++].se = &s.sessions[i];
	ics_options_init(&o);
	for (int run = 0; run < RUNS; run++) {
		struct ics_state st;
		char *text;
		double t0;

		ics_state_init(&st);
		t0 = cpu_ms();
		if (ics_calendar(&s, ev, n, &o, &st, &text, &out_len) < 0) {
			fprintf(stderr, "bench_export: %s\n", error_message());
			return 2;
		}
		t0 = cpu_ms() - t0;
		if (t0 < export_best)
			export_best = t0;
		free(text);
		ics_state_release(&st);
	}
	printf("export: %zu sessions (PyCon Korea 2024 texts) in %d rooms over %d days: %.1f MB of "
	       "native timetable, %.1f MB of .ics\n", n, ROOMS, DAYS, len / 1e6, out_len / 1e6);
	printf("export: load   %6.1f ms (best of %d, processor time)\n", load_best, RUNS);
	printf("export: export %6.1f ms\n", export_best);
	printf("export: export/load %.2f (target: below 1)%s\n", export_best / load_best,
	       export_best < load_best ? "" : " — MISSED");
	free(ev);
	free(buf);
	schedule_release(&s);
	schedule_release(&src);
	warnings_clear();
	tz_cleanup();
	return 0;
}
