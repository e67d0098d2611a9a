/* filter.c: session filters shared by list, pick and export, and the tracks/tags census. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "text.h"
#include "topics.h"
#include "util.h"

void filter_init(struct filter *f)
{
	memset(f, 0, sizeof(*f));
	f->day = -1;
}

void filter_release(struct filter *f)
{
	queries_free(f->search_q, f->nsearch_q);
	queries_free(f->fallback_q, f->nfallback_q);
	strlist_release(&f->tracks);
	strlist_release(&f->tags);
	strlist_release(&f->rooms);
	strlist_release(&f->langs);
	strlist_release(&f->speakers);
	strlist_release(&f->search);
	strlist_release(&f->track_fallbacks);
	filter_init(f);
}

void filter_add(struct strlist *list, const char *arg)
{
	char *folded = text_fold(arg);
	strlist_push(list, folded);
	free(folded);
}

int filter_add_day(struct filter *f, const struct schedule *s, const char *arg)
{
	return filter_parse_day(s, arg, &f->day);
}

int filter_parse_day(const struct schedule *s, const char *arg, int *day)
{
	char *end;
	long n = strtol(arg, &end, 10);
	struct strbuf days;
	int y, m, d;

	if (*arg && !*end) {
		if (n >= 1 && (size_t)n <= s->ndays) {
			*day = (int)n - 1;
			return 0;
		}
	} else if (sscanf(arg, "%4d-%2d-%2d", &y, &m, &d) == 3 && strlen(arg) == 10) {
		for (size_t i = 0; i < s->ndays; i++)
			if (s->days[i].year == y && s->days[i].month == m && s->days[i].day == d) {
				*day = (int)i;
				return 0;
			}
	} else {
		return error(EX_USAGE, "--day '%s': expected a day number or a date (YYYY-MM-DD)", arg);
	}
	strbuf_init(&days);
	for (size_t i = 0; i < s->ndays; i++)
		strbuf_addf(&days, "%s%zu = %04d-%02d-%02d", i ? ", " : "", i + 1, s->days[i].year,
			    s->days[i].month, s->days[i].day);
	error(EX_USAGE, "--day '%s': %s has %zu day%s (%s)", arg, s->conf.name, s->ndays,
	      s->ndays == 1 ? "" : "s", days.buf ? days.buf : "none");
	strbuf_release(&days);
	return -1;
}

int filter_add_level(struct filter *f, const char *arg)
{
	int l = session_level_parse(arg);

	if (l < 0)
		return error(EX_USAGE, "--level '%s': expected beginner, intermediate or advanced "
			     "(초급, 중급, 고급)", arg);
	if (l != LEVEL_NONE)
		f->levels |= 1u << l;
	return 0;
}

int filter_add_type(struct filter *f, const char *arg)
{
	int t = session_type_parse(arg);

	if (t < 0)
		return error(EX_USAGE, "--type '%s': expected talk, keynote, lightning, tutorial, "
			     "workshop, panel, break, social or other", arg);
	f->types |= 1u << t;
	return 0;
}

/* Whether text s folds equal to `folded`; `pre` is s already folded (the snapshot's), or NULL. */
static bool fold_eq(const char *s, const char *pre, const char *folded)
{
	char *f;
	bool eq;

	if (!s)
		return false;
	if (pre)
		return !strcmp(pre, folded);
	f = text_fold(s);
	eq = !strcmp(f, folded);
	free(f);
	return eq;
}

/* Whether `folded` occurs in text s folded; `pre` as for fold_eq. */
static bool mentions(const char *s, const char *pre, const char *folded)
{
	if (!s)
		return false;
	if (pre)
		return strstr(pre, folded) != NULL;
	return text_contains_folded(s, folded);
}

/* The i-th entry of a folded list, or NULL when the session has no folded forms. */
static const char *nth(char *const *v, size_t i)
{
	return v ? v[i] : NULL;
}

bool session_has_tag(const struct session *se, const char *folded)
{
	for (size_t i = 0; i < se->tags.n; i++)
		if (fold_eq(se->tags.v[i], nth(se->fold.tags, i), folded))
			return true;
	return false;
}

bool session_has_label(const struct session *se, const char *folded)
{
	return fold_eq(se->track, se->fold.track, folded) || session_has_tag(se, folded);
}

bool session_has_speaker(const struct session *se, const char *folded)
{
	for (size_t i = 0; i < se->speakers.n; i++)
		if (mentions(se->speakers.v[i], nth(se->fold.speakers, i), folded))
			return true;
	return false;
}

