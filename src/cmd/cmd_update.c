/* cmd_update.c: `planner update` — the morning after the programme changed, in one command:
 * fetch the timetable again, show what changed, re-plan with the saved preferences (keeping
 * pins, sessions added by hand and sessions dropped by hand), and bring the calendar file up to
 * date.  Each step says its outcome on one line; a step that fails does not stop the others, but
 * the exit status is the first failure's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cache.h"
#include "changes.h"
#include "caldav.h"
#include "cli.h"
#include "config.h"
#include "command.h"
#include "fetch.h"
#include "pick.h"
#include "pick_args.h"
#include "pick_common.h"
#include "plan.h"
#include "render.h"
#include "source.h"
#include "text.h"
#include "util.h"

static const struct cmd_option opt_output = {
	"output", 'o', "FILE", "write the calendar there (default: where 'planner export' last\n"
	"wrote the plan; nothing when it never did)", COMPLETE_FILE, 0, VALUE_TEXT, 0, NULL };
static const struct cmd_option opt_refresh = {
	"refresh", 0, NULL, "download the timetable whole, as 'fetch --refresh'", COMPLETE_NONE, 0,
	VALUE_TEXT, 0, NULL };

static const struct cmd_option *const options[] = { &opt_output, &opt_refresh, &opt_cacert, NULL };

/* The state of the whole run: the first failure's exit status. */
struct run {
	int status;
	const char *cacert;	/* --cacert, or the config's */
};

/* "STEP: failed: MESSAGE" for the current error, which is then cleared. */
static void failed(struct run *u, const char *step)
{
	char *msg = text_sanitize(error_message());

	flush_warnings();
	printf("%s: failed: %s\n", step, msg);
	free(msg);
	if (!u->status)
		u->status = error_status() ? error_status() : EX_SOFTWARE;
	error_clear();
}

/* Step 1: the timetable the commands read (-s, the config's, the default), fetched again when it
 * is a fetched one or a URL. */
static bool step_fetch(struct run *u, bool refresh)
{
	bool reported = false;

	struct source_fetch_opts fo = { 0 };
	struct source_fetch_result r;
	unsigned line;
	const char *spec;
	char *name = NULL;

	if (!cli_config()) {
		failed(u, "fetch");
		return false;
	}
	spec = cli_schedule_spec(&line);
	if (!spec)
		spec = name = cache_default();
	if (!spec) {
		printf("fetch: nothing to fetch: the timetable is a bundled one, which does not change\n");
		return false;
	}
	if (!fetch_is_url(spec) && !cache_exists(spec)) {
		char *clean = text_sanitize(spec);

		printf("fetch: nothing to fetch: '%s' is not a fetched timetable\n", clean);
		free(clean);
		free(name);
		return false;
	}
	fo.refresh = refresh;
	fo.cacert = u->cacert;
	source_fetch_result_init(&r);
	if (source_fetch(spec, &fo, &r) < 0) {
		failed(u, "fetch");
	} else {
		flush_warnings();
		if (r.outcome == SOURCE_OFFLINE) {
			char when[40];

			source_format_local(r.meta.fetched_at, when, sizeof(when));
			printf("fetch: failed: could not reach the server; using the copy fetched %s\n", when);
			if (!u->status)
				u->status = EX_UNAVAILABLE;
		} else if (r.outcome == SOURCE_NEW || r.outcome == SOURCE_CHANGED) {
			printf("fetch: updated %s: ", r.meta.name);
			put_cell(stdout, r.meta.conf_name ? r.meta.conf_name : r.meta.name, 0);
			printf(", %zu session%s over %zu day%s\n", r.meta.nsessions,
			       r.meta.nsessions == 1 ? "" : "s", r.meta.ndays, r.meta.ndays == 1 ? "" : "s");
		} else {
			printf("fetch: %s is up to date\n", r.meta.name);
		}
		if (r.has_report)
			cli_print_changes(&r.report, r.meta.conf_id, CLI_CHANGES_SHOWN);
		reported = r.has_report;
	}
	source_fetch_result_release(&r);
	free(name);
	return reported;
}

/* Step 2, when the fetch reported nothing (the timetable was fetched before, or is not a
 * fetched one): what the timetable did to the plan's sessions since they were planned, in the
 * changes report's form. */
