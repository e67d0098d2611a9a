/* cli.c: the pieces several commands share — errors and warnings on stderr, the config file,
 * the chosen timetable and its plan (with the plan's lock), terminal width and colour, and what
 * more than one command prints: the saved plan, its conflicts, an edit's result.  The help
 * texts are the runner's (runner.c), table cells render.c's. */
#include <stdarg.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "changes.h"
#include "cli.h"
#include "config.h"
#include "conflicts.h"
#include "filter.h"
#include "fsutil.h"
#include "pick.h"
#include "plan.h"
#include "plan_edit.h"
#include "render.h"
#include "source.h"
#include "text.h"
#include "timefmt.h"
#include "topics.h"
#include "tz.h"
#include "util.h"
#include "venue_file.h"

/* Messages quote timetable text: whatever a module left in one, it reaches the terminal inert
 * and on one line. */
static void put_message(const char *prefix, const char *msg)
{
	char *shown = redact_credentials(msg), *clean = text_sanitize(shown);

	fprintf(stderr, "planner: %s%s\n", prefix, clean);
	free(clean);
	free(shown);
}

int report_error(void)
{
	flush_warnings();
	put_message("", error_message());
	return error_status();
}

void cli_lock_waiting(const char *what, const char *path)
{
	char *clean = text_sanitize(path);

	fprintf(stderr, "planner: waiting for another planner to finish with %s '%s'\n", what, clean);
	free(clean);
}

void flush_warnings(void)
{
	for (size_t i = 0; i < warning_count(); i++)
		put_message("warning: ", warning_at(i));
	warnings_clear();
}

int usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	char msg[1024], *clean, *shown;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	shown = redact_credentials(msg);
	clean = text_sanitize(shown);	/* it quotes what was typed: inert, on one line */
	free(shown);
	fprintf(stderr, "planner: %s%s%s (see 'planner help%s%s')\n", cmd ? cmd : "", cmd ? ": " : "",
		clean, cmd ? " " : "", cmd ? cmd : "");
	free(clean);
	return EX_USAGE;
}

int cli_filter_finish(struct filter *f, const struct schedule *s, const char *day_arg)
{
	if (day_arg && filter_add_day(f, s, day_arg) < 0)
		return -1;
	if (filter_resolve(f, s) < 0)
		return -1;
	cli_say_fallbacks(&f->track_fallbacks, f->fallback_q, s, "showing");
	return 0;
}

void cli_say_fallbacks(const struct strlist *words, const struct query *q,
		       const struct schedule *s, const char *doing)
{
	for (size_t i = 0; i < words->n; i++)
		fprintf(stderr, "planner: no track or tag '%s' in %s; %s sessions that mention it%s\n",
			words->v[i], s->conf.name, doing,
			q && q[i].topical ? " or another word of its topic" : "");
}

static struct config config;
static int config_state; /* 0 unread, 1 read, -1 bad */

static void config_free(void)
{
	config_release(&config);
}

const struct config *cli_config(void)
{
	static char msg[4096];
	char *path;

	if (config_state == 1)
		return &config;
	if (config_state < 0) {
		error(EX_CONFIG, "%s", msg);
		return NULL;
	}
	config_init(&config);
	atexit(config_free);
	path = config_path();
	/* no place for a config file ($HOME unset, say) is no config file, as for a missing one */
	config_state = !path || config_load(&config, path) >= 0 ? 1 : -1;
	if (!path)
		error_clear();
	free(path);
	if (config_state < 0) {
		snprintf(msg, sizeof(msg), "%s", error_message());
		return NULL;
	}
	return &config;
}

int cli_load_topics(struct topic_lines *l)
{
	const char *dir = source_bundled_dir();
	const struct config *cf;
	char *path = dir ? xasprintf("%s/topics.txt", dir) : NULL;

	if (path && access(path, F_OK) == 0) {
		char *buf;
		size_t len;
		int r;

		if (read_file(path, TOPICS_MAX_BYTES, &buf, &len) < 0) {
			free(path);
			return -1;
		}
		r = topic_lines_add(l, buf, len, path, 1, EX_DATAERR);
		free(buf);
		if (r < 0) {
			free(path);
			return -1;
		}
	}
	free(path);
	if (!(cf = cli_config()))
		return -1;
	/* checked when the file was read */
	for (size_t i = 0; i < cf->ntopics; i++)
		if (topic_lines_add(l, cf->topics[i].value, strlen(cf->topics[i].value), cf->path,
				    cf->topics[i].line, EX_CONFIG) < 0)
			return -1;
	return 0;
}

