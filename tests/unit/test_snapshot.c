/* test_snapshot.c: the binary snapshot of the model — a round trip of both bundled timetables
 * compared field by field, re-encoding to the same bytes, the feed stamp, and corruption that
 * must be refused without a crash: truncation, every flipped byte of a small snapshot, a wrong
 * format or planner version, and damage behind valid checksums (mutations whose checksums are
 * recomputed, which only the bounds checks can catch). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "hash.h"
#include "load.h"
#include "plan.h"
#include "schedule.h"
#include "snapshot.h"
#include "tap.h"
#include "text.h"
#include "util.h"

static const struct snapshot_stamp stamp = { 12345, 1700000000123456789u, 42 };

static bool same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static bool same_list(const struct strlist *a, const struct strlist *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]))
			return false;
	return true;
}

/* Compares every field of the model; reports the first difference. */
static bool same_schedule(const struct schedule *a, const struct schedule *b, const char **what)
{
	const struct conference *ca = &a->conf, *cb = &b->conf;

	*what = "conference";
	if (!same_str(ca->id, cb->id) || !same_str(ca->name, cb->name) ||
	    !same_str(ca->timezone, cb->timezone) || !same_str(ca->url, cb->url) ||
	    !same_str(ca->venue, cb->venue) || a->tz != b->tz || !same_str(a->source, b->source))
		return false;
	*what = "rooms";
	if (a->nrooms != b->nrooms)
		return false;
	for (size_t i = 0; i < a->nrooms; i++)
		if (!same_str(a->rooms[i].id, b->rooms[i].id) ||
		    !same_str(a->rooms[i].name, b->rooms[i].name) ||
		    !same_str(a->rooms[i].floor, b->rooms[i].floor) ||
		    !same_str(a->rooms[i].building, b->rooms[i].building))
			return false;
	*what = "days";
	if (a->ndays != b->ndays)
		return false;
	for (size_t i = 0; i < a->ndays; i++)
		if (a->days[i].year != b->days[i].year || a->days[i].month != b->days[i].month ||
		    a->days[i].day != b->days[i].day || a->days[i].start != b->days[i].start ||
		    a->days[i].end != b->days[i].end)
			return false;
	*what = "sessions";
	if (a->nsessions != b->nsessions)
		return false;
	for (size_t i = 0; i < a->nsessions; i++) {
		const struct session *x = &a->sessions[i], *y = &b->sessions[i];

		*what = x->id;
		if (!same_str(x->id, y->id) || !same_str(x->title, y->title) ||
		    !same_str(x->subtitle, y->subtitle) || !same_str(x->abstract, y->abstract) ||
		    !same_str(x->description, y->description) || !same_list(&x->speakers, &y->speakers) ||
		    !same_list(&x->tags, &y->tags) || !same_list(&x->link_titles, &y->link_titles) ||
		    !same_list(&x->link_urls, &y->link_urls) || !same_str(x->track, y->track) ||
		    x->type != y->type || x->level != y->level || !same_str(x->language, y->language) ||
		    !same_str(x->url, y->url) || x->nrooms != y->nrooms || x->has_time != y->has_time ||
		    x->start != y->start || x->end != y->end || x->scheduled != y->scheduled ||
		    x->do_not_record != y->do_not_record ||
		    x->day != y->day)
			return false;
		for (size_t j = 0; j < x->nrooms; j++)
			if (x->rooms[j] != y->rooms[j])
				return false;
	}
	*what = NULL;
	return true;
}

/* Recomputes both checksums after a test has changed bytes on purpose. */
static void reseal(char *buf, size_t len)
{
	uint64_t h = hash_checksum(buf + SNAPSHOT_HEADER_SIZE, len - SNAPSHOT_HEADER_SIZE);

	for (int i = 0; i < 8; i++)
		buf[40 + i] = (char)(unsigned char)(h >> (8 * i));
	h = hash_bytes(buf, 72);
	for (int i = 0; i < 8; i++)
		buf[72 + i] = (char)(unsigned char)(h >> (8 * i));
}

