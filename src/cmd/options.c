/* options.c: the options several commands share, defined once — the filters, the display zone,
 * --json, --help and the options before the command — and the one reader of a saved plan's
 * preferences, which replays them through pick's option table. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "command.h"
#include "config.h"
#include "pick.h"
#include "plan.h"
#include "text.h"
#include "util.h"

const struct cmd_option opt_day = {
	"day", 'd', "N|DATE", "only day N (1, 2, ...) or the date YYYY-MM-DD", COMPLETE_DAY,
	0, VALUE_TEXT, 0, NULL };
const struct cmd_option opt_track = {
	"track", 't', "T", "sessions in track T or tagged T; when no track or tag is called T,\n"
	"sessions that mention T or a word of its topic (said on stderr)", COMPLETE_LABEL, OPT_REPEAT, VALUE_TEXT, 0, NULL };
const struct cmd_option opt_tag = {
	"tag", 0, "T", "sessions tagged T", COMPLETE_TAG, OPT_REPEAT, VALUE_TEXT, 0, NULL };
const struct cmd_option opt_room = {
	"room", 'r', "R", "sessions in room R (its id, or a part of its name)", COMPLETE_ROOM,
	OPT_REPEAT, VALUE_TEXT, 0, NULL };
const struct cmd_option opt_level = {
	"level", 'l', "L", "beginner, intermediate or advanced (초급, 중급, 고급)", COMPLETE_LEVEL,
	OPT_REPEAT, VALUE_TEXT, 0, NULL };
const struct cmd_option opt_lang = {
	"lang", 0, "L", "sessions in language L (ko, en, ...)", COMPLETE_LANG, OPT_REPEAT,
	VALUE_TEXT, 0, NULL };
const struct cmd_option opt_type = {
	"type", 0, "T", "talk, keynote, lightning, tutorial, workshop, panel, break, social, other",
	COMPLETE_TYPE, OPT_REPEAT, VALUE_TEXT, 0, NULL };
const struct cmd_option opt_speaker = {
	"speaker", 0, "S", "sessions with a speaker whose name contains S", COMPLETE_SPEAKER,
	OPT_REPEAT, VALUE_TEXT, 0, NULL };
const struct cmd_option opt_search = {
	"search", 'q', "TEXT", "TEXT or a word of its topic (asyncio: 비동기, ...) in the title,\n"
	"subtitle, abstract, speakers, tags or track",
	COMPLETE_NONE, OPT_REPEAT, VALUE_TEXT, 0, NULL };
const struct cmd_option opt_tz = {
	"tz", 0, "ZONE", "show times in ZONE (an IANA name, or 'local')", COMPLETE_ZONE, OPT_CONFIG,
	VALUE_ZONE, 0, NULL };

const struct cmd_option opt_at = {
	"at", 0, "\"DATE HH:MM\"", "pretend it is this time: YYYY-MM-DD HH:MM, or HH:MM today (in\n"
	"the zone times are shown in)", COMPLETE_TIME, 0, VALUE_TEXT, 0, NULL };

const struct cmd_option opt_cacert = {
	"cacert", 0, "FILE", "trust the certificate authorities in FILE (PEM) for https: a\n"
	"private CA's, or a self-signed server's certificate", COMPLETE_FILE, OPT_CONFIG, VALUE_TEXT,
	0, NULL };

int cli_cacert(const struct cmd_ctx *ctx, const char **out)
{
	const struct config *cf;
	const char *path = cmd_arg(ctx, &opt_cacert);
	struct stat st;

	*out = NULL;
	if (!path) {
		if (!(cf = cli_config()))
			return -1;
		path = cf->cacert;
	}
	if (!path)
		return 0;
	if (access(path, R_OK) < 0 || stat(path, &st) < 0)
		return error_option(EX_NOINPUT, "cacert", path, "%s", strerror(errno));
	if (!S_ISREG(st.st_mode))
		return error_option(EX_NOINPUT, "cacert", path, "not a file");
	*out = path;
	return 0;
}

const struct cmd_option opt_member = {
	"member", 'm', "NAME", "a team member's plan ('planner team') instead of yours",
	COMPLETE_NONE, 0, VALUE_TEXT, 0, NULL };

const struct cmd_option opt_json = {
	"json", 0, NULL, "JSON output", COMPLETE_NONE, 0, VALUE_TEXT, 0, NULL };
const struct cmd_option opt_help = {
	"help", 'h', NULL, "show the help", COMPLETE_NONE, 0, VALUE_TEXT, 0, NULL };

/* Before the command. */
const struct cmd_option opt_schedule = {
	"schedule", 's', "SOURCE", "the timetable: a file, a URL, or the name of a fetched or\n"
	"bundled one (pyconkr-2024, ...); default: 'schedule' in the\n"
	"config file, else the last one 'planner fetch' fetched,\n"
	"else the newest bundled one", COMPLETE_TIMETABLE, OPT_CONFIG, VALUE_SOURCE, 0, NULL };
