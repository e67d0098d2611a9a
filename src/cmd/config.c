/* config.c: reads the user's config file — `key = value` lines — and checks every value, so that
 * a mistake is reported with its file and line before any command runs. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "command.h"
#include "config.h"
#include "fsutil.h"
#include "ics.h"
#include "load.h"
#include "pick.h"
#include "prefs.h"
#include "schedule.h"
#include "text.h"
#include "topics.h"
#include "tz.h"
#include "util.h"

/* The keys: the options marked OPT_CONFIG — those before the command, then those of the
 * commands in the command table's order — each name once.  An option that pick saves with its
 * plan (OPT_SAVED) is one of pick's defaults, kept in config.pick. */
static const struct cmd_option **keys;
static size_t nkeys;

static void add_key(const struct cmd_option *o, size_t *alloc)
{
	if (!(o->flags & OPT_CONFIG))
		return;
	for (size_t i = 0; i < nkeys; i++)
		if (!strcmp(keys[i]->name, o->name))
			return;
	keys = xgrow(keys, nkeys + 1, alloc, sizeof(*keys));
	keys[nkeys++] = o;
}

static void free_keys(void)
{
	free(keys);
	keys = NULL;
	nkeys = 0;
}

/* A key of the config file alone: the topics it adds (no command has it as an option). */
static const struct cmd_option key_topic = {
	"topic", 0, "NAME: WORD, ...", "a topic, or more words of one", COMPLETE_NONE,
	OPT_CONFIG | OPT_REPEAT, VALUE_TOPIC, 0, NULL };

static void find_keys(void)
{
	size_t alloc = 0;

	if (keys)
		return;
	for (const struct cmd_option *const *o = global_options; *o; o++)
		add_key(*o, &alloc);
	for (const struct cmd_entry *const *c = cmd_table; *c; c++)
		for (const struct cmd_option *const *o = (*c)->options; o && *o; o++)
			add_key(*o, &alloc);
	add_key(&key_topic, &alloc);
	atexit(free_keys);
}

const char *config_key(size_t i)
{
	find_keys();
	return i < nkeys ? keys[i]->name : NULL;
}

void config_init(struct config *c)
{
	memset(c, 0, sizeof(*c));
	c->travel_minutes = -1;
	c->alarm_seconds = -1;
}

void config_release(struct config *c)
{
	free(c->path);
	free(c->schedule);
	free(c->tz);
	free(c->caldav_url);
	free(c->caldav_user);
	free(c->caldav_password_command);
	free(c->cacert);
	for (size_t i = 0; i < c->npick; i++) {
		free(c->pick[i].key);
		free(c->pick[i].value);
	}
	free(c->pick);
	for (size_t i = 0; i < c->ntopics; i++) {
		free(c->topics[i].key);
		free(c->topics[i].value);
	}
	free(c->topics);
	config_init(c);
}

char *config_path(void)
{
	char *dir = xdg_config_dir(), *path;

	if (!dir)
		return NULL;
	path = xasprintf("%s/config", dir);
	free(dir);
	return path;
}

const struct config_setting *config_find(const struct config *c, const char *key, size_t i)
{
	for (size_t k = 0; k < c->npick; k++)
		if (!strcmp(c->pick[k].key, key) && i-- == 0)
			return &c->pick[k];
	return NULL;
}

static bool is_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r';
}

/* A module's error about an option's value, said as the config file names it: "key \"value\":
 * problem" for the module's "--key 'value': problem" (error_option()). */
static char *restate(const char *key, const char *value)
{
	const char *rest = error_after_subject();

	if (rest)
		return xasprintf("%s \"%s\"%s", key, text_inert(value), rest);
	return xasprintf("%s \"%s\": %s", key, text_inert(value), error_message());
}

