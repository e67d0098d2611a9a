/* cmd_drop.c: `planner drop ID...` — removes sessions from the saved plan (and unpins them). */
#include "cli.h"
#include "command.h"

static int exec(struct cmd_ctx *ctx)
{
	return cli_edit_plan(EDIT_DROP, &ctx->s, &ctx->plan, ctx->plan_path, ctx->operands,
			     ctx->noperands);
}

const struct cmd_entry cmd_drop = {
	.name = "drop",
	.summary = "remove sessions from your plan",
	.description = "Removes the sessions from the saved plan and unpins them.\n",
	.operands = { "ID", 1, -1, COMPLETE_PLANNED, "no session id given" },
	.flags = CMD_PLAN | CMD_PLAN_LOCK,
	.exec = exec,
};
