/* cmd_help.c: `planner help [COMMAND]` — planner's help, or a command's (made from its entry). */
#include "command.h"

static int exec(struct cmd_ctx *ctx)
{
	const struct cmd_entry *c;

	if (!ctx->noperands) {
		cmd_print_global_help();
		return 0;
	}
	c = cmd_find(ctx->operands[0]);
	if (!c)
		return cmd_unknown("help", ctx->operands[0]);
	cmd_print_help(c);
	return 0;
}

const struct cmd_entry cmd_help = {
	.name = "help",
	.summary = "show help for planner or for a command",
	.operands = { "COMMAND", 0, 1, COMPLETE_COMMAND, NULL },
	.exec = exec,
};
