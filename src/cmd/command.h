/* command.h: how a command describes itself — its name, help, options, operands, what it needs
 * loaded and its function — and the runner that parses a command line from that description,
 * answers -h, reports usage errors, loads what the command needs and runs it.
 *
 * Each cmd_<name>.c exports one `const struct cmd_entry cmd_<name>`; commands.c lists them.
 * Help, `planner complete`, the config file's keys and the replay of a saved plan's preferences
 * all read these tables.  Adding a command: one file and one line in commands.c. */
#ifndef PLANNER_COMMAND_H
#define PLANNER_COMMAND_H

#include <stdbool.h>
#include <stddef.h>

#include "filter.h"
#include "plan.h"
#include "schedule.h"

/* What completes an option's value or an operand (cmd_complete.c). */
enum cmd_complete {
	COMPLETE_NONE,          /* free text: nothing */
	COMPLETE_FILE,          /* file names */
	COMPLETE_TIMETABLE,     /* fetched and bundled timetable names, and file names */
	COMPLETE_SOURCE,        /* fetched timetable names, and file names */
	COMPLETE_FETCHED,       /* fetched timetable names */
	COMPLETE_COMMAND,
	COMPLETE_DAY,
	COMPLETE_LABEL,         /* tracks and tags */
	COMPLETE_TAG,
	COMPLETE_ROOM,
	COMPLETE_LEVEL,
	COMPLETE_LANG,
	COMPLETE_TYPE,
	COMPLETE_SPEAKER,
	COMPLETE_SESSION,       /* the sessions with a time */
	COMPLETE_PLANNED,       /* the sessions of the saved plan */
	COMPLETE_ZONE,
	COMPLETE_TIME,          /* session start times, for --at */
	COMPLETE_WEIGHT,        /* KIND= */
	COMPLETE_FORMAT,        /* timetable formats */
};

/* What a configurable option's value is, for the config file's check (config.c). */
enum cmd_value {
	VALUE_TEXT,             /* any non-empty text */
	VALUE_SOURCE,           /* a timetable, resolved when it is used */
	VALUE_ZONE,             /* a time zone tz_get() knows */
	VALUE_COUNT,            /* a whole number from 0 to `max` */
	VALUE_LEVEL,
	VALUE_TYPE,
	VALUE_WEIGHT,           /* KIND=N */
	VALUE_BREAK,            /* HH:MM-HH:MM */
	VALUE_ALARM,            /* as ics_alarm_parse() reads it */
	VALUE_TOPIC,            /* NAME: WORD, WORD, ... (topics.h) */
};

/* cmd_option.flags */
#define OPT_REPEAT 1u           /* may be given more than once; every value counts */
#define OPT_CONFIG 2u           /* also a key of the config file (the option's name) */
#define OPT_SAVED  4u           /* pick: a preference saved with the plan and replayed */

struct cmd_option {
	const char *name;       /* the long name, without "--" */
	char shortc;            /* the short name, 0 for none */
	const char *arg;        /* the value's name in the help ("N|DATE"); NULL: takes no value */
	const char *help;       /* the help; '\n' starts a continuation line */
	enum cmd_complete complete;
	unsigned flags;
	enum cmd_value value;   /* with OPT_CONFIG: how the config file's value is checked */
	int max;                /* with VALUE_COUNT */
	const char *heading;    /* a line the help prints before the option ("Constraints:") */
};

/* The shared options, defined once (options.c): the filters of `list` (and export), the display
 * zone, now's and next's --at, and -s before the command. */
extern const struct cmd_option opt_day, opt_track, opt_tag, opt_room, opt_level, opt_lang,
	opt_type, opt_speaker, opt_search, opt_tz, opt_at;
/* plan, print, export, now, next: a team member's saved plan instead of the user's own. */
extern const struct cmd_option opt_member;
/* fetch, update and push: the certificate authorities to trust for https (also the config key
 * `cacert`); read with cli_cacert(). */
extern const struct cmd_option opt_cacert;
/* --json (CMD_JSON, its help the entry's json_help) and --help, which every command takes; the
 * options before the command. */
extern const struct cmd_option opt_json, opt_help, opt_schedule, opt_version;
/* The filter options, in the order help lists them. */
#define FILTER_OPTIONS &opt_day, &opt_track, &opt_tag, &opt_room, &opt_level, &opt_lang, \
	&opt_type, &opt_speaker, &opt_search

/* The words after the options. */
struct cmd_operands {
	const char *name;       /* "ID", "SOURCE" ...; NULL: the command takes none */
	int min, max;           /* how many; max < 0: any number */
	enum cmd_complete complete;
	const char *missing;    /* the usage error when fewer than min are given */
	/* Optional, NULL-terminated: the words the first operand is one of (an action: `rooms
	 * set`), which complete there; `complete` then completes the operands after it. */
	const char *const *actions;
};

