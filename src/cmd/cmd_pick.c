/* cmd_pick.c: `planner pick` — the best non-overlapping plan for the user's preferences, exactly
 * (weighted interval scheduling with travel time, pins, breaks and a per-day cap), shown per day
 * with the reasons and an alternative for every session, and saved as the user's plan. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "config.h"
#include "filter.h"
#include "jsonw.h"
#include "pick.h"
#include "plan.h"
#include "prefs.h"
#include "render.h"
#include "schedule.h"
#include "text.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

enum {
	OPT_KEYWORD = OPT_COMMAND_BASE,
	OPT_MUST,
	OPT_AVOID,
	OPT_BREAK,
	OPT_BLOCK,
	OPT_MAX_PER_DAY,
	OPT_TRAVEL,
	OPT_WEIGHT,
	OPT_NO_KEYNOTES,
	OPT_FILL,
	OPT_EXPLAIN,
	OPT_NO_SAVE,
};

const struct option pick_options[] = {
	{ "track", required_argument, NULL, 't' },
	{ "tag", required_argument, NULL, OPT_TAG },
	{ "keyword", required_argument, NULL, 'k' },
	{ "speaker", required_argument, NULL, OPT_SPEAKER },
	{ "level", required_argument, NULL, 'l' },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "type", required_argument, NULL, OPT_TYPE },
	{ "weight", required_argument, NULL, OPT_WEIGHT },
	{ "no-keynotes", no_argument, NULL, OPT_NO_KEYNOTES },
	{ "fill", no_argument, NULL, OPT_FILL },
	{ "break", required_argument, NULL, OPT_BREAK },
	{ "block", required_argument, NULL, OPT_BLOCK },
	{ "max-per-day", required_argument, NULL, OPT_MAX_PER_DAY },
	{ "travel", required_argument, NULL, OPT_TRAVEL },
	{ "must", required_argument, NULL, OPT_MUST },
	{ "avoid", required_argument, NULL, OPT_AVOID },
	{ "day", required_argument, NULL, 'd' },
	{ "explain", no_argument, NULL, OPT_EXPLAIN },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "no-save", no_argument, NULL, OPT_NO_SAVE },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

struct pick_opts {
	struct prefs prefs;
	struct strlist args;    /* the preference options as typed, saved with the plan */
	struct strlist breaks, blocks, must, avoid;
	const char *day_arg;
	int travel, max_per_day;
	bool fill, explain, json, save;
	size_t config_from;     /* args from here on came from the config file */
};

static const char *opt_name(int code)
{
	for (const struct option *o = pick_options; o->name; o++)
		if (o->val == code)
			return o->name;
	return "?";
}

static int parse_count(const char *opt, const char *arg, int max, int *out)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (!*arg || *end || v < 0 || v > max)
		return error(EX_USAGE, "--%s '%s': expected a whole number from 0 to %d", opt, arg, max);
	*out = (int)v;
	return 0;
}

/* A preference option: applied, and recorded so that a later `pick` can repeat it.  1 if it was
 * one, 0 if not, -1 on a bad value. */
static int pref_option(struct pick_opts *o, int c, const char *arg)
{
	int r = 0;

	switch (c) {
	case 't': r = prefs_add(&o->prefs, PREF_TRACK, arg); break;
	case OPT_TAG: r = prefs_add(&o->prefs, PREF_TAG, arg); break;
	case 'k': r = prefs_add(&o->prefs, PREF_KEYWORD, arg); break;
	case OPT_SPEAKER: r = prefs_add(&o->prefs, PREF_SPEAKER, arg); break;
	case 'l': r = prefs_add(&o->prefs, PREF_LEVEL, arg); break;
	case OPT_LANG: r = prefs_add(&o->prefs, PREF_LANG, arg); break;
	case OPT_TYPE: r = prefs_add(&o->prefs, PREF_TYPE, arg); break;
	case OPT_WEIGHT: r = prefs_set_weight(&o->prefs, arg); break;
	case OPT_NO_KEYNOTES: o->prefs.keynotes = false; break;
	case OPT_FILL: o->fill = true; break;
	case OPT_BREAK: strlist_push(&o->breaks, arg); break;
	case OPT_BLOCK: strlist_push(&o->blocks, arg); break;
	case OPT_MAX_PER_DAY: r = parse_count("max-per-day", arg, 1000, &o->max_per_day); break;
	case OPT_TRAVEL: r = parse_count("travel", arg, 600, &o->travel); break;
	default: return 0;
	}
	if (r < 0)
		return -1;
	{
		char *name = xasprintf("--%s", opt_name(c));
		strlist_push(&o->args, name);
		free(name);
	}
	if (arg)
		strlist_push(&o->args, arg);
	return 1;
}

