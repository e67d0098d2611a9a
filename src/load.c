/* load.c: reads timetable bytes, detects the format, and imports planner's native JSON format
 * into the schedule model (the format is documented in README.md, "The timetable format"). */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "jsonpos.h"
#include "load.h"
#include "schedule.h"
#include "tz.h"
#include "util.h"

#define MAX_DEPTH 8

/* The state of one import: the raw text (for positions) and the path to the current value. */
struct importer {
	const char *buf;
	size_t len;
	const char *name;
	struct schedule *s;
	struct json_step path[MAX_DEPTH];
	size_t depth;
	const char *what; /* "session \"abc\"" etc., prefixed to messages; may be NULL */
	char whatbuf[160];
};

static void push_key(struct importer *im, const char *key)
{
	im->path[im->depth].key = key;
	im->path[im->depth].index = 0;
	im->depth++;
}

static void push_index(struct importer *im, size_t i)
{
	im->path[im->depth].key = NULL;
	im->path[im->depth].index = i;
	im->depth++;
}

static void pop(struct importer *im)
{
	im->depth--;
}

/* Records "NAME:LINE:COL: [what: ]message" for the value at the current path. */
__attribute__((format(printf, 2, 3)))
static int fail(struct importer *im, const char *fmt, ...)
{
	char msg[512];
	int line, col;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	json_locate(im->buf, im->len, im->path, im->depth, &line, &col);
	if (im->what)
		return error(EX_DATAERR, "%s:%d:%d: %s: %s", im->name, line, col, im->what, msg);
	return error(EX_DATAERR, "%s:%d:%d: %s", im->name, line, col, msg);
}

static const char *json_kind(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: return "an integer";
	case JSON_REAL: return "a number";
	case JSON_TRUE: case JSON_FALSE: return "a boolean";
	case JSON_NULL: return "null";
	}
	return "a value";
}

/* A member that must be a non-empty string: *out gets a copy. */
static int req_string(struct importer *im, const json_t *obj, const char *key, char **out)
{
	const json_t *v = json_object_get(obj, key);
	int ret = 0;

	if (!v)
		return fail(im, "missing \"%s\"", key);
	push_key(im, key);
	if (!json_is_string(v))
		ret = fail(im, "\"%s\" must be a string, not %s", key, json_kind(v));
	else if (!json_string_length(v))
		ret = fail(im, "\"%s\" is empty", key);
	else
		*out = xstrdup(json_string_value(v));
	pop(im);
	return ret;
}

/* A member that may be absent, null or a string; *out gets a copy or stays NULL. */
static int opt_string(struct importer *im, const json_t *obj, const char *key, char **out)
{
	const json_t *v = json_object_get(obj, key);
	int ret = 0;

	if (!v || json_is_null(v))
		return 0;
	push_key(im, key);
	if (!json_is_string(v))
		ret = fail(im, "\"%s\" must be a string or null, not %s", key, json_kind(v));
	else if (json_string_length(v))
		*out = xstrdup(json_string_value(v));
	pop(im);
	return ret;
}

/* A member that may be absent, null or an array of strings. */
static int opt_strlist(struct importer *im, const json_t *obj, const char *key, struct strlist *out)
{
	const json_t *v = json_object_get(obj, key), *e;
	size_t i;
	int ret = 0;

	if (!v || json_is_null(v))
		return 0;
	push_key(im, key);
	if (!json_is_array(v)) {
		ret = fail(im, "\"%s\" must be an array of strings, not %s", key, json_kind(v));
		goto out;
	}
	json_array_foreach(v, i, e) {
		if (!json_is_string(e)) {
			push_index(im, i);
			ret = fail(im, "\"%s\" must hold only strings, not %s", key, json_kind(e));
			pop(im);
			goto out;
		}
		if (json_string_length(e))
			strlist_push(out, json_string_value(e));
	}
out:
	pop(im);
	return ret;
}

static int get_array(struct importer *im, const json_t *obj, const char *key, const json_t **out)
{
	const json_t *v = json_object_get(obj, key);

	if (!v)
		return fail(im, "missing \"%s\"", key);
	if (!json_is_array(v)) {
		int ret;
		push_key(im, key);
		ret = fail(im, "\"%s\" must be an array, not %s", key, json_kind(v));
		pop(im);
		return ret;
	}
	*out = v;
	return 0;
}

