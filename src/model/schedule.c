/* schedule.c: the schedule model — construction, lookup, ordering and the conference days. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>

#include "schedule.h"
#include "text.h"
#include "tz.h"
#include "util.h"

static const char *const type_names[SESSION_TYPE_COUNT] = {
	"talk", "keynote", "lightning", "tutorial", "workshop", "panel", "break", "social", "other",
};

static const char *const level_names[LEVEL_COUNT] = {
	"", "beginner", "intermediate", "advanced",
};

const char *session_type_name(enum session_type t)
{
	return (unsigned)t < SESSION_TYPE_COUNT ? type_names[t] : "other";
}

int session_type_parse(const char *s)
{
	static const struct { const char *name; enum session_type t; } syn[] = {
		{ "session", SESSION_TALK }, { "presentation", SESSION_TALK }, { "lecture", SESSION_TALK },
		{ "keynote speech", SESSION_KEYNOTE }, { "plenary", SESSION_KEYNOTE },
		{ "lightning talk", SESSION_LIGHTNING }, { "lightning talks", SESSION_LIGHTNING },
		{ "lightning-talk", SESSION_LIGHTNING }, { "lightning_talk", SESSION_LIGHTNING },
		{ "lightningtalk", SESSION_LIGHTNING }, { "hands-on", SESSION_WORKSHOP },
		{ "meetup", SESSION_SOCIAL }, { "party", SESSION_SOCIAL },
		{ "performance", SESSION_SOCIAL }, { "concert", SESSION_SOCIAL },
		{ "discussion", SESSION_PANEL }, { "panel discussion", SESSION_PANEL },
		{ "lunch", SESSION_BREAK }, { "coffee", SESSION_BREAK },
		{ "lunch break", SESSION_BREAK }, { "coffee break", SESSION_BREAK },
		{ "키노트", SESSION_KEYNOTE }, { "발표", SESSION_TALK }, { "튜토리얼", SESSION_TUTORIAL },
		{ "라이트닝 토크", SESSION_LIGHTNING }, { "휴식", SESSION_BREAK }, { "점심", SESSION_BREAK },
	};

	for (int i = 0; i < SESSION_TYPE_COUNT; i++)
		if (!strcasecmp(s, type_names[i]))
			return i;
	for (size_t i = 0; i < sizeof(syn) / sizeof(syn[0]); i++)
		if (!strcasecmp(s, syn[i].name))
			return (int)syn[i].t;
	return -1;
}

const char *session_level_name(enum session_level l)
{
	return (unsigned)l < LEVEL_COUNT ? level_names[l] : "";
}

int session_level_parse(const char *s)
{
	static const struct { const char *name; enum session_level l; } syn[] = {
		{ "초급", LEVEL_BEGINNER }, { "중급", LEVEL_INTERMEDIATE }, { "고급", LEVEL_ADVANCED },
		{ "basic", LEVEL_BEGINNER }, { "novice", LEVEL_BEGINNER }, { "introductory", LEVEL_BEGINNER },
		{ "beginners", LEVEL_BEGINNER }, { "intermediate level", LEVEL_INTERMEDIATE },
		{ "expert", LEVEL_ADVANCED }, { "experienced", LEVEL_ADVANCED },
		{ "all", LEVEL_NONE }, { "any", LEVEL_NONE }, { "everyone", LEVEL_NONE },
	};

	for (int i = 1; i < LEVEL_COUNT; i++)
		if (!strcasecmp(s, level_names[i]))
			return i;
	for (size_t i = 0; i < sizeof(syn) / sizeof(syn[0]); i++)
		if (!strcasecmp(s, syn[i].name))
			return (int)syn[i].l;
	return -1;
}

void strlist_init(struct strlist *l)
{
	l->v = NULL;
	l->n = l->alloc = 0;
}

void strlist_release(struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	strlist_init(l);
}

void strlist_push(struct strlist *l, const char *s)
{
	l->v = xgrow(l->v, l->n + 1, &l->alloc, sizeof(*l->v));
	l->v[l->n++] = xstrdup(s);
}

long strlist_find(const struct strlist *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], s))
			return (long)i;
	return -1;
}

void schedule_init(struct schedule *s)
{
	memset(s, 0, sizeof(*s));
}

/* The block of strings a schedule read from a snapshot points into (schedule.strings); the
 * strings inside it are not freed one by one. */
