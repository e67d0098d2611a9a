/* test_config.c: the config file parser — keys and values, comments and blank lines, every kind of
 * bad line reported as FILE:LINE with EX_CONFIG, the file's path, and reading from disk. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/cmd/command.h"
#include "config.h"
#include "pick.h"
#include "tap.h"
#include "util.h"

static int parse(struct config *c, const char *text)
{
	config_init(c);
	error_clear();
	return config_parse(c, text, strlen(text), "cfg");
}

/* The error a one-line (or more) config gives, or "" when it parses. */
static const char *bad(const char *text)
{
	static char msg[1024];
	struct config c;

	if (parse(&c, text) == 0) {
		config_release(&c);
		return "";
	}
	snprintf(msg, sizeof(msg), "%s", error_message());
	return msg;
}

static void test_good(void)
{
	struct config c;
	const struct config_setting *st;

	is_int(parse(&c, ""), 0, "an empty file is fine");
	ok(!c.schedule && !c.tz && c.travel_minutes == -1 && !c.alarm_set &&
	   c.npick == 0, "and sets nothing");
	is_str(c.path, "cfg", "the path is kept for messages");
	config_release(&c);

	is_int(parse(&c,
		     "# my planner settings\n"
		     "\n"
		     "   # an indented comment\n"
		     "schedule = pyconkr-2014\n"
		     "tz=local\n"
		     "\ttravel   =  10  \r\n"
		     "alarm = 15\n"
		     "max-per-day = 4\n"
		     "break = 12:00-13:30\n"
		     "track = 웹 서비스\n"
		     "track = asyncio\n"
		     "tag = AI = ML # not a comment\n"
		     "keyword = C#\n"
		     "speaker = 김파이\n"
		     "level = 초급\n"
		     "lang = ko\n"
		     "type = keynote\n"
		     "weight = speaker=10\n"
		     "caldav-url = https://dav.example.org/\n"
		     "caldav-user = 김파이\n"
		     "caldav-password-command = pass show dav | head -n 1\n"
		     "weight = keynote=0"), 0, "every key parses (no newline at the end)");
	is_str(c.caldav_url, "https://dav.example.org/", "caldav-url");
	is_str(c.caldav_user, "김파이", "caldav-user");
	is_str(c.caldav_password_command, "pass show dav | head -n 1", "caldav-password-command, as written");
	is_str(c.schedule, "pyconkr-2014", "schedule");
	is_int(c.schedule_line, 4, "and its line");
	is_str(c.tz, "local", "tz, without spaces around '='");
	is_int(c.travel_minutes, 10, "travel, with tabs, spaces and a CR around it");
	ok(c.alarm_set && c.alarm_seconds == 15 * 60, "alarm: a number alone is minutes");
	st = config_find(&c, "max-per-day", 0);
	ok(st && !strcmp(st->value, "4"), "max-per-day, one of pick's defaults");
	is_int(c.npick, 13, "pick's defaults: travel, max-per-day, break and the preferences");
	st = config_find(&c, "track", 0);
	ok(st && !strcmp(st->value, "웹 서비스") && st->line == 10, "a Korean value with a space, line 10");
	st = config_find(&c, "track", 1);
	ok(st && !strcmp(st->value, "asyncio"), "a repeated key keeps both, in order");
	ok(!config_find(&c, "track", 2), "and no more");
	st = config_find(&c, "tag", 0);
	ok(st && !strcmp(st->value, "AI = ML # not a comment"), "a value keeps '=' and '#'");
	st = config_find(&c, "keyword", 0);
	ok(st && !strcmp(st->value, "C#"), "C# stays C#");
	st = config_find(&c, "travel", 0);
	ok(st && !strcmp(st->value, "10"), "travel is also one of pick's defaults");
	ok(!config_find(&c, "alarm", 0) && !config_find(&c, "schedule", 0), "alarm and schedule are not");
	ok(!strcmp(c.pick[0].key, "travel") && c.npick == 13 && !strcmp(c.pick[12].key, "weight"), "in file order");
	config_release(&c);

	is_int(parse(&c, "alarm = 1h30m"), 0, "alarm as export's --alarm reads it");
	is_int(c.alarm_seconds, 5400, "1h30m");
	config_release(&c);
	is_int(parse(&c, "alarm = none"), 0, "alarm = none");
	ok(c.alarm_set && c.alarm_seconds == -1, "is set, to no alarm");
	config_release(&c);

	is_int(parse(&c, "\xEF\xBB\xBFtravel = 0\n"), 0, "a byte-order mark is skipped");
	is_int(c.travel_minutes, 0, "travel 0 is allowed");
	config_release(&c);
}

