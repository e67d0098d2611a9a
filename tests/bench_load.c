/* bench_load.c: the cold-load cost of a FOSDEM-size frab schedule.json (1000 events, 60 rooms,
 * 2 days, about 2 MB, made up in memory) against what jansson alone needs to parse the same
 * bytes.  Prints both (best of several runs, and the first load, which also pays for reading
 * the time zone) and their ratio; the target is a ratio of at most about 1.2.  Times are the
 * process's CPU time, which other programs on a busy machine disturb far less than wall-clock
 * time.  A benchmark, not a test: it fails only if loading fails. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "load.h"
#include "schedule.h"
#include "tz.h"
#include "util.h"

#define EVENTS 1000
#define ROOMS 60
#define DAYS 2
#define RUNS 9

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Text of about n bytes, varied a little so that nothing is suspiciously repetitive. */
static void words(struct strbuf *sb, size_t n, unsigned seed)
{
	static const char *const w[] = {
		"kernel", "scheduler", "latency", "Rust", "embedded", "community", "firmware",
		"packaging", "reproducible", "builds", "distributions", "Python", "asyncio", "ölçek",
		"データ", "파이썬", "security", "hardware", "open", "source", "graphics", "Wayland",
		"the", "and", "of", "with", "for", "a", "we", "will", "show", "how",
	};
	size_t start = sb->len;

	while (sb->len - start < n) {
		seed = seed * 1103515245u + 12345u;
		strbuf_adds(sb, w[(seed >> 16) % (sizeof(w) / sizeof(w[0]))]);
		strbuf_addc(sb, (seed >> 8) % 13 ? ' ' : '.');
	}
}

static char *make_feed(size_t *len)
{
	struct strbuf sb;
	int id = 1;

	strbuf_init(&sb);
	strbuf_adds(&sb, "{\"$schema\": \"https://c3voc.de/schedule/schema.json\", \"generator\": "
		    "{\"name\": \"bench\"}, \"schedule\": {\"version\": \"1\", \"base_url\": "
		    "\"https://example.org/\", \"conference\": {\"acronym\": \"bench2025\", \"title\": "
		    "\"Bench Conference 2025\", \"start\": \"2025-02-01\", \"end\": \"2025-02-02\", "
		    "\"daysCount\": 2, \"timeslot_duration\": \"00:05\", \"time_zone_name\": "
		    "\"Europe/Brussels\", \"days\": [\n");
	for (int d = 0; d < DAYS; d++) {
		strbuf_addf(&sb, "%s{\"index\": %d, \"date\": \"2025-02-0%d\", \"day_start\": "
			    "\"2025-02-0%dT09:00:00+01:00\", \"day_end\": \"2025-02-0%dT19:00:00+01:00\", "
			    "\"rooms\": {\n", d ? ",\n" : "", d + 1, d + 1, d + 1, d + 1);
		for (int r = 0; r < ROOMS; r++) {
			int per_room = EVENTS / DAYS / ROOMS + (r < (EVENTS / DAYS) % ROOMS);

			strbuf_addf(&sb, "%s\"%s.%d.%03d (room %d)\": [\n", r ? ",\n" : "",
				    r % 3 ? "UD2" : "H", r % 7, 100 + r, r);
			for (int k = 0; k < per_room; k++, id++) {
				int minute = 9 * 60 + k * 35;

				strbuf_addf(&sb, "%s{\"id\": %d, \"guid\": \"%08x-1d2e-4f00-8a00-%012d\", "
					    "\"logo\": null, \"date\": \"2025-02-0%dT%02d:%02d:00+01:00\", "
					    "\"start\": \"%02d:%02d\", \"duration\": \"00:30\", "
					    "\"room\": \"%s.%d.%03d (room %d)\", \"slug\": \"bench-%d\", "
					    "\"url\": \"https://example.org/schedule/event/%d/\", "
					    "\"title\": \"Talk %d about ", k ? ",\n" : "", id,
					    (unsigned)id * 2654435761u, id, d + 1, minute / 60, minute % 60,
					    minute / 60, minute % 60, r % 3 ? "UD2" : "H", r % 7, 100 + r, r,
					    id, id, id);
				words(&sb, 30, (unsigned)id);
				strbuf_addf(&sb, "\", \"subtitle\": \"\", \"track\": \"Track %d\", "
					    "\"type\": \"%s\", \"language\": \"en\", \"abstract\": \"",
					    r % 25, k % 9 ? "devroom" : "Lightning Talk");
				words(&sb, 700, (unsigned)id * 7);
				strbuf_adds(&sb, "\", \"description\": \"");
				words(&sb, 900, (unsigned)id * 13);
				strbuf_addf(&sb, "\", \"recording_license\": \"\", \"do_not_record\": false, "
					    "\"persons\": [{\"id\": %d, \"public_name\": \"Speaker %d\"}, "
					    "{\"id\": %d, \"public_name\": \"Co-Speaker %d\"}], \"links\": "
					    "[{\"url\": \"https://example.org/%d\", \"title\": \"Slides\"}], "
					    "\"attachments\": []}", id, id, id + 5000, id, id);
			}
			strbuf_adds(&sb, "]");
		}
		strbuf_adds(&sb, "}}");
	}
	strbuf_adds(&sb, "]}}}\n");
	*len = sb.len;
	return strbuf_detach(&sb);
}

int main(void)
{
	size_t len;
	char *feed = make_feed(&len);
	double best_json = 1e9, best_load = 1e9, first_load = 0;
	size_t nsessions = 0, nrooms = 0;

	for (int run = 0; run < RUNS; run++) {
		json_error_t err;
		struct schedule s;
		double t0, t1, t2, t3;
		json_t *root;

		t0 = now_ms();
		root = json_loadb(feed, len, JSON_REJECT_DUPLICATES, &err);
		t1 = now_ms();
		if (!root) {
			fprintf(stderr, "bench_load: jansson: %d:%d: %s\n", err.line, err.column, err.text);
			return 1;
		}
		json_decref(root);
		schedule_init(&s);
		t2 = now_ms();
		if (schedule_load_buffer(&s, feed, len, "bench.json", NULL) < 0) {
			fprintf(stderr, "bench_load: %s\n", error_message());
			return 1;
		}
		t3 = now_ms();
		if (t3 - t2 < best_load)
			best_load = t3 - t2;
		if (!run)
			first_load = t3 - t2;
		nsessions = s.nsessions;
		nrooms = s.nrooms;
		schedule_release(&s);
		if (t1 - t0 < best_json)
			best_json = t1 - t0;
		warnings_clear();
	}
	printf("bench_load: frab schedule.json, %.2f MB, %zu events, %zu rooms, %d days\n",
	       len / 1e6, nsessions, nrooms, DAYS);
	printf("bench_load: jansson alone %.2f ms (%.0f MB/s); schedule_load_buffer %.2f ms "
	       "(first run %.2f ms); CPU time\n", best_json, len / 1e3 / best_json, best_load,
	       first_load);
	printf("bench_load: ratio %.2f (target <= 1.2), best of %d runs\n", best_load / best_json,
	       RUNS);
	free(feed);
	tz_cleanup();
	return 0;
}