struct block {
	uintptr_t lo, hi;	/* schedule.strings */
	uintptr_t alo, ahi;	/* schedule.arrays */
};

static void drop(const struct block *b, char *p)
{
	uintptr_t u = (uintptr_t)p;

	if (!b || u < b->lo || u >= b->hi)
		free(p);
}

static void drop_array(const struct block *b, void *p)
{
	uintptr_t u = (uintptr_t)p;

	if (!b || u < b->alo || u >= b->ahi)
		free(p);
}

static void drop_list(const struct block *b, char **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		drop(b, v[i]);
	drop_array(b, v);
}

static void release_room(struct room *r, const struct block *b)
{
	drop(b, r->id);
	drop(b, r->name);
	drop(b, r->floor);
	drop(b, r->building);
	drop(b, r->fold_id);
	drop(b, r->fold_name);
	memset(r, 0, sizeof(*r));
}

static void release_fold(struct session *se, const struct block *b)
{
	struct session_fold *f = &se->fold;

	drop(b, f->title);
	drop(b, f->subtitle);
	drop(b, f->abstract);
	drop(b, f->description);
	drop(b, f->track);
	drop(b, f->language);
	drop_list(b, f->speakers, se->speakers.n);
	drop_list(b, f->tags, se->tags.n);
	memset(f, 0, sizeof(*f));
}

void session_fold_release(struct session *se)
{
	release_fold(se, NULL);
}

static void release_session(struct session *se, const struct block *b)
{
	release_fold(se, b);
	drop(b, se->id);
	drop(b, se->title);
	drop(b, se->subtitle);
	drop(b, se->abstract);
	drop(b, se->description);
	drop_list(b, se->speakers.v, se->speakers.n);
	drop_list(b, se->tags.v, se->tags.n);
	drop_list(b, se->link_titles.v, se->link_titles.n);
	drop_list(b, se->link_urls.v, se->link_urls.n);
	drop(b, se->track);
	drop(b, se->language);
	drop(b, se->url);
	drop_array(b, se->rooms);
	memset(se, 0, sizeof(*se));
}

void schedule_release(struct schedule *s)
{
	struct block blk = { (uintptr_t)s->strings, (uintptr_t)s->strings + s->strings_len,
			     (uintptr_t)s->arrays,
			     (uintptr_t)s->arrays + s->narrays * SCHEDULE_ARRAY_SLOT };
	const struct block *b = s->strings ? &blk : NULL;

	drop(b, s->conf.id);
	drop(b, s->conf.name);
	drop(b, s->conf.timezone);
	drop(b, s->conf.url);
	drop(b, s->conf.venue);
	for (size_t i = 0; i < s->nrooms; i++)
		release_room(&s->rooms[i], b);
	free(s->rooms);
	for (size_t i = 0; i < s->nsessions; i++)
		release_session(&s->sessions[i], b);
	free(s->sessions);
	free(s->days);
	free(s->feed_days);
	drop(b, s->source);
	free(s->by_id);
	free(s->walks);
	for (size_t i = 0; i < s->nbuilding_walks; i++) {
		free(s->building_walks[i].a);
		free(s->building_walks[i].b);
	}
	free(s->building_walks);
	free(s->arrays);
	if (s->strings_mapped)
		munmap(s->strings, s->strings_len);
	else
		free(s->strings);
	schedule_init(s);
}

void schedule_room_place(struct schedule *s, size_t r, const char *floor, const char *building)
{
	struct block blk = { (uintptr_t)s->strings, (uintptr_t)s->strings + s->strings_len, 0, 0 };
	const struct block *b = s->strings ? &blk : NULL;
	struct room *rm = &s->rooms[r];
	char *f = floor ? xstrdup(floor) : NULL, *bl = building ? xstrdup(building) : NULL;

	drop(b, rm->floor);
	drop(b, rm->building);
	rm->floor = f;
	rm->building = bl;
}

