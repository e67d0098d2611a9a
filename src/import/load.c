/* load.c: reads timetable bytes (size limit, byte-order mark), detects the format, and hands
 * the parsed feed to its importer (src/import_*.c).  The formats and how one is recognised are
 * in README.md, "Formats planner reads". */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import.h"
#include "load.h"
#include "schedule.h"
#include "text.h"
#include "util.h"

const struct load_format load_formats[] = {
	{ "native", "planner", 'j' },
	{ "frab", "frab", 'j' },
	{ "c3voc2", "c3voc v2", 'j' },
	{ "pretalx", "pretalx", 'j' },
	{ "sessionize", "Sessionize", 'j' },
	{ "xml", "frab XML", 'x' },
	{ "ics", "iCalendar", 'i' },
	{ NULL, NULL, 0 },
};

static const char *syntax_name(char syntax)
{
	return syntax == 'j' ? "JSON" : syntax == 'x' ? "XML" : "iCalendar";
}

/* The format `name`, or NULL. */
static const struct load_format *format_get(const char *name)
{
	for (const struct load_format *f = load_formats; name && f->name; f++)
		if (!strcmp(name, f->name))
			return f;
	return NULL;
}

/* "a, b, c" into buf: the formats' names (syntax 0) or, for one syntax, what they are called. */
static const char *format_list(char syntax, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (const struct load_format *f = load_formats; f->name; f++) {
		int w;

		if (syntax && f->syntax != syntax)
			continue;
		w = snprintf(buf + used, size - used, "%s%s", used ? ", " : "",
			     syntax ? f->what : f->name);
		if (w < 0 || (size_t)w >= size - used)
			break;
		used += (size_t)w;
	}
	return buf;
}

/* "JSON, XML or iCalendar": the syntaxes of the formats, each once. */
static const char *syntax_list(char *buf, size_t size)
{
	char seen[8] = "";
	size_t n = 0, k = 0, used = 0;

	for (const struct load_format *f = load_formats; f->name; f++)
		if (!strchr(seen, f->syntax) && n < sizeof(seen) - 1)
			seen[n++] = f->syntax;
	buf[0] = '\0';
	for (k = 0; k < n; k++) {
		int w = snprintf(buf + used, size - used, "%s%s",
				 !k ? "" : k == n - 1 ? " or " : ", ", syntax_name(seen[k]));
		if (w < 0 || (size_t)w >= size - used)
			break;
		used += (size_t)w;
	}
	return buf;
}

int load_format_check(const char *format)
{
	char list[200];

	if (!format || !strcmp(format, "auto") || format_get(format))
		return 0;
	return error(EX_USAGE, "unknown format \"%.40s\" (known: auto, %s)", format,
		     format_list(0, list, sizeof(list)));
}

