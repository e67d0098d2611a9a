/* plan.c: the saved plan — reading it (jansson), writing it atomically, and telling what the
 * timetable did to the planned sessions since. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "fsutil.h"
#include "hash.h"
#include "jsonw.h"
#include "load.h"
#include "plan.h"
#include "text.h"
#include "tz.h"
#include "util.h"

#define PLAN_MAX_BYTES (16u << 20)

void plan_init(struct plan *p)
{
	memset(p, 0, sizeof(*p));
	p->travel_minutes = -1;
}

static void entry_release(struct plan_entry *e)
{
	free(e->id);
	free(e->title);
	free(e->room);
}

void plan_release(struct plan *p)
{
	free(p->conference);
	free(p->fingerprint);
	strlist_release(&p->args);
	strlist_release(&p->pinned);
	strlist_release(&p->avoided);
	strlist_release(&p->dropped);
	strlist_release(&p->added);
	for (size_t i = 0; i < p->nentries; i++)
		entry_release(&p->entries[i]);
	free(p->entries);
	plan_init(p);
}

int plan_require(const struct plan *p, const char *conf_name, const char *or_else)
{
	if (p->nentries || p->fingerprint)
		return 0;
	return error(EX_NOINPUT, "no plan for %s yet; make one with 'planner pick'%s", conf_name,
		     or_else ? or_else : "");
}

int plan_require_sessions(const struct plan *p, const char *conf_name, const char *or_else)
{
	if (plan_require(p, conf_name, or_else) < 0)
		return -1;
	if (p->nentries)
		return 0;
	return error(EX_NOINPUT, "your plan for %s is empty; add sessions with 'planner add' or "
		     "'planner pick'%s", conf_name, or_else ? or_else : "");
}

int plan_lock(const char *path)
{
	return lock_beside(path, "the plan", PLAN_LOCK_SECONDS);
}

char *plan_path(const char *conf_id)
{
	return xdg_data_file(conf_id, ".plan.json");
}

char *plan_member_file(const char *conf_id, const char *member, const char *suffix)
{
	char *dir = xdg_data_file(conf_id, ".team"), *name, *path;

	if (!dir)
		return NULL;
	name = file_name_for(member);
	path = xasprintf("%s/%s%s", dir, name, suffix);
	free(dir);
	free(name);
	return path;
}

char *plan_member_path(const char *conf_id, const char *member)
{
	return plan_member_file(conf_id, member, ".plan.json");
}

#define PLAN_ISO_MAX 40

/* "YYYY-MM-DDTHH:MM:SSZ" of instant t; buf has room for PLAN_ISO_MAX bytes. */
static void iso_utc(int64_t t, char *buf)
{
	struct civil c;

	instant_to_civil_offset(t, 0, &c);
	snprintf(buf, PLAN_ISO_MAX, "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day,
		 c.hour, c.minute, c.second);
}

static int parse_utc(const char *s, int64_t *out)
{
	struct civil c;
	bool has_off;
	int off;

	if (!s || iso8601_parse(s, &c, &has_off, &off) < 0 || !has_off)
		return -1;
	*out = civil_to_instant_offset(&c, off);
	return 0;
}

/* `what` may quote the file's bytes (jansson's "near '...'"): made inert on its own, so that an
 * escape sequence in the file cannot swallow the rest of the message. */
/* Where a plan being parsed comes from: the user's own plan file, or someone else's plan
 * ('planner import'), whose message carries no advice about the user's plan. */
struct plan_src {
	const char *path;
	bool own;
};

static int bad(const struct plan_src *src, const char *what)
{
	char *clean = text_sanitize(what);
	int ret = src->own ? error(EX_DATAERR, "%s: damaged plan file: %s (run 'planner pick' to "
				   "make a new plan; the file is left as it is)", src->path, clean)
			   : error(EX_DATAERR, "%s: not a plan planner can read: %s", src->path, clean);

	free(clean);
	return ret;
}

static int get_strlist(const json_t *obj, const char *key, struct strlist *out)
{
	const json_t *v = json_object_get(obj, key), *e;
	size_t i;

	if (!v)
		return 0;
	if (!json_is_array(v))
		return -1;
	json_array_foreach(v, i, e) {
		if (!json_is_string(e))
			return -1;
		strlist_push(out, json_string_value(e));
	}
	return 0;
}

