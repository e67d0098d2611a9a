/* bench_snapshot.c: the warm load of a FOSDEM-size timetable (1000 sessions, 60 rooms, 2 days,
 * about 1.9 MB of native JSON made up in memory) from its snapshot, against the cold load that
 * parses the JSON — inside one process, so without process start-up.  Prints the best of several
 * runs of each, the snapshot's size and the ratio.  A benchmark, not a test: it fails only if
 * loading fails. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "load.h"
#include "schedule.h"
#include "snapshot.h"
#include "tz.h"
#include "util.h"

#define SESSIONS 1000
#define ROOMS 60
#define RUNS 15

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void words(struct strbuf *sb, size_t n, unsigned *seed)
{
	static const char *const w[] = {
		"kernel", "scheduler", "latency", "Rust", "embedded", "community", "packaging",
		"Python", "asyncio", "파이썬", "데이터", "security", "graphics", "the", "and", "of",
		"with", "for", "we", "show", "how",
	};
	size_t start = sb->len;

	while (sb->len - start < n) {
		*seed = *seed * 1103515245u + 12345u;
		strbuf_adds(sb, w[(*seed >> 16) % (sizeof(w) / sizeof(w[0]))]);
		strbuf_addc(sb, ' ');
	}
}

static char *make_feed(size_t *len)
{
	struct strbuf sb;
	unsigned seed = 7;

	strbuf_init(&sb);
	strbuf_adds(&sb, "{\"planner_format\": 1, \"conference\": {\"id\": \"bench\", \"name\": "
		    "\"Bench 2025\", \"timezone\": \"Europe/Brussels\"}, \"rooms\": [");
	for (int r = 0; r < ROOMS; r++)
		strbuf_addf(&sb, "%s{\"id\": \"r%02d\", \"name\": \"Room K.%d\", \"building\": \"K\"}",
			    r ? ", " : "", r, 100 + r);
	strbuf_adds(&sb, "], \"sessions\": [\n");
	for (int i = 0; i < SESSIONS; i++) {
		int day = i / (SESSIONS / 2), slot = i % (SESSIONS / 2) / ROOMS, room = i % ROOMS;
		int start = 9 * 60 + slot * 45;

		strbuf_addf(&sb, "%s{\"id\": \"e%04d\", \"title\": \"", i ? ",\n" : "", i);
		words(&sb, 40, &seed);
		strbuf_adds(&sb, "\", \"abstract\": \"");
		words(&sb, 1400, &seed);
		strbuf_addf(&sb, "\", \"speakers\": [\"Speaker %d\"], \"track\": \"Track %d\", "
			    "\"tags\": [\"t%d\"], \"language\": \"en\", \"room\": \"r%02d\", "
			    "\"start\": \"2025-02-0%dT%02d:%02d\", \"end\": \"2025-02-0%dT%02d:%02d\"}",
			    i, room % 40, i % 9, room, day + 1, start / 60, start % 60, day + 1,
			    (start + 40) / 60, (start + 40) % 60);
	}
	strbuf_adds(&sb, "]}\n");
	*len = sb.len;
	return strbuf_detach(&sb);
}

int main(void)
{
	struct snapshot_stamp stamp = { 1, 2, 3 };
	double cold = 1e9, warm = 1e9, enc = 1e9;
	size_t len, slen = 0;
	char *feed = make_feed(&len), *snap = NULL;

	for (int run = 0; run < RUNS; run++) {
		struct schedule s, w;
		double t0 = now_ms(), t1;

		schedule_init(&s);
		if (schedule_load_buffer(&s, feed, len, "bench.json", NULL) < 0) {
			fprintf(stderr, "bench_snapshot: %s\n", error_message());
			return 1;
		}
		t1 = now_ms();
		if (t1 - t0 < cold)
			cold = t1 - t0;
		free(snap);
		t0 = now_ms();
		snapshot_encode(&s, &stamp, &snap, &slen);
		t1 = now_ms();
		if (t1 - t0 < enc)
			enc = t1 - t0;
		schedule_release(&s);
		t0 = now_ms();
		schedule_init(&w);
		if (snapshot_decode(snap, slen, &stamp, &w) < 0) {
			fprintf(stderr, "bench_snapshot: %s\n", error_message());
			return 1;
		}
		t1 = now_ms();
		if (t1 - t0 < warm)
			warm = t1 - t0;
		schedule_release(&w);
	}
	printf("snapshot: %d sessions, JSON %zu bytes, snapshot %zu bytes\n", SESSIONS, len, slen);
	printf("snapshot: cold load (parse the JSON)   %7.2f ms\n", cold);
	printf("snapshot: write the snapshot           %7.2f ms\n", enc);
	printf("snapshot: warm load (read the snapshot) %6.2f ms\n", warm);
	printf("snapshot: warm / cold                  %7.3f\n", warm / cold);
	free(snap);
	free(feed);
	tz_cleanup();
	return 0;
}