/* The place of the walk between a and b (a < b) in s->walks, or where it would go. */
static size_t walk_place(const struct schedule *s, size_t a, size_t b)
{
	size_t lo = 0, hi = s->nwalks;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct room_walk *w = &s->walks[mid];
		if (w->a < a || (w->a == a && w->b < b))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The building walk between a and b (either order), or -1. */
static long building_walk(const struct schedule *s, const char *a, const char *b)
{
	for (size_t k = 0; k < s->nbuilding_walks; k++) {
		const struct building_walk *w = &s->building_walks[k];
		if ((!strcmp(w->a, a) && !strcmp(w->b, b)) || (!strcmp(w->a, b) && !strcmp(w->b, a)))
			return (long)k;
	}
	return -1;
}

int schedule_walk(const struct schedule *s, size_t a, size_t b)
{
	const char *ba, *bb;
	size_t k;
	long w;

	if (a == b)
		return -1;
	if (a > b) {
		size_t t = a;
		a = b;
		b = t;
	}
	k = walk_place(s, a, b);
	if (k < s->nwalks && s->walks[k].a == a && s->walks[k].b == b)
		return s->walks[k].minutes;
	ba = s->rooms[a].building;
	bb = s->rooms[b].building;
	if (!s->nbuilding_walks || !ba || !bb || !strcmp(ba, bb))
		return -1;
	w = building_walk(s, ba, bb);
	return w >= 0 ? s->building_walks[w].minutes : -1;
}

bool schedule_has_walks(const struct schedule *s)
{
	return s->nwalks || s->nbuilding_walks;
}

void schedule_set_building_walk(struct schedule *s, const char *a, const char *b, int minutes)
{
	long k;

	if (!strcmp(a, b))
		return;
	k = building_walk(s, a, b);
	if (k >= 0 && minutes >= 0) {
		s->building_walks[k].minutes = minutes;
	} else if (k >= 0) {
		free(s->building_walks[k].a);
		free(s->building_walks[k].b);
		s->building_walks[k] = s->building_walks[--s->nbuilding_walks];
	} else if (minutes >= 0) {
		s->building_walks = xgrow(s->building_walks, s->nbuilding_walks + 1,
					  &s->building_walks_alloc, sizeof(*s->building_walks));
		s->building_walks[s->nbuilding_walks++] = (struct building_walk){ xstrdup(a), xstrdup(b),
										  minutes };
	}
}

void schedule_set_walk(struct schedule *s, size_t a, size_t b, int minutes)
{
	size_t k;
	bool found;

	if (a == b)
		return;
	if (a > b) {
		size_t t = a;
		a = b;
		b = t;
	}
	k = walk_place(s, a, b);
	found = k < s->nwalks && s->walks[k].a == a && s->walks[k].b == b;
	if (found && minutes >= 0) {
		s->walks[k].minutes = minutes;
	} else if (found) {
		memmove(&s->walks[k], &s->walks[k + 1], (s->nwalks - k - 1) * sizeof(*s->walks));
		s->nwalks--;
	} else if (minutes >= 0) {
		s->walks = xgrow(s->walks, s->nwalks + 1, &s->walks_alloc, sizeof(*s->walks));
		memmove(&s->walks[k + 1], &s->walks[k], (s->nwalks - k) * sizeof(*s->walks));
		s->walks[k] = (struct room_walk){ a, b, minutes };
		s->nwalks++;
	}
}

char *room_place(const struct room *r)
{
	struct strbuf sb;
	const char *f = r->floor;
	bool number = f && *f;

	for (const char *p = f && (*f == '-' || *f == '+') ? f + 1 : f; number && *p; p++)
		number = *p >= '0' && *p <= '9';
	if (f && (!*f || ((*f == '-' || *f == '+') && !f[1])))
		number = false;
	strbuf_init(&sb);
	if (f && *f) {
		strbuf_adds(&sb, number ? "floor " : "");
		strbuf_adds(&sb, f);
	}
	if (r->building && *r->building) {
		strbuf_adds(&sb, sb.len ? ", " : "");
		strbuf_adds(&sb, r->building);
	}
	if (!sb.len) {
		strbuf_release(&sb);
		return xstrdup("");
	}
	return strbuf_detach(&sb);
}

static bool text_eq(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

bool schedule_places_differ(const struct schedule *s)
{
	for (size_t r = 1; r < s->nrooms; r++)
		if (!text_eq(s->rooms[r].floor, s->rooms[0].floor) ||
		    !text_eq(s->rooms[r].building, s->rooms[0].building))
			return true;
	return false;
}

char *session_place_label(const struct schedule *s, const struct session *se)
{
	char *label = session_room_label(s, se), *place, *out;

	if (se->nrooms != 1 || !schedule_places_differ(s))
		return label;
	place = room_place(&s->rooms[se->rooms[0]]);
	if (!*place) {
		free(place);
		return label;
	}
	out = xasprintf("%s (%s)", label, place);
	free(label);
	free(place);
	return out;
}

struct room *schedule_add_room(struct schedule *s)
{
	struct room *r;

	s->rooms = xgrow(s->rooms, s->nrooms + 1, &s->rooms_alloc, sizeof(*s->rooms));
	r = &s->rooms[s->nrooms++];
	memset(r, 0, sizeof(*r));
	return r;
}

struct session *schedule_add_session(struct schedule *s)
{
	struct session *se;

	free(s->by_id);	/* the index would not know the new session */
	s->by_id = NULL;
	s->sessions = xgrow(s->sessions, s->nsessions + 1, &s->sessions_alloc, sizeof(*s->sessions));
	se = &s->sessions[s->nsessions++];
	memset(se, 0, sizeof(*se));
	se->day = -1;
	return se;
}

bool session_add_link(struct session *se, const char *title, const char *url)
{
	size_t n, skip;
	char *u;

	if (!url)
		return false;
	while (*url == ' ' || *url == '\t' || *url == '\r' || *url == '\n')
		url++;
	n = strlen(url);
	while (n && (url[n - 1] == ' ' || url[n - 1] == '\t' || url[n - 1] == '\r' ||
		     url[n - 1] == '\n'))
		n--;
	skip = !strncasecmp(url, "http://", 7) ? 7 : !strncasecmp(url, "https://", 8) ? 8 : 0;
	if (!skip || n <= skip)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)url[i] <= ' ' || url[i] == 0x7f)
			return false;
	u = xstrndup(url, n);
	strlist_push(&se->link_urls, u);
	free(u);
	strlist_push(&se->link_titles, title ? title : "");
	return true;
}

