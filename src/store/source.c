/* source.c: resolves a SOURCE (URL, path, fetched or bundled name) to a timetable and loads
 * it; fetches a timetable into the cache (transport, validation, changes, storage in order). */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "hash.h"
#include "cache.h"
#include "changes.h"
#include "fetch.h"
#include "load.h"
#include "schedule.h"
#include "snapshot.h"
#include "source.h"
#include "text.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

#ifndef PLANNER_DATADIR
#define PLANNER_DATADIR "/usr/local/share/planner"
#endif

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *source_bundled_dir(void)
{
	static char dir[PATH_MAX];
	static int done;
	char exe[PATH_MAX];
	ssize_t n;

	if (done)
		return dir[0] ? dir : NULL;
	done = 1;
	/* The build tree: the binary sits at the top next to schedules/.  Installed: PREFIX/bin and
	 * PREFIX/share/planner/schedules, wherever PREFIX is (even when moved after the build). */
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		static const char *const beside[] = { "%s/schedules", "%s/../share/planner/schedules" };
		char *slash;
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		for (size_t i = 0; slash && i < sizeof(beside) / sizeof(beside[0]); i++) {
			*slash = '\0';
			if ((size_t)snprintf(dir, sizeof(dir), beside[i], exe) < sizeof(dir) && is_dir(dir))
				return dir;
		}
	}
	if ((size_t)snprintf(dir, sizeof(dir), "%s/schedules", PLANNER_DATADIR) < sizeof(dir) &&
	    is_dir(dir))
		return dir;
	dir[0] = '\0';
	return NULL;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **source_bundled_names(size_t *n)
{
	const char *dir = source_bundled_dir();
	char **names = NULL;
	size_t alloc = 0;
	struct dirent *de;
	DIR *d;

	*n = 0;
	if (!dir || !(d = opendir(dir)))
		return NULL;
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		if (len > 5 && !strcmp(de->d_name + len - 5, ".json") && de->d_name[0] != '.') {
			names = xgrow(names, *n + 1, &alloc, sizeof(*names));
			names[(*n)++] = xstrndup(de->d_name, len - 5);
		}
	}
	closedir(d);
	if (*n > 1)
		qsort(names, *n, sizeof(*names), cmp_str);
	return names;
}

void source_names_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static int load_newest_bundled(struct schedule *s, const struct load_options *opt)
{
	size_t n;
	char **names = source_bundled_names(&n);
	int best = -1, ret = -1;
	int64_t best_end = 0;

	for (size_t i = 0; i < n; i++) {
		struct schedule t;
		char *path = xasprintf("%s/%s.json", source_bundled_dir(), names[i]);

		schedule_init(&t);
		if (schedule_load_file(&t, path, opt) == 0) {
			int64_t last = t.ndays ? t.days[t.ndays - 1].start : 0;
			if (best < 0 || last > best_end) {
				best = (int)i;
				best_end = last;
			}
			schedule_release(&t);
		}
		free(path);
	}
	if (best < 0) {
		error(EX_NOINPUT, "no timetable given and no bundled timetable found%s%s",
		      source_bundled_dir() ? " in " : "", source_bundled_dir() ? source_bundled_dir() : "");
	} else {
		char *path = xasprintf("%s/%s.json", source_bundled_dir(), names[best]);
		ret = schedule_load_file(s, path, opt);
		free(path);
	}
	source_names_free(names, n);
	return ret;
}

int source_load(struct schedule *s, const char *spec, const struct load_options *opt,
		const char *cacert)
{
	struct stat st;
	size_t n, nf;
	char **names, **fetched, *name;
	const char *best = NULL;
	struct text_suggest sg;
	int ret;

	if (!spec) {
		name = cache_default();
		if (!name)
			return load_newest_bundled(s, opt);
		ret = cache_load(name, s);
		free(name);
		return ret;
	}
	if (fetch_is_url(spec)) {
		struct source_fetch_opts fo = { 0 };
		struct source_fetch_result fr;

		name = cache_find_url(spec);
		if (name) {
			ret = cache_load(name, s);
			free(name);
			return ret;
		}
		fo.cacert = cacert;
		source_fetch_result_init(&fr);
		ret = source_fetch(spec, &fo, &fr);
		if (ret == 0)
			ret = cache_load(fr.meta.name, s);
		source_fetch_result_release(&fr);
		return ret;
	}
	if (strchr(spec, '/') || stat(spec, &st) == 0)
		return schedule_load_file(s, spec, opt);
	if (cache_exists(spec))
		return cache_load(spec, s);

	names = source_bundled_names(&n);
	fetched = cache_names(&nf);
	error_clear();
	text_suggest_init(&sg, spec, 3);
	for (size_t i = 0; i < n + nf; i++) {
		const char *cand = i < n ? names[i] : fetched[i - n];
		if (i < n && !strcmp(cand, spec)) {
			char *path = xasprintf("%s/%s.json", source_bundled_dir(), cand);
			ret = schedule_load_file(s, path, opt);
			free(path);
			source_names_free(names, n);
			source_names_free(fetched, nf);
			return ret;
		}
		text_suggest_offer(&sg, cand);
	}
	if ((best = text_suggest_best(&sg)))
		ret = error(EX_NOINPUT, "no timetable '%s': not a file or a bundled name (did you mean '%s'?)",
			    spec, best);
	else
		ret = error(EX_NOINPUT, "no timetable '%s': not a file or a bundled name", spec);
	source_names_free(names, n);
	source_names_free(fetched, nf);
	return ret;
}

