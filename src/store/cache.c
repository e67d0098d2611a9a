/* cache.c: the on-disk cache of fetched timetables (layout in cache.h): atomic writes, meta.json
 * and changes.json, the default, and loading an entry through its snapshot. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "hash.h"
#include "cache.h"
#include "changes.h"
#include "fsutil.h"
#include "jsonw.h"
#include "load.h"
#include "schedule.h"
#include "snapshot.h"
#include "util.h"

#define META_FORMAT 1
#define CHANGES_FORMAT 1
/* Bigger than any feed fetch accepts, so a rebuild never refuses what a fetch stored. */
#define FEED_READ_MAX ((size_t)1 << 30)
#define SMALL_READ_MAX ((size_t)16 << 20)

void cache_meta_init(struct cache_meta *m)
{
	memset(m, 0, sizeof(*m));
}

void cache_meta_release(struct cache_meta *m)
{
	free(m->name);
	free(m->url);
	free(m->format);
	free(m->timezone);
	free(m->load_name);
	free(m->etag);
	free(m->last_modified);
	free(m->content_type);
	free(m->conf_id);
	free(m->conf_name);
	free(m->conf_tz);
	cache_meta_init(m);
}

const char *cache_root(void)
{
	static char *root;

	if (!root)
		root = xdg_cache_dir();
	return root;
}

bool cache_name_valid(const char *name)
{
	size_t len = strlen(name);

	/* "default" is the file in the cache directory that names the default timetable */
	if (!len || len > CACHE_NAME_MAX || name[0] == '.' || name[0] == '-' || !strcmp(name, "default"))
		return false;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' || *p == '-'))
			return false;
	return true;
}

char *cache_name_from(const char *s)
{
	struct strbuf sb;
	char *name;

	strbuf_init(&sb);
	for (const char *p = s; *p && sb.len < CACHE_NAME_MAX; p++) {
		char c = *p;
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			  c == '.' || c == '_' || c == '-';
		if (!ok)
			c = '-';
		if (c == '-' && (!sb.len || sb.buf[sb.len - 1] == '-'))
			continue; /* no leading or doubled dashes */
		if (c == '.' && !sb.len)
			continue;
		strbuf_addc(&sb, c);
	}
	while (sb.len && (sb.buf[sb.len - 1] == '-' || sb.buf[sb.len - 1] == '.'))
		sb.buf[--sb.len] = '\0';
	if (sb.len == 7 && !memcmp(sb.buf, "default", 7))
		strbuf_adds(&sb, "-timetable");
	name = strbuf_detach(&sb);
	if (!cache_name_valid(name)) {
		free(name);
		return NULL;
	}
	return name;
}

static char *entry_path(const char *name, const char *file)
{
	const char *root = cache_root();

	if (!root)
		return NULL;
	return file ? xasprintf("%s/%s/%s", root, name, file) : xasprintf("%s/%s", root, name);
}

bool cache_feed_intact(const struct cache_meta *m)
{
	char *path = m->name ? entry_path(m->name, "feed") : NULL, *buf;
	size_t len;
	bool ok;

	if (!path || read_file(path, FEED_READ_MAX, &buf, &len) < 0) {
		free(path);
		error_clear();
		return false;
	}
	ok = len == m->feed_size && hash_bytes(buf, len) == m->feed_hash;
	free(buf);
	free(path);
	return ok;
}

