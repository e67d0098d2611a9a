/* cli.h: what the commands share — the global options, loading the chosen timetable, terminal
 * facts, and printing errors.  Only the command layer (src/cmd/) prints.  The command entries
 * and the runner are in command.h. */
#ifndef PLANNER_CLI_H
#define PLANNER_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "schedule.h"

struct tz;

/* Options that come before the subcommand. */
struct global_opts {
	const char *schedule; /* -s, --schedule SOURCE; NULL for the default */
};
extern struct global_opts global;

/* Prints "planner: " + the recorded error and returns its exit status. */
int report_error(void);
/* Prints queued warnings as "planner: warning: ..." and clears them. */
void flush_warnings(void);
/* The lock wait notice (fsutil.h, set by main): "planner: waiting for another planner to finish
 * with the plan 'PATH'" on stderr. */
void cli_lock_waiting(const char *what, const char *path);
/* Prints "planner: <fmt>" plus a hint to run --help, and returns EX_USAGE. */
int usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
struct config;
/* The user's config file (config.h), read once; an empty config when there is none.  NULL with
 * error() set when it cannot be read or has a bad line.  Borrowed; freed at exit. */
const struct config *cli_config(void);
/* The topic loader (topics_set_loader): the bundled topics.txt beside the bundled timetables,
 * then the config file's `topic` lines.  0, or -1 with error() set. */
struct topic_lines;
int cli_load_topics(struct topic_lines *l);
/* Says on stderr, for each --track value in `words` that named no track or tag (q: their
 * queries, or NULL), that the sessions `doing` ("showing", "planning") are those that mention it
 * (or another word of its topic). */
struct query;
void cli_say_fallbacks(const struct strlist *words, const struct query *q,
		       const struct schedule *s, const char *doing);
/* The timetable the commands use: -s, else the config's `schedule`, else NULL (source.h's
 * default); borrowed (argv or the config).  *line gets the config line it came from, 0 when it
 * did not. */
const char *cli_schedule_spec(unsigned *line);

/* Loads the timetable chosen by the global options (or the config) into s (freshly
 * initialized). */
int cli_load_schedule(struct schedule *s);
struct venue;
/* Reads the venue file of s's conference (venue_file.h: the floors, buildings and walks `planner
 * rooms` sets) and applies it to s; cli_load_schedule does.  out (unless NULL) gets what the
 * file holds (caller releases), *path (unless NULL) its path (caller frees).  0, or -1 with
 * error() set (a damaged file). */
int cli_load_venue(struct schedule *s, struct venue *out, char **path);
/* Resolves --tz: NULL means the config's `tz`, else the conference zone; "local" the system's.
 * The zone is tz.h's (never freed); NULL on error (set). */
const struct tz *cli_display_zone(const struct schedule *s, const char *arg);

/* Terminal facts for stdout: colour (a TTY and no NO_COLOR) and width in columns (the TTY's
 * width, else $COLUMNS, else 0 for "no limit"). */
bool cli_color(void);
int cli_width(void);

struct cmd_ctx;
struct filter;
/* The filter options given to ctx's command, into ctx->filter (--day's value into *day_arg, to
 * be resolved once the timetable is loaded; ctx->filtered set when one was given).  0, or -1
 * with error() set for a bad --level or --type (options.c). */
int cli_filter_values(struct cmd_ctx *ctx, const char **day_arg);
/* Resolves the stored --day and --track values against the loaded timetable, and says on stderr
 * when a --track fell back to a text search.  0, or -1 with error() set. */
int cli_filter_finish(struct filter *f, const struct schedule *s, const char *day_arg);

/* The values typed for --tag, --lang, --level, --type, --room and --speaker on ctx's command line
 * (its loaded timetable ctx->s), checked with filter_value_check: one that matches nothing is an
 * error with a suggestion, before anything is listed, written or saved.  0, or -1 with error()
 * set (options.c). */
int cli_check_values(const struct cmd_ctx *ctx);
/* The --cacert file given to ctx's command, else the config's `cacert`, else NULL, in *out
 * (borrowed).  0, or -1 with error() set (EX_NOINPUT) when it is not a readable file. */
int cli_cacert(const struct cmd_ctx *ctx, const char **out);

struct plan;
struct changes;
/* Marks the changes to sessions of the saved plan of conference conf_id and puts them first
 * (fetch and changes show those before the rest).  Without a plan, nothing changes. */
void cli_planned_first(struct changes *c, const char *conf_id);
/* Prints the changes report c of a timetable (conference conf_id) as fetch and update show it:
 * the changes to sessions of the saved plan first, starred, then at most `shown` others (0: all;
 * changes_format_text). */
void cli_print_changes(struct changes *c, const char *conf_id, size_t shown);
/* A re-fetch that changed much says so in a screenful: the changes to the plan, and at most this
 * many of the others (`planner changes` lists them all). */
#define CLI_CHANGES_SHOWN 15
/* Loads the chosen timetable into s and its saved plan into p (empty when there is none yet);
 * with `member` (not NULL), that team member's plan, which must exist (planner team makes it);
 * *path gets the plan file's path (caller frees).  With `lock` (a CMD_PLAN_LOCK command), first
 * takes the plan's lock (held until exit, waiting up to PLAN_LOCK_SECONDS), so that two planners
 * changing the same plan wait for each other instead of losing an update.  0, or -1 with
 * error() set. */
