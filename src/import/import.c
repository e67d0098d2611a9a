/* import.c: what the importers share — positions and errors, the JSON getters, rooms by name,
 * slugs, type/level/language words, times, and the end of every import (the conference zone,
 * instants, ids, the warnings).  See import.h. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hash.h"
#include "import.h"
#include "text.h"
#include "tz.h"
#include "util.h"

/* ---- name_index ---- */

/* FNV-1a from this basis: the ids it makes for sessions that have none (hash_id) are stored in
 * plans and calendars, so it never changes (test: import.sh, generated ids). */
static uint64_t hash_str(const char *s)
{
	return hash_fnv1a(1469598103934665603ULL, s, strlen(s));
}

void name_index_init(struct name_index *x)
{
	memset(x, 0, sizeof(*x));
}

void name_index_release(struct name_index *x)
{
	free(x->keys);
	free(x->vals);
	name_index_init(x);
}

long name_index_get(const struct name_index *x, const char *key)
{
	size_t i;

	if (!x->cap)
		return -1;
	for (i = hash_str(key) & (x->cap - 1); x->keys[i]; i = (i + 1) & (x->cap - 1))
		if (!strcmp(x->keys[i], key))
			return (long)x->vals[i];
	return -1;
}

static void index_insert(struct name_index *x, const char *key, size_t val)
{
	size_t i;

	for (i = hash_str(key) & (x->cap - 1); x->keys[i]; i = (i + 1) & (x->cap - 1))
		;
	x->keys[i] = key;
	x->vals[i] = val;
	x->n++;
}

size_t name_index_put(struct name_index *x, const char *key, size_t val)
{
	long have = name_index_get(x, key);

	if (have >= 0)
		return (size_t)have;
	if ((x->n + 1) * 2 > x->cap) {
		struct name_index old = *x;

		x->cap = old.cap ? old.cap * 2 : 16;
		x->keys = xcalloc(x->cap, sizeof(*x->keys));
		x->vals = xcalloc(x->cap, sizeof(*x->vals));
		x->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.keys[i])
				index_insert(x, old.keys[i], old.vals[i]);
		free(old.keys);
		free(old.vals);
	}
	index_insert(x, key, val);
	return val;
}

/* ---- The importer ---- */

void importer_init(struct importer *im, struct schedule *s, const char *buf, size_t len,
		   const char *name, const struct load_options *opt)
{
	memset(im, 0, sizeof(*im));
	im->buf = buf;
	im->len = len;
	im->name = name;
	im->s = s;
	im->opt = opt;
	name_index_init(&im->room_names);
	name_index_init(&im->room_ids);
	name_index_init(&im->room_suffix);
	strlist_init(&im->room_bases);
}

void importer_release(struct importer *im)
{
	name_index_release(&im->room_names);
	name_index_release(&im->room_ids);
	name_index_release(&im->room_suffix);
	strlist_release(&im->room_bases);
	free(im->room_next);
	im->room_next = NULL;
	if (im->ids) {
		for (size_t i = 0; i < im->s->nsessions; i++) {
			free(im->ids[i].primary);
			free(im->ids[i].secondary);
		}
	}
	free(im->ids);
	free(im->times);
	free(im->days);
	im->ids = NULL;
	im->times = NULL;
	im->days = NULL;
}

void import_position(const char *buf, size_t at, int *line, int *col)
{
	*line = *col = 1;
	for (size_t i = 0; i < at; i++) {
		if (buf[i] == '\n') {
			++*line;
			*col = 1;
		} else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
			++*col;
		}
	}
}

void im_push_key(struct importer *im, const char *key)
{
	if (im->depth < IMPORT_MAX_DEPTH) {
		im->path[im->depth].key = key;
		im->path[im->depth].index = 0;
	}
	im->depth++;
}

void im_push_index(struct importer *im, size_t i)
{
	if (im->depth < IMPORT_MAX_DEPTH) {
		im->path[im->depth].key = NULL;
		im->path[im->depth].index = i;
	}
	im->depth++;
}

void im_pop(struct importer *im)
{
	im->depth--;
}

static int vfail(struct importer *im, const char *fmt, va_list ap)
{
	char msg[512];
	int line, col;
	size_t depth = im->depth < IMPORT_MAX_DEPTH ? im->depth : IMPORT_MAX_DEPTH;

	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (im->line > 0) {
		line = im->line;
		col = im->col;
	} else {
		json_locate(im->buf, im->len, im->path, depth, &line, &col);
	}
	if (im->what_kind)
		return error(EX_DATAERR, "%s:%d:%d: %s \"%s\": %s", im->name, line, col, im->what_kind,
			     text_inert(im->what_id), msg);
	return error(EX_DATAERR, "%s:%d:%d: %s", im->name, line, col, msg);
}

int im_fail(struct importer *im, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vfail(im, fmt, ap);
	va_end(ap);
	return ret;
}

int im_fail_key(struct importer *im, const char *key, const char *fmt, ...)
{
	va_list ap;
	int ret;

	im_push_key(im, key);
	va_start(ap, fmt);
	ret = vfail(im, fmt, ap);
	va_end(ap);
	im_pop(im);
	return ret;
}

void im_set_what(struct importer *im, const char *kind, const char *id)
{
	/* Only remembered: the text is made on the error path. */
	im->what_kind = id ? kind : NULL;
	im->what_id = id;
}

const char *json_kind(const json_t *v)
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

/* ---- Typed getters ---- */

