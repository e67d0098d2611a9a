/* cmd_complete.c: `planner complete` (hidden) — the completion candidates behind the bash, zsh and
 * fish scripts in completions/: the commands, a command's options (read from the real option
 * tables), and live values from the cached or bundled timetable (tracks, tags, rooms, days,
 * session ids with their titles, timetable names ...).  Never touches the network.
 *
 *     planner complete commands            NAME<TAB>SUMMARY for each command --help lists
 *     planner complete options [COMMAND]   --LONG<TAB>DESCRIPTION, then -S<TAB>DESCRIPTION, for
 *                                          each option of COMMAND (none: the global options)
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
#include <ctype.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "cli.h"
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

const struct option complete_options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

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

/* ---- options, from the real tables ---- */

struct opt_info {
	char *name;               /* long name, without "--" */
	int shortc;               /* 0 when none */
	bool has_arg;
	char *desc;
};

static void opts_free(struct opt_info *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].desc);
	}
	free(v);
}

/* The text from p to the end of its line, joined with the lines below that continue it (those
 * indented to column col; when col is 0, as the first line below is). */
static char *description_at(const char *p, size_t col)
{
	struct strbuf sb;
	const char *end = p + strcspn(p, "\n");

	strbuf_init(&sb);
	strbuf_add(&sb, p, (size_t)(end - p));
	while (*end == '\n') {
		const char *next = end + 1, *q = next;
		size_t indent;

		end = next + strcspn(next, "\n");
		while (q < end && *q == ' ')
			q++;
		indent = (size_t)(q - next);
		if (!col)
			col = indent;
		if (q == end || *q == '-' || indent != col)
			break;
		if (sb.len)
			strbuf_addc(&sb, ' ');
		strbuf_add(&sb, q, (size_t)(end - q));
	}
	return strbuf_detach(&sb);
}

/* The description of --name in a help text: the rest of its option line ("  -d, --day N|DATE
 * only day N ..."), or the line below when the option fills its own. */
static char *option_description(const char *help, const char *name)
{
	size_t len = strlen(name);

	if (!strcmp(name, "help"))
		return xstrdup("show the help");
	for (const char *line = help; *line;) {
		const char *end = line + strcspn(line, "\n"), *p = line, *gap;

		while (p < end && *p == ' ')
			p++;
		if (p > line && p + 2 < end && p[0] == '-' && p[1] != '-' && p[2] == ',') {
			p += 3;
			while (p < end && *p == ' ')
				p++;
		}
		if (p > line && !strncmp(p, "--", 2) && !strncmp(p + 2, name, len) &&
		    (p + 2 + len == end || p[2 + len] == ' ' || p[2 + len] == '=')) {
			p += 2 + len;
			gap = p;
			while (gap + 1 < end && !(gap[0] == ' ' && gap[1] == ' '))
				gap++;
			if (gap + 1 >= end)
				gap = end;
			while (gap < end && *gap == ' ')
				gap++;
			return description_at(gap < end ? gap : end, gap < end ? (size_t)(gap - line) : 0);
		}
		line = *end ? end + 1 : end;
	}
	return xstrdup("");
}

/* Long options named in a help text, for a command whose table is not exported: "--name", with
 * an argument when a placeholder follows it ("--name NAME", "[--name NAME]"). */
static size_t options_from_usage(const char *help, struct opt_info **out)
{
	struct opt_info *v = NULL;
	size_t n = 0, alloc = 0;

	for (const char *p = help; (p = strstr(p, "--"));) {
		const char *q = p + 2, *e;
		char *name;
		bool dup = false;

		if ((p > help && (isalnum((unsigned char)p[-1]) || p[-1] == '-')) ||
		    !islower((unsigned char)*q)) {
			p += 2;
			continue;
		}
		for (e = q; islower((unsigned char)*e) || isdigit((unsigned char)*e) || *e == '-'; e++)
			;
		name = xstrndup(q, (size_t)(e - q));
		for (size_t i = 0; i < n && !dup; i++)
			dup = !strcmp(v[i].name, name);
		if (!dup) {
			v = xgrow(v, n + 1, &alloc, sizeof(*v));
			v[n].name = name;
			v[n].shortc = 0;
			v[n].has_arg = (e[0] == ' ' || e[0] == '=') &&
				       (isupper((unsigned char)e[1]) || e[1] == '"');
			v[n].desc = option_description(help, name);
			/* "-q, --quiet" */
			if (p >= help + 4 && p[-1] == ' ' && p[-2] == ',' && p[-4] == '-' &&
			    isalnum((unsigned char)p[-3]))
				v[n].shortc = p[-3];
			n++;
		} else {
			free(name);
		}
		p = e;
	}
	*out = v;
	return n;
}

