/* share.c: another plan read into a neutral list (share.h) — a list of ids, a plan file, or an
 * .ics of starred talks, the latter through the .ics importer (load.h), so that iCalendar is
 * parsed in one place — and its items matched to the sessions of a timetable. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "fetch.h"
#include "load.h"
#include "plan.h"
#include "schedule.h"
#include "share.h"
#include "text.h"
#include "util.h"

void share_list_init(struct share_list *l)
{
	memset(l, 0, sizeof(*l));
}

static void item_release(struct share_item *it)
{
	free(it->id);
	free(it->uid);
	free(it->url);
	free(it->title);
	free(it->room);
}

void share_list_release(struct share_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		item_release(&l->items[i]);
	free(l->items);
	free(l->conference);
	free(l->url);
	share_list_init(l);
}

static struct share_item *add_item(struct share_list *l)
{
	struct share_item *it;

	l->items = xgrow(l->items, l->n + 1, &l->alloc, sizeof(*l->items));
	it = &l->items[l->n++];
	memset(it, 0, sizeof(*it));
	return it;
}

int share_read(const char *source, char **buf, size_t *len)
{
	struct stat st;

	*buf = NULL;
	*len = 0;
	if (!strcmp(source, "-")) {
		struct strbuf sb;
		char chunk[65536];
		size_t got;

		strbuf_init(&sb);
		while ((got = fread(chunk, 1, sizeof(chunk), stdin)) > 0) {
			if (sb.len + got > LOAD_MAX_BYTES) {
				strbuf_release(&sb);
				return error(EX_DATAERR, "standard input: more than %u bytes",
					     LOAD_MAX_BYTES);
			}
			strbuf_add(&sb, chunk, got);
		}
		if (ferror(stdin)) {
			strbuf_release(&sb);
			return error(EX_IOERR, "standard input: %s", strerror(errno));
		}
		*len = sb.len;
		*buf = strbuf_detach(&sb);
		return 0;
	}
	if (fetch_is_url(source)) {
		struct fetch_request req = { 0 };
		struct fetch_result r;

		req.source = source;
		fetch_result_init(&r);
		if (fetch(&req, &r) < 0) {
			fetch_result_release(&r);
			return -1;
		}
		*buf = r.body;
		*len = r.len;
		r.body = NULL;
		fetch_result_release(&r);
		return 0;
	}
	if (stat(source, &st) == 0 && S_ISDIR(st.st_mode))
		return error(EX_NOINPUT, "%s: is a directory, not a plan", source);
	return read_file(source, LOAD_MAX_BYTES, buf, len);
}

/* ---- reading */

static int parse_ics(struct share_list *l, const char *buf, size_t len, const char *name,
		     const char *zone)
{
	struct schedule t;
	struct load_options o = { "ics", zone, NULL };
	size_t warned = warning_count();

	schedule_init(&t);
	if (schedule_load_buffer(&t, buf, len, name, &o) < 0)
		return -1;
	/* what the importer says about a timetable (rooms missing, ...) is not about a list */
	warnings_truncate(warned);
	l->kind = SHARE_ICS;
	for (size_t i = 0; i < t.nsessions; i++) {
		const struct session *se = &t.sessions[i];
		struct share_item *it = add_item(l);

		it->uid = xstrdup(se->id);
		it->url = xstrdup(se->url);
		it->title = xstrdup(se->title);
		it->has_time = se->has_time;
		it->start = se->start;
		it->end = se->end;
		if (se->nrooms)
			it->room = session_room_label(&t, se);
	}
	schedule_release(&t);
	return 0;
}

