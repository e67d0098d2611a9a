/* cmd_unpin.c: `planner unpin ID...` — the opposite of pin: the sessions stay in the saved plan,
 * but later picks no longer have to keep them. */
#include "cli.h"
#include "command.h"

static int exec(struct cmd_ctx *ctx)
{
	return cli_edit_plan(EDIT_UNPIN, &ctx->s, &ctx->plan, ctx->plan_path, ctx->operands,
			     ctx->noperands);
}

const struct cmd_entry cmd_unpin = {
	.name = "unpin",
	.summary = "stop keeping sessions through later picks (they stay in your plan)",
	.description = "Unpins the sessions: they stay in the saved plan, but 'planner pick' no longer has to\n"
		       "keep them.  The opposite of 'planner pin'.\n",
	.operands = { "ID", 1, -1, COMPLETE_PLANNED, "no session id given" },
	.flags = CMD_PLAN | CMD_PLAN_LOCK,
	.exec = exec,
};
