/* import_sessionize.c: Sessionize's API views.
 *   "All": {"sessions": [...], "speakers": [{id, fullName}], "categories": [{title, items:
 *           [{id, name}]}], "rooms": [{id, name}]}; a session refers to speakers, category
 *           items and its room by id.
 *   "Sessions": [{"groupName", "sessions": [...]}]; a session carries its speakers
 *           ([{id, name}]), categories ([{name, categoryItems: [{id, name}]}]) and room name.
 * A session has "id", "title", "description", "startsAt" and "endsAt" (null when not
 * scheduled), "isServiceSession" (lunch, registration).  Categories are sorted by their title:
 * "Level" gives the level, "Track" the track, "Language" the language (a name such as
 * "English" becomes "en"), "Session format"/"Type" the type; items of any other category are
 * tags.  Sessionize's times are the venue's wall-clock times with no zone anywhere (a "Z" that
 * some re-exporters append is not believed): the timezone option says which zone, else UTC is
 * assumed and a warning says so.  The feed names no conference: its id and name come from the
 * name option or the file name.
 * Sessionize-derived feeds (conference apps' JSON): a session's room may be "location" (a name,
 * or {name}), its speakers "speakerIds" into the speakers list (whose entries may have "name"),
 * its tags "tags", its track "track", its times "startTime"/"endTime" (offsets believed).  When
 * no session has a time or a room and the sessions carry members planner does not read, one
 * warning names them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import.h"
#include "text.h"
#include "util.h"

/* Case-insensitive ASCII substring test. */
static bool has_text(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return true;
	return false;
}

struct item {
	char *id;		/* owned */
	const char *category;	/* borrowed from the JSON */
	const char *name;
};

struct sz {
	struct item *items;
	size_t nitems, items_alloc;
	struct name_index item_ids;
	char **owned;		/* ids of speakers and rooms (keys of the maps) */
	size_t nowned, owned_alloc;
	struct name_index speakers, rooms; /* speaker id -> index in `names`; room id -> room */
	const char **names;
	size_t nnames, names_alloc;
	bool groups;		/* the "Sessions" view: a session may be listed in several groups */
	struct name_index seen;	/* its session ids so far */
};

static const char *own(struct sz *x, char *s)
{
	x->owned = xgrow(x->owned, x->nowned + 1, &x->owned_alloc, sizeof(*x->owned));
	x->owned[x->nowned++] = s;
	return s;
}

static void sz_release(struct sz *x)
{
	for (size_t i = 0; i < x->nitems; i++)
		free(x->items[i].id);
	free(x->items);
	for (size_t i = 0; i < x->nowned; i++)
		free(x->owned[i]);
	free(x->owned);
	free(x->names);
	name_index_release(&x->item_ids);
	name_index_release(&x->speakers);
	name_index_release(&x->rooms);
	name_index_release(&x->seen);
}

static void add_item(struct sz *x, const json_t *id, const char *category, const char *name)
{
	char *key = im_text_dup(id);
	struct item *it;

	if (!key || !name || name_index_get(&x->item_ids, key) >= 0) {
		free(key);
		return;
	}
	x->items = xgrow(x->items, x->nitems + 1, &x->items_alloc, sizeof(*x->items));
	it = &x->items[x->nitems];
	it->id = key;
	it->category = category;
	it->name = name;
	name_index_put(&x->item_ids, key, x->nitems++);
}

/* What a category of this title gives a session. */
static void apply_category(struct importer *im, struct session *se, const char *category,
			   const char *item)
{
	if (category && has_text(category, "level")) {
		enum session_level l = import_level(item);
		if (l != LEVEL_NONE) {
			se->level = l;
			return;
		}
	} else if (category && has_text(category, "track") && !se->track) {
		se->track = xstrdup(item);
		return;
	} else if (category && has_text(category, "language") && !se->language) {
		se->language = xstrdup(import_language(item));
		return;
	} else if (category && (has_text(category, "format") || has_text(category, "type"))) {
		se->type = import_type(im, item, SESSION_TALK);
		return;
	}
	if (strlist_find(&se->tags, item) < 0)
		strlist_push(&se->tags, item);
}

static void read_categories_all(struct sz *x, const json_t *cats)
{
	const json_t *c, *it;
	size_t i, k;

	json_array_foreach(cats, i, c) {
		const char *title = im_text(json_object_get(c, "title"));
		const json_t *items = json_object_get(c, "items");

		if (!json_is_array(items))
			continue;
		json_array_foreach(items, k, it)
			add_item(x, json_object_get(it, "id"), title, im_text(json_object_get(it, "name")));
	}
}

