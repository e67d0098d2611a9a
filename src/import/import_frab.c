/* import_frab.c: frab / c3voc schedule.json version 1, as frab and pretalx export it:
 *     {"schedule": {"conference": {"acronym", "title", "time_zone_name"?, "rooms"?: [{name}],
 *       "days": [{"date", "day_start"?, "day_end"?, "rooms": {"<room name>": [event, ...]}}]}}}
 * A day's "day_start" and "day_end" (ISO 8601) are its span: a session after midnight belongs
 * to the day whose span holds it (schedule_finish).
 * An event has "guid" (the stable id; "id" is not unique in merged feeds), "date" (ISO 8601
 * with the offset), "start" ("HH:MM", local), "duration" ("HH:MM" or "H:MM:SS"), "room",
 * "title", "subtitle", "track", "type", "language", "abstract", "description",
 * "persons": [{"public_name"}], "url", "links": [{"url", "title"}] (http and https only).  The
 * instant comes from "date"; when it carries no time of day, from the day's or the event's
 * date plus "start" in the conference zone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "text.h"
#include "util.h"

static int read_time(struct importer *im, size_t i, const json_t *ev, const char *day_date)
{
	const char *date, *start, *dur;

	if (im_opt_text(im, ev, "date", &date) < 0 || im_opt_text(im, ev, "start", &start) < 0 ||
	    im_opt_text(im, ev, "duration", &dur) < 0)
		return -1;
	import_frab_time(im, i, date, start, day_date, dur);
	return 0;
}

static int read_event(struct importer *im, const json_t *ev, const char *room_key,
		      const char *day_date)
{
	static const char *const person_keys[] = { "public_name", "full_public_name", "name", NULL };
	long n = import_add_session(im);
	size_t i = (size_t)n;
	struct session *se;
	const char *room, *type, *lang;

	if (n < 0)
		return -1;
	se = &im->s->sessions[i];
	if (!json_is_object(ev))
		return im_fail(im, "an event must be an object, not %s", json_kind(ev));
	if (im_opt_text_dup(im, ev, "guid", &im->ids[i].primary) < 0 ||
	    im_opt_text_dup(im, ev, "id", &im->ids[i].secondary) < 0 ||
	    im_opt_text_dup(im, ev, "title", &se->title) < 0)
		return -1;
	im_set_what(im, "event", im->ids[i].primary ? im->ids[i].primary
			       : im->ids[i].secondary ? im->ids[i].secondary : se->title);
	if (!se->title)
		return im_fail(im, "no \"title\"");
	if (im_opt_text_dup(im, ev, "subtitle", &se->subtitle) < 0 ||
	    im_opt_text_dup(im, ev, "abstract", &se->abstract) < 0 ||
	    im_opt_text_dup(im, ev, "description", &se->description) < 0 ||
	    im_opt_text_dup(im, ev, "track", &se->track) < 0 ||
	    im_opt_text_dup(im, ev, "url", &se->url) < 0 ||
	    im_opt_text(im, ev, "type", &type) < 0 || im_opt_text(im, ev, "language", &lang) < 0 ||
	    im_opt_text(im, ev, "room", &room) < 0 ||
	    import_people(im, ev, "persons", person_keys, NULL, &se->speakers) < 0 ||
	    import_links(im, ev, "links", se) < 0)
		return -1;
	se->type = import_type(im, type, SESSION_TALK);
	se->do_not_record = json_is_true(json_object_get(ev, "do_not_record"));
	if (lang)
		se->language = xstrdup(lang);
	room = room ? room : room_key;
	if (room && *room)
		import_session_room(im, i, import_room(im, room));
	if (read_time(im, i, ev, day_date) < 0)
		return -1;
	im_set_what(im, NULL, NULL);
	return 0;
}

int import_frab(struct importer *im, const json_t *root)
{
	const json_t *sch, *conf, *days, *rooms, *day, *v;
	const char *acronym, *title, *zone, *url;
	size_t d;

	if (!json_is_object(root))
		return im_fail(im, "a frab schedule is an object, not %s", json_kind(root));
	if (im_req_object(im, root, "schedule", &sch) < 0)
		return -1;
	im_push_key(im, "schedule");
	if (im_req_object(im, sch, "conference", &conf) < 0)
		return -1;
	im_push_key(im, "conference");
	if (im_req_array(im, conf, "days", &days) < 0 ||
	    im_opt_text(im, conf, "acronym", &acronym) < 0 ||
	    im_opt_text(im, conf, "title", &title) < 0 ||
	    im_opt_text(im, conf, "time_zone_name", &zone) < 0 ||
	    im_opt_text(im, conf, "url", &url) < 0)
		return -1;
	if (!url)
		url = im_text(json_object_get(sch, "base_url"));
	import_conference(im, acronym, title, url);
	im->id_primary = "\"guid\"";
	im->id_secondary = "\"id\"";

	/* The room list, when there is one, fixes the order of rooms. */
	if (im_opt_array(im, conf, "rooms", &rooms) < 0)
		return -1;
	if (rooms) {
		json_array_foreach(rooms, d, v) {
			const char *name = json_is_object(v) ? im_text(json_object_get(v, "name"))
							      : im_text(v);
			if (name)
				import_room(im, name);
		}
	}

	/* The events the days announce, counted before any is read. */
	{
		size_t total = 0;

		json_array_foreach(days, d, day) {
			const json_t *evs;
			const char *rname;

			json_object_foreach((json_t *)json_object_get(day, "rooms"), rname, evs)
				total += json_array_size(evs);
		}
		if (import_check_sessions(im, total) < 0)
			return -1;
	}
	im_push_key(im, "days");
	json_array_foreach(days, d, day) {
		const json_t *by_room, *evs;
		const char *date, *day_start, *day_end, *rname;

		im_push_index(im, d);
		if (!json_is_object(day))
			return im_fail(im, "a day must be an object, not %s", json_kind(day));
		if (im_opt_text(im, day, "date", &date) < 0 ||
		    im_opt_text(im, day, "day_start", &day_start) < 0 ||
		    im_opt_text(im, day, "day_end", &day_end) < 0 ||
		    im_req_object(im, day, "rooms", &by_room) < 0)
			return -1;
		import_feed_day(im, date, day_start, day_end);
		im_push_key(im, "rooms");
		json_object_foreach((json_t *)by_room, rname, evs) {
			const json_t *ev;
			size_t k;

			im_push_key(im, rname);
			if (!json_is_array(evs))
				return im_fail(im, "room \"%s\" must hold an array of events, not %s",
					       text_inert(rname), json_kind(evs));
			if (json_array_size(evs))
				import_room(im, rname);
			json_array_foreach(evs, k, ev) {
				im_push_index(im, k);
				if (read_event(im, ev, rname, date) < 0)
					return -1;
				im_pop(im);
			}
			im_pop(im);
		}
		im_pop(im);
		im_pop(im);
	}
	im->depth = 0;
	return import_finish(im, zone, NULL);
}
