/* schedule.c: the schedule model — construction, lookup, ordering and the conference days. */
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
	drop(b, s->source);
	free(s->by_id);
	free(s->arrays);
	if (s->strings_mapped)
		munmap(s->strings, s->strings_len);
	else
		free(s->strings);
	schedule_init(s);
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

static long match_session(const struct schedule *s, const char *id)
{
	size_t len = strlen(id);
	long found = find_session(s, id);

	if (found >= 0 || len < 4)
		return found;
	for (size_t i = 0; i < s->nsessions; i++)
		if (!strncmp(s->sessions[i].id, id, len)) {
			if (found >= 0)
				return -2;
			found = (long)i;
		}
	return found;
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

int schedule_finish(struct schedule *s)
{
	size_t ndays = 0, alloc = 0;
	int64_t day_end = 0;

	long dup;

	schedule_normalize_ids(s);
	dup = schedule_duplicate_session(s);
	if (dup >= 0)
		return error(EX_DATAERR, "duplicate session id \"%s\"", text_inert(s->sessions[dup].id));
	if (s->nsessions)	/* an empty timetable has no array at all */
		qsort(s->sessions, s->nsessions, sizeof(*s->sessions), cmp_session);
	schedule_index(s);
	free(s->days);
	s->days = NULL;
	/* Sessions are sorted by start, so days arrive in order: the zone is asked once per day
	 * (where the current day ends), not once per session. */
	for (size_t i = 0; i < s->nsessions; i++) {
		struct session *se = &s->sessions[i];
		struct civil c;

		se->scheduled = se->has_time && se->nrooms > 0;
		se->day = -1;
		if (!se->has_time)
			continue;
		if (ndays && se->start < day_end) {
			se->day = (int)ndays - 1;
			continue;
		}
		tz_to_civil(s->tz, se->start, &c);
		if (!ndays || s->days[ndays - 1].year != c.year || s->days[ndays - 1].month != c.month ||
		    s->days[ndays - 1].day != c.day) {
			struct civil mid = { c.year, c.month, c.day, 0, 0, 0 };
			struct day *d;

			s->days = xgrow(s->days, ndays + 1, &alloc, sizeof(*s->days));
			d = &s->days[ndays++];
			d->year = c.year;
			d->month = c.month;
			d->day = c.day;
			if (tz_from_civil(s->tz, &mid, &d->start) < 0)
				d->start = se->start;
		}
		/* the next local midnight; if it cannot be had, ask again for the next session */
		{
			struct civil next = { 0, 0, 0, 0, 0, 0 };

			civil_from_days(days_from_civil(c.year, c.month, c.day) + 1, &next.year,
					&next.month, &next.day);
			if (tz_from_civil(s->tz, &next, &day_end) < 0 || day_end <= se->start)
				day_end = se->start;
		}
		se->day = (int)ndays - 1;
	}
	s->ndays = ndays;
	return 0;
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
