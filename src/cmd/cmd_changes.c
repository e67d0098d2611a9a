/* cmd_changes.c: `planner changes` — shows again what changed in the last re-fetch of a fetched
 * timetable that changed it (the default one, or -s NAME|URL), as text or JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "changes.h"
#include "cli.h"
#include "command.h"
#include "fetch.h"
#include "jsonw.h"
#include "plan.h"
#include "tz.h"
#include "util.h"

/* The fetched timetable the global -s names, or the default.  Caller frees. */
static char *fetched_name(void)
{
	unsigned line;
	const char *spec = cli_schedule_spec(&line);
	char *name;

	if (!spec) {
		name = cache_default();
		if (!name)
			error(EX_NOINPUT, "no fetched timetable: the default is a bundled one, which never "
			      "changes (see 'planner fetch')");
		return name;
	}
	if (fetch_is_url(spec)) {
		name = cache_find_url(spec);
		if (!name)
			error(EX_NOINPUT, "'%s' has not been fetched", spec);
		return name;
	}
	if (cache_exists(spec))
		return xstrdup(spec);
	error(EX_NOINPUT, "no fetched timetable '%s' (see 'planner sources')", spec);
	return NULL;
}

static int exec(struct cmd_ctx *ctx)
{
	struct changes c;
	struct cache_meta m;
	const struct tz *z, *local;
	bool json = ctx->json;
	char *name;
	int got;

	if (!(name = fetched_name()))
		return -1;
	changes_init(&c);
	got = cache_read_changes(name, &c);
	if (got < 0) {
		free(name);
		return -1;
	}
	cache_meta_init(&m);
	if (cache_read_meta(name, &m) < 0)
		error_clear();
	if (got > 0) {
		c.conference = xstrdup(m.conf_name);
		c.timezone = xstrdup(m.conf_tz);
		if (!json)
			fprintf(stderr, "planner: no changes recorded for '%s' yet: none of its "
				"re-fetches changed a session\n", name);
	}
	z = c.timezone ? tz_get(c.timezone) : NULL;
	local = tz_get("local");
	if (!z)
		z = tz_get("UTC");
	if (!local)
		local = tz_get("UTC");
	error_clear();
	cli_planned_first(&c, m.conf_id);
	cache_meta_release(&m);
	if (json) {
		struct jsonw w;

		jsonw_init(&w, stdout);
		changes_json(&w, &c, z);
		jsonw_finish(&w);
	} else if (got == 0) {
		char *text = changes_format_text(&c, z, local, 0);
		fputs(text, stdout);
		free(text);
	}
	changes_release(&c);
	free(name);
	return 0;
}

const struct cmd_entry cmd_changes = {
	.name = "changes",
	.summary = "show what the last re-fetch of a timetable changed",
	.description = "Shows again the changes that the last re-fetch of the default fetched timetable (or of\n"
		       "-s NAME) found: sessions added, cancelled, moved in time, moved to another room or\n"
		       "retitled, those in your plan first (marked '*').\n",
	.json_help = "the changes as JSON",
	.flags = CMD_JSON,
	.exec = exec,
};
