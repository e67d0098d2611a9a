/* cmd_pin.c: `planner pin ID...` — adds sessions to the saved plan and pins them, so that later
 * picks keep them. */
#include "cli.h"
#include "command.h"

static int exec(struct cmd_ctx *ctx)
{
	return cli_edit_plan(EDIT_PIN, &ctx->s, &ctx->plan, ctx->plan_path, ctx->operands,
			     ctx->noperands);
}

const struct cmd_entry cmd_pin = {
	.name = "pin",
	.summary = "add sessions to your plan and keep them in later picks",
	.description = "Adds the sessions to the saved plan and pins them: 'planner pick' keeps pinned\n"
		       "sessions.\n",
	.operands = { "ID", 1, -1, COMPLETE_SESSION, "no session id given" },
	.flags = CMD_PLAN | CMD_PLAN_LOCK,
	.exec = exec,
};