static void read_speakers_all(struct sz *x, const json_t *speakers)
{
	const json_t *p;
	size_t i;

	json_array_foreach(speakers, i, p) {
		char *id = im_text_dup(json_object_get(p, "id"));
		const char *name = im_text(json_object_get(p, "fullName"));

		if (!name)
			name = im_text(json_object_get(p, "name"));

		if (!id)
			continue;
		if (!name) {
			const char *first = im_text(json_object_get(p, "firstName"));
			const char *last = im_text(json_object_get(p, "lastName"));
			if (first || last)
				name = own(x, xasprintf("%s%s%s", first ? first : "",
							first && last ? " " : "", last ? last : ""));
		}
		own(x, id);
		if (!name)
			continue;
		x->names = xgrow(x->names, x->nnames + 1, &x->names_alloc, sizeof(*x->names));
		x->names[x->nnames] = name;
		name_index_put(&x->speakers, id, x->nnames++);
	}
}

static void read_rooms_all(struct importer *im, struct sz *x, const json_t *rooms)
{
	const json_t *r;
	size_t i;

	json_array_foreach(rooms, i, r) {
		const char *name = im_text(json_object_get(r, "name"));
		char *id = im_text_dup(json_object_get(r, "id"));

		if (name && id)
			name_index_put(&x->rooms, own(x, id), import_room(im, name));
		else
			free(id);
	}
}

static int session_time(struct importer *im, size_t i, const json_t *obj)
{
	struct import_time *t = &im->times[i];
	const char *start, *end;

	bool derived = false;

	if (im_opt_text(im, obj, "startsAt", &start) < 0 || im_opt_text(im, obj, "endsAt", &end) < 0)
		return -1;
	if (!start && !end) {
		/* a Sessionize-derived feed: "startTime"/"endTime", offsets believed */
		if (im_opt_text(im, obj, "startTime", &start) < 0 ||
		    im_opt_text(im, obj, "endTime", &end) < 0)
			return -1;
		derived = start || end;
	}
	if (!start && !end)
		return 0;	/* not scheduled yet */
	if (!start || !end) {
		import_bad_time(im, i, !start ? (derived ? "no \"startTime\"" : "no \"startsAt\"")
					      : (derived ? "no \"endTime\"" : "no \"endsAt\""));
		return 0;
	}
	if (import_point(start, &t->start) < 0 || import_point(end, &t->end) < 0) {
		import_bad_time(im, i, error_message());
		return 0;
	}
	/* wall-clock times of the venue, whatever suffix a re-exporter added */
	if (!derived)
		t->start.kind = t->end.kind = POINT_FLOATING;
	t->set = t->has_end = true;
	return 0;
}

/* Fails, pointing at it, when the array member `key` of obj has more than LOAD_MAX_LIST
 * entries. */
static int list_too_long(struct importer *im, const json_t *obj, const char *key)
{
	size_t n = json_array_size(json_object_get(obj, key));

	if (n <= LOAD_MAX_LIST)
		return 0;
	return im_fail_key(im, key, "\"%s\" has %zu entries; planner reads at most %u", key, n,
			   LOAD_MAX_LIST);
}

