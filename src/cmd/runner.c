/* runner.c: the one runner — the options before the command, then the command's own, parsed
 * from its entry (command.h): -h and help texts made from the entry, usage errors with
 * suggestions, operand counts, what the entry's flags ask loaded (and the plan's lock), errors
 * and warnings printed, exit statuses, and the final check that standard output got written. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "command.h"
#include "text.h"
#include "topics.h"
#include "tz.h"
#include "util.h"

struct global_opts global;

const struct cmd_entry *cmd_find(const char *name)
{
	for (const struct cmd_entry *const *c = cmd_table; *c; c++)
		if (!strcmp((*c)->name, name))
			return *c;
	return NULL;
}

const char *cmd_arg(const struct cmd_ctx *ctx, const struct cmd_option *o)
{
	const char *v = NULL;

	for (size_t i = 0; i < ctx->ngiven; i++)
		if (ctx->given[i].opt == o)
			v = ctx->given[i].value;
	return v;
}

bool cmd_flag(const struct cmd_ctx *ctx, const struct cmd_option *o)
{
	for (size_t i = 0; i < ctx->ngiven; i++)
		if (ctx->given[i].opt == o)
			return true;
	return false;
}

int cmd_usage_error(const struct cmd_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	char msg[1024];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return usage_error(ctx->cmd->name, "%s", msg);
}

/* ---- the options of a command, as one list ---- */

const struct cmd_option **cmd_options(const struct cmd_entry *cmd, size_t *n)
{
	size_t k = 0, count = 2;
	const struct cmd_option **v;

	for (const struct cmd_option *const *o = cmd->options; o && *o; o++)
		count++;
	v = xmalloc(count * sizeof(*v));
	for (const struct cmd_option *const *o = cmd->options; o && *o; o++)
		v[k++] = *o;
	if (cmd->flags & CMD_JSON)
		v[k++] = &opt_json;
	v[k++] = &opt_help;
	*n = k;
	return v;
}

/* ---- help ---- */

#define HELP_WIDTH 92

/* "usage: planner NAME OPERAND [--option ARG] ...", wrapped under its first word. */
static void put_synopsis(const struct cmd_entry *cmd)
{
	const struct cmd_operands *op = &cmd->operands;
	size_t n, nwords = 0, indent, col;
	const struct cmd_option **v;
	char **words, *operand = NULL;

	printf("usage: planner %s", cmd->name);
	if (cmd->synopsis) {
		printf(" %s\n", cmd->synopsis);
		return;
	}
	v = cmd_options(cmd, &n);
	words = xmalloc((n + 1) * sizeof(*words));
	if (op->name)
		operand = xasprintf("%s%s%s%s", op->min >= 1 ? "" : "[", op->name,
				    op->max != 1 ? "..." : "", op->min >= 1 ? "" : "]");
	if (operand && op->min >= 1)
		words[nwords++] = operand;
	for (size_t i = 0; i < n; i++)
		if (v[i] != &opt_help)
			words[nwords++] = v[i]->arg ? xasprintf("[--%s %s]", v[i]->name, v[i]->arg)
						    : xasprintf("[--%s]", v[i]->name);
	if (operand && op->min < 1)
		words[nwords++] = operand;
	indent = strlen("usage: planner  ") + strlen(cmd->name);
	col = indent - 1;
	for (size_t i = 0; i < nwords; i++) {
		if (i && col + 1 + strlen(words[i]) > HELP_WIDTH) {
			printf("\n%*s%s", (int)indent, "", words[i]);
			col = indent + strlen(words[i]);
		} else {
			printf(" %s", words[i]);
			col += 1 + strlen(words[i]);
		}
		free(words[i]);
	}
	putchar('\n');
	free(words);
	free(v);
}

/* "  -d, --day N|DATE     only day N ...": the help text at column `col`, continuation lines
 * too; a label too long for its column has the text on the lines below. */
