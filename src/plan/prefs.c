/* prefs.c: preferences → points per session, with the reasons that earned them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "prefs.h"
#include "text.h"
#include "topics.h"
#include "util.h"

/* Frees the queries *q made for n words; *q is NULL after. */
static void drop_queries(struct query **q, size_t n)
{
	queries_free(*q, n);
	*q = NULL;
}

static const char *const kind_names[PREF_KIND_COUNT] = {
	"track", "tag", "keyword", "speaker", "level", "lang", "type", "keynote", "unrecorded",
};

static const int default_weight[PREF_KIND_COUNT] = {
	300, 300, 200, 400, 100, 100, 100, 500, 200,
};

const char *pref_kind_name(enum pref_kind k)
{
	return (unsigned)k < PREF_KIND_COUNT ? kind_names[k] : "";
}

int pref_kind_parse(const char *name)
{
	for (int k = 0; k < PREF_KIND_COUNT; k++)
		if (!strcmp(name, kind_names[k]))
			return k;
	if (!strcmp(name, "language"))
		return PREF_LANG;
	return -1;
}

void prefs_init(struct prefs *p)
{
	memset(p, 0, sizeof(*p));
	for (int k = 0; k < PREF_KIND_COUNT; k++)
		p->weight[k] = default_weight[k];
	p->keynotes = true;
}

void prefs_release(struct prefs *p)
{
	drop_queries(&p->keyword_q, p->folded[PREF_KEYWORD].n);
	drop_queries(&p->fallback_q, p->track_fallbacks.n);
	for (int k = 0; k < PREF_KIND_COUNT; k++) {
		strlist_release(&p->values[k]);
		strlist_release(&p->folded[k]);
	}
	strlist_release(&p->track_fallbacks);
	prefs_init(p);
}

int prefs_add(struct prefs *p, enum pref_kind k, const char *value)
{
	char *folded;

	if (k == PREF_LEVEL) {
		int l = session_level_parse(value);
		if (l < 0)
			return error(EX_USAGE, "--level '%s': expected beginner, intermediate or advanced "
				     "(초급, 중급, 고급)", value);
		p->levels |= 1u << l;
	} else if (k == PREF_TYPE) {
		int t = session_type_parse(value);
		if (t < 0)
			return error(EX_USAGE, "--type '%s': expected talk, keynote, lightning, tutorial, "
				     "workshop, panel, break, social or other", value);
		p->types |= 1u << t;
	}
	if (k == PREF_KEYWORD)	/* the queries no longer match the words: made again by resolve */
		drop_queries(&p->keyword_q, p->folded[PREF_KEYWORD].n);
	strlist_push(&p->values[k], value);
	folded = text_fold(value);
	strlist_push(&p->folded[k], folded);
	free(folded);
	return 0;
}

int prefs_set_weight(struct prefs *p, const char *arg)
{
	const char *eq = strchr(arg, '=');
	char *name, *end;
	double v;
	int k;

	if (!eq)
		return error_option(EX_USAGE, "weight", arg, "expected KIND=NUMBER, e.g. track=3");
	name = xstrndup(arg, (size_t)(eq - arg));
	k = pref_kind_parse(name);
	free(name);
	if (k < 0)
		return error_option(EX_USAGE, "weight", arg, "unknown kind (known: track, tag, keyword, "
				    "speaker, level, lang, type, keynote, unrecorded)");
	v = strtod(eq + 1, &end);
	if (end == eq + 1 || *end || !(v >= 0 && v <= 1000))
		return error_option(EX_USAGE, "weight", arg, "expected a number from 0 to 1000");
	p->weight[k] = (int)(v * 100 + 0.5);
	return 0;
}

int prefs_resolve(struct prefs *p, const struct schedule *s, size_t *failed)
{
	struct strlist kept;

	drop_queries(&p->keyword_q, p->folded[PREF_KEYWORD].n);
	drop_queries(&p->fallback_q, p->track_fallbacks.n);
	strlist_release(&p->track_fallbacks);
	strlist_init(&kept);
	for (size_t i = 0; i < p->folded[PREF_TRACK].n; i++) {
		const char *t = p->folded[PREF_TRACK].v[i];
		int r = label_resolve(s, t);

		if (r < 0) {
			strlist_release(&kept);
			if (failed)
				*failed = i;
			return -1;
		}
		strlist_push(r ? &kept : &p->track_fallbacks, t);
	}
	strlist_release(&p->folded[PREF_TRACK]);
	p->folded[PREF_TRACK] = kept;
	if (queries_make(&p->folded[PREF_KEYWORD], &p->keyword_q) < 0)
		return -1;
	return queries_make(&p->track_fallbacks, &p->fallback_q);
}

