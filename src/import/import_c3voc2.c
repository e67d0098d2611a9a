/* import_c3voc2.c: c3voc schedule version 2 (https://c3voc.de/schema/schedule2):
 *     {"$schema"?, "schedule": {"version", "conference": {"acronym", "title", "time_zone_name"?,
 *       "rooms": [{name, slug, guid}], "tracks": [{name, slug}],
 *       "days": [{"index", "date", "start", "end"}]},
 *       "events": [event, ...]}}
 * An event has "guid", "code", "start" and "end" (ISO 8601 with offsets; a deprecated
 * "duration" "PT45M" when "end" is missing), "room" ({guid, name, slug}, or a name),
 * "track" ({slug}, or a name), "type" (TALK, WORKSHOP, LIGHTNING_TALK, BREAK, ...), "title",
 * "subtitle", "language", "abstract" and "description" (text or {"en": ..}), "participants"
 * [{name, role}] (contributors are not speakers), "url", "links" [{url, title?, type?}] (http
 * and https only; a link's type is not kept), "do_not_record".  A day's "start" and "end"
 * (ISO 8601) are its span, as frab's day_start/day_end (schedule_finish). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "util.h"

struct v2 {
	struct name_index room_guid, room_slug, track_slug;
	const json_t *tracks;
};

/* The room an event's "room" member names: by guid, name or slug, created when new. */
static void event_room(struct importer *im, struct v2 *x, const json_t *ev, size_t i)
{
	const json_t *r = json_object_get(ev, "room");
	const char *guid = NULL, *name = NULL, *slug = NULL;
	long k = -1;

	if (json_is_object(r)) {
		guid = im_text(json_object_get(r, "guid"));
		name = im_text(json_object_get(r, "name"));
		slug = im_text(json_object_get(r, "slug"));
	} else {
		name = im_text(r);
	}
	if (guid)
		k = name_index_get(&x->room_guid, guid);
	if (k < 0 && name)
		k = name_index_get(&im->room_names, name);
	if (k < 0 && slug)
		k = name_index_get(&x->room_slug, slug);
	if (k < 0 && (name || slug || guid)) {
		k = (long)import_room_with_id(im, name ? name : slug ? slug : guid, slug);
		if (guid)
			name_index_put(&x->room_guid, guid, (size_t)k);
	}
	if (k >= 0)
		import_session_room(im, i, (size_t)k);
}

static const char *event_track(struct v2 *x, const json_t *ev)
{
	const json_t *t = json_object_get(ev, "track");
	const char *slug, *name;
	long k;

	if (!json_is_object(t))
		return im_text(t);
	name = im_text(json_object_get(t, "name"));
	slug = im_text(json_object_get(t, "slug"));
	if (name || !slug)
		return name;
	k = name_index_get(&x->track_slug, slug);
	if (k >= 0) {
		const char *n = im_text(json_object_get(json_array_get(x->tracks, (size_t)k), "name"));
		if (n)
			return n;
	}
	return slug;
}

static int read_event(struct importer *im, struct v2 *x, const json_t *ev)
{
	static const char *const person_keys[] = { "name", "public_name", NULL };
	long n = import_add_session(im);
	size_t i = (size_t)n;
	struct session *se;
	struct import_time *t;
	const char *type, *lang, *start, *end, *dur, *track;

	if (n < 0)
		return -1;
	se = &im->s->sessions[i];
	t = &im->times[i];
	if (!json_is_object(ev))
		return im_fail(im, "an event must be an object, not %s", json_kind(ev));
	if (im_opt_text_dup(im, ev, "guid", &im->ids[i].primary) < 0 ||
	    im_opt_text_dup(im, ev, "code", &im->ids[i].secondary) < 0 ||
	    im_opt_text_dup(im, ev, "title", &se->title) < 0)
		return -1;
	if (!im->ids[i].secondary && im_opt_text_dup(im, ev, "id", &im->ids[i].secondary) < 0)
		return -1;
	im_set_what(im, "event", im->ids[i].primary ? im->ids[i].primary
			       : im->ids[i].secondary ? im->ids[i].secondary : se->title);
	if (!se->title)
		return im_fail(im, "no \"title\"");
	if (im_opt_text_dup(im, ev, "subtitle", &se->subtitle) < 0 ||
	    im_opt_text_dup(im, ev, "abstract", &se->abstract) < 0 ||
	    im_opt_text_dup(im, ev, "description", &se->description) < 0 ||
	    im_opt_text_dup(im, ev, "url", &se->url) < 0 ||
	    im_opt_text(im, ev, "type", &type) < 0 || im_opt_text(im, ev, "language", &lang) < 0 ||
	    im_opt_text(im, ev, "start", &start) < 0 || im_opt_text(im, ev, "end", &end) < 0 ||
	    im_opt_text(im, ev, "duration", &dur) < 0 ||
	    import_people(im, ev, "participants", person_keys, "CONTRIBUTOR", &se->speakers) < 0 ||
	    import_people(im, ev, "persons", person_keys, NULL, &se->speakers) < 0 ||
	    import_links(im, ev, "links", se) < 0)
		return -1;
	se->type = import_type(im, type, SESSION_TALK);
	se->do_not_record = json_is_true(json_object_get(ev, "do_not_record"));
	if (lang)
		se->language = xstrdup(lang);
	track = event_track(x, ev);
	if (track)
		se->track = xstrdup(track);
	event_room(im, x, ev, i);

	if (!start) {
		import_bad_time(im, i, "no \"start\"");
	} else if (import_point(start, &t->start) < 0) {
		import_bad_time(im, i, error_message());
	} else if (end) {
		if (import_point(end, &t->end) < 0)
			import_bad_time(im, i, error_message());
		else
			t->set = t->has_end = true;
	} else if (!dur) {
		import_bad_time(im, i, "no \"end\"");
	} else if (import_duration(dur, &t->seconds) < 0) {
		import_bad_time(im, i, error_message());
	} else {
		t->set = true;
	}
	im_set_what(im, NULL, NULL);
	return 0;
}

