/* cmd_missed.c: `planner missed` — the sessions you wanted and did not see, best first: why each
 * was wanted (the saved preferences, a pin or an add by hand), why it was missed (the planned
 * session it clashed with, the walk, a break, your drop) and the videos the timetable links
 * (its recording, where there is one). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "command.h"
#include "filter.h"
#include "jsonw.h"
#include "missed.h"
#include "pick.h"
#include "pick_common.h"
#include "plan.h"
#include "render.h"
#include "schedule.h"
#include "text.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

static const struct cmd_option opt_missed_all = {
	"all", 0, NULL, "also the sessions still to come (what you are going to miss)",
	COMPLETE_NONE, 0, VALUE_TEXT, 0, NULL };

/* "2024-10-26": the date the listings put the session under (session_list_date). */
static void date_of(const struct schedule *s, const struct session *se, const struct tz *z,
		    char *buf, size_t size)
{
	struct civil c;

	session_list_date(s, se, z, &c);
	format_date(c.year, c.month, c.day, buf, size);
}

/* Why it was wanted: "tag web (3 points); you pinned it". */
static char *wanted_text(const struct missed *m, bool dropped)
{
	struct strbuf sb;

	strbuf_init(&sb);
	if (m->points > 0) {
		char pts[CLI_POINTS_MAX];

		strbuf_addf(&sb, "%s%s(%s point%s)", m->why, *m->why ? " " : "",
			    cli_points_text(m->points, pts, sizeof(pts)), m->points == 100 ? "" : "s");
	}
	if (m->hand & MISSED_PINNED)
		strbuf_addf(&sb, "%syou pinned it", sb.len ? "; " : "");
	if (m->hand & MISSED_ADDED)
		strbuf_addf(&sb, "%syou added it", sb.len ? "; " : "");
	if (!sb.len && dropped)
		strbuf_adds(&sb, "it was in your plan");
	return strbuf_detach(&sb);
}

static const char *reason_key(enum missed_reason r)
{
	switch (r) {
	case MISSED_DROPPED: return "dropped";
	case MISSED_OVERLAP: return "conflict";
	case MISSED_WALK: return "walk";
	case MISSED_BUSY: return "kept_free";
	case MISSED_CAP: return "max_per_day";
	case MISSED_FREE: break;
	}
	return "not_planned";
}

/* Why it was missed: "conflicts with SVQYWY in 컨벤션 홀 3: 좋은 기술에 …" (the planned session
 * named first, so that a cut line keeps it). */
static char *missed_text(const struct schedule *s, const struct missed *m, int max_per_day)
{
	const struct session *w = m->with >= 0 ? &s->sessions[m->with] : NULL;
	char *room = w ? session_room_label(s, w) : NULL, *out = NULL;
	char *id = w ? session_short_id(s, w) : NULL;

	switch (m->reason) {
	case MISSED_DROPPED:
		out = w ? xasprintf("you dropped it for %s in %s: %s", id, room, w->title)
			: xstrdup("you dropped it from your plan");
		break;
	case MISSED_OVERLAP:
		out = xasprintf("conflicts with %s in %s: %s", id, room, w->title);
		break;
	case MISSED_WALK:
		out = xasprintf("too little time for the %d min walk %s %s in %s: %s", m->walk_minutes,
				m->walk_to ? "to" : "from", id, room, w->title);
		break;
	case MISSED_BUSY:
		out = xasprintf("in the time your plan keeps free (%s)", m->busy);
		break;
	case MISSED_CAP:
		out = xasprintf("your plan has at most %d session%s a day", max_per_day,
				max_per_day == 1 ? "" : "s");
		break;
	case MISSED_FREE:
		out = xstrdup(m->day_empty ? "not in your plan (it has nothing that day)"
			      : "not in your plan (nothing planned then)");
		break;
	}
	free(room);
	free(id);
	return out;
}

/* A note after "wanted: " or "missed: " (8 columns), cut to `cols` columns when wider (0: as
 * is). */
static void note(const char *text, int cols)
{
	cols = cols > 8 ? cols - 8 : 0;
	put_last_cell(stdout, text, cols);
}