/* The options of cmd (NULL: the global options), from its table when it exports one. */
static size_t command_options(const struct command *cmd, struct opt_info **out)
{
	const struct option *table = cmd ? cmd->options : global_options;
	const char *help = cmd ? cmd->usage : global_help;
	struct opt_info *v = NULL;
	size_t n = 0, alloc = 0;

	if (!table)
		return options_from_usage(help, out);
	for (const struct option *o = table; o->name; o++) {
		v = xgrow(v, n + 1, &alloc, sizeof(*v));
		v[n].name = xstrdup(o->name);
		v[n].shortc = o->val > 0 && o->val < 128 && isalnum(o->val) ? o->val : 0;
		v[n].has_arg = o->has_arg != no_argument;
		v[n].desc = option_description(help, o->name);
		n++;
	}
	*out = v;
	return n;
}

/* When a command's help does not describe an option, another command's (the filter options
 * are the same everywhere), or a word for the common ones. */
static void describe_missing(struct opt_info *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (*v[i].desc)
			continue;
		for (const struct command *c = commands; c->name && !*v[i].desc; c++) {
			free(v[i].desc);
			v[i].desc = option_description(c->usage, v[i].name);
		}
		if (!*v[i].desc && !strcmp(v[i].name, "json")) {
			free(v[i].desc);
			v[i].desc = xstrdup("JSON output");
		}
	}
}

static void emit_options(const struct out *o, const struct command *cmd, bool shorts)
{
	struct opt_info *v;
	size_t n = command_options(cmd, &v);

	describe_missing(v, n);

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
	for (const struct command *c = commands; c->name; c++)
		if (!c->hidden)
			emit(o, c->name, c->summary);
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
		r = source_load(&o->s, spec, NULL);
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
		snprintf(date, sizeof(date), "%04d-%02d-%02d", dy->year, dy->month, dy->day);
		emitf(o, num, "%s %s", date, weekday_name(dy->year, dy->month, dy->day));
	}
	for (size_t d = 0; s && d < s->ndays; d++) {
		const struct day *dy = &s->days[d];
		char date[16];

		snprintf(date, sizeof(date), "%04d-%02d-%02d", dy->year, dy->month, dy->day);
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
	for (const char *const *f = load_formats; *f; f++)
		emit(o, *f, "timetable format");
}

static void emit_config_keys(const struct out *o)
{
	for (const char *const *k = config_keys; *k; k++)
		emit(o, *k, "a key of the config file");
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

/* The value kind of option --name of command cmd (NULL: a global option), the directive to
 * print with it ("" / "files" / "nospace"), or NULL kind for free text. */
static const char *value_kind(const char *cmd, const char *name, const char **directive)
{
	static const struct { const char *cmd, *option, *kind, *directive; } map[] = {
		{ NULL, "schedule", "timetables", "files" },
		{ NULL, "day", "days", "" },
		{ NULL, "track", "labels", "" },
		{ NULL, "tag", "tags", "" },
		{ NULL, "room", "rooms", "" },
		{ NULL, "level", "levels", "" },
		{ NULL, "lang", "langs", "" },
		{ NULL, "type", "types", "" },
		{ NULL, "speaker", "speakers", "" },
		{ NULL, "must", "sessions", "" },
		{ NULL, "avoid", "sessions", "" },
		{ NULL, "weight", "weights", "nospace" },
		{ NULL, "tz", "zones", "" },
		{ NULL, "at", "times", "" },
		{ "fetch", "format", "formats", "" },
		{ "fetch", "name", "fetched", "" },
		{ NULL, "output", NULL, "files" },
		{ NULL, "file", NULL, "files" },
		{ NULL, "ics", NULL, "files" },
		{ NULL, "html", NULL, "files" },
		{ NULL, "pdf", NULL, "files" },
	};

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(map[i].option, name) && (!map[i].cmd || (cmd && !strcmp(map[i].cmd, cmd)))) {
			*directive = map[i].directive;
			return map[i].kind;
		}
	*directive = "";
	return NULL;
}

