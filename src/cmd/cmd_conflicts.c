/* cmd_conflicts.c: `planner conflicts` — planned sessions that overlap, or leave too little time
 * to change rooms, after manual adds or after the timetable moved something. */
#include <stdlib.h>

#include "cli.h"
#include "command.h"
#include "plan.h"
#include "schedule.h"

static int exec(struct cmd_ctx *ctx)
{
	struct schedule *s = &ctx->s;
	struct plan *p = &ctx->plan;

	if (!cli_print_conflicts(s, p, stdout))
		printf("no conflicts in your plan (%zu session%s)\n", p->nentries, p->nentries == 1 ? "" : "s");
	return 0;
}

const struct cmd_entry cmd_conflicts = {
	.name = "conflicts",
	.summary = "list overlaps in your plan",
	.description = "Lists planned sessions that overlap, or leave too little time to change rooms (after\n"
		       "manual adds, or after the timetable moved something).\n",
	.flags = CMD_PLAN,
	.exec = exec,
};