static int read_session(struct importer *im, struct sz *x, const json_t *obj)
{
	size_t i;
	struct session *se;
	const json_t *v, *e;
	const char *room;
	char *id = NULL;
	size_t k;
	long got;
	bool explicit_type = false;

	if (!json_is_object(obj))
		return im_fail(im, "a session must be an object, not %s", json_kind(obj));
	if (im_opt_text_dup(im, obj, "id", &id) < 0)
		return -1;
	if (x->groups && id) {
		/* the same session listed again under another group */
		if (name_index_get(&x->seen, id) >= 0) {
			free(id);
			return 0;
		}
	}
	got = import_add_session(im);
	if (got < 0) {
		free(id);
		return -1;
	}
	i = (size_t)got;
	se = &im->s->sessions[i];
	im->ids[i].primary = id;
	if (id && x->groups)
		name_index_put(&x->seen, id, i);	/* the key lives until import_finish */
	if (im_opt_text_dup(im, obj, "title", &se->title) < 0)
		return -1;
	im_set_what(im, "session", im->ids[i].primary ? im->ids[i].primary : se->title);
	if (!se->title)
		return im_fail(im, "no \"title\"");
	if (im_opt_text_dup(im, obj, "description", &se->abstract) < 0 ||
	    session_time(im, i, obj) < 0)
		return -1;
	se->type = SESSION_TALK;
	/* The lists below are searched for duplicates as they are read: bounded first. */
	if (list_too_long(im, obj, "speakers") < 0 || list_too_long(im, obj, "categoryItems") < 0 ||
	    list_too_long(im, obj, "categories") < 0 || list_too_long(im, obj, "speakerIds") < 0 ||
	    list_too_long(im, obj, "tags") < 0)
		return -1;

	/* speakers: ids into the speakers list, or {id, name} */
	v = json_object_get(obj, "speakers");
	json_array_foreach(v, k, e) {
		const char *name = NULL;

		if (json_is_object(e)) {
			name = im_text(json_object_get(e, "name"));
		} else if (json_is_string(e)) {
			long s = name_index_get(&x->speakers, json_string_value(e));
			name = s >= 0 ? x->names[s] : NULL;
		}
		if (name)
			strlist_push(&se->speakers, name);
	}
	/* a Sessionize-derived feed: "speakerIds" into the speakers list, "tags", "track" */
	v = json_object_get(obj, "speakerIds");
	json_array_foreach(v, k, e) {
		char *key = im_text_dup(e);
		long sp = key ? name_index_get(&x->speakers, key) : -1;

		free(key);
		if (sp >= 0 && strlist_find(&se->speakers, x->names[sp]) < 0)
			strlist_push(&se->speakers, x->names[sp]);
	}
	v = json_object_get(obj, "tags");
	json_array_foreach(v, k, e) {
		const char *tag = json_is_object(e) ? im_text(json_object_get(e, "name")) : im_text(e);

		if (tag && strlist_find(&se->tags, tag) < 0)
			strlist_push(&se->tags, tag);
	}
	{
		const json_t *tr = json_object_get(obj, "track");
		const char *track = json_is_object(tr) ? im_text(json_object_get(tr, "name")) : im_text(tr);

		if (track && !se->track)
			se->track = xstrdup(track);
	}
	/* categories: item ids ("All"), or the categories themselves ("Sessions") */
	v = json_object_get(obj, "categoryItems");
	json_array_foreach(v, k, e) {
		char *key = im_text_dup(e);
		long it = key ? name_index_get(&x->item_ids, key) : -1;

		free(key);
		if (it >= 0) {
			if (x->items[it].category && (has_text(x->items[it].category, "format") ||
						      has_text(x->items[it].category, "type")))
				explicit_type = true;
			apply_category(im, se, x->items[it].category, x->items[it].name);
		}
	}
	v = json_object_get(obj, "categories");
	json_array_foreach(v, k, e) {
		const char *cat = im_text(json_object_get(e, "name"));
		const json_t *items = json_object_get(e, "categoryItems"), *it;
		size_t n;

		if (json_array_size(items) > LOAD_MAX_LIST) {
			im_push_key(im, "categories");
			im_push_index(im, k);
			list_too_long(im, e, "categoryItems");
			im->depth -= 2;
			return -1;
		}
		json_array_foreach(items, n, it) {
			const char *name = im_text(json_object_get(it, "name"));
			if (!name)
				continue;
			if (cat && (has_text(cat, "format") || has_text(cat, "type")))
				explicit_type = true;
			apply_category(im, se, cat, name);
		}
	}
	if (!explicit_type && json_is_true(json_object_get(obj, "isServiceSession"))) {
		/* lunch, registration, coffee: what the title says, else "other" */
		se->type = import_type(im, se->title, SESSION_OTHER);
		if (se->type == SESSION_TALK)
			se->type = SESSION_OTHER;
	}

	/* room: an id into the rooms list, or a name; a Sessionize-derived feed's "location" (a name,
	 * or an object with one) */
	v = json_object_get(obj, "roomId");
	room = im_text(json_object_get(obj, "room"));
	if (!room) {
		const json_t *loc = json_object_get(obj, "location");

		room = json_is_object(loc) ? im_text(json_object_get(loc, "name")) : im_text(loc);
		if (!room && json_is_object(loc))
			room = im_text(json_object_get(loc, "roomName"));
	}
	if (v && !json_is_null(v)) {
		char *key = im_text_dup(v);
		long r = key ? name_index_get(&x->rooms, key) : -1;

		free(key);
		if (r >= 0)
			import_session_room(im, i, (size_t)r);
		else if (room)
			import_session_room(im, i, import_room(im, room));
	} else if (room) {
		import_session_room(im, i, import_room(im, room));
	}
	im_set_what(im, NULL, NULL);
	return 0;
}

/* The members of a session planner reads (or knows to leave alone). */
static bool known_key(const char *key)
{
	static const char *const known[] = {
		"id", "title", "description", "startsAt", "endsAt", "startTime", "endTime",
		"isServiceSession", "isPlenumSession", "speakers", "speakerIds", "categoryItems",
		"categories", "roomId", "room", "location", "tags", "track", "questionAnswers",
		"liveUrl", "recordingUrl", "status", "isInformed", "isConfirmed", NULL
	};

	for (size_t i = 0; known[i]; i++)
		if (!strcmp(key, known[i]))
			return true;
	return false;
}

