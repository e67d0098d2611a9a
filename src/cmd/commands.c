/* commands.c: the command table — every command planner has, in the order `planner --help` lists
 * them.  A command is its file cmd_<name>.c, which exports `const struct cmd_entry cmd_<name>`,
 * and one line here. */
#include <stddef.h>

#include "command.h"

#define COMMANDS(X) \
	X(list) \
	X(tracks) \
	X(rooms) \
	X(days) \
	X(fetch) \
	X(sources) \
	X(changes) \
	X(update) \
	X(pick) \
	X(team) \
	X(plan) \
	X(add) \
	X(drop) \
	X(pin) \
	X(unpin) \
	X(undo) \
	X(import) \
	X(conflicts) \
	X(missed) \
	X(compare) \
	X(now) \
	X(next) \
	X(here) \
	X(free) \
	X(export) \
	X(push) \
	X(print) \
	X(help) \
	X(version) \
	X(complete)

#define DECLARE(name) extern const struct cmd_entry cmd_##name;
COMMANDS(DECLARE)

#define ENTRY(name) &cmd_##name,
const struct cmd_entry *const cmd_table[] = { COMMANDS(ENTRY) NULL };