static int cmp_entry_id(const void *a, const void *b)
{
	return strcmp((*(const struct plan_entry *const *)a)->id,
		      (*(const struct plan_entry *const *)b)->id);
}

/* A session planned twice (a hand-edited file) would be shown, exported and conflicting twice,
 * and dropped only once: the file is damaged. */
static int twice(const struct plan *p, const struct plan_src *src)
{
	const struct plan_entry **v = xmalloc((p->nentries ? p->nentries : 1) * sizeof(*v));
	int ret = 0;

	for (size_t i = 0; i < p->nentries; i++)
		v[i] = &p->entries[i];
	qsort(v, p->nentries, sizeof(*v), cmp_entry_id);
	for (size_t i = 1; i < p->nentries && !ret; i++)
		if (!strcmp(v[i]->id, v[i - 1]->id)) {
			char *what = xasprintf("session \"%s\" is in it twice", text_inert(v[i]->id));

			ret = bad(src, what);
			free(what);
		}
	free(v);
	return ret;
}

int plan_load(struct plan *p, const char *path)
{
	struct stat st;
	char *buf;
	size_t len;
	int ret;

	if (stat(path, &st) < 0)
		return 1;
	if (read_file(path, PLAN_MAX_BYTES, &buf, &len) < 0)
		return -1;
	ret = plan_parse(p, buf, len, path);
	free(buf);
	return ret;
}

/* jansson seeds its hash tables the first time it makes an object, opening and reading
 * /dev/urandom (three system calls, on every command that reads a plan): one getrandom() call
 * gives the seed instead (AT_RANDOM's bytes are libc's stack guard: not reused).  When it fails,
 * jansson seeds itself as before; a seed set before does not change. */
static void json_seed(void)
{
	size_t seed;

	if (getrandom(&seed, sizeof(seed), GRND_NONBLOCK) == (ssize_t)sizeof(seed))
		json_object_seed(seed | 1);	/* 0 would mean "seed it" */
}

static int parse(struct plan *p, const char *buf, size_t len, const struct plan_src *src)
{
	json_error_t jerr;
	json_t *root, *v, *e;
	size_t i;
	int ret = -1;

	json_seed();
	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!root) {
		char what[300];
		snprintf(what, sizeof(what), "line %d column %d: %s", jerr.line, jerr.column, jerr.text);
		return bad(src, what);
	}
	v = json_object_get(root, "planner_plan");
	if (!json_is_integer(v) || json_integer_value(v) != 1) {
		bad(src, "not a planner plan (version 1)");
		goto out;
	}
	if (!json_is_string(json_object_get(root, "conference"))) {
		bad(src, "no conference");
		goto out;
	}
	p->conference = xstrdup(json_string_value(json_object_get(root, "conference")));
	p->fingerprint = xstrdup(json_string_value(json_object_get(root, "fingerprint")));
	v = json_object_get(root, "travel_minutes");
	p->travel_minutes = -1;
	if (json_is_integer(v) && json_integer_value(v) >= -1 &&
	    json_integer_value(v) <= PLAN_TRAVEL_MAX) {
		p->travel_minutes = (int)json_integer_value(v);
	} else if (v && !json_is_null(v)) {
		char what[80];

		snprintf(what, sizeof(what), "travel_minutes is not a number of minutes from 0 to %d",
			 PLAN_TRAVEL_MAX);
		bad(src, what);
		goto out;
	}
	if (parse_utc(json_string_value(json_object_get(root, "made_at")), &p->made_at) < 0)
		p->made_at = 0;
	if (get_strlist(root, "args", &p->args) < 0 || get_strlist(root, "pinned", &p->pinned) < 0 ||
	    get_strlist(root, "avoided", &p->avoided) < 0 ||
	    get_strlist(root, "dropped", &p->dropped) < 0 || get_strlist(root, "added", &p->added) < 0) {
		bad(src, "a list holds something other than strings");
		goto out;
	}
	v = json_object_get(root, "sessions");
	if (!json_is_array(v)) {
		bad(src, "no sessions list");
		goto out;
	}
	json_array_foreach(v, i, e) {
		struct plan_entry *pe;
		const char *id = json_string_value(json_object_get(e, "id"));

		p->entries = xgrow(p->entries, p->nentries + 1, &p->entries_alloc, sizeof(*p->entries));
		pe = &p->entries[p->nentries];
		memset(pe, 0, sizeof(*pe));
		if (!id || parse_utc(json_string_value(json_object_get(e, "start")), &pe->start) < 0 ||
		    parse_utc(json_string_value(json_object_get(e, "end")), &pe->end) < 0) {
			char what[64];
			snprintf(what, sizeof(what), "session %zu has no id or no valid times", i + 1);
			bad(src, what);
			goto out;
		}
		pe->id = text_nfc(id);	/* as the timetable's ids are kept */
		pe->title = xstrdup(json_string_value(json_object_get(e, "title")));
		pe->room = xstrdup(json_string_value(json_object_get(e, "room")));
		if (!pe->title)
			pe->title = xstrdup("");
		if (!pe->room)
			pe->room = xstrdup("");
		p->nentries++;
	}
	if (twice(p, src) < 0)
		goto out;
	ret = 0;