int im_req_string(struct importer *im, const json_t *obj, const char *key, char **out)
{
	const json_t *v = json_object_get(obj, key);

	if (!v)
		return im_fail(im, "missing \"%s\"", key);
	if (!json_is_string(v))
		return im_fail_key(im, key, "\"%s\" must be a string, not %s", key, json_kind(v));
	if (!json_string_length(v))
		return im_fail_key(im, key, "\"%s\" is empty", key);
	*out = xstrdup(json_string_value(v));
	return 0;
}

int im_opt_string(struct importer *im, const json_t *obj, const char *key, char **out)
{
	const json_t *v = json_object_get(obj, key);

	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return im_fail_key(im, key, "\"%s\" must be a string or null, not %s", key,
				   json_kind(v));
	if (json_string_length(v))
		*out = xstrdup(json_string_value(v));
	return 0;
}

int im_opt_strlist(struct importer *im, const json_t *obj, const char *key, struct strlist *out)
{
	const json_t *v = json_object_get(obj, key), *e;
	size_t i;

	if (!v || json_is_null(v))
		return 0;
	if (!json_is_array(v))
		return im_fail_key(im, key, "\"%s\" must be an array of strings, not %s", key,
				   json_kind(v));
	json_array_foreach(v, i, e) {
		if (!json_is_string(e)) {
			int ret;

			im_push_key(im, key);
			im_push_index(im, i);
			ret = im_fail(im, "\"%s\" must hold only strings, not %s", key, json_kind(e));
			im->depth -= 2;
			return ret;
		}
		if (json_string_length(e))
			strlist_push(out, json_string_value(e));
	}
	return 0;
}

static int get_kind(struct importer *im, const json_t *obj, const char *key, const json_t **out,
		    json_type type, bool required)
{
	const json_t *v = json_object_get(obj, key);
	const char *what = type == JSON_ARRAY ? "an array" : "an object";

	*out = NULL;
	if (!v || (!required && json_is_null(v))) {
		if (required)
			return im_fail(im, "missing \"%s\"", key);
		return 0;
	}
	if (json_typeof(v) != type)
		return im_fail_key(im, key, "\"%s\" must be %s%s, not %s", key, what,
				   required ? "" : " or null", json_kind(v));
	*out = v;
	return 0;
}

int im_req_array(struct importer *im, const json_t *obj, const char *key, const json_t **out)
{
	return get_kind(im, obj, key, out, JSON_ARRAY, true);
}

int im_req_object(struct importer *im, const json_t *obj, const char *key, const json_t **out)
{
	return get_kind(im, obj, key, out, JSON_OBJECT, true);
}

int im_opt_array(struct importer *im, const json_t *obj, const char *key, const json_t **out)
{
	return get_kind(im, obj, key, out, JSON_ARRAY, false);
}

int im_opt_object(struct importer *im, const json_t *obj, const char *key, const json_t **out)
{
	return get_kind(im, obj, key, out, JSON_OBJECT, false);
}

/* ---- Lenient getters ---- */

const char *im_text(const json_t *v)
{
	if (!v)
		return NULL;
	if (json_is_string(v))
		return json_string_length(v) ? json_string_value(v) : NULL;
	if (json_is_object(v)) {
		const json_t *e = json_object_get(v, "en");
		const char *k;

		if (json_is_string(e) && json_string_length(e))
			return json_string_value(e);
		json_object_foreach((json_t *)v, k, e)
			if (json_is_string(e) && json_string_length(e))
				return json_string_value(e);
	}
	return NULL;
}