/* True if id needs text_nfc() to be compared with the (NFC) ids of a finished schedule. */
static bool beyond_ascii(const char *id)
{
	for (; *id; id++)
		if ((unsigned char)*id >= 0x80)
			return true;
	return false;
}

/* lookup(s, id) with id as the ids of a finished schedule are kept: in NFC. */
static long in_nfc(const struct schedule *s, const char *id,
		   long (*lookup)(const struct schedule *, const char *))
{
	char *nfc;
	long found;

	if (!beyond_ascii(id))
		return lookup(s, id);
	nfc = text_nfc(id);
	found = lookup(s, nfc);
	free(nfc);
	return found;
}

static long find_session(const struct schedule *s, const char *id)
{
	if (s->by_id) {
		size_t lo = 0, hi = s->nsessions;

		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			int c = strcmp(s->sessions[s->by_id[mid]].id, id);

			if (!c)
				return (long)s->by_id[mid];
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		return -1;
	}
	for (size_t i = 0; i < s->nsessions; i++)
		if (!strcmp(s->sessions[i].id, id))
			return (long)i;
	return -1;
}

long schedule_find_session(const struct schedule *s, const char *id)
{
	return in_nfc(s, id, find_session);
}

static int cmp_session(const void *pa, const void *pb)
{
	const struct session *a = pa, *b = pb;

	if (a->has_time != b->has_time)
		return a->has_time ? -1 : 1;
	if (a->has_time) {
		if (a->start != b->start)
			return a->start < b->start ? -1 : 1;
		if (a->end != b->end)
			return a->end < b->end ? -1 : 1;
	}
	if (a->nrooms != b->nrooms && (!a->nrooms || !b->nrooms))
		return a->nrooms ? -1 : 1;
	if (a->nrooms && b->nrooms && a->rooms[0] != b->rooms[0])
		return a->rooms[0] < b->rooms[0] ? -1 : 1;
	return strcmp(a->id, b->id);
}

static int cmp_id_ptr(const void *pa, const void *pb)
{
	const struct session *a = *(const struct session *const *)pa;
	const struct session *b = *(const struct session *const *)pb;
	int c = strcmp(a->id, b->id);

	return c ? c : (a < b ? -1 : a > b);
}

/* The session whose id is `id`, else the only one whose id starts with it (at least 4
 * characters), comparing ids as they are, or (fold) case-folded: -1 none, -2 several. */