/* The saved preferences of plan file `path` cannot be replayed. */
static int bad_args(const char *path, const char *why, const char *opt)
{
	return error(EX_DATAERR, "%s: damaged plan file: %s '%s' (run 'planner pick' with your "
		     "preferences to make a new plan; the file is left as it is)", path, why,
		     text_inert(opt));
}

/* Repeats the preference options saved with the plan in file `path`. */
static int replay(struct pick_opts *o, const struct strlist *args, const char *path)
{
	for (size_t i = 0; i < args->n; i++) {
		const struct option *opt;
		const char *name = args->v[i], *arg = NULL;

		for (opt = pick_options; opt->name; opt++)
			if (!strncmp(name, "--", 2) && !strcmp(name + 2, opt->name))
				break;
		if (!opt->name)
			return bad_args(path, "its preferences hold an unknown option", name);
		if (opt->has_arg == required_argument) {
			if (i + 1 >= args->n)
				return bad_args(path, "its preferences end without the value of", name);
			arg = args->v[++i];
		}
		switch (pref_option(o, opt->val, arg)) {
		case 1:
			break;
		case 0:	/* --must, --day and the like are never saved */
			return bad_args(path, "its preferences hold an option that is not a preference",
					name);
		default:
			return -1;
		}
	}
	return 0;
}

/* True if the option --name (for --weight: of the same KIND as `value`) is among the first n
 * recorded arguments. */
static bool given(const struct strlist *args, size_t n, const char *name, const char *value)
{
	size_t kind = strcspn(value, "=");

	for (size_t i = 0; i < n; i++) {
		if (strncmp(args->v[i], "--", 2) || strcmp(args->v[i] + 2, name))
			continue;
		if (strcmp(name, "weight"))
			return true;
		if (i + 1 < n && !strncmp(args->v[i + 1], value, kind) && args->v[i + 1][kind] == '=')
			return true;
	}
	return false;
}

/* The config file's defaults for the options the command line did not give: the command line
 * wins (for --weight, over the config's weight of the same kind).  Applied like typed options,
 * so they are shown and saved with the plan. */
static int config_defaults(struct pick_opts *o)
{
	const struct config *cfg = cli_config();
	size_t typed = o->args.n;

	if (!cfg)
		return -1;
	o->config_from = typed;
	for (size_t i = 0; i < cfg->npick; i++) {
		const struct config_setting *st = &cfg->pick[i];
		const struct option *opt;

		for (opt = pick_options; opt->name && strcmp(opt->name, st->key); opt++)
			;
		if (!opt->name || given(&o->args, typed, st->key, st->value))
			continue;
		if (pref_option(o, opt->val, st->value) < 0) {
			char msg[4096];
			snprintf(msg, sizeof(msg), "%s", error_message());
			return error(EX_CONFIG, "%s:%u: %s", cfg->path, st->line, msg);
		}
	}
	return 0;
}

/* Names the config line a failed preference came from, when it came from there. */
static void blame_config(const struct pick_opts *o)
{
	const struct config *cfg = cli_config();
	char msg[4096];

	if (!cfg)
		return;
	snprintf(msg, sizeof(msg), "%s", error_message());
	for (size_t i = 0; i < cfg->npick; i++) {
		const struct config_setting *st = &cfg->pick[i];
		char *quoted = xasprintf("'%s'", st->value);
		bool applied = false;

		for (size_t j = o->config_from; j + 1 < o->args.n && !applied; j++)
			applied = !strncmp(o->args.v[j], "--", 2) && !strcmp(o->args.v[j] + 2, st->key) &&
				  !strcmp(o->args.v[j + 1], st->value);
		if (applied && strstr(msg, quoted)) {
			free(quoted);
			error(error_status(), "%s (set in %s:%u)", msg, cfg->path, st->line);
			return;
		}
		free(quoted);
	}
}

static void opts_release(struct pick_opts *o)
{
	prefs_release(&o->prefs);
	strlist_release(&o->args);
	strlist_release(&o->breaks);
	strlist_release(&o->blocks);
	strlist_release(&o->must);
	strlist_release(&o->avoid);
}