bool session_mentions(const struct session *se, const char *folded)
{
	const struct session_fold *f = &se->fold;

	if (mentions(se->title, f->title, folded) || mentions(se->subtitle, f->subtitle, folded) ||
	    mentions(se->abstract, f->abstract, folded) ||
	    mentions(se->description, f->description, folded) ||
	    mentions(se->track, f->track, folded))
		return true;
	for (size_t i = 0; i < se->tags.n; i++)
		if (mentions(se->tags.v[i], nth(f->tags, i), folded))
			return true;
	return session_has_speaker(se, folded);
}

static bool any_label(const struct schedule *s, const char *folded)
{
	for (size_t i = 0; i < s->nsessions; i++)
		if (session_has_label(&s->sessions[i], folded))
			return true;
	return false;
}

/* Whether some session of s has q: 1, 0, or -1 with error() set (the topics unreadable). */
static int any_about(const struct schedule *s, const char *folded)
{
	struct query q;
	bool found = false;

	if (query_init(&q, folded) < 0)
		return -1;
	for (size_t i = 0; i < s->nsessions && !found; i++)
		found = session_about(&s->sessions[i], &q, NULL);
	query_release(&q);
	return found;
}

/* Best field first; each text folded once for all of the query's words. */
static void field_best(const char *text, const char *pre, const struct query *q, size_t *best)
{
	char *own = NULL;
	const char *h;

	if (!text)
		return;
	h = pre ? pre : (own = text_fold(text));
	for (size_t i = 0; i < q->nalt && i < *best; i++)
		if (query_alt_in(&q->alt[i], h)) {
			*best = i;
			break;
		}
	free(own);
}

bool session_about(const struct session *se, const struct query *q, struct query_match *m)
{
	const struct session_fold *f = &se->fold;

	for (int field = MATCH_TITLE; field < MATCH_NONE; field++) {
		size_t best = SIZE_MAX;

		switch (field) {
		case MATCH_TITLE: field_best(se->title, f->title, q, &best); break;
		case MATCH_SUBTITLE: field_best(se->subtitle, f->subtitle, q, &best); break;
		case MATCH_TRACK: field_best(se->track, f->track, q, &best); break;
		case MATCH_TAGS:
			for (size_t i = 0; i < se->tags.n; i++)
				field_best(se->tags.v[i], nth(f->tags, i), q, &best);
			break;
		case MATCH_ABSTRACT: field_best(se->abstract, f->abstract, q, &best); break;
		case MATCH_DESCRIPTION: field_best(se->description, f->description, q, &best); break;
		default:
			for (size_t i = 0; i < se->speakers.n; i++)
				field_best(se->speakers.v[i], nth(f->speakers, i), q, &best);
			break;
		}
		if (best != SIZE_MAX) {
			if (m) {
				m->field = (enum match_field)field;
				m->alt = best;
			}
			return true;
		}
	}
	return false;
}

const char *match_field_name(enum match_field f)
{
	static const char *const names[] = {
		"the title", "the subtitle", "the track", "the tags", "the abstract", "the description",
		"the speakers", "",
	};
	return (unsigned)f <= MATCH_NONE ? names[f] : "";
}

int match_field_rank(enum match_field f)
{
	return f <= MATCH_SUBTITLE ? 0 : f <= MATCH_TAGS ? 1 : 2;
}

/* "Did you mean" for a value the user typed that matches nothing: the names among names[0..n)
 * (in the order given: the likelier first) within a small edit distance of it, or containing it,
 * or contained in it — at most three, quoted, into out.  The one rule for every option that
 * names something in the timetable (--track, --tag, --lang, --level, --type, --room,
 * --speaker). */
void filter_suggest(char *const *names, size_t n, const char *folded, struct strbuf *out)
{
	size_t shown = 0, limit = strlen(folded) / 3 + 2, best = SIZE_MAX;
	size_t *d = xmalloc((n ? n : 1) * sizeof(*d));

	/* the candidates near enough, and the nearest of them: only those are shown */
	for (size_t i = 0; i < n; i++) {
		char *lf = text_fold(names[i]);

		d[i] = SIZE_MAX;
		if (*lf) {
			size_t dist = text_distance(lf, folded);

			if (dist <= limit || strstr(lf, folded) || strstr(folded, lf))
				d[i] = dist;
			if (d[i] < best)
				best = d[i];
		}
		free(lf);
	}
	for (size_t i = 0; i < n && shown < 3 && best != SIZE_MAX; i++)
		if (d[i] == best) {
			strbuf_addf(out, "%s'%s'", shown ? ", " : "", names[i]);
			shown++;
		}
	free(d);
}