static void print_text(const struct schedule *s, const struct pick_request *rq,
		       const struct missed *v, size_t n, const struct tz *z,
		       const char *until, bool so_far, bool all, int day)
{
	const struct session **rows = xmalloc((n ? n : 1) * sizeof(*rows));
	struct row_layout lay = { 0 };
	int width = cli_width(), pad, cut;
	size_t with_video = 0;

	for (size_t i = 0; i < n; i++)
		rows[i] = &s->sessions[v[i].session];
	lay.color = cli_color();
	lay.tz = z;
	/* the date before each row: "2024-10-26  " */
	row_layout_compute(&lay, s, rows, n, width > 12 ? width - 12 : width);
	pad = 12 + lay.time_w + 2;	/* notes under the room */
	cut = width > pad ? width - pad : 0;
	printf("%s%s%s: what you wanted and missed", lay.color ? "\033[1m" : "", s->conf.name,
	       lay.color ? "\033[0m" : "");
	if (day >= 0)
		printf(" on day %d", day + 1);
	if (all)
		printf(", also what is still to come");
	else if (until)
		printf(" until %s", until);
	printf(", best first; times in %s\n", tz_name(z));
	for (size_t i = 0; i < n; i++) {
		const struct session *se = rows[i];
		bool dropped = v[i].reason == MISSED_DROPPED;
		char date[16], *text;

		date_of(s, se, z, date, sizeof(date));
		printf("\n%s  ", date);
		row_print(stdout, &lay, s, se, z, NULL);
		text = wanted_text(&v[i], dropped);
		printf("%*swanted: ", pad, "");
		note(text, cut);
		putchar('\n');
		free(text);
		text = missed_text(s, &v[i], rq->max_per_day);
		printf("%*smissed: ", pad, "");
		note(text, cut);
		putchar('\n');
		free(text);
		for (size_t k = 0; k < v[i].nvideos; k++) {
			const char *title = se->link_titles.v[v[i].videos[k]];

			/* a URL is never cut: it must work when copied */
			printf("%*svideo: ", pad, "");
			put_cell(stdout, se->link_urls.v[v[i].videos[k]], 0);
			if (*title) {
				fputs(" (", stdout);
				put_cell(stdout, title, 0);
				putchar(')');
			}
			putchar('\n');
		}
		if (!v[i].nvideos && se->do_not_record)
			printf("%*snot recorded: the speakers opted out\n", pad, "");
		with_video += v[i].nvideos > 0;
	}
	if (!n && so_far)
		printf("\nnothing missed so far (--all also counts what is still to come)\n");
	else if (!n)
		printf("\nnothing missed: every session you wanted is in your plan\n");
	else
		printf("\n%zu session%s missed, %zu with a video link in the timetable\n", n,
		       n == 1 ? "" : "s", with_video);
	free(rows);
}