static long match_in(const struct schedule *s, const char *id, bool fold)
{
	size_t len = strlen(id);
	long found = -1, prefixed = -1;
	bool several = false;

	for (size_t i = 0; i < s->nsessions; i++) {
		char *f = fold ? text_fold(s->sessions[i].id) : NULL;
		const char *cand = f ? f : s->sessions[i].id;

		if (!strcmp(cand, id)) {
			if (found >= 0)
				several = true;	/* "ABC" and "abc": which one? */
			found = (long)i;
		} else if (len >= 4 && !strncmp(cand, id, len)) {
			prefixed = prefixed == -1 ? (long)i : -2;
		}
		free(f);
	}
	if (several)
		return -2;
	return found >= 0 ? found : prefixed;
}

static long match_session(const struct schedule *s, const char *id)
{
	long found = find_session(s, id);
	char *folded;

	if (found >= 0)
		return found;
	found = match_in(s, id, false);
	if (found != -1)
		return found;
	/* typed in another case ("kjpmem" for KJPMEM): found when that leaves one */
	folded = text_fold(id);
	found = match_in(s, folded, true);
	free(folded);
	return found;
}

size_t schedule_id_prefix(const struct schedule *s, const struct session *se)
{
	size_t len = strlen(se->id), lo = 0, hi = s->nsessions, need = 1;

	if (!s->by_id || !s->nsessions)
		return len < 4 ? len : 4;
	/* its place among the ids in order: the neighbours share the longest prefixes */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(s->sessions[s->by_id[mid]].id, se->id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t k = lo ? lo - 1 : 0; k <= lo + 1 && k < s->nsessions; k++) {
		const char *o = s->sessions[s->by_id[k]].id;
		size_t c = 0;
		if (&s->sessions[s->by_id[k]] == se)
			continue;
		while (o[c] && o[c] == se->id[c])
			c++;
		if (c + 1 > need)
			need = c + 1;
	}
	if (need < 4)
		need = 4;
	/* whole UTF-8 characters */
	while (need < len && ((unsigned char)se->id[need] & 0xC0) == 0x80)
		need++;
	return need < len ? need : len;
}

long schedule_match_session(const struct schedule *s, const char *id)
{
	return in_nfc(s, id, match_session);
}

void schedule_normalize_ids(struct schedule *s)
{
	for (size_t i = 0; i < s->nsessions; i++)
		if (s->sessions[i].id && beyond_ascii(s->sessions[i].id)) {
			char *nfc = text_nfc(s->sessions[i].id);

			free(s->sessions[i].id);
			s->sessions[i].id = nfc;
		}
}

long schedule_duplicate_session(const struct schedule *s)
{
	const struct session **v = xmalloc((s->nsessions ? s->nsessions : 1) * sizeof(*v));
	long dup = -1;

	for (size_t i = 0; i < s->nsessions; i++)
		v[i] = &s->sessions[i];
	qsort(v, s->nsessions, sizeof(*v), cmp_id_ptr);
	for (size_t i = 1; i < s->nsessions; i++)
		if (!strcmp(v[i]->id, v[i - 1]->id)) {
			dup = v[i] - s->sessions;
			break;
		}
	free(v);
	return dup;
}

void schedule_index(struct schedule *s)
{
	const struct session **v = xmalloc((s->nsessions ? s->nsessions : 1) * sizeof(*v));

	for (size_t i = 0; i < s->nsessions; i++)
		v[i] = &s->sessions[i];
	qsort(v, s->nsessions, sizeof(*v), cmp_id_ptr);
	free(s->by_id);
	s->by_id = xmalloc((s->nsessions ? s->nsessions : 1) * sizeof(*s->by_id));
	for (size_t i = 0; i < s->nsessions; i++)
		s->by_id[i] = (size_t)(v[i] - s->sessions);
	free(v);
}

void schedule_add_feed_day(struct schedule *s, int year, int month, int day, int64_t start,
			   int64_t end)
{
	s->feed_days = xgrow(s->feed_days, s->nfeed_days + 1, &s->feed_days_alloc,
			     sizeof(*s->feed_days));
	s->feed_days[s->nfeed_days++] = (struct day){ year, month, day, start, end };
}