/* "NAME: looks like none of planner, frab, ...: " then the rest of the message. */
static int not_json_feed(const char *name, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static int not_json_feed(const char *name, const char *fmt, ...)
{
	char list[200], rest[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(rest, sizeof(rest), fmt, ap);
	va_end(ap);
	return error(EX_DATAERR, "%s: looks like none of %s: %s", name,
		     format_list('j', list, sizeof(list)), rest);
}

/* Lists up to 8 keys of an object as "\"a\", \"b\", ..." into buf. */
static void describe_keys(const json_t *obj, char *buf, size_t size)
{
	const char *key;
	const json_t *v;
	size_t n = 0, used = 0;

	buf[0] = '\0';
	json_object_foreach((json_t *)obj, key, v) {
		char *clean;
		int w;

		if (n++ == 8) {
			snprintf(buf + used, size - used, ", ...");
			break;
		}
		clean = text_sanitize(key);
		w = snprintf(buf + used, size - used, "%s\"%.40s\"", n > 1 ? ", " : "", clean);
		free(clean);
		if (w < 0 || (size_t)w >= size - used)
			break;
		used += (size_t)w;
	}
	(void)v;
}

static const char *plural_kind(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "objects";
	case JSON_ARRAY: return "arrays";
	case JSON_STRING: return "strings";
	case JSON_INTEGER: case JSON_REAL: return "numbers";
	case JSON_TRUE: case JSON_FALSE: return "booleans";
	case JSON_NULL: return "nulls";
	}
	return "values";
}

/* pretalx talk records: objects with a code and a slot or a title. */
static bool looks_pretalx(const json_t *arr)
{
	const json_t *first = json_array_get(arr, 0);

	return json_is_object(first) && json_is_string(json_object_get(first, "code")) &&
	       (json_object_get(first, "slot") || json_object_get(first, "title"));
}

/* Sessionize's "Sessions" view: groups with a sessions array. */
static bool looks_sessionize_groups(const json_t *arr)
{
	const json_t *first = json_array_get(arr, 0);

	return json_is_object(first) && json_is_array(json_object_get(first, "sessions"));
}

/*
 * The format of a parsed feed, or NULL with error() set naming what was found.  The rules, in
 * order:
 *   - an object with "planner_format": native;
 *   - an object with a "schedule" object: c3voc v2 when the schedule has a flat "events" array,
 *     or "$schema" names schema2 / schedule2; frab v1 when it has "conference" with "days";
 *   - an array, or an object with a "results" array, of objects with "code" and "slot" or
 *     "title": pretalx talk records;
 *   - an object with "sessions" and "rooms" or "speakers", or an array of objects with a
 *     "sessions" array: Sessionize.
 */
static const char *detect_json(const json_t *root, const char *name)
{
	char keys[400];

	if (json_is_object(root)) {
		const json_t *sch = json_object_get(root, "schedule"), *v;

		if (json_object_get(root, "planner_format"))
			return "native";
		if (json_is_object(sch)) {
			const json_t *schema = json_object_get(root, "$schema");
			const json_t *conf = json_object_get(sch, "conference");

			if (json_is_array(json_object_get(sch, "events")) ||
			    (json_is_string(schema) && (strstr(json_string_value(schema), "schema2") ||
							strstr(json_string_value(schema), "schedule2"))))
				return "c3voc2";
			if (json_is_object(conf) && json_object_get(conf, "days"))
				return "frab";
		}
		v = json_object_get(root, "results");
		if (json_is_array(v) && (looks_pretalx(v) || !json_array_size(v)))
			return "pretalx";
		if (json_is_array(json_object_get(root, "sessions")) &&
		    (json_object_get(root, "rooms") || json_object_get(root, "speakers")))
			return "sessionize";
		describe_keys(json_is_object(sch) ? sch : root, keys, sizeof(keys));
		not_json_feed(name, "%skeys are %s",
			      json_is_object(sch) ? "\"schedule\" has no \"conference\" with \"days\" "
						    "and no \"events\"; its " : "top-level ",
			      keys[0] ? keys : "(none)");
		return NULL;
	}
	if (json_is_array(root)) {
		const json_t *first = json_array_get(root, 0);

		if (looks_pretalx(root))
			return "pretalx";
		if (looks_sessionize_groups(root))
			return "sessionize";
		if (!first) {
			not_json_feed(name, "the top level is an empty array");
		} else if (json_is_object(first)) {
			describe_keys(first, keys, sizeof(keys));
			not_json_feed(name, "the top level is an array of objects with keys %s",
				      keys[0] ? keys : "(none)");
		} else {
			not_json_feed(name, "the top level is an array of %s", plural_kind(first));
		}
		return NULL;
	}
	not_json_feed(name, "the top level is %s", json_kind(root));
	return NULL;
}

/* What the text is, by how it starts after blanks: 'j' JSON, 'x' XML (an XML declaration, or a
 * <schedule> root with or without a DOCTYPE before it), 'i' iCalendar, 0 neither. */
static int sniff(const char *buf, size_t len, size_t *at)
{
	static const char *const xml[] = { "<?xml", "<schedule", "<!DOCTYPE schedule" };
	size_t i = 0;

	while (i < len && strchr(" \t\r\n", buf[i]) && buf[i])
		i++;
	*at = i;
	if (i < len && (buf[i] == '{' || buf[i] == '['))
		return 'j';
	if (len - i >= 15 && !strncasecmp(buf + i, "BEGIN:VCALENDAR", 15))
		return 'i';
	for (size_t k = 0; k < sizeof(xml) / sizeof(xml[0]); k++)
		if (len - i >= strlen(xml[k]) && !strncmp(buf + i, xml[k], strlen(xml[k])))
			return 'x';
	return 0;
}

/* "NAME:LINE:COL: not JSON, XML or iCalendar: it starts with "..."" for the text at offset
 * `at`. */
static int not_a_feed(const char *buf, size_t len, size_t at, const char *name)
{
	int line, col;
	char head[41], *clean, *cut, syntaxes[80];
	size_t n = len - at < 40 ? len - at : 40;

	import_position(buf, at, &line, &col);
	memcpy(head, buf + at, n);
	head[n] = '\0';
	/* Cut at a line end, and do not leave a broken UTF-8 sequence. */
	head[strcspn(head, "\r\n")] = '\0';
	n = strlen(head);
	while (n && ((unsigned char)head[n - 1] & 0x80)) {
		size_t start = n - 1;
		while (start && ((unsigned char)head[start] & 0xC0) == 0x80)
			start--;
		if (text_valid_utf8(head + start, n - start, NULL))
			break;
		n = start;
	}
	head[n] = '\0';
	clean = text_sanitize(head);
	cut = text_truncate(clean, 30);
	error(EX_DATAERR, "%s:%d:%d: not %s: it starts with \"%s\"", name, line, col,
	      syntax_list(syntaxes, sizeof(syntaxes)), cut);
	free(cut);
	free(clean);
	return -1;
}

/*
 * The parse tree lives only while one feed is imported, so jansson allocates it from an arena
 * that is dropped whole afterwards: no walk over a hundred thousand nodes to free them one by
 * one, and no malloc bookkeeping per node (together about a tenth of a cold load).  jansson's
 * allocator is process-wide: it is switched only around parse_json() .. drop_json(), during
 * which nothing else creates or frees JSON values.  Everything the model keeps is copied out
 * with our own allocator.
 */
struct chunk {
	struct chunk *next;
	size_t used, size;
	max_align_t data[];
};

static struct chunk *arena;
static size_t arena_total;	/* bytes of all chunks */
static bool arena_full;		/* an allocation was refused: LOAD_MAX_JSON_MEMORY reached */
static json_malloc_t saved_malloc;
static json_free_t saved_free;

/* jansson's allocations; NULL (which jansson turns into a failed parse) once the tree would
 * take more than LOAD_MAX_JSON_MEMORY, so that no input can exhaust the memory. */
static void *arena_malloc(size_t n)
{
	size_t need = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	struct chunk *c = arena;

	if (n > LOAD_MAX_JSON_MEMORY) {
		arena_full = true;
		return NULL;
	}
	if (!c || c->size - c->used < need) {
		size_t size = 1u << 20;

		if (c && c->size < (16u << 20))
			size = c->size * 2;
		if (size < need)
			size = need;
		if (arena_total + size > LOAD_MAX_JSON_MEMORY) {
			arena_full = true;
			return NULL;
		}
		arena_total += size;
		c = xmalloc(sizeof(*c) + size);
		c->next = arena;
		c->used = 0;
		c->size = size;
		arena = c;
	}
	c->used += need;
	return (char *)c->data + c->used - need;
}

static void arena_free(void *p)
{
	(void)p;
}

/* Frees a tree parse_json() made, with the arena it lives in, and gives jansson back its
 * allocator. */
static void drop_json(json_t *root)
{
	(void)root;
	json_set_alloc_funcs(saved_malloc, saved_free);
	while (arena) {
		struct chunk *next = arena->next;
		free(arena);
		arena = next;
	}
	arena_total = 0;
	arena_full = false;
}

/* Parses buf into *out (allocated in the arena: release with drop_json(), also on failure). */
static int parse_json(const char *buf, size_t len, const char *name, json_t **out)
{
	const char *nul = memchr(buf, '\0', len);
	json_error_t jerr;
	json_t *root;

	json_get_alloc_funcs(&saved_malloc, &saved_free);
	json_set_alloc_funcs(arena_malloc, arena_free);
	if (nul) {
		/* (jansson would drop one after a number without a word) */
		int line, col;

		*out = NULL;
		import_position(buf, (size_t)(nul - buf), &line, &col);
		return error(EX_DATAERR, "%s:%d:%d: a NUL byte, which JSON text cannot hold", name,
			     line, col);
	}
	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr);
	*out = root;
	if (!root && arena_full)
		return error(EX_DATAERR, "%s: too many JSON values: holding them would take over "
			     "%u MiB; planner uses at most that", name, LOAD_MAX_JSON_MEMORY >> 20);
	if (!root && json_error_code(&jerr) == json_error_stack_overflow)
		return error(EX_DATAERR, "%s:%d:%d: JSON nested more than %u levels deep; planner "
			     "reads at most %u", name, jerr.line, jerr.column, LOAD_MAX_DEPTH,
			     LOAD_MAX_DEPTH);
	if (!root && json_error_code(&jerr) == json_error_null_character)
		return error(EX_DATAERR, "%s:%d:%d: a string holds a NUL character (\\u0000)", name,
			     jerr.line, jerr.column);
	if (!root)
		return error(EX_DATAERR, "%s:%d:%d: not valid JSON: %s", name, jerr.line, jerr.column,
			     jerr.text);
	return 0;
}

