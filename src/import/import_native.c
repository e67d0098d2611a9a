/* import_native.c: planner's own JSON format (README.md, "The timetable format"; tools/FORMAT.txt)
 * into the schedule model.  Strict: every problem is an error pointing at the value. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "text.h"
#include "util.h"

static int load_conference(struct importer *im, const json_t *root)
{
	const json_t *c;
	struct conference *conf = &im->s->conf;
	int ret = -1;

	if (im_req_object(im, root, "conference", &c) < 0)
		return -1;
	im_push_key(im, "conference");
	if (im_req_string(im, c, "id", &conf->id) < 0 || im_req_string(im, c, "name", &conf->name) < 0 ||
	    im_req_string(im, c, "timezone", &conf->timezone) < 0 ||
	    im_opt_string(im, c, "url", &conf->url) < 0 || im_opt_string(im, c, "venue", &conf->venue) < 0)
		goto out;
	im->s->tz = tz_get(conf->timezone);
	if (!im->s->tz) {
		im_fail_key(im, "timezone", "unknown time zone \"%s\"", text_inert(conf->timezone));
		goto out;
	}
	ret = 0;
out:
	im_pop(im);
	return ret;
}

static int load_rooms(struct importer *im, const json_t *root)
{
	const json_t *rooms, *r;
	size_t i;
	int ret = 0;

	if (im_req_array(im, root, "rooms", &rooms) < 0)
		return -1;
	if (json_array_size(rooms) > LOAD_MAX_ROOMS)
		return error(EX_DATAERR, "%s: %zu rooms; planner reads at most %u", im->name,
			     json_array_size(rooms), LOAD_MAX_ROOMS);
	im_push_key(im, "rooms");
	json_array_foreach(rooms, i, r) {
		struct room *room;

		im_push_index(im, i);
		if (!json_is_object(r)) {
			ret = im_fail(im, "room %zu must be an object, not %s", i + 1, json_kind(r));
			break;
		}
		room = schedule_add_room(im->s);
		if (im_req_string(im, r, "id", &room->id) < 0 ||
		    im_req_string(im, r, "name", &room->name) < 0 ||
		    im_opt_string(im, r, "floor", &room->floor) < 0 ||
		    im_opt_string(im, r, "building", &room->building) < 0) {
			ret = -1;
			break;
		}
		if (name_index_put(&im->room_ids, room->id, im->s->nrooms - 1) != im->s->nrooms - 1) {
			ret = im_fail_key(im, "id", "duplicate room id \"%s\"", text_inert(room->id));
			break;
		}
		im_pop(im);
	}
	im->depth = 0;
	return ret;
}

static int session_rooms(struct importer *im, const json_t *obj, struct session *se)
{
	const json_t *v = json_object_get(obj, "room"), *e;
	size_t i;
	int ret = 0;

	if (!v || json_is_null(v))
		return 0;
	im_push_key(im, "room");
	if (json_is_string(v)) {
		long r = name_index_get(&im->room_ids, json_string_value(v));
		if (r < 0) {
			ret = im_fail(im, "unknown room \"%s\"", text_inert(json_string_value(v)));
		} else {
			se->rooms = xmalloc(sizeof(*se->rooms));
			se->rooms[se->nrooms++] = (size_t)r;
		}
	} else if (json_is_array(v) && json_array_size(v) > LOAD_MAX_LIST) {
		ret = im_fail(im, "\"room\" has %zu entries; planner reads at most %u",
			      json_array_size(v), LOAD_MAX_LIST);
	} else if (json_is_array(v)) {
		se->rooms = xmalloc((json_array_size(v) ? json_array_size(v) : 1) * sizeof(*se->rooms));
		json_array_foreach(v, i, e) {
			long r = json_is_string(e) ? name_index_get(&im->room_ids, json_string_value(e)) : -1;
			im_push_index(im, i);
			if (!json_is_string(e))
				ret = im_fail(im, "\"room\" must hold room ids, not %s", json_kind(e));
			else if (r < 0)
				ret = im_fail(im, "unknown room \"%s\"", text_inert(json_string_value(e)));
			im_pop(im);
			if (ret < 0)
				break;
			se->rooms[se->nrooms++] = (size_t)r;
		}
	} else {
		ret = im_fail(im, "\"room\" must be a room id, an array of room ids or null, not %s",
			      json_kind(v));
	}
	im_pop(im);
	return ret;
}

/* Parses the time member `key`: with an offset it is that instant; without, conference-local. */
static int session_time(struct importer *im, const json_t *obj, const char *key, int64_t *out,
			int *present)
{
	const json_t *v = json_object_get(obj, key);
	struct civil c;
	bool has_off;
	int off, ret = 0;

	*present = 0;
	if (!v || json_is_null(v))
		return 0;
	im_push_key(im, key);
	if (!json_is_string(v)) {
		ret = im_fail(im, "\"%s\" must be an ISO 8601 date-time string, not %s", key,
			      json_kind(v));
	} else if (iso8601_parse(json_string_value(v), &c, &has_off, &off) < 0) {
		ret = im_fail(im, "%s", error_message());
	} else if (has_off) {
		*out = civil_to_instant_offset(&c, off);
		*present = 1;
	} else if (tz_from_civil(im->s->tz, &c, out) < 0) {
		ret = im_fail(im, "%s", error_message());
	} else {
		*present = 1;
	}
	im_pop(im);
	return ret;
}

/* The message for a session whose end is not after its start; when the start is a wall time
 * skipped by a daylight-saving change it says so, since the time read is not the one written. */