static void plan_changes(const struct schedule *s, const struct plan *p)
{
	struct changes c;

	changes_init(&c);
	for (size_t i = 0; i < p->nentries; i++) {
		const struct plan_entry *e = &p->entries[i];
		long k;
		enum plan_change pc = plan_entry_change(e, s, &k);
		struct change *x;

		if (pc == PLAN_SAME)
			continue;
		x = changes_add(&c);
		x->id = xstrdup(e->id);
		x->planned = true;
		x->old_timed = true;
		x->old_start = e->start;
		x->old_end = e->end;
		x->old_room = xstrdup(e->room);
		if (pc == PLAN_CANCELLED) {
			x->kinds = CHANGE_CANCELLED;
			x->title = xstrdup(e->title);
			continue;
		}
		x->title = xstrdup(s->sessions[k].title);
		x->new_timed = true;
		x->new_start = s->sessions[k].start;
		x->new_end = s->sessions[k].end;
		x->new_room = session_room_label(s, &s->sessions[k]);
		if (x->new_start != x->old_start || x->new_end != x->old_end)
			x->kinds |= CHANGE_TIME;
		if (strcmp(x->new_room, x->old_room))
			x->kinds |= CHANGE_ROOM;
		if (strcmp(x->title, e->title)) {
			x->kinds |= CHANGE_TITLE;
			x->old_title = xstrdup(e->title);
		}
	}
	if (c.n) {
		c.conference = xstrdup(s->conf.name);
		c.timezone = xstrdup(s->conf.timezone);
		changes_sort(&c);
		cli_print_changes(&c, s->conf.id, 0);
	}
	changes_release(&c);
}

/* Up to 5 ids of `a` that are not in plan p, into sb ("A, B, ..."); their number. */
static size_t not_in(const struct strlist *a, const struct plan *p, struct strbuf *sb)
{
	size_t n = 0;

	for (size_t i = 0; i < a->n; i++)
		if (plan_find(p, a->v[i]) < 0 && n++ < 5)
			strbuf_addf(sb, "%s%s", n > 1 ? ", " : "", text_inert(a->v[i]));
	if (n > 5)
		strbuf_adds(sb, ", ...");
	return n;
}

/* Step 3: the saved plan p (file path) re-planned as `planner pick` with no preferences does:
 * the saved preferences, pins kept, sessions dropped by hand left out; then the sessions added
 * by hand since the last pick put back.  Saved, and one line says what changed. */
static void step_replan(struct run *u, struct schedule *s, struct plan *p, const char *path)
{
	struct pick_settings st;
	struct pick_request rq;
	struct pick_result r;
	struct strlist before, added, after;
	struct strbuf in, out;
	size_t nin, nout;

	if (!p->args.n) {
		printf("plan: kept as it is (%zu session%s): it was not made by 'planner pick' with "
		       "preferences to plan again with\n", p->nentries, p->nentries == 1 ? "" : "s");
		return;
	}
	strlist_init(&before);
	strlist_init(&added);
	strlist_init(&after);
	for (size_t i = 0; i < p->nentries; i++)
		strlist_push(&before, p->entries[i].id);
	for (size_t i = 0; i < p->added.n; i++)
		strlist_push(&added, p->added.v[i]);
	cli_saved_settings(p, path, &st);
	pick_request_init(&rq, s, &st.prefs);
	pick_result_init(&r);
	pick_request_saved(&rq, &st, p);
	for (size_t i = 0; i < p->pinned.n; i++) {
		long k = schedule_find_session(s, p->pinned.v[i]);
		if (k >= 0 && s->sessions[k].has_time)
			push_unique(&rq.must, p->pinned.v[i]);
	}
	if (pick_run(&rq, &r) < 0) {
		failed(u, "plan");
		goto out;
	}
	pick_plan_update(p, &rq, &r, NULL, (int64_t)time(NULL));
	/* the sessions added by hand stay, as long as the timetable keeps them */
	for (size_t i = 0; i < added.n; i++) {
		long k = schedule_find_session(s, added.v[i]);
		if (k < 0 || !s->sessions[k].has_time || strlist_find(&p->dropped, added.v[i]) >= 0)
			continue;
		plan_add(p, s, &s->sessions[k]);
		push_unique(&p->added, added.v[i]);
	}
	if (plan_save(p, path) < 0) {
		failed(u, "plan");
		goto out;
	}
	for (size_t i = 0; i < p->nentries; i++)
		strlist_push(&after, p->entries[i].id);
	{
		struct plan old;	/* the ids before, as a plan to look in */

		plan_init(&old);
		for (size_t i = 0; i < before.n; i++) {
			old.entries = xgrow(old.entries, old.nentries + 1, &old.entries_alloc,
					    sizeof(*old.entries));
			memset(&old.entries[old.nentries], 0, sizeof(*old.entries));
			old.entries[old.nentries++].id = xstrdup(before.v[i]);
		}
		strbuf_init(&in);
		strbuf_init(&out);
		nin = not_in(&after, &old, &in);
		nout = not_in(&before, p, &out);
		plan_release(&old);
	}
	printf("plan: planned again, %zu session%s", p->nentries, p->nentries == 1 ? "" : "s");
	if (!nin && !nout)
		printf(", the same ones");
	if (nin)
		printf("; in: %s", in.buf);
	if (nout)
		printf("; out: %s", out.buf);
	printf("\n");
	strbuf_release(&in);
	strbuf_release(&out);
	{
		size_t n = cli_print_conflicts(s, p, NULL);
		if (n)
			printf("plan: %zu conflict%s among the sessions you added by hand; see 'planner "
			       "conflicts'\n", n, n == 1 ? "" : "s");
	}
out:
	pick_result_release(&r);
	pick_request_release(&rq);
	pick_settings_release(&st);
	strlist_release(&before);
	strlist_release(&added);
	strlist_release(&after);
}