static void reason(struct strbuf *why, const char *kind, const char *value)
{
	if (!why)
		return;
	if (why->len)
		strbuf_adds(why, ", ");
	strbuf_adds(why, kind);
	if (value) {
		strbuf_addc(why, ' ');
		strbuf_adds(why, value);
	}
}

/* The best match of the query words `words` (their queries q, or NULL: each word alone) in se:
 * adds the keyword weight for its field to *pts and the reason to why.  Whether one matched. */
static bool about(const struct prefs *p, const struct strlist *words, const struct query *q,
		  const struct session *se, int64_t *pts, struct strbuf *why)
{
	struct query_match best = { MATCH_NONE, 0 }, m;
	const struct query *bq = NULL;
	struct query *plain = NULL;
	int w;

	if (!q) {
		plain = xcalloc(words->n, sizeof(*plain));
		for (size_t i = 0; i < words->n; i++)
			query_init_plain(&plain[i], words->v[i]);
		q = plain;
	}
	for (size_t i = 0; i < words->n; i++)
		if (session_about(se, &q[i], &m) && (!bq || match_field_rank(m.field) <
					      match_field_rank(best.field))) {
			best = m;
			bq = &q[i];
		}
	if (bq) {
		w = p->weight[PREF_KEYWORD];
		*pts += match_field_rank(best.field) == 0 ? w : match_field_rank(best.field) == 1 ?
			(w * 3 + 2) / 4 : (w + 1) / 2;
		if (why) {
			if (why->len)
				strbuf_adds(why, ", ");
			strbuf_adds(why, "about ");
			strbuf_adds(why, bq->word);
			if (best.alt) {
				strbuf_adds(why, ": ");
				strbuf_adds(why, bq->alt[best.alt].shown);
			}
			strbuf_adds(why, " in ");
			strbuf_adds(why, match_field_name(best.field));
		}
	}
	for (size_t i = 0; plain && i < words->n; i++)
		query_release(&plain[i]);
	free(plain);
	return bq != NULL;
}

int64_t prefs_score(const struct prefs *p, const struct session *se, struct strbuf *why)
{
	int64_t pts = 0;
	bool topics = false, topic_hit = false;
	size_t i;

	for (i = 0; i < p->folded[PREF_TRACK].n; i++)
		if (session_has_label(se, p->folded[PREF_TRACK].v[i])) {
			pts += p->weight[PREF_TRACK];
			reason(why, "track", p->folded[PREF_TRACK].v[i]);
			topic_hit = true;
			break;
		}
	if (p->track_fallbacks.n)
		/* a --track that named no track works as a keyword, at the keyword weight */
		topic_hit |= about(p, &p->track_fallbacks, p->fallback_q, se, &pts, why);
	for (i = 0; i < p->folded[PREF_TAG].n; i++)
		if (session_has_tag(se, p->folded[PREF_TAG].v[i])) {
			pts += p->weight[PREF_TAG];
			reason(why, "tag", p->folded[PREF_TAG].v[i]);
			topic_hit = true;
			break;
		}
	if (p->folded[PREF_KEYWORD].n)
		topic_hit |= about(p, &p->folded[PREF_KEYWORD], p->keyword_q, se, &pts, why);
	for (i = 0; i < p->folded[PREF_SPEAKER].n; i++)
		if (session_has_speaker(se, p->folded[PREF_SPEAKER].v[i])) {
			pts += p->weight[PREF_SPEAKER];
			reason(why, "speaker", p->folded[PREF_SPEAKER].v[i]);
			topic_hit = true;
			break;
		}
	for (int k = PREF_TRACK; k <= PREF_SPEAKER; k++)
		topics |= p->values[k].n > 0;

	if (!topics || topic_hit) {
		if (p->levels && (p->levels & (1u << se->level))) {
			pts += p->weight[PREF_LEVEL];
			reason(why, "level", session_level_name(se->level));
		}
		for (i = 0; i < p->folded[PREF_LANG].n; i++)
			if (session_speaks(se, p->folded[PREF_LANG].v[i])) {
				pts += p->weight[PREF_LANG];
				reason(why, "lang", se->language);
				break;
			}
		if (p->types && (p->types & (1u << se->type))) {
			pts += p->weight[PREF_TYPE];
			reason(why, "type", session_type_name(se->type));
		}
		if (p->unrecorded && se->do_not_record) {
			pts += p->weight[PREF_UNRECORDED];
			reason(why, "not recorded", NULL);
		}
	}
	if (p->keynotes && se->type == SESSION_KEYNOTE) {
		pts += p->weight[PREF_KEYNOTE];
		reason(why, "keynote", NULL);
	}
	return pts;
}
