/* cmd_sources.c: `planner sources` — the timetables planner knows: fetched ones (with when and
 * where from) and bundled ones, the default marked; or --json. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "cli.h"
#include "command.h"
#include "jsonw.h"
#include "load.h"
#include "render.h"
#include "schedule.h"
#include "source.h"
#include "tz.h"
#include "util.h"

struct entry {
	char *name;
	bool fetched, is_default, hidden;
	char *conf_id, *conf_name;
	size_t nsessions, ndays;
	int64_t fetched_at, checked_at; /* fetched only */
	char *url;                      /* the URL, or the bundled file's path */
};

static void entry_release(struct entry *e)
{
	free(e->name);
	free(e->conf_id);
	free(e->conf_name);
	free(e->url);
}

/* Fetched entries first (by name), then bundled ones (by name). */
static size_t collect(struct entry **out)
{
	size_t nf, nb, n = 0, alloc = 0;
	char **fetched = cache_names(&nf), **bundled = source_bundled_names(&nb), *def;
	struct entry *v = NULL;
	long newest = -1;
	int64_t newest_day = 0;

	error_clear();
	def = cache_default();
	for (size_t i = 0; i < nf; i++) {
		struct cache_meta m;
		struct entry *e;

		cache_meta_init(&m);
		if (cache_read_meta(fetched[i], &m) < 0) {
			warning("the cache entry '%s' has no readable meta.json: %s", fetched[i],
				error_message());
			cache_meta_release(&m);
			continue;
		}
		v = xgrow(v, n + 1, &alloc, sizeof(*v));
		e = &v[n++];
		memset(e, 0, sizeof(*e));
		e->name = xstrdup(fetched[i]);
		e->fetched = true;
		e->is_default = def && !strcmp(def, fetched[i]);
		e->conf_id = m.conf_id;
		e->conf_name = m.conf_name;
		m.conf_id = m.conf_name = NULL;
		e->nsessions = m.nsessions;
		e->ndays = m.ndays;
		e->fetched_at = m.fetched_at;
		e->checked_at = m.checked_at;
		e->url = m.url ? redact_credentials(m.url) : NULL;	/* never shown with them */
		cache_meta_release(&m);
	}
	for (size_t i = 0; i < nb; i++) {
		struct schedule s;
		struct entry *e;
		char *path = xasprintf("%s/%s.json", source_bundled_dir(), bundled[i]);

		schedule_init(&s);
		if (schedule_load_file(&s, path, NULL) < 0) {
			warning("%s", error_message());
			free(path);
			continue;
		}
		v = xgrow(v, n + 1, &alloc, sizeof(*v));
		e = &v[n++];
		memset(e, 0, sizeof(*e));
		e->name = xstrdup(bundled[i]);
		e->hidden = cache_exists(bundled[i]);
		e->conf_id = xstrdup(s.conf.id);
		e->conf_name = xstrdup(s.conf.name);
		e->nsessions = s.nsessions;
		e->ndays = s.ndays;
		e->url = path;
		if (!e->hidden && s.ndays && (newest < 0 || s.days[s.ndays - 1].start > newest_day)) {
			newest = (long)(n - 1);
			newest_day = s.days[s.ndays - 1].start;
		}
		schedule_release(&s);
	}
	if (!def && newest >= 0)
		v[newest].is_default = true;
	for (size_t i = 0; i < nf; i++)
		free(fetched[i]);
	free(fetched);
	source_names_free(bundled, nb);
	free(def);
	*out = v;
	return n;
}

static void json_time(struct jsonw *w, int64_t t)
{
	char buf[40];

	if (!t) {
		jsonw_null(w);
		return;
	}
	tz_format_iso(tz_get("UTC"), t, buf, sizeof(buf));
	jsonw_string(w, buf);
}

static void print_json(const struct entry *v, size_t n)
{
	struct jsonw w;

	jsonw_init(&w, stdout);
	jsonw_array_begin(&w);
	for (size_t i = 0; i < n; i++) {
		jsonw_object_begin(&w);
		jsonw_key(&w, "name");
		jsonw_string(&w, v[i].name);
		jsonw_key(&w, "kind");
		jsonw_string(&w, v[i].fetched ? "fetched" : "bundled");
		jsonw_key(&w, "default");
		jsonw_bool(&w, v[i].is_default);
		if (!v[i].fetched) {
			jsonw_key(&w, "hidden");
			jsonw_bool(&w, v[i].hidden);
		}
		jsonw_key(&w, "conference");
		jsonw_object_begin(&w);
		jsonw_key(&w, "id");
		jsonw_string(&w, v[i].conf_id);
		jsonw_key(&w, "name");
		jsonw_string(&w, v[i].conf_name);
		jsonw_object_end(&w);
		jsonw_key(&w, "sessions");
		jsonw_int(&w, (int64_t)v[i].nsessions);
		jsonw_key(&w, "days");
		jsonw_int(&w, (int64_t)v[i].ndays);
		jsonw_key(&w, "fetched_at");
		json_time(&w, v[i].fetched ? v[i].fetched_at : 0);
		jsonw_key(&w, "checked_at");
		json_time(&w, v[i].fetched ? v[i].checked_at : 0);
		jsonw_key(&w, v[i].fetched ? "url" : "path");
		jsonw_string(&w, v[i].url);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_finish(&w);
}

static void print_table(const struct entry *v, size_t n)
{
	int namew = 4, confw = 10;

	for (size_t i = 0; i < n; i++) {
		if (cell_width(v[i].name) > namew)
			namew = cell_width(v[i].name);
		if (cell_width(v[i].conf_name) > confw)
			confw = cell_width(v[i].conf_name);
	}
	namew = namew > 24 ? 24 : namew;
	confw = confw > 32 ? 32 : confw;
	fputs("  ", stdout);
	put_cell(stdout, "NAME", namew);
	fputs("  ", stdout);
	put_cell(stdout, "CONFERENCE", confw);
	printf("  SESSIONS  %-16s  SOURCE\n", "FETCHED");
	for (size_t i = 0; i < n; i++) {
		char when[32];

		fputs(v[i].is_default ? "* " : "  ", stdout);
		put_cell(stdout, v[i].name, namew);
		fputs("  ", stdout);
		put_cell(stdout, v[i].conf_name, confw);
		if (v[i].fetched)
			source_format_local(v[i].fetched_at, when, sizeof(when));
		else
			snprintf(when, sizeof(when), "%s", v[i].hidden ? "bundled, hidden" : "bundled");
		printf("  %8zu  %-16s  ", v[i].nsessions, when);
		put_cell(stdout, v[i].url, 0);
		putchar('\n');
	}
}

static int exec(struct cmd_ctx *ctx)
{
	struct entry *v;
	bool json = ctx->json;
	size_t n;

	n = collect(&v);
	flush_warnings();
	if (json)
		print_json(v, n);
	else if (n)
		print_table(v, n);
	else
		fprintf(stderr, "planner: no timetables: none bundled, none fetched\n");
	for (size_t i = 0; i < n; i++)
		entry_release(&v[i]);
	free(v);
	return 0;
}

const struct cmd_entry cmd_sources = {
	.name = "sources",
	.summary = "list the fetched and bundled timetables",
	.description = "Lists the fetched timetables (name, conference, sessions, when fetched, URL), then the\n"
		       "bundled ones; '*' marks the default.  A fetched timetable hides a bundled one of the\n"
		       "same name.\n",
	.json_help = "the timetables as JSON",
	.flags = CMD_JSON,
	.exec = exec,
};
