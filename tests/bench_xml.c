/* bench_xml.c: the cold-load cost of a FOSDEM-size frab schedule.xml (1000 events, 60 rooms,
 * 2 days, about 2.8 MB, made up in memory, the same bytes every run) against what Expat alone
 * needs to parse the same bytes with no handler at all.  Prints both (best of several runs, and
 * the first load, which also pays for reading the time zone) and their ratio; the target is a
 * ratio of at most 1.3.  Times are the process's CPU time, which other programs on a busy
 * machine disturb far less than wall-clock time.  A benchmark, not a test: it fails only if
 * loading fails. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <expat.h>

#include "load.h"
#include "schedule.h"
#include "tz.h"
#include "util.h"

#define EVENTS 1000
#define ROOMS 60
#define DAYS 2
#ifndef RUNS
#define RUNS 30
#endif

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Text of about n bytes, varied a little so that nothing is suspiciously repetitive; with
 * html, in paragraphs written as FOSDEM writes them (escaped markup: &lt;p&gt;). */
static void words(struct strbuf *sb, size_t n, unsigned seed, int html)
{
	static const char *const w[] = {
		"kernel", "scheduler", "latency", "Rust", "embedded", "community", "firmware",
		"packaging", "reproducible", "builds", "distributions", "Python", "asyncio", "ölçek",
		"データ", "파이썬", "security", "hardware", "open", "source", "graphics", "Wayland",
		"the", "and", "of", "with", "for", "a", "we", "will", "show", "how", "&amp;",
	};
	size_t start = sb->len;

	if (html)
		strbuf_adds(sb, "&lt;p&gt;");
	while (sb->len - start < n) {
		seed = seed * 1103515245u + 12345u;
		strbuf_adds(sb, w[(seed >> 16) % (sizeof(w) / sizeof(w[0]))]);
		if (html && (seed >> 8) % 61 == 0)
			strbuf_adds(sb, ".&lt;/p&gt;\n\n&lt;p&gt;");
		else
			strbuf_addc(sb, (seed >> 8) % 13 ? ' ' : '.');
	}
	if (html)
		strbuf_adds(sb, "&lt;/p&gt;");
}