static int end_not_after_start(struct importer *im, const json_t *obj, const struct session *se)
{
	const json_t *v = json_object_get(obj, "start");
	struct civil c, read;
	bool has_off;
	int off;

	if (json_is_string(v) &&
	    iso8601_parse(json_string_value(v), &c, &has_off, &off) == 0 && !has_off) {
		tz_to_civil(im->s->tz, se->start, &read);
		if (read.hour != c.hour || read.minute != c.minute)
			return im_fail_key(im, "end", "end is before start (the start, %02d:%02d, is "
					   "skipped by a daylight-saving change in %s and is read "
					   "as %02d:%02d)", c.hour, c.minute, tz_name(im->s->tz),
					   read.hour, read.minute);
	}
	return im_fail_key(im, "end", "end is before start");
}

static int load_session(struct importer *im, const json_t *obj, struct session *se)
{
	const json_t *v;
	int has_start, has_end;

	if (im_req_string(im, obj, "id", &se->id) < 0)
		return -1;
	im_set_what(im, "session", se->id);
	if (im_req_string(im, obj, "title", &se->title) < 0 ||
	    im_opt_string(im, obj, "subtitle", &se->subtitle) < 0 ||
	    im_opt_string(im, obj, "abstract", &se->abstract) < 0 ||
	    im_opt_string(im, obj, "description", &se->description) < 0 ||
	    im_opt_strlist(im, obj, "speakers", &se->speakers) < 0 ||
	    im_opt_string(im, obj, "track", &se->track) < 0 ||
	    im_opt_strlist(im, obj, "tags", &se->tags) < 0 ||
	    im_opt_string(im, obj, "language", &se->language) < 0 ||
	    im_opt_string(im, obj, "url", &se->url) < 0)
		return -1;

	se->type = SESSION_TALK;
	v = json_object_get(obj, "type");
	if (v && !json_is_null(v)) {
		int t = json_is_string(v) ? session_type_parse(json_string_value(v)) : -1;
		if (t < 0)
			return json_is_string(v)
				? im_fail_key(im, "type", "unknown type \"%s\" (known: talk, keynote, "
					      "lightning, tutorial, workshop, panel, break, social, other)",
					      text_inert(json_string_value(v)))
				: im_fail_key(im, "type", "\"type\" must be a string, not %s",
					      json_kind(v));
		se->type = (enum session_type)t;
	}
	v = json_object_get(obj, "level");
	if (v && !json_is_null(v)) {
		int l = json_is_string(v) ? session_level_parse(json_string_value(v)) : -1;
		if (l < 0)
			return json_is_string(v)
				? im_fail_key(im, "level", "unknown level \"%s\" (known: beginner, "
					      "intermediate, advanced)", text_inert(json_string_value(v)))
				: im_fail_key(im, "level", "\"level\" must be a string or null, not %s",
					      json_kind(v));
		se->level = (enum session_level)l;
	}
	if (session_rooms(im, obj, se) < 0)
		return -1;
	if (session_time(im, obj, "start", &se->start, &has_start) < 0 ||
	    session_time(im, obj, "end", &se->end, &has_end) < 0)
		return -1;
	if (has_start != has_end)
		return im_fail_key(im, has_start ? "start" : "end", "has \"%s\" but no \"%s\"",
				   has_start ? "start" : "end", has_start ? "end" : "start");
	if (has_start && se->end < se->start)	/* end == start: it takes no time */
		return end_not_after_start(im, obj, se);
	if (has_start && se->start < LOAD_MIN_INSTANT)
		return im_fail_key(im, "start", "the start is before 0001-01-02 00:00 UTC, the earliest "
				   "time planner reads");
	if (has_start && se->end > LOAD_MAX_INSTANT)
		return im_fail_key(im, "end", "the end is past 9999-12-31 00:00 UTC, the latest time "
				   "planner reads");
	if (has_start && se->end - se->start > LOAD_MAX_SESSION_DAYS * 86400)
		return im_fail_key(im, "end", "the session lasts more than %d days; planner reads at "
				   "most %d", LOAD_MAX_SESSION_DAYS, LOAD_MAX_SESSION_DAYS);
	se->has_time = has_start;
	im_set_what(im, NULL, NULL);
	return 0;
}

static int load_sessions(struct importer *im, const json_t *root)
{
	const json_t *sessions, *obj;
	size_t i;
	int ret = 0;

	if (im_req_array(im, root, "sessions", &sessions) < 0 ||
	    import_check_sessions(im, json_array_size(sessions)) < 0)
		return -1;
	im_push_key(im, "sessions");
	json_array_foreach(sessions, i, obj) {
		im_push_index(im, i);
		if (!json_is_object(obj)) {
			ret = im_fail(im, "session %zu must be an object, not %s", i + 1, json_kind(obj));
			break;
		}
		if (load_session(im, obj, schedule_add_session(im->s)) < 0) {
			ret = -1;
			break;
		}
		im_pop(im);
	}
	im->depth = 0;
	return ret;
}

int import_native(struct importer *im, const json_t *root)
{
	const json_t *v = json_object_get(root, "planner_format");
	long dup;

	if (!json_is_object(root))
		return im_fail(im, "a planner timetable is an object, not %s", json_kind(root));
	if (!json_is_integer(v) || json_integer_value(v) != 1)
		return im_fail_key(im, "planner_format",
				   "unsupported planner_format (this planner reads version 1)");
	if (load_conference(im, root) < 0 || load_rooms(im, root) < 0 || load_sessions(im, root) < 0)
		return -1;
	/* Sessions are still in file order here, so the index is the array position. */
	schedule_normalize_ids(im->s);
	dup = schedule_duplicate_session(im->s);
	if (dup >= 0) {
		im_push_key(im, "sessions");
		im_push_index(im, (size_t)dup);
		return im_fail_key(im, "id", "duplicate session id \"%s\"", text_inert(im->s->sessions[dup].id));
	}
	return schedule_finish(im->s);
}
