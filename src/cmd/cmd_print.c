/* cmd_print.c: `planner print` — a printable day plan: the saved plan's days (or one --day) as
 * an agenda in text (80 columns, pages for a printer) or Markdown, or as a rooms × time grid in
 * HTML (one A4 landscape page per day), SVG or PDF (--paper), or one day as a PNG for a phone;
 * --all prints the whole timetable with the plan highlighted; -o writes a file as export -o does
 * (fsutil.h: write_output). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "command.h"
#include "fsutil.h"
#include "pick.h"
#include "plan.h"
#include "print.h"
#include "schedule.h"
#include "util.h"

/* Lines of a printed A4 page of text (CUPS prints about 64 at 6 lines per inch). */
#define PAGE_LINES 60

static const struct cmd_option opt_print_day = {
	"day", 'd', "N|DATE", "only day N (1, 2, ...) or the date YYYY-MM-DD", COMPLETE_DAY, 0,
	VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_format = {
	"format", 'f', "FMT", "text, markdown (md), html, svg, pdf or png; default: from the -o\n"
	"file's extension (.txt, .md, .html, .svg, .pdf, .png), else text", COMPLETE_NONE, 0,
	VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_paper = {
	"paper", 0, "SIZE", "pdf: a4 (the default) or letter, landscape", COMPLETE_NONE, 0,
	VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_output = {
	"output", 'o', "FILE", "write FILE (replaced whole or not at all) instead of standard output",
	COMPLETE_FILE, 0, VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_all = {
	"all", 'a', NULL, "the whole timetable with the plan highlighted (every day, every\n"
	"session); works without a plan too", COMPLETE_NONE, 0, VALUE_TEXT, 0, NULL };

/* The output format --format or -o's extension asks for; -1 after a usage error. */
static int output_format(struct cmd_ctx *ctx)
{
	const char *format_arg = cmd_arg(ctx, &opt_format), *out_path = cmd_arg(ctx, &opt_output);
	const char *paper = cmd_arg(ctx, &opt_paper);
	int fmt = PRINT_TEXT;

	if (format_arg) {
		fmt = print_format_parse(format_arg);
		if (fmt < 0)
			return cmd_usage_error(ctx, "--format '%s': expected text, markdown, html, svg, "
					       "pdf or png", format_arg), -1;
	} else if (out_path && print_format_from_path(out_path) >= 0) {
		fmt = print_format_from_path(out_path);
	}
	if (out_path && !*out_path)
		return cmd_usage_error(ctx, "-o needs a file name"), -1;
	if (paper && print_paper_parse(paper) < 0)
		return cmd_usage_error(ctx, "--paper '%s': expected a4 or letter", paper), -1;
	return fmt;
}

static int check(struct cmd_ctx *ctx)
{
	return output_format(ctx) < 0 ? EX_USAGE : 0;
}

static int exec(struct cmd_ctx *ctx)
{
	const char *out_path = cmd_arg(ctx, &opt_output);
	struct print_doc doc;
	struct pick_settings saved;
	char *buf = NULL;
	size_t len = 0, changed = 0;
	FILE *mem = NULL;
	int fmt = output_format(ctx), ret;

	print_doc_init(&doc, &ctx->s);
	cli_saved_settings(&ctx->plan, ctx->plan_path, &saved);
	ret = print_doc_build(&doc, &ctx->plan, &saved, cmd_arg(ctx, &opt_print_day),
			      cmd_flag(ctx, &opt_all), &changed);
	if (changed)
		fprintf(stderr, "planner: warning: the timetable changed %zu planned session%s since the "
			"plan was made; printing the timetable as it is now (see 'planner plan')\n",
			changed, changed == 1 ? "" : "s");
	if (ret < 0)
		goto fail;
	if (cmd_arg(ctx, &opt_paper))
		doc.paper = (enum print_paper)print_paper_parse(cmd_arg(ctx, &opt_paper));
	if (out_path && !strcmp(out_path, "-"))
		out_path = NULL;	/* standard output, as without -o */
	if (fmt == PRINT_TEXT) {
		bool tty = !out_path && isatty(STDOUT_FILENO);
		int w = tty ? cli_width() : 0;

		doc.color = !out_path && cli_color();
		doc.width = w > 0 && w < 80 ? w : 80;
		doc.page_lines = tty ? 0 : PAGE_LINES;
	}

	mem = open_memstream(&buf, &len);
	if (!mem) {
		error(EX_OSERR, "cannot render: out of memory");
		goto fail;
	}
	if (print_render(mem, (enum print_format)fmt, &doc) < 0)
		goto fail;
	if (fclose(mem) != 0) {
		mem = NULL;
		error(EX_IOERR, "cannot render the %s output", print_format_name((enum print_format)fmt));
		goto fail;
	}
	mem = NULL;
	if (write_output(out_path ? out_path : "-", buf, len) < 0)
		goto fail;
	goto out;
fail:
	ret = -1;	/* the runner reports it */
out:
	if (mem)
		fclose(mem);
	free(buf);
	print_doc_release(&doc);
	pick_settings_release(&saved);
	return ret;
}

static const struct cmd_option *const options[] = {
	&opt_print_day, &opt_format, &opt_paper, &opt_output, &opt_all, &opt_member, NULL,
};

const struct cmd_entry cmd_print = {
	.name = "print",
	.summary = "print your plan: text, Markdown, an HTML page, an SVG image, a PDF or a PNG",
	.description =
		"Prints the saved plan, a day at a time: every day of the plan unless --day says which.\n"
		"text (the default) is an agenda that fits 80 columns and A4 paper ('| lp'): times, rooms,\n"
		"titles, speakers, room changes (→), free time, breaks, and where to go if a room is full.\n"
		"markdown is the same agenda as a table.  html is one self-contained page with a rooms ×\n"
		"time grid per day (the plan highlighted, the alternatives dashed) that prints one A4\n"
		"landscape page per day and reads as a list on a phone; svg is the same grid as an image;\n"
		"pdf is the grid drawn with Pango on Cairo, one A4 (or --paper letter) landscape page per\n"
		"day; png is one day as a phone picture (1080 pixels wide), so it needs --day when there\n"
		"are more.  Text always fits its box: wrapped, set smaller, and only then cut with \"…\".\n",
	.options = options,
	.notes = "Text has no escape codes unless standard output is a terminal; in a pipe or a file each\n"
		 "day starts a new page (a form feed), and a day longer than a page (60 lines) goes on\n"
		 "under its heading, marked 'continued'.\n",
	.flags = CMD_PLAN,
	.check = check,
	.exec = exec,
};
