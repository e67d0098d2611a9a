/* import_pretalx.c: pretalx API talk records — an array of talks, or a page of them
 * ({"count", "next", "results": [...]}), each with "code" (the stable id), "title",
 * "abstract", "description", "speakers" ([{code, name}] or codes), "submission_type" and
 * "track" (text or {"en": ..}), "tags", "content_locale", "duration" (minutes) and
 * "slot": {"room" (text, {"en": ..} or {"name": ..}), "start", "end"} (ISO 8601 with
 * offsets), "do_not_record" (the speakers opted out of recording).  A talk with a null slot, or a slot without a start, is not scheduled yet and
 * is kept as such.  The records name no conference: its id and name come from the name
 * option or the file name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "util.h"

static const char *room_name(const json_t *r)
{
	if (json_is_object(r) && json_object_get(r, "name"))
		return im_text(json_object_get(r, "name"));
	return im_text(r);
}

static int read_talk(struct importer *im, const json_t *talk)
{
	static const char *const person_keys[] = { "name", "public_name", NULL };
	long n = import_add_session(im);
	size_t i = (size_t)n;
	struct session *se;
	struct import_time *t;
	const json_t *slot, *tags, *tag;
	const char *type, *lang, *start = NULL, *end = NULL, *room = NULL;
	size_t k;

	if (n < 0)
		return -1;
	se = &im->s->sessions[i];
	t = &im->times[i];
	if (!json_is_object(talk))
		return im_fail(im, "a talk must be an object, not %s", json_kind(talk));
	if (im_opt_text_dup(im, talk, "code", &im->ids[i].primary) < 0 ||
	    im_opt_text_dup(im, talk, "id", &im->ids[i].secondary) < 0 ||
	    im_opt_text_dup(im, talk, "title", &se->title) < 0)
		return -1;
	im_set_what(im, "talk", im->ids[i].primary ? im->ids[i].primary
			      : im->ids[i].secondary ? im->ids[i].secondary : se->title);
	if (!se->title)
		return im_fail(im, "no \"title\"");
	if (im_opt_text_dup(im, talk, "subtitle", &se->subtitle) < 0 ||
	    im_opt_text_dup(im, talk, "abstract", &se->abstract) < 0 ||
	    im_opt_text_dup(im, talk, "description", &se->description) < 0 ||
	    im_opt_text_dup(im, talk, "track", &se->track) < 0 ||
	    im_opt_text_dup(im, talk, "url", &se->url) < 0 ||
	    im_opt_text(im, talk, "submission_type", &type) < 0 ||
	    im_opt_text(im, talk, "content_locale", &lang) < 0 ||
	    import_people(im, talk, "speakers", person_keys, NULL, &se->speakers) < 0 ||
	    im_opt_array(im, talk, "tags", &tags) < 0 ||
	    im_opt_object(im, talk, "slot", &slot) < 0)
		return -1;
	se->type = import_type(im, type, SESSION_TALK);
	se->do_not_record = json_is_true(json_object_get(talk, "do_not_record"));
	if (lang)
		se->language = xstrdup(lang);
	if (tags) {
		json_array_foreach(tags, k, tag) {
			const char *name = json_is_object(tag) ? im_text(json_object_get(tag, "tag"))
							       : im_text(tag);
			if (name)
				strlist_push(&se->tags, name);
		}
	}
	if (slot) {
		im_push_key(im, "slot");
		if (im_opt_text(im, slot, "start", &start) < 0 ||
		    im_opt_text(im, slot, "end", &end) < 0)
			return -1;
		im_pop(im);
		room = room_name(json_object_get(slot, "room"));
	}
	if (room)
		import_session_room(im, i, import_room(im, room));
	if (start) {
		const json_t *dur = json_object_get(talk, "duration");

		if (import_point(start, &t->start) < 0) {
			import_bad_time(im, i, error_message());
		} else if (end) {
			if (import_point(end, &t->end) < 0)
				import_bad_time(im, i, error_message());
			else
				t->set = t->has_end = true;
		} else if (json_is_integer(dur) && json_integer_value(dur) > 0 &&
			   json_integer_value(dur) < 100000) {
			/* no end: the talk's duration, in minutes */
			t->seconds = json_integer_value(dur) * 60;
			t->set = true;
		} else {
			import_bad_time(im, i, "the slot has a start but no end");
		}
	}
	im_set_what(im, NULL, NULL);
	return 0;
}

struct room_ref {
	json_int_t id;
	const char *name;
};

static int cmp_room_ref(const void *pa, const void *pb)
{
	const struct room_ref *a = pa, *b = pb;

	return a->id < b->id ? -1 : a->id > b->id;
}

/* Creates the rooms in the order of their pretalx ids, which is the order the organisers
 * made them in ("Hall 1", "Hall 2", ...), rather than the order talks happen to mention them. */
static void rooms_by_id(struct importer *im, const json_t *talks)
{
	struct room_ref *v = NULL;
	size_t n = 0, alloc = 0, k;
	const json_t *talk;

	json_array_foreach(talks, k, talk) {
		const json_t *slot = json_object_get(talk, "slot");
		const json_t *id = json_object_get(slot, "room_id");
		const char *name = room_name(json_object_get(slot, "room"));

		if (!json_is_integer(id) || !name)
			continue;
		v = xgrow(v, n + 1, &alloc, sizeof(*v));
		v[n].id = json_integer_value(id);
		v[n++].name = name;
	}
	if (n)
		qsort(v, n, sizeof(*v), cmp_room_ref);
	for (k = 0; k < n; k++)
		import_room(im, v[k].name);
	free(v);
}

int import_pretalx(struct importer *im, const json_t *root)
{
	const json_t *talks = root, *talk;
	size_t k;

	if (json_is_object(root)) {
		if (im_req_array(im, root, "results", &talks) < 0)
			return -1;
		im_push_key(im, "results");
	} else if (!json_is_array(root)) {
		return im_fail(im, "pretalx talks are an array, not %s", json_kind(root));
	}
	if (import_check_sessions(im, json_array_size(talks)) < 0)
		return -1;
	import_conference(im, NULL, NULL, NULL);
	im->id_primary = "\"code\"";
	im->id_secondary = "\"id\"";
	rooms_by_id(im, talks);
	json_array_foreach(talks, k, talk) {
		im_push_index(im, k);
		if (read_talk(im, talk) < 0)
			return -1;
		im_pop(im);
	}
	im->depth = 0;
	return import_finish(im, NULL, NULL);
}
