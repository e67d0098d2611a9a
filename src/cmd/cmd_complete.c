/* cmd_complete.c: `planner complete` (hidden) — the completion candidates behind the bash, zsh and
 * fish scripts in completions/: the commands, a command's options (read from the command
 * table), and live values from the cached or bundled timetable (tracks, tags, rooms, days,
 * session ids with their titles, timetable names ...).  Never touches the network.
 *
 *     planner complete commands            NAME<TAB>SUMMARY for each command --help lists
 *     planner complete options [COMMAND]   --LONG<TAB>DESCRIPTION, then -S<TAB>DESCRIPTION, for
 *                                          each option of COMMAND (none: the global options),
 *                                          from the command table (command.h)
 *     planner complete values KIND         VALUE<TAB>DESCRIPTION
 *     planner complete line SHELL WORD...  WORDs are the command line after "planner" up to the
 *                                          cursor (the last one is being completed, maybe "");
 *                                          prints a directive line (":" nothing more, ":files"
 *                                          also complete file names, ":nospace" no space after
 *                                          the candidate), then the candidates for the last
 *                                          word.  SHELL "bash" prints the candidates escaped for
 *                                          bash and without descriptions; "zsh", "fish" and
 *                                          "plain" print VALUE<TAB>DESCRIPTION as they are.
 *
 * Candidates are not filtered by what has been typed: the shells match them their own way.
 * Values that would not be inert on a terminal (control characters) are left out, and
 * descriptions are made inert and cut to one line.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "cli.h"
#include "command.h"
#include "config.h"
#include "fetch.h"
#include "filter.h"
#include "load.h"
#include "plan.h"
#include "prefs.h"
#include "render.h"
#include "schedule.h"
#include "source.h"
#include "text.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

enum shell { SHELL_PLAIN, SHELL_BASH };

/* Where candidates go, and how they are written. */
struct out {
	enum shell shell;
	const char *prefix;       /* written before each candidate ("--day=") */
	const char *schedule;     /* -s given on the completed line; NULL: as the commands choose */
	bool loaded, load_failed;
	struct schedule s;
};

/* ---- writing candidates ---- */

static bool inert(const char *v)
{
	char *clean = text_sanitize(v);
	bool same = !strcmp(clean, v);

	free(clean);
	return same && *v;
}

static void put_bash(const char *v)
{
	for (; *v; v++) {
		if (strchr(" \t\"'\\$`()<>&;|*?[]{}!#~^:", *v))
			putchar('\\');
		putchar(*v);
	}
}

/* One candidate: value (left out unless it is inert) and an optional description. */
static void emit(const struct out *o, const char *value, const char *desc)
{
	char *full;

	if (!inert(value))
		return;
	full = xasprintf("%s%s", o->prefix ? o->prefix : "", value);
	if (o->shell == SHELL_BASH) {
		put_bash(full);
	} else {
		fputs(full, stdout);
		if (desc && *desc) {
			char *clean = text_sanitize(desc), *cut = text_truncate(clean, 70);
			printf("\t%s", cut);
			free(cut);
			free(clean);
		}
	}
	putchar('\n');
	free(full);
}

static void emitf(const struct out *o, const char *value, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void emitf(const struct out *o, const char *value, const char *fmt, ...)
{
	va_list ap;
	char *desc;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	desc = xmalloc(len > 0 ? (size_t)len + 1 : 1);
	va_start(ap, fmt);
	vsnprintf(desc, len > 0 ? (size_t)len + 1 : 1, fmt, ap);
	va_end(ap);
	emit(o, value, desc);
	free(desc);
}

/* ---- options, from the command table ---- */

struct opt_info {
	const char *name;         /* long name, without "--" */
	int shortc;               /* 0 when none */
	bool has_arg;
	enum cmd_complete complete;
	char *desc;
};

static void opts_free(struct opt_info *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].desc);
	free(v);
}