/* A copy of s with line ends made "\n" ("\r\n" and a lone "\r" are common in feeds). */
static char *dup_lines(const char *s)
{
	const char *cr = strchr(s, '\r');
	char *out, *o;

	if (!cr)
		return xstrdup(s);
	out = xmalloc(strlen(s) + 1);
	memcpy(out, s, (size_t)(cr - s));
	o = out + (cr - s);
	for (s = cr; *s; s++) {
		if (*s == '\r') {
			*o++ = '\n';
			if (s[1] == '\n')
				s++;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return out;
}

char *im_text_dup(const json_t *v)
{
	const char *t;

	if (json_is_integer(v)) {
		char num[32];
		snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return xstrdup(num);
	}
	if (json_is_real(v))
		return xasprintf("%.17g", json_real_value(v));
	t = im_text(v);
	return t ? dup_lines(t) : NULL;
}

int im_opt_text(struct importer *im, const json_t *obj, const char *key, const char **out)
{
	const json_t *v = json_object_get(obj, key);

	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (json_is_array(v) || json_is_boolean(v))
		return im_fail_key(im, key, "\"%s\" must be text, not %s", key, json_kind(v));
	*out = im_text(v);
	return 0;
}

int im_opt_text_dup(struct importer *im, const json_t *obj, const char *key, char **out)
{
	const json_t *v = json_object_get(obj, key);

	if (!v || json_is_null(v))
		return 0;
	if (json_is_array(v) || json_is_boolean(v))
		return im_fail_key(im, key, "\"%s\" must be text, not %s", key, json_kind(v));
	*out = im_text_dup(v);
	return 0;
}

int import_people(struct importer *im, const json_t *obj, const char *key,
		  const char *const *name_keys, const char *skip_role, struct strlist *out)
{
	const json_t *arr, *p;
	size_t i;

	if (im_opt_array(im, obj, key, &arr) < 0)
		return -1;
	if (!arr)
		return 0;
	json_array_foreach(arr, i, p) {
		const char *name = NULL;

		if (json_is_object(p)) {
			const char *role = im_text(json_object_get(p, "role"));

			if (skip_role && role && !strcasecmp(role, skip_role))
				continue;
			for (size_t k = 0; name_keys[k] && !name; k++)
				name = im_text(json_object_get(p, name_keys[k]));
		} else {
			name = im_text(p);
		}
		if (name)
			strlist_push(out, name);
	}
	return 0;
}

int import_links(struct importer *im, const json_t *obj, const char *key, struct session *se)
{
	const json_t *arr, *l;
	size_t i;

	if (im_opt_array(im, obj, key, &arr) < 0)
		return -1;
	if (!arr)
		return 0;
	json_array_foreach(arr, i, l)
		if (json_is_object(l))
			session_add_link(se, im_text(json_object_get(l, "title")),
					 im_text(json_object_get(l, "url")));
	return 0;
}

/* ---- The model ---- */

int import_check_sessions(struct importer *im, size_t n)
{
	if (n > LOAD_MAX_SESSIONS)
		return error(EX_DATAERR, "%s: %zu sessions; planner reads at most %u", im->name, n,
			     LOAD_MAX_SESSIONS);
	return 0;
}

long import_add_session(struct importer *im)
{
	struct schedule *s = im->s;
	size_t i;

	if (s->nsessions >= LOAD_MAX_SESSIONS)
		return error(EX_DATAERR, "%s: more than %u sessions; planner reads at most %u",
			     im->name, LOAD_MAX_SESSIONS, LOAD_MAX_SESSIONS);
	schedule_add_session(s);
	i = s->nsessions - 1;
	if (s->nsessions > im->per_alloc_t) {
		size_t old = im->per_alloc_t;

		im->times = xgrow(im->times, s->nsessions, &im->per_alloc_t, sizeof(*im->times));
		im->ids = xrealloc(im->ids, im->per_alloc_t * sizeof(*im->ids));
		memset(im->times + old, 0, (im->per_alloc_t - old) * sizeof(*im->times));
		memset(im->ids + old, 0, (im->per_alloc_t - old) * sizeof(*im->ids));
	}
	s->sessions[i].type = SESSION_TALK;
	return (long)i;
}

char *import_slug(const char *s, bool ascii_only)
{
	struct strbuf sb;
	bool dash = false;

	strbuf_init(&sb);
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		if (sb.len >= 60)
			break;
		if (isalnum(*p) || (*p >= 0x80 && !ascii_only)) {
			if (dash && sb.len)
				strbuf_addc(&sb, '-');
			dash = false;
			if (*p >= 0x80) {
				/* the whole UTF-8 sequence, or none of it */
				size_t n = 1;
				while (p[n] && (p[n] & 0xC0) == 0x80)
					n++;
				if (sb.len + n > 60)
					break;
				strbuf_add(&sb, p, n);
				p += n - 1;
			} else {
				strbuf_addc(&sb, (char)tolower(*p));
			}
		} else {
			dash = true;
		}
	}
	return strbuf_detach(&sb);
}

/* A room id not taken yet, made from `want` (or "room"): want, want-2, want-3, ...  The next
 * suffix to try is remembered for each wanted id, so that many rooms wanting one id do not
 * try every taken suffix again. */
static char *unique_room_id(struct importer *im, const char *want)
{
	const char *base = *want ? want : "room";
	long k;
	char *id;
	int n;

	if (name_index_get(&im->room_ids, base) < 0)
		return xstrdup(base);
	k = name_index_get(&im->room_suffix, base);
	if (k < 0) {
		strlist_push(&im->room_bases, base);
		k = (long)im->room_bases.n - 1;
		/* the strings do not move when the list grows: they key the index */
		name_index_put(&im->room_suffix, im->room_bases.v[k], (size_t)k);
		im->room_next = xrealloc(im->room_next, ((size_t)k + 1) * sizeof(*im->room_next));
		im->room_next[k] = 2;
	}
	for (n = im->room_next[k];; n++) {
		id = xasprintf("%s-%d", base, n);
		if (name_index_get(&im->room_ids, id) < 0)
			break;
		free(id);
	}
	im->room_next[k] = n + 1;
	return id;
}

size_t import_room_with_id(struct importer *im, const char *name, const char *id)
{
	long have = name_index_get(&im->room_names, name);
	struct room *r;
	size_t i;

	if (have >= 0)
		return (size_t)have;
	if (im->s->nrooms >= LOAD_MAX_ROOMS) {
		im->too_many_rooms = true;
		return im->s->nrooms - 1;
	}
	r = schedule_add_room(im->s);
	i = im->s->nrooms - 1;
	r->name = xstrdup(name);
	if (id && *id) {
		r->id = unique_room_id(im, id);
	} else {
		char *slug = import_slug(name, false);
		r->id = unique_room_id(im, slug);
		free(slug);
	}
	/* The keys are the rooms' own strings, which do not move when the array grows. */
	name_index_put(&im->room_names, r->name, i);
	name_index_put(&im->room_ids, r->id, i);
	return i;
}

size_t import_room(struct importer *im, const char *name)
{
	return import_room_with_id(im, name, NULL);
}

void import_session_room(struct importer *im, size_t i, size_t r)
{
	struct session *se = &im->s->sessions[i];

	for (size_t k = 0; k < se->nrooms; k++)
		if (se->rooms[k] == r)
			return;
	se->rooms = xrealloc(se->rooms, (se->nrooms + 1) * sizeof(*se->rooms));
	se->rooms[se->nrooms++] = r;
}

/* The input's file name without directories and extension ("schedule" for
 * "https://x/y/schedule.json?a=1"); caller frees. */
static char *base_name(const char *name)
{
	const char *b = name ? name : "", *slash, *end;

	end = b + strcspn(b, "?#");
	while (end > b && end[-1] == '/')
		end--;
	for (slash = b; slash < end; slash++)
		if (*slash == '/')
			b = slash + 1;
	for (const char *dot = end; dot > b; dot--)
		if (*dot == '.') {
			end = dot;
			break;
		}
	return xstrndup(b, (size_t)(end - b));
}

void import_conference(struct importer *im, const char *acronym, const char *title,
		       const char *url)
{
	struct conference *c = &im->s->conf;
	const char *hint = im->opt ? im->opt->name : NULL;
	char *file = base_name(im->name);
	const char *cands[] = { acronym, hint, title, file };

	for (size_t i = 0; i < sizeof(cands) / sizeof(cands[0]) && !c->id; i++) {
		char *slug = cands[i] ? import_slug(cands[i], true) : NULL;
		if (slug && *slug)
			c->id = slug;
		else
			free(slug);
	}
	if (!c->id)
		c->id = xstrdup("conference");
	c->name = xstrdup(title && *title ? title : hint && *hint ? hint : *file ? file : c->id);
	if (url && *url)
		c->url = xstrdup(url);
	free(file);
}

/* Case-insensitive ASCII substring search. */
static bool has_word(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return true;
	return false;
}

enum session_type import_type(struct importer *im, const char *word, enum session_type dflt)
{
	static const struct { const char *key; enum session_type t; } keys[] = {
		{ "keynote", SESSION_KEYNOTE }, { "lightning", SESSION_LIGHTNING },
		{ "workshop", SESSION_WORKSHOP }, { "hands-on", SESSION_WORKSHOP },
		{ "tutorial", SESSION_TUTORIAL }, { "panel", SESSION_PANEL },
		{ "discussion", SESSION_PANEL }, { "break", SESSION_BREAK },
		{ "lunch", SESSION_BREAK }, { "coffee", SESSION_BREAK }, { "dinner", SESSION_BREAK },
		{ "party", SESSION_SOCIAL }, { "social", SESSION_SOCIAL }, { "meetup", SESSION_SOCIAL },
		{ "concert", SESSION_SOCIAL }, { "talk", SESSION_TALK }, { "lecture", SESSION_TALK },
		{ "presentation", SESSION_TALK }, { "session", SESSION_TALK },
		{ "vortrag", SESSION_TALK }, { "발표", SESSION_TALK }, { "키노트", SESSION_KEYNOTE },
	};
	enum session_type t = SESSION_OTHER;
	int exact;

	if (!word || !*word)
		return dflt;
	/* Feeds repeat a handful of words: remember the last few. */
	for (size_t k = 0; im && k < sizeof(im->type_word) / sizeof(im->type_word[0]); k++)
		if (!strcmp(im->type_word[k], word))
			return im->type_of[k];
	exact = session_type_parse(word);
	if (exact >= 0) {
		t = (enum session_type)exact;
	} else {
		for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			if (has_word(word, keys[i].key)) {
				t = keys[i].t;
				break;
			}
	}
	if (im && strlen(word) < sizeof(im->type_word[0])) {
		unsigned k = im->type_next++ % (sizeof(im->type_word) / sizeof(im->type_word[0]));

		strcpy(im->type_word[k], word);
		im->type_of[k] = t;
	}
	return t;
}

enum session_level import_level(const char *word)
{
	static const struct { const char *key; enum session_level l; } keys[] = {
		{ "intermed", LEVEL_INTERMEDIATE }, { "begin", LEVEL_BEGINNER },
		{ "intro", LEVEL_BEGINNER }, { "basic", LEVEL_BEGINNER }, { "novice", LEVEL_BEGINNER },
		{ "advanced", LEVEL_ADVANCED }, { "expert", LEVEL_ADVANCED },
		{ "초급", LEVEL_BEGINNER }, { "중급", LEVEL_INTERMEDIATE }, { "고급", LEVEL_ADVANCED },
	};
	int exact;

	if (!word || !*word)
		return LEVEL_NONE;
	exact = session_level_parse(word);
	if (exact >= 0)
		return (enum session_level)exact;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (has_word(word, keys[i].key))
			return keys[i].l;
	return LEVEL_NONE;
}

const char *import_language(const char *word)
{
	static const struct { const char *name, *code; } langs[] = {
		{ "english", "en" }, { "korean", "ko" }, { "한국어", "ko" }, { "japanese", "ja" },
		{ "日本語", "ja" }, { "chinese", "zh" }, { "中文", "zh" }, { "german", "de" },
		{ "deutsch", "de" }, { "french", "fr" }, { "français", "fr" }, { "spanish", "es" },
		{ "español", "es" }, { "italian", "it" }, { "italiano", "it" },
		{ "portuguese", "pt" }, { "português", "pt" }, { "russian", "ru" }, { "arabic", "ar" },
		{ "dutch", "nl" }, { "polish", "pl" }, { "swedish", "sv" }, { "czech", "cs" },
		{ "croatian", "hr" }, { "turkish", "tr" }, { "ukrainian", "uk" }, { "영어", "en" },
	};

	if (!word)
		return NULL;
	for (size_t i = 0; i < sizeof(langs) / sizeof(langs[0]); i++)
		if (!strcasecmp(word, langs[i].name))
			return langs[i].code;
	return word;
}

/* ---- Times ---- */

int import_point(const char *text, struct point *p)
{
	bool has_off;
	int off;

	if (iso8601_parse(text, &p->c, &has_off, &off) < 0)
		return -1;
	p->kind = has_off ? POINT_OFFSET : POINT_FLOATING;
	p->offset = off;
	p->zone = NULL;
	p->derived = false;
	return 0;
}

/* Reads a run of digits as a number (at most 9 digits); false if none. */
static bool number(const char **p, long *v)
{
	long x = 0;
	int n = 0;

	while (isdigit((unsigned char)**p)) {
		if (++n > 9)
			return false;
		x = x * 10 + (**p - '0');
		(*p)++;
	}
	*v = x;
	return n > 0;
}

int import_duration(const char *text, int64_t *seconds)
{
	const char *p = text ? text : "";
	long part[4];
	int n = 0;
	int64_t total = 0;

	if (*p == 'P' || *p == 'p') {
		/* ISO 8601: PnDTnHnMnS (and PnW) */
		bool in_time = false, any = false;

		p++;
		while (*p) {
			long v;
			if ((*p == 'T' || *p == 't') && !in_time) {
				in_time = true;
				p++;
				continue;
			}
			if (!number(&p, &v))
				goto bad;
			switch (*p) {
			case 'W': case 'w': if (in_time) goto bad; total += (int64_t)v * 604800; break;
			case 'D': case 'd': if (in_time) goto bad; total += (int64_t)v * 86400; break;
			case 'H': case 'h': if (!in_time) goto bad; total += (int64_t)v * 3600; break;
			case 'M': case 'm': if (!in_time) goto bad; total += (int64_t)v * 60; break;
			case 'S': case 's': if (!in_time) goto bad; total += v; break;
			default: goto bad;
			}
			any = true;
			p++;
		}
		if (!any)
			goto bad;
	} else {
		/* [D:]H:MM[:SS]: the first field is unbounded, the others below 60 (hours below 24
		 * after a day field). */
		for (;;) {
			if (n == 4 || !number(&p, &part[n]))
				goto bad;
			n++;
			if (!*p)
				break;
			if (*p++ != ':')
				goto bad;
		}
		if (n < 2)
			goto bad;
		for (int i = 1; i < n; i++)
			if (part[i] > 59 || (i == 1 && n == 4 && part[i] > 23))
				goto bad;
		if (n == 2)
			total = (int64_t)part[0] * 3600 + part[1] * 60;
		else if (n == 3)
			total = (int64_t)part[0] * 3600 + part[1] * 60 + part[2];
		else
			total = (int64_t)part[0] * 86400 + part[1] * 3600 + part[2] * 60 + part[3];
	}
	*seconds = total;	/* 0: an instant (frab's "00:00"), a session all the same */
	return 0;
bad:
	return error(EX_DATAERR, "bad duration \"%s\"", text_inert(text));
}

/* True if an ISO 8601 text carries a time of day after the date. */
static bool has_clock(const char *text)
{
	return strlen(text) > 10;
}

/* A `date` in UTC beside a `start` that is the local clock time (wafer writes them so): the
 * same instant, at the offset their difference makes (a whole quarter of an hour between -12:00
 * and +14:00, else nothing changes), so that the zone can be found from it.  The offset is not
 * the feed's text, and does not contradict a zone the feed names. */
static void local_offset(struct point *p, const char *start)
{
	int h, m, n = 0, diff;
	int64_t at;

	if (!start || p->kind != POINT_OFFSET || p->offset ||
	    sscanf(start, "%2d:%2d%n", &h, &m, &n) != 2 || n != 5 || start[5] || h > 23 || m > 59)
		return;
	diff = (h * 60 + m) - (p->c.hour * 60 + p->c.minute);
	if (diff > 14 * 60)
		diff -= 24 * 60;
	else if (diff < -12 * 60)
		diff += 24 * 60;
	if (!diff || diff % 15 || diff > 14 * 60 || diff < -12 * 60)
		return;
	at = civil_to_instant_offset(&p->c, 0);
	p->offset = diff * 60;
	p->derived = true;
	instant_to_civil_offset(at, p->offset, &p->c);
}

void import_frab_time(struct importer *im, size_t i, const char *date, const char *start,
		      const char *day_date, const char *duration)
{
	struct import_time *t = &im->times[i];
	char buf[160];

	if (date && has_clock(date)) {
		if (import_point(date, &t->start) < 0)
			goto bad;
		local_offset(&t->start, start);
	} else {
		const char *d = date ? date : day_date;

		if (!d || !start) {
			import_bad_time(im, i, !d ? "no \"date\"" : "no \"start\"");
			return;
		}
		snprintf(buf, sizeof(buf), "%.10sT%.40s", d, start);
		if (import_point(buf, &t->start) < 0)
			goto bad;
	}
	if (!duration) {
		import_bad_time(im, i, "no \"duration\"");
		return;
	}
	if (import_duration(duration, &t->seconds) < 0)
		goto bad;
	t->set = true;
	return;
bad:
	import_bad_time(im, i, error_message());
}

void import_bad_time(struct importer *im, size_t i, const char *why)
{
	struct session *se = &im->s->sessions[i];

	im->times[i].set = false;
	if (!im->bad_times++)
		snprintf(im->bad_first, sizeof(im->bad_first), "\"%s\": %s",
			 text_inert(se->title ? se->title : se->id ? se->id : "?"), why);
}

static void bad_day(struct importer *im, const char *date, const char *why)
{
	if (!im->bad_days++)
		snprintf(im->bad_day_first, sizeof(im->bad_day_first), "day \"%s\": %s",
			 text_inert(date ? date : "?"), why);
}

void import_feed_day(struct importer *im, const char *date, const char *start, const char *end)
{
	struct import_day d;

	if (!start || !end)
		return;
	memset(&d, 0, sizeof(d));
	if (import_point(start, &d.start) < 0 || import_point(end, &d.end) < 0) {
		bad_day(im, date ? date : start, error_message());
		error_clear();
		return;
	}
	if (date) {
		struct civil c;
		bool has_offset;
		int offset;

		if (strlen(date) != 10 || iso8601_parse(date, &c, &has_offset, &offset) < 0) {
			error_clear();
			bad_day(im, date, "not a date");
			return;
		}
		d.year = c.year;
		d.month = c.month;
		d.day = c.day;
	} else {
		d.year = d.start.c.year;
		d.month = d.start.c.month;
		d.day = d.start.c.day;
	}
	im->days = xgrow(im->days, im->ndays + 1, &im->days_alloc, sizeof(*im->days));
	im->days[im->ndays++] = d;
}

static int64_t point_instant(const struct point *p, const struct tz *conf, bool *ok)
{
	int64_t t = 0;

	*ok = true;
	switch (p->kind) {
	case POINT_OFFSET:
		return civil_to_instant_offset(&p->c, p->offset);
	case POINT_ZONE:
		*ok = tz_from_civil(p->zone, &p->c, &t) == 0;
		return t;
	case POINT_FLOATING:
		*ok = tz_from_civil(conf, &p->c, &t) == 0;
		return t;
	}
	return t;
}

/* The non-zero offsets the feed wrote (a zero offset is often just UTC written out, and says
 * nothing about the local time): how many, the first, and a second different one if any. */
struct offsets {
	size_t nonzero;
	int first, other;
	bool mixed;
};

static void collect_offsets(const struct importer *im, struct offsets *o)
{
	memset(o, 0, sizeof(*o));
	for (size_t i = 0; i < im->s->nsessions; i++) {
		const struct import_time *t = &im->times[i];
		const struct point *pts[2] = { &t->start, t->has_end ? &t->end : NULL };

		if (!t->set)
			continue;
		for (int k = 0; k < 2; k++) {
			const struct point *p = pts[k];
			if (!p || p->kind != POINT_OFFSET || !p->offset)
				continue;
			if (!o->nonzero++) {
				o->first = p->offset;
			} else if (p->offset != o->first && !o->mixed) {
				o->mixed = true;
				o->other = p->offset;
			}
		}
	}
}

/* True if zone z does not have, at its instant, a non-zero offset the feed wrote; *bad_off
 * gets the first such offset.  Sessions share a few start times (every room starts at 10:00),
 * so each (instant, offset) pair is asked once: a small open-addressing set remembers them. */
static bool zone_contradicted(const struct importer *im, const struct tz *z, int *bad_off)
{
	size_t cap = 64, used = 0;
	int64_t *seen = xcalloc(cap, sizeof(*seen));	/* instant * 2^18 + offset + 1 day; never 0 */
	bool bad = false;

	for (size_t i = 0; i < im->s->nsessions && !bad; i++) {
		const struct import_time *t = &im->times[i];
		const struct point *pts[2] = { &t->start, t->has_end ? &t->end : NULL };

		if (!t->set)
			continue;
		for (int k = 0; k < 2 && !bad; k++) {
			const struct point *p = pts[k];
			int64_t at, key;
			size_t h;

			if (!p || p->kind != POINT_OFFSET || !p->offset || p->derived)
				continue;
			at = civil_to_instant_offset(&p->c, p->offset);
			/* offsets are under a day: offset + 86400 is 1..172799, 18 bits */
			key = (int64_t)(((uint64_t)at << 18) | (uint64_t)(p->offset + 86400));
			for (h = (size_t)((uint64_t)key * 0x9E3779B97F4A7C15ULL >> 40) & (cap - 1);
			     seen[h] && seen[h] != key; h = (h + 1) & (cap - 1))
				;
			if (seen[h])
				continue;
			if (tz_offset_at(z, at) != p->offset) {
				*bad_off = p->offset;
				bad = true;
				break;
			}
			seen[h] = key;
			if (++used * 2 > cap) {
				int64_t *old = seen;
				size_t ocap = cap;

				cap *= 2;
				seen = xcalloc(cap, sizeof(*seen));
				for (size_t j = 0; j < ocap; j++) {
					if (!old[j])
						continue;
					for (h = (size_t)((uint64_t)old[j] * 0x9E3779B97F4A7C15ULL >> 40) &
						 (cap - 1);
					     seen[h]; h = (h + 1) & (cap - 1))
						;
					seen[h] = old[j];
				}
				free(old);
			}
		}
	}
	free(seen);
	return bad;
}

static bool any_time(const struct importer *im)
{
	for (size_t i = 0; i < im->s->nsessions; i++)
		if (im->times[i].set)
			return true;
	return false;
}

/* A zone with the fixed offset `off`, if the zone database has one ("Etc/GMT-9" is +09:00). */
static const struct tz *fixed_zone(int off, char *name, size_t size)
{
	const struct tz *z;

	if (off % 3600 || off < -12 * 3600 || off > 14 * 3600)
		return NULL;
	if (!off)
		snprintf(name, size, "UTC");
	else
		snprintf(name, size, "Etc/GMT%+d", -off / 3600);
	z = tz_get(name);
	if (!z)
		error_clear();
	return z;
}

static int decide_zone(struct importer *im, const char *declared, const char *zone_note)
{
	static const char hint[] = " (planner fetch --tz ZONE names the zone)";
	struct schedule *s = im->s;
	const char *opt_tz = im->opt && im->opt->timezone && *im->opt->timezone ? im->opt->timezone
									       : NULL;
	const struct tz *z = NULL, *optz = NULL;
	struct offsets o;
	char why[200], zname[32], ob[16], ob2[16];
	bool contradicted = false;
	int bad;

	snprintf(why, sizeof(why), "%s", zone_note ? zone_note : "the feed names no time zone");
	if (opt_tz) {
		optz = tz_get(opt_tz);
		if (!optz)
			return error_prefix_status(EX_USAGE, "%s: time zone option", im->name);
	}
	collect_offsets(im, &o);
	if (declared && *declared) {
		const struct tz *dz = tz_get(declared);

		if (!dz) {
			error_clear();
			snprintf(why, sizeof(why), "the feed's time zone \"%s\" is unknown",
				 text_inert(declared));
		} else if (zone_contradicted(im, dz, &bad)) {
			/* The offsets win: said once, with the zone that replaces it. */
			snprintf(why, sizeof(why), "the feed says time zone \"%s\" but its times are at "
				 "%s; the offsets win", text_inert(declared),
				 tz_format_offset(bad, ob, sizeof(ob)));
			contradicted = true;
		} else {
			z = dz;
		}
	}
	if (!z && optz) {
		z = optz;
		if (declared && *declared)
			warning("%s: %s, times shown in %s", im->name, why, tz_name(z));
	} else if (!z) {
		if (o.nonzero && !o.mixed && (z = fixed_zone(o.first, zname, sizeof(zname)))) {
			if (contradicted)
				warning("%s: %s, times shown as %s%s", im->name, why, zname, hint);
			else
				warning("%s: %s; its times are at %s, shown as %s%s", im->name, why,
					tz_format_offset(o.first, ob, sizeof(ob)), zname, hint);
		} else {
			z = tz_get("UTC");
			if (contradicted)
				warning("%s: %s, times shown in UTC%s", im->name, why, hint);
			else if (o.mixed)
				warning("%s: %s; its times are at %s and %s, shown in UTC%s", im->name, why,
					tz_format_offset(o.first, ob, sizeof(ob)),
					tz_format_offset(o.other, ob2, sizeof(ob2)), hint);
			else if (o.nonzero)
				warning("%s: %s; its times are at %s, which no fixed zone has, shown in "
					"UTC%s", im->name, why, tz_format_offset(o.first, ob, sizeof(ob)), hint);
			else if ((declared && *declared) || any_time(im))
				warning("%s: %s; UTC assumed%s", im->name, why, hint);
		}
	}
	if (!z)
		return error(EX_SOFTWARE, "%s: no time zone", im->name);
	s->tz = z;
	free(s->conf.timezone);
	s->conf.timezone = xstrdup(tz_name(z));
	return 0;
}

static void resolve_times(struct importer *im)
{
	for (size_t i = 0; i < im->s->nsessions; i++) {
		struct import_time *t = &im->times[i];
		struct session *se = &im->s->sessions[i];
		bool ok1, ok2 = true;

		if (!t->set)
			continue;
		se->start = point_instant(&t->start, im->s->tz, &ok1);
		se->end = t->has_end ? point_instant(&t->end, im->s->tz, &ok2) : se->start + t->seconds;
		if (!ok1 || !ok2 || se->start < LOAD_MIN_INSTANT || se->end > LOAD_MAX_INSTANT) {
			import_bad_time(im, i, "date out of range");
		} else if (se->end < se->start) {
			/* end == start is an event that takes no time (RFC 5545 3.6.1) */
			import_bad_time(im, i, "end is before start");
		} else if (se->end - se->start > LOAD_MAX_SESSION_DAYS * 86400) {
			char why[64];
			snprintf(why, sizeof(why), "it lasts more than %d days", LOAD_MAX_SESSION_DAYS);
			import_bad_time(im, i, why);
		} else {
			se->has_time = true;
			continue;
		}
		se->start = se->end = 0;
	}
}

/* The declared days as instants, for schedule_finish; one warning for those not readable. */
static void resolve_days(struct importer *im)
{
	for (size_t i = 0; i < im->ndays; i++) {
		const struct import_day *d = &im->days[i];
		bool ok1, ok2;
		int64_t a = point_instant(&d->start, im->s->tz, &ok1);
		int64_t b = point_instant(&d->end, im->s->tz, &ok2);

		if (!ok1 || !ok2 || a < LOAD_MIN_INSTANT || b > LOAD_MAX_INSTANT) {
			char date[16];

			snprintf(date, sizeof(date), "%04d-%02d-%02d", d->year, d->month, d->day);
			bad_day(im, date, "date out of range");
			continue;
		}
		schedule_add_feed_day(im->s, d->year, d->month, d->day, a, b);
	}
	if (im->bad_days)
		warning("%s: %zu of the days the feed declares %s unreadable and ignored (first: %s)",
			im->name, im->bad_days, im->bad_days == 1 ? "is" : "are", im->bad_day_first);
}

/* ---- Ids ---- */

struct id_ref {
	const char *id;
	size_t i;
};

static int cmp_ref(const void *pa, const void *pb)
{
	const struct id_ref *a = pa, *b = pb;
	int c = strcmp(a->id, b->id);

	return c ? c : (a->i < b->i ? -1 : a->i > b->i);
}

/* Marks in bad[] every ref whose id occurs more than once (refs sorted by id). */
static void mark_dups(const struct id_ref *v, size_t n, bool *bad)
{
	for (size_t k = 1; k < n; k++)
		if (!strcmp(v[k].id, v[k - 1].id))
			bad[v[k].i] = bad[v[k - 1].i] = true;
}

static char *hash_id(const struct importer *im, size_t i)
{
	const struct session *se = &im->s->sessions[i];
	uint64_t h = hash_str(se->title ? se->title : "");
	char buf[32];

	if (se->has_time) {
		snprintf(buf, sizeof(buf), "|%lld|%lld", (long long)se->start, (long long)se->end);
		h ^= hash_str(buf) * 31;
	}
	for (size_t k = 0; k < se->nrooms; k++)
		h = (h ^ hash_str(im->s->rooms[se->rooms[k]].name)) * 1099511628211ULL;
	return xasprintf("x%012llx", (unsigned long long)(h & 0xFFFFFFFFFFFFULL));
}

/* True if s is ASCII, which NFC leaves as it is. */
static bool ascii(const char *s)
{
	while (*s && !((unsigned char)*s & 0x80))
		s++;
	return !*s;
}

static void assign_ids(struct importer *im)
{
	struct schedule *s = im->s;
	size_t n = s->nsessions, nv, fell_back = 0;
	struct id_ref *v = xmalloc((n ? n : 1) * sizeof(*v));
	bool *bad = xcalloc(n ? n : 1, sizeof(*bad));
	bool *use2 = xcalloc(n ? n : 1, sizeof(*use2));

	/* ids are compared as they will be kept: in NFC (schedule_normalize_ids) */
	for (size_t i = 0; i < n; i++) {
		char **c[2] = { &im->ids[i].primary, &im->ids[i].secondary };

		for (int k = 0; k < 2; k++)
			if (*c[k] && !ascii(*c[k])) {
				char *nfc = text_nfc(*c[k]);

				free(*c[k]);
				*c[k] = nfc;
			}
	}
	/* 1. primaries that are there and unique */
	nv = 0;
	for (size_t i = 0; i < n; i++) {
		if (im->ids[i].primary && *im->ids[i].primary)
			v[nv++] = (struct id_ref){ im->ids[i].primary, i };
		else
			bad[i] = true;
	}
	qsort(v, nv, sizeof(*v), cmp_ref);
	mark_dups(v, nv, bad);
	if (nv == n && !memchr(bad, true, n)) {
		/* the usual case: every primary is there and unique */
		for (size_t i = 0; i < n; i++) {
			free(s->sessions[i].id);
			s->sessions[i].id = im->ids[i].primary;
			im->ids[i].primary = NULL;
		}
		goto out;
	}
	/* 2. for the others, secondaries unique among all the ids chosen so far */
	nv = 0;
	for (size_t i = 0; i < n; i++) {
		if (!bad[i]) {
			v[nv++] = (struct id_ref){ im->ids[i].primary, i };
		} else if (im->ids[i].secondary && *im->ids[i].secondary) {
			use2[i] = true;
			v[nv++] = (struct id_ref){ im->ids[i].secondary, i };
		}
	}
	qsort(v, nv, sizeof(*v), cmp_ref);
	for (size_t k = 1; k < nv; k++)
		if (!strcmp(v[k].id, v[k - 1].id)) {
			/* a clash: secondaries give way, primaries stay */
			if (use2[v[k].i])
				use2[v[k].i] = false;
			if (use2[v[k - 1].i])
				use2[v[k - 1].i] = false;
		}
	for (size_t i = 0; i < n; i++) {
		struct session *se = &s->sessions[i];

		free(se->id);
		if (!bad[i]) {
			se->id = im->ids[i].primary;
			im->ids[i].primary = NULL;
			continue;
		}
		fell_back++;
		if (use2[i]) {
			se->id = im->ids[i].secondary;
			im->ids[i].secondary = NULL;
		} else {
			se->id = hash_id(im, i);
		}
	}
	/* 3. whatever still clashes (identical sessions, or a hash equal to a feed id): -2, -3 */
	for (int round = 0; round < 8; round++) {
		char **renamed = xcalloc(n ? n : 1, sizeof(*renamed));
		bool again = false;

		for (size_t i = 0; i < n; i++)
			v[i] = (struct id_ref){ s->sessions[i].id, i };
		qsort(v, n, sizeof(*v), cmp_ref);
		for (size_t k = 1, run = 1; k < n; k++) {
			if (strcmp(v[k].id, v[k - 1].id)) {
				run = 1;
				continue;
			}
			renamed[v[k].i] = xasprintf("%s-%zu", v[k].id, ++run);
			again = true;
		}
		for (size_t i = 0; i < n; i++)
			if (renamed[i]) {
				free(s->sessions[i].id);
				s->sessions[i].id = renamed[i];
			}
		free(renamed);
		if (!again)
			break;
	}
	if (fell_back && im->id_primary) {
		if (im->id_secondary)
			warning("%s: %zu session%s a missing or duplicate %s; %s from %s or made from "
				"title, time and room", im->name, fell_back,
				fell_back == 1 ? " has" : "s have", im->id_primary,
				fell_back == 1 ? "its id is taken" : "their ids are taken",
				im->id_secondary);
		else
			warning("%s: %zu session%s a missing or duplicate %s; %s made from title, "
				"time and room", im->name, fell_back, fell_back == 1 ? " has" : "s have",
				im->id_primary, fell_back == 1 ? "its id is" : "their ids are");
	}
out:
	free(v);
	free(bad);
	free(use2);
}

int import_finish(struct importer *im, const char *declared, const char *zone_note)
{
	if (im->too_many_rooms)
		return error(EX_DATAERR, "%s: more than %u rooms; planner reads at most %u", im->name,
			     LOAD_MAX_ROOMS, LOAD_MAX_ROOMS);
	if (decide_zone(im, declared, zone_note) < 0)
		return -1;
	resolve_times(im);
	resolve_days(im);
	assign_ids(im);
	if (im->bad_times)
		warning("%s: %zu session%s no usable time and %s kept unscheduled (first: %s)",
			im->name, im->bad_times, im->bad_times == 1 ? " has" : "s have",
			im->bad_times == 1 ? "is" : "are", im->bad_first);
	return schedule_finish(im->s);
}