out:
	json_decref(root);
	if (ret < 0)
		plan_release(p);
	return ret;
}

int plan_parse(struct plan *p, const char *buf, size_t len, const char *path)
{
	return parse(p, buf, len, &(struct plan_src){ path, true });
}

int plan_parse_other(struct plan *p, const char *buf, size_t len, const char *name)
{
	return parse(p, buf, len, &(struct plan_src){ name, false });
}

static void strlist_write(struct jsonw *w, const char *key, const struct strlist *l)
{
	jsonw_key(w, key);
	jsonw_array_begin(w);
	for (size_t i = 0; i < l->n; i++)
		jsonw_string(w, l->v[i]);
	jsonw_array_end(w);
}

/* ---- history ---- */

/* "<...>.plan.json" -> "<...>.plan.d".  Caller frees. */
static char *history_dir(const char *path)
{
	size_t n = strlen(path);

	if (n > 5 && !strcmp(path + n - 5, ".json"))
		return xasprintf("%.*s.d", (int)(n - 5), path);
	return xasprintf("%s.d", path);
}

/* A version's number from its file name "NNNNNN.json"; 0 when it is not one. */
static unsigned long version_number(const char *name)
{
	char *end;
	unsigned long v;

	if (name[0] < '0' || name[0] > '9')
		return 0;
	v = strtoul(name, &end, 10);
	return strcmp(end, ".json") ? 0 : v;
}