static void points(FILE *f, int64_t p)
{
	if (p % 100)
		fprintf(f, "%lld.%02lld", (long long)(p / 100), (long long)(p % 100));
	else
		fprintf(f, "%lld", (long long)(p / 100));
}

static void print_args(const struct strlist *args)
{
	if (!args->n) {
		fputs("keynotes only (no preferences given)", stdout);
		return;
	}
	for (size_t i = 0; i < args->n; i++) {
		char *clean = text_sanitize(args->v[i]);
		printf("%s%s", i ? " " : "", clean);
		free(clean);
	}
}

static const struct session *cand_session(const struct pick_request *rq, const struct pick_result *r,
					  size_t c)
{
	return &rq->s->sessions[r->cand[c].session];
}

static void print_text(const struct pick_opts *o, const struct pick_request *rq,
		       const struct pick_result *r)
{
	const struct schedule *s = rq->s;
	const struct session **v = xmalloc((r->nchosen ? r->nchosen : 1) * sizeof(*v));
	struct row_layout lay = { 0 };
	struct civil cur = { 0, 0, 0, 0, 0, 0 };
	const struct session *prev = NULL;
	const int pad = 13;

	for (size_t k = 0; k < r->nchosen; k++)
		v[k] = cand_session(rq, r, r->chosen[k]);
	lay.color = cli_color();
	lay.marks = true;
	row_layout_compute(&lay, s, v, r->nchosen, cli_width());
	printf("%s%s%s: plan for ", lay.color ? "\033[1m" : "", s->conf.name, lay.color ? "\033[0m" : "");
	print_args(&o->args);
	printf("\n");
	for (size_t k = 0; k < r->nchosen; k++) {
		const struct pick_candidate *c = &r->cand[r->chosen[k]];
		const struct session *se = v[k];
		bool change;

		day_heading(stdout, s, se, s->tz, &cur, lay.color);
		if (prev && prev->day != se->day)
			prev = NULL;
		change = session_room_change(prev, se);
		row_print(stdout, &lay, s, se, s->tz, change ? "→ " : NULL);
		prev = se;
		printf("%*s  why: %s%s%s (", pad, "", c->pinned ? "pinned" : "",
		       c->pinned && *c->why ? ", " : "", c->pinned || *c->why ? c->why : "--fill");
		points(stdout, c->points);
		printf(" points)\n");
		if (r->alternative[k] != SIZE_MAX) {
			const struct session *alt = cand_session(rq, r, r->alternative[k]);
			char *room = session_room_label(s, alt), *line;

			line = xasprintf("room full? %s %s (%s)", alt->id, alt->title, room);
			printf("%*s  ", pad, "");
			put_cell(stdout, line, lay.title_w > 0 && cell_width(line) > lay.title_w + 20
				 ? lay.title_w + 20 : 0);
			putchar('\n');
			free(line);
			free(room);
		}
	}
	if (!r->nchosen)
		printf("\nnothing to plan: no session matches these preferences\n");
	printf("\n%zu session%s, %d room change%s, ", r->nchosen, r->nchosen == 1 ? "" : "s",
	       r->room_changes, r->room_changes == 1 ? "" : "s");
	points(stdout, r->total_points);
	printf(" points; travel %d min between rooms\n", rq->travel_minutes);
	free(v);
}

static int cmp_points_desc(const void *a, const void *b, const struct pick_result *r)
{
	const struct pick_candidate *x = &r->cand[*(const size_t *)a], *y = &r->cand[*(const size_t *)b];

	if (x->points != y->points)
		return x->points > y->points ? -1 : 1;
	return x->session < y->session ? -1 : x->session > y->session;
}

static const struct pick_result *sort_ctx;
static int cmp_left_out(const void *a, const void *b)
{
	return cmp_points_desc(a, b, sort_ctx);
}