static int cmp_day_start(const void *pa, const void *pb)
{
	const struct day *a = pa, *b = pb;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	return days_from_civil(a->year, a->month, a->day) <
	       days_from_civil(b->year, b->month, b->day) ? -1 : 0;
}

static bool same_date(const struct day *d, int y, int m, int dd)
{
	return d->year == y && d->month == m && d->day == dd;
}

/* The declared days that can be used, by start (caller frees; *n of them); one warning counts
 * the others and says what was wrong with the first. */
static struct day *usable_feed_days(const struct schedule *s, size_t *n)
{
	struct day *v = xmalloc((s->nfeed_days ? s->nfeed_days : 1) * sizeof(*v));
	size_t bad = 0;
	char first[120] = "";

	*n = 0;
	if (s->nfeed_days)
		memcpy(v, s->feed_days, s->nfeed_days * sizeof(*v));
	qsort(v, s->nfeed_days, sizeof(*v), cmp_day_start);
	for (size_t i = 0; i < s->nfeed_days; i++) {
		const struct day d = v[i];
		const char *why = NULL;
		struct civil c;

		if (!civil_date_valid(d.year, d.month, d.day)) {
			why = "is not a date";
		} else if (d.end <= d.start) {
			why = "ends before it starts";
		} else {
			tz_to_civil(s->tz, d.start, &c);
			if (!same_date(&d, c.year, c.month, c.day))
				why = "starts on another date";
			else if (*n && d.start < v[*n - 1].end)
				why = "overlaps the day before";
			else if (*n && same_date(&v[*n - 1], d.year, d.month, d.day))
				why = "comes twice";
		}
		if (why) {
			if (!bad++)
				snprintf(first, sizeof(first), "day %04d-%02d-%02d %s", d.year, d.month,
					 d.day, why);
			continue;
		}
		v[(*n)++] = d;
	}
	if (bad)
		warning("%s%s%zu of the days the feed declares %s ignored (first: %s)",
			s->source ? s->source : "", s->source ? ": " : "", bad,
			bad == 1 ? "is" : "are", first);
	return v;
}

/* A day being built: its span, and the first and last start of its sessions. */
struct dayrec {
	struct day d;
	bool declared;
	int64_t lo, hi;
};

/* The calendar day of date c: from local midnight to the next (t, the start of its first
 * session, where the zone has no such midnight). */
static struct day calendar_day(const struct schedule *s, const struct civil *c, int64_t t)
{
	struct civil mid = { c->year, c->month, c->day, 0, 0, 0 }, next = { 0, 0, 0, 0, 0, 0 };
	struct day d = { c->year, c->month, c->day, t, t + 1 };

	if (tz_from_civil(s->tz, &mid, &d.start) < 0 || d.start > t)
		d.start = t;
	civil_from_days(days_from_civil(c->year, c->month, c->day) + 1, &next.year, &next.month,
			&next.day);
	if (tz_from_civil(s->tz, &next, &d.end) < 0 || d.end <= t)
		d.end = t + 1;
	return d;
}

/* Appends a day to v (*n of them, *alloc slots); its index. */
static int push_day(struct dayrec **v, size_t *n, size_t *alloc, const struct day *d,
		    bool declared)
{
	*v = xgrow(*v, *n + 1, alloc, sizeof(**v));
	(*v)[*n] = (struct dayrec){ *d, declared, 0, 0 };
	return (int)(*n)++;
}

static int64_t clamp64(int64_t x, int64_t lo, int64_t hi)
{
	return x < lo ? lo : x > hi ? hi : x;
}

/* The days, and each timed session's day (s->sessions sorted by start): the rule above
 * schedule_finish in schedule.h. */