/* A round trip of the timetable at path, which has nsessions sessions and nlinks links. */
static void test_round_trip(const char *path, size_t nsessions, size_t nlinks)
{
	struct schedule s, back, again;
	char *buf, *buf2;
	size_t len, len2;
	const char *what;
	bool any_optional = false;
	size_t links = 0, back_links = 0;

	schedule_init(&s);
	schedule_init(&back);
	schedule_init(&again);
	is_int(schedule_load_file(&s, path, NULL), 0, "%s loads", path);
	is_int(s.nsessions, nsessions, "%s has %zu sessions", path, nsessions);
	is_int(snapshot_encode(&s, &stamp, &buf, &len), 0, "%s: encodes", path);
	ok(len > SNAPSHOT_HEADER_SIZE && !memcmp(buf, SNAPSHOT_MAGIC, 8), "%s: snapshot written", path);
	is_int(snapshot_decode(buf, len, &stamp, &back), 0, "%s: snapshot reads back", path);
	ok(same_schedule(&s, &back, &what), "%s: every field survives the round trip", path);
	if (what)
		printf("#   first difference: %s\n", what);
	for (size_t i = 0; i < s.nsessions; i++)
		any_optional |= s.sessions[i].abstract || s.sessions[i].track || s.sessions[i].tags.n;
	ok(any_optional, "%s: the comparison covered optional fields that are set", path);
	for (size_t i = 0; i < s.nsessions && i < back.nsessions; i++) {
		links += s.sessions[i].link_urls.n;
		back_links += back.sessions[i].link_urls.n;
	}
	is_int(links, nlinks, "%s: %zu links", path, nlinks);
	is_int(back_links, nlinks, "%s: ... all of them read back", path);
	snapshot_encode(&back, &stamp, &buf2, &len2);
	ok(len == len2 && !memcmp(buf, buf2, len), "%s: encoding the read model gives the same bytes",
	   path);
	is_int(snapshot_decode(buf, len, NULL, &again), 0, "%s: reads without a stamp to check", path);
	schedule_release(&again);
	free(buf2);
	free(buf);
	schedule_release(&back);
	schedule_release(&s);
}

/* Whether `got` is text_fold(text) (NULL for NULL). */
static bool folds(const char *text, const char *got)
{
	char *want;
	bool same;

	if (!text)
		return !got;
	want = text_fold(text);
	same = got && !strcmp(want, got);
	free(want);
	return same;
}

/* The snapshot carries the folded text: every field of `back` (read from a snapshot) is the
 * text_fold() of the field of `s` (parsed from the feed, which carries none), and every match
 * on the folded forms answers as folding each time does. */
