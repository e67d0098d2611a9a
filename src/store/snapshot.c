/* snapshot.c: writes the schedule model as a checked binary snapshot and reads it back (the
 * layout is in snapshot.h).  Every read is bounds-checked: a damaged file is an error, never a
 * crash. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "schedule.h"
#include "hash.h"
#include "plan.h"
#include "snapshot.h"
#include "text.h"
#include "tz.h"
#include "util.h"

#ifndef PLANNER_VERSION
#define PLANNER_VERSION "0"
#endif

#define VERSION_FIELD 16

/* ---- little-endian integers ---- */

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put64(struct strbuf *sb, uint64_t v)
{
	unsigned char b[8];

	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (8 * i));
	strbuf_add(sb, b, 8);
}

static void put32(struct strbuf *sb, uint32_t v)
{
	unsigned char b[4] = { (unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
			       (unsigned char)(v >> 24) };
	strbuf_add(sb, b, 4);
}

static void set64(char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (char)(unsigned char)(v >> (8 * i));
}

/* ---- encoding ---- */

/* The text block being built: each distinct string once, with its NUL, referred to by its
 * offset + 1; an open-addressing hash table of those references finds a string again. */
struct strtab {
	struct strbuf text;
	uint32_t *slots; /* a reference (offset + 1), 0 empty */
	size_t n, nslots;
	bool too_big;    /* the text passed what a u32 reference can reach */
};

static void strtab_grow(struct strtab *t)
{
	size_t nslots = t->nslots ? t->nslots * 2 : 256;
	uint32_t *slots = xcalloc(nslots, sizeof(*slots));

	for (size_t i = 0; i < t->nslots; i++) {
		const char *str;
		size_t k;

		if (!t->slots[i])
			continue;
		str = t->text.buf + t->slots[i] - 1;
		k = hash_bytes(str, strlen(str)) & (nslots - 1);
		while (slots[k])
			k = (k + 1) & (nslots - 1);
		slots[k] = t->slots[i];
	}
	free(t->slots);
	t->slots = slots;
	t->nslots = nslots;
}

/* The reference of s: 0 for NULL, else its offset in the text block + 1. */
static uint32_t strtab_ref(struct strtab *t, const char *s)
{
	size_t k, len;

	if (!s)
		return 0;
	if ((t->n + 1) * 2 > t->nslots)
		strtab_grow(t);
	len = strlen(s);
	k = hash_bytes(s, len) & (t->nslots - 1);
	while (t->slots[k]) {
		if (!strcmp(t->text.buf + t->slots[k] - 1, s))
			return t->slots[k];
		k = (k + 1) & (t->nslots - 1);
	}
	if (t->text.len + len + 1 >= UINT32_MAX) {
		t->too_big = true;
		return 0;
	}
	t->slots[k] = (uint32_t)t->text.len + 1;
	strbuf_add(&t->text, s, len + 1);	/* with its NUL: read in place */
	t->n++;
	return t->slots[k];
}

static void put_strlist(struct strbuf *sb, struct strtab *t, const struct strlist *l)
{
	put32(sb, (uint32_t)l->n);
	for (size_t i = 0; i < l->n; i++)
		put32(sb, strtab_ref(t, l->v[i]));
}

/* The folded forms made while encoding, freed once the string table is written. */
struct made {
	char **v;
	size_t n, alloc;
};

/* The reference of text_fold(s): `pre` when the model has it, else folded now, once for every
 * later command that reads the snapshot. */
static uint32_t fold_ref(struct strtab *t, struct made *m, const char *s, const char *pre)
{
	char *f;

	if (!s)
		return 0;
	if (pre)
		return strtab_ref(t, pre);
	f = text_fold(s);
	m->v = xgrow(m->v, m->n + 1, &m->alloc, sizeof(*m->v));
	m->v[m->n++] = f;
	return strtab_ref(t, f);
}

/* The folded forms of a list's entries, as many as it has (the count is the list's). */
static void put_fold_list(struct strbuf *sb, struct strtab *t, struct made *m,
			  const struct strlist *l, char *const *pre)
{
	for (size_t i = 0; i < l->n; i++)
		put32(sb, fold_ref(t, m, l->v[i], pre ? pre[i] : NULL));
}

/* The slots a reader's schedule.arrays needs: each session's speakers and tags with their
 * folded forms, its links' titles and URLs, and its rooms (at least one slot). */
static size_t list_slots(const struct schedule *s)
{
	size_t n = 0;

	for (size_t i = 0; i < s->nsessions; i++) {
		const struct session *se = &s->sessions[i];
		n += 2 * (se->speakers.n + se->tags.n + se->link_urls.n) +
		     (se->nrooms ? se->nrooms : 1);
	}
	return n;
}

static int cmp_instant(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;

	return a < b ? -1 : a > b;
}

/* The zone's offset at every instant a command shows (session starts and ends, day starts and ends)
 * and at a session's last second (format_span() asks which day it falls on), each once: a command
 * that reads the snapshot then needs no zone rules (tz_remember()). */
static void put_offsets(struct strbuf *sb, const struct schedule *s)
{
	int64_t *v = xmalloc((3 * s->nsessions + 2 * s->ndays + 1) * sizeof(*v));
	size_t n = 0, m = 0;

	if (s->tz && strcmp(tz_name(s->tz), "UTC")) {
		for (size_t i = 0; i < s->nsessions; i++)
			if (s->sessions[i].has_time) {
				v[n++] = s->sessions[i].start;
				v[n++] = s->sessions[i].end;
				if (s->sessions[i].end > s->sessions[i].start)
					v[n++] = s->sessions[i].end - 1;
			}
		for (size_t i = 0; i < s->ndays; i++) {
			v[n++] = s->days[i].start;
			v[n++] = s->days[i].end;
		}
		qsort(v, n, sizeof(*v), cmp_instant);
		for (size_t i = 0; i < n; i++)
			if (!m || v[i] != v[m - 1])
				v[m++] = v[i];
	}
	put32(sb, (uint32_t)m);
	for (size_t i = 0; i < m; i++) {
		put64(sb, (uint64_t)v[i]);
		put32(sb, (uint32_t)tz_offset_at(s->tz, v[i]));
	}
	free(v);
}

int snapshot_encode(const struct schedule *s, const struct snapshot_stamp *stamp, char **out,
		    size_t *len)
{
	struct strtab t = { 0 };
	struct made made = { 0 };
	struct strbuf body, all;
	char fingerprint[17];
	char version[VERSION_FIELD] = { 0 };

	/* The model first (collecting strings), then the text block goes in front of it. */
	*out = NULL;
	*len = 0;
	strbuf_init(&t.text);
	strbuf_init(&body);
	put32(&body, strtab_ref(&t, s->conf.id));
	put32(&body, strtab_ref(&t, s->conf.name));
	put32(&body, strtab_ref(&t, s->conf.timezone));
	put32(&body, strtab_ref(&t, s->conf.url));
	put32(&body, strtab_ref(&t, s->conf.venue));
	put32(&body, strtab_ref(&t, s->source));
	put32(&body, (uint32_t)s->nrooms);
	for (size_t i = 0; i < s->nrooms; i++) {
		put32(&body, strtab_ref(&t, s->rooms[i].id));
		put32(&body, strtab_ref(&t, s->rooms[i].name));
		put32(&body, strtab_ref(&t, s->rooms[i].floor));
		put32(&body, strtab_ref(&t, s->rooms[i].building));
		put32(&body, fold_ref(&t, &made, s->rooms[i].id, s->rooms[i].fold_id));
		put32(&body, fold_ref(&t, &made, s->rooms[i].name, s->rooms[i].fold_name));
	}
	put32(&body, (uint32_t)s->ndays);
	for (size_t i = 0; i < s->ndays; i++) {
		put32(&body, (uint32_t)s->days[i].year);
		put32(&body, (uint32_t)s->days[i].month);
		put32(&body, (uint32_t)s->days[i].day);
		put64(&body, (uint64_t)s->days[i].start);
		put64(&body, (uint64_t)s->days[i].end);
	}
	put32(&body, (uint32_t)s->nsessions);
	put32(&body, (uint32_t)list_slots(s));
	for (size_t i = 0; i < s->nsessions; i++) {
		const struct session *se = &s->sessions[i];
		unsigned char small[4] = { (unsigned char)se->type, (unsigned char)se->level,
					   (unsigned char)((se->has_time ? 1 : 0) | (se->scheduled ? 2 : 0) |
							   (se->do_not_record ? 4 : 0)),
					   0 };

		put32(&body, strtab_ref(&t, se->id));
		put32(&body, strtab_ref(&t, se->title));
		put32(&body, strtab_ref(&t, se->subtitle));
		put32(&body, strtab_ref(&t, se->abstract));
		put32(&body, strtab_ref(&t, se->description));
		put32(&body, strtab_ref(&t, se->track));
		put32(&body, strtab_ref(&t, se->language));
		put32(&body, strtab_ref(&t, se->url));
		put32(&body, fold_ref(&t, &made, se->title, se->fold.title));
		put32(&body, fold_ref(&t, &made, se->subtitle, se->fold.subtitle));
		put32(&body, fold_ref(&t, &made, se->abstract, se->fold.abstract));
		put32(&body, fold_ref(&t, &made, se->description, se->fold.description));
		put32(&body, fold_ref(&t, &made, se->track, se->fold.track));
		put32(&body, fold_ref(&t, &made, se->language, se->fold.language));
		strbuf_add(&body, small, 4);
		put32(&body, (uint32_t)se->day);
		put64(&body, (uint64_t)se->start);
		put64(&body, (uint64_t)se->end);
		put_strlist(&body, &t, &se->speakers);
		put_strlist(&body, &t, &se->tags);
		put_fold_list(&body, &t, &made, &se->speakers, se->fold.speakers);
		put_fold_list(&body, &t, &made, &se->tags, se->fold.tags);
		put32(&body, (uint32_t)se->link_urls.n);	/* each link: title, url */
		for (size_t j = 0; j < se->link_urls.n; j++) {
			put32(&body, strtab_ref(&t, se->link_titles.v[j]));
			put32(&body, strtab_ref(&t, se->link_urls.v[j]));
		}
		put32(&body, (uint32_t)se->nrooms);
		for (size_t j = 0; j < se->nrooms; j++)
			put32(&body, (uint32_t)se->rooms[j]);
	}
	for (size_t i = 0; i < s->nsessions; i++)
		put32(&body, (uint32_t)(s->by_id ? s->by_id[i] : i));
	put_offsets(&body, s);
	schedule_fingerprint(s, fingerprint);
	strbuf_add(&body, fingerprint, 16);

	strbuf_init(&all);
	strbuf_add(&all, SNAPSHOT_MAGIC, 8);
	put32(&all, SNAPSHOT_VERSION);
	put32(&all, SNAPSHOT_HEADER_SIZE);
	strncpy(version, PLANNER_VERSION, sizeof(version) - 1);
	strbuf_add(&all, version, sizeof(version));
	put64(&all, 0); /* payload size, below */
	put64(&all, 0); /* payload checksum, below */
	put64(&all, stamp ? stamp->size : 0);
	put64(&all, stamp ? stamp->mtime_ns : 0);
	put64(&all, stamp ? stamp->inode : 0);
	put64(&all, 0); /* header checksum, below */
	put32(&all, (uint32_t)t.text.len);
	strbuf_add(&all, t.text.buf, t.text.len);
	strbuf_add(&all, body.buf, body.len);
	set64(all.buf + 32, all.len - SNAPSHOT_HEADER_SIZE);
	set64(all.buf + 40, hash_checksum(all.buf + SNAPSHOT_HEADER_SIZE,
					     all.len - SNAPSHOT_HEADER_SIZE));
	set64(all.buf + 72, hash_bytes(all.buf, 72));
	strbuf_release(&body);
	strbuf_release(&t.text);
	free(t.slots);
	for (size_t i = 0; i < made.n; i++)
		free(made.v[i]);
	free(made.v);
	if (t.too_big) {
		strbuf_release(&all);
		return error(EX_DATAERR, "timetable too large for a snapshot: over 4 GB of text");
	}
	*len = all.len;
	*out = strbuf_detach(&all);
	return 0;
}

/* ---- decoding ---- */

struct reader {
	const unsigned char *p, *end;
	/* the text block: the strings, in the schedule's bytes (schedule.strings) */
	const char *text;
	uint32_t ntext;
	size_t arrays_used;	/* slots of schedule.arrays handed out */
	bool bad;
	const char *why;
};

static inline bool need(struct reader *r, size_t n, const char *what)
{
	if (r->bad)
		return false;
	if ((size_t)(r->end - r->p) < n) {
		r->bad = true;
		r->why = what;
		return false;
	}
	return true;
}

static inline uint32_t rd32(struct reader *r, const char *what)
{
	uint32_t v;

	if (!need(r, 4, what))
		return 0;
	v = get32(r->p);
	r->p += 4;
	return v;
}

static uint64_t rd64(struct reader *r, const char *what)
{
	uint64_t v;

	if (!need(r, 8, what))
		return 0;
	v = load_le64(r->p);
	r->p += 8;
	return v;
}

/* A count of items of at least `each` bytes that must fit in what is left. */
static uint32_t rdcount(struct reader *r, size_t each, const char *what)
{
	uint32_t n = rd32(r, what);

	if (!r->bad && (size_t)(r->end - r->p) / each < n) {
		r->bad = true;
		r->why = what;
		return 0;
	}
	return n;
}

static inline char *rdstr(struct reader *r)
{
	uint32_t ref = rd32(r, "a string reference");

	if (r->bad || !ref)
		return NULL;
	/* a reference is offset + 1, and a string starts the block or follows another's NUL */
	if (ref > r->ntext || (ref > 1 && r->text[ref - 2])) {
		r->bad = true;
		r->why = "a string reference out of range";
		return NULL;
	}
	return (char *)(uintptr_t)(r->text + ref - 1);	/* the schedule's bytes; never written */
}

/* A string that the model requires. */
static char *rdstr_req(struct reader *r)
{
	char *s = rdstr(r);

	if (!s && !r->bad) {
		r->bad = true;
		r->why = "a required string missing";
	}
	return s;
}

/* n slots of the schedule's arrays (schedule.arrays), whose number the snapshot gives first. */
static void *take(struct reader *r, struct schedule *s, size_t n)
{
	void *p;

	if (r->bad || n > s->narrays - r->arrays_used) {
		r->bad = true;
		r->why = r->why ? r->why : "lists beyond their count";
		return NULL;
	}
	p = (char *)s->arrays + r->arrays_used * SCHEDULE_ARRAY_SLOT;
	r->arrays_used += n;
	return p;
}

static void rdstrlist(struct reader *r, struct schedule *s, struct strlist *l)
{
	uint32_t n = rdcount(r, 4, "a list length");

	if (!n || !(l->v = take(r, s, n)))
		return;
	l->alloc = n;
	for (uint32_t i = 0; i < n && !r->bad; i++) {
		char *str = rdstr_req(r);
		if (str)
			l->v[l->n++] = str;
	}
}

/* A session's links: a count, then a title and a URL each (both required). */
static void rdlinks(struct reader *r, struct schedule *s, struct session *se)
{
	uint32_t n = rdcount(r, 8, "a session's links");

	if (!n || !(se->link_titles.v = take(r, s, n)) || !(se->link_urls.v = take(r, s, n)))
		return;
	se->link_titles.alloc = se->link_urls.alloc = n;
	for (uint32_t i = 0; i < n && !r->bad; i++) {
		char *title = rdstr_req(r), *url = rdstr_req(r);

		if (title && url) {
			se->link_titles.v[se->link_titles.n++] = title;
			se->link_urls.v[se->link_urls.n++] = url;
		}
	}
}

/* The folded forms of the n entries of a list (n > 0), each required. */
static char **rdfoldlist(struct reader *r, struct schedule *s, size_t n)
{
	char **v;

	if (!n || !(v = take(r, s, n)))
		return NULL;
	for (size_t i = 0; i < n; i++)
		v[i] = r->bad ? NULL : rdstr_req(r);
	return v;
}

/* Takes the text block where it is: the model's strings point into the snapshot's bytes
 * (which the schedule keeps: schedule.strings), so a read allocates nothing a string and
 * looks at a string only when a command uses it.  Its last byte ends the last string. */
static int read_text(struct reader *r)
{
	uint32_t n = rdcount(r, 1, "the text");

	if (r->bad)
		return -1;
	if (n && r->p[n - 1]) {
		r->bad = true;
		r->why = "text without its end";
		return -1;
	}
	r->text = (const char *)r->p;
	r->ntext = n;
	r->p += n;
	return 0;
}

/* The sessions in id order, as schedule_index() sorts them: checked, not trusted — strictly
 * increasing ids make it a permutation, and the binary search of schedule_find_session right. */
static void read_index(struct reader *r, struct schedule *s)
{
	size_t n = s->nsessions;

	if (r->bad)
		return;
	s->by_id = xmalloc((n ? n : 1) * sizeof(*s->by_id));
	for (size_t i = 0; i < n && !r->bad; i++) {
		uint32_t k = rd32(r, "the id index");

		if (!r->bad && (k >= n || (i && strcmp(s->sessions[s->by_id[i - 1]].id,
						       s->sessions[k].id) >= 0))) {
			r->bad = true;
			r->why = "an id index out of order";
		}
		s->by_id[i] = k;
	}
}

static void read_model(struct reader *r, struct schedule *s)
{
	uint32_t n;

	s->conf.id = rdstr_req(r);
	s->conf.name = rdstr_req(r);
	s->conf.timezone = rdstr_req(r);
	s->conf.url = rdstr(r);
	s->conf.venue = rdstr(r);
	s->source = rdstr(r);
	if (r->bad)
		return;
	s->tz = tz_get_known(s->conf.timezone);
	if (!s->tz) {
		r->bad = true;
		r->why = "an unknown time zone";
		return;
	}

	n = rdcount(r, 24, "the rooms");
	s->rooms = xcalloc(n ? n : 1, sizeof(*s->rooms));
	s->rooms_alloc = n ? n : 1;
	for (uint32_t i = 0; i < n && !r->bad; i++) {
		struct room *room = &s->rooms[s->nrooms++];
		room->id = rdstr_req(r);
		room->name = rdstr_req(r);
		room->floor = rdstr(r);
		room->building = rdstr(r);
		room->fold_id = rdstr(r);
		room->fold_name = rdstr(r);
	}

	n = rdcount(r, 28, "the days");
	s->days = xcalloc(n ? n : 1, sizeof(*s->days));
	for (uint32_t i = 0; i < n && !r->bad; i++) {
		struct day *d = &s->days[i];
		d->year = (int)rd32(r, "a day");
		d->month = (int)rd32(r, "a day");
		d->day = (int)rd32(r, "a day");
		d->start = (int64_t)rd64(r, "a day");
		d->end = (int64_t)rd64(r, "a day");
		if (!r->bad && !civil_date_valid(d->year, d->month, d->day)) {
			r->bad = true;
			r->why = "a day that is not a date";
		} else if (!r->bad && (d->end <= d->start || (i && d->start < s->days[i - 1].end))) {
			r->bad = true;
			r->why = "a day out of range";
		}
		s->ndays = i + 1;
	}

	n = rdcount(r, 88, "the sessions");
	s->narrays = rdcount(r, 4, "the lists");	/* each entry a u32 in the file */
	s->arrays = xmalloc_prefaulted(s->narrays ? s->narrays : 1, SCHEDULE_ARRAY_SLOT);
	s->sessions = xcalloc_prefaulted(n ? n : 1, sizeof(*s->sessions));
	s->sessions_alloc = n ? n : 1;
	for (uint32_t i = 0; i < n && !r->bad; i++) {
		struct session *se = &s->sessions[s->nsessions++];
		uint32_t nr, type, level, flags;
		int32_t day;

		se->day = -1;
		se->id = rdstr_req(r);
		se->title = rdstr_req(r);
		se->subtitle = rdstr(r);
		se->abstract = rdstr(r);
		se->description = rdstr(r);
		se->track = rdstr(r);
		se->language = rdstr(r);
		se->url = rdstr(r);
		se->fold.title = rdstr(r);
		se->fold.subtitle = rdstr(r);
		se->fold.abstract = rdstr(r);
		se->fold.description = rdstr(r);
		se->fold.track = rdstr(r);
		se->fold.language = rdstr(r);
		if (!need(r, 4, "a session"))
			return;
		type = r->p[0];
		level = r->p[1];
		flags = r->p[2];
		r->p += 4;
		day = (int32_t)rd32(r, "a session");
		se->start = (int64_t)rd64(r, "a session");
		se->end = (int64_t)rd64(r, "a session");
		if (type >= SESSION_TYPE_COUNT || level >= LEVEL_COUNT || flags > 7 ||
		    day < -1 || (day >= 0 && (size_t)day >= s->ndays) || (day >= 0) != !!(flags & 1) ||
		    ((flags & 1) && se->end < se->start)) {
			r->bad = true;
			r->why = "a session out of range";
			return;
		}
		se->type = (enum session_type)type;
		se->level = (enum session_level)level;
		se->has_time = flags & 1;
		se->scheduled = flags & 2;
		se->do_not_record = flags & 4;
		se->day = day;
		rdstrlist(r, s, &se->speakers);
		rdstrlist(r, s, &se->tags);
		se->fold.speakers = rdfoldlist(r, s, se->speakers.n);
		se->fold.tags = rdfoldlist(r, s, se->tags.n);
		rdlinks(r, s, se);
		nr = rdcount(r, 4, "a session's rooms");
		if (r->bad)
			return;
		if (!(se->rooms = take(r, s, nr ? nr : 1)))
			return;
		for (uint32_t j = 0; j < nr; j++) {
			uint32_t k = rd32(r, "a session's rooms");
			if (r->bad || k >= s->nrooms) {
				r->bad = true;
				r->why = "a room index out of range";
				return;
			}
			se->rooms[se->nrooms++] = k;
		}
		if (se->scheduled != (se->has_time && se->nrooms > 0)) {
			r->bad = true;
			r->why = "a session out of range";
			return;
		}
	}
	read_index(r, s);
	n = rdcount(r, 12, "the zone's offsets");
	for (uint32_t i = 0; i < n && !r->bad; i++) {
		int64_t t = (int64_t)rd64(r, "the zone's offsets");
		int32_t off = (int32_t)rd32(r, "the zone's offsets");

		if (off <= -86400 || off >= 86400) {
			r->bad = true;
			r->why = "an offset out of range";
		} else if (!r->bad) {
			tz_remember(s->tz, t, off);
		}
	}
	if (need(r, 16, "the fingerprint")) {
		for (int i = 0; i < 16; i++)
			if (!strchr("0123456789abcdef", r->p[i]) || !r->p[i]) {
				r->bad = true;
				r->why = "a fingerprint that is not hex";
			}
		memcpy(s->fingerprint, r->p, 16);
		s->fingerprint[16] = '\0';
		r->p += 16;
	}
	if (!r->bad && r->p != r->end) {
		r->bad = true;
		r->why = "bytes after the end";
	}
}

/* The checks of the header; 0, or -1 with error() set. */
static int check_header(const unsigned char *b, size_t len, const struct snapshot_stamp *expect)
{
	char version[VERSION_FIELD + 1];
	uint32_t fmt;
	uint64_t plen;

	if (len < 12 || memcmp(b, SNAPSHOT_MAGIC, 8))
		return error(EX_DATAERR, "not a planner snapshot");
	fmt = get32(b + 8);
	if (fmt != SNAPSHOT_VERSION)
		return error(EX_DATAERR, "snapshot format %u (this planner reads %u)", fmt,
			     SNAPSHOT_VERSION);
	if (len < SNAPSHOT_HEADER_SIZE)
		return error(EX_DATAERR, "snapshot truncated");
	if (get32(b + 12) != SNAPSHOT_HEADER_SIZE || load_le64(b + 72) != hash_bytes(b, 72))
		return error(EX_DATAERR, "snapshot checksum mismatch");
	memcpy(version, b + 16, VERSION_FIELD);
	version[VERSION_FIELD] = '\0';
	if (strcmp(version, PLANNER_VERSION))
		return error(EX_DATAERR, "snapshot made by planner %s", version);
	if (expect && (load_le64(b + 48) != expect->size || load_le64(b + 56) != expect->mtime_ns ||
		       load_le64(b + 64) != expect->inode))
		return error(EX_DATAERR, "snapshot of other feed bytes");
	plen = load_le64(b + 32);
	if (plen != len - SNAPSHOT_HEADER_SIZE)
		return error(EX_DATAERR, plen > len - SNAPSHOT_HEADER_SIZE ? "snapshot truncated"
			     : "snapshot damaged: bytes after the end");
	if (load_le64(b + 40) != hash_checksum(b + SNAPSHOT_HEADER_SIZE, (size_t)plen))
		return error(EX_DATAERR, "snapshot checksum mismatch");
	return 0;
}

int snapshot_decode_owned(char *buf, size_t len, bool mapped,
			  const struct snapshot_stamp *expect, struct schedule *s)
{
	const unsigned char *b = (const unsigned char *)buf;
	struct reader r;

	/* the schedule owns the bytes (its strings point into them): released with it */
	s->strings = buf;
	s->strings_len = len;
	s->strings_mapped = mapped;
	if (check_header(b, len, expect) < 0) {
		schedule_release(s);
		return -1;
	}
	memset(&r, 0, sizeof(r));
	r.p = b + SNAPSHOT_HEADER_SIZE;
	r.end = b + len;
	if (read_text(&r) == 0)
		read_model(&r, s);
	if (r.bad) {
		schedule_release(s);
		return error(EX_DATAERR, "snapshot damaged: %s", r.why ? r.why : "bad data");
	}
	return 0;
}

int snapshot_decode(const char *buf, size_t len, const struct snapshot_stamp *expect,
		    struct schedule *s)
{
	char *own = xmalloc(len ? len : 1);

	memcpy(own, buf, len);
	return snapshot_decode_owned(own, len, false, expect, s);
}