static void test_bad(void)
{
	struct config c;

	is_str(bad("colour = red"), "cfg:1: unknown key \"colour\" (known: schedule, tz, cacert, track, tag, keyword, "
	       "speaker, level, lang, type, weight, break, max-per-day, travel, alarm, caldav-url, "
	       "caldav-user, caldav-password-command, topic)", "an unknown key, with the known ones");
	is_str(bad("# ok\n\ntrak = web\n"), "cfg:3: unknown key \"trak\" (did you mean \"track\"?)",
	       "a near miss, on line 3");
	is_int(error_status(), EX_CONFIG, "status EX_CONFIG");
	is_str(bad("travel"), "cfg:1: expected \"key = value\"", "no '='");
	is_str(bad(" = 3"), "cfg:1: expected \"key = value\": no key before '='", "no key");
	is_str(bad("travel =   "), "cfg:1: \"travel\" has no value", "no value");
	is_str(bad("travel = ten"), "cfg:1: travel \"ten\": expected a whole number from 0 to 600",
	       "a word for a number");
	is_str(bad("travel = -1"), "cfg:1: travel \"-1\": expected a whole number from 0 to 600",
	       "a negative number");
	is_str(bad("travel = 601"), "cfg:1: travel \"601\": expected a whole number from 0 to 600",
	       "too many minutes");
	is_str(bad("travel = 10 # walk"), "cfg:1: travel \"10 # walk\": expected a whole number from 0 to "
	       "600", "no comments after a value");
	is_str(bad("max-per-day = 99999999999999999999"),
	       "cfg:1: max-per-day \"99999999999999999999\": expected a whole number from 0 to 1000",
	       "an overflowing number");
	is_str(bad("alarm = 1h30"), "cfg:1: alarm \"1h30\": expected 'none' or how long before the "
	       "start, e.g. 10m, 90s, 1h, 1h30m or 1d (s, m, h, d; at most 7d)", "an alarm export would "
	       "refuse");
	is_str(bad("travel = 5\ntravel = 6"), "cfg:2: \"travel\" is already set on line 1",
	       "a key that may be set once, twice");
	is_str(bad("tz = Mars/Olympus"), "cfg:1: tz \"Mars/Olympus\": unknown time zone (expected an "
	       "IANA name like Asia/Seoul, or local)",
	       "an unknown zone");
	is_str(bad("level = expert-ish"), "cfg:1: level \"expert-ish\": expected beginner, intermediate or "
	       "advanced (초급, 중급, 고급)", "an unknown level");
	is_str(bad("type = nonsense"), "cfg:1: type \"nonsense\": expected talk, keynote, lightning, tutorial, "
	       "workshop, panel, break, social or other", "an unknown type");
	is_str(bad("weight = speaker"), "cfg:1: weight \"speaker\": expected KIND=NUMBER, e.g. track=3",
	       "a weight without =N");
	is_str(bad("weight = color=3"), "cfg:1: weight \"color=3\": unknown kind (known: track, tag, "
	       "keyword, speaker, level, lang, type, keynote, unrecorded)", "a weight of an unknown kind");
	is_str(bad("break = lunch"), "cfg:1: break \"lunch\": expected HH:MM-HH:MM, e.g. 12:00-13:00",
	       "a break that is not a time span");
	is_str(bad("schedule = a\n\xff = 1\n"), "cfg:2: not valid UTF-8", "invalid UTF-8, on its line");
	is_str(bad("\x1b[31mcolor = red"), "cfg:1: unknown key \"color\" (known: schedule, tz, cacert, "
	       "track, tag, keyword, speaker, level, lang, type, weight, break, max-per-day, travel, "
	       "alarm, caldav-url, caldav-user, caldav-password-command, topic)",
	       "a key with an escape sequence is made inert in the message");
	{
		static const char nul[] = "travel = 1\nalarm = 2\0\n";
		config_init(&c);
		is_int(config_parse(&c, nul, sizeof(nul) - 1, "cfg"), -1, "a NUL byte is an error");
		is_str(error_message(), "cfg:2: a NUL byte", "on its line");
	}
	ok(!c.path && !c.npick, "a failed parse leaves the config empty");
}

