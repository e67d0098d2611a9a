/* cmd_compare.c: `planner compare FILE` — your saved plan beside another (a list, a plan file or
 * an .ics, as import reads them): where the two meet, and where they part, slot by slot. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "command.h"
#include "jsonw.h"
#include "plan.h"
#include "render.h"
#include "share.h"
#include "text.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

enum { MINE = 1, THEIRS = 2, BOTH = 3 };

/* A run of the timetable both plans share a part of: one session both attend, or overlapping
 * sessions only one of the two attends (a cluster: each overlaps the span of those before). */
struct block {
	size_t first, n;        /* into the sorted entries */
	bool meet;
	int64_t start, end;
	int day;
};

struct entry {
	size_t session;
	int who;
};

static int by_session(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	return x->session < y->session ? -1 : x->session > y->session;
}

static int by_start(const void *a, const void *b)
{
	const struct block *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->first < y->first ? -1 : x->first > y->first;
}

/* The entries (both plans' timed sessions, each once, in the timetable's order: by start) cut
 * into blocks; *nb their number.  Caller frees. */
static struct block *make_blocks(const struct schedule *s, struct entry *e, size_t n,
				 size_t *nb)
{
	struct block *b = xcalloc(n ? n : 1, sizeof(*b));
	struct entry *sorted = xcalloc(n ? n : 1, sizeof(*sorted));
	size_t k = 0, m = 0, open = (size_t)-1;

	/* both-entries first are blocks of their own; the rest cluster in time order */
	for (size_t i = 0; i < n; i++)
		if (e[i].who == BOTH)
			sorted[m++] = e[i];
	for (size_t i = 0; i < m; i++) {
		const struct session *se = &s->sessions[sorted[i].session];

		b[k++] = (struct block){ i, 1, true, se->start, se->end, se->day };
	}
	for (size_t i = 0; i < n; i++) {
		const struct session *se = &s->sessions[e[i].session];

		if (e[i].who == BOTH)
			continue;
		if (open != (size_t)-1 && b[open].day == se->day && se->start < b[open].end) {
			b[open].n++;
			if (se->end > b[open].end)
				b[open].end = se->end;
		} else {
			open = k;
			b[k++] = (struct block){ m, 1, false, se->start, se->end, se->day };
		}
		sorted[m++] = e[i];
	}
	memcpy(e, sorted, n * sizeof(*e));
	free(sorted);
	qsort(b, k, sizeof(*b), by_start);
	*nb = k;
	return b;
}

static void print_side(const struct schedule *s, const struct entry *e, size_t n, int who,
		       const char *label, int width)
{
	bool any = false;

	for (size_t i = 0; i < n; i++) {
		const struct session *se = &s->sessions[e[i].session];
		char span[FORMAT_SPAN_MAX], *room, *raw, *line, *cut;

		if (e[i].who != who)
			continue;
		any = true;
		format_span(s->tz, se->start, se->end, span, sizeof(span));
		room = session_room_label(s, se);
		/* the feed's text made inert field by field, so the columns keep their spaces */
		line = text_sanitize(*room ? room : "no room");
		raw = text_sanitize(se->id);
		cut = text_sanitize(se->title);
		free(room);
		room = xasprintf("%-6s  %s  %s  %s  %s", label, span, line, raw, cut);
		free(cut);
		cut = width > 0 ? text_truncate(room, (size_t)width) : xstrdup(room);
		printf("    %s\n", cut);
		free(cut);
		free(line);
		free(raw);
		free(room);
	}
	if (!any)
		printf("    %-6s  (nothing)\n", label);
}

static void print_text(const struct schedule *s, const char *member, const char *source,
		       struct entry *e, const struct block *b, size_t nb, const size_t count[4])
{
	struct civil cur = { 0, 0, 0, 0, 0, 0 };
	int width = cli_width();
	/* the other plan by its file name: "minji.txt" of a path or a URL (never its password) */
	char *shown = redact_credentials(source);
	const char *base = strrchr(shown, '/') && strrchr(shown, '/')[1] ? strrchr(shown, '/') + 1
									: shown;
	char *name = text_sanitize(base);

