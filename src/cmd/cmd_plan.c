/* cmd_plan.c: `planner plan` — the saved plan, by day, with what the timetable did to it since
 * it was made (moved, cancelled, another room) and a hint to re-plan. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "command.h"
#include "jsonw.h"
#include "plan.h"
#include "source.h"
#include "render.h"
#include "schedule.h"
#include "tz.h"
#include "share.h"
#include "text.h"
#include "util.h"

static void print_json(const struct schedule *s, const struct plan *p)
{
	static const char *const names[] = { "same", "cancelled", "moved", "room", "retitled" };
	struct jsonw w;

	jsonw_init(&w, stdout);
	jsonw_object_begin(&w);
	jsonw_key(&w, "conference");
	jsonw_string(&w, s->conf.id);
	jsonw_key(&w, "preferences");
	jsonw_array_begin(&w);
	for (size_t i = 0; i < p->args.n; i++)
		jsonw_string(&w, p->args.v[i]);
	jsonw_array_end(&w);
	jsonw_key(&w, "pinned");
	jsonw_array_begin(&w);
	for (size_t i = 0; i < p->pinned.n; i++)
		jsonw_string(&w, p->pinned.v[i]);
	jsonw_array_end(&w);
	jsonw_key(&w, "dropped");
	jsonw_array_begin(&w);
	for (size_t i = 0; i < p->dropped.n; i++)
		jsonw_string(&w, p->dropped.v[i]);
	jsonw_array_end(&w);
	jsonw_key(&w, "sessions");
	jsonw_array_begin(&w);
	for (size_t i = 0; i < p->nentries; i++) {
		long k;
		enum plan_change c = plan_entry_change(&p->entries[i], s, &k);

		if (k >= 0 && s->sessions[k].has_time) {
			jsonw_object_begin(&w);
			session_json_members(&w, s, &s->sessions[k], s->tz);
		} else {
			jsonw_object_begin(&w);
			jsonw_key(&w, "id");
			jsonw_string(&w, p->entries[i].id);
			jsonw_key(&w, "title");
			jsonw_string(&w, p->entries[i].title);
		}
		jsonw_key(&w, "change");
		jsonw_string(&w, names[c]);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
	jsonw_finish(&w);
}

static const struct cmd_option opt_history = {
	"history", 0, NULL, "list the earlier versions of the plan ('planner undo' steps back)",
	COMPLETE_NONE, 0, VALUE_TEXT, 0, NULL };

/* The plan now, then its saved versions, newest first. */
static int print_history(const struct schedule *s, const struct plan *p, const char *path,
			 bool json)
{
	struct plan_version *v;
	size_t n;
	char when[40];
	struct jsonw w;

	if (plan_versions(path, &v, &n) < 0)
		return -1;
	if (json) {
		jsonw_init(&w, stdout);
		jsonw_object_begin(&w);
		jsonw_key(&w, "conference");
		jsonw_string(&w, s->conf.id);
		jsonw_key(&w, "versions");
		jsonw_array_begin(&w);
		for (size_t i = 0; i < n; i++) {
			char iso[40];

			jsonw_object_begin(&w);
			jsonw_key(&w, "file");
			jsonw_string(&w, v[i].path);
			jsonw_key(&w, "made_at");
			tz_format_iso(tz_get("UTC"), v[i].made_at, iso, sizeof(iso));
			jsonw_string(&w, v[i].readable ? iso : NULL);
			jsonw_key(&w, "sessions");
			jsonw_int(&w, (int64_t)v[i].nsessions);
			jsonw_key(&w, "preferences");
			jsonw_string(&w, v[i].args);
			jsonw_object_end(&w);
		}
		jsonw_array_end(&w);
		jsonw_object_end(&w);
		jsonw_finish(&w);
		plan_versions_free(v, n);
		return 0;
	}
	printf("%s: your plan and its earlier versions, newest first\n", s->conf.name);
	source_format_local(p->made_at, when, sizeof(when));
	printf("  now  %s  %3zu session%s", when, p->nentries, p->nentries == 1 ? " " : "s");
	if (p->args.n) {
		printf("  ");
		for (size_t i = 0; i < p->args.n; i++)
			printf("%s%s", i ? " " : "", p->args.v[i]);
	}
	printf("\n");
	for (size_t i = 0; i < n; i++) {
		if (!v[i].readable) {
			printf("  %3zu  (damaged: %s)\n", i + 1, v[i].path);
			continue;
		}
		source_format_local(v[i].made_at, when, sizeof(when));
		printf("  %3zu  %s  %3zu session%s%s%s\n", i + 1, when, v[i].nsessions,
		       v[i].nsessions == 1 ? " " : "s", *v[i].args ? "  " : "", v[i].args);
	}
	if (!n)
		printf("  (no earlier version yet)\n");
	else
		printf("'planner undo' goes back to 1; run it again to go further.\n");
	plan_versions_free(v, n);
	return 0;
}