static int cmp_ulong_desc(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

/* The version numbers in dir, newest first (caller frees); *n their number.  A missing dir has
 * none. */
static unsigned long *version_numbers(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	unsigned long *v = NULL, k;
	size_t alloc = 0;

	*n = 0;
	if (!d)
		return NULL;
	while ((de = readdir(d)))
		if ((k = version_number(de->d_name))) {
			v = xgrow(v, *n + 1, &alloc, sizeof(*v));
			v[(*n)++] = k;
		}
	closedir(d);
	if (*n)
		qsort(v, *n, sizeof(*v), cmp_ulong_desc);
	return v;
}

/* Gives file `from` the second name `to` (replacing it): a hard link, or a copy written
 * atomically where links are not allowed. */
static int keep_as(const char *from, const char *to)
{
	char *buf;
	size_t len;
	int ret;

	if (unlink(to) < 0 && errno != ENOENT)
		return error(EX_CANTCREAT, "cannot replace '%s': %s", to, strerror(errno));
	if (link(from, to) == 0)
		return 0;
	if (read_file(from, PLAN_MAX_BYTES, &buf, &len) < 0)
		return -1;
	ret = write_file_atomic(to, buf, len);
	free(buf);
	return ret;
}

/* The bytes of a plan file, minus its "made_at" line: [0, *cut) and [*resume, len). */
static void made_at_line(const char *buf, size_t len, size_t *cut, size_t *resume)
{
	static const char key[] = "\n  \"made_at\": ";
	const char *k = NULL, *eol;

	for (size_t i = 0; !k && i + sizeof(key) - 1 <= len; i++)
		if (!memcmp(buf + i, key, sizeof(key) - 1))
			k = buf + i;
	*cut = *resume = len;
	if (k && (eol = memchr(k + 1, '\n', len - (size_t)(k + 1 - buf)))) {
		*cut = (size_t)(k - buf);
		*resume = (size_t)(eol - buf);
	}
}

/* True when the plan file at path holds the plan buf (len bytes) already, but for the time it
 * was made: then replacing it changes nothing a user would undo. */
static bool plan_unchanged(const char *path, const char *buf, size_t len)
{
	char *old;
	size_t olen, c1, r1, c2, r2;
	bool same;

	if (read_file(path, PLAN_MAX_BYTES, &old, &olen) < 0) {
		error_clear();
		return false;
	}
	made_at_line(old, olen, &c1, &r1);
	made_at_line(buf, len, &c2, &r2);
	same = c1 == c2 && olen - r1 == len - r2 && !memcmp(old, buf, c1) &&
	       !memcmp(old + r1, buf + r2, olen - r1);
	free(old);
	return same;
}

/* Before a plan file is replaced by buf (len bytes): keeps it as the next version in its history
 * folder and lets go of all but the newest PLAN_HISTORY_KEEP — unless it is the same plan, made
 * again (a repeated pick): the history holds plans that differ. */
static int history_keep(const char *path, const char *buf, size_t len)
{
	struct stat st;
	char *dir, *to;
	unsigned long *v;
	size_t n;
	int ret;

	if (stat(path, &st) < 0)
		return 0;	/* the first plan: nothing to keep */
	if (plan_unchanged(path, buf, len))
		return 0;
	dir = history_dir(path);
	if (mkdir_p(dir) < 0) {
		free(dir);
		return -1;
	}
	v = version_numbers(dir, &n);
	to = xasprintf("%s/%06lu.json", dir, n ? v[0] + 1 : 1);
	ret = keep_as(path, to);
	free(to);
	for (size_t i = PLAN_HISTORY_KEEP - 1; ret == 0 && i < n; i++) {
		char *old = xasprintf("%s/%06lu.json", dir, v[i]);
		unlink(old);
		free(old);
	}
	free(v);
	free(dir);
	return ret;
}

void plan_versions_free(struct plan_version *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].path);
		free(v[i].args);
	}
	free(v);
}

int plan_versions(const char *path, struct plan_version **out, size_t *nout)
{
	char *dir = history_dir(path);
	size_t n;
	unsigned long *nums = version_numbers(dir, &n);
	struct plan_version *v = xcalloc(n ? n : 1, sizeof(*v));

	for (size_t i = 0; i < n; i++) {
		struct plan p;
		struct strbuf sb;

		plan_init(&p);
		v[i].number = nums[i];
		v[i].path = xasprintf("%s/%06lu.json", dir, nums[i]);
		strbuf_init(&sb);
		if (plan_load(&p, v[i].path) == 0) {
			v[i].readable = true;
			v[i].made_at = p.made_at;
			v[i].nsessions = p.nentries;
			for (size_t k = 0; k < p.args.n; k++)
				strbuf_addf(&sb, "%s%s", k ? " " : "", p.args.v[k]);
		}
		error_clear();
		v[i].args = sb.buf ? strbuf_detach(&sb) : xstrdup("");
		strbuf_release(&sb);
		plan_release(&p);
	}
	free(nums);
	free(dir);
	*out = v;
	*nout = n;
	return 0;
}

void plan_history_hand(const char *path, struct strlist *pinned, struct strlist *added)
{
	char *dir = history_dir(path);
	size_t n;
	unsigned long *nums = version_numbers(dir, &n);

	for (size_t i = n; i-- > 0;) {	/* oldest first */
		char *file = xasprintf("%s/%06lu.json", dir, nums[i]);
		struct plan p;

		plan_init(&p);
		if (plan_load(&p, file) == 0) {
			for (size_t k = 0; k < p.pinned.n; k++)
				if (strlist_find(pinned, p.pinned.v[k]) < 0)
					strlist_push(pinned, p.pinned.v[k]);
			for (size_t k = 0; k < p.added.n; k++)
				if (strlist_find(added, p.added.v[k]) < 0)
					strlist_push(added, p.added.v[k]);
		}
		error_clear();
		plan_release(&p);
		free(file);
	}
	free(nums);
	free(dir);
}