static void put_option(const struct cmd_option *o, const char *help, int col)
{
	char *label = xasprintf("%s%c%s--%s%s%s", o->shortc ? "-" : " ", o->shortc ? o->shortc : ' ',
				o->shortc ? ", " : "  ", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
	int width = 2 + (int)strlen(label);
	const char *p = help;

	if (o->heading)
		printf("%s\n", o->heading);
	printf("  %s", label);
	if (width + 2 > col) {
		putchar('\n');
		width = 0;
	}
	do {
		size_t len = strcspn(p, "\n");

		printf("%*s%.*s\n", p == help ? col - width : col, "", (int)len, p);
		p += len;
		if (*p)
			p++;
	} while (*p);
	free(label);
}

static const char *help_of(const struct cmd_entry *cmd, const struct cmd_option *o)
{
	if (o == &opt_json && cmd && cmd->json_help)
		return cmd->json_help;
	return o->help ? o->help : "";
}

char *cmd_option_help(const struct cmd_entry *cmd, const struct cmd_option *o)
{
	char *s = xstrdup(help_of(cmd, o));

	for (char *p = s; *p; p++)
		if (*p == '\n')
			*p = ' ';
	return s;
}

void cmd_print_help(const struct cmd_entry *cmd)
{
	size_t n;
	const struct cmd_option **v = cmd_options(cmd, &n);
	bool any = false;

	put_synopsis(cmd);
	if (cmd->description)
		printf("\n%s", cmd->description);
	for (size_t i = 0; i < n; i++) {
		if (v[i] == &opt_help)
			continue;
		if (!any)
			putchar('\n');
		any = true;
		put_option(v[i], help_of(cmd, v[i]), 23);
	}
	if (cmd->notes)
		printf("\n%s", cmd->notes);
	free(v);
}

#define GLOBAL_USAGE \
	"usage: planner [-s SOURCE] COMMAND [OPTIONS]\n" \
	"       planner --help | --version\n"

void cmd_print_global_help(void)
{
	fputs(GLOBAL_USAGE "\n"
	      "Plans your conference: reads its timetable, picks the sessions for you, and tells you\n"
	      "where to go next.\n"
	      "\n"
	      "Options:\n", stdout);
	for (const struct cmd_option *const *o = global_options; *o; o++)
		put_option(*o, help_of(NULL, *o), 25);
	fputs("\nCommands:\n", stdout);
	for (const struct cmd_entry *const *c = cmd_table; *c; c++)
		if (!((*c)->flags & CMD_HIDDEN))
			printf("  %-10s %s\n", (*c)->name, (*c)->summary);
	fputs("\nRun 'planner help COMMAND' for a command's options.\n", stdout);
}

/* ---- parsing ---- */

/* Reports getopt_long's '?' (an unknown option, with a "did you mean"; or a missing value) for
 * cmd and returns EX_USAGE.  v[i] is the option of code 256 + i. */
static int option_error(const struct cmd_entry *cmd, char **argv, const struct cmd_option **v,
			size_t n)
{
	const char *bad = argv[optind - 1], *name = cmd->name;

	if (optopt) {
		for (size_t i = 0; i < n; i++)
			if ((optopt == 256 + (int)i || (v[i]->shortc && optopt == v[i]->shortc)) &&
			    v[i]->arg)
				return usage_error(name, "option '%s' needs a value", text_inert(bad));
		if (optopt > ' ' && optopt < 0x7f)
			return usage_error(name, "unknown option '-%c'", optopt);
		return usage_error(name, "unknown option '%s'", text_inert(bad));
	}
	if (!strncmp(bad, "--", 2)) {
		size_t nlen = strcspn(bad + 2, "=");
		const char *best;
		char *plain = xstrndup(bad + 2, nlen);
		struct text_suggest sg;

		text_suggest_init(&sg, plain, 2);
		for (size_t i = 0; i < n; i++) {
			if (!strcmp(v[i]->name, plain) && v[i]->arg) {
				free(plain);
				return usage_error(name, "option '--%s' needs a value", v[i]->name);
			}
			text_suggest_offer(&sg, v[i]->name);
		}
		best = text_suggest_best(&sg);
		free(plain);
		if (best)
			return usage_error(name, "unknown option '%s' (did you mean '--%s'?)",
					   text_inert(bad), best);
	}
	return usage_error(name, "unknown option '%s'", text_inert(bad));
}

/* Parses argv (argv[0] the command's name) into ctx.  0; 1 when -h was answered; or an exit
 * status after printing the usage error. */
static int parse(struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct cmd_entry *cmd = ctx->cmd;
	size_t n;
	const struct cmd_option **v = cmd_options(cmd, &n);
	struct option *lo = xcalloc(n + 1, sizeof(*lo));
	struct strbuf shorts;
	int c, ret = 0;

	strbuf_init(&shorts);
	for (size_t i = 0; i < n; i++) {
		lo[i].name = v[i]->name;
		lo[i].has_arg = v[i]->arg ? required_argument : no_argument;
		lo[i].val = 256 + (int)i;
		if (v[i]->shortc)
			strbuf_addf(&shorts, "%c%s", v[i]->shortc, v[i]->arg ? ":" : "");
	}
	ctx->given = xmalloc((size_t)(argc > 0 ? argc : 1) * sizeof(*ctx->given));
	optind = 0;	/* a full reset */
	opterr = 0;
	while ((c = getopt_long(argc, argv, shorts.buf, lo, NULL)) != -1) {
		const struct cmd_option *o = NULL;

		if (c >= 256 && c < 256 + (int)n)
			o = v[c - 256];
		for (size_t i = 0; !o && c != '?' && i < n; i++)
			if (v[i]->shortc == c)
				o = v[i];
		if (!o) {
			ret = option_error(cmd, argv, v, n);
			break;
		}
		if (o == &opt_help) {
			cmd_print_help(cmd);
			ret = 1;
			break;
		}
		if (o == &opt_json)
			ctx->json = true;
		ctx->given[ctx->ngiven].opt = o;
		ctx->given[ctx->ngiven++].value = o->arg ? optarg : NULL;
	}
	if (!ret) {
		ctx->operands = argv + optind;
		ctx->noperands = argc - optind;
	}
	strbuf_release(&shorts);
	free(lo);
	free(v);
	return ret;
}

/* ---- running a command ---- */

static int load(struct cmd_ctx *ctx)
{
	if (ctx->flags & CMD_PLAN)
		return cli_load_plan(&ctx->s, &ctx->plan, &ctx->plan_path,
				     (ctx->flags & CMD_PLAN_LOCK) != 0, cmd_arg(ctx, &opt_member));
	if (ctx->flags & CMD_TIMETABLE)
		return cli_load_schedule(&ctx->s);
	return 0;
}

/* The timetable of the command that ran, kept until the process exits instead of released:
 * handing a large timetable back to malloc piece by piece took longer than a warm command's own
 * work (exit returns it at once).  It stays reachable from here, so no leak checker reports it;
 * unit tests and fuzzers release theirs. */
static struct schedule kept_until_exit;

static int run_command(const struct cmd_entry *cmd, int argc, char **argv)
{
	const struct cmd_operands *op = &cmd->operands;
	struct cmd_ctx ctx;
	const char *day_arg = NULL;
	int ret;

	memset(&ctx, 0, sizeof(ctx));
	ctx.cmd = cmd;
	ctx.flags = cmd->flags;
	filter_init(&ctx.filter);
	schedule_init(&ctx.s);
	plan_init(&ctx.plan);
	if (cmd->flags & CMD_RAW) {
		/* its words are another command's: only a first -h is its own */
		if (argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
			cmd_print_help(cmd);
			ret = 0;
			goto out;
		}
		ctx.operands = argv + 1;
		ctx.noperands = argc - 1;
	} else if ((ret = parse(&ctx, argc, argv)) != 0) {
		ret = ret == 1 ? 0 : ret;
		goto out;
	}
	if (!(cmd->flags & CMD_RAW)) {
		if (ctx.noperands < op->min) {
			ret = op->missing ? usage_error(cmd->name, "%s", op->missing)
					  : usage_error(cmd->name, "%s is missing", op->name);
			goto out;
		}
		if ((cmd->flags & CMD_FILTER) && cli_filter_values(&ctx, &day_arg) < 0) {
			ret = report_error();
			goto out;
		}
	}
	if (cmd->check && (ret = cmd->check(&ctx)) != 0) {
		ret = ret < 0 ? report_error() : ret;
		goto out;
	}
	if (!(cmd->flags & CMD_RAW) && op->max >= 0 && ctx.noperands > op->max) {
		ret = usage_error(cmd->name, "unexpected argument '%s'", ctx.operands[op->max]);
		goto out;
	}
	if (load(&ctx) < 0 || ((ctx.flags & CMD_FILTER) && (ctx.flags & (CMD_TIMETABLE | CMD_PLAN)) &&
			       (cli_filter_finish(&ctx.filter, &ctx.s, day_arg) < 0 ||
				cli_check_values(&ctx) < 0))) {
		ret = report_error();
		goto out;
	}
	ret = cmd->exec(&ctx);
	if (ret < 0)
		ret = report_error();
out:
	free(ctx.given);
	filter_release(&ctx.filter);
	plan_release(&ctx.plan);
	free(ctx.plan_path);
	schedule_release(&kept_until_exit);
	kept_until_exit = ctx.s;
	return ret;
}

const char *cmd_suggest(const char *name)
{
	struct text_suggest sg;

	text_suggest_init(&sg, name, 2);
	for (const struct cmd_entry *const *c = cmd_table; *c; c++)
		if (!((*c)->flags & CMD_HIDDEN))
			text_suggest_offer(&sg, (*c)->name);
	return text_suggest_best(&sg);
}

int cmd_unknown(const char *where, const char *name)
{
	const char *best = cmd_suggest(name);

	fprintf(stderr, "planner: %s%sunknown command '%s'", where ? where : "", where ? ": " : "",
		text_inert(name));
	if (best)
		fprintf(stderr, " (did you mean '%s'?)\n", best);
	else
		fprintf(stderr, " (see 'planner --help')\n");
	return EX_USAGE;
}

/* Exit status 74 (EX_IOERR) when standard output could not be written (a full disk, a closed
 * pipe): a command must not report success for output that never arrived. */
static int finish(int status)
{
	int failed = ferror(stdout);

	if (fflush(stdout) != 0 || failed) {
		if (errno != EPIPE && !status)	/* a failed command has said what failed */
			fprintf(stderr, "planner: cannot write to standard output: %s\n",
				strerror(errno ? errno : EIO));
		if (!status)
			status = EX_IOERR;
	}
	flush_warnings();
	warnings_clear();
	tz_cleanup();
	return status;
}

/* The global options (-s, -h, -V) from argv: -1 to go on with the command at argv[optind], or
 * planner's exit status. */
static int global_opts(int argc, char **argv)
{
	size_t n = 0, len = 0;
	struct option *lo;
	char *shorts;
	int c, ret = -1;

	while (global_options[n])
		n++;
	lo = xcalloc(n + 1, sizeof(*lo));
	shorts = xmalloc(2 * n + 2);
	shorts[len++] = '+';	/* stop at the command, whose options are its own */
	for (size_t k = 0; k < n; k++) {
		const struct cmd_option *o = global_options[k];

		lo[k].name = o->name;
		lo[k].has_arg = o->arg ? required_argument : no_argument;
		lo[k].val = o->shortc;
		shorts[len++] = o->shortc;
		if (o->arg)
			shorts[len++] = ':';
	}
	shorts[len] = '\0';
	opterr = 0;
	while (ret < 0 && (c = getopt_long(argc, argv, shorts, lo, NULL)) != -1) {
		switch (c) {
		case 's':
			global.schedule = optarg;
			break;
		case 'h':
			cmd_print_global_help();
			ret = finish(0);
			break;
		case 'V':
			printf("planner %s\n", PLANNER_VERSION);
			ret = finish(0);
			break;
		default:
			if (optopt == 's')
				fprintf(stderr, "planner: option '-s' needs a SOURCE\n");
			else if (optopt > ' ' && optopt < 0x7f)
				fprintf(stderr, "planner: unknown option '-%c' (see 'planner --help')\n",
					optopt);
			else
				fprintf(stderr, "planner: unknown option '%s' (see 'planner --help')\n",
					text_inert(argv[optind - 1]));
			ret = EX_USAGE;
		}
	}
	free(lo);
	free(shorts);
	return ret;
}

int cmd_main(int argc, char **argv)
{
	const struct cmd_entry *cmd;
	int ret;

	topics_set_loader(cli_load_topics);
	ret = global_opts(argc, argv);
	if (ret >= 0)
		return ret;
	if (optind >= argc) {
		fputs(GLOBAL_USAGE "Run 'planner --help' for the commands.\n", stderr);
		return EX_USAGE;
	}
	cmd = cmd_find(argv[optind]);
	if (!cmd)
		return cmd_unknown(NULL, argv[optind]);
	return finish(run_command(cmd, argc - optind, argv + optind));
}
