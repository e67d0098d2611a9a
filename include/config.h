/* config.h: the user's settings, $XDG_CONFIG_HOME/planner/config (default ~/.config/planner/config).
 *
 * One setting a line, `key = value`; blank lines and lines whose first non-blank character is
 * '#' are ignored; space around the key and the value is not part of them (a value may itself
 * contain '=', '#' and spaces).  Keys:
 *
 *     schedule = SOURCE        the default timetable, as `-s SOURCE`
 *     tz = ZONE                the zone times are shown in, as `--tz` (an IANA name or local)
 *     travel = MINUTES         pick's --travel (0..600)
 *     alarm = TIME             export's --alarm: a reminder this long before each session
 *                              ("10m", "1h30m", "90s", a number of minutes, or "none")
 *     max-per-day = N          pick's --max-per-day (0..1000)
 *     break = HH:MM-HH:MM      pick's --break (repeatable)
 *     track, tag, keyword, speaker, level, lang, type = VALUE
 *                              pick's preferences (each repeatable)
 *     weight = KIND=N          pick's --weight (repeatable)
 *     topic = NAME: WORD, ...  a topic (topics.h), or more words of one (repeatable)
 *     caldav-url = URL         push's calendar or CalDAV server
 *     caldav-user = NAME       push's user name
 *     caldav-password-command = COMMAND
 *                              push: a shell command whose first output line is the password
 *
 * schedule, tz, travel, alarm, max-per-day and the caldav keys may be given once.  Every value is checked when
 * the file is read (except schedule, which is resolved when it is used), so a bad line is
 * reported at once as "FILE:LINE: ..." with status EX_CONFIG.  This module only parses; the
 * cli decides how the settings combine with the command line (the command line wins).
 */
#ifndef PLANNER_CONFIG_H
#define PLANNER_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

/* Inputs larger than this are refused. */
#define CONFIG_MAX_BYTES (1u << 20)

/* One of pick's defaults, in file order: `key` is pick's option name ("track", "break", ...). */
struct config_setting {
	char *key, *value;
	unsigned line;
};

struct config {
	char *path;                 /* the file read; NULL when there is none */
	char *schedule;             /* NULL: not set */
	unsigned schedule_line;     /* its line, for messages */
	char *tz;                   /* NULL: not set */
	int travel_minutes;         /* -1: not set */
	bool alarm_set;             /* alarm is given: */
	int alarm_seconds;          /* as ics_alarm_parse() reads it (-1: "none") */
	char *caldav_url, *caldav_user, *caldav_password_command; /* NULL: not set */
	char *cacert;               /* NULL: not set */
	struct config_setting *pick; /* pick's defaults (also travel and max-per-day), in file order */
	size_t npick, pick_alloc;
	struct config_setting *topics; /* the `topic` lines (key "topic"), in file order */
	size_t ntopics, topics_alloc;
};

void config_init(struct config *c);
void config_release(struct config *c);

/* Key number i of those config_parse() knows (NULL past the last): the options of the command
 * table marked configurable, each once — schedule (-s), tz, pick's preferences, travel,
 * max-per-day, break, export's alarm — then `topic`, the one key of the file alone.  Borrowed. */
const char *config_key(size_t i);

/* The config file's path ($XDG_CONFIG_HOME/planner/config).  Caller frees; NULL with error() set
 * when neither XDG_CONFIG_HOME nor HOME says where it is. */
char *config_path(void);

/* Parses buf[0..len) into c (freshly initialized); `name` (the path) is used in messages and kept
 * as c->path.  0, or -1 with error() set (EX_CONFIG, "NAME:LINE: what is wrong"); on failure c is
 * released. */
int config_parse(struct config *c, const char *buf, size_t len, const char *name);

/* Reads and parses the file at path.  0; 1 when there is no such file (c stays empty); -1 with
 * error() set (as config_parse, or EX_IOERR / EX_CONFIG when it cannot be read). */
int config_load(struct config *c, const char *path);

/* The value of pick's default `key` number i of those with that key (NULL past the last).
 * Borrowed. */
const struct config_setting *config_find(const struct config *c, const char *key, size_t i);

#endif