static const struct cmd_option opt_global_help = {
	"help", 'h', NULL, "this help", COMPLETE_NONE, 0, VALUE_TEXT, 0, NULL };
const struct cmd_option opt_version = {
	"version", 'V', NULL, "the version", COMPLETE_NONE, 0, VALUE_TEXT, 0, NULL };
const struct cmd_option *const global_options[] = {
	&opt_schedule, &opt_global_help, &opt_version, NULL,
};

int cli_filter_values(struct cmd_ctx *ctx, const char **day_arg)
{
	struct filter *f = &ctx->filter;

	*day_arg = NULL;
	for (size_t i = 0; i < ctx->ngiven; i++) {
		const struct cmd_option *o = ctx->given[i].opt;
		const char *v = ctx->given[i].value;

		if (o == &opt_day)
			*day_arg = v;
		else if (o == &opt_track)
			filter_add(&f->tracks, v);
		else if (o == &opt_tag)
			filter_add(&f->tags, v);
		else if (o == &opt_room)
			filter_add(&f->rooms, v);
		else if (o == &opt_level) {
			if (filter_add_level(f, v) < 0)
				return -1;
		} else if (o == &opt_lang)
			filter_add(&f->langs, v);
		else if (o == &opt_type) {
			if (filter_add_type(f, v) < 0)
				return -1;
		} else if (o == &opt_speaker)
			filter_add(&f->speakers, v);
		else if (o == &opt_search)
			filter_add(&f->search, v);
		else
			continue;
		ctx->filtered = true;
	}
	return 0;
}

int cli_check_values(const struct cmd_ctx *ctx)
{
	for (size_t i = 0; i < ctx->ngiven; i++)
		if (ctx->given[i].value &&
		    filter_value_check(&ctx->s, ctx->given[i].opt->name, ctx->given[i].value) < 0)
			return -1;
	return 0;
}

/* The saved preferences of plan file `path` cannot be replayed. */
static int bad_args(const char *path, const char *why, const char *opt)
{
	return error(EX_DATAERR, "%s: damaged plan file: %s '%s' (run 'planner pick' with your "
		     "preferences to make a new plan; the file is left as it is)", path, why,
		     text_inert(opt));
}

int cmd_replay_saved(const struct plan *p, const char *path, struct pick_settings *st)
{
	const struct cmd_entry *pick = cmd_find("pick");
	const struct strlist *args = &p->args;

	for (size_t i = 0; i < args->n; i++) {
		const struct cmd_option *const *o;
		const char *name = args->v[i], *arg = NULL;

		for (o = pick->options; *o; o++)
			if (!strncmp(name, "--", 2) && !strcmp(name + 2, (*o)->name))
				break;
		if (!*o)
			return bad_args(path, "its preferences hold an unknown option", name);
		if ((*o)->arg) {
			if (i + 1 >= args->n)
				return bad_args(path, "its preferences end without the value of", name);
			arg = args->v[++i];
		}
		/* --must, --day and the like are never saved */
		if (!((*o)->flags & OPT_SAVED))
			return bad_args(path, "its preferences hold an option that is not a preference",
					name);
		if (pick_settings_apply(st, (*o)->name, arg) < 0)
			return -1;
	}
	return 0;
}

void cli_saved_settings(const struct plan *p, const char *path, struct pick_settings *st)
{
	pick_settings_init(st);
	/* What cannot be replayed is left out: the values were checked when the plan was made,
	 * and `planner pick` says what is wrong with a damaged file. */
	cmd_replay_saved(p, path, st);
	error_clear();
}