void source_format_local(int64_t t, char *buf, size_t size)
{
	const struct tz *z = tz_get("local");
	struct civil c;

	if (!z) {
		error_clear();
		z = tz_get("UTC");
	}
	tz_to_civil(z, t, &c);
	civil_format_date_hm(&c, buf, size);
}

void source_fetch_result_init(struct source_fetch_result *r)
{
	memset(r, 0, sizeof(*r));
	cache_meta_init(&r->meta);
	changes_init(&r->report);
}

void source_fetch_result_release(struct source_fetch_result *r)
{
	cache_meta_release(&r->meta);
	changes_release(&r->report);
	source_fetch_result_init(r);
}

/* True for content types a timetable may come with: JSON of any kind, iCalendar, plain text,
 * unlabelled bytes, or none at all. */
static bool timetable_content_type(const char *ct)
{
	static const char *const ok[] = {
		"application/json", "text/json", "text/calendar", "application/ics",
		"text/x-vcalendar", "text/plain", "application/octet-stream", "application/x-ndjson",
		"application/xml", "text/xml",
	};
	size_t len;

	if (!ct || !*ct)
		return true;
	len = strcspn(ct, "; \t");
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (strlen(ok[i]) == len && !strncasecmp(ct, ok[i], len))
			return true;
	/* application/vnd.foo+json, application/schedule+json, application/schedule+xml ... */
	return len >= 5 && (!strncasecmp(ct + len - 5, "+json", 5) ||
			    !strncasecmp(ct + len - 4, "+xml", 4));
}

/* The content type without parameters, made printable, for messages. */
static char *content_type_text(const char *ct)
{
	char *plain = xstrndup(ct, strcspn(ct, "; \t")), *clean = text_sanitize(plain);

	free(plain);
	return clean;
}

/* A name for a new entry: the conference id, else the URL's last path segment without its
 * extension, else "timetable". */
static char *derive_name(const struct schedule *s, const char *url)
{
	char *name = cache_name_from(s->conf.id ? s->conf.id : "");
	const char *seg, *end;

	if (name)
		return name;
	end = url + strcspn(url, "?#");
	while (end > url && end[-1] == '/')
		end--;
	seg = end;
	while (seg > url && seg[-1] != '/')
		seg--;
	if (end > seg) {
		char *base = xstrndup(seg, (size_t)(end - seg)), *dot = strrchr(base, '.');
		if (dot && dot != base)
			*dot = '\0';
		name = cache_name_from(base);
		free(base);
	}
	return name ? name : xstrdup("timetable");
}

/* A name for a new entry that no other URL's entry has: the derived one, else with "-2", "-3",
 * ... appended (an entry fetched from elsewhere is never replaced without --name).  Caller
 * frees; NULL with error() set when a hundred are taken. */
static char *free_name(const struct schedule *s, const char *url)
{
	char *base = derive_name(s, url);

	for (int i = 1; i < 100; i++) {
		char *name = i == 1 ? xstrdup(base) : xasprintf("%.*s-%d", CACHE_NAME_MAX - 3, base, i);

		if (!cache_exists(name)) {
			free(base);
			return name;
		}
		free(name);
	}
	error(EX_CANTCREAT, "fetch %s: every name from '%s' to '%s-99' is taken (use --name)", url,
	      base, base);
	free(base);
	return NULL;
}