/* The tracks and tags of s, then the topics near `folded` that some session of s is about (a
 * misspelt "asyncoi" gets "asyncio"), as filter_suggest() chooses among them. */
static void suggest(const struct schedule *s, const char *folded, struct strbuf *out)
{
	size_t n;
	struct label_count *labels = schedule_labels(s, &n);
	struct strlist topics, near;
	char **names;

	strlist_init(&topics);
	strlist_init(&near);
	if (topics_names(&topics) < 0)
		error_clear();	/* no topics to offer: the tracks and tags still are */
	for (size_t i = 0; i < topics.n; i++) {
		const char *t = topics.v[i];
		bool label = false;

		/* a typo's distance, or a part: topics are many, and only near ones help */
		if (!strcmp(t, folded) || (text_distance(t, folded) > 2 && !strstr(t, folded) &&
					   !strstr(folded, t)))
			continue;
		/* a track or tag of that name is offered as such */
		for (size_t k = 0; k < n && !label; k++) {
			char *lf = text_fold(labels[k].name);

			label = !strcmp(lf, t);
			free(lf);
		}
		if (!label && any_about(s, t) > 0)
			strlist_push(&near, t);
	}
	names = xmalloc((n + near.n + 1) * sizeof(*names));
	for (size_t i = 0; i < n; i++)
		names[i] = labels[i].name;
	for (size_t i = 0; i < near.n; i++)
		names[n + i] = near.v[i];
	filter_suggest(names, n + near.n, folded, out);
	free(names);
	strlist_release(&near);
	strlist_release(&topics);
	label_counts_free(labels, n);
}

int label_resolve(const struct schedule *s, const char *folded)
{
	struct strbuf sb;

	int r;

	if (any_label(s, folded))
		return 1;
	if ((r = any_about(s, folded)) != 0)
		return r < 0 ? -1 : 0;
	strbuf_init(&sb);
	suggest(s, folded, &sb);
	error(EX_DATAERR, "no track, tag or session matches '%s'%s%s%s", folded,
	      sb.len ? " (did you mean " : "; see 'planner tracks'", sb.len ? sb.buf : "",
	      sb.len ? "?)" : "");
	strbuf_release(&sb);
	return -1;
}

const char *schedule_nearest_session(const struct schedule *s, const char *id)
{
	struct text_suggest sg;

	text_suggest_init(&sg, id, 2);
	for (size_t i = 0; i < s->nsessions; i++)
		text_suggest_offer(&sg, s->sessions[i].id);
	return text_suggest_best(&sg);
}

/* The words of l as queries with their topics, into *out and *n (those made before freed). */
static int queries_remake(const struct strlist *l, struct query **out, size_t *n)
{
	queries_free(*out, *n);
	*n = 0;
	if (queries_make(l, out) < 0)
		return -1;
	*n = l->n;
	return 0;
}

int filter_resolve(struct filter *f, const struct schedule *s)
{
	struct strlist kept;

	strlist_init(&kept);
	for (size_t i = 0; i < f->tracks.n; i++) {
		int r = label_resolve(s, f->tracks.v[i]);

		if (r < 0) {
			strlist_release(&kept);
			return -1;
		}
		strlist_push(r ? &kept : &f->track_fallbacks, f->tracks.v[i]);
	}
	strlist_release(&f->tracks);
	f->tracks = kept;
	return queries_remake(&f->search, &f->search_q, &f->nsearch_q) < 0 ||
	       queries_remake(&f->track_fallbacks, &f->fallback_q, &f->nfallback_q) < 0 ? -1 : 0;
}

static bool room_matches(const struct schedule *s, const struct session *se, const char *folded)
{
	for (size_t i = 0; i < se->nrooms; i++) {
		const struct room *r = &s->rooms[se->rooms[i]];
		if (fold_eq(r->id, r->fold_id, folded) || mentions(r->name, r->fold_name, folded))
			return true;
	}
	return false;
}

/* Whether the folded language code lf is `folded` or a variant of it ("en" for "en-gb" and
 * "en_us"): folded's bytes compared in place, as a prefix (a code is a few bytes: no calls). */
static bool lang_eq(const char *lf, const char *folded)
{
	size_t n = 0;

	while (folded[n] && lf[n] == folded[n])
		n++;
	return !folded[n] && (lf[n] == '\0' || lf[n] == '-' || lf[n] == '_');
}