/* cmd_entry.flags: what the runner does for the command. */
#define CMD_TIMETABLE 1u        /* loads the chosen timetable (ctx->s) */
#define CMD_PLAN      2u        /* also the saved plan (ctx->plan, ctx->plan_path) */
#define CMD_PLAN_LOCK 4u        /* takes the plan's lock first: the command changes the plan */
#define CMD_JSON      8u        /* takes --json (ctx->json) */
#define CMD_FILTER   16u        /* FILTER_OPTIONS among its options go into ctx->filter */
#define CMD_HIDDEN   32u        /* not listed by --help and `complete commands` */
#define CMD_RAW      64u        /* its arguments are not parsed: all are operands (complete) */

struct cmd_ctx;

struct cmd_entry {
	const char *name;
	const char *summary;    /* one line for `planner --help` */
	const char *synopsis;   /* the usage after "planner NAME"; NULL: made from the options */
	const char *description; /* the paragraphs after the usage line */
	const struct cmd_option *const *options; /* NULL-terminated; not --json and --help */
	const char *json_help;  /* --json's help line (CMD_JSON) */
	const char *notes;      /* a paragraph after the options, or NULL */
	struct cmd_operands operands;
	unsigned flags;
	/* Optional: checks the option values before anything is loaded.  0; -1 with error() set
	 * (reported as it is); or an exit status after printing (cmd_usage_error). */
	int (*check)(struct cmd_ctx *ctx);
	/* Runs the command: 0, -1 with error() set (the runner reports it), or an exit status. */
	int (*exec)(struct cmd_ctx *ctx);
};

/* One option as given on the command line. */
struct cmd_given {
	const struct cmd_option *opt;
	const char *value;      /* NULL for an option without a value */
};

/* What the exec function gets: the parsed command line and what the flags loaded. */
struct cmd_ctx {
	const struct cmd_entry *cmd;
	unsigned flags;         /* cmd->flags; a check function may drop CMD_PLAN or CMD_PLAN_LOCK */
	struct cmd_given *given; /* the options in command-line order */
	size_t ngiven;
	char **operands;
	int noperands;
	bool json;
	struct filter filter;   /* CMD_FILTER: the filter options, resolved against s */
	bool filtered;          /* a filter option was given */
	struct schedule s;      /* CMD_TIMETABLE or CMD_PLAN */
	struct plan plan;       /* CMD_PLAN; empty when there is none yet */
	char *plan_path;
};

/* The command table (commands.c), NULL-terminated, in the order --help lists them. */
extern const struct cmd_entry *const cmd_table[];
/* The options before the command (-s, -h, -V), NULL-terminated. */
extern const struct cmd_option *const global_options[];
/* The command called `name`, or NULL.  Borrowed. */
const struct cmd_entry *cmd_find(const char *name);
/* For an unknown command `name`: the listed command it is closest to (at most two edits away),
 * or NULL.  Borrowed. */
const char *cmd_suggest(const char *name);
/* Says on stderr that there is no command `name` ("planner: WHERE: unknown command ..." when
 * where is not NULL), with a suggestion or a pointer to --help; returns EX_USAGE. */
int cmd_unknown(const char *where, const char *name);

/* The options cmd takes: its table, then --json (CMD_JSON), then --help.  Caller frees the array
 * (not the options). */
const struct cmd_option **cmd_options(const struct cmd_entry *cmd, size_t *n);

/* The last value of option o given, or NULL.  Borrowed (argv). */
const char *cmd_arg(const struct cmd_ctx *ctx, const struct cmd_option *o);
/* Whether option o was given. */
bool cmd_flag(const struct cmd_ctx *ctx, const struct cmd_option *o);
/* Prints "planner: NAME: <fmt> (see 'planner help NAME')" for ctx's command; returns EX_USAGE. */
int cmd_usage_error(const struct cmd_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Writes the help of cmd (usage, description, options) to stdout. */
void cmd_print_help(const struct cmd_entry *cmd);
/* Writes `planner --help` to stdout. */
void cmd_print_global_help(void);
/* The help line of option o in command cmd (cmd NULL: a global option), "" for none; caller
 * frees.  Continuation lines are joined with spaces. */
char *cmd_option_help(const struct cmd_entry *cmd, const struct cmd_option *o);

/* Runs planner's command line (argv[0] is the program): the global options, then the command.
 * Returns the exit status. */
int cmd_main(int argc, char **argv);

/* The saved preferences of plan p (file `path`), replayed through pick's option table into
 * settings `st` (pick.h): one reader for pick, print and export.  0; -1 with error() set
 * (EX_DATAERR, "damaged plan file") at the first option that cannot be replayed. */
struct pick_settings;
int cmd_replay_saved(const struct plan *p, const char *path, struct pick_settings *st);

#endif