const char *cli_schedule_spec(unsigned *line)
{
	const struct config *c;

	*line = 0;
	if (global.schedule)
		return global.schedule;
	c = cli_config();
	if (!c) {
		error_clear();
		return NULL;
	}
	*line = c->schedule_line;
	return c->schedule;
}

int cli_load_schedule(struct schedule *s)
{
	const struct config *c = cli_config();
	unsigned line;
	const char *spec;
	int ret;

	if (!c)
		return -1;
	spec = cli_schedule_spec(&line);
	/* a URL's first use fetches it: with the config's cacert, as 'planner fetch' would */
	ret = source_load(s, spec, NULL, c->cacert);
	if (ret < 0 && line)
		error_prefix("%s:%u: schedule", c->path, line);
	flush_warnings();
	if (ret == 0)
		ret = cli_load_venue(s, NULL, NULL);
	return ret;
}

int cli_load_venue(struct schedule *s, struct venue *out, char **path_out)
{
	struct venue v;
	char *path = venue_file_path(s->conf.id);
	int r;

	if (!path) {
		/* no data directory ($HOME unusable): no venue file, as there is no config file */
		error_clear();
		if (out)
			venue_init(out);
		if (path_out)
			*path_out = NULL;
		return 0;
	}
	r = venue_file_load(&v, path);
	if (r < 0) {
		free(path);
		return -1;
	}
	if (r == 0 && v.conference && strcmp(v.conference, s->conf.id)) {
		error(EX_DATAERR, "%s: the venue file is for conference \"%s\", not \"%s\" (mend or "
		      "remove it; it is left as it is)", path, text_inert(v.conference),
		      text_inert(s->conf.id));
		venue_release(&v);
		free(path);
		return -1;
	}
	if (r == 0)
		venue_apply(&v, s);
	else
		venue_init(&v);
	if (out)
		*out = v;
	else
		venue_release(&v);
	if (path_out)
		*path_out = path;
	else
		free(path);
	return 0;
}