/* True if language code `lang` folded is `folded` or a variant of it. */
static bool session_lang_matches(const char *lang, const char *folded)
{
	char *lf;
	bool m;

	if (!lang)
		return false;
	lf = text_fold(lang);
	m = lang_eq(lf, folded);
	free(lf);
	return m;
}

bool session_speaks(const struct session *se, const char *folded)
{
	if (se->fold.language)
		return lang_eq(se->fold.language, folded);
	return session_lang_matches(se->language, folded);
}

/* Adds name to l once (names as the timetable writes them). */
static void add_name(struct strlist *l, const char *name)
{
	if (name && *name && strlist_find(l, name) < 0)
		strlist_push(l, name);
}

/* filter_value_check of a --search or --keyword value: some session must have it or a word of
 * its topic; else the closest tracks and tags are suggested. */
static int text_value_check(const struct schedule *s, const char *label, const char *typed)
{
	struct query q;
	struct strbuf sb;
	char *folded = text_fold(typed);
	bool found = false;

	if (query_init(&q, folded) < 0) {
		free(folded);
		return -1;
	}
	for (size_t i = 0; i < s->nsessions && !found; i++)
		found = session_about(&s->sessions[i], &q, NULL);
	if (!found) {
		strbuf_init(&sb);
		suggest(s, folded, &sb);
		error(EX_DATAERR, "%s '%s': no session in %s mentions it%s%s%s%s", label, typed,
		      s->conf.name, q.topical ? " or another word of its topic" : "",
		      sb.len ? " (did you mean " : "; see 'planner tracks'", sb.len ? sb.buf : "",
		      sb.len ? "?)" : "");
		strbuf_release(&sb);
	}
	query_release(&q);
	free(folded);
	return found ? 0 : -1;
}

int filter_value_check(const struct schedule *s, const char *option, const char *typed)
{
	char *label = xasprintf("--%s", option);
	int ret = filter_value_check_as(s, option, typed, label);

	free(label);
	return ret;
}

int filter_value_check_as(const struct schedule *s, const char *option, const char *typed,
			  const char *label)
{
	static const char *const kinds[] = { "tag", "lang", "level", "type", "room", "speaker",
					     "search", "keyword" };
	struct strlist names;
	struct strbuf sb;
	char *folded;
	const char *what = NULL, *see = "planner list";
	int kind = -1, parsed = -1;
	bool found = false;

	for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++)
		if (!strcmp(option, kinds[k]))
			kind = (int)k;
	if (kind < 0)
		return 0;	/* not a value that names something in the timetable */
	{
		bool timed = false;

		for (size_t i = 0; i < s->nsessions && !timed; i++)
			timed = s->sessions[i].has_time;
		if (!timed)
			return 0;	/* nothing can be listed or planned anyway: the commands say why */
	}
	if (kind == 2 && ((parsed = session_level_parse(typed)) < 0 || parsed == LEVEL_NONE))
		return 0;	/* a bad level is the option's error; "all" matches everything */
	if (kind == 3 && (parsed = session_type_parse(typed)) < 0)
		return 0;
	if (kind >= 6)
		return text_value_check(s, label, typed);
	folded = text_fold(typed);
	strlist_init(&names);
	for (size_t i = 0; i < s->nsessions && !found; i++) {
		const struct session *se = &s->sessions[i];

		switch (kind) {
		case 0:
			found = session_has_tag(se, folded);
			for (size_t t = 0; t < se->tags.n; t++)
				add_name(&names, se->tags.v[t]);
			break;
		case 1:
			found = session_speaks(se, folded);
			add_name(&names, se->language);
			break;
		case 2:
			found = (int)se->level == parsed;
			if (se->level != LEVEL_NONE)
				add_name(&names, session_level_name(se->level));
			break;
		case 3:
			found = (int)se->type == parsed;
			add_name(&names, session_type_name(se->type));
			break;
		case 4:
			found = room_matches(s, se, folded);
			break;
		default:
			found = session_has_speaker(se, folded);
			for (size_t t = 0; t < se->speakers.n; t++)
				add_name(&names, se->speakers.v[t]);
			break;
		}
	}
	if (found) {
		strlist_release(&names);
		free(folded);
		return 0;
	}
	if (kind == 4)
		for (size_t r = 0; r < s->nrooms; r++)
			add_name(&names, s->rooms[r].name);
	switch (kind) {
	case 0: what = "has this tag"; see = "planner tracks"; break;
	case 1: what = "is in this language"; break;
	case 2: what = "is of this level"; break;
	case 3: what = "is of this type"; break;
	case 4: what = "is in a room of that name"; see = "planner rooms"; break;
	default: what = "has a speaker of that name"; break;
	}
	strbuf_init(&sb);
	if (kind == 2 || kind == 3) {
		/* few values: all those the timetable has */
		for (size_t i = 0; i < names.n && i < 10; i++)
			strbuf_addf(&sb, "%s'%s'", i ? ", " : "", names.v[i]);
	} else {
		filter_suggest(names.v, names.n, folded, &sb);
	}
	if (!sb.len)
		error(EX_DATAERR, "%s '%s': no session in %s %s; see '%s'", label, typed,
		      s->conf.name, what, see);
	else
		error(EX_DATAERR, "%s '%s': no session in %s %s (%s%s%s)", label, typed, s->conf.name,
		      what, kind == 2 || kind == 3 ? "it has " : "did you mean ", sb.buf,
		      kind == 2 || kind == 3 ? "" : "?");
	strbuf_release(&sb);
	strlist_release(&names);
	free(folded);
	return -1;
}

