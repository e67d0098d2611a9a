/* cmd_next.c: `planner next` — the next session in your plan: when, where, how long until it
 * starts, and whether you change rooms (the "Next" part of `planner now`). */
#include "cli.h"
#include "command.h"

static int exec(struct cmd_ctx *ctx)
{
	return cli_now(ctx, true);
}

static const struct cmd_option *const options[] = { &opt_at, &opt_tz, &opt_member, NULL };

const struct cmd_entry cmd_next = {
	.name = "next",
	.summary = "the next session in your plan",
	.description = "Shows the next planned session that has not started yet: when, where, how long until\n"
		       "then, and whether you change rooms.\n",
	.options = options,
	.json_help = "the same as JSON",
	.flags = CMD_PLAN | CMD_JSON,
	.exec = exec,
};