	if (member) {
		char *who = text_sanitize(member);

		printf("%s: %s's plan and %s, times in %s\n", s->conf.name, who, name,
		       tz_name(s->tz));
		free(who);
	} else {
		printf("%s: my plan and %s, times in %s\n", s->conf.name, name, tz_name(s->tz));
	}
	free(name);
	free(shown);
	for (size_t i = 0; i < nb; i++) {
		const struct session *se = &s->sessions[e[b[i].first].session];
		char a[8], span[FORMAT_SPAN_MAX];

		day_heading(stdout, s, se, s->tz, &cur, false);
		format_hm(s->tz, b[i].start, a, sizeof(a));
		format_span(s->tz, b[i].start, b[i].end, span, sizeof(span));
		if (b[i].meet) {
			char *room = session_room_label(s, se), *r = text_sanitize(*room ? room : "no room");
			char *t = text_sanitize(se->title), *id = text_sanitize(se->id);
			char *line = xasprintf("both at %s in %s: %s (%s)", a, r, t, id);
			char *cut = width > 2 ? text_truncate(line, (size_t)width - 2) : xstrdup(line);

			printf("  %s\n", cut);
			free(cut);
			free(line);
			free(id);
			free(t);
			free(r);
			free(room);
		} else {
			printf("  at %s:\n", span);
			print_side(s, e + b[i].first, b[i].n, MINE, "mine", width > 4 ? width - 4 : 0);
			print_side(s, e + b[i].first, b[i].n, THEIRS, "theirs",
				   width > 4 ? width - 4 : 0);
		}
	}
	printf("\n%zu session%s together, %zu only in mine, %zu only in theirs\n", count[BOTH],
	       count[BOTH] == 1 ? "" : "s", count[MINE], count[THEIRS]);
}

static void json_ids(struct jsonw *w, const struct schedule *s, const struct entry *e, size_t n,
		     int who)
{
	jsonw_array_begin(w);
	for (size_t i = 0; i < n; i++)
		if (e[i].who == who)
			jsonw_string(w, s->sessions[e[i].session].id);
	jsonw_array_end(w);
}

