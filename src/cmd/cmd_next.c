/* cmd_next.c: `planner next` — the next session in your plan: when, where, how long until it
 * starts, and whether you change rooms (the "Next" part of `planner now`). */
#include "cli.h"

int cmd_next(int argc, char **argv)
{
	return cli_now("next", true, argc, argv);
}
