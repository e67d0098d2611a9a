/* cmd_print.c: `planner print` — a printable day plan: the saved plan's days (or one --day) as
 * an agenda in text (80 columns, pages for a printer) or Markdown, or as a rooms × time grid in
 * HTML (one A4 landscape page per day) or SVG; --all prints the whole timetable with the plan
 * highlighted; -o writes a file as export -o does (fsutil.h: write_output). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fsutil.h"
#include "plan.h"
#include "print.h"
#include "schedule.h"
#include "text.h"
#include "util.h"

/* Lines of a printed A4 page of text (CUPS prints about 64 at 6 lines per inch). */
#define PAGE_LINES 60

const struct option print_options[] = {
	{ "day", required_argument, NULL, 'd' },
	{ "format", required_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ "all", no_argument, NULL, 'a' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

int cmd_print(int argc, char **argv)
{
	const struct option *opts = print_options;
	const char *day_arg = NULL, *format_arg = NULL, *out_path = NULL;
	struct schedule s;
	struct plan p;
	struct print_doc doc;
	char *path = NULL, *buf = NULL;
	size_t len = 0, changed = 0;
	FILE *mem = NULL;
	bool all = false, doc_ready = false;
	int c, fmt = PRINT_TEXT, ret = 0;

	while ((c = getopt_long(argc, argv, "d:f:o:ah", opts, NULL)) != -1) {
		switch (c) {
		case 'd': day_arg = optarg; break;
		case 'f': format_arg = optarg; break;
		case 'o': out_path = optarg; break;
		case 'a': all = true; break;
		case 'h': return command_help("print");
		default: return cli_option_error("print", argv, opts);
		}
	}
	if (optind < argc)
		return usage_error("print", "unexpected argument '%s'", argv[optind]);
	if (format_arg) {
		fmt = print_format_parse(format_arg);
		if (fmt < 0)
			return usage_error("print", "--format '%s': expected text, markdown, html or svg",
					   format_arg);
	} else if (out_path && print_format_from_path(out_path) >= 0) {
		fmt = print_format_from_path(out_path);
	}
	if (out_path && !*out_path)
		return usage_error("print", "-o needs a file name");

	schedule_init(&s);
	if (cli_load_plan(&s, &p, &path) < 0)
		goto fail;
	print_doc_init(&doc, &s);
	doc_ready = true;
	ret = print_doc_build(&doc, &p, day_arg, all, &changed);
	if (changed)
		fprintf(stderr, "planner: warning: the timetable changed %zu planned session%s since the "
			"plan was made; printing the timetable as it is now (see 'planner plan')\n",
			changed, changed == 1 ? "" : "s");
	if (ret < 0)
		goto fail;
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
	ret = report_error();
out:
	if (mem)
		fclose(mem);
	free(buf);
	if (doc_ready)
		print_doc_release(&doc);
	plan_release(&p);
	free(path);
	schedule_release(&s);
	return ret;
}