static void print_json(const struct schedule *s, const struct pick_request *rq,
		       const struct missed *v, size_t n, const struct tz *z, int64_t until, bool all,
		       int day)
{
	struct jsonw w;
	char buf[40];

	jsonw_init(&w, stdout);
	jsonw_object_begin(&w);
	jsonw_key(&w, "conference");
	jsonw_string(&w, s->conf.id);
	jsonw_key(&w, "until");
	if (all) {
		jsonw_null(&w);
	} else {
		tz_format_iso(z, until, buf, sizeof(buf));
		jsonw_string(&w, buf);
	}
	jsonw_key(&w, "day");
	if (day >= 0)
		jsonw_int(&w, day + 1);
	else
		jsonw_null(&w);
	jsonw_key(&w, "missed");
	jsonw_array_begin(&w);
	for (size_t i = 0; i < n; i++) {
		const struct missed *m = &v[i];
		const struct session *se = &s->sessions[m->session];
		char *text;

		jsonw_object_begin(&w);
		session_json_members(&w, s, se, z);
		jsonw_key(&w, "points");
		jsonw_double(&w, (double)m->points / 100);
		jsonw_key(&w, "why");
		jsonw_string(&w, m->why);
		jsonw_key(&w, "pinned");
		jsonw_bool(&w, (m->hand & MISSED_PINNED) != 0);
		jsonw_key(&w, "added");
		jsonw_bool(&w, (m->hand & MISSED_ADDED) != 0);
		jsonw_key(&w, "dropped");
		jsonw_bool(&w, m->reason == MISSED_DROPPED);
		jsonw_key(&w, "wanted");
		text = wanted_text(m, m->reason == MISSED_DROPPED);
		jsonw_string(&w, text);
		free(text);
		jsonw_key(&w, "reason");
		jsonw_string(&w, reason_key(m->reason));
		jsonw_key(&w, "missed");
		text = missed_text(s, m, rq->max_per_day);
		jsonw_string(&w, text);
		free(text);
		jsonw_key(&w, "conflict");
		jsonw_string(&w, m->with >= 0 ? s->sessions[m->with].id : NULL);
		jsonw_key(&w, "walk_minutes");
		if (m->reason == MISSED_WALK)
			jsonw_int(&w, m->walk_minutes);
		else
			jsonw_null(&w);
		jsonw_key(&w, "kept_free");
		jsonw_string(&w, m->reason == MISSED_BUSY ? m->busy : NULL);
		jsonw_key(&w, "videos");
		jsonw_array_begin(&w);
		for (size_t k = 0; k < m->nvideos; k++) {
			jsonw_object_begin(&w);
			jsonw_key(&w, "title");
			jsonw_string(&w, se->link_titles.v[m->videos[k]]);
			jsonw_key(&w, "url");
			jsonw_string(&w, se->link_urls.v[m->videos[k]]);
			jsonw_object_end(&w);
		}
		jsonw_array_end(&w);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
	jsonw_finish(&w);
}

static int check(struct cmd_ctx *ctx)
{
	if (cmd_flag(ctx, &opt_missed_all) && cmd_arg(ctx, &opt_at))
		return cmd_usage_error(ctx, "--all and --at contradict each other: --all counts every "
				       "session, --at those that ended by then");
	return 0;
}

static int exec(struct cmd_ctx *ctx)
{
	const struct schedule *s = &ctx->s;
	const struct plan *p = &ctx->plan;
	const char *at_arg = cmd_arg(ctx, &opt_at), *day_arg = cmd_arg(ctx, &opt_day);
	bool all = cmd_flag(ctx, &opt_missed_all);
	struct pick_settings st;
	struct pick_request rq;
	struct strlist once_pinned, once_added;
	struct missed_request mr;
	struct missed *v = NULL;
	size_t n = 0;
	const struct tz *z;
	int64_t at;
	int day = -1;
	char until[40] = "";
	bool so_far = false;

	if (!(z = cli_display_zone(s, cmd_arg(ctx, &opt_tz))))
		return -1;
	if (plan_require(p, s->conf.name, NULL) < 0)
		return -1;
	if (cli_at(ctx, z, &at) < 0)	/* the sessions that ended by then */
		return -1;
	if (day_arg && filter_parse_day(s, day_arg, &day) < 0)
		return -1;
	cli_saved_settings(p, ctx->plan_path, &st);
	pick_request_init(&rq, s, &st.prefs);
	pick_request_saved(&rq, &st, p);
	strlist_init(&once_pinned);
	strlist_init(&once_added);
	plan_history_hand(ctx->plan_path, &once_pinned, &once_added);
	mr = (struct missed_request){ &rq, p, &once_pinned, &once_added, all ? INT64_MAX : at, day };
	missed_find(&mr, &v, &n);
	/* "until" is said when it matters: --at, or a conference still on */
	if (!all) {
		int64_t last = 0;

		for (size_t i = 0; i < s->nsessions; i++)
			if (s->sessions[i].has_time && s->sessions[i].end > last)
				last = s->sessions[i].end;
		so_far = at < last;
		if (at_arg || so_far) {
			struct civil c;

			tz_to_civil(z, at, &c);
			civil_format_date_hm(&c, until, sizeof(until));
		}
	}
	if (ctx->json)
		print_json(s, &rq, v, n, z, at, all, day);
	else
		print_text(s, &rq, v, n, z, *until ? until : NULL, so_far, all, day);
	missed_free(v, n);
	strlist_release(&once_pinned);
	strlist_release(&once_added);
	pick_request_release(&rq);
	pick_settings_release(&st);
	return 0;
}

static const struct cmd_option *const options[] = {
	&opt_day, &opt_at, &opt_missed_all, &opt_tz, &opt_member, NULL,
};

const struct cmd_entry cmd_missed = {
	.name = "missed",
	.summary = "the sessions you wanted and missed, with their video links",
	.description =
		"Lists the sessions you wanted that are not in your plan, best first: those the\n"
		"preferences of your plan give points, and those you pinned, added or dropped by hand\n"
		"(the plan's history counts too).  Each says why it was wanted, why it was missed (the\n"
		"planned session it conflicts with, the walk, a break or block, the per-day cap, your\n"
		"drop) and the videos the timetable links (its recording, where there is one).  Only\n"
		"the sessions that have ended (by now, or --at) count: all of them after the\n"
		"conference.\n",
	.options = options,
	.json_help = "the same as JSON",
	.flags = CMD_PLAN | CMD_JSON,
	.check = check,
	.exec = exec,
};
