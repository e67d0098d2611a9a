/* cmd_import.c: `planner import FILE|URL` — adds the sessions of another plan (a list from
 * `planner plan --ids`, another planner's plan file, an .ics of starred talks from pretalx or
 * Sched) to the saved plan, and says which matched, how, and which did not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "command.h"
#include "plan.h"
#include "plan_edit.h"
#include "share.h"
#include "text.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

/* Unmatched items listed one a line; the rest are counted. */
#define IMPORT_SHOWN 10

static const struct cmd_option opt_dry_run = {
	"dry-run", 'n', NULL, "say what would be added; change nothing", COMPLETE_NONE, 0,
	VALUE_TEXT, 0, NULL };
static const struct cmd_option *const options[] = { &opt_dry_run, &opt_member, NULL };

/* The input, read before the plan's lock is taken (a download may take a while). */
static char *input;
static size_t input_len;

int cli_read_shared(const char *source, const char *buf, size_t len, const struct schedule *s,
		    struct share_list *l, struct share_match **m)
{
	share_list_init(l);
	*m = NULL;
	if (share_parse(l, buf, len, source, s->conf.timezone) < 0 ||
	    share_check_conference(l, s, source) < 0) {
		share_list_release(l);
		return -1;
	}
	if (!l->n) {
		share_list_release(l);
		return error(EX_DATAERR, "%s: no sessions in it", source);
	}
	*m = xcalloc(l->n, sizeof(**m));
	share_match(l, s, *m);
	return 0;
}

static int check(struct cmd_ctx *ctx)
{
	if (ctx->noperands != 1)
		return 0;	/* the runner says what is wrong */
	if (cmd_flag(ctx, &opt_dry_run))
		ctx->flags &= ~CMD_PLAN_LOCK;
	return share_read(ctx->operands[0], &input, &input_len);
}

/* An item that matched nothing, as the user may recognise it: its id, or its title and time. */
static void print_unmatched(const struct schedule *s, const struct share_item *it, long near)
{
	char *label = text_sanitize(share_item_label(it)), *cut = text_truncate(label, 60);

	if (it->id && it->title) {
		char *t = text_sanitize(it->title), *tc = text_truncate(t, 60);

		printf("not found  %s  \"%s\"\n", cut, tc);	/* a plan file's entry */
		free(tc);
		free(t);
	} else if (it->id || !it->has_time) {
		printf("not found  %s\n", cut);
	} else {
		struct civil c;
		char when[24];

		tz_to_civil(s->tz, it->start, &c);
		civil_format_date_hm(&c, when, sizeof(when));
		printf("not found  %s  \"%s\"", when, cut);
		if (near >= 0) {
			const struct session *se = &s->sessions[near];
			char *id = text_sanitize(se->id);

			tz_to_civil(s->tz, se->start, &c);
			civil_format_date_hm(&c, when, sizeof(when));
			printf(" (%s has this title at %s; moved?)", id, when);
			free(id);
		}
		putchar('\n');
	}
	free(cut);
	free(label);
}

static int exec(struct cmd_ctx *ctx)
{
	struct schedule *s = &ctx->s;
	struct plan *p = &ctx->plan;
	const char *source = ctx->operands[0];
	bool dry = cmd_flag(ctx, &opt_dry_run);
	struct share_list l;
	struct share_match *m;
	size_t by[SHARE_BY_TITLE + 1] = { 0 }, added = 0, already = 0, untimed = 0, missing = 0;
	size_t matched = 0, shown = 0;
	bool *seen;
	int ret = 0;

	if (cli_read_shared(source, input, input_len, s, &l, &m) < 0)
		return -1;
	seen = xcalloc(s->nsessions ? s->nsessions : 1, sizeof(*seen));
	for (size_t i = 0; i < l.n; i++) {
		const struct session *se;
		char *d;

		if (m[i].session < 0) {
			if (shown++ < IMPORT_SHOWN)
				print_unmatched(s, &l.items[i], m[i].near);
			missing++;
			continue;
		}
		matched++;
		by[m[i].how]++;
		if (seen[m[i].session])
			continue;	/* named twice: once is enough */
		seen[m[i].session] = true;
		se = &s->sessions[m[i].session];
		d = cli_describe_session(s, se);
		if (!se->has_time) {
			char *id = text_sanitize(se->id);

			untimed++;
			printf("no time    %s [by %s]: not scheduled\n", id, share_how_name(m[i].how));
			free(id);
		} else if (plan_find(p, se->id) >= 0) {
			already++;
			printf("planned    %s [by %s]\n", d, share_how_name(m[i].how));
		} else {
			added++;
			printf("%s  %s [by %s]\n", dry ? "would add" : "added    ", d,
			       share_how_name(m[i].how));
			/* as `planner add` adds it: kept by `update`, no longer a hand drop */
			if (!dry && plan_edit_add(p, s, se->id, false, &se) < 0) {
				free(d);
				ret = -1;
				break;
			}
		}
		free(d);
	}
	if (ret < 0)
		goto out;	/* nothing saved */
	if (missing > IMPORT_SHOWN)
		printf("... and %zu more not found\n", missing - IMPORT_SHOWN);

	printf("%zu of %zu matched", matched, l.n);
	if (matched) {
		const char *sep = " (";

		for (int h = SHARE_BY_ID; h <= SHARE_BY_TITLE; h++)
			if (by[h]) {
				printf("%s%zu by %s", sep, by[h], share_how_name((enum share_how)h));
				sep = ", ";
			}
		putchar(')');
	}
	printf(": %zu %s", added, dry ? "would be added" : "added");
	if (already)
		printf(", %zu already planned", already);
	if (untimed)
		printf(", %zu not scheduled", untimed);
	if (missing)
		printf(", %zu not found in %s", missing, s->conf.name);
	printf("%s\n", dry && added ? " (nothing saved)" : "");

	if (!matched) {
		ret = error(EX_DATAERR, "%s: none of its %zu session%s is in %s", source, l.n,
			    l.n == 1 ? "" : "s", s->conf.name);
	} else if (!dry && added) {
		plan_edit_stamp(p, s, (int64_t)time(NULL));
		ret = plan_save(p, ctx->plan_path);
		if (ret == 0)
			cli_warn_conflicts(s, p);
	}
out:
	free(seen);
	free(m);
	share_list_release(&l);
	free(input);
	input = NULL;
	return ret;
}

const struct cmd_entry cmd_import = {
	.name = "import",
	.summary = "add the sessions of someone else's plan to yours",
	.description =
		"Reads another plan — a list of session ids as 'planner plan' prints them, another\n"
		"planner's plan file (PLANNER-DATA/CONFERENCE-ID.plan.json), or an .ics of starred talks\n"
		"exported by pretalx or Sched — from a file, a URL or '-' (standard input), and adds its\n"
		"sessions to your saved plan, even when they overlap others (then warns).  Sessions are\n"
		"matched by id, then iCalendar UID, then URL, then title and start time; says how each\n"
		"matched, and which did not.  A list or plan for another conference is refused.\n",
	.options = options,
	.operands = { "FILE|URL", 1, 1, COMPLETE_FILE, "no plan to import given" },
	.flags = CMD_PLAN | CMD_PLAN_LOCK,
	.check = check,
	.exec = exec,
};