/* Checks `value` for key k.  0, or -1 with *why set (caller frees). */
static int check_value(const struct cmd_option *k, const char *value, int *number, char **why)
{
	switch (k->value) {
	case VALUE_SOURCE:
	case VALUE_TEXT:
		return 0;
	case VALUE_ZONE:
		if (!tz_get(value)) {
			*why = xasprintf("%s \"%s\": unknown time zone (expected an IANA name like "
					 "Asia/Seoul, or local)", k->name, text_inert(value));
			return -1;
		}
		return 0;
	case VALUE_COUNT: {
		char *end;
		long v;

		errno = 0;
		v = strtol(value, &end, 10);
		if (value[0] < '0' || value[0] > '9' || *end || errno || v > k->max) {
			*why = xasprintf("%s \"%s\": expected a whole number from 0 to %d", k->name,
					 text_inert(value),
					 k->max);
			return -1;
		}
		*number = (int)v;
		return 0;
	}
	case VALUE_LEVEL:
		if (session_level_parse(value) < 0) {
			*why = xasprintf("%s \"%s\": expected beginner, intermediate or advanced (초급, 중급, "
					 "고급)", k->name, text_inert(value));
			return -1;
		}
		return 0;
	case VALUE_TYPE:
		if (session_type_parse(value) < 0) {
			*why = xasprintf("%s \"%s\": expected talk, keynote, lightning, tutorial, workshop, "
					 "panel, break, social or other", k->name, text_inert(value));
			return -1;
		}
		return 0;
	case VALUE_WEIGHT: {
		struct prefs p;
		int r;

		prefs_init(&p);
		r = prefs_set_weight(&p, value);
		prefs_release(&p);
		if (r < 0)
			*why = restate(k->name, value);
		return r;
	}
	case VALUE_ALARM: {
		int r = ics_alarm_parse(value, number);

		if (r < 0)
			*why = restate(k->name, value);
		return r;
	}
	case VALUE_TOPIC: {
		struct topics t;
		char *msg;
		int r;

		topics_init(&t);
		r = topics_add_line(&t, value, strlen(value), &msg);
		topics_release(&t);
		if (r < 0) {
			*why = xasprintf("%s \"%s\": %s", k->name, text_inert(value), msg);
			free(msg);
		}
		return r;
	}
	case VALUE_BREAK: {
		struct schedule none;
		struct pick_request rq;
		int r;

		/* With no days, pick_add_break only checks the value. */
		schedule_init(&none);
		pick_request_init(&rq, &none, NULL);
		r = pick_add_break(&rq, value);
		pick_request_release(&rq);
		schedule_release(&none);
		if (r < 0)
			*why = restate(k->name, value);
		return r;
	}
	}
	return 0;
}

static const struct cmd_option *find_key(const char *name, size_t *index)
{
	find_keys();
	for (size_t i = 0; i < nkeys; i++)
		if (!strcmp(keys[i]->name, name)) {
			*index = i;
			return keys[i];
		}
	return NULL;
}

static int line_error(struct config *c, const char *name, unsigned line, char *msg)
{
	error(EX_CONFIG, "%s:%u: %s", name, line, msg);
	free(msg);
	config_release(c);
	return -1;
}

