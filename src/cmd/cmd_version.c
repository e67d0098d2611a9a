/* cmd_version.c: `planner version` — the version (as `planner --version`). */
#include <stdio.h>

#include "command.h"

static int exec(struct cmd_ctx *ctx)
{
	(void)ctx;
	printf("planner %s\n", PLANNER_VERSION);
	return 0;
}

const struct cmd_entry cmd_version = {
	.name = "version",
	.summary = "print the version",
	.exec = exec,
};