/* The options of cmd (NULL: the global options), as the runner takes them. */
static size_t command_options(const struct cmd_entry *cmd, struct opt_info **out)
{
	size_t n = 0;
	const struct cmd_option **table;
	struct opt_info *v;

	if (cmd) {
		table = cmd_options(cmd, &n);
	} else {
		while (global_options[n])
			n++;
		table = xmalloc((n ? n : 1) * sizeof(*table));
		for (size_t i = 0; i < n; i++)
			table[i] = global_options[i];
	}
	v = xcalloc(n ? n : 1, sizeof(*v));
	for (size_t i = 0; i < n; i++) {
		v[i].name = table[i]->name;
		v[i].shortc = (unsigned char)table[i]->shortc;
		v[i].has_arg = table[i]->arg != NULL;
		v[i].complete = table[i]->complete;
		v[i].desc = cmd_option_help(cmd, table[i]);
	}
	free(table);
	*out = v;
	return n;
}

static void emit_options(const struct out *o, const struct cmd_entry *cmd, bool shorts)
{
	struct opt_info *v;
	size_t n = command_options(cmd, &v);

	for (size_t i = 0; i < n; i++) {
		char *name = xasprintf("--%s", v[i].name);
		emit(o, name, v[i].desc);
		free(name);
	}
	for (size_t i = 0; shorts && i < n; i++)
		if (v[i].shortc) {
			char name[3] = { '-', (char)v[i].shortc, '\0' };
			emit(o, name, v[i].desc);
		}
	opts_free(v, n);
}

static void emit_commands(const struct out *o)
{
	for (const struct cmd_entry *const *c = cmd_table; *c; c++)
		if (!((*c)->flags & CMD_HIDDEN))
			emit(o, (*c)->name, (*c)->summary);
}

/* ---- live values ---- */

/* The timetable the completed command would use, without the network: a URL is read from the
 * cache only.  NULL when it cannot be loaded (error() set). */
static const struct schedule *timetable(struct out *o)
{
	unsigned line;
	const char *spec;
	int r;

	if (o->loaded)
		return o->load_failed ? NULL : &o->s;
	o->loaded = true;
	spec = o->schedule ? o->schedule : cli_schedule_spec(&line);
	schedule_init(&o->s);
	if (spec && fetch_is_url(spec)) {
		char *name = cache_find_url(spec);
		r = name ? cache_load(name, &o->s)
			 : error(EX_UNAVAILABLE, "'%s' is not fetched yet (completion never uses the "
				 "network)", spec);
		free(name);
	} else {
		r = source_load(&o->s, spec, NULL, NULL);	/* (never a URL here) */
	}
	warnings_clear();
	o->load_failed = r < 0;
	return r < 0 ? NULL : &o->s;
}

static void emit_labels(struct out *o, bool tracks, bool tags)
{
	const struct schedule *s = timetable(o);
	struct label_count *v;
	size_t n;

	if (!s)
		return;
	v = schedule_labels(s, &n);
	for (size_t i = 0; i < n; i++)
		if (v[i].is_track ? tracks : tags)
			emitf(o, v[i].name, "%s, %zu session%s", v[i].is_track ? "track" : "tag",
			      v[i].count, v[i].count == 1 ? "" : "s");
	label_counts_free(v, n);
}

static void emit_rooms(struct out *o)
{
	const struct schedule *s = timetable(o);

	for (size_t r = 0; s && r < s->nrooms; r++) {
		size_t count = 0;
		for (size_t i = 0; i < s->nsessions; i++)
			for (size_t k = 0; k < s->sessions[i].nrooms; k++)
				count += s->sessions[i].rooms[k] == r;
		emitf(o, s->rooms[r].name, "room %s, %zu session%s", s->rooms[r].id, count,
		      count == 1 ? "" : "s");
	}
}

static void emit_days(struct out *o)
{
	const struct schedule *s = timetable(o);

	for (size_t d = 0; s && d < s->ndays; d++) {
		const struct day *dy = &s->days[d];
		char num[24], date[16];

		snprintf(num, sizeof(num), "%zu", d + 1);
		format_date(dy->year, dy->month, dy->day, date, sizeof(date));
		emitf(o, num, "%s %s", date, weekday_name(dy->year, dy->month, dy->day));
	}
	for (size_t d = 0; s && d < s->ndays; d++) {
		const struct day *dy = &s->days[d];
		char date[16];

		format_date(dy->year, dy->month, dy->day, date, sizeof(date));
		emitf(o, date, "day %zu, %s", d + 1, weekday_name(dy->year, dy->month, dy->day));
	}
}

static void emit_levels(struct out *o)
{
	static const char *const ko[] = { "", "초급", "중급", "고급" };

	for (int l = LEVEL_BEGINNER; l < LEVEL_COUNT; l++)
		emitf(o, session_level_name((enum session_level)l), "%s", ko[l]);
}