/* The kind of a command's operands (the words that are not options). */
static const char *operand_kind(const char *cmd, const char **directive)
{
	static const struct { const char *cmd, *kind, *directive; } map[] = {
		{ "add", "sessions", "" },
		{ "pin", "sessions", "" },
		{ "drop", "planned", "" },
		{ "help", "commands", "" },
		{ "fetch", "fetched", "files" },
	};

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(map[i].cmd, cmd)) {
			*directive = map[i].directive;
			return map[i].kind;
		}
	*directive = "";
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
	const struct command *cmd = NULL;
	const char *cur = n > 0 ? words[n - 1] : "", *kind = NULL, *directive = "";
	const struct opt_info *pending = NULL;
	struct opt_info *opts = NULL;
	size_t nopts = 0;
	bool operands_only = false, done = false;
	int i = 0;

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
		} else if (!cmd) {
			cmd = find_command(w);
			if (!cmd || cmd->hidden) {
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
		kind = value_kind(cmd ? cmd->name : NULL, pending->name, &directive);
	} else if (!operands_only && !strncmp(cur, "--", 2) && strchr(cur, '=')) {
		size_t len = strcspn(cur + 2, "=");
		const struct opt_info *op = find_opt(opts, nopts, cur + 2, len, 0);
		char *name = xstrndup(cur + 2, len);

		if (op && op->has_arg) {
			char *prefix = xstrndup(cur, len + 3);
			kind = value_kind(cmd ? cmd->name : NULL, name, &directive);
			printf(":%s\n", directive);
			o->prefix = prefix;
			if (kind)
				emit_kind(o, kind);
			o->prefix = NULL;
			free(prefix);
			free(name);
			opts_free(opts, nopts);
			return;
		}
		free(name);
	} else if (!operands_only && cur[0] == '-') {
		printf(":\n");
		emit_options(o, cmd, false);
		opts_free(opts, nopts);
		return;
	} else if (!cmd) {
		kind = "commands";
	} else {
		kind = operand_kind(cmd->name, &directive);
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

int cmd_complete(int argc, char **argv)
{
	struct out o;
	int ret = 0;

	memset(&o, 0, sizeof(o));
	/* No getopt here: the words to complete are options of other commands. */
	if (argc < 2)
		return complete_usage();
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))
		return command_help("complete");
	if (!strcmp(argv[1], "commands") && argc == 2) {
		emit_commands(&o);
	} else if (!strcmp(argv[1], "options") && argc <= 3) {
		const struct command *c = argc == 3 ? find_command(argv[2]) : NULL;

		if (argc == 3 && !c)
			return usage_error("complete", "unknown command '%s'", argv[2]);
		emit_options(&o, c, true);
	} else if (!strcmp(argv[1], "values") && argc == 3) {
		if (emit_kind(&o, argv[2]) < 0) {
			struct strbuf sb;
			strbuf_init(&sb);
			for (const char *const *k = kinds; *k; k++)
				strbuf_addf(&sb, "%s%s", k == kinds ? "" : ", ", *k);
			ret = usage_error("complete", "unknown kind '%s' (known: %s)", argv[2], sb.buf);
			strbuf_release(&sb);
		} else if (o.load_failed) {
			ret = report_error();
		}
	} else if (!strcmp(argv[1], "line") && argc >= 3) {
		if (!strcmp(argv[2], "bash"))
			o.shell = SHELL_BASH;
		else if (strcmp(argv[2], "zsh") && strcmp(argv[2], "fish") && strcmp(argv[2], "plain"))
			return usage_error("complete", "unknown shell '%s' (known: bash, zsh, fish, plain)",
					   argv[2]);
		complete_line(&o, argv + 3, argc - 3);
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
