/* main.c: planner's entry point — global options, the command table, dispatch, and the final
 * check that everything written to standard output really got there. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "text.h"
#include "tz.h"
#include "util.h"

int cmd_list(int argc, char **argv);
int cmd_tracks(int argc, char **argv);
int cmd_rooms(int argc, char **argv);
int cmd_days(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_version(int argc, char **argv);

#define GLOBAL_USAGE \
	"usage: planner [-s SOURCE] COMMAND [OPTIONS]\n" \
	"       planner --help | --version\n"

const struct command commands[] = {
	{ "list", cmd_list, "list sessions, filtered, in the conference time zone",
	  "usage: planner list [--day N|DATE] [--track T] [--tag T] [--room R] [--level L]\n"
	  "                    [--lang L] [--type T] [--speaker S] [--search TEXT] [--tz ZONE] [--json]\n"
	  "\n"
	  "Lists the sessions of the timetable by day, in the conference time zone.  Options of one\n"
	  "kind are alternatives (--tag a --tag b: either); different kinds must all match.\n"
	  "\n"
	  "  -d, --day N|DATE     only day N (1, 2, ...) or the date YYYY-MM-DD\n"
	  "  -t, --track T        sessions in track T or tagged T; when no track or tag is called T,\n"
	  "                       sessions that mention T (said on stderr)\n"
	  "      --tag T          sessions tagged T\n"
	  "  -r, --room R         sessions in room R (its id, or a part of its name)\n"
	  "  -l, --level L        beginner, intermediate or advanced (초급, 중급, 고급)\n"
	  "      --lang L         sessions in language L (ko, en, ...)\n"
	  "      --type T         talk, keynote, lightning, tutorial, workshop, panel, break, social, other\n"
	  "      --speaker S      sessions with a speaker whose name contains S\n"
	  "  -q, --search TEXT    TEXT in the title, subtitle, abstract, speakers, tags or track\n"
	  "      --tz ZONE        show times in ZONE (an IANA name, or 'local')\n"
	  "      --json           an array of sessions as JSON\n"
	  "\n"
	  "Text matches ignore case and Unicode normalization form.\n", false },
	{ "tracks", cmd_tracks, "list the tracks and tags with their session counts",
	  "usage: planner tracks [--json]\n"
	  "\n"
	  "Lists the tracks, then the tags, of the timetable with how many sessions carry each.\n", false },
	{ "rooms", cmd_rooms, "list the rooms with their session counts",
	  "usage: planner rooms [--json]\n"
	  "\n"
	  "Lists the rooms of the timetable with how many sessions each holds.\n", false },
	{ "days", cmd_days, "list the conference days with their session counts",
	  "usage: planner days [--json]\n"
	  "\n"
	  "Lists the days of the conference (in its time zone) with how many sessions each has.\n", false },
	{ "help", cmd_help, "show help for planner or for a command",
	  "usage: planner help [COMMAND]\n", false },
	{ "version", cmd_version, "print the version",
	  "usage: planner version\n", false },
	{ NULL, NULL, NULL, NULL, false },
};

struct global_opts global;

const struct command *find_command(const char *name)
{
	for (const struct command *c = commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

static void print_global_help(FILE *f)
{
	fputs(GLOBAL_USAGE
	      "\n"
	      "Plans your conference: lists the timetable, and more to come.\n"
	      "\n"
	      "Options:\n"
	      "  -s, --schedule SOURCE  the timetable: a file, or a bundled name (pyconkr-2024, ...);\n"
	      "                         default: the newest bundled timetable\n"
	      "  -h, --help             this help\n"
	      "  -V, --version          the version\n"
	      "\n"
	      "Commands:\n", f);
	for (const struct command *c = commands; c->name; c++)
		if (!c->hidden)
			fprintf(f, "  %-10s %s\n", c->name, c->summary);
	fputs("\nRun 'planner help COMMAND' for a command's options.\n", f);
}

int cmd_help(int argc, char **argv)
{
	const struct command *c;

	if (argc < 2) {
		print_global_help(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))
		return command_help("help");
	c = find_command(argv[1]);
	if (!c) {
		fprintf(stderr, "planner: help: unknown command '%s'\n", argv[1]);
		return EX_USAGE;
	}
	print_usage(c, stdout);
	return 0;
}

int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("planner %s\n", PLANNER_VERSION);
	return 0;
}

static int unknown_command(const char *name)
{
	const struct command *best = NULL;
	size_t best_d = (size_t)-1;

	for (const struct command *c = commands; c->name; c++) {
		size_t d = text_distance(name, c->name);
		if (!c->hidden && d < best_d) {
			best_d = d;
			best = c;
		}
	}
	if (best && best_d <= 2)
		fprintf(stderr, "planner: unknown command '%s' (did you mean '%s'?)\n", name, best->name);
	else
		fprintf(stderr, "planner: unknown command '%s' (see 'planner --help')\n", name);
	return EX_USAGE;
}

/* Exit status 74 (EX_IOERR) when standard output could not be written (a full disk, a closed
 * pipe): a command must not report success for output that never arrived. */
static int finish(int status)
{
	int failed = ferror(stdout);

	if (fflush(stdout) != 0 || failed) {
		if (errno != EPIPE)
			fprintf(stderr, "planner: write error on standard output: %s\n",
				strerror(errno ? errno : EIO));
		if (!status)
			status = EX_IOERR;
	}
	flush_warnings();
	warnings_clear();
	tz_cleanup();
	return status;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "schedule", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *cmd;
	int c;

	/* '+': stop at the subcommand, whose options are its own. */
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+s:hV", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			global.schedule = optarg;
			break;
		case 'h':
			print_global_help(stdout);
			return finish(0);
		case 'V':
			return finish(cmd_version(0, NULL));
		default:
			if (optopt == 's')
				fprintf(stderr, "planner: option '-s' needs a SOURCE\n");
			else if (optopt)
				fprintf(stderr, "planner: unknown option '-%c' (see 'planner --help')\n", optopt);
			else
				fprintf(stderr, "planner: unknown option '%s' (see 'planner --help')\n",
					argv[optind - 1]);
			return EX_USAGE;
		}
	}
	if (optind >= argc) {
		fputs(GLOBAL_USAGE "Run 'planner --help' for the commands.\n", stderr);
		return EX_USAGE;
	}
	cmd = find_command(argv[optind]);
	if (!cmd)
		return unknown_command(argv[optind]);
	argc -= optind;
	argv += optind;
	optind = 0; /* a full reset for the command's own getopt_long */
	opterr = 0;
	return finish(cmd->run(argc, argv));
}