bool cache_exists(const char *name)
{
	struct stat st;
	char *path;
	bool ok;

	if (!cache_name_valid(name) || !(path = entry_path(name, "feed")))
		return false;
	ok = stat(path, &st) == 0 && S_ISREG(st.st_mode);
	free(path);
	return ok;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **cache_names(size_t *n)
{
	const char *root = cache_root();
	char **names = NULL;
	size_t alloc = 0;
	struct dirent *de;
	DIR *d;

	*n = 0;
	if (!root || !(d = opendir(root)))
		return NULL;
	while ((de = readdir(d)))
		if (cache_name_valid(de->d_name) && cache_exists(de->d_name)) {
			names = xgrow(names, *n + 1, &alloc, sizeof(*names));
			names[(*n)++] = xstrdup(de->d_name);
		}
	closedir(d);
	if (*n > 1)
		qsort(names, *n, sizeof(*names), cmp_str);
	return names;
}

/* ---- writes ---- */

/* Writes dir/file atomically (fsutil.h: temp file "file.tmp.PID", fsync, rename, fsync dir). */
static int write_atomic(const char *dir, const char *file, const void *data, size_t len)
{
	char *path = xasprintf("%s/%s", dir, file);
	int ret = write_file_atomic(path, data, len);

	free(path);
	return ret;
}

/* The cache's lock file, "<root>/.lock".  Caller frees; NULL with error() set. */
static char *lock_path(void)
{
	const char *root = cache_root();

	return root ? xasprintf("%s/.lock", root) : NULL;
}

int cache_lock(void)
{
	char *path;
	int fd;

	if (!cache_root() || mkdir_p(cache_root()) < 0 || !(path = lock_path()))
		return -1;
	fd = lock_file(path, "the cache", cache_root(), CACHE_LOCK_SECONDS);
	free(path);
	return fd;
}

/* The lock if nobody holds it, else -1 (no error worth reporting). */
static int cache_trylock(void)
{
	char *path = lock_path();
	int fd = path ? lock_file(path, "the cache", cache_root(), 0) : -1;

	free(path);
	return fd;
}

void cache_unlock(int fd)
{
	lock_release(fd);
}

/* ---- meta.json ---- */

/* Runs a jsonw writer into memory.  Caller frees *out. */
static FILE *mem_open(char **out, size_t *len)
{
	FILE *f;

	*out = NULL;
	*len = 0;
	f = open_memstream(out, len);
	if (!f)
		out_of_memory();
	return f;
}

static void key_str(struct jsonw *w, const char *key, const char *v)
{
	jsonw_key(w, key);
	jsonw_string(w, v);
}

static void key_int(struct jsonw *w, const char *key, int64_t v)
{
	jsonw_key(w, key);
	jsonw_int(w, v);
}

/* Writes meta.json of m into directory dir. */
static int write_meta_in(const char *dir, const struct cache_meta *m)
{
	char *buf, hash[20];
	size_t len;
	struct jsonw w;
	FILE *f;
	int ret;

	f = mem_open(&buf, &len);
	jsonw_init(&w, f);
	jsonw_object_begin(&w);
	key_int(&w, "planner_cache", META_FORMAT);
	key_str(&w, "name", m->name);
	key_str(&w, "url", m->url);
	key_str(&w, "format", m->format);
	key_str(&w, "timezone", m->timezone);
	key_str(&w, "load_name", m->load_name);
	key_str(&w, "etag", m->etag);
	key_str(&w, "last_modified", m->last_modified);
	key_str(&w, "content_type", m->content_type);
	key_int(&w, "fetched_at", m->fetched_at);
	key_int(&w, "checked_at", m->checked_at);
	key_int(&w, "feed_size", (int64_t)m->feed_size);
	snprintf(hash, sizeof(hash), "%016" PRIx64, m->feed_hash);
	key_str(&w, "feed_hash", hash);
	key_str(&w, "conference_id", m->conf_id);
	key_str(&w, "conference_name", m->conf_name);
	key_str(&w, "conference_timezone", m->conf_tz);
	key_int(&w, "sessions", (int64_t)m->nsessions);
	key_int(&w, "days", (int64_t)m->ndays);
	jsonw_object_end(&w);
	jsonw_finish(&w);
	fclose(f);
	ret = write_atomic(dir, "meta.json", buf, len);
	free(buf);
	return ret;
}

int cache_write_meta(const struct cache_meta *m)
{
	char *dir = entry_path(m->name, NULL);
	int ret;

	if (!dir)
		return -1;
	ret = write_meta_in(dir, m);
	free(dir);
	return ret;
}

static json_t *read_json(const char *path)
{
	json_error_t jerr;
	char *buf;
	size_t len;
	json_t *root;

	if (read_file(path, SMALL_READ_MAX, &buf, &len) < 0)
		return NULL;
	root = json_loadb(buf, len, 0, &jerr);
	free(buf);
	if (!root) {
		error(EX_DATAERR, "%s:%d:%d: %s", path, jerr.line, jerr.column, jerr.text);
		return NULL;
	}
	if (!json_is_object(root)) {
		json_decref(root);
		error(EX_DATAERR, "%s: not an object", path);
		return NULL;
	}
	return root;
}

static char *get_str(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	return json_is_string(v) ? xstrdup(json_string_value(v)) : NULL;
}

static int64_t get_int(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	return json_is_integer(v) ? (int64_t)json_integer_value(v) : 0;
}

int cache_read_meta(const char *name, struct cache_meta *m)
{
	char *path = entry_path(name, "meta.json");
	json_t *root;
	char *hash;

	if (!path)
		return -1;
	root = read_json(path);
	free(path);
	if (!root)
		return -1;
	cache_meta_release(m);
	m->name = xstrdup(name);
	m->url = get_str(root, "url");
	m->format = get_str(root, "format");
	m->timezone = get_str(root, "timezone");
	m->load_name = get_str(root, "load_name");
	m->etag = get_str(root, "etag");
	m->last_modified = get_str(root, "last_modified");
	m->content_type = get_str(root, "content_type");
	m->fetched_at = get_int(root, "fetched_at");
	m->checked_at = get_int(root, "checked_at");
	m->feed_size = (uint64_t)get_int(root, "feed_size");
	hash = get_str(root, "feed_hash");
	m->feed_hash = hash ? strtoull(hash, NULL, 16) : 0;
	free(hash);
	m->conf_id = get_str(root, "conference_id");
	m->conf_name = get_str(root, "conference_name");
	m->conf_tz = get_str(root, "conference_timezone");
	m->nsessions = (size_t)get_int(root, "sessions");
	m->ndays = (size_t)get_int(root, "days");
	json_decref(root);
	return 0;
}

char *cache_find_url(const char *url)
{
	size_t n;
	char **names = cache_names(&n), *found = NULL;

	for (size_t i = 0; i < n; i++) {
		struct cache_meta m;

		cache_meta_init(&m);
		if (!found && cache_read_meta(names[i], &m) == 0 && m.url && !strcmp(m.url, url))
			found = xstrdup(names[i]);
		cache_meta_release(&m);
		free(names[i]);
	}
	free(names);
	error_clear();
	return found;
}

/* ---- the snapshot ---- */

static int feed_stamp(const char *path, struct snapshot_stamp *st)
{
	struct stat sb;

	if (stat(path, &sb) < 0)
		return -1;
	st->size = (uint64_t)sb.st_size;
	st->mtime_ns = (uint64_t)sb.st_mtim.tv_sec * 1000000000u + (uint64_t)sb.st_mtim.tv_nsec;
	st->inode = (uint64_t)sb.st_ino;
	return 0;
}

/* Writes dir/model.snap: s, the model of the feed whose stamp is st. */
static int write_snapshot_in(const char *dir, const struct schedule *s,
			     const struct snapshot_stamp *st)
{
	char *buf;
	size_t len;
	int ret;

	if (snapshot_encode(s, st, &buf, &len) < 0)
		return -1;
	ret = write_atomic(dir, "model.snap", buf, len);
	free(buf);
	return ret;
}

/* Reads the feed at path and its stamp, from one open file (so that the two agree even when
 * a fetch replaces the entry meanwhile). */
static int read_feed(const char *path, char **buf, size_t *len, struct snapshot_stamp *st)
{
	struct stat sb;
	int fd = open(path, O_RDONLY | O_CLOEXEC), ret;

	if (fd < 0)
		return error(EX_NOINPUT, "%s: %s", path, strerror(errno));
	if (fstat(fd, &sb) < 0) {
		close(fd);
		return error(EX_IOERR, "%s: %s", path, strerror(errno));
	}
	st->size = (uint64_t)sb.st_size;
	st->mtime_ns = (uint64_t)sb.st_mtim.tv_sec * 1000000000u + (uint64_t)sb.st_mtim.tv_nsec;
	st->inode = (uint64_t)sb.st_ino;
	if (!S_ISREG(sb.st_mode) || (uint64_t)sb.st_size > FEED_READ_MAX) {
		close(fd);
		return error(EX_DATAERR, "%s: not a feed planner stored", path);
	}
	*buf = xmalloc((size_t)sb.st_size + 1);
	*len = 0;
	for (;;) {
		ssize_t n = read(fd, *buf + *len, (size_t)sb.st_size - *len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			ret = errno;
			close(fd);
			free(*buf);
			*buf = NULL;
			return error(EX_IOERR, "%s: %s", path, strerror(ret));
		}
		if (n == 0 || (*len += (size_t)n) == (size_t)sb.st_size)
			break;
	}
	(*buf)[*len] = '\0';
	close(fd);
	return 0;
}

static bool same_stamp(const struct snapshot_stamp *a, const struct snapshot_stamp *b)
{
	return a->size == b->size && a->mtime_ns == b->mtime_ns && a->inode == b->inode;
}

/* Loads the raw feed with the recorded options and rewrites the snapshot when it can: when the
 * cache is not busy, and the feed is still the one read. */
static int rebuild(const char *name, const char *feed_path, struct schedule *s)
{
	struct cache_meta m;
	struct load_options opt = { 0 };
	struct snapshot_stamp st, now;
	size_t nwarn = warning_count(), len = 0;
	char *buf;
	int ret, fd;

	cache_meta_init(&m);
	if (cache_read_meta(name, &m) == 0) {
		opt.format = m.format;
		opt.timezone = m.timezone;
		opt.name = m.load_name;
	}
	if (read_feed(feed_path, &buf, &len, &st) < 0) {
		cache_meta_release(&m);
		return -1;
	}
	ret = schedule_load_buffer(s, buf, len, m.url ? m.url : name, &opt);
	free(buf);
	if (ret < 0) {
		/* The loader named the source first (its subject); the bytes at fault are the cached
		 * file's. */
		const char *rest = error_after_subject(), *what = rest ? rest : error_message();
		const char *sep = rest ? "" : ": ";	/* rest starts with the position's ':' */

		if (m.url)
			error(EX_DATAERR, "%s%s%s; the cached copy of '%s' is damaged: fetch it again "
			      "with 'planner fetch %s'", feed_path, sep, what, name, m.url);
		else
			error(EX_DATAERR, "%s%s%s; the cached copy of '%s' is damaged: fetch its URL "
			      "again", feed_path, sep, what, name);
		cache_meta_release(&m);
		return -1;
	}
	cache_meta_release(&m);
	/* The loader's warnings were shown when the timetable was fetched. */
	if (!nwarn)
		warnings_clear();
	fd = cache_trylock();
	if (fd >= 0) {
		char *dir = entry_path(name, NULL);
		if (dir && feed_stamp(feed_path, &now) == 0 && same_stamp(&st, &now))
			write_snapshot_in(dir, s, &st);
		free(dir);
		cache_unlock(fd);
	}
	error_clear();
	return 0;
}

/* Maps the snapshot at `path` read-only, so that the schedule may point into its bytes without
 * a copy: the decoder and the model never write into them (a write would fault), and the cache
 * replaces a snapshot by renaming a new file over it, never by writing into it.  (MAP_POPULATE
 * measured slower: the kernel's fault-around already maps the page cache 16 pages a fault.)
 * 0, or -1 when it cannot be mapped (missing, empty, too large): it is rebuilt then. */
static int map_snapshot(const char *path, char **buf, size_t *len)
{
	struct stat st;
	void *p;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    (uint64_t)st.st_size > FEED_READ_MAX) {
		close(fd);
		return -1;
	}
	p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return -1;
	*buf = p;
	*len = (size_t)st.st_size;
	return 0;
}