/* Parses one line (s[0..len), no newline).  0, or -1 with *msg set. */
static int parse_line(struct config *c, const char *s, size_t len, unsigned line,
		      unsigned *seen_line, char **msg)
{
	const char *eq, *kend, *v = NULL, *vend = s + len;
	const struct cmd_option *k;
	char *key, *value;
	size_t ki = 0;
	int number = -1;

	while (len && is_blank(*s)) {
		s++;
		len--;
	}
	if (!len || *s == '#')
		return 0;
	eq = memchr(s, '=', len);
	if (!eq) {
		*msg = xstrdup("expected \"key = value\"");
		return -1;
	}
	kend = eq;
	while (kend > s && is_blank(kend[-1]))
		kend--;
	v = eq + 1;
	while (v < vend && is_blank(*v))
		v++;
	while (vend > v && is_blank(vend[-1]))
		vend--;
	key = xstrndup(s, (size_t)(kend - s));
	if (!*key) {
		free(key);
		*msg = xstrdup("expected \"key = value\": no key before '='");
		return -1;
	}
	k = find_key(key, &ki);
	if (!k) {
		struct text_suggest sg;
		const char *best;
		char *clean = text_sanitize(key);

		text_suggest_init(&sg, key, 2);
		for (size_t i = 0; i < nkeys; i++)
			text_suggest_offer(&sg, keys[i]->name);
		if ((best = text_suggest_best(&sg))) {
			*msg = xasprintf("unknown key \"%s\" (did you mean \"%s\"?)", clean, best);
		} else {
			struct strbuf sb;

			strbuf_init(&sb);
			for (size_t i = 0; i < nkeys; i++)
				strbuf_addf(&sb, "%s%s", i ? ", " : "", keys[i]->name);
			*msg = xasprintf("unknown key \"%s\" (known: %s)", clean, sb.buf);
			strbuf_release(&sb);
		}
		free(clean);
		free(key);
		return -1;
	}
	free(key);
	value = xstrndup(v, (size_t)(vend - v));
	if (!*value) {
		free(value);
		*msg = xasprintf("\"%s\" has no value", k->name);
		return -1;
	}
	if (!(k->flags & OPT_REPEAT) && seen_line[ki]) {
		free(value);
		*msg = xasprintf("\"%s\" is already set on line %u", k->name, seen_line[ki]);
		return -1;
	}
	if (check_value(k, value, &number, msg) < 0) {
		char *clean = text_sanitize(*msg);
		free(*msg);
		*msg = clean;
		free(value);
		error_clear();
		return -1;
	}
	seen_line[ki] = line;
	if (!strcmp(k->name, "schedule")) {
		c->schedule = xstrdup(value);
		c->schedule_line = line;
	} else if (!strcmp(k->name, "tz")) {
		c->tz = xstrdup(value);
	} else if (!strcmp(k->name, "travel")) {
		c->travel_minutes = number;
	} else if (!strcmp(k->name, "alarm")) {
		c->alarm_set = true;
		c->alarm_seconds = number;
	} else if (!strcmp(k->name, "caldav-url")) {
		c->caldav_url = xstrdup(value);
	} else if (!strcmp(k->name, "caldav-user")) {
		c->caldav_user = xstrdup(value);
	} else if (!strcmp(k->name, "caldav-password-command")) {
		c->caldav_password_command = xstrdup(value);
	} else if (!strcmp(k->name, "cacert")) {
		c->cacert = xstrdup(value);
	}
	if (k == &key_topic) {
		struct config_setting *st;

		c->topics = xgrow(c->topics, c->ntopics + 1, &c->topics_alloc, sizeof(*c->topics));
		st = &c->topics[c->ntopics++];
		st->key = xstrdup(k->name);
		st->value = xstrdup(value);
		st->line = line;
	}
	if (k->flags & OPT_SAVED) {
		struct config_setting *st;

		c->pick = xgrow(c->pick, c->npick + 1, &c->pick_alloc, sizeof(*c->pick));
		st = &c->pick[c->npick++];
		st->key = xstrdup(k->name);
		st->value = xstrdup(value);
		st->line = line;
	}
	free(value);
	return 0;
}

int config_parse(struct config *c, const char *buf, size_t len, const char *name)
{
	unsigned *seen_line, line = 1;
	size_t off = 0, bad;
	int ret = 0;

	find_keys();
	c->path = xstrdup(name);
	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		off = 3;
	if (!text_valid_utf8(buf + off, len - off, &bad)) {
		for (size_t i = off; i < off + bad; i++)
			line += buf[i] == '\n';
		return line_error(c, name, line, xstrdup("not valid UTF-8"));
	}
	seen_line = xcalloc(nkeys ? nkeys : 1, sizeof(*seen_line));
	while (off < len && !ret) {
		const char *s = buf + off, *nl = memchr(s, '\n', len - off);
		size_t n = nl ? (size_t)(nl - s) : len - off;
		char *msg = NULL;

		if (memchr(s, '\0', n))
			ret = line_error(c, name, line, xstrdup("a NUL byte"));
		else if (parse_line(c, s, n, line, seen_line, &msg) < 0)
			ret = line_error(c, name, line, msg);
		off += n + (nl != NULL);
		line++;
	}
	free(seen_line);
	return ret;
}

int config_load(struct config *c, const char *path)
{
	struct stat st;
	char *buf;
	size_t len;
	int ret;

	if (stat(path, &st) < 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 1;
		return error(EX_CONFIG, "%s: %s", path, strerror(errno));
	}
	if (S_ISDIR(st.st_mode))
		return error(EX_CONFIG, "%s: is a directory, not a config file", path);
	/* a FIFO would block every command, a device never end */
	if (!S_ISREG(st.st_mode))
		return error(EX_CONFIG, "%s: not a regular file, so not a config file", path);
	if (read_file(path, CONFIG_MAX_BYTES, &buf, &len) < 0)
		return error(EX_CONFIG, "%s", error_message());	/* a config file's problem: exit 78 */
	ret = config_parse(c, buf, len, path);
	free(buf);
	return ret;
}
