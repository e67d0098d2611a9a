/* main.c: planner's entry point — global options, the command table, dispatch, and the final
 * check that everything written to standard output really got there. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "fsutil.h"
#include "text.h"
#include "tz.h"
#include "util.h"

/* Each command's getopt_long table (struct command.options), defined next to its command. */
extern const struct option list_options[], tracks_options[], rooms_options[], days_options[],
	pick_options[], plan_options[], conflicts_options[], complete_options[];
static const struct option help_options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};
static const struct option no_options[] = { { NULL, 0, NULL, 0 } };

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
	  "Text matches ignore case and Unicode normalization form.\n", false, list_options },
	{ "tracks", cmd_tracks, "list the tracks and tags with their session counts",
	  "usage: planner tracks [--json]\n"
	  "\n"
	  "Lists the tracks, then the tags, of the timetable with how many sessions carry each.\n", false, tracks_options },
	{ "rooms", cmd_rooms, "list the rooms with their session counts",
	  "usage: planner rooms [--json]\n"
	  "\n"
	  "Lists the rooms of the timetable with how many sessions each holds.\n", false, rooms_options },
	{ "days", cmd_days, "list the conference days with their session counts",
	  "usage: planner days [--json]\n"
	  "\n"
	  "Lists the days of the conference (in its time zone) with how many sessions each has.\n", false, days_options },
	{ "fetch", cmd_fetch, "download a timetable into the cache and make it the default",
	  "usage: planner fetch SOURCE [--name NAME] [--format FMT] [--tz ZONE] [--max-size SIZE]\n"
	  "                     [--refresh] [--quiet]\n"
	  "\n"
	  "Downloads the timetable at SOURCE (an http, https or file URL, or a file), checks that it\n"
	  "loads, keeps it in the cache and makes it the default for later commands, which then read\n"
	  "it from the cache (also offline).  SOURCE may also be the name of a fetched timetable: it\n"
	  "is fetched again from where it came from, and what changed is listed (sessions added,\n"
	  "cancelled, moved, in another room, retitled; those in your plan first).  A fetch that\n"
	  "fails leaves the cached copy as it was; without a network it is used with a warning.\n"
	  "\n"
	  "      --name NAME      the name to keep it under (default: the conference id)\n"
	  "      --format FMT     the format, when detection is not enough\n"
	  "      --tz ZONE        the time zone of a feed that names none (an IANA name)\n"
	  "      --max-size SIZE  refuse bodies larger than SIZE (default 64M; k, M, G)\n"
	  "      --refresh        download it whole, even when the server says it has not changed\n"
	  "  -q, --quiet          no progress bar and no summary line\n"
	  "\n"
	  "PLANNER_FETCH_TIMEOUT sets the timeout in seconds (default 300; connecting: 10).\n", false,
	  fetch_options },
	{ "sources", cmd_sources, "list the fetched and bundled timetables",
	  "usage: planner sources [--json]\n"
	  "\n"
	  "Lists the fetched timetables (name, conference, sessions, when fetched, URL), then the\n"
	  "bundled ones; '*' marks the default.  A fetched timetable hides a bundled one of the same\n"
	  "name.\n", false, sources_options },
	{ "changes", cmd_changes, "show what the last re-fetch of a timetable changed",
	  "usage: planner changes [--json]\n"
	  "\n"
	  "Shows again the changes that the last re-fetch of the default fetched timetable (or of\n"
	  "-s NAME) found: sessions added, cancelled, moved in time, moved to another room or\n"
	  "retitled, those in your plan first (marked '*').\n", false, changes_options },
	{ "pick", cmd_pick, "choose the best non-overlapping plan for your preferences",
	  "usage: planner pick [--track T] [--tag T] [--keyword TEXT] [--speaker S] [--level L]\n"
	  "                    [--lang L] [--type T] [--weight KIND=N] [--no-keynotes] [--fill]\n"
	  "                    [--must ID] [--avoid ID] [--day N|DATE] [--break HH:MM-HH:MM]\n"
	  "                    [--block \"DATE HH:MM-HH:MM TEXT\"] [--max-per-day N] [--travel MIN]\n"
	  "                    [--explain] [--json] [--no-save]\n"
	  "\n"
	  "Chooses, exactly, the set of sessions with the most preference points that you can attend:\n"
	  "no two overlap, and there is time to walk between rooms.  Shows it per day with why each\n"
	  "session was chosen and what else fits its slot, and saves it as your plan.\n"
	  "\n"
	  "Preferences (repeatable; each kind adds its weight once):\n"
	  "  -t, --track T        a track or tag called T (3 points); when there is none, sessions\n"
	  "                       that mention T (as --keyword, said on stderr)\n"
	  "      --tag T          a tag (3 points)\n"
	  "  -k, --keyword TEXT   TEXT in the title, abstract, description, speakers or tags (2)\n"
	  "      --speaker S      a speaker whose name contains S (4)\n"
	  "  -l, --level L        beginner, intermediate, advanced / 초급, 중급, 고급 (1)\n"
	  "      --lang L         a language: ko, en, ... (1)\n"
	  "      --type T         talk, keynote, lightning, tutorial, workshop, ... (1)\n"
	  "                       with a track, tag, keyword or speaker given, --level, --lang and\n"
	  "                       --type only add to sessions that matched one of those\n"
	  "      --weight KIND=N  the points of a kind (track, tag, keyword, speaker, level, lang,\n"
	  "                       type, keynote), e.g. --weight speaker=10\n"
	  "      --no-keynotes    no bonus for keynotes (5 points by default: attendees go to them)\n"
	  "      --fill           fill free time with the best remaining sessions\n"
	  "Constraints:\n"
	  "      --must ID        pin a session (kept in later picks; 'planner drop ID' unpins)\n"
	  "      --avoid ID       never choose a session\n"
	  "  -d, --day N|DATE     plan only that day (the other days of the saved plan stay)\n"
	  "      --break HH:MM-HH:MM   keep this time free every day (lunch)\n"
	  "      --block \"YYYY-MM-DD HH:MM-HH:MM TEXT\"   a personal appointment\n"
	  "      --max-per-day N  at most N sessions a day\n"
	  "      --travel MIN     minutes to change rooms (default 5; x2 between floors, x3 between\n"
	  "                       buildings when the timetable says)\n"
	  "Output:\n"
	  "      --explain        also list the strongest sessions left out and what beat them\n"
	  "      --json           the plan and every candidate's score, for checking\n"
	  "      --no-save        do not save the plan\n"
	  "\n"
	  "With no preference given, the saved plan's preferences are used again; pins are kept.\n", false, pick_options },
	{ "plan", cmd_plan, "show your saved plan and what changed in it",
	  "usage: planner plan [--json]\n"
	  "\n"
	  "Shows the saved plan by day.  When the timetable has changed since the plan was made, says\n"
	  "which planned sessions moved, changed room or were cancelled, and suggests 'planner pick'.\n", false, plan_options },
	{ "add", cmd_add, "add sessions to your plan by hand",
	  "usage: planner add ID...\n"
	  "\n"
	  "Adds the sessions to the saved plan, even when they overlap others (then warns; see\n"
	  "'planner conflicts').  A later 'planner pick' re-plans; use 'planner pin' to keep a session.\n", false, cli_edit_options },
	{ "drop", cmd_drop, "remove sessions from your plan",
	  "usage: planner drop ID...\n"
	  "\n"
	  "Removes the sessions from the saved plan and unpins them.\n", false, cli_edit_options },
	{ "pin", cmd_pin, "add sessions to your plan and keep them in later picks",
	  "usage: planner pin ID...\n"
	  "\n"
	  "Adds the sessions to the saved plan and pins them: 'planner pick' keeps pinned sessions.\n", false, cli_edit_options },
	{ "conflicts", cmd_conflicts, "list overlaps in your plan",
	  "usage: planner conflicts\n"
	  "\n"
	  "Lists planned sessions that overlap, or leave too little time to change rooms (after\n"
	  "manual adds, or after the timetable moved something).\n", false, conflicts_options },
	{ "now", cmd_now, "what is on now and where to go next in your plan",
	  "usage: planner now [--at \"DATE HH:MM\"] [--tz ZONE] [--json]\n"
	  "\n"
	  "Shows the planned session that is on now and the next one: when it starts, how long until\n"
	  "then, and the room to walk to.  When nothing planned is on, lists what is running.\n"
	  "\n"
	  "      --at \"DATE HH:MM\"\n"
	  "                       pretend it is this time: YYYY-MM-DD HH:MM, or HH:MM today (in\n"
	  "                       the zone times are shown in)\n"
	  "      --tz ZONE        show times in ZONE (an IANA name, or 'local')\n"
	  "      --json           the same as JSON\n", false, now_options },
	{ "next", cmd_next, "the next session in your plan",
	  "usage: planner next [--at \"DATE HH:MM\"] [--tz ZONE] [--json]\n"
	  "\n"
	  "Shows the next planned session that has not started yet: when, where, how long until then,\n"
	  "and whether you change rooms.\n"
	  "\n"
	  "      --at \"DATE HH:MM\"\n"
	  "                       pretend it is this time: YYYY-MM-DD HH:MM, or HH:MM today\n"
	  "      --tz ZONE        show times in ZONE (an IANA name, or 'local')\n"
	  "      --json           the same as JSON\n", false, now_options },
	{ "export", cmd_export, "write your plan (or sessions) as an iCalendar file for your calendar",
	  "usage: planner export [--ics] [-o FILE|-] [--all] [--utc] [--alarm TIME|none]\n"
	  "                      [--day N|DATE] [--track T] [--tag T] [--room R] [--level L]\n"
	  "                      [--lang L] [--type T] [--speaker S] [--search TEXT]\n"
	  "\n"
	  "Writes your saved plan as an iCalendar (.ics) file that calendar programs import.  Export\n"
	  "again after a change and import the new file: events keep their UID, so the calendar\n"
	  "updates them instead of adding copies; planned sessions the timetable cancelled are marked\n"
	  "cancelled.\n"
	  "\n"
	  "  -o, --output FILE    where to write, also given as the last argument; default:\n"
	  "                       CONFERENCE-ID.ics here; '-' is standard output.  The file is\n"
	  "                       replaced whole or not at all\n"
	  "      --all            every session that has a time, instead of the plan\n"
	  "  -d, -t, -r, -l, -q, --day, --track, --tag, --room, --level, --lang, --type,\n"
	  "      --speaker, --search\n"
	  "                       the sessions that match, as 'planner list' selects them,\n"
	  "                       instead of the plan\n"
	  "      --utc            times in UTC, for programs that cannot read time zones\n"
	  "      --alarm TIME     a reminder TIME before each session: 10m (the default), 90s, 1h,\n"
	  "                       1h30m, 1d (s, m, h, d; a bare number is minutes); 'none' for none\n"
	  "      --ics            iCalendar (the only format)\n", false, export_options },
	{ "print", cmd_print, "print your plan: text, Markdown, an HTML page or an SVG image",
	  "usage: planner print [--day N|DATE] [--format text|markdown|html|svg] [-o FILE] [--all]\n"
	  "\n"
	  "Prints the saved plan, a day at a time: every day of the plan unless --day says which.\n"
	  "text (the default) is an agenda that fits 80 columns and A4 paper ('| lp'): times, rooms,\n"
	  "titles, speakers, room changes (→), free time, breaks, and where to go if a room is full.\n"
	  "markdown is the same agenda as a table.  html is one self-contained page with a rooms ×\n"
	  "time grid per day (the plan highlighted, the alternatives dashed) that prints one A4\n"
	  "landscape page per day and reads as a list on a phone; svg is the same grid as an image.\n"
	  "\n"
	  "  -d, --day N|DATE     only day N (1, 2, ...) or the date YYYY-MM-DD\n"
	  "  -f, --format FMT     text, markdown (md), html or svg; default: from the -o file's\n"
	  "                       extension (.txt, .md, .html, .svg), else text\n"
	  "  -o, --output FILE    write FILE (replaced whole or not at all) instead of standard output\n"
	  "  -a, --all            the whole timetable with the plan highlighted (every day, every\n"
	  "                       session); works without a plan too\n"
	  "\n"
	  "Text has no escape codes unless standard output is a terminal; in a pipe or a file each\n"
	  "day starts a new page (a form feed), and a day longer than a page (60 lines) goes on under\n"
	  "its heading, marked 'continued'.\n", false, print_options },
	{ "help", cmd_help, "show help for planner or for a command",
	  "usage: planner help [COMMAND]\n", false, help_options },
	{ "version", cmd_version, "print the version",
	  "usage: planner version\n", false, no_options },
	{ "complete", cmd_complete, "print completion candidates for the shell scripts",
	  "usage: planner complete commands | options [COMMAND] | values KIND\n"
	  "       planner complete line SHELL WORD...\n"
	  "\n"
	  "The helper behind the shell completions in completions/ (bash, zsh, fish).  Prints one\n"
	  "candidate a line, a tab, then its description; reads only the cached or bundled\n"
	  "timetable, never the network.  KIND: commands, tracks, tags, labels, rooms, days,\n"
	  "levels, types, langs, speakers, sessions, planned, times, timetables, fetched, zones,\n"
	  "weights, formats, config-keys.  'line' takes the words after 'planner' up to the cursor\n"
	  "and prints a directive line (':', ':files' or ':nospace') and the candidates for the\n"
	  "last word; SHELL is bash (escaped for bash, no descriptions), zsh, fish or plain.\n",
	  true, complete_options },
	{ NULL, NULL, NULL, NULL, false, NULL },
};