int cache_load(const char *name, struct schedule *s)
{
	char *feed, *snap, *buf = NULL;
	struct snapshot_stamp st;
	size_t len;
	int ret;

	if (!cache_name_valid(name))
		return error(EX_NOINPUT, "no fetched timetable '%s'", name);
	feed = entry_path(name, "feed");
	snap = entry_path(name, "model.snap");
	if (!feed || !snap) {
		free(feed);
		free(snap);
		return -1;
	}
	if (feed_stamp(feed, &st) < 0) {
		ret = error(EX_NOINPUT, "no fetched timetable '%s'", name);
		goto out;
	}
	if (map_snapshot(snap, &buf, &len) == 0) {
		ret = snapshot_decode_owned(buf, len, true, &st, s);	/* the schedule's, or gone */
		buf = NULL;
		if (ret == 0)
			goto out;
	}
	schedule_init(s);
	ret = rebuild(name, feed, s);
out:
	free(buf);
	free(feed);
	free(snap);
	return ret;
}

void cache_recover(const char *name)
{
	char *dir = entry_path(name, NULL);

	if (dir)
		recover_dir(dir);
	free(dir);
}

/* The report as changes.json wants it, into dir. */
static int write_report_in(const char *dir, const struct changes *report)
{
	char *buf;
	size_t blen;
	struct jsonw w;
	FILE *f = mem_open(&buf, &blen);
	int ret;

	jsonw_init(&w, f);
	jsonw_object_begin(&w);
	key_int(&w, "planner_changes", CHANGES_FORMAT);
	key_str(&w, "conference", report->conference);
	key_str(&w, "timezone", report->timezone);
	key_int(&w, "since", report->since);
	key_int(&w, "at", report->at);
	jsonw_key(&w, "changes");
	jsonw_array_begin(&w);
	for (size_t i = 0; i < report->n; i++) {
		const struct change *ch = &report->v[i];

		jsonw_object_begin(&w);
		key_str(&w, "id", ch->id);
		key_int(&w, "kinds", ch->kinds);
		key_str(&w, "title", ch->title);
		key_str(&w, "old_title", ch->old_title);
		jsonw_key(&w, "old_timed");
		jsonw_bool(&w, ch->old_timed);
		key_int(&w, "old_start", ch->old_start);
		key_int(&w, "old_end", ch->old_end);
		key_str(&w, "old_room", ch->old_room);
		jsonw_key(&w, "new_timed");
		jsonw_bool(&w, ch->new_timed);
		key_int(&w, "new_start", ch->new_start);
		key_int(&w, "new_end", ch->new_end);
		key_str(&w, "new_room", ch->new_room);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
	jsonw_finish(&w);
	fclose(f);
	ret = write_atomic(dir, "changes.json", buf, blen);
	free(buf);
	return ret;
}

/* Gives the new version dir `to` the current one's file `file`, when it has one (a second
 * name: files are replaced, never changed in place). */
static int keep_file(const char *from, const char *to, const char *file)
{
	char *a = xasprintf("%s/%s", from, file), *b = xasprintf("%s/%s", to, file);
	int ret = 0;

	if (link(a, b) < 0 && errno != ENOENT)
		ret = error(EX_IOERR, "cannot write '%s': %s", b, strerror(errno));
	free(a);
	free(b);
	return ret;
}

int cache_store(const struct cache_meta *m, const char *feed, size_t len,
		const struct schedule *s, const struct changes *report)
{
	char *dir = entry_path(m->name, NULL), *tmp = NULL, *feed_path = NULL;
	struct snapshot_stamp st;
	int ret = -1;

	if (!dir || mkdir_p(cache_root()) < 0)
		goto out;
	recover_dir(dir);
	/* The whole new version is made beside the entry, then takes its place in one step: the
	 * feed, its snapshot, the report and meta.json always describe the same version. */
	tmp = dir_temporary(dir);
	if (mkdir(tmp, 0700) < 0) {
		error(EX_CANTCREAT, "cannot create directory '%s': %s", tmp, strerror(errno));
		free(tmp);
		tmp = NULL;
		goto out;
	}
	feed_path = xasprintf("%s/feed", tmp);
	if (feed ? write_atomic(tmp, "feed", feed, len) < 0 : keep_file(dir, tmp, "feed") < 0)
		goto out;
	if (feed_stamp(feed_path, &st) < 0) {
		error(EX_IOERR, "%s: %s", feed_path, strerror(errno));
		goto out;
	}
	if (write_snapshot_in(tmp, s, &st) < 0)
		goto out;
	if (report ? write_report_in(tmp, report) < 0 : keep_file(dir, tmp, "changes.json") < 0)
		goto out;
	if (write_meta_in(tmp, m) < 0)
		goto out;
	ret = replace_dir(tmp, dir);	/* removes tmp when it fails */
	free(tmp);
	tmp = NULL;
out:
	if (tmp) {
		char *f;
		const char *files[] = { "feed", "model.snap", "changes.json", "meta.json" };
		for (size_t i = 0; i < sizeof(files) / sizeof(*files); i++) {
			f = xasprintf("%s/%s", tmp, files[i]);
			unlink(f);
			free(f);
		}
		remove_stale_temporaries(tmp, NULL);
		rmdir(tmp);
		free(tmp);
	}
	free(feed_path);
	free(dir);
	return ret;
}

int cache_read_changes(const char *name, struct changes *c)
{
	char *path = entry_path(name, "changes.json");
	const json_t *arr, *e;
	json_t *root;
	struct stat st;
	size_t i;

	if (!path)
		return -1;
	if (stat(path, &st) < 0 && errno == ENOENT) {
		free(path);
		return 1;
	}
	root = read_json(path);
	free(path);
	if (!root)
		return -1;
	changes_release(c);
	c->conference = get_str(root, "conference");
	c->timezone = get_str(root, "timezone");
	c->since = get_int(root, "since");
	c->at = get_int(root, "at");
	arr = json_object_get(root, "changes");
	json_array_foreach(arr, i, e) {
		struct change *ch;
		char *id = get_str(e, "id"), *title = get_str(e, "title");

		if (!id || !title) {
			free(id);
			free(title);
			continue;
		}
		ch = changes_add(c);
		ch->id = id;
		ch->title = title;
		ch->kinds = (unsigned)get_int(e, "kinds");
		ch->old_title = get_str(e, "old_title");
		ch->old_timed = json_is_true(json_object_get(e, "old_timed"));
		ch->old_start = get_int(e, "old_start");
		ch->old_end = get_int(e, "old_end");
		ch->old_room = get_str(e, "old_room");
		ch->new_timed = json_is_true(json_object_get(e, "new_timed"));
		ch->new_start = get_int(e, "new_start");
		ch->new_end = get_int(e, "new_end");
		ch->new_room = get_str(e, "new_room");
	}
	json_decref(root);
	if (!c->conference)
		c->conference = xstrdup(name);
	if (!c->timezone)
		c->timezone = xstrdup("UTC");
	return 0;
}

/* ---- the default ---- */

char *cache_default(void)
{
	const char *root = cache_root();
	char *path, *buf, *name = NULL;
	size_t len;

	if (!root) {
		error_clear();
		return NULL;
	}
	path = xasprintf("%s/default", root);
	if (read_file(path, 4096, &buf, &len) == 0) {
		buf[strcspn(buf, "\r\n")] = '\0';
		if (cache_exists(buf))
			name = xstrdup(buf);
		free(buf);
	}
	free(path);
	error_clear();
	return name;
}

int cache_set_default(const char *name)
{
	const char *root = cache_root();
	char *line;
	int ret;

	if (!root || mkdir_p(root) < 0)
		return -1;
	line = xasprintf("%s\n", name);
	ret = write_atomic(root, "default", line, strlen(line));
	free(line);
	return ret;
}
