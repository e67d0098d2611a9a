/* cli.c: the pieces every subcommand shares — errors and warnings on stderr, help texts, the
 * chosen timetable, terminal width and colour, inert and aligned table cells. */
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "filter.h"
#include "load.h"
#include "source.h"
#include "text.h"
#include "tz.h"
#include "util.h"

int report_error(void)
{
	flush_warnings();
	fprintf(stderr, "planner: %s\n", error_message());
	return error_status();
}

void flush_warnings(void)
{
	for (size_t i = 0; i < warning_count(); i++)
		fprintf(stderr, "planner: warning: %s\n", warning_at(i));
	warnings_clear();
}

int usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "planner: %s%s", cmd ? cmd : "", cmd ? ": " : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (see 'planner help%s%s')\n", cmd ? " " : "", cmd ? cmd : "");
	return EX_USAGE;
}

void print_usage(const struct command *cmd, FILE *f)
{
	fputs(cmd->usage, f);
}

int command_help(const char *name)
{
	const struct command *c = find_command(name);

	if (c)
		print_usage(c, stdout);
	return 0;
}

int cli_option_error(const char *cmd, char **argv, const struct option *opts)
{
	const char *bad = argv[optind - 1];

	if (optopt) {
		for (const struct option *o = opts; o->name; o++)
			if (o->val == optopt && o->has_arg == required_argument)
				return usage_error(cmd, "option '%s' needs a value", bad);
		return usage_error(cmd, "unknown option '-%c'", optopt);
	}
	if (!strncmp(bad, "--", 2)) {
		const char *name = bad + 2;
		size_t nlen = strcspn(name, "=");
		const char *best = NULL;
		size_t best_d = (size_t)-1;
		char *plain = xstrndup(name, nlen);

		for (const struct option *o = opts; o->name; o++) {
			size_t d;
			if (!strcmp(o->name, plain) && o->has_arg == required_argument) {
				free(plain);
				return usage_error(cmd, "option '--%s' needs a value", o->name);
			}
			d = text_distance(plain, o->name);
			if (d < best_d) {
				best_d = d;
				best = o->name;
			}
		}
		free(plain);
		if (best && best_d <= 2)
			return usage_error(cmd, "unknown option '%s' (did you mean '--%s'?)", bad, best);
	}
	return usage_error(cmd, "unknown option '%s'", bad);
}

int cli_filter_option(struct filter *f, const char **day_arg, int c, const char *arg)
{
	switch (c) {
	case 'd':
		*day_arg = arg;
		return 1;
	case 't':
		filter_add(&f->tracks, arg);
		return 1;
	case OPT_TAG:
		filter_add(&f->tags, arg);
		return 1;
	case 'r':
		filter_add(&f->rooms, arg);
		return 1;
	case 'l':
		return filter_add_level(f, arg) < 0 ? -1 : 1;
	case OPT_LANG:
		filter_add(&f->langs, arg);
		return 1;
	case OPT_TYPE:
		return filter_add_type(f, arg) < 0 ? -1 : 1;
	case OPT_SPEAKER:
		filter_add(&f->speakers, arg);
		return 1;
	case 'q':
		filter_add(&f->search, arg);
		return 1;
	}
	return 0;
}

int cli_filter_finish(struct filter *f, const struct schedule *s, const char *day_arg)
{
	if (day_arg && filter_add_day(f, s, day_arg) < 0)
		return -1;
	if (filter_resolve(f, s) < 0)
		return -1;
	for (size_t i = 0; i < f->track_fallbacks.n; i++)
		fprintf(stderr, "planner: no track or tag '%s' in %s; showing sessions that mention it\n",
			f->track_fallbacks.v[i], s->conf.name);
	return 0;
}

int cli_load_schedule(struct schedule *s)
{
	int ret = source_load(s, global.schedule, NULL);

	flush_warnings();
	return ret;
}

const struct tz *cli_display_zone(const struct schedule *s, const char *arg)
{
	const struct tz *z;

	if (!arg)
		return s->tz;
	z = tz_get(arg);
	if (!z)
		error(EX_USAGE, "--tz '%s': %s", arg, error_message());
	return z;
}

bool cli_color(void)
{
	const char *nc = getenv("NO_COLOR");

	if (nc && *nc)
		return false;
	return isatty(STDOUT_FILENO);
}

int cli_width(void)
{
	struct winsize ws;
	const char *cols;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	cols = getenv("COLUMNS");
	if (cols && atoi(cols) > 0)
		return atoi(cols);
	return 0;
}

int cell_width(const char *s)
{
	char *clean = text_sanitize(s ? s : "");
	int w = (int)text_width(clean);

	free(clean);
	return w;
}

void put_cell(FILE *f, const char *s, int cols)
{
	char *clean = text_sanitize(s ? s : ""), *cut;
	int w;

	if (cols <= 0) {
		fputs(clean, f);
		free(clean);
		return;
	}
	cut = text_truncate(clean, (size_t)cols);
	fputs(cut, f);
	for (w = (int)text_width(cut); w < cols; w++)
		fputc(' ', f);
	free(cut);
	free(clean);
}