static int load_conference(struct importer *im, const json_t *root)
{
	const json_t *c = json_object_get(root, "conference");
	struct conference *conf = &im->s->conf;
	int ret = -1;

	if (!c)
		return fail(im, "missing \"conference\"");
	push_key(im, "conference");
	if (!json_is_object(c)) {
		ret = fail(im, "\"conference\" must be an object, not %s", json_kind(c));
		goto out;
	}
	if (req_string(im, c, "id", &conf->id) < 0 || req_string(im, c, "name", &conf->name) < 0 ||
	    req_string(im, c, "timezone", &conf->timezone) < 0 ||
	    opt_string(im, c, "url", &conf->url) < 0 || opt_string(im, c, "venue", &conf->venue) < 0)
		goto out;
	im->s->tz = tz_get(conf->timezone);
	if (!im->s->tz) {
		push_key(im, "timezone");
		fail(im, "unknown time zone \"%s\"", conf->timezone);
		pop(im);
		goto out;
	}
	ret = 0;
out:
	pop(im);
	return ret;
}

static int load_rooms(struct importer *im, const json_t *root)
{
	const json_t *rooms, *r;
	size_t i;
	int ret = 0;

	if (get_array(im, root, "rooms", &rooms) < 0)
		return -1;
	push_key(im, "rooms");
	json_array_foreach(rooms, i, r) {
		struct room *room;

		push_index(im, i);
		if (!json_is_object(r)) {
			ret = fail(im, "room %zu must be an object, not %s", i + 1, json_kind(r));
			break;
		}
		room = schedule_add_room(im->s);
		if (req_string(im, r, "id", &room->id) < 0 || req_string(im, r, "name", &room->name) < 0 ||
		    opt_string(im, r, "floor", &room->floor) < 0 ||
		    opt_string(im, r, "building", &room->building) < 0) {
			ret = -1;
			break;
		}
		if (schedule_find_room(im->s, room->id) != (long)im->s->nrooms - 1) {
			push_key(im, "id");
			ret = fail(im, "duplicate room id \"%s\"", room->id);
			pop(im);
			break;
		}
		pop(im);
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
	push_key(im, "room");
	if (json_is_string(v)) {
		long r = schedule_find_room(im->s, json_string_value(v));
		if (r < 0) {
			ret = fail(im, "unknown room \"%s\"", json_string_value(v));
		} else {
			se->rooms = xmalloc(sizeof(*se->rooms));
			se->rooms[se->nrooms++] = (size_t)r;
		}
	} else if (json_is_array(v)) {
		se->rooms = xmalloc((json_array_size(v) ? json_array_size(v) : 1) * sizeof(*se->rooms));
		json_array_foreach(v, i, e) {
			long r = json_is_string(e) ? schedule_find_room(im->s, json_string_value(e)) : -1;
			push_index(im, i);
			if (!json_is_string(e))
				ret = fail(im, "\"room\" must hold room ids, not %s", json_kind(e));
			else if (r < 0)
				ret = fail(im, "unknown room \"%s\"", json_string_value(e));
			pop(im);
			if (ret < 0)
				break;
			se->rooms[se->nrooms++] = (size_t)r;
		}
	} else {
		ret = fail(im, "\"room\" must be a room id, an array of room ids or null, not %s",
			   json_kind(v));
	}
	pop(im);
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
	push_key(im, key);
	if (!json_is_string(v)) {
		ret = fail(im, "\"%s\" must be an ISO 8601 date-time string, not %s", key, json_kind(v));
	} else if (iso8601_parse(json_string_value(v), &c, &has_off, &off) < 0) {
		ret = fail(im, "%s", error_message());
	} else if (has_off) {
		*out = civil_to_instant_offset(&c, off);
		*present = 1;
	} else if (tz_from_civil(im->s->tz, &c, out) < 0) {
		ret = fail(im, "%s", error_message());
	} else {
		*present = 1;
	}
	pop(im);
	return ret;
}

static int load_session(struct importer *im, const json_t *obj, struct session *se)
{
	const json_t *v;
	int has_start, has_end;

	if (req_string(im, obj, "id", &se->id) < 0)
		return -1;
	snprintf(im->whatbuf, sizeof(im->whatbuf), "session \"%.100s\"", se->id);
	im->what = im->whatbuf;
	if (req_string(im, obj, "title", &se->title) < 0 ||
	    opt_string(im, obj, "subtitle", &se->subtitle) < 0 ||
	    opt_string(im, obj, "abstract", &se->abstract) < 0 ||
	    opt_string(im, obj, "description", &se->description) < 0 ||
	    opt_strlist(im, obj, "speakers", &se->speakers) < 0 ||
	    opt_string(im, obj, "track", &se->track) < 0 ||
	    opt_strlist(im, obj, "tags", &se->tags) < 0 ||
	    opt_string(im, obj, "language", &se->language) < 0 ||
	    opt_string(im, obj, "url", &se->url) < 0)
		return -1;

	se->type = SESSION_TALK;
	v = json_object_get(obj, "type");
	if (v && !json_is_null(v)) {
		int t = json_is_string(v) ? session_type_parse(json_string_value(v)) : -1;
		if (t < 0) {
			int ret;
			push_key(im, "type");
			ret = json_is_string(v)
				? fail(im, "unknown type \"%s\" (known: talk, keynote, lightning, tutorial, "
				       "workshop, panel, break, social, other)", json_string_value(v))
				: fail(im, "\"type\" must be a string, not %s", json_kind(v));
			pop(im);
			return ret;
		}
		se->type = (enum session_type)t;
	}
	v = json_object_get(obj, "level");
	if (v && !json_is_null(v)) {
		int l = json_is_string(v) ? session_level_parse(json_string_value(v)) : -1;
		if (l < 0) {
			int ret;
			push_key(im, "level");
			ret = json_is_string(v)
				? fail(im, "unknown level \"%s\" (known: beginner, intermediate, advanced)",
				       json_string_value(v))
				: fail(im, "\"level\" must be a string or null, not %s", json_kind(v));
			pop(im);
			return ret;
		}
		se->level = (enum session_level)l;
	}
	if (session_rooms(im, obj, se) < 0)
		return -1;
	if (session_time(im, obj, "start", &se->start, &has_start) < 0 ||
	    session_time(im, obj, "end", &se->end, &has_end) < 0)
		return -1;
	if (has_start != has_end) {
		int ret;
		push_key(im, has_start ? "start" : "end");
		ret = fail(im, "has \"%s\" but no \"%s\"", has_start ? "start" : "end",
			   has_start ? "end" : "start");
		pop(im);
		return ret;
	}
	if (has_start && se->end <= se->start) {
		int ret;
		push_key(im, "end");
		ret = fail(im, se->end < se->start ? "end is before start" : "end equals start");
		pop(im);
		return ret;
	}
	se->has_time = has_start;
	im->what = NULL;
	return 0;
}

static int load_sessions(struct importer *im, const json_t *root)
{
	const json_t *sessions, *obj;
	size_t i;
	int ret = 0;

	if (get_array(im, root, "sessions", &sessions) < 0)
		return -1;
	push_key(im, "sessions");
	json_array_foreach(sessions, i, obj) {
		push_index(im, i);
		if (!json_is_object(obj)) {
			ret = fail(im, "session %zu must be an object, not %s", i + 1, json_kind(obj));
			break;
		}
		if (load_session(im, obj, schedule_add_session(im->s)) < 0) {
			ret = -1;
			break;
		}
		pop(im);
	}
	im->depth = 0;
	return ret;
}

static int import_native(struct importer *im, const json_t *root)
{
	const json_t *v = json_object_get(root, "planner_format");

	if (!json_is_integer(v) || json_integer_value(v) != 1) {
		push_key(im, "planner_format");
		return fail(im, "unsupported planner_format (this planner reads version 1)");
	}
	long dup;

	if (load_conference(im, root) < 0 || load_rooms(im, root) < 0 || load_sessions(im, root) < 0)
		return -1;
	/* Sessions are still in file order here, so the index is the array position. */
	dup = schedule_duplicate_session(im->s);
	if (dup >= 0) {
		push_key(im, "sessions");
		push_index(im, (size_t)dup);
		push_key(im, "id");
		return fail(im, "duplicate session id \"%s\"", im->s->sessions[dup].id);
	}
	return schedule_finish(im->s);
}

/* Lists the top-level keys of an object, for "unknown format" messages. */
static void describe_keys(const json_t *root, char *buf, size_t size)
{
	const char *key;
	const json_t *v;
	size_t n = 0, used = 0;

	buf[0] = '\0';
	json_object_foreach((json_t *)root, key, v) {
		int w;
		if (n++ == 8) {
			snprintf(buf + used, size - used, ", ...");
			break;
		}
		w = snprintf(buf + used, size - used, "%s\"%.40s\"", n > 1 ? ", " : "", key);
		if (w < 0 || (size_t)w >= size - used)
			break;
		used += (size_t)w;
	}
	(void)v;
}

int schedule_load_buffer(struct schedule *s, const char *buf, size_t len, const char *name,
			 const struct load_options *opt)
{
	struct importer im = { .buf = buf, .len = len, .name = name, .s = s };
	json_error_t jerr;
	json_t *root;
	int ret = -1;

	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
		buf += 3;
		len -= 3;
	}
	if (len > LOAD_MAX_BYTES)
		return error(EX_DATAERR, "%s: too large (%zu bytes; the limit is %u MiB)", name, len,
			     LOAD_MAX_BYTES >> 20);
	{
		size_t i = 0;
		while (i < len && strchr(" \t\r\n", buf[i]))
			i++;
		if (i == len)
			return error(EX_DATAERR, "%s: empty file, not a timetable", name);
	}
	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!root && json_error_code(&jerr) == json_error_null_character)
		return error(EX_DATAERR, "%s:%d:%d: a string holds a NUL character (\\u0000)", name,
			     jerr.line, jerr.column);
	if (!root)
		return error(EX_DATAERR, "%s:%d:%d: not valid JSON: %s", name, jerr.line, jerr.column,
			     jerr.text);
	s->source = xstrdup(name);
	if (opt && opt->format && strcmp(opt->format, "auto") && strcmp(opt->format, "native")) {
		error(EX_USAGE, "unknown format \"%s\" (known: native)", opt->format);
	} else if (json_is_object(root) && json_object_get(root, "planner_format")) {
		ret = import_native(&im, root);
	} else if (json_is_object(root)) {
		char keys[400];
		describe_keys(root, keys, sizeof(keys));
		error(EX_DATAERR, "%s: not a timetable planner knows: top-level keys are %s", name,
		      keys[0] ? keys : "(none)");
	} else {
		error(EX_DATAERR, "%s: not a timetable planner knows: the top level is %s", name,
		      json_kind(root));
	}
	json_decref(root);
	if (ret < 0)
		schedule_release(s);
	return ret;
}

