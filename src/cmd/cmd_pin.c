/* cmd_pin.c: `planner pin ID...` — adds sessions to the saved plan and pins them, so that later picks keep them. */
#include "cli.h"

int cmd_pin(int argc, char **argv)
{
	return cli_edit_plan("pin", EDIT_PIN, argc, argv);
}
