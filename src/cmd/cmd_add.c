/* cmd_add.c: `planner add ID...` — adds sessions to the saved plan by hand, even when they conflict (then says so). */
#include "cli.h"

int cmd_add(int argc, char **argv)
{
	return cli_edit_plan("add", EDIT_ADD, argc, argv);
}
