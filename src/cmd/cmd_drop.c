/* cmd_drop.c: `planner drop ID...` — removes sessions from the saved plan (and unpins them). */
#include "cli.h"

int cmd_drop(int argc, char **argv)
{
	return cli_edit_plan("drop", EDIT_DROP, argc, argv);
}