static void print_explain(const struct pick_request *rq, const struct pick_result *r)
{
	size_t *left = xmalloc((r->ncand ? r->ncand : 1) * sizeof(*left)), n = 0;
	bool *chosen = xcalloc(r->ncand ? r->ncand : 1, sizeof(*chosen));

	for (size_t k = 0; k < r->nchosen; k++)
		chosen[r->chosen[k]] = true;
	for (size_t c = 0; c < r->ncand; c++)
		if (!chosen[c] && r->cand[c].points > 0)
			left[n++] = c;
	sort_ctx = r;
	qsort(left, n, sizeof(*left), cmp_left_out);
	printf("\nLeft out (strongest first):\n");
	if (!n)
		printf("  nothing: every session that earned points is in the plan\n");
	for (size_t i = 0; i < n && i < 10; i++) {
		const struct pick_candidate *c = &r->cand[left[i]];
		const struct session *se = cand_session(rq, r, left[i]);
		size_t blockers[4], nb = pick_blockers(rq, r, left[i], blockers, 4);
		char a[8], b[8], *title = text_sanitize(se->title), *cut = text_truncate(title, 40);
		char *id = text_sanitize(se->id);

		format_hm(rq->s->tz, se->start, a, sizeof(a));
		format_hm(rq->s->tz, se->end, b, sizeof(b));
		printf("  %s %s-%s %s (", id, a, b, cut);
		free(id);
		points(stdout, c->points);
		printf(" points%s%s)\n", *c->why ? ": " : "", c->why);
		if (c->excluded_by) {
			printf("    excluded: %s\n", c->excluded_by);
		} else if (nb) {
			int64_t sum = 0;
			printf("    beaten by");
			for (size_t j = 0; j < nb; j++) {
				char *bid = text_sanitize(cand_session(rq, r, blockers[j])->id);
				printf("%s %s", j ? "," : "", bid);
				free(bid);
				sum += r->cand[blockers[j]].points;
			}
			printf(" (");
			points(stdout, sum);
			printf(" points)\n");
		} else {
			printf("    left out by the per-day cap or a tie\n");
		}
		free(title);
		free(cut);
	}
	free(left);
	free(chosen);
}