static void emit_types(struct out *o)
{
	for (int t = 0; t < SESSION_TYPE_COUNT; t++)
		emit(o, session_type_name((enum session_type)t), "session type");
}

/* Distinct strings (in first-seen order) with counts. */
struct tally {
	struct strlist names;
	size_t *count;
	size_t alloc;
};

static void tally_add(struct tally *t, const char *name)
{
	long k = strlist_find(&t->names, name);

	if (k < 0) {
		strlist_push(&t->names, name);
		t->count = xgrow(t->count, t->names.n, &t->alloc, sizeof(*t->count));
		t->count[t->names.n - 1] = 0;
		k = (long)t->names.n - 1;
	}
	t->count[k]++;
}

static void tally_emit(const struct out *o, struct tally *t)
{
	for (size_t i = 0; i < t->names.n; i++)
		emitf(o, t->names.v[i], "%zu session%s", t->count[i], t->count[i] == 1 ? "" : "s");
	strlist_release(&t->names);
	free(t->count);
}

static void emit_langs(struct out *o)
{
	const struct schedule *s = timetable(o);
	struct tally t = { { NULL, 0, 0 }, NULL, 0 };

	for (size_t i = 0; s && i < s->nsessions; i++)
		if (s->sessions[i].language)
			tally_add(&t, s->sessions[i].language);
	tally_emit(o, &t);
}

static void emit_speakers(struct out *o)
{
	const struct schedule *s = timetable(o);
	struct tally t = { { NULL, 0, 0 }, NULL, 0 };

	for (size_t i = 0; s && i < s->nsessions; i++)
		for (size_t k = 0; k < s->sessions[i].speakers.n; k++)
			tally_add(&t, s->sessions[i].speakers.v[k]);
	tally_emit(o, &t);
}

static void emit_session(const struct out *o, const struct schedule *s, const struct session *se)
{
	char when[32], *room = session_room_label(s, se);

	if (se->has_time) {
		struct civil c;
		char hm[8];

		tz_to_civil(s->tz, se->start, &c);
		civil_format_hm(&c, hm, sizeof(hm));
		snprintf(when, sizeof(when), "%s %s", weekday_name(c.year, c.month, c.day), hm);
	} else {
		snprintf(when, sizeof(when), "unscheduled");
	}
	emitf(o, se->id, "%s%s%s — %s", when, *room ? " " : "", room, se->title);
	free(room);
}

/* Every session with a time, the ones a plan can hold (planned_only: those in the saved plan,
 * also the ones the timetable has since dropped). */
static void emit_sessions(struct out *o, bool planned_only)
{
	const struct schedule *s = timetable(o);
	struct plan p;
	char *path;

	if (!s)
		return;
	plan_init(&p);
	if (planned_only) {
		path = plan_path(s->conf.id);
		if (!path || plan_load(&p, path) < 0)
			error_clear();
		free(path);
		/* planned sessions the timetable dropped can still be dropped from the plan */
		for (size_t i = 0; i < p.nentries; i++)
			if (schedule_find_session(s, p.entries[i].id) < 0)
				emitf(o, p.entries[i].id, "cancelled: %s", p.entries[i].title);
	}
	for (size_t i = 0; i < s->nsessions; i++)
		if (planned_only ? plan_find(&p, s->sessions[i].id) >= 0 : s->sessions[i].has_time)
			emit_session(o, s, &s->sessions[i]);
	plan_release(&p);
}

/* Session start times "YYYY-MM-DD HH:MM" (for --at), in the zone times are shown in. */
static void emit_times(struct out *o)
{
	const struct schedule *s = timetable(o);
	const struct tz *z;
	char last[32] = "";

	if (!s)
		return;
	z = cli_display_zone(s, NULL);
	if (!z) {
		error_clear();
		z = s->tz;
	}
	for (size_t i = 0; i < s->nsessions; i++) {
		const struct session *se = &s->sessions[i];
		struct civil c;
		char buf[32];

		if (!se->has_time)
			continue;
		tz_to_civil(z, se->start, &c);
		civil_format_date_hm(&c, buf, sizeof(buf));
		if (strcmp(buf, last))
			emitf(o, buf, "%s starts", se->title);
		snprintf(last, sizeof(last), "%s", buf);
	}
}