int cli_load_plan(struct schedule *s, struct plan *p, char **path, bool lock, const char *member);
/* Prints the saved plan p of s (what `planner plan` shows; `member`'s when not NULL): the
 * sessions by day, with what the timetable did to them since; returns the number of changed or
 * cancelled sessions. */
size_t cli_print_plan(const struct schedule *s, const struct plan *p, const char *member);

/* add, drop, pin and unpin: edits the saved plan p of s (file `path`, loaded under its lock) with the
 * session ids ids[0..n) and saves it.  0, or -1 with error() set. */
enum plan_edit { EDIT_ADD, EDIT_DROP, EDIT_PIN, EDIT_UNPIN };
int cli_edit_plan(enum plan_edit op, struct schedule *s, struct plan *p, const char *path,
		  char **ids, int nids);
/* export (cmd_export.c): writes the saved plan p of s (file plan_path) — with `plan` — or the
 * sessions filter f matches (NULL: all) as an iCalendar file, updating the export state, and says
 * on stderr what it wrote.  With use_last (update), the file and options of the last plan
 * export unless output is given, and 1 (nothing written) when there was none.  res (unless
 * NULL) gets what was written.  0, 1, or -1 with error() set. */
struct cli_export_opts {
	const char *output;     /* -o; NULL: CONFERENCE-ID.ics here */
	const char *alarm;      /* --alarm; NULL: the config's, else the default */
	bool utc;
	bool plan;              /* the plan, else the sessions of f */
	bool use_last;
	bool quiet;             /* no "wrote N events" line on stderr */
	const char *member;     /* a team member's plan (planner team); NULL: the user's */
};
struct cli_export_result {
	char *written;          /* the file (caller frees) */
	size_t events, cancelled, departed;
};
int cli_export(struct schedule *s, struct plan *p, const char *plan_path, const struct filter *f,
	       const struct cli_export_opts *eo, struct cli_export_result *res);
/* push (cmd_push.c): saved plan p of s (file plan_path) into a CalDAV calendar.  Each NULL
 * field is the config file's (caldav-url, caldav-user, caldav-password-command, alarm). */
struct cli_push_opts {
	const char *url, *user, *password_command, *calendar, *cacert, *alarm;
	const char *member;	/* a team member's plan (planner team), NULL: the user's */
	bool create, force;
	bool progress;          /* a progress line on stderr when it is a terminal */
};
struct caldav_report;
/* 0 with *rep filled (caller releases; conflicts and refusals are in it), *nevents the events
 * of the plan; -1 with error() set (*rep says what was done before). */
int cli_push(const struct schedule *s, const struct plan *p, const char *plan_path,
	     const struct cli_push_opts *o, struct caldav_report *rep, size_t *nevents);
/* Says what a push did, a line each (the first "made the calendar ...", "... calendar is up to
 * date (N events)" or "pushed to URL: ...", then the conflicts and refusals), after prefix. */
void cli_push_report(FILE *f, const char *prefix, const struct caldav_report *rep, size_t nevents);

/* "ID HH:MM-HH:MM TITLE (ROOM)", made inert: a session as add, pin and import name it.  Caller
 * frees. */
char *cli_describe_session(const struct schedule *s, const struct session *se);

struct share_list;
struct share_match;
/* import and compare: the plan at `source` (a list, a plan file or an .ics; share.h) read,
 * checked against timetable s (a list for another conference is refused) and matched: l gets
 * the items (initialized here; caller releases), *m their matches (caller frees).  0, or -1
 * with error() set. */
int cli_read_shared(const char *source, const char *buf, size_t len, const struct schedule *s,
		    struct share_list *l, struct share_match **m);

/* After sessions were added to saved plan p of s (add, pin, import): "planner: warning: your plan
 * has N conflicts now; see 'planner conflicts'" on stderr when it has any. */
void cli_warn_conflicts(const struct schedule *s, const struct plan *p);
/* The "room full?" line under a planned session's row (pick, now, next): `pad` spaces, then
 * "room full? ID TITLE (ROOM)" for alternative alt of s, cut to title_w + 20 columns when the
 * rows' titles are cut to title_w (0: not cut). */
void cli_print_alternative(const struct schedule *s, const struct session *alt, int pad,
			   int title_w);
struct tz;
/* The instant now, next and here ask about: --at (cmd_now.c: "YYYY-MM-DD HH:MM", ISO 8601, or
 * HH:MM today, in zone z), else the clock.  0, or -1 with error() set (EX_USAGE). */
int cli_at(const struct cmd_ctx *ctx, const struct tz *z, int64_t *at);
/* now and next (cmd_now.c's entry, cli_now): what is on and what is next in the saved plan. */
int cli_now(struct cmd_ctx *ctx, bool next_only);

struct pick_settings;
/* For print and export: the preferences saved plan p (file `path`) was made with, replayed
 * through pick's option table (cmd_replay_saved) into st (initialized here; caller releases);
 * what cannot be replayed is left out (options.c). */
void cli_saved_settings(const struct plan *p, const char *path, struct pick_settings *st);

/* Pairs of planned sessions a then b (in time order, same day) that overlap or leave too little
 * time to change rooms, under the plan's travel time; counted, and the first 1000 printed to f
 * (unless NULL) with a line saying how many more there are. */
size_t cli_print_conflicts(const struct schedule *s, const struct plan *p, FILE *f);
/* The minutes to change rooms for saved plan p, as now, next and conflicts use them: the plan's
 * (what pick used), else the config's `travel`, else pick's default. */
int cli_travel_minutes(const struct plan *p);

#endif