const struct tz *cli_display_zone(const struct schedule *s, const char *arg)
{
	const struct config *c;
	const struct tz *z;

	if (!arg) {
		c = cli_config();
		if (!c)
			return NULL;
		return c->tz ? tz_get(c->tz) : s->tz;
	}
	z = tz_get(arg);
	if (!z)
		error_prefix_status(EX_USAGE, "--tz");
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

void cli_print_changes(struct changes *c, const char *conf_id, size_t shown)
{
	const struct tz *z = tz_get(c->timezone), *local = tz_get("local");
	char *text;

	if (!z)
		z = tz_get("UTC");
	if (!local)
		local = tz_get("UTC");
	error_clear();
	cli_planned_first(c, conf_id);
	text = changes_format_text(c, z, local, shown);
	fputs(text, stdout);
	free(text);
}

void cli_planned_first(struct changes *c, const char *conf_id)
{
	struct plan p;
	char *path = conf_id ? plan_path(conf_id) : NULL;
	const char **ids;

	plan_init(&p);
	if (path && plan_load(&p, path) == 0 && p.nentries) {
		ids = xmalloc(p.nentries * sizeof(*ids));
		for (size_t i = 0; i < p.nentries; i++)
			ids[i] = p.entries[i].id;
		changes_put_planned_first(c, ids, p.nentries);
		free(ids);
	}
	plan_release(&p);
	free(path);
	error_clear();
}

int cli_load_plan(struct schedule *s, struct plan *p, char **path, bool lock, const char *member)
{
	int r;

	plan_init(p);
	*path = NULL;
	if (cli_load_schedule(s) < 0)
		return -1;
	*path = member ? plan_member_path(s->conf.id, member) : plan_path(s->conf.id);
	if (!*path)
		return -1;
	/* the descriptor stays open: the lock is released when planner exits */
	if (lock && plan_lock(*path) < 0)
		return -1;
	if ((r = plan_load(p, *path)) < 0)
		return -1;
	if (r > 0 && member)
		return error(EX_NOINPUT, "no plan for member '%s' of %s; make one with 'planner team "
			     "%s ...'", text_inert(member), s->conf.name, text_inert(member));
	if (p->conference && strcmp(p->conference, s->conf.id))
		return error(EX_DATAERR, "%s: the plan is for conference \"%s\", not \"%s\" (run "
			     "'planner pick' to make a new plan; the file is left as it is)", *path,
			     text_inert(p->conference), text_inert(s->conf.id));
	if (!p->conference)
		p->conference = xstrdup(s->conf.id);
	return 0;
}

static const char *change_note(enum plan_change c)
{
	switch (c) {
	case PLAN_CANCELLED: return "CANCELLED";
	case PLAN_MOVED: return "MOVED";
	case PLAN_ROOM: return "ROOM CHANGED";
	case PLAN_RETITLED: return "RETITLED";
	case PLAN_SAME: break;
	}
	return NULL;
}

static char *describe_session(const struct schedule *s, const struct session *se);

size_t cli_print_plan(const struct schedule *s, const struct plan *p, const char *member)
{
	size_t n, changed = 0;
	const struct session **v = plan_sessions(p, s, &n);
	struct row_layout lay = { 0 };
	struct civil cur = { 0, 0, 0, 0, 0, 0 };
	const struct session *prev = NULL;

	lay.color = cli_color();
	lay.marks = true;
	lay.indent = 0;
	row_layout_compute(&lay, s, v, n, cli_width());
	printf("%s%s%s: %s%s, %zu session%s\n", lay.color ? "\033[1m" : "", s->conf.name,
	       lay.color ? "\033[0m" : "", member ? member : "my plan", member ? "'s plan" : "",
	       p->nentries, p->nentries == 1 ? "" : "s");
	for (size_t i = 0; i < p->nentries; i++) {
		const struct plan_entry *e = &p->entries[i];
		long k;
		enum plan_change c = plan_entry_change(e, s, &k);
		const struct session *se = k >= 0 ? &s->sessions[k] : NULL;
		bool pinned = strlist_find(&p->pinned, e->id) >= 0;
		char span[FORMAT_SPAN_MAX];

		if (c == PLAN_CANCELLED) {
			char *raw, *line;

			format_span(s->tz, e->start, e->end, span, sizeof(span));
			raw = xasprintf("%s %s %s (was in %s)", e->id, span, e->title,
					*e->room ? e->room : "no room");
			line = text_sanitize(raw);	/* the plan's copy of the feed's text */
			printf("\n  CANCELLED: %s\n", line);
			free(line);
			free(raw);
			changed++;
			continue;
		}
		day_heading(stdout, s, se, s->tz, &cur, lay.color);
		if (prev && prev->day != se->day)
			prev = NULL;
		row_print(stdout, &lay, s, se, s->tz, session_room_change(prev, se) ? "→ " : NULL);
		prev = se;
		if (pinned)
			printf("%*s  pinned\n", lay.time_w + 2, "");
		if (c != PLAN_SAME) {
			char *was = text_sanitize(c == PLAN_RETITLED ? e->title : e->room);
			changed++;
			format_span(s->tz, e->start, e->end, span, sizeof(span));
			if (c == PLAN_MOVED)
				printf("%*s  %s: was %s\n", lay.time_w + 2, "", change_note(c), span);
			else
				printf("%*s  %s: was %s\n", lay.time_w + 2, "", change_note(c), was);
			free(was);
		}
	}
	if (p->dropped.n) {
		printf("\nDropped by hand (later picks leave them out; 'planner add ID' brings one back):\n");
		for (size_t i = 0; i < p->dropped.n; i++) {
			long k = schedule_find_session(s, p->dropped.v[i]);
			char *d = k >= 0 && s->sessions[k].has_time ? describe_session(s, &s->sessions[k])
				: text_sanitize(p->dropped.v[i]);

			printf("  %s\n", d);
			free(d);
		}
	}
	free(v);
	return changed;
}

static char *describe_session(const struct schedule *s, const struct session *se)
{
	char span[FORMAT_SPAN_MAX], *room = session_room_label(s, se), *raw, *out;

	format_span(s->tz, se->start, se->end, span, sizeof(span));
	raw = xasprintf("%s %s %s (%s)", se->id, span, se->title, *room ? room : "no room");
	out = text_sanitize(raw);	/* id, title and room are the feed's: made inert */
	free(raw);
	free(room);
	return out;
}

char *cli_describe_session(const struct schedule *s, const struct session *se)
{
	return describe_session(s, se);
}

int cli_travel_minutes(const struct plan *p)
{
	const struct config *cfg = cli_config();

	if (p->travel_minutes >= 0)
		return p->travel_minutes;
	if (cfg && cfg->travel_minutes >= 0)
		return cfg->travel_minutes;
	return PICK_DEFAULT_TRAVEL;
}

#define CONFLICTS_SHOWN 1000

size_t cli_print_conflicts(const struct schedule *s, const struct plan *p, FILE *f)
{
	struct conflicts c;
	size_t found;

	conflicts_init(&c);
	/* a plan of thousands of sessions at once has millions of pairs: they are counted, and the
	 * first CONFLICTS_SHOWN shown */
	plan_conflicts(s, p, cli_travel_minutes(p), f ? CONFLICTS_SHOWN : 0, &c);
	for (size_t i = 0; i < c.n; i++) {
		const struct conflict *x = &c.v[i];
		char *da = describe_session(s, &s->sessions[x->a]);
		char *db = describe_session(s, &s->sessions[x->b]);
		char m[24];

		if (x->overlap && s->sessions[x->b].start == s->sessions[x->b].end)
			fprintf(f, "%s\n  is on when %s happens\n", da, db);	/* an instant inside */
		else if (x->overlap)
			fprintf(f, "%s\n  overlaps %s by %s\n", da, db,
				format_minutes(x->overlap_min, m, sizeof(m)));
		else
			fprintf(f, "%s\n  leaves %lld of the %s needed to walk to %s\n", da,
				(long long)x->gap_min, format_minutes(x->need_min, m, sizeof(m)), db);
		free(da);
		free(db);
	}
	if (f && c.count > CONFLICTS_SHOWN)
		fprintf(f, "... and %zu more conflicts\n", c.count - CONFLICTS_SHOWN);
	found = c.count;
	conflicts_release(&c);
	return found;
}

int cli_edit_plan(enum plan_edit op, struct schedule *s, struct plan *p, const char *path,
		  char **ids, int nids)
{
	for (int i = 0; i < nids; i++) {
		const struct session *se;
		const char *id;
		char *d;

		if (op == EDIT_DROP) {
			if (plan_edit_drop(p, s, ids[i], &id) < 0)
				return -1;
			printf("dropped %s\n", id);
			continue;
		}
		if (op == EDIT_UNPIN) {
			if (plan_edit_unpin(p, s, ids[i], &id) < 0)
				return -1;
			printf("unpinned %s (still in your plan; a new pick may leave it out)\n", id);
			continue;
		}
		if (plan_edit_add(p, s, ids[i], op == EDIT_PIN, &se) < 0)
			return -1;
		d = describe_session(s, se);
		printf("%s %s\n", op == EDIT_PIN ? "pinned" : "added", d);
		free(d);
	}
	plan_edit_stamp(p, s, (int64_t)time(NULL));
	if (plan_save(p, path) < 0)
		return -1;
	if (op == EDIT_ADD || op == EDIT_PIN)
		cli_warn_conflicts(s, p);
	return 0;
}

void cli_print_alternative(const struct schedule *s, const struct session *alt, int pad,
			   int title_w)
{
	char *room = session_room_label(s, alt);
	char *line = xasprintf("room full? %s %s (%s)", alt->id, alt->title, room);

	printf("%*s", pad, "");
	put_last_cell(stdout, line, title_w > 0 ? title_w + 20 : 0);
	putchar('\n');
	free(line);
	free(room);
}

void cli_warn_conflicts(const struct schedule *s, const struct plan *p)
{
	size_t n = cli_print_conflicts(s, p, NULL);

	if (n)
		fprintf(stderr, "planner: warning: your plan has %zu conflict%s now; see 'planner "
			"conflicts'\n", n, n == 1 ? "" : "s");
}