static void print_json(const struct schedule *s, const char *source, const struct entry *e,
		       size_t n, const struct block *b, size_t nb, const struct share_list *l,
		       const struct share_match *m)
{
	struct jsonw w;
	char *shown;

	jsonw_init(&w, stdout);
	jsonw_object_begin(&w);
	jsonw_key(&w, "conference");
	jsonw_string(&w, s->conf.id);
	jsonw_key(&w, "theirs");
	shown = redact_credentials(source);
	jsonw_string(&w, shown);
	free(shown);
	jsonw_key(&w, "both");
	json_ids(&w, s, e, n, BOTH);
	jsonw_key(&w, "mine_only");
	json_ids(&w, s, e, n, MINE);
	jsonw_key(&w, "theirs_only");
	json_ids(&w, s, e, n, THEIRS);
	jsonw_key(&w, "not_found");
	jsonw_array_begin(&w);
	for (size_t i = 0; i < l->n; i++)
		if (m[i].session < 0)
			jsonw_string(&w, share_item_label(&l->items[i]));
	jsonw_array_end(&w);
	jsonw_key(&w, "slots");
	jsonw_array_begin(&w);
	for (size_t i = 0; i < nb; i++) {
		const struct entry *x = e + b[i].first;

		jsonw_object_begin(&w);
		jsonw_key(&w, "day");
		jsonw_int(&w, b[i].day + 1);
		jsonw_key(&w, "both");
		json_ids(&w, s, x, b[i].n, BOTH);
		jsonw_key(&w, "mine");
		json_ids(&w, s, x, b[i].n, MINE);
		jsonw_key(&w, "theirs");
		json_ids(&w, s, x, b[i].n, THEIRS);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_key(&w, "sessions");
	jsonw_array_begin(&w);
	for (size_t i = 0; i < n; i++)
		session_json(&w, s, &s->sessions[e[i].session], s->tz);
	jsonw_array_end(&w);
	jsonw_object_end(&w);
	jsonw_finish(&w);
}

static char *input;
static size_t input_len;

static const struct cmd_option *const options[] = { &opt_member, NULL };

static int check(struct cmd_ctx *ctx)
{
	if (ctx->noperands != 1)
		return 0;	/* the runner says what is wrong */
	return share_read(ctx->operands[0], &input, &input_len);
}

static int exec(struct cmd_ctx *ctx)
{
	struct schedule *s = &ctx->s;
	const char *source = ctx->operands[0];
	struct share_list l;
	struct share_match *m;
	const struct session **mine;
	struct entry *e;
	struct block *b;
	size_t nmine, n = 0, nb, missing = 0, count[4] = { 0 };

	if (plan_require(&ctx->plan, s->conf.name, NULL) < 0)
		return -1;
	if (cli_read_shared(source, input, input_len, s, &l, &m) < 0)
		return -1;
	mine = plan_sessions(&ctx->plan, s, &nmine);
	e = xcalloc(nmine + l.n + 1, sizeof(*e));
	for (size_t i = 0; i < nmine; i++)
		e[n++] = (struct entry){ (size_t)(mine[i] - s->sessions), MINE };
	for (size_t i = 0; i < l.n; i++) {
		if (m[i].session < 0)
			missing++;
		else if (s->sessions[m[i].session].has_time)
			e[n++] = (struct entry){ (size_t)m[i].session, THEIRS };
	}
	/* one entry a session: mine and theirs of the same one make BOTH */
	qsort(e, n, sizeof(*e), by_session);
	{
		size_t k = 0;

		for (size_t i = 0; i < n; i++) {
			if (k && e[k - 1].session == e[i].session)
				e[k - 1].who |= e[i].who;
			else
				e[k++] = e[i];
		}
		n = k;
	}
	for (size_t i = 0; i < n; i++)
		count[e[i].who]++;
	b = make_blocks(s, e, n, &nb);
	if (ctx->json)
		print_json(s, source, e, n, b, nb, &l, m);
	else
		print_text(s, cmd_arg(ctx, &opt_member), source, e, b, nb, count);
	if (missing) {
		struct strbuf sb;
		size_t shown = 0;

		strbuf_init(&sb);
		for (size_t i = 0; i < l.n && shown < 3; i++)
			if (m[i].session < 0)
				strbuf_addf(&sb, "%s%s", shown++ ? ", " : "",
					    text_inert(share_item_label(&l.items[i])));
		warning("%s: %zu of its sessions not found in %s (%s%s)", text_inert(source),
			missing, s->conf.name, sb.buf, missing > shown ? ", ..." : "");
		strbuf_release(&sb);
	}
	free(b);
	free(e);
	free(mine);
	free(m);
	share_list_release(&l);
	free(input);
	input = NULL;
	return 0;
}

const struct cmd_entry cmd_compare = {
	.name = "compare",
	.summary = "compare your plan with someone else's: where you meet, where you part",
	.description =
		"Shows your saved plan beside another — a list of session ids as 'planner plan' prints\n"
		"them, another planner's plan file or an .ics of starred talks, as 'planner import' reads\n"
		"them — day by day: the sessions you both attend (\"both at 14:00 in ROOM: TITLE\"), and\n"
		"at each time where the plans differ, your sessions and theirs.\n",
	.options = options,
	.json_help = "the comparison as JSON: both, mine_only, theirs_only (session ids),\n"
		     "not_found, slots (day, both, mine, theirs) and sessions",
	.operands = { "FILE|URL", 1, 1, COMPLETE_FILE, "no plan to compare with given" },
	.flags = CMD_PLAN | CMD_JSON,
	.check = check,
	.exec = exec,
};