static const struct cmd_option opt_ids = {
	"ids", 0, NULL, "the plan as a portable list: a header line naming the conference (and\n"
	"the URL its timetable was fetched from), then one session id a line\n"
	"(for 'planner import' and 'planner compare' elsewhere)", COMPLETE_NONE, 0, VALUE_TEXT, 0, NULL };

/* --ids: SHARE_HEADER with the conference id and, when the timetable was fetched from an http(s)
 * URL, that URL (where the reader can fetch it too), then the planned ids.  Ids and the URL are
 * the feed's or the user's: made inert (one line each, no control characters). */
static void print_ids(const struct schedule *s, const struct plan *p)
{
	const char *url = s->source && (!strncmp(s->source, "http://", 7) ||
					!strncmp(s->source, "https://", 8)) ? s->source : NULL;
	char *t = text_sanitize(s->conf.id);

	printf("%s%s", SHARE_HEADER, t);
	free(t);
	if (url && *url && !strpbrk(url, " \t\r\n")) {
		char *shown = redact_credentials(url);	/* a list is for sharing: never a password */

		t = text_sanitize(shown);
		printf(" %s", t);
		free(t);
		free(shown);
	}
	putchar('\n');
	for (size_t i = 0; i < p->nentries; i++) {
		t = text_sanitize(p->entries[i].id);
		printf("%s\n", t);
		free(t);
	}
}

/* --ids is a format of its own: with --json or --history one of them would be ignored. */
static int check(struct cmd_ctx *ctx)
{
	if (cmd_flag(ctx, &opt_ids) && (ctx->json || cmd_flag(ctx, &opt_history)))
		return cmd_usage_error(ctx, "--ids cannot be combined with %s",
				       ctx->json ? "--json" : "--history");
	return 0;
}

static int exec(struct cmd_ctx *ctx)
{
	struct schedule *s = &ctx->s;
	struct plan *p = &ctx->plan;

	if (cmd_flag(ctx, &opt_history))
		return print_history(s, p, ctx->plan_path, ctx->json);
	if (plan_require(p, s->conf.name, NULL) < 0)
		return -1;
	if (cmd_flag(ctx, &opt_ids)) {
		print_ids(s, p);
	} else if (ctx->json) {
		print_json(s, p);
	} else {
		size_t changed = cli_print_plan(s, p, cmd_arg(ctx, &opt_member));
		if (changed)
			printf("\nThe timetable changed since this plan was made: %zu planned session%s "
			       "moved or cancelled.  Run 'planner pick' to re-plan.\n", changed,
			       changed == 1 ? "" : "s");
	}
	return 0;
}

static const struct cmd_option *const options[] = { &opt_member, &opt_history, &opt_ids, NULL };

const struct cmd_entry cmd_plan = {
	.name = "plan",
	.summary = "show your saved plan and what changed in it",
	.description = "Shows the saved plan by day.  When the timetable has changed since the plan was made,\n"
		       "says which planned sessions moved, changed room or were cancelled, and suggests\n"
		       "'planner pick'.  Sessions dropped by hand are listed after the plan: later picks\n"
		       "leave them out until they are added or pinned again.\n",
	.options = options,
	.json_help = "the plan and what changed in it as JSON (with --history: the versions)",
	.flags = CMD_PLAN | CMD_JSON,
	.check = check,
	.exec = exec,
};