/* Skips a BOM and checks the size and emptiness.  Returns 0, or -1 with error() set. */
static int prepare(const char **buf, size_t *len, const char *name)
{
	if (*len >= 3 && !memcmp(*buf, "\xEF\xBB\xBF", 3)) {
		*buf += 3;
		*len -= 3;
	}
	if (*len > LOAD_MAX_BYTES)
		return error(EX_DATAERR, "%s: too large (%zu bytes; the limit is %u MiB)", name, *len,
			     LOAD_MAX_BYTES >> 20);
	for (size_t i = 0; i < *len; i++)
		if (!strchr(" \t\r\n", (*buf)[i]) || !(*buf)[i])
			return 0;
	return error(EX_DATAERR, "%s: empty file, not a timetable", name);
}

const char *schedule_detect_format(const char *buf, size_t len, const char *name)
{
	json_t *root;
	const char *f;
	size_t at;

	if (prepare(&buf, &len, name) < 0)
		return NULL;
	switch (sniff(buf, len, &at)) {
	case 'i':
		return "ics";
	case 'x':
		return "xml";
	case 'j':
		break;
	default:
		not_a_feed(buf, len, at, name);
		return NULL;
	}
	if (parse_json(buf, len, name, &root) < 0) {
		drop_json(root);
		return NULL;
	}
	f = detect_json(root, name);
	drop_json(root);
	return f;
}