int read_file(const char *path, size_t max, char **out, size_t *outlen)
{
	struct stat st;
	char *buf;
	size_t len = 0, alloc;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return error(errno == ENOENT ? EX_NOINPUT : EX_NOINPUT, "%s: %s", path, strerror(errno));
	if (fstat(fd, &st) < 0) {
		int e = errno;
		close(fd);
		return error(EX_IOERR, "%s: %s", path, strerror(e));
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		return error(EX_NOINPUT, "%s: is a directory, not a timetable file", path);
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
		close(fd);
		return error(EX_DATAERR, "%s: too large (%jd bytes; the limit is %zu MiB)", path,
			     (intmax_t)st.st_size, max >> 20);
	}
	alloc = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536;
	buf = xmalloc(alloc);
	for (;;) {
		ssize_t n;

		if (len + 1 >= alloc)
			buf = xgrow(buf, len + 65536, &alloc, 1);
		n = read(fd, buf + len, alloc - len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;
			free(buf);
			close(fd);
			return error(EX_IOERR, "%s: %s", path, strerror(e));
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len > max) {
			free(buf);
			close(fd);
			return error(EX_DATAERR, "%s: too large (over %zu MiB)", path, max >> 20);
		}
	}
	close(fd);
	buf[len] = '\0';
	*out = buf;
	*outlen = len;
	return 0;
}

int schedule_load_file(struct schedule *s, const char *path, const struct load_options *opt)
{
	char *buf;
	size_t len;
	int ret;

	if (read_file(path, LOAD_MAX_BYTES, &buf, &len) < 0)
		return -1;
	ret = schedule_load_buffer(s, buf, len, path, opt);
	free(buf);
	return ret;
}