/* Appends to sb the members of the sessions planner does not read, quoted, the first few in the
 * order met. */
static void unread_keys(const json_t *sessions, struct strbuf *sb, size_t *n)
{
	const json_t *obj, *v;
	const char *key;
	size_t k;

	json_array_foreach(sessions, k, obj) {
		json_object_foreach((json_t *)obj, key, v) {
			char q[80];

			(void)v;
			if (known_key(key))
				continue;
			snprintf(q, sizeof(q), "\"%s\"", text_inert(key));
			if (sb->buf && strstr(sb->buf, q))
				continue;
			if (++*n <= 6)
				strbuf_addf(sb, "%s%s", *n > 1 ? ", " : "", q);
		}
		if (k >= 200)
			break;	/* enough to name what a feed carries */
	}
}

/* A feed taken as Sessionize whose sessions have no time or no room at all, and carry members
 * planner does not read, is something else that looks like it: one warning says so and names
 * what was not read. */
static void warn_unreadable(struct importer *im, const json_t *const *lists, size_t nlists)
{
	size_t n = im->s->nsessions, timed = 0, roomed = 0, nkeys = 0;
	struct strbuf keys;
	const char *what;

	for (size_t i = 0; i < n; i++) {
		timed += im->times[i].set;
		roomed += im->s->sessions[i].nrooms > 0;
	}
	if (!n || ((timed || im->bad_times) && roomed))
		return;
	what = !timed && !im->bad_times && !roomed ? "a time or a room"
	       : !roomed ? "a room (\"roomId\", \"room\" or \"location\")"
			 : "a time (\"startsAt\" and \"endsAt\")";
	strbuf_init(&keys);
	for (size_t l = 0; l < nlists; l++)
		unread_keys(lists[l], &keys, &nkeys);
	/* (a Sessionize feed whose room ids refer to nothing carries nothing else: no warning; a
	 * feed with nothing to plan is said by pick) */
	if (nkeys)
		warning("%s: read as Sessionize, but none of its %zu session%s %s; they carry %s%s, "
			"which planner does not read", im->name, n, n == 1 ? " has" : "s has", what,
			keys.buf, nkeys > 6 ? ", ..." : "");
	strbuf_release(&keys);
}

static int read_sessions(struct importer *im, struct sz *x, const json_t *sessions)
{
	const json_t *obj;
	size_t k;

	json_array_foreach(sessions, k, obj) {
		im_push_index(im, k);
		if (read_session(im, x, obj) < 0)
			return -1;
		im_pop(im);
	}
	return 0;
}

int import_sessionize(struct importer *im, const json_t *root)
{
	const json_t *sessions, *v;
	struct sz x;
	size_t k;
	int ret = -1;

	memset(&x, 0, sizeof(x));
	import_conference(im, NULL, NULL, NULL);
	im->id_primary = "\"id\"";
	if (json_is_object(root)) {
		const json_t *cats, *speakers, *rooms;

		if (im_req_array(im, root, "sessions", &sessions) < 0 ||
		    im_opt_array(im, root, "categories", &cats) < 0 ||
		    im_opt_array(im, root, "speakers", &speakers) < 0 ||
		    im_opt_array(im, root, "rooms", &rooms) < 0)
			goto out;
		if (import_check_sessions(im, json_array_size(sessions)) < 0)
			goto out;
		if (cats)
			read_categories_all(&x, cats);
		if (speakers)
			read_speakers_all(&x, speakers);
		if (rooms)
			read_rooms_all(im, &x, rooms);
		im_push_key(im, "sessions");
		if (read_sessions(im, &x, sessions) < 0)
			goto out;
		warn_unreadable(im, &sessions, 1);
	} else if (json_is_array(root)) {
		x.groups = true;
		json_array_foreach(root, k, v) {
			im_push_index(im, k);
			if (!json_is_object(v)) {
				im_fail(im, "a Sessionize group must be an object, not %s", json_kind(v));
				goto out;
			}
			if (im_req_array(im, v, "sessions", &sessions) < 0)
				goto out;
			im_push_key(im, "sessions");
			if (read_sessions(im, &x, sessions) < 0)
				goto out;
			im->depth -= 2;
		}
	} else {
		im_fail(im, "a Sessionize feed is an object or an array, not %s", json_kind(root));
		goto out;
	}
	im->depth = 0;
	ret = import_finish(im, NULL, "Sessionize times carry no time zone");
out:
	sz_release(&x);
	return ret;
}