static void test_folded(const char *path)
{
	static const char *const needles[] = { "asyncio", "python", "파이썬", "한국", "web", "ko",
					       "en", "a", "hall", "ada", "keynote", "", "zzz" };
	struct schedule s, back;
	char *buf;
	size_t len, bad = 0, unfolded = 0, differ = 0, checked = 0;

	schedule_init(&s);
	schedule_init(&back);
	if (schedule_load_file(&s, path, NULL) < 0)
		printf("# %s\n", error_message());
	snapshot_encode(&s, &stamp, &buf, &len);
	is_int(snapshot_decode(buf, len, &stamp, &back), 0, "%s: reads back", path);
	for (size_t i = 0; i < s.nrooms; i++) {
		bad += !folds(s.rooms[i].id, back.rooms[i].fold_id) +
		       !folds(s.rooms[i].name, back.rooms[i].fold_name);
		unfolded += s.rooms[i].fold_id || s.rooms[i].fold_name;
	}
	for (size_t i = 0; i < s.nsessions; i++) {
		const struct session *x = &s.sessions[i], *y = &back.sessions[i];

		bad += !folds(x->title, y->fold.title) + !folds(x->subtitle, y->fold.subtitle) +
		       !folds(x->abstract, y->fold.abstract) +
		       !folds(x->description, y->fold.description) + !folds(x->track, y->fold.track) +
		       !folds(x->language, y->fold.language);
		for (size_t j = 0; j < x->speakers.n; j++)
			bad += !y->fold.speakers || !folds(x->speakers.v[j], y->fold.speakers[j]);
		for (size_t j = 0; j < x->tags.n; j++)
			bad += !y->fold.tags || !folds(x->tags.v[j], y->fold.tags[j]);
		unfolded += x->fold.title || x->fold.speakers || x->fold.tags;
	}
	is_int(bad, 0, "%s: the snapshot holds every text's folded form", path);
	{
		char a[17], b[17];

		schedule_fingerprint(&s, a);
		schedule_fingerprint(&back, b);
		ok(!s.fingerprint[0] && back.fingerprint[0], "%s: the snapshot holds the fingerprint",
		   path);
		is_str(b, a, "%s: ... the one computed from the feed", path);
	}
	is_int(unfolded, 0, "%s: a schedule parsed from its feed holds none (it folds as it matches)",
	       path);
	for (size_t k = 0; k < sizeof(needles) / sizeof(needles[0]); k++) {
		struct filter f;

		filter_init(&f);
		filter_add(&f.rooms, needles[k]);
		for (size_t i = 0; i < s.nsessions; i++) {
			const struct session *x = &s.sessions[i], *y = &back.sessions[i];
			const char *n = needles[k];

			differ += session_mentions(x, n) != session_mentions(y, n);
			differ += session_has_label(x, n) != session_has_label(y, n);
			differ += session_has_speaker(x, n) != session_has_speaker(y, n);
			differ += session_speaks(x, n) != session_speaks(y, n);
			differ += filter_match(&f, &s, x) != filter_match(&f, &back, y);
			checked += session_mentions(y, n) + session_has_label(y, n) +
				   session_speaks(y, n) + filter_match(&f, &back, y);
		}
		filter_release(&f);
	}
	is_int(differ, 0, "%s: matching on the stored forms answers as folding does", path);
	ok(checked > 0, "%s: ... and some of those matched (%zu)", path, checked);
	free(buf);
	schedule_release(&back);
	schedule_release(&s);
}

static char *snapshot_of(const char *path, size_t *len)
{
	struct schedule s;
	char *buf;

	schedule_init(&s);
	if (schedule_load_file(&s, path, NULL) < 0) {
		printf("# %s: %s\n", path, error_message());
		exit(1);
	}
	snapshot_encode(&s, &stamp, &buf, len);
	schedule_release(&s);
	return buf;
}

static void test_stamp(void)
{
	struct schedule s;
	size_t len;
	char *buf = snapshot_of("tests/data/mini.json", &len);
	struct snapshot_stamp other = stamp;

	other.mtime_ns++;
	schedule_init(&s);
	is_int(snapshot_decode(buf, len, &other, &s), -1, "a snapshot of other feed bytes is refused");
	is_str(error_message(), "snapshot of other feed bytes", "... saying it is stale");
	is_int(s.nsessions, 0, "... and leaves the model empty");
	other = stamp;
	other.inode = 43;
	is_int(snapshot_decode(buf, len, &other, &s), -1, "another inode is another feed");
	free(buf);
}

static void test_truncated(void)
{
	struct schedule s;
	size_t len, cuts[8];
	char *buf = snapshot_of("schedules/pyconkr-2024.json", &len);
	int refused = 0;

	cuts[0] = 0;
	cuts[1] = 7;
	cuts[2] = 11;
	cuts[3] = SNAPSHOT_HEADER_SIZE - 1;
	cuts[4] = SNAPSHOT_HEADER_SIZE;
	cuts[5] = len / 2;
	cuts[6] = len - 1;
	cuts[7] = len - 9;
	for (int i = 0; i < 8; i++) {
		schedule_init(&s);
		refused += snapshot_decode(buf, cuts[i], &stamp, &s) < 0 && s.nsessions == 0;
	}
	is_int(refused, 8, "a snapshot cut anywhere is refused");
	schedule_init(&s);
	snapshot_decode(buf, len - 1, &stamp, &s);
	is_str(error_message(), "snapshot truncated", "... as truncated");
	schedule_init(&s);
	snapshot_decode(buf, 3, &stamp, &s);
	is_str(error_message(), "not a planner snapshot", "three bytes are not a snapshot");
	free(buf);
}

