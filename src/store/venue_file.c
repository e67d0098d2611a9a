/* venue_file.c: the venue file (venue_file.h) — read with jansson, written atomically. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "fsutil.h"
#include "jsonw.h"
#include "load.h"
#include "plan.h"
#include "text.h"
#include "util.h"
#include "venue_file.h"

#define VENUE_MAX_BYTES (16u << 20)
/* entries a venue file may hold (rooms, walks): a timetable has at most 2000 rooms */
#define VENUE_MAX_ENTRIES 100000

char *venue_file_path(const char *conf_id)
{
	return xdg_data_file(conf_id, ".venue.json");
}

int venue_file_lock(const char *path)
{
	return lock_beside(path, "the venue file", PLAN_LOCK_SECONDS);
}

int venue_file_load(struct venue *v, const char *path)
{
	struct stat st;
	char *buf;
	size_t len;
	int ret;

	if (stat(path, &st) < 0)
		return 1;
	if (read_file(path, VENUE_MAX_BYTES, &buf, &len) < 0)
		return -1;
	ret = venue_file_parse(v, buf, len, path);
	free(buf);
	return ret;
}

static int bad(const char *path, const char *what)
{
	char *clean = text_sanitize(what);
	int ret = error(EX_DATAERR, "%s: damaged venue file: %s (mend or remove it; it is left as "
			"it is)", path, clean);

	free(clean);
	return ret;
}

/* A text value: NULL for a missing key or null; -1 for another type or an empty or control-
 * laden text. */
static int opt_text(const json_t *obj, const char *key, const char **out)
{
	const json_t *x = json_object_get(obj, key);

	*out = NULL;
	if (!x || json_is_null(x))
		return 0;
	if (!json_is_string(x) || !*json_string_value(x) ||
	    strlen(json_string_value(x)) != json_string_length(x))
		return -1;
	*out = json_string_value(x);
	return 0;
}

/* The two names of a walk ("rooms" or "buildings"): 1 found, 0 not this kind, -1 malformed. */
static int pair(const json_t *w, const char *key, const char **a, const char **b)
{
	const json_t *x = json_object_get(w, key);

	if (!x)
		return 0;
	if (!json_is_array(x) || json_array_size(x) != 2 || !json_is_string(json_array_get(x, 0)) ||
	    !json_is_string(json_array_get(x, 1)))
		return -1;
	*a = json_string_value(json_array_get(x, 0));
	*b = json_string_value(json_array_get(x, 1));
	if (!**a || !**b || strlen(*a) != json_string_length(json_array_get(x, 0)) ||
	    strlen(*b) != json_string_length(json_array_get(x, 1)))
		return -1;
	return 1;
}

int venue_file_parse(struct venue *v, const char *buf, size_t len, const char *path)
{
	json_error_t jerr;
	json_t *root, *list, *e;
	size_t i;
	char what[300];
	int ret = -1;

	venue_init(v);
	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!root) {
		snprintf(what, sizeof(what), "line %d column %d: %s", jerr.line, jerr.column, jerr.text);
		return bad(path, what);
	}
	e = json_object_get(root, "planner_venue");
	if (!json_is_object(root) || !json_is_integer(e) || json_integer_value(e) != 1) {
		bad(path, "not a planner venue file (version 1)");
		goto out;
	}
	if (json_is_string(json_object_get(root, "conference")))
		v->conference = xstrdup(json_string_value(json_object_get(root, "conference")));
	list = json_object_get(root, "rooms");
	if (list && !json_is_array(list)) {
		bad(path, "\"rooms\" is not a list");
		goto out;
	}
	if (json_array_size(list) > VENUE_MAX_ENTRIES || json_array_size(json_object_get(root, "walks")) >
	    VENUE_MAX_ENTRIES) {
		bad(path, "more than 100000 rooms or walks");
		goto out;
	}
	json_array_foreach(list, i, e) {
		const char *id, *name, *floor, *building;
		struct venue_room *r;

		if (!json_is_object(e) || opt_text(e, "id", &id) < 0 || opt_text(e, "name", &name) < 0 ||
		    opt_text(e, "floor", &floor) < 0 || opt_text(e, "building", &building) < 0 || !id) {
			snprintf(what, sizeof(what), "room %zu: expected an id, and texts or null for "
				 "name, floor and building", i + 1);
			bad(path, what);
			goto out;
		}
		r = venue_room(v, id, name, true);
		free(r->floor);
		free(r->building);
		r->floor = xstrdup(floor);
		r->building = xstrdup(building);
	}
	list = json_object_get(root, "walks");
	if (list && !json_is_array(list)) {
		bad(path, "\"walks\" is not a list");
		goto out;
	}
	json_array_foreach(list, i, e) {
		const char *a = NULL, *b = NULL;
		const json_t *m = json_object_get(e, "minutes");
		int rooms = json_is_object(e) ? pair(e, "rooms", &a, &b) : -1;
		int buildings = json_is_object(e) ? pair(e, "buildings", &a, &b) : -1;

		if (rooms < 0 || buildings < 0 || rooms + buildings != 1 || !json_is_integer(m) ||
		    json_integer_value(m) < 0 || json_integer_value(m) > VENUE_WALK_MAX) {
			snprintf(what, sizeof(what), "walk %zu: expected \"rooms\" or \"buildings\" (two "
				 "names) and \"minutes\" from 0 to %d", i + 1, VENUE_WALK_MAX);
			bad(path, what);
			goto out;
		}
		venue_set_walk(v, a, b, buildings == 1, (int)json_integer_value(m));
	}
	ret = 0;
out:
	json_decref(root);
	if (ret < 0)
		venue_release(v);
	return ret;
}

int venue_file_save(const struct venue *v, const char *path)
{
	char *buf = NULL;
	size_t len = 0;
	struct jsonw w;
	FILE *f = open_memstream(&buf, &len);
	int ret;

	if (!f)
		return error(EX_OSERR, "cannot write '%s': out of memory", path);
	jsonw_init(&w, f);
	jsonw_object_begin(&w);
	jsonw_key(&w, "planner_venue");
	jsonw_int(&w, 1);
	jsonw_key(&w, "conference");
	jsonw_string(&w, v->conference);
	jsonw_key(&w, "rooms");
	jsonw_array_begin(&w);
	for (size_t i = 0; i < v->nrooms; i++) {
		const struct venue_room *r = &v->rooms[i];
		jsonw_object_begin(&w);
		jsonw_key(&w, "id");
		jsonw_string(&w, r->id);
		jsonw_key(&w, "name");
		jsonw_string(&w, r->name);
		jsonw_key(&w, "floor");
		jsonw_string(&w, r->floor);
		jsonw_key(&w, "building");
		jsonw_string(&w, r->building);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_key(&w, "walks");
	jsonw_array_begin(&w);
	for (size_t i = 0; i < v->nwalks; i++) {
		const struct venue_walk *x = &v->walks[i];
		jsonw_object_begin(&w);
		jsonw_key(&w, x->buildings ? "buildings" : "rooms");
		jsonw_array_begin(&w);
		jsonw_string(&w, x->a);
		jsonw_string(&w, x->b);
		jsonw_array_end(&w);
		jsonw_key(&w, "minutes");
		jsonw_int(&w, x->minutes);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
	jsonw_finish(&w);
	if (fclose(f) != 0) {
		free(buf);
		return error(EX_OSERR, "cannot write '%s': out of memory", path);
	}
	ret = mkdir_parent(path);
	if (ret == 0)
		ret = write_file_atomic(path, buf, len);
	free(buf);
	return ret;
}