struct global_opts global;

const struct command *find_command(const char *name)
{
	for (const struct command *c = commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

const struct option global_options[] = {
	{ "schedule", required_argument, NULL, 's' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

const char global_help[] = GLOBAL_USAGE
	      "\n"
	      "Plans your conference: reads its timetable, picks the sessions for you, and tells you\n"
	      "where to go next.\n"
	      "\n"
	      "Options:\n"
	      "  -s, --schedule SOURCE  the timetable: a file, a URL, or the name of a fetched or\n"
	      "                         bundled one (pyconkr-2024, ...); default: 'schedule' in the\n"
	      "                         config file, else the last one 'planner fetch' fetched,\n"
	      "                         else the newest bundled one\n"
	      "  -h, --help             this help\n"
	      "  -V, --version          the version\n"
	      "\n"
	      "Commands:\n";

static void print_global_help(FILE *f)
{
	fputs(global_help, f);
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
		fprintf(stderr, "planner: help: unknown command '%s'\n", text_inert(argv[1]));
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
		fprintf(stderr, "planner: unknown command '%s' (did you mean '%s'?)\n", text_inert(name),
			best->name);
	else
		fprintf(stderr, "planner: unknown command '%s' (see 'planner --help')\n", text_inert(name));
	return EX_USAGE;
}

/* Exit status 74 (EX_IOERR) when standard output could not be written (a full disk, a closed
 * pipe): a command must not report success for output that never arrived. */
static int finish(int status)
{
	int failed = ferror(stdout);

	if (fflush(stdout) != 0 || failed) {
		if (errno != EPIPE && !status)	/* a failed command has said what failed */
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
	const struct option *opts = global_options;
	const struct command *cmd;
	int c;

	hold_std_fds();
	lock_set_wait_notice(cli_lock_waiting);

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
			else if (optopt > ' ' && optopt < 0x7f)
				fprintf(stderr, "planner: unknown option '-%c' (see 'planner --help')\n",
					optopt);
			else
				fprintf(stderr, "planner: unknown option '%s' (see 'planner --help')\n",
					text_inert(argv[optind - 1]));
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