/* "session "ID": " for a message about se: the id made inert and cut.  Caller frees. */
static char *session_who(const struct session *se)
{
	const char *id = se->id ? se->id : "?";
	char *head = xstrndup(id, strnlen(id, 200)), *clean = text_sanitize(head);
	char *cut = text_truncate(clean, 60), *who = xasprintf("session \"%s\": ", cut);

	free(cut);
	free(clean);
	free(head);
	return who;
}

/* Checks one text of the model against `max` bytes; `what` names it, with its session when se
 * is not NULL. */
static int check_text(const char *text, size_t max, const char *name, const struct session *se,
		      const char *what)
{
	size_t n = text ? strlen(text) : 0;
	char *who;
	int ret;

	if (n <= max)
		return 0;
	if (!se || text == se->id)
		return error(EX_DATAERR, "%s: %s is %zu bytes; planner reads at most %zu", name,
			     se ? "a session id" : what, n, max);
	who = session_who(se);
	ret = error(EX_DATAERR, "%s: %s%s is %zu bytes; planner reads at most %zu", name, who,
		    what, n, max);
	free(who);
	return ret;
}

/* The same for a count. */
static int check_count(size_t n, size_t max, const char *name, const struct session *se,
		       const char *what)
{
	char *who;
	int ret;

	if (n <= max)
		return 0;
	who = se ? session_who(se) : xstrdup("");
	ret = error(EX_DATAERR, "%s: %s%zu %s; planner reads at most %zu", name, who, n, what, max);
	free(who);
	return ret;
}

/*
 * The limits of load.h that hold for the model whatever the format: sessions, rooms, each
 * text, the lists of a session.  The importers refuse most excesses earlier (before the memory
 * or time is spent); this is where every format meets the same rules.
 */