static void test_keys(void)
{
	size_t n = 0;

	for (const char *k; (k = config_key(n)); n++) {
		char *line = xasprintf("%s = %s", k,
				       !strcmp(k, "tz") ? "UTC" : !strcmp(k, "break") ? "12:00-13:00"
				       : !strcmp(k, "weight") ? "tag=1" : !strcmp(k, "level") ? "beginner"
				       : !strcmp(k, "type") ? "talk" : !strcmp(k, "topic") ? "asyncio: 비동기"
				       : "7");
		is_str(bad(line), "", "config_key lists \"%s\", and it parses", k);
		free(line);
	}
	is_int(n, 19, "nineteen keys");
}

/* The keys are exactly the options of the command table marked configurable (and -s), each
 * once, then `topic`, the file's own; those pick saves with its plan are pick's defaults. */
static void test_keys_from_options(void)
{
	struct strlist want;
	size_t n = 0, same = 0;

	strlist_init(&want);
	for (const struct cmd_option *const *o = global_options; *o; o++)
		if (((*o)->flags & OPT_CONFIG) && strlist_find(&want, (*o)->name) < 0)
			strlist_push(&want, (*o)->name);
	for (const struct cmd_entry *const *c = cmd_table; *c; c++)
		for (const struct cmd_option *const *o = (*c)->options; o && *o; o++)
			if (((*o)->flags & OPT_CONFIG) && strlist_find(&want, (*o)->name) < 0)
				strlist_push(&want, (*o)->name);
	strlist_push(&want, "topic");
	for (const char *k; (k = config_key(n)); n++)
		same += n < want.n && !strcmp(k, want.v[n]);
	ok(n == want.n && same == n, "the config keys are the configurable options (%zu)", want.n);
	ok(strlist_find(&want, "schedule") >= 0 && strlist_find(&want, "tz") >= 0 &&
	   strlist_find(&want, "alarm") >= 0, "-s, --tz and export's --alarm among them");
	for (const struct cmd_option *const *o = cmd_find("pick")->options; *o; o++) {
		struct config c;
		char *line;

		if (!((*o)->flags & OPT_CONFIG))
			continue;
		line = xasprintf("%s = %s", (*o)->name, !strcmp((*o)->name, "break") ? "12:00-13:00" :
				 !strcmp((*o)->name, "weight") ? "tag=1" : !strcmp((*o)->name, "level")
				 ? "beginner" : !strcmp((*o)->name, "type") ? "talk" : "7");
		ok(parse(&c, line) == 0 && c.npick == 1 && !strcmp(c.pick[0].key, (*o)->name),
		   "pick's configurable --%s is one of pick's defaults", (*o)->name);
		config_release(&c);
		free(line);
	}
	strlist_release(&want);
}

/* pick saves and replays its preferences by name (pick_settings_apply): every option pick's
 * table marks OPT_SAVED must be one it applies, and no other, or a preference would be dropped
 * without a word. */