static char *make_feed(size_t *len)
{
	struct strbuf sb;
	int id = 1;

	strbuf_init(&sb);
	strbuf_adds(&sb, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\n"
		    "  <version>bench 1</version>\n  <conference>\n"
		    "    <acronym>bench2025</acronym>\n    <title>Bench Conference 2025</title>\n"
		    "    <subtitle/>\n    <venue>ULB (Université Libre de Bruxelles)</venue>\n"
		    "    <city>Brussels</city>\n    <start>2025-02-01</start>\n"
		    "    <end>2025-02-02</end>\n    <days>2</days>\n"
		    "    <day_change>09:00:00</day_change>\n"
		    "    <timeslot_duration>00:05:00</timeslot_duration>\n"
		    "    <time_zone_name>Europe/Brussels</time_zone_name>\n  </conference>\n");
	for (int d = 0; d < DAYS; d++) {
		strbuf_addf(&sb, "  <day index=\"%d\" date=\"2025-02-0%d\" "
			    "start=\"2025-02-0%dT09:00:00+01:00\" end=\"2025-02-0%dT19:00:00+01:00\">\n",
			    d + 1, d + 1, d + 1, d + 1);
		for (int r = 0; r < ROOMS; r++) {
			int per_room = EVENTS / DAYS / ROOMS + (r < (EVENTS / DAYS) % ROOMS);
			char room[64];

			snprintf(room, sizeof(room), "%s.%d.%03d (room %d)", r % 3 ? "UD2" : "H",
				 r % 7, 100 + r, r);
			strbuf_addf(&sb, "    <room name=\"%s\" slug=\"room-%d\">\n", room, r);
			for (int k = 0; k < per_room; k++, id++) {
				int minute = 9 * 60 + k * 35;

				strbuf_addf(&sb, "      <event guid=\"%08x-1d2e-4f00-8a00-%012d\" "
					    "id=\"%d\">\n        <date>2025-02-0%dT%02d:%02d:00+01:00</date>\n"
					    "        <start>%02d:%02d</start>\n"
					    "        <duration>00:30</duration>\n"
					    "        <room>%s</room>\n        <slug>bench-%d</slug>\n"
					    "        <url>https://example.org/schedule/event/%d/</url>\n"
					    "        <recording>\n          <license/>\n"
					    "          <optout>%s</optout>\n        </recording>\n"
					    "        <title>Talk %d about ",
					    (unsigned)id * 2654435761u, id, id, d + 1, minute / 60,
					    minute % 60, minute / 60, minute % 60, room, id, id,
					    id % 17 ? "false" : "true", id);
				words(&sb, 30, (unsigned)id, 0);
				strbuf_addf(&sb, "</title>\n        <subtitle/>\n"
					    "        <track>Track %d</track>\n        <type>%s</type>\n"
					    "        <language>en</language>\n        <abstract>",
					    r % 25, k % 9 ? "devroom" : "Lightning Talk");
				words(&sb, 950, (unsigned)id * 7, 1);
				strbuf_adds(&sb, "</abstract>\n        <description>");
				words(&sb, 820, (unsigned)id * 13, 1);
				strbuf_addf(&sb, "</description>\n        <feedback_url>"
					    "https://example.org/feedback/%d</feedback_url>\n"
					    "        <persons>\n"
					    "          <person id=\"%d\">Speaker %d</person>\n"
					    "          <person id=\"%d\">Co-Speaker %d</person>\n"
					    "        </persons>\n        <attachments>\n        </attachments>\n"
					    "        <links>\n          <link href=\"https://example.org/%d\">"
					    "Slides</link>\n          <link href=\"https://video.example.org/%d.webm\">"
					    "Video recording (WebM/VP9)</link>\n        </links>\n"
					    "      </event>\n", id, id, id, id + 5000, id, id, id);
			}
			strbuf_adds(&sb, "    </room>\n");
		}
		strbuf_adds(&sb, "  </day>\n");
	}
	strbuf_adds(&sb, "</schedule>\n");
	*len = sb.len;
	return strbuf_detach(&sb);
}

int main(void)
{
	size_t len;
	char *feed = make_feed(&len);
	double best_expat = 1e9, best_load = 1e9, first_load = 0;
	size_t nsessions = 0, nrooms = 0;

	for (int run = 0; run < RUNS; run++) {
		struct schedule s;
		double t0, t1, t2, t3;
		XML_Parser p;
		enum XML_Status st;

		t0 = now_ms();
		p = XML_ParserCreate(NULL);
		st = XML_Parse(p, feed, (int)len, XML_TRUE);
		XML_ParserFree(p);
		t1 = now_ms();
		if (st != XML_STATUS_OK) {
			fprintf(stderr, "bench_xml: Expat refused the feed\n");
			return 1;
		}
		schedule_init(&s);
		t2 = now_ms();
		if (schedule_load_buffer(&s, feed, len, "bench.xml", NULL) < 0) {
			fprintf(stderr, "bench_xml: %s\n", error_message());
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
		if (t1 - t0 < best_expat)
			best_expat = t1 - t0;
		warnings_clear();
	}
	printf("bench_xml: frab schedule.xml, %.2f MB, %zu events, %zu rooms, %d days\n",
	       len / 1e6, nsessions, nrooms, DAYS);
	printf("bench_xml: Expat alone %.2f ms (%.0f MB/s); schedule_load_buffer %.2f ms "
	       "(first run %.2f ms); CPU time\n", best_expat, len / 1e3 / best_expat, best_load,
	       first_load);
	printf("bench_xml: ratio %.2f (target <= 1.3), best of %d runs\n", best_load / best_expat,
	       RUNS);
	free(feed);
	tz_cleanup();
	return 0;
}