int import_c3voc2(struct importer *im, const json_t *root)
{
	const json_t *sch, *conf, *events, *rooms, *days, *v;
	const char *acronym, *title, *zone, *url;
	struct v2 x;
	size_t k;
	int ret = -1;

	memset(&x, 0, sizeof(x));
	if (!json_is_object(root))
		return im_fail(im, "a c3voc schedule is an object, not %s", json_kind(root));
	if (im_req_object(im, root, "schedule", &sch) < 0)
		return -1;
	im_push_key(im, "schedule");
	if (im_req_object(im, sch, "conference", &conf) < 0 ||
	    im_opt_array(im, sch, "events", &events) < 0)
		return -1;
	im_push_key(im, "conference");
	if (im_opt_text(im, conf, "acronym", &acronym) < 0 ||
	    im_opt_text(im, conf, "title", &title) < 0 ||
	    im_opt_text(im, conf, "time_zone_name", &zone) < 0 ||
	    im_opt_text(im, conf, "url", &url) < 0 ||
	    im_opt_array(im, conf, "rooms", &rooms) < 0 ||
	    im_opt_array(im, conf, "tracks", &x.tracks) < 0 ||
	    im_opt_array(im, conf, "days", &days) < 0)
		return -1;
	if (days) {
		json_array_foreach(days, k, v) {
			if (!json_is_object(v))
				continue;
			import_feed_day(im, im_text(json_object_get(v, "date")),
					im_text(json_object_get(v, "start")),
					im_text(json_object_get(v, "end")));
		}
	}
	im_pop(im);
	if (!url)
		url = im_text(json_object_get(sch, "base_url"));
	import_conference(im, acronym, title, url);
	im->id_primary = "\"guid\"";
	im->id_secondary = "\"code\"";

	if (rooms) {
		json_array_foreach(rooms, k, v) {
			const char *name = im_text(json_object_get(v, "name"));
			const char *slug = im_text(json_object_get(v, "slug"));
			const char *guid = im_text(json_object_get(v, "guid"));
			size_t r;

			if (!name)
				continue;
			r = import_room_with_id(im, name, slug);
			if (guid)
				name_index_put(&x.room_guid, guid, r);
			if (slug)
				name_index_put(&x.room_slug, slug, r);
		}
	}
	if (x.tracks) {
		json_array_foreach(x.tracks, k, v) {
			const char *slug = im_text(json_object_get(v, "slug"));
			if (slug)
				name_index_put(&x.track_slug, slug, k);
		}
	}
	if (events) {
		if (import_check_sessions(im, json_array_size(events)) < 0)
			goto out;
		im_push_key(im, "events");
		json_array_foreach(events, k, v) {
			im_push_index(im, k);
			if (read_event(im, &x, v) < 0)
				goto out;
			im_pop(im);
		}
	}
	im->depth = 0;
	ret = import_finish(im, zone, NULL);
out:
	name_index_release(&x.room_guid);
	name_index_release(&x.room_slug);
	name_index_release(&x.track_slug);
	return ret;
}