static void test_saved_from_options(void)
{
	const struct cmd_entry *pick = cmd_find("pick");
	size_t nsaved = 0, applied = 0, others = 0, ignored = 0;

	for (const struct cmd_option *const *o = pick->options; *o; o++) {
		const char *v = !(*o)->arg ? NULL : (*o)->value == VALUE_LEVEL ? "beginner" :
			(*o)->value == VALUE_TYPE ? "talk" : (*o)->value == VALUE_WEIGHT ? "tag=1" :
			(*o)->value == VALUE_BREAK ? "12:00-13:00" : (*o)->value == VALUE_COUNT ? "7" : "x";
		struct pick_settings st;
		int r;

		pick_settings_init(&st);
		r = pick_settings_apply(&st, (*o)->name, v);
		pick_settings_release(&st);
		error_clear();
		if ((*o)->flags & OPT_SAVED) {
			nsaved++;
			applied += r == 1;
			if (r != 1)
				printf("#   --%s is OPT_SAVED, but pick_settings_apply gives %d\n", (*o)->name, r);
		} else {
			others++;
			ignored += r == 0;
			if (r != 0)
				printf("#   --%s is not OPT_SAVED, but pick_settings_apply gives %d\n", (*o)->name, r);
		}
	}
	ok(nsaved > 0 && applied == nsaved, "pick applies each of its %zu saved preferences", nsaved);
	ok(ignored == others, "and none of its %zu other options", others);
}

static void test_files(void)
{
	char dir[] = "/tmp/planner-config-XXXXXX", *path;
	struct config c;
	FILE *f;

	if (!mkdtemp(dir)) {
		ok(0, "mkdtemp");
		return;
	}
	path = xasprintf("%s/config", dir);
	config_init(&c);
	is_int(config_load(&c, path), 1, "no file: 1, nothing set");
	ok(!c.path, "and no path");
	f = fopen(path, "w");
	fputs("# comment\ntravel = 7\nfoo = bar\n", f);
	fclose(f);
	is_int(config_load(&c, path), -1, "a bad file");
	{
		char *want = xasprintf("%s:3: unknown key \"foo\" (known: schedule, tz, cacert, track, tag, "
				       "keyword, speaker, level, lang, type, weight, break, max-per-day, "
				       "travel, alarm, caldav-url, caldav-user, caldav-password-command, topic)",
				       path);
		is_str(error_message(), want, "the message names the file and the line");
		free(want);
	}
	f = fopen(path, "w");
	fputs("travel = 7\n", f);
	fclose(f);
	config_init(&c);
	is_int(config_load(&c, path), 0, "a good file");
	ok(c.travel_minutes == 7 && c.path && !strcmp(c.path, path), "read, with its path");
	config_release(&c);
	unlink(path);
	mkdir(path, 0700);
	config_init(&c);
	is_int(config_load(&c, path), -1, "a directory where the file should be");
	is_int(error_status(), EX_CONFIG, "is a config error");
	rmdir(path);
	rmdir(dir);
	free(path);

	setenv("XDG_CONFIG_HOME", "/x/conf", 1);
	path = config_path();
	is_str(path, "/x/conf/planner/config", "config_path: $XDG_CONFIG_HOME/planner/config");
	free(path);
	setenv("XDG_CONFIG_HOME", "relative", 1);
	setenv("HOME", "/tmp", 1);	/* a home must be a directory there */
	path = config_path();
	is_str(path, "/tmp/.config/planner/config", "a relative XDG_CONFIG_HOME is ignored");
	free(path);
	setenv("HOME", "/nonexistent-home", 1);
	path = config_path();
	ok(!path && strstr(error_message(), "is not a directory"), "a home that is not there is none");
	free(path);
}

int main(void)
{
	test_good();
	test_bad();
	test_keys();
	test_keys_from_options();
	test_saved_from_options();
	test_files();
	return done_testing();
}
