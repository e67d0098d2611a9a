/* changes.c: the differences between two versions of a timetable, matched by session id.
 * Pure: models in, a list of changes out; no I/O. */
#include <stdlib.h>
#include <string.h>

#include "changes.h"
#include "schedule.h"
#include "util.h"

void changes_init(struct changes *c)
{
	memset(c, 0, sizeof(*c));
}

static void change_release(struct change *ch)
{
	free(ch->id);
	free(ch->title);
	free(ch->old_title);
	free(ch->old_room);
	free(ch->new_room);
}

void changes_release(struct changes *c)
{
	for (size_t i = 0; i < c->n; i++)
		change_release(&c->v[i]);
	free(c->v);
	free(c->conference);
	free(c->timezone);
	changes_init(c);
}

struct change *changes_add(struct changes *c)
{
	struct change *ch;

	c->v = xgrow(c->v, c->n + 1, &c->alloc, sizeof(*c->v));
	ch = &c->v[c->n++];
	memset(ch, 0, sizeof(*ch));
	return ch;
}

static int cmp_by_id(const void *pa, const void *pb)
{
	const struct session *a = *(const struct session *const *)pa;
	const struct session *b = *(const struct session *const *)pb;

	return strcmp(a->id, b->id);
}

static const struct session **by_id(const struct schedule *s)
{
	const struct session **v = xmalloc((s->nsessions ? s->nsessions : 1) * sizeof(*v));

	for (size_t i = 0; i < s->nsessions; i++)
		v[i] = &s->sessions[i];
	qsort(v, s->nsessions, sizeof(*v), cmp_by_id);
	return v;
}

static int cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* True if the two sessions are in the same set of rooms, compared by room id. */
static bool same_rooms(const struct schedule *sa, const struct session *a,
		       const struct schedule *sb, const struct session *b)
{
	const char **ia, **ib;
	bool same = true;

	if (a->nrooms != b->nrooms)
		return false;
	if (!a->nrooms)
		return true;
	ia = xmalloc(a->nrooms * sizeof(*ia));
	ib = xmalloc(b->nrooms * sizeof(*ib));
	for (size_t i = 0; i < a->nrooms; i++) {
		ia[i] = sa->rooms[a->rooms[i]].id;
		ib[i] = sb->rooms[b->rooms[i]].id;
	}
	qsort(ia, a->nrooms, sizeof(*ia), cmp_cstr);
	qsort(ib, b->nrooms, sizeof(*ib), cmp_cstr);
	for (size_t i = 0; i < a->nrooms && same; i++)
		same = !strcmp(ia[i], ib[i]);
	free(ia);
	free(ib);
	return same;
}

static void set_old(struct change *ch, const struct schedule *s, const struct session *se)
{
	ch->old_timed = se->has_time;
	ch->old_start = se->has_time ? se->start : 0;
	ch->old_end = se->has_time ? se->end : 0;
	ch->old_room = session_room_label(s, se);
}

static void set_new(struct change *ch, const struct schedule *s, const struct session *se)
{
	ch->new_timed = se->has_time;
	ch->new_start = se->has_time ? se->start : 0;
	ch->new_end = se->has_time ? se->end : 0;
	ch->new_room = session_room_label(s, se);
}

void changes_compute(const struct schedule *old_s, const struct schedule *new_s,
		     struct changes *c)
{
	const struct session **a = by_id(old_s), **b = by_id(new_s);
	size_t i = 0, j = 0;

	changes_release(c);
	c->conference = xstrdup(new_s->conf.name);
	c->timezone = xstrdup(new_s->conf.timezone);
	while (i < old_s->nsessions || j < new_s->nsessions) {
		int cmp = i == old_s->nsessions ? 1 : j == new_s->nsessions ? -1
			: strcmp(a[i]->id, b[j]->id);
		struct change *ch;

		if (cmp < 0) {
			ch = changes_add(c);
			ch->kinds = CHANGE_CANCELLED;
			ch->id = xstrdup(a[i]->id);
			ch->title = xstrdup(a[i]->title);
			set_old(ch, old_s, a[i]);
			i++;
		} else if (cmp > 0) {
			ch = changes_add(c);
			ch->kinds = CHANGE_ADDED;
			ch->id = xstrdup(b[j]->id);
			ch->title = xstrdup(b[j]->title);
			set_new(ch, new_s, b[j]);
			j++;
		} else {
			const struct session *o = a[i], *n = b[j];
			unsigned kinds = 0;

			if (o->has_time != n->has_time ||
			    (o->has_time && (o->start != n->start || o->end != n->end)))
				kinds |= CHANGE_TIME;
			if (!same_rooms(old_s, o, new_s, n))
				kinds |= CHANGE_ROOM;
			if (strcmp(o->title, n->title))
				kinds |= CHANGE_TITLE;
			if (kinds) {
				ch = changes_add(c);
				ch->kinds = kinds;
				ch->id = xstrdup(n->id);
				ch->title = xstrdup(n->title);
				if (kinds & CHANGE_TITLE)
					ch->old_title = xstrdup(o->title);
				set_old(ch, old_s, o);
				set_new(ch, new_s, n);
			}
			i++;
			j++;
		}
	}
	free(a);
	free(b);
	changes_sort(c);
}

static int rank(unsigned kinds)
{
	if (kinds & CHANGE_CANCELLED)
		return 0;
	if (kinds & CHANGE_TIME)
		return 1;
	if (kinds & CHANGE_ROOM)
		return 2;
	if (kinds & CHANGE_TITLE)
		return 3;
	return 4;
}

static int cmp_change(const void *pa, const void *pb)
{
	const struct change *a = pa, *b = pb;
	bool at = a->kinds & CHANGE_CANCELLED ? a->old_timed : a->new_timed;
	bool bt = b->kinds & CHANGE_CANCELLED ? b->old_timed : b->new_timed;
	int64_t as = a->kinds & CHANGE_CANCELLED ? a->old_start : a->new_start;
	int64_t bs = b->kinds & CHANGE_CANCELLED ? b->old_start : b->new_start;

	if (a->planned != b->planned)
		return a->planned ? -1 : 1;
	if (rank(a->kinds) != rank(b->kinds))
		return rank(a->kinds) - rank(b->kinds);
	if (at != bt)
		return at ? -1 : 1;
	if (at && as != bs)
		return as < bs ? -1 : 1;
	return strcmp(a->id, b->id);
}

void changes_sort(struct changes *c)
{
	if (c->n > 1) /* qsort(NULL, 0, ...) is undefined */
		qsort(c->v, c->n, sizeof(*c->v), cmp_change);
}

void changes_put_planned_first(struct changes *c, const char *const *planned_ids, size_t n)
{
	for (size_t i = 0; i < c->n; i++) {
		c->v[i].planned = false;
		for (size_t k = 0; k < n; k++)
			if (!strcmp(c->v[i].id, planned_ids[k])) {
				c->v[i].planned = true;
				break;
			}
	}
	changes_sort(c);
}

char *change_kinds_text(unsigned kinds)
{
	static const struct { unsigned kind; const char *word; } words[] = {
		{ CHANGE_CANCELLED, "cancelled" }, { CHANGE_ADDED, "added" },
		{ CHANGE_TIME, "moved" }, { CHANGE_ROOM, "room" }, { CHANGE_TITLE, "retitled" },
	};
	struct strbuf sb;

	strbuf_init(&sb);
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (kinds & words[i].kind) {
			if (sb.len)
				strbuf_addc(&sb, '+');
			strbuf_adds(&sb, words[i].word);
		}
	return strbuf_detach(&sb);
}
