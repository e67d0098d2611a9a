/* main.c: planner's entry point — sets up the standard descriptors and the lock wait notice, and
 * hands the command line to the runner (src/cmd/runner.c), which parses it against the command
 * table. */
#include <errno.h>
#include <fcntl.h>

#include "cmd/cli.h"
#include "cmd/command.h"
#include "fsutil.h"

/* A standard descriptor that is closed ("planner export -o - >&-") is held by /dev/null opened
 * for reading, so that no file planner opens becomes its standard output (the calendar would go
 * into the lock file) and writes to it fail as they should. */
static void hold_std_fds(void)
{
	/* in order: open() takes the lowest free descriptor, which is then fd */
	for (int fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF && open("/dev/null", O_RDONLY) < 0)
			break;
}

int main(int argc, char **argv)
{
	hold_std_fds();
	lock_set_wait_notice(cli_lock_waiting);
	return cmd_main(argc, argv);
}