/* Step 4: the calendar file, where the last plan export wrote it (or -o). */
static void step_calendar(struct run *u, struct schedule *s, struct plan *p, const char *path,
			  const char *output, bool pushing)
{
	struct cli_export_opts eo = { 0 };
	struct cli_export_result res;
	int r;

	eo.output = output;
	eo.plan = true;
	eo.use_last = true;
	eo.quiet = true;
	r = cli_export(s, p, path, NULL, &eo, &res);
	if (r < 0) {
		failed(u, "calendar");
		return;
	}
	if (r > 0) {
		if (!pushing)
			printf("calendar: nothing to bring up to date: your plan was never exported to a "
			       "file ('planner export', or 'planner update -o FILE'), and caldav-url is not "
			       "set ('planner push')\n");
		return;
	}
	{
		char *clean = text_sanitize(res.written);

		printf("calendar: wrote %zu event%s", res.events, res.events == 1 ? "" : "s");
		if (res.cancelled || res.departed)
			printf(" (%zu cancelled)", res.cancelled + res.departed);
		printf(" to %s; import it again\n", clean);
		free(clean);
	}
	free(res.written);
}

/* Step 5: the CalDAV calendar, when the config file names one (caldav-url): as 'planner push'. */
static void step_push(struct run *u, struct schedule *s, struct plan *p, const char *path)
{
	struct cli_push_opts o = { 0 };
	struct caldav_report rep;
	size_t nevents = 0, done;

	o.cacert = u->cacert;

	if (cli_push(s, p, path, &o, &rep, &nevents) < 0) {
		done = rep.created + rep.updated + rep.deleted;
		failed(u, "calendar");
		if (done)
			printf("calendar: %zu event%s pushed before that; 'planner push' finishes the job\n",
			       done, done == 1 ? "" : "s");
	} else {
		cli_push_report(stdout, "calendar: ", &rep, nevents);
		if ((rep.nconflicts || rep.nfailures) && !u->status)
			u->status = 1;	/* as push: some events were not pushed */
	}
	caldav_report_release(&rep);
}

static int exec(struct cmd_ctx *ctx)
{
	struct run u = { 0 };
	const struct config *cf = cli_config();
	bool pushing = cf && cf->caldav_url, reported;

	if (cli_cacert(ctx, &u.cacert) < 0)
		return -1;
	reported = step_fetch(&u, cmd_flag(ctx, &opt_refresh));

	/* the timetable as it is now, and the plan, under its lock from here on */
	if (cli_load_plan(&ctx->s, &ctx->plan, &ctx->plan_path, true, NULL) < 0) {
		failed(&u, "plan");
		return u.status;
	}
	if (plan_require(&ctx->plan, ctx->s.conf.name, NULL) < 0) {
		failed(&u, "plan");
		return u.status;
	}
	if (!reported)
		plan_changes(&ctx->s, &ctx->plan);
	step_replan(&u, &ctx->s, &ctx->plan, ctx->plan_path);
	step_calendar(&u, &ctx->s, &ctx->plan, ctx->plan_path, cmd_arg(ctx, &opt_output), pushing);
	if (pushing)
		step_push(&u, &ctx->s, &ctx->plan, ctx->plan_path);
	return u.status;
}

const struct cmd_entry cmd_update = {
	.name = "update",
	.summary = "fetch the timetable, re-plan and bring your calendar up to date, in one go",
	.description =
		"For the morning after the programme changed.  Fetches the timetable again (the one the\n"
		"commands read: -s, the config's, else the default, when it is a fetched one) and shows\n"
		"what changed, your plan's sessions first; plans again as 'planner pick' does with the\n"
		"saved preferences, keeping pins, the sessions you added by hand and leaving out those you\n"
		"dropped; and writes the calendar file again where 'planner export' last wrote your plan\n"
		"(or -o FILE), sessions that left the plan marked cancelled; and pushes it to the CalDAV\n"
		"calendar the config file's caldav-url names, as 'planner push'.  Each step says its\n"
		"outcome on one line; when one fails the others still run, and the exit status is not 0.\n"
		"'planner undo' takes the new plan back.\n",
	.options = options,
	.exec = exec,
};