int plan_undo(const char *path, struct plan *restored)
{
	char *dir = history_dir(path), *from = NULL, *undone;
	size_t n;
	unsigned long *nums = version_numbers(dir, &n);
	int ret = 1;
	struct stat st;

	plan_init(restored);
	undone = xasprintf("%s/undone.json", dir);
	for (size_t i = 0; i < n; i++) {
		free(from);
		from = xasprintf("%s/%06lu.json", dir, nums[i]);
		/* a damaged version is skipped (and named), never put in force */
		if (plan_load(restored, from) == 0) {
			ret = 0;
			break;
		}
		/* kept aside, out of the history: the next undo does not trip on it again */
		{
			char *aside = xasprintf("%s.damaged", from);

			if (rename(from, aside) == 0)
				warning("%s; kept as '%s'", error_message(), aside);
			else
				warning("%s", error_message());
			free(aside);
		}
		error_clear();
		plan_release(restored);
	}
	if (ret == 0 && stat(path, &st) == 0 && keep_as(path, undone) < 0)
		ret = -1;
	if (ret == 0) {
		/* the version's bytes become the plan as every plan is written (temp file, fsync,
		 * rename), then the version leaves the history */
		char *buf;
		size_t len;

		if (read_file(from, PLAN_MAX_BYTES, &buf, &len) < 0) {
			ret = -1;
		} else {
			if (write_file_atomic(path, buf, len) < 0)
				ret = -1;
			else if (unlink(from) < 0)
				warning("cannot remove '%s' from the plan's history: %s", from,
					strerror(errno));
			free(buf);
		}
	}
	if (ret != 0)
		plan_release(restored);
	free(undone);
	free(from);
	free(nums);
	free(dir);
	return ret;
}