static bool same_option(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

/* Where `spec` is fetched from, and which entry it refreshes (*existing may stay NULL). */
static int resolve_fetch(const char *spec, const struct source_fetch_opts *o, char **url,
			 char **existing)
{
	struct stat st;

	*url = *existing = NULL;
	if (o->name && !cache_name_valid(o->name))
		return error(EX_USAGE, "bad name '%s' (1 to %d letters, digits, '.', '_' or '-', not "
			     "starting with '.' or '-', and not 'default')", text_inert(o->name),
			     CACHE_NAME_MAX);
	if (fetch_is_url(spec)) {
		*url = xstrdup(spec);
	} else if (!strchr(spec, '/') && stat(spec, &st) < 0 && cache_exists(spec)) {
		struct cache_meta m;

		cache_meta_init(&m);
		if (cache_read_meta(spec, &m) < 0 || !m.url) {
			cache_meta_release(&m);
			return error(EX_DATAERR, "fetch %s: the cache does not say where it came from (%s)",
				     spec, error_message());
		}
		*url = m.url;
		m.url = NULL;
		cache_meta_release(&m);
		*existing = xstrdup(o->name ? o->name : spec);
		return 0;
	} else if (stat(spec, &st) == 0) {
		char *abs = realpath(spec, NULL);
		*url = abs ? xstrdup(abs) : xstrdup(spec);
		free(abs);
	} else {
		return error(EX_NOINPUT, "fetch %s: not a URL, a file or a fetched timetable", spec);
	}
	*existing = o->name ? xstrdup(o->name) : cache_find_url(*url);
	return 0;
}

/* Reads entry name's meta.json again into m, under the cache lock.  0 when it describes the
 * version m did; 1 when another fetch stored another since (m then holds the new record); -1
 * when there is none now (m unchanged).  What m held goes to *was (released first), since the
 * request and the load options still point into it. */
static int reread_meta(const char *name, struct cache_meta *m, struct cache_meta *was)
{
	struct cache_meta now;
	int changed;

	cache_meta_init(&now);
	if (cache_read_meta(name, &now) < 0) {
		cache_meta_release(&now);
		return -1;
	}
	changed = now.fetched_at != m->fetched_at || now.feed_hash != m->feed_hash ||
		  now.feed_size != m->feed_size || !same_option(now.url, m->url) ||
		  !same_option(now.etag, m->etag) || !same_option(now.last_modified, m->last_modified);
	cache_meta_release(was);
	*was = *m;
	*m = now;
	return changed;
}

int source_fetch(const char *spec, const struct source_fetch_opts *o, struct source_fetch_result *r)
{
	struct fetch_request req = { 0 };
	struct fetch_result fr;
	struct cache_meta old, was;
	struct schedule news;
	struct load_options lo = { 0 };
	char *url = NULL, *name = NULL;
	bool have_old = false, intact = false, conditional;
	int64_t now = (int64_t)time(NULL);
	int ret = -1, lock = -1;
	uint64_t hash;

	source_fetch_result_release(r);
	fetch_result_init(&fr);
	cache_meta_init(&old);
	cache_meta_init(&was);
	schedule_init(&news);
	/* An entry a killed fetch left set aside comes back before it is looked up. */
	if (cache_name_valid(spec) && !cache_exists(spec)) {
		if ((lock = cache_lock()) < 0)
			goto out;
		cache_recover(spec);
		cache_unlock(lock);
		lock = -1;
	}
	if (resolve_fetch(spec, o, &url, &name) < 0)
		goto out;
	if (name && cache_exists(name) && cache_read_meta(name, &old) == 0)
		have_old = true;
	/* A cached feed that no longer matches its record is fetched again whole. */
	intact = have_old && cache_feed_intact(&old);
	error_clear();
	memset(&lo, 0, sizeof(lo));
	lo.format = o->format ? o->format : have_old ? old.format : NULL;
	lo.timezone = o->timezone ? o->timezone : have_old ? old.timezone : NULL;
	/* The name the loader gives a feed without a conference id is fixed by the first fetch:
	 * --name on a later one only picks the entry. */
	lo.name = have_old ? old.load_name : o->name;
	/* Validators only for the same URL read the same way: else the bytes are needed anyway. */
	conditional = intact && !o->refresh && old.url && !strcmp(old.url, url) &&
		      same_option(lo.format, old.format) && same_option(lo.timezone, old.timezone);
	req.source = url;
	req.etag = conditional ? old.etag : NULL;
	req.last_modified = conditional ? old.last_modified : NULL;
	req.max_size = o->max_size;
	req.progress = o->progress;
	req.progress_data = o->progress_data;
	req.cacert = o->cacert;

	if (fetch(&req, &fr) < 0) {
		char when[32];

		if (!fr.offline || !have_old)
			goto out;
		source_format_local(old.fetched_at, when, sizeof(when));
		warning("%s; using the copy of '%s' fetched %s", error_message(), name, when);
		error_clear();
		r->outcome = SOURCE_OFFLINE;
		goto done_old;
	}
	if (fr.not_modified) {
		if (!have_old) {
			error(EX_PROTOCOL, "fetch %s: HTTP 304 but nothing is cached", url);
			goto out;
		}
		if ((lock = cache_lock()) < 0)
			goto out;
		/* Another fetch may have stored a version since: then the server's "not modified"
		 * was about an older one, and the entry stays as that fetch left it. */
		if (reread_meta(name, &old, &was) == 1) {
			r->outcome = SOURCE_NOT_MODIFIED;
			goto done_old;
		}
		old.checked_at = now;
		if (fr.etag) {
			free(old.etag);
			old.etag = xstrdup(fr.etag);
		}
		if (fr.last_modified) {
			free(old.last_modified);
			old.last_modified = xstrdup(fr.last_modified);
		}
		if (cache_write_meta(&old) < 0)
			goto out;
		r->outcome = SOURCE_NOT_MODIFIED;
		goto done_old;
	}

	/* Validate: the bytes must load before they replace anything. */
	if (schedule_load_buffer(&news, fr.body, fr.len, url, &lo) < 0) {
		if (!timetable_content_type(fr.content_type)) {
			char *ct = content_type_text(fr.content_type);
			/* The loader names the URL first, as its subject: once is enough. */
			error(EX_DATAERR, "fetch %s: the server sent %s, not a timetable (%s)", url, ct,
			      error_without_subject());
			free(ct);
		}
		goto out;
	}
	if (!timetable_content_type(fr.content_type)) {
		char *ct = content_type_text(fr.content_type);
		warning("fetch %s: the server says the content type is %s; it reads as a timetable "
			"all the same", url, ct);
		free(ct);
	}
	if (!name && !(name = free_name(&news, url)))
		goto out;
	hash = hash_bytes(fr.body, fr.len);

	if ((lock = cache_lock()) < 0)
		goto out;
	cache_recover(name);
	/* What is cached now, under the lock: another fetch may have stored a version since meta.json
	 * was read for the request. */
	if (have_old && reread_meta(name, &old, &was) < 0) {
		have_old = intact = false;
		error_clear();
	} else if (have_old) {
		intact = cache_feed_intact(&old);
	}
	r->meta.name = xstrdup(name);
	r->meta.url = xstrdup(url);
	r->meta.format = xstrdup(lo.format);
	r->meta.timezone = xstrdup(lo.timezone);
	r->meta.load_name = xstrdup(lo.name);
	r->meta.etag = xstrdup(fr.etag);
	r->meta.last_modified = xstrdup(fr.last_modified);
	r->meta.content_type = xstrdup(fr.content_type);
	r->meta.fetched_at = now;
	r->meta.checked_at = now;
	r->meta.feed_size = fr.len;
	r->meta.feed_hash = hash;
	r->meta.conf_id = xstrdup(news.conf.id);
	r->meta.conf_name = xstrdup(news.conf.name);
	r->meta.conf_tz = xstrdup(news.conf.timezone);
	r->meta.nsessions = news.nsessions;
	r->meta.ndays = news.ndays;
	if (intact && cache_exists(name) && old.feed_hash == hash && old.feed_size == fr.len &&
	    same_option(lo.format, old.format) && same_option(lo.timezone, old.timezone)) {
		/* The same bytes again: only the validators and the times change. */
		r->meta.fetched_at = old.fetched_at;
		if (cache_write_meta(&r->meta) < 0)
			goto out;
		r->outcome = SOURCE_UNCHANGED;
	} else {
		struct schedule olds;

		r->outcome = SOURCE_NEW;
		schedule_init(&olds);
		if (cache_exists(name)) {
			r->outcome = SOURCE_CHANGED;
			if (cache_load(name, &olds) == 0) {
				changes_compute(&olds, &news, &r->report);
				r->report.since = have_old ? old.fetched_at : 0;
				r->report.at = now;
				r->has_report = r->report.n > 0;
			}
			schedule_release(&olds);
			error_clear();
		}
		if (cache_store(&r->meta, fr.body, fr.len, &news, r->has_report ? &r->report : NULL) < 0)
			goto out;
	}
	if (o->make_default && cache_set_default(name) < 0)
		goto out;
	ret = 0;
	goto out;

done_old:
	/* The cached copy stays: report it as it is. */
	r->meta = old;
	cache_meta_init(&old);
	if (o->make_default && cache_set_default(name) < 0)
		goto out;
	ret = 0;
out:
	cache_unlock(lock);
	schedule_release(&news);
	cache_meta_release(&old);
	cache_meta_release(&was);
	fetch_result_release(&fr);
	free(url);
	free(name);
	return ret;
}