bool filter_match(const struct filter *f, const struct schedule *s, const struct session *se)
{
	bool ok;
	size_t i;

	if (f->day >= 0 && se->day != f->day)
		return false;
	if (f->levels && !(f->levels & (1u << se->level)))
		return false;
	if (f->types && !(f->types & (1u << se->type)))
		return false;
	if (f->tracks.n || f->track_fallbacks.n) {
		ok = false;
		for (i = 0; !ok && i < f->tracks.n; i++)
			ok = session_has_label(se, f->tracks.v[i]);
		for (i = 0; !ok && i < f->track_fallbacks.n; i++)
			ok = i < f->nfallback_q ? session_about(se, &f->fallback_q[i], NULL)
					   : session_mentions(se, f->track_fallbacks.v[i]);
		if (!ok)
			return false;
	}
	if (f->tags.n) {
		ok = false;
		for (i = 0; !ok && i < f->tags.n; i++)
			ok = session_has_tag(se, f->tags.v[i]);
		if (!ok)
			return false;
	}
	if (f->rooms.n) {
		ok = false;
		for (i = 0; !ok && i < f->rooms.n; i++)
			ok = room_matches(s, se, f->rooms.v[i]);
		if (!ok)
			return false;
	}
	if (f->langs.n) {
		ok = false;
		for (i = 0; !ok && i < f->langs.n; i++)
			ok = session_speaks(se, f->langs.v[i]);
		if (!ok)
			return false;
	}
	if (f->speakers.n) {
		ok = false;
		for (i = 0; !ok && i < f->speakers.n; i++)
			ok = session_has_speaker(se, f->speakers.v[i]);
		if (!ok)
			return false;
	}
	for (i = 0; i < f->search.n; i++)
		if (i < f->nsearch_q ? !session_about(se, &f->search_q[i], NULL)
				: !session_mentions(se, f->search.v[i]))
			return false;
	return true;
}

static int cmp_label(const void *pa, const void *pb)
{
	const struct label_count *a = pa, *b = pb;

	if (a->is_track != b->is_track)
		return a->is_track ? -1 : 1;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return strcmp(a->name, b->name);
}

static void count_label(struct label_count **v, size_t *n, size_t *alloc, const char *name,
			bool is_track)
{
	for (size_t i = 0; i < *n; i++)
		if ((*v)[i].is_track == is_track && !strcmp((*v)[i].name, name)) {
			(*v)[i].count++;
			return;
		}
	*v = xgrow(*v, *n + 1, alloc, sizeof(**v));
	(*v)[*n].name = xstrdup(name);
	(*v)[*n].is_track = is_track;
	(*v)[*n].count = 1;
	(*n)++;
}

struct label_count *schedule_labels(const struct schedule *s, size_t *n)
{
	struct label_count *v = NULL;
	size_t alloc = 0;

	*n = 0;
	for (size_t i = 0; i < s->nsessions; i++) {
		const struct session *se = &s->sessions[i];
		if (se->track)
			count_label(&v, n, &alloc, se->track, true);
		for (size_t j = 0; j < se->tags.n; j++)
			count_label(&v, n, &alloc, se->tags.v[j], false);
	}
	if (*n)
		qsort(v, *n, sizeof(*v), cmp_label);
	return v;
}

void label_counts_free(struct label_count *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}