static void assign_days(struct schedule *s)
{
	size_t nf, k = 0, ndays = 0, alloc = 0;
	struct day *feed = usable_feed_days(s, &nf);
	int *used = xmalloc((nf ? nf : 1) * sizeof(*used));
	struct dayrec *v = NULL;
	int64_t cal_end = 0;	/* where the last calendar day ends: the zone is asked once a day */

	for (size_t i = 0; i < nf; i++)
		used[i] = -1;
	for (size_t i = 0; i < s->nsessions; i++) {
		struct session *se = &s->sessions[i];
		int64_t t = se->start;
		long f = -1;
		int idx;

		se->day = -1;
		if (!se->has_time)
			continue;
		while (k < nf && feed[k].end <= t)
			k++;
		if (k < nf && feed[k].start <= t) {
			f = (long)k;
		} else if (ndays && !v[ndays - 1].declared && t < cal_end) {
			idx = (int)ndays - 1;	/* the calendar day of the session before */
			goto found;
		} else {
			struct civil c;

			tz_to_civil(s->tz, t, &c);
			if (k > 0 && same_date(&feed[k - 1], c.year, c.month, c.day)) {
				f = (long)k - 1;
			} else if (k < nf && same_date(&feed[k], c.year, c.month, c.day)) {
				f = (long)k;
			} else if (ndays && !v[ndays - 1].declared &&
				   same_date(&v[ndays - 1].d, c.year, c.month, c.day)) {
				idx = (int)ndays - 1;
				goto found;
			} else {
				struct day d = calendar_day(s, &c, t);

				idx = push_day(&v, &ndays, &alloc, &d, false);
				cal_end = d.end;
				v[idx].lo = t;
				goto found;
			}
		}
		if (used[f] < 0) {
			used[f] = push_day(&v, &ndays, &alloc, &feed[f], true);
			v[used[f]].lo = t;
		}
		idx = used[f];
found:
		v[idx].hi = t;
		se->day = idx;
	}
	/* Each day holds the starts of its sessions; where that makes two meet, the boundary is the
	 * declared start of the later one, else the end of the earlier one, kept between their
	 * sessions (days never decrease with starts, so there is room). */
	for (size_t j = 0; j < ndays; j++) {
		if (v[j].lo < v[j].d.start)
			v[j].d.start = v[j].lo;
		if (v[j].hi >= v[j].d.end)
			v[j].d.end = v[j].hi + 1;
	}
	for (size_t j = 1; j < ndays; j++) {
		struct dayrec *a = &v[j - 1], *b = &v[j];

		if (a->d.end > b->d.start) {
			int64_t x = clamp64(b->declared ? b->d.start : a->d.end, a->hi + 1, b->lo);

			a->d.end = b->d.start = x;
		}
	}
	free(s->days);
	s->days = xmalloc((ndays ? ndays : 1) * sizeof(*s->days));
	for (size_t j = 0; j < ndays; j++)
		s->days[j] = v[j].d;
	s->ndays = ndays;
	free(v);
	free(used);
	free(feed);
}

int schedule_finish(struct schedule *s)
{
	long dup;

	schedule_normalize_ids(s);
	dup = schedule_duplicate_session(s);
	if (dup >= 0)
		return error(EX_DATAERR, "duplicate session id \"%s\"", text_inert(s->sessions[dup].id));
	if (s->nsessions)	/* an empty timetable has no array at all */
		qsort(s->sessions, s->nsessions, sizeof(*s->sessions), cmp_session);
	schedule_index(s);
	for (size_t i = 0; i < s->nsessions; i++)
		s->sessions[i].scheduled = s->sessions[i].has_time && s->sessions[i].nrooms > 0;
	assign_days(s);
	return 0;
}

int schedule_day_at(const struct schedule *s, int64_t t)
{
	size_t lo = 0, hi = s->ndays;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->days[mid].end <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->ndays && s->days[lo].start <= t ? (int)lo : -1;
}

bool session_room_change(const struct session *a, const struct session *b)
{
	return a && b && a->nrooms == 1 && b->nrooms == 1 && a->rooms[0] != b->rooms[0];
}

bool session_same_room(const struct session *a, const struct session *b)
{
	return a && b && a->nrooms == 1 && b->nrooms == 1 && a->rooms[0] == b->rooms[0];
}

char *session_room_label(const struct schedule *s, const struct session *se)
{
	struct strbuf sb;

	if (!se->nrooms)
		return xstrdup("");
	if (se->nrooms > 1 && se->nrooms == s->nrooms)
		return xstrdup("all rooms");
	strbuf_init(&sb);
	for (size_t i = 0; i < se->nrooms; i++) {
		if (i)
			strbuf_adds(&sb, " + ");
		strbuf_adds(&sb, s->rooms[se->rooms[i]].name);
	}
	return strbuf_detach(&sb);
}

bool session_on_at(const struct session *se, int64_t at)
{
	return se->has_time && se->start <= at &&
	       (at < se->end || (se->start == se->end && at == se->start));
}
