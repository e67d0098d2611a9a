/* cmd_conflicts.c: `planner conflicts` — planned sessions that overlap, or leave too little time
 * to change rooms, after manual adds or after the timetable moved something. */
#include <getopt.h>
#include <stdlib.h>

#include "cli.h"
#include "plan.h"
#include "schedule.h"
#include "util.h"

const struct option conflicts_options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

int cmd_conflicts(int argc, char **argv)
{
	const struct option *opts = conflicts_options;
	struct schedule s;
	struct plan p;
	char *path = NULL;
	int c, ret = 0;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'h')
			return command_help("conflicts");
		return cli_option_error("conflicts", argv, opts);
	}
	if (optind < argc)
		return usage_error("conflicts", "unexpected argument '%s'", argv[optind]);
	schedule_init(&s);
	if (cli_load_plan(&s, &p, &path) < 0)
		ret = report_error();
	else if (!cli_print_conflicts(&s, &p, stdout))
		printf("no conflicts in your plan (%zu session%s)\n", p.nentries, p.nentries == 1 ? "" : "s");
	plan_release(&p);
	free(path);
	schedule_release(&s);
	return ret;
}