static void test_flipped(void)
{
	struct schedule s;
	size_t len, refused = 0, mismatch = 0;
	char *buf = snapshot_of("tests/data/mini.json", &len);

	for (size_t i = 0; i < len; i++)
		for (int bit = 0; bit < 8; bit += 3) {
			buf[i] ^= (char)(1 << bit);
			schedule_init(&s);
			if (snapshot_decode(buf, len, &stamp, &s) < 0)
				refused++;
			else
				schedule_release(&s);
			buf[i] ^= (char)(1 << bit);
		}
	is_int(refused, len * 3, "every flipped bit of mini.json's snapshot (%zu bytes) is refused", len);
	free(buf);

	buf = snapshot_of("schedules/pyconkr-2014.json", &len);
	refused = 0;
	for (size_t i = SNAPSHOT_HEADER_SIZE; i < len; i += 13) {
		buf[i] ^= 0x20;
		schedule_init(&s);
		if (snapshot_decode(buf, len, &stamp, &s) < 0) {
			refused++;
			mismatch += !strcmp(error_message(), "snapshot checksum mismatch");
		}
		buf[i] ^= 0x20;
	}
	is_int(refused, (len - SNAPSHOT_HEADER_SIZE + 12) / 13,
	       "a flipped byte anywhere in 2014's payload is refused");
	is_int(mismatch, refused, "... as a checksum mismatch");
	free(buf);
}

static void test_versions(void)
{
	struct schedule s;
	size_t len;
	char *buf = snapshot_of("tests/data/mini.json", &len);

	buf[8] = SNAPSHOT_VERSION + 1;
	schedule_init(&s);
	is_int(snapshot_decode(buf, len, &stamp, &s), -1, "another format version is refused");
	{
		char want[64];

		snprintf(want, sizeof(want), "snapshot format %u (this planner reads %u)",
			 SNAPSHOT_VERSION + 1, SNAPSHOT_VERSION);
		is_str(error_message(), want, "... naming both versions");
	}
	buf[8] = SNAPSHOT_VERSION;
	memcpy(buf + 16, "0.0.1-old\0\0\0\0\0\0\0", 16);
	is_int(snapshot_decode(buf, len, &stamp, &s), -1, "a changed version is caught by the header checksum");
	reseal(buf, len);
	is_int(snapshot_decode(buf, len, &stamp, &s), -1, "another planner's snapshot is refused");
	is_str(error_message(), "snapshot made by planner 0.0.1-old", "... naming its version");
	free(buf);
}

/* Damage that keeps valid checksums: the decoder's bounds checks alone must stop it.  Whatever
 * decodes must be a consistent model. */
static void test_sealed_damage(void)
{
	struct schedule s;
	size_t len, decoded = 0, consistent = 0, tried = 0;
	char *orig = snapshot_of("schedules/pyconkr-2014.json", &len), *buf = xmalloc(len);
	uint64_t rng = 88172645463325252u;

	for (int round = 0; round < 3000; round++) {
		size_t pos;

		memcpy(buf, orig, len);
		rng ^= rng << 13;
		rng ^= rng >> 7;
		rng ^= rng << 17;
		pos = SNAPSHOT_HEADER_SIZE + (size_t)(rng % (len - SNAPSHOT_HEADER_SIZE));
		buf[pos] = (char)(rng >> 40);
		if (round % 3 == 0 && pos + 4 <= len)
			memset(buf + pos, 0xff, 4); /* a huge count or reference */
		reseal(buf, len);
		tried++;
		schedule_init(&s);
		if (snapshot_decode(buf, len, &stamp, &s) == 0) {
			bool good = s.tz != NULL && s.conf.id && s.conf.name;
			decoded++;
			for (size_t i = 0; i < s.nsessions && good; i++) {
				const struct session *se = &s.sessions[i];
				good = se->id && se->title && (se->day < 0 || (size_t)se->day < s.ndays);
				for (size_t j = 0; j < se->nrooms && good; j++)
					good = se->rooms[j] < s.nrooms;
			}
			consistent += good;
			schedule_release(&s);
		}
	}
	ok(tried == 3000, "3000 sealed mutations of 2014's snapshot decoded without a crash");
	is_int(consistent, decoded, "the %zu that still decode are consistent models", decoded);
	free(buf);
	free(orig);
}

