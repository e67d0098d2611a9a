/* cmd_add.c: `planner add ID...` — adds sessions to the saved plan by hand, even when they
 * conflict (then says so). */
#include "cli.h"
#include "command.h"

static int exec(struct cmd_ctx *ctx)
{
	return cli_edit_plan(EDIT_ADD, &ctx->s, &ctx->plan, ctx->plan_path, ctx->operands,
			     ctx->noperands);
}

const struct cmd_entry cmd_add = {
	.name = "add",
	.summary = "add sessions to your plan by hand",
	.description = "Adds the sessions to the saved plan, even when they overlap others (then warns; see\n"
		       "'planner conflicts').  A later 'planner pick' re-plans; use 'planner pin' to keep a\n"
		       "session.\n",
	.operands = { "ID", 1, -1, COMPLETE_SESSION, "no session id given" },
	.flags = CMD_PLAN | CMD_PLAN_LOCK,
	.exec = exec,
};