static int parse_plan(struct share_list *l, const char *buf, size_t len, const char *name)
{
	struct plan p;

	plan_init(&p);
	if (plan_parse_other(&p, buf, len, name) < 0) {
		plan_release(&p);
		return -1;
	}
	l->kind = SHARE_PLAN;
	l->conference = xstrdup(p.conference);
	for (size_t i = 0; i < p.nentries; i++) {
		const struct plan_entry *e = &p.entries[i];
		struct share_item *it = add_item(l);

		it->id = xstrdup(e->id);
		it->title = xstrdup(e->title);
		it->has_time = true;
		it->start = e->start;
		it->end = e->end;
		it->room = xstrdup(e->room && *e->room ? e->room : NULL);
	}
	plan_release(&p);
	return 0;
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* The header's words after SHARE_HEADER: the conference id and an optional URL. */
static int parse_header(struct share_list *l, const char *p, const char *e, const char *name)
{
	const char *w = p;

	while (w < e && !blank(*w))
		w++;
	if (w == p)
		return error(EX_DATAERR, "%s:1: the header names no conference", name);
	l->conference = xstrndup(p, (size_t)(w - p));
	while (w < e && blank(*w))
		w++;
	p = w;
	while (w < e && !blank(*w))
		w++;
	if (w > p)
		l->url = xstrndup(p, (size_t)(w - p));
	return 0;
}

static int parse_ids(struct share_list *l, const char *buf, size_t len, const char *name)
{
	const char *p = buf, *end = buf + len;
	size_t line = 0, hlen = strlen(SHARE_HEADER);

	l->kind = SHARE_IDS;
	while (p < end) {
		const char *e = memchr(p, '\n', (size_t)(end - p)), *q;
		char *id;

		if (!e)
			e = end;
		line++;
		while (p < e && blank(*p))
			p++;
		if (line == 1 && (size_t)(e - p) >= hlen && !memcmp(p, SHARE_HEADER, hlen)) {
			if (parse_header(l, p + hlen, e, name) < 0)
				return -1;
			p = e + 1;
			continue;
		}
		/* an id ends at the line's end, or at " #" (a comment after it) */
		for (q = p; q < e && !(*q == '#' && q > p && blank(q[-1])); q++)
			;
		while (q > p && blank(q[-1]))
			q--;
		if (q == p || *p == '#') {
			p = e + 1;
			continue;
		}
		if ((size_t)(q - p) > LOAD_MAX_TEXT)
			return error(EX_DATAERR, "%s:%zu: a line of %zu bytes is not a session id",
				     name, line, (size_t)(q - p));
		if (l->n >= LOAD_MAX_SESSIONS)
			return error(EX_DATAERR, "%s:%zu: more than %u session ids", name, line,
				     LOAD_MAX_SESSIONS);
		id = xstrndup(p, (size_t)(q - p));
		add_item(l)->id = text_nfc(id);
		free(id);
		p = e + 1;
	}
	return 0;
}

int share_parse(struct share_list *l, const char *buf, size_t len, const char *name,
		const char *zone)
{
	const char *p = buf, *end = buf + len;
	size_t bad;

	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	if (memchr(p, '\0', (size_t)(end - p)))
		return error(EX_DATAERR, "%s: binary data, not a plan", name);
	if (!text_valid_utf8(p, (size_t)(end - p), &bad))
		return error(EX_DATAERR, "%s: not UTF-8 text (a bad byte at offset %zu)", name,
			     (size_t)(p - buf) + bad);
	while (p < end && (blank(*p) || *p == '\n'))
		p++;
	if ((size_t)(end - p) >= 15 && !strncasecmp(p, "BEGIN:VCALENDAR", 15))
		return parse_ics(l, buf, len, name, zone);
	if (p < end && *p == '{')
		return parse_plan(l, buf, len, name);
	if (p < end && (*p == '<' || *p == '['))
		return error(EX_DATAERR, "%s: not a plan: a list of session ids, a plan file or an "
			     "iCalendar file was expected", name);
	return parse_ids(l, p, (size_t)(end - p), name);
}

int share_check_conference(const struct share_list *l, const struct schedule *s, const char *name)
{
	char *url;
	int ret;

	if (!l->conference || !strcmp(l->conference, s->conf.id))
		return 0;
	if (!l->url)
		return error(EX_DATAERR, "%s: a plan for conference '%s', not for '%s' (choose its "
			     "timetable with -s %s)", name, text_inert(l->conference),
			     text_inert(s->conf.id), text_inert(l->conference));
	url = text_sanitize(l->url);
	ret = error(EX_DATAERR, "%s: a plan for conference '%s', not for '%s' (choose its timetable "
		    "with -s %s, after 'planner fetch %s')", name, text_inert(l->conference),
		    text_inert(s->conf.id), text_inert(l->conference), url);
	free(url);
	return ret;
}

/* ---- matching */

const char *share_how_name(enum share_how how)
{
	static const char *const names[] = { "", "id", "UID", "URL", "title and time" };

	return names[how];
}

const char *share_item_label(const struct share_item *it)
{
	return it->id ? it->id : it->title ? it->title : it->uid ? it->uid : it->url ? it->url : "?";
}

/* The session whose id is id[0..n), exactly or in NFC; -1. */
static long find_id(const struct schedule *s, const char *id, size_t n)
{
	char *copy, *nfc;
	long k;

	if (!n)
		return -1;
	copy = xstrndup(id, n);
	k = schedule_find_session(s, copy);
	if (k < 0) {
		nfc = text_nfc(copy);
		k = schedule_find_session(s, nfc);
		free(nfc);
	}
	free(copy);
	return k;
}

static long match_uid(const struct schedule *s, const char *uid)
{
	const char *at = strchr(uid, '@');
	size_t n = at ? (size_t)(at - uid) : strlen(uid), d = n;
	long k = find_id(s, uid, strlen(uid));

	if (k < 0 && at)
		k = find_id(s, uid, n);
	while (d > 0 && uid[d - 1] != '-')
		d--;
	if (k < 0 && d > 0)
		k = find_id(s, uid + d, n - d);
	return k;
}

/* A URL as compared: no scheme, the host in lower case, no trailing '/', no fragment.  Caller
 * frees. */
static char *url_key(const char *url)
{
	const char *p = strstr(url, "://"), *host;
	char *k, *q;
	size_t n;

	host = p ? p + 3 : url;
	k = xstrdup(host);
	if ((q = strchr(k, '#')) != NULL)
		*q = '\0';
	for (q = k; *q && *q != '/'; q++)
		if (*q >= 'A' && *q <= 'Z')
			*q = (char)(*q - 'A' + 'a');
	n = strlen(k);
	while (n && k[n - 1] == '/')
		k[--n] = '\0';
	return k;
}

/* The timetable's sessions by URL and by title (their keys as compared, sorted), made once for
 * all the items of a list, so that matching is a binary search, not a walk over every session. */
struct key_ref {
	char *key;              /* owned */
	size_t session;
};

struct keys {
	struct key_ref *v;
	size_t n;
};

struct matcher {
	const struct schedule *s;
	struct keys url, title; /* made on first use */
	bool have_url, have_title;
};

static int by_key(const void *a, const void *b)
{
	const struct key_ref *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	/* equal keys in the timetable's order (by start, then room) */
	return c ? c : x->session < y->session ? -1 : x->session > y->session;
}

static void keys_release(struct keys *k)
{
	for (size_t i = 0; i < k->n; i++)
		free(k->v[i].key);
	free(k->v);
}

/* The first entry with key `key`, or k->n. */
static size_t keys_first(const struct keys *k, const char *key)
{
	size_t lo = 0, hi = k->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(k->v[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < k->n && !strcmp(k->v[lo].key, key) ? lo : k->n;
}

static long match_url(struct matcher *x, const char *url)
{
	const struct schedule *s = x->s;
	char *key = url_key(url), *seg;
	size_t at;
	long k = -1;

	if (!x->have_url) {
		x->have_url = true;
		x->url.v = xcalloc(s->nsessions + 1, sizeof(*x->url.v));
		for (size_t i = 0; i < s->nsessions; i++)
			if (s->sessions[i].url)
				x->url.v[x->url.n++] = (struct key_ref){ url_key(s->sessions[i].url), i };
		qsort(x->url.v, x->url.n, sizeof(*x->url.v), by_key);
	}
	if ((at = keys_first(&x->url, key)) < x->url.n)
		k = (long)x->url.v[at].session;
	/* pretalx: https://HOST/EVENT/talk/CODE/ — the last path segment is the session's id */
	seg = strrchr(key, '/');
	if (k < 0 && seg && seg[1] && !strchr(seg, '?'))
		k = find_id(s, seg + 1, strlen(seg + 1));
	free(key);
	return k;
}

/* A title as compared: inert (white space collapsed), folded. */
static char *title_key(const char *t)
{
	char *clean = text_sanitize(t), *k = text_fold(clean);

	free(clean);
	return k;
}

static long match_title(struct matcher *x, const struct share_item *it, long *near)
{
	const struct schedule *s = x->s;
	char *key = title_key(it->title);
	long k = -1;

	if (!x->have_title) {
		x->have_title = true;
		x->title.v = xcalloc(s->nsessions + 1, sizeof(*x->title.v));
		for (size_t i = 0; i < s->nsessions; i++)
			if (s->sessions[i].has_time)
				x->title.v[x->title.n++] =
					(struct key_ref){ title_key(s->sessions[i].title), i };
		qsort(x->title.v, x->title.n, sizeof(*x->title.v), by_key);
	}
	for (size_t at = keys_first(&x->title, key);
	     at < x->title.n && !strcmp(x->title.v[at].key, key); at++) {
		const struct session *se = &s->sessions[x->title.v[at].session];
		long i = (long)x->title.v[at].session;

		if (se->start != it->start) {
			if (*near < 0)
				*near = i;
			continue;
		}
		if (k < 0)
			k = i;
		if (it->room) {
			char *room = session_room_label(s, se);
			bool here = !strcmp(room, it->room);

			free(room);
			if (here) {
				k = i;
				break;
			}
		}
	}
	free(key);
	return k;
}

void share_match(const struct share_list *l, const struct schedule *s, struct share_match *m)
{
	struct matcher x = { s, { NULL, 0 }, { NULL, 0 }, false, false };

	for (size_t i = 0; i < l->n; i++) {
		const struct share_item *it = &l->items[i];
		long k = -1;
		enum share_how how = SHARE_NONE;

		if (it->id && (k = find_id(s, it->id, strlen(it->id))) >= 0)
			how = SHARE_BY_ID;
		else if (it->id && l->kind == SHARE_IDS && (k = schedule_match_session(s, it->id)) >= 0)
			how = SHARE_BY_ID;	/* a list written by hand: "d178f21d" as `add` takes it */
		else if (it->uid && (k = match_uid(s, it->uid)) >= 0)
			how = SHARE_BY_UID;
		else if (it->url && (k = match_url(&x, it->url)) >= 0)
			how = SHARE_BY_URL;
		m[i].near = -1;
		if (k < 0 && it->title && it->has_time && (k = match_title(&x, it, &m[i].near)) >= 0)
			how = SHARE_BY_TITLE;
		m[i].session = k;
		if (k >= 0)
			m[i].near = -1;
		m[i].how = k >= 0 ? how : SHARE_NONE;
	}
	keys_release(&x.url);
	keys_release(&x.title);
}
