/* cmd_plan.c: `planner plan` — the saved plan, by day, with what the timetable did to it since
 * it was made (moved, cancelled, another room) and a hint to re-plan. */
#include <stdlib.h>

#include "cli.h"
#include "command.h"
#include "jsonw.h"
#include "plan.h"
#include "render.h"
#include "schedule.h"
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

static int exec(struct cmd_ctx *ctx)
{
	struct schedule *s = &ctx->s;
	struct plan *p = &ctx->plan;

	if (plan_require(p, s->conf.name, NULL) < 0)
		return -1;
	if (ctx->json) {
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

static const struct cmd_option *const options[] = { &opt_member, NULL };

const struct cmd_entry cmd_plan = {
	.name = "plan",
	.summary = "show your saved plan and what changed in it",
	.description = "Shows the saved plan by day.  When the timetable has changed since the plan was made,\n"
		       "says which planned sessions moved, changed room or were cancelled, and suggests\n"
		       "'planner pick'.\n",
	.options = options,
	.json_help = "the plan and what changed in it as JSON",
	.flags = CMD_PLAN | CMD_JSON,
	.exec = exec,
};