static void emit_timetables(const struct out *o, bool bundled)
{
	size_t nb = 0, nf;
	char **b = bundled ? source_bundled_names(&nb) : NULL, **f = cache_names(&nf);

	for (size_t i = 0; i < nf; i++) {
		struct cache_meta m;

		cache_meta_init(&m);
		if (cache_read_meta(f[i], &m) == 0)
			emitf(o, f[i], "fetched: %s, %zu sessions", m.conf_name ? m.conf_name : "",
			      m.nsessions);
		else
			emit(o, f[i], "fetched");
		cache_meta_release(&m);
	}
	error_clear();
	for (size_t i = 0; i < nb; i++) {
		bool hidden = false;
		for (size_t k = 0; k < nf && !hidden; k++)
			hidden = !strcmp(f[k], b[i]);
		if (!hidden)
			emit(o, b[i], "bundled");
	}
	source_names_free(b, nb);
	source_names_free(f, nf);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void emit_zones(struct out *o)
{
	const struct schedule *s = timetable(o);
	FILE *f = fopen("/usr/share/zoneinfo/zone1970.tab", "r");
	struct strlist names;
	char line[512];

	strlist_init(&names);
	emit(o, "local", "the system's time zone");
	if (s && s->conf.timezone)
		emitf(o, s->conf.timezone, "the time zone of %s", s->conf.name);
	emit(o, "UTC", "");
	while (f && fgets(line, sizeof(line), f)) {
		char *a, *b;

		if (line[0] == '#' || !(a = strchr(line, '\t')) || !(a = strchr(a + 1, '\t')))
			continue;
		b = a + 1 + strcspn(a + 1, "\t\n");
		*b = '\0';
		if (strlist_find(&names, a + 1) < 0)
			strlist_push(&names, a + 1);
	}
	if (f)
		fclose(f);
	if (names.n)
		qsort(names.v, names.n, sizeof(*names.v), cmp_str);
	for (size_t i = 0; i < names.n; i++)
		if (!s || !s->conf.timezone || strcmp(names.v[i], s->conf.timezone))
			emit(o, names.v[i], "");
	strlist_release(&names);
}

static void emit_weights(const struct out *o)
{
	struct prefs p;

	prefs_init(&p);
	for (int k = 0; k < PREF_KIND_COUNT; k++) {
		char *v = xasprintf("%s=", pref_kind_name((enum pref_kind)k));
		int w = p.weight[k];
		if (w % 100)
			emitf(o, v, "points for a matching %s (default %d.%02d)", pref_kind_name(k),
			      w / 100, w % 100);
		else
			emitf(o, v, "points for a matching %s (default %d)", pref_kind_name(k), w / 100);
		free(v);
	}
	prefs_release(&p);
}

static void emit_formats(const struct out *o)
{
	for (const struct load_format *f = load_formats; f->name; f++)
		emit(o, f->name, "timetable format");
}

static void emit_config_keys(const struct out *o)
{
	for (size_t i = 0; config_key(i); i++)
		emit(o, config_key(i), "a key of the config file");
}

static const char *const kinds[] = {
	"commands", "tracks", "tags", "labels", "rooms", "days", "levels", "types", "langs",
	"speakers", "sessions", "planned", "times", "timetables", "fetched", "zones", "weights",
	"formats", "config-keys", NULL,
};

/* Writes the values of `kind`; -1 when there is no such kind. */
static int emit_kind(struct out *o, const char *kind)
{
	if (!strcmp(kind, "commands")) emit_commands(o);
	else if (!strcmp(kind, "tracks")) emit_labels(o, true, false);
	else if (!strcmp(kind, "tags")) emit_labels(o, false, true);
	else if (!strcmp(kind, "labels")) emit_labels(o, true, true);
	else if (!strcmp(kind, "rooms")) emit_rooms(o);
	else if (!strcmp(kind, "days")) emit_days(o);
	else if (!strcmp(kind, "levels")) emit_levels(o);
	else if (!strcmp(kind, "types")) emit_types(o);
	else if (!strcmp(kind, "langs")) emit_langs(o);
	else if (!strcmp(kind, "speakers")) emit_speakers(o);
	else if (!strcmp(kind, "sessions")) emit_sessions(o, false);
	else if (!strcmp(kind, "planned")) emit_sessions(o, true);
	else if (!strcmp(kind, "times")) emit_times(o);
	else if (!strcmp(kind, "timetables")) emit_timetables(o, true);
	else if (!strcmp(kind, "fetched")) emit_timetables(o, false);
	else if (!strcmp(kind, "zones")) emit_zones(o);
	else if (!strcmp(kind, "weights")) emit_weights(o);
	else if (!strcmp(kind, "formats")) emit_formats(o);
	else if (!strcmp(kind, "config-keys")) emit_config_keys(o);
	else return -1;
	return 0;
}

/* ---- what the word at the cursor is ---- */

/* The values of completion kind k (emit_kind's name; NULL: none) and the directive to print with
 * them ("" / "files" / "nospace"). */
static const char *kind_values(enum cmd_complete k, const char **directive)
{
	*directive = "";
	switch (k) {
	case COMPLETE_NONE: return NULL;
	case COMPLETE_FILE: *directive = "files"; return NULL;
	case COMPLETE_TIMETABLE: *directive = "files"; return "timetables";
	case COMPLETE_SOURCE: *directive = "files"; return "fetched";
	case COMPLETE_FETCHED: return "fetched";
	case COMPLETE_COMMAND: return "commands";
	case COMPLETE_DAY: return "days";
	case COMPLETE_LABEL: return "labels";
	case COMPLETE_TAG: return "tags";
	case COMPLETE_ROOM: return "rooms";
	case COMPLETE_LEVEL: return "levels";
	case COMPLETE_LANG: return "langs";
	case COMPLETE_TYPE: return "types";
	case COMPLETE_SPEAKER: return "speakers";
	case COMPLETE_SESSION: return "sessions";
	case COMPLETE_PLANNED: return "planned";
	case COMPLETE_ZONE: return "zones";
	case COMPLETE_TIME: return "times";
	case COMPLETE_WEIGHT: *directive = "nospace"; return "weights";
	case COMPLETE_FORMAT: return "formats";
	}
	return NULL;
}

static const struct opt_info *find_opt(const struct opt_info *v, size_t n, const char *name,
				       size_t len, int shortc)
{
	for (size_t i = 0; i < n; i++)
		if (shortc ? v[i].shortc == shortc
			   : strlen(v[i].name) == len && !strncmp(v[i].name, name, len))
			return &v[i];
	return NULL;
}

/* Completes words[n-1] after words[0..n-1). */
static void complete_line(struct out *o, char **words, int n)
{
	const struct cmd_entry *cmd = NULL;
	const char *cur = n > 0 ? words[n - 1] : "", *kind = NULL, *directive = "";
	const struct opt_info *pending = NULL;
	struct opt_info *opts = NULL;
	size_t nopts = 0;
	bool operands_only = false, done = false;
	int i = 0, noperands = 0;

	/* The global options, then the command, then its options; the last word is the cursor's. */
	nopts = command_options(NULL, &opts);
	for (; i < n - 1; i++) {
		const char *w = words[i];

		if (pending) {
			if (!strcmp(pending->name, "schedule"))
				o->schedule = w;
			pending = NULL;
			continue;
		}
		if (!operands_only && !strcmp(w, "--")) {
			operands_only = true;
		} else if (!operands_only && !strncmp(w, "--", 2)) {
			size_t len = strcspn(w + 2, "=");
			const struct opt_info *op = find_opt(opts, nopts, w + 2, len, 0);
			if (op && op->has_arg && !w[2 + len])
				pending = op;
			else if (op && !cmd && !strcmp(op->name, "schedule"))
				o->schedule = w + 3 + len;
		} else if (!operands_only && w[0] == '-' && w[1]) {
			for (const char *c = w + 1; *c; c++) {
				const struct opt_info *op = find_opt(opts, nopts, NULL, 0, *c);
				if (op && op->has_arg) {
					if (c[1] && !cmd && op->shortc == 's')
						o->schedule = c + 1;
					else if (!c[1])
						pending = op;
					break;
				}
			}
		} else if (cmd) {
			noperands++;
		} else {
			cmd = cmd_find(w);
			if (!cmd || (cmd->flags & CMD_HIDDEN)) {
				done = true;
				break;
			}
			opts_free(opts, nopts);
			nopts = command_options(cmd, &opts);
			operands_only = false;
		}
	}
	if (done) {
		/* an unknown command: nothing to offer */
	} else if (pending) {
		kind = kind_values(pending->complete, &directive);
	} else if (!operands_only && !strncmp(cur, "--", 2) && strchr(cur, '=')) {
		size_t len = strcspn(cur + 2, "=");
		const struct opt_info *op = find_opt(opts, nopts, cur + 2, len, 0);

		if (op && op->has_arg) {
			char *prefix = xstrndup(cur, len + 3);
			kind = kind_values(op->complete, &directive);
			printf(":%s\n", directive);
			o->prefix = prefix;
			if (kind)
				emit_kind(o, kind);
			o->prefix = NULL;
			free(prefix);
			opts_free(opts, nopts);
			return;
		}
	} else if (!operands_only && cur[0] == '-') {
		printf(":\n");
		emit_options(o, cmd, false);
		opts_free(opts, nopts);
		return;
	} else if (!cmd) {
		kind = "commands";
	} else if (cmd->operands.actions && noperands == 0) {
		printf(":\n");
		for (const char *const *a = cmd->operands.actions; *a; a++)
			emit(o, *a, NULL);
		opts_free(opts, nopts);
		return;
	} else {
		kind = kind_values(cmd->operands.complete, &directive);
	}
	printf(":%s\n", directive);
	if (kind)
		emit_kind(o, kind);
	opts_free(opts, nopts);
}

static int complete_usage(void)
{
	return usage_error("complete", "expected commands, options [COMMAND], values KIND or line "
			   "SHELL WORD...");
}

static int exec(struct cmd_ctx *ctx)
{
	/* CMD_RAW: the operands are all the words after "complete" */
	int n = ctx->noperands;
	char **w = ctx->operands;
	struct out o;
	int ret = 0;

	memset(&o, 0, sizeof(o));
	if (n < 1)
		return complete_usage();
	if (!strcmp(w[0], "commands") && n == 1) {
		emit_commands(&o);
	} else if (!strcmp(w[0], "options") && n <= 2) {
		const struct cmd_entry *c = n == 2 ? cmd_find(w[1]) : NULL;

		if (n == 2 && !c)
			return usage_error("complete", "unknown command '%s'", w[1]);
		emit_options(&o, c, true);
	} else if (!strcmp(w[0], "values") && n == 2) {
		if (emit_kind(&o, w[1]) < 0) {
			struct strbuf sb;
			strbuf_init(&sb);
			for (const char *const *k = kinds; *k; k++)
				strbuf_addf(&sb, "%s%s", k == kinds ? "" : ", ", *k);
			ret = usage_error("complete", "unknown kind '%s' (known: %s)", w[1], sb.buf);
			strbuf_release(&sb);
		} else if (o.load_failed) {
			ret = report_error();
		}
	} else if (!strcmp(w[0], "line") && n >= 2) {
		if (!strcmp(w[1], "bash"))
			o.shell = SHELL_BASH;
		else if (strcmp(w[1], "zsh") && strcmp(w[1], "fish") && strcmp(w[1], "plain"))
			return usage_error("complete", "unknown shell '%s' (known: bash, zsh, fish, plain)",
					   w[1]);
		complete_line(&o, w + 2, n - 2);
		/* Completion stays quiet: a timetable that does not load just offers nothing. */
		error_clear();
		warnings_clear();
	} else {
		return complete_usage();
	}
	if (o.loaded)
		schedule_release(&o.s);
	return ret;
}

const struct cmd_entry cmd_complete = {
	.name = "complete",
	.summary = "print completion candidates for the shell scripts",
	.synopsis = "commands | options [COMMAND] | values KIND\n"
		    "       planner complete line SHELL WORD...",
	.description =
		"The helper behind the shell completions in completions/ (bash, zsh, fish).  Prints one\n"
		"candidate a line, a tab, then its description; reads only the cached or bundled\n"
		"timetable, never the network.  KIND: commands, tracks, tags, labels, rooms, days,\n"
		"levels, types, langs, speakers, sessions, planned, times, timetables, fetched, zones,\n"
		"weights, formats, config-keys.  'line' takes the words after 'planner' up to the cursor\n"
		"and prints a directive line (':', ':files' or ':nospace') and the candidates for the\n"
		"last word; SHELL is bash (escaped for bash, no descriptions), zsh, fish or plain.\n",
	.flags = CMD_HIDDEN | CMD_RAW,
	.exec = exec,
};
