/* cli.h: what the subcommands share — the command table entry, the global options, loading the
 * chosen timetable, terminal facts, and printing errors.  Only the cli prints and exits. */
#ifndef PLANNER_CLI_H
#define PLANNER_CLI_H

#include <stdbool.h>
#include <getopt.h>
#include <stdio.h>

#include "schedule.h"

struct tz;

/* Options that come before the subcommand. */
struct global_opts {
	const char *schedule; /* -s, --schedule SOURCE; NULL for the default */
	bool plan_update;     /* set by commands that change the plan: cli_load_plan locks it */
};
extern struct global_opts global;

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;  /* one line for `planner --help` */
	const char *usage;    /* the full help text of `planner help CMD` */
	bool hidden;
	/* The command's getopt_long table (what `planner complete`, the completion scripts and the
	 * man page test read); NULL when not exported: its --options are then read from usage. */
	const struct option *options;
};

/* The commands (cmd_*.c and main.c). */
int cmd_list(int argc, char **argv);
int cmd_tracks(int argc, char **argv);
int cmd_rooms(int argc, char **argv);
int cmd_days(int argc, char **argv);
int cmd_fetch(int argc, char **argv);
int cmd_sources(int argc, char **argv);
int cmd_changes(int argc, char **argv);
extern const struct option fetch_options[], sources_options[], changes_options[];
int cmd_pick(int argc, char **argv);
int cmd_plan(int argc, char **argv);
int cmd_add(int argc, char **argv);
int cmd_drop(int argc, char **argv);
int cmd_pin(int argc, char **argv);
int cmd_conflicts(int argc, char **argv);
int cmd_now(int argc, char **argv);
int cmd_next(int argc, char **argv);
int cmd_export(int argc, char **argv);
extern const struct option export_options[];
int cmd_print(int argc, char **argv);
extern const struct option print_options[];
int cmd_help(int argc, char **argv);
int cmd_version(int argc, char **argv);
int cmd_complete(int argc, char **argv);

/* The command table (main.c). */
extern const struct command commands[];
const struct command *find_command(const char *name);
/* The options before the command (-s, -h, -V) and the text of `planner --help` (main.c). */
extern const struct option global_options[];
extern const char global_help[];
/* The options of add, drop and pin (cli.c). */
extern const struct option cli_edit_options[];

/* Prints "planner: " + the recorded error and returns its exit status. */
int report_error(void);
/* Prints queued warnings as "planner: warning: ..." and clears them. */
void flush_warnings(void);
/* The lock wait notice (fsutil.h, set by main): "planner: waiting for another planner to finish
 * with the plan 'PATH'" on stderr. */
void cli_lock_waiting(const char *what, const char *path);
/* Prints "planner: <fmt>" plus a hint to run --help, and returns EX_USAGE. */
int usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints cmd's usage text to f. */
void print_usage(const struct command *cmd, FILE *f);
/* Handles -h/--help for a command: prints its usage to stdout and returns 0. */
int command_help(const char *name);

struct config;
/* The user's config file (config.h), read once; an empty config when there is none.  NULL with
 * error() set when it cannot be read or has a bad line.  Borrowed; freed at exit. */
const struct config *cli_config(void);
/* The timetable the commands use: -s, else the config's `schedule`, else NULL (source.h's
 * default).  *line gets the config line it came from, 0 when it did not. */
const char *cli_schedule_spec(unsigned *line);

/* Loads the timetable chosen by the global options (or the config) into s (freshly
 * initialized). */
int cli_load_schedule(struct schedule *s);
/* Resolves --tz: NULL means the config's `tz`, else the conference zone; "local" the system's.
 * NULL on error (set). */
const struct tz *cli_display_zone(const struct schedule *s, const char *arg);

/* Terminal facts for stdout: colour (a TTY and no NO_COLOR) and width in columns (the TTY's
 * width, else $COLUMNS, else 0 for "no limit"). */
bool cli_color(void);
int cli_width(void);


#endif

/* Option codes for long-only options shared by several commands. */
enum {
	OPT_TAG = 256,
	OPT_LANG,
	OPT_TYPE,
	OPT_SPEAKER,
	OPT_TZ,
	OPT_JSON,
	OPT_COMMAND_BASE = 512 /* a command's own long-only options start here */
};

/* The filter options of list (and later pick and export): --day, --track, --tag, --room,
 * --level, --lang, --type, --speaker, --search.  FILTER_SHORTOPTS goes into the optstring. */
#define FILTER_SHORTOPTS "d:t:r:l:q:"
#define FILTER_LONGOPTS \
	{ "day", required_argument, NULL, 'd' }, \
	{ "track", required_argument, NULL, 't' }, \
	{ "tag", required_argument, NULL, OPT_TAG }, \
	{ "room", required_argument, NULL, 'r' }, \
	{ "level", required_argument, NULL, 'l' }, \
	{ "lang", required_argument, NULL, OPT_LANG }, \
	{ "type", required_argument, NULL, OPT_TYPE }, \
	{ "speaker", required_argument, NULL, OPT_SPEAKER }, \
	{ "search", required_argument, NULL, 'q' }

struct filter;
/* Takes getopt_long's result c: 1 if it was a filter option (stored in f; --day kept in
 * *day_arg until the timetable is loaded), 0 if not, -1 on a bad value (error() set). */
int cli_filter_option(struct filter *f, const char **day_arg, int c, const char *arg);
/* Resolves the stored --day and --track values against the loaded timetable, and says on stderr
 * when a --track fell back to a text search.  0, or -1 with error() set. */
int cli_filter_finish(struct filter *f, const struct schedule *s, const char *day_arg);

/* Reports getopt_long's '?' or ':' for command `cmd` (unknown option, with a "did you mean"
 * from opts; or a missing argument) and returns EX_USAGE. */
int cli_option_error(const char *cmd, char **argv, const struct option *opts);

struct plan;
struct changes;
/* Marks the changes to sessions of the saved plan of conference conf_id and puts them first
 * (fetch and changes show those before the rest).  Without a plan, nothing changes. */
void cli_planned_first(struct changes *c, const char *conf_id);
/* Loads the chosen timetable into s and its saved plan into p (empty when there is none yet);
 * *path gets the plan file's path (caller frees).  0, or -1 with error() set. */
int cli_load_plan(struct schedule *s, struct plan *p, char **path);
/* With global.plan_update set, cli_load_plan first takes the plan's lock (held until exit), so
 * that two planners changing the same plan wait for each other instead of losing an update. */
/* Prints the saved plan p of s (what `planner plan` shows): the sessions by day, with what the
 * timetable did to them since; returns the number of changed or cancelled sessions. */
size_t cli_print_plan(const struct schedule *s, const struct plan *p);

/* add, drop and pin: edits the saved plan with the session ids in argv[optind..] and saves it. */
enum plan_edit { EDIT_ADD, EDIT_DROP, EDIT_PIN };
int cli_edit_plan(const char *cmd, enum plan_edit op, int argc, char **argv);
/* now and next: what is on and what is next in the saved plan; next_only for `planner next`.
 * Their options are now_options (cmd_now.c). */
int cli_now(const char *cmd, bool next_only, int argc, char **argv);
extern const struct option now_options[];

/* Pairs of planned sessions a then b (in time order, same day) that overlap or leave too little
 * time to change rooms, under the plan's travel time; counted, and the first 1000 printed to f
 * (unless NULL) with a line saying how many more there are. */
size_t cli_print_conflicts(const struct schedule *s, const struct plan *p, FILE *f);