static int check_limits(const struct schedule *s, const char *name)
{
	const struct conference *c = &s->conf;

	if (check_count(s->nsessions, LOAD_MAX_SESSIONS, name, NULL, "sessions") < 0 ||
	    check_count(s->nrooms, LOAD_MAX_ROOMS, name, NULL, "rooms") < 0 ||
	    check_text(c->id, LOAD_MAX_TEXT, name, NULL, "the conference id") < 0 ||
	    check_text(c->name, LOAD_MAX_TEXT, name, NULL, "the conference name") < 0 ||
	    check_text(c->url, LOAD_MAX_TEXT, name, NULL, "the conference url") < 0 ||
	    check_text(c->venue, LOAD_MAX_TEXT, name, NULL, "the venue") < 0)
		return -1;
	for (size_t i = 0; i < s->nrooms; i++) {
		const struct room *r = &s->rooms[i];

		if (check_text(r->id, LOAD_MAX_TEXT, name, NULL, "a room id") < 0 ||
		    check_text(r->name, LOAD_MAX_TEXT, name, NULL, "a room name") < 0 ||
		    check_text(r->floor, LOAD_MAX_TEXT, name, NULL, "a room's floor") < 0 ||
		    check_text(r->building, LOAD_MAX_TEXT, name, NULL, "a room's building") < 0)
			return -1;
	}
	for (size_t i = 0; i < s->nsessions; i++) {
		const struct session *se = &s->sessions[i];

		if (check_text(se->id, LOAD_MAX_TEXT, name, se, "the id") < 0 ||
		    check_text(se->title, LOAD_MAX_TEXT, name, se, "the title") < 0 ||
		    check_text(se->subtitle, LOAD_MAX_TEXT, name, se, "the subtitle") < 0 ||
		    check_text(se->track, LOAD_MAX_TEXT, name, se, "the track") < 0 ||
		    check_text(se->language, LOAD_MAX_TEXT, name, se, "the language") < 0 ||
		    check_text(se->url, LOAD_MAX_TEXT, name, se, "the url") < 0 ||
		    check_text(se->abstract, LOAD_MAX_LONG_TEXT, name, se, "the abstract") < 0 ||
		    check_text(se->description, LOAD_MAX_LONG_TEXT, name, se, "the description") < 0 ||
		    check_count(se->nrooms, LOAD_MAX_LIST, name, se, "rooms") < 0 ||
		    check_count(se->speakers.n, LOAD_MAX_LIST, name, se, "speakers") < 0 ||
		    check_count(se->tags.n, LOAD_MAX_LIST, name, se, "tags") < 0 ||
		    check_count(se->link_urls.n, LOAD_MAX_LIST, name, se, "links") < 0)
			return -1;
		for (size_t j = 0; j < se->speakers.n; j++)
			if (check_text(se->speakers.v[j], LOAD_MAX_TEXT, name, se, "a speaker's name") < 0)
				return -1;
		for (size_t j = 0; j < se->tags.n; j++)
			if (check_text(se->tags.v[j], LOAD_MAX_TEXT, name, se, "a tag") < 0)
				return -1;
		for (size_t j = 0; j < se->link_urls.n; j++)
			if (check_text(se->link_titles.v[j], LOAD_MAX_TEXT, name, se,
				       "a link's title") < 0 ||
			    check_text(se->link_urls.v[j], LOAD_MAX_TEXT, name, se, "a link") < 0)
				return -1;
	}
	return 0;
}

static int run_importer(struct importer *im, const char *format, const json_t *root)
{
	if (!strcmp(format, "native"))
		return import_native(im, root);
	if (!strcmp(format, "frab"))
		return import_frab(im, root);
	if (!strcmp(format, "c3voc2"))
		return import_c3voc2(im, root);
	if (!strcmp(format, "pretalx"))
		return import_pretalx(im, root);
	if (!strcmp(format, "sessionize"))
		return import_sessionize(im, root);
	return error(EX_SOFTWARE, "no importer for \"%s\"", format);
}

