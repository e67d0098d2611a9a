/* cmd_undo.c: `planner undo` — puts the saved plan back as it was before its last change (pick,
 * add, drop, pin, unpin, update), from the plan's history (plan.h). */
#include <stdio.h>

#include "cli.h"
#include "command.h"
#include "plan.h"
#include "source.h"
#include "util.h"

static int exec(struct cmd_ctx *ctx)
{
	struct plan restored;
	char when[40];
	int r = plan_undo(ctx->plan_path, &restored);

	if (r < 0)
		return -1;
	if (r > 0)
		return error(EX_NOINPUT, "nothing to undo: no earlier version of your plan for %s "
			     "(see 'planner plan --history')", ctx->s.conf.name);
	flush_warnings();
	source_format_local(restored.made_at, when, sizeof(when));
	printf("restored the plan of %s (%zu session%s)\n", when, restored.nentries,
	       restored.nentries == 1 ? "" : "s");
	plan_release(&restored);
	return 0;
}

const struct cmd_entry cmd_undo = {
	.name = "undo",
	.summary = "put your plan back as it was before its last change",
	.description = "Steps the saved plan back one version: every change (pick, add, drop, pin, unpin,\n"
		       "update) keeps the plan it replaces, the last 30 of them ('planner plan' lists them\n"
		       "with its history option).  Run it again to step further back.  The plan it replaces\n"
		       "is kept as undone.json in the history folder.\n",
	.flags = CMD_PLAN | CMD_PLAN_LOCK,
	.exec = exec,
};