static void print_json(const struct pick_opts *o, const struct pick_request *rq,
		       const struct pick_result *r)
{
	const struct schedule *s = rq->s;
	struct jsonw w;
	char buf[40];

	jsonw_init(&w, stdout);
	jsonw_object_begin(&w);
	jsonw_key(&w, "conference");
	jsonw_string(&w, s->conf.id);
	jsonw_key(&w, "chosen");
	jsonw_array_begin(&w);
	for (size_t k = 0; k < r->nchosen; k++)
		jsonw_string(&w, cand_session(rq, r, r->chosen[k])->id);
	jsonw_array_end(&w);
	jsonw_key(&w, "total_score");
	jsonw_int(&w, r->total_score);
	jsonw_key(&w, "total_points");
	jsonw_double(&w, (double)r->total_points / 100);
	jsonw_key(&w, "room_changes");
	jsonw_int(&w, r->room_changes);
	jsonw_key(&w, "travel_minutes");
	jsonw_int(&w, rq->travel_minutes);
	jsonw_key(&w, "room_travel");
	jsonw_string(&w, "0 within a room or to/from a session held in several rooms (room \"*\"); "
		     "travel_minutes between rooms, x2 between floors, x3 between buildings");
	jsonw_key(&w, "max_per_day");
	jsonw_int(&w, rq->max_per_day);
	jsonw_key(&w, "preferences");
	jsonw_array_begin(&w);
	for (size_t i = 0; i < o->args.n; i++)
		jsonw_string(&w, o->args.v[i]);
	jsonw_array_end(&w);
	jsonw_key(&w, "candidates");
	jsonw_array_begin(&w);
	for (size_t c = 0; c < r->ncand; c++) {
		const struct pick_candidate *pc = &r->cand[c];
		const struct session *se = cand_session(rq, r, c);

		jsonw_object_begin(&w);
		jsonw_key(&w, "id");
		jsonw_string(&w, se->id);
		jsonw_key(&w, "score");
		jsonw_int(&w, pc->score);
		jsonw_key(&w, "points");
		jsonw_double(&w, (double)pc->points / 100);
		jsonw_key(&w, "why");
		jsonw_string(&w, pc->why);
		jsonw_key(&w, "start");
		tz_format_iso(s->tz, se->start, buf, sizeof(buf));
		jsonw_string(&w, buf);
		jsonw_key(&w, "end");
		tz_format_iso(s->tz, se->end, buf, sizeof(buf));
		jsonw_string(&w, buf);
		jsonw_key(&w, "day");
		jsonw_int(&w, se->day + 1);
		jsonw_key(&w, "room");
		jsonw_string(&w, pc->room >= 0 ? s->rooms[pc->room].id : "*");
		if (pc->room >= 0 && (s->rooms[pc->room].floor || s->rooms[pc->room].building)) {
			jsonw_key(&w, "floor");
			jsonw_string(&w, s->rooms[pc->room].floor);
			jsonw_key(&w, "building");
			jsonw_string(&w, s->rooms[pc->room].building);
		}
		jsonw_key(&w, "pinned");
		jsonw_bool(&w, pc->pinned);
		jsonw_key(&w, "excluded");
		jsonw_string(&w, pc->excluded_by);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_key(&w, "plan");
	jsonw_array_begin(&w);
	for (size_t k = 0; k < r->nchosen; k++) {
		const struct session *se = cand_session(rq, r, r->chosen[k]);
		jsonw_object_begin(&w);
		jsonw_key(&w, "id");
		jsonw_string(&w, se->id);
		jsonw_key(&w, "title");
		jsonw_string(&w, se->title);
		jsonw_key(&w, "why");
		jsonw_string(&w, r->cand[r->chosen[k]].why);
		jsonw_key(&w, "alternative");
		jsonw_string(&w, r->alternative[k] != SIZE_MAX
			     ? cand_session(rq, r, r->alternative[k])->id : NULL);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
	jsonw_finish(&w);
}

/* The new saved plan: this pick's sessions; with --day, the other days of the old plan stay. */
static void update_plan(struct plan *p, const struct pick_opts *o, const struct pick_request *rq,
			const struct pick_result *r, bool replayed)
{
	const struct schedule *s = rq->s;
	char fp[17];

	for (size_t i = p->nentries; i-- > 0;) {
		long k = schedule_find_session(s, p->entries[i].id);
		if (rq->day < 0 || k < 0 || s->sessions[k].day == rq->day)
			plan_drop(p, p->entries[i].id);
	}
	for (size_t k = 0; k < r->nchosen; k++)
		plan_add(p, s, cand_session(rq, r, r->chosen[k]));
	strlist_release(&p->pinned);
	for (size_t i = 0; i < rq->must.n; i++)
		strlist_push(&p->pinned, rq->must.v[i]);
	strlist_release(&p->avoided);
	for (size_t i = 0; i < rq->avoid.n; i++)
		strlist_push(&p->avoided, rq->avoid.v[i]);
	if (!replayed) {
		strlist_release(&p->args);
		for (size_t i = 0; i < o->args.n; i++)
			strlist_push(&p->args, o->args.v[i]);
	}
	schedule_fingerprint(s, fp);
	free(p->fingerprint);
	p->fingerprint = xstrdup(fp);
	p->made_at = (int64_t)time(NULL);
	p->travel_minutes = rq->travel_minutes;
}

/* Says which sessions of the plan before (ids `before`) the new plan left out: a session added
 * by hand is not kept by a new pick unless it is pinned. */
static void left_out(const struct plan *p, const struct strlist *before)
{
	size_t n = 0;
	struct strbuf sb;

	strbuf_init(&sb);
	for (size_t i = 0; i < before->n; i++)
		if (plan_find(p, before->v[i]) < 0 && n++ < 5)
			strbuf_addf(&sb, "%s%s", n > 1 ? ", " : "", text_inert(before->v[i]));
	if (n)
		fprintf(stderr, "planner: %zu session%s of the previous plan %s not in this one (%s%s); "
			"'planner pin ID' keeps a session through picks\n", n, n == 1 ? "" : "s",
			n == 1 ? "is" : "are", sb.buf, n > 5 ? ", ..." : "");
	strbuf_release(&sb);
}

static void push_unique(struct strlist *l, const char *s)
{
	if (strlist_find(l, s) < 0)
		strlist_push(l, s);
}

/* Adds the session the user named (a whole id or the start of one) by its full id; an id that
 * matches nothing is kept as typed, for pick_run to report with a suggestion. */
static int push_session(struct strlist *l, const struct schedule *s, const char *typed)
{
	long k = schedule_match_session(s, typed);

	if (k == -2)
		return error(EX_DATAERR, "'%s' is the start of several session ids; give more of it",
			     typed);
	push_unique(l, k >= 0 ? s->sessions[k].id : typed);
	return 0;
}

int cmd_pick(int argc, char **argv)
{
	struct pick_opts o;
	struct schedule s;
	struct plan plan;
	struct pick_request rq;
	struct pick_result r;
	char *path = NULL;
	bool replayed = false;
	int c, ret = 0;

	memset(&o, 0, sizeof(o));
	prefs_init(&o.prefs);
	o.travel = 5;
	o.save = true;
	while ((c = getopt_long(argc, argv, "t:k:l:d:h", pick_options, NULL)) != -1) {
		int p = pref_option(&o, c, optarg);
		if (p < 0) {
			opts_release(&o);
			return report_error();
		}
		if (p)
			continue;
		switch (c) {
		case OPT_MUST: push_unique(&o.must, optarg); break;
		case OPT_AVOID: push_unique(&o.avoid, optarg); break;
		case 'd': o.day_arg = optarg; break;
		case OPT_EXPLAIN: o.explain = true; break;
		case OPT_JSON: o.json = true; break;
		case OPT_NO_SAVE: o.save = false; break;
		case 'h':
			opts_release(&o);
			return command_help("pick");
		default:
			opts_release(&o);
			return cli_option_error("pick", argv, pick_options);
		}
	}
	if (optind < argc) {
		opts_release(&o);
		return usage_error("pick", "unexpected argument '%s'", argv[optind]);
	}
	global.plan_update = o.save;
	schedule_init(&s);
	pick_result_init(&r);
	pick_request_init(&rq, &s, &o.prefs);
	if (cli_load_plan(&s, &plan, &path) < 0)
		goto fail;
	/* With no preference on the command line, the saved plan's preferences apply again. */
	if (!o.args.n && plan.args.n) {
		if (replay(&o, &plan.args, path) < 0)
			goto fail;
		replayed = true;
	} else if (config_defaults(&o) < 0) {
		goto fail;
	}
	if (prefs_resolve(&o.prefs, &s) < 0) {
		if (!replayed)
			blame_config(&o);
		goto fail;
	}
	if (o.day_arg) {
		struct filter f;
		filter_init(&f);
		if (filter_add_day(&f, &s, o.day_arg) < 0) {
			filter_release(&f);
			goto fail;
		}
		rq.day = f.day;
		filter_release(&f);
	}
	rq.travel_minutes = o.travel;
	rq.max_per_day = o.max_per_day;
	rq.fill = o.fill;
	for (size_t i = 0; i < plan.pinned.n; i++)
		if (schedule_find_session(&s, plan.pinned.v[i]) >= 0)
			push_unique(&rq.must, plan.pinned.v[i]);
	for (size_t i = 0; i < o.must.n; i++)
		if (push_session(&rq.must, &s, o.must.v[i]) < 0)
			goto fail;
	for (size_t i = 0; i < plan.avoided.n; i++)
		if (schedule_find_session(&s, plan.avoided.v[i]) >= 0 && strlist_find(&o.must, plan.avoided.v[i]) < 0)
			push_unique(&rq.avoid, plan.avoided.v[i]);
	for (size_t i = 0; i < o.avoid.n; i++)
		if (push_session(&rq.avoid, &s, o.avoid.v[i]) < 0)
			goto fail;
	for (size_t i = 0; i < o.breaks.n; i++)
		if (pick_add_break(&rq, o.breaks.v[i]) < 0)
			goto fail;
	for (size_t i = 0; i < o.blocks.n; i++)
		if (pick_add_block(&rq, o.blocks.v[i]) < 0)
			goto fail;
	if (pick_run(&rq, &r) < 0)
		goto fail;
	for (size_t i = 0; i < o.prefs.track_fallbacks.n; i++)
		fprintf(stderr, "planner: no track or tag '%s' in %s; planning sessions that mention it\n",
			o.prefs.track_fallbacks.v[i], s.conf.name);

	if (o.json) {
		print_json(&o, &rq, &r);
	} else {
		print_text(&o, &rq, &r);
		if (o.explain)
			print_explain(&rq, &r);
	}
	if (o.save) {
		struct strlist before;

		strlist_init(&before);
		for (size_t i = 0; i < plan.nentries; i++)
			if (schedule_find_session(&s, plan.entries[i].id) >= 0)
				strlist_push(&before, plan.entries[i].id);
		update_plan(&plan, &o, &rq, &r, replayed);
		if (plan_save(&plan, path) < 0) {
			strlist_release(&before);
			goto fail;
		}
		fprintf(stderr, "planner: plan saved to %s\n", path);
		left_out(&plan, &before);
		strlist_release(&before);
	}
	goto out;
fail:
	ret = report_error();
out:
	pick_result_release(&r);
	pick_request_release(&rq);
	plan_release(&plan);
	free(path);
	schedule_release(&s);
	opts_release(&o);
	return ret;
}