int plan_save(const struct plan *p, const char *path)
{
	char *buf = NULL, *dir, *slash;
	size_t len = 0;
	char t[PLAN_ISO_MAX];
	struct jsonw w;
	FILE *f = open_memstream(&buf, &len);
	int ret;

	if (!f)
		return error(EX_OSERR, "cannot write '%s': out of memory", path);
	jsonw_init(&w, f);
	jsonw_object_begin(&w);
	jsonw_key(&w, "planner_plan");
	jsonw_int(&w, 1);
	jsonw_key(&w, "conference");
	jsonw_string(&w, p->conference);
	jsonw_key(&w, "fingerprint");
	jsonw_string(&w, p->fingerprint);
	jsonw_key(&w, "made_at");
	iso_utc(p->made_at, t);
	jsonw_string(&w, t);
	jsonw_key(&w, "travel_minutes");
	jsonw_int(&w, p->travel_minutes);
	strlist_write(&w, "args", &p->args);
	strlist_write(&w, "pinned", &p->pinned);
	strlist_write(&w, "avoided", &p->avoided);
	strlist_write(&w, "dropped", &p->dropped);
	strlist_write(&w, "added", &p->added);
	jsonw_key(&w, "sessions");
	jsonw_array_begin(&w);
	for (size_t i = 0; i < p->nentries; i++) {
		const struct plan_entry *e = &p->entries[i];
		jsonw_object_begin(&w);
		jsonw_key(&w, "id");
		jsonw_string(&w, e->id);
		jsonw_key(&w, "title");
		jsonw_string(&w, e->title);
		jsonw_key(&w, "start");
		iso_utc(e->start, t);
		jsonw_string(&w, t);
		jsonw_key(&w, "end");
		iso_utc(e->end, t);
		jsonw_string(&w, t);
		jsonw_key(&w, "room");
		jsonw_string(&w, e->room);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
	jsonw_finish(&w);
	if (fclose(f) != 0) {
		free(buf);
		return error(EX_OSERR, "cannot write '%s': out of memory", path);
	}
	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	if (slash && slash != dir)
		*slash = '\0';
	ret = slash ? mkdir_p(dir) : 0;
	free(dir);
	if (ret == 0)
		ret = history_keep(path, buf, len);
	if (ret == 0)
		ret = write_file_atomic(path, buf, len);
	free(buf);
	return ret;
}

long plan_find(const struct plan *p, const char *id)
{
	for (size_t i = 0; i < p->nentries; i++)
		if (!strcmp(p->entries[i].id, id))
			return (long)i;
	return -1;
}

void plan_add(struct plan *p, const struct schedule *s, const struct session *se)
{
	struct plan_entry e;
	size_t at;

	if (plan_find(p, se->id) >= 0)
		return;
	e.id = xstrdup(se->id);
	e.title = xstrdup(se->title);
	e.start = se->start;
	e.end = se->end;
	e.room = session_room_label(s, se);
	for (at = p->nentries; at > 0; at--)
		if (p->entries[at - 1].start < e.start ||
		    (p->entries[at - 1].start == e.start && strcmp(p->entries[at - 1].id, e.id) < 0))
			break;
	p->entries = xgrow(p->entries, p->nentries + 1, &p->entries_alloc, sizeof(*p->entries));
	memmove(&p->entries[at + 1], &p->entries[at], (p->nentries - at) * sizeof(*p->entries));
	p->entries[at] = e;
	p->nentries++;
}

bool plan_list_remove(struct strlist *l, const char *s)
{
	long k = strlist_find(l, s);

	if (k < 0)
		return false;
	free(l->v[k]);
	memmove(&l->v[k], &l->v[k + 1], (l->n - (size_t)k - 1) * sizeof(char *));
	l->n--;
	return true;
}

bool plan_drop(struct plan *p, const char *id)
{
	long i = plan_find(p, id), k = strlist_find(&p->pinned, id);

	if (k >= 0) {
		free(p->pinned.v[k]);
		memmove(&p->pinned.v[k], &p->pinned.v[k + 1], (p->pinned.n - (size_t)k - 1) * sizeof(char *));
		p->pinned.n--;
	}
	if (i < 0)
		return false;
	entry_release(&p->entries[i]);
	memmove(&p->entries[i], &p->entries[i + 1], (p->nentries - (size_t)i - 1) * sizeof(*p->entries));
	p->nentries--;
	return true;
}

/* FNV-1a (hash.h): a fingerprint, not a defence against forgery. */
void schedule_fingerprint(const struct schedule *s, char *buf)
{
	uint64_t h = HASH_FNV1A_INIT;

	if (s->fingerprint[0]) {	/* a snapshot's: computed when it was written */
		memcpy(buf, s->fingerprint, sizeof(s->fingerprint));
		return;
	}
	for (size_t i = 0; i < s->nsessions; i++) {
		const struct session *se = &s->sessions[i];
		char *room = session_room_label(s, se);

		h = hash_fnv1a(h, se->id, strlen(se->id) + 1);
		h = hash_fnv1a(h, se->title, strlen(se->title) + 1);
		h = hash_fnv1a(h, room, strlen(room) + 1);
		h = hash_fnv1a(h, &se->has_time, sizeof(se->has_time));
		if (se->has_time) {
			h = hash_fnv1a(h, &se->start, sizeof(se->start));
			h = hash_fnv1a(h, &se->end, sizeof(se->end));
		}
		free(room);
	}
	snprintf(buf, 17, "%016llx", (unsigned long long)h);
}

/* The session of entry e in s, or -1 when it is cancelled: gone, or no longer with a time.
 * *found gets the session's index whether or not it has a time (-1: gone). */
static long entry_session(const struct plan_entry *e, const struct schedule *s, long *found)
{
	*found = schedule_find_session(s, e->id);
	return *found >= 0 && s->sessions[*found].has_time ? *found : -1;
}

enum plan_change plan_entry_change(const struct plan_entry *e, const struct schedule *s, long *now)
{
	long i = entry_session(e, s, now);
	const struct session *se;
	enum plan_change c = PLAN_SAME;
	char *room;

	if (i < 0)
		return PLAN_CANCELLED;
	se = &s->sessions[i];
	room = session_room_label(s, se);
	if (se->start != e->start || se->end != e->end)
		c = PLAN_MOVED;
	else if (strcmp(room, e->room))
		c = PLAN_ROOM;
	else if (strcmp(se->title, e->title))
		c = PLAN_RETITLED;
	free(room);
	return c;
}

const struct session **plan_sessions(const struct plan *p, const struct schedule *s, size_t *n)
{
	const struct session **v = xmalloc((p->nentries ? p->nentries : 1) * sizeof(*v));

	*n = 0;
	for (size_t i = 0; i < p->nentries; i++) {
		long found, k = entry_session(&p->entries[i], s, &found);
		if (k >= 0)
			v[(*n)++] = &s->sessions[k];
	}
	return v;
}