static int load_buffer(struct schedule *s, const char *buf, size_t len, const char *name,
		       const struct load_options *opt)
{
	const char *format = opt && opt->format && strcmp(opt->format, "auto") ? opt->format : NULL;
	struct importer im;
	json_t *root = NULL;
	size_t at, nwarn = warning_count();
	int kind, want, ret = -1;

	if (load_format_check(format) < 0 || prepare(&buf, &len, name) < 0)
		return -1;
	kind = sniff(buf, len, &at);
	want = format ? format_get(format)->syntax : kind;
	if (want == 'i' && kind != 'i') {
		int line, col;
		import_position(buf, at, &line, &col);
		return error(EX_DATAERR, "%s:%d:%d: not iCalendar: it does not start with "
			     "BEGIN:VCALENDAR", name, line, col);
	}
	if (kind && want != kind)
		return error(EX_DATAERR, "%s: %s %s file, not %s (%s)", name,
			     kind == 'j' ? "a" : "an", syntax_name((char)kind), format,
			     syntax_name((char)want));
	if (!kind && want != 'x')
		return not_a_feed(buf, len, at, name);
	if (want == 'j') {
		if (parse_json(buf, len, name, &root) < 0 ||
		    (!format && !(format = detect_json(root, name)))) {
			drop_json(root);
			return -1;
		}
	}
	s->source = xstrdup(name);
	importer_init(&im, s, buf, len, name, opt);
	ret = want == 'i' ? import_ics(&im) : want == 'x' ? import_xml(&im)
	    : run_importer(&im, format, root);
	importer_release(&im);
	if (root)
		drop_json(root);
	if (ret == 0)
		ret = check_limits(s, name);
	if (ret == 0) {
		/* The conference name heads many outputs as it is: it is made inert once, here. */
		char *clean = text_sanitize(s->conf.name ? s->conf.name : "");

		free(s->conf.name);
		s->conf.name = clean;
	}
	if (ret < 0) {
		/* A refused feed gets its one message, not also the warnings about it. */
		warnings_truncate(nwarn);
		schedule_release(s);
	}
	return ret;
}

int schedule_load_buffer(struct schedule *s, const char *buf, size_t len, const char *name,
			 const struct load_options *opt)
{
	if (load_buffer(s, buf, len, name, opt) == 0)
		return 0;
	/* Messages name the input first: callers that name it their own way replace it. */
	error_subject(name);
	return -1;
}

int read_file(const char *path, size_t max, char **out, size_t *outlen)
{
	struct stat st;
	char *buf, sz[32];
	size_t len = 0, alloc;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return error(EX_NOINPUT, "%s: %s", path, strerror(errno));
	if (fstat(fd, &st) < 0) {
		int e = errno;
		close(fd);
		return error(EX_IOERR, "%s: %s", path, strerror(e));
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		return error(EX_NOINPUT, "%s: is a directory", path);
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
		close(fd);
		return error(EX_DATAERR, "%s: too large (%jd bytes; the limit is %s)", path,
			     (intmax_t)st.st_size, text_size(max, sz, sizeof(sz)));
	}
	alloc = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536;
	buf = xmalloc(alloc);
	for (;;) {
		/* A full buffer holds the size fstat() gave: only a file that grew since has more,
		 * so a small read looks before the buffer grows (it would double for one byte). */
		char probe[512];
		bool full = len + 1 >= alloc;
		ssize_t n = full ? read(fd, probe, sizeof(probe)) : read(fd, buf + len, alloc - len - 1);

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
		if (full) {
			buf = xgrow(buf, len + (size_t)n + 65536, &alloc, 1);
			memcpy(buf + len, probe, (size_t)n);
		}
		len += (size_t)n;
		if (len > max) {
			free(buf);
			close(fd);
			return error(EX_DATAERR, "%s: too large (over %s)", path,
				     text_size(max, sz, sizeof(sz)));
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
	struct stat st;

	/* read_file says only what it is; here it should have been a timetable */
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return error(EX_NOINPUT, "%s: is a directory, not a timetable file", path);
	if (read_file(path, LOAD_MAX_BYTES, &buf, &len) < 0)
		return -1;
	ret = schedule_load_buffer(s, buf, len, path, opt);
	free(buf);
	return ret;
}