/* The text block's own checks, with the checksums made valid again: the decoder must stop a
 * block whose last string has no end and a reference that does not start a string. */
static void test_text_block(void)
{
	struct schedule s;
	size_t len;
	char *buf = snapshot_of("tests/data/mini.json", &len);
	size_t at = SNAPSHOT_HEADER_SIZE;
	uint32_t ntext = (uint32_t)(unsigned char)buf[at] | (uint32_t)(unsigned char)buf[at + 1] << 8 |
			 (uint32_t)(unsigned char)buf[at + 2] << 16 |
			 (uint32_t)(unsigned char)buf[at + 3] << 24;
	size_t model = at + 4 + ntext;
	unsigned char *ref = (unsigned char *)buf + model; /* the conference id's reference */

	ok(ntext > 0 && model + 4 <= len && buf[model - 1] == '\0', "mini.json's text block ends with a NUL");
	buf[model - 1] = 'x';
	reseal(buf, len);
	schedule_init(&s);
	is_int(snapshot_decode(buf, len, &stamp, &s), -1, "a text block without its last NUL is refused");
	is_str(error_message(), "snapshot damaged: text without its end", "... saying so");
	buf[model - 1] = '\0';
	ref[0]++;	/* one byte into the conference id: the middle of it */
	reseal(buf, len);
	schedule_init(&s);
	is_int(snapshot_decode(buf, len, &stamp, &s), -1, "a reference into the middle of a string is refused");
	is_str(error_message(), "snapshot damaged: a string reference out of range", "... as out of range");
	ref[0]--;
	reseal(buf, len);
	schedule_init(&s);
	is_int(snapshot_decode(buf, len, &stamp, &s), 0, "the same bytes put back decode");
	schedule_release(&s);
	free(buf);
}

static void test_hash(void)
{
	unsigned char data[64];
	uint64_t h;
	int differ = 0;

	for (int i = 0; i < 64; i++)
		data[i] = (unsigned char)i;
	h = hash_bytes(data, sizeof(data));
	for (int i = 0; i < 64; i++)
		for (int bit = 0; bit < 8; bit++) {
			data[i] ^= (unsigned char)(1 << bit);
			differ += hash_bytes(data, sizeof(data)) != h;
			data[i] ^= (unsigned char)(1 << bit);
		}
	is_int(differ, 64 * 8, "the checksum changes with every single flipped bit");
	ok(hash_bytes(data, 63) != hash_bytes(data, 64), "the length counts");
	/* the value the snapshot format stores, worked out by hand from the definition (hash.c) */
	ok(hash_bytes("", 0) == 0xeda735462619aecbu, "the checksum of nothing is the format's value");
}

int main(void)
{
	test_round_trip("schedules/pyconkr-2024.json", 43, 0);
	test_round_trip("schedules/pyconkr-2014.json", 26, 0);
	test_round_trip("tests/data/mini.json", 5, 0);
	test_round_trip("tests/data/frab-nights.json", 8, 0);	/* days the feed declares */
	/* links: 134 in the XML, of which 5 name no scheme ("www.axoloti.be") and are left out */
	test_round_trip("tests/data/feeds/frab-31c3-schedule.xml", 138, 129);
	/* 52 in the JSON, one with no scheme */
	test_round_trip("tests/data/feeds/frab-cccamp2019-schedule.json", 79, 51);
	test_folded("schedules/pyconkr-2024.json");
	test_folded("tests/data/mini.json");
	test_folded("tests/data/feeds/frab-cccamp2019-schedule.json");
	test_stamp();
	test_truncated();
	test_flipped();
	test_versions();
	test_sealed_damage();
	test_text_block();
	test_hash();
	return done_testing();
}
