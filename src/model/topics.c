/* topics.c: the topic list (topics.h) — its line format, the loaded table, and the words a query
 * word stands for. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "topics.h"
#include "util.h"

/* A word longer than this is a mistake, not a word. */
#define WORD_MAX 100

void topics_init(struct topics *t)
{
	memset(t, 0, sizeof(*t));
}

void topics_release(struct topics *t)
{
	for (size_t i = 0; i < t->n; i++) {
		strlist_release(&t->v[i].words);
		strlist_release(&t->v[i].folded);
	}
	free(t->v);
	topics_init(t);
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* s[0..*len) without the blanks around it. */
static const char *trim(const char *s, size_t *len)
{
	while (*len && is_blank(*s)) {
		s++;
		(*len)--;
	}
	while (*len && is_blank(s[*len - 1]))
		(*len)--;
	return s;
}

/* Checks line s[0..len) of a NUL-terminated text (so that text_control_at may look ahead) without
 * folding or copying: 0, or -1 with *why set.  topics_add_line accepts what this accepts.  *plain
 * (unless plain is NULL) then says whether the line is text_plain(). */
static int line_check(const char *s, size_t len, char **why, bool *plain)
{
	const char *colon, *p, *end;
	size_t n = 0;
	bool is_plain;

	if (memchr(s, '\0', len)) {
		*why = xstrdup("a NUL byte");
		return -1;
	}
	if (!(colon = memchr(s, ':', len))) {
		*why = xstrdup("expected \"NAME: WORD, WORD, ...\"");
		return -1;
	}
	if (plain)
		*plain = false;
	if ((is_plain = text_plain(s, len))) {
		/* English and Korean: only ASCII controls are possible */
		if (text_has_ascii_control(s, len)) {
			*why = xstrdup("a control character");
			return -1;
		}
		p = s + len;
	} else {
		size_t bad;

		if (!text_valid_utf8(s, len, &bad)) {
			*why = xstrdup("not valid UTF-8");
			return -1;
		}
		p = s;
	}
	while (p < s + len) {
		size_t clen;

		if ((unsigned char)*p < 0x80 ? (unsigned char)*p < 0x20 || *p == 0x7f
					     : text_control_at(p, &clen) >= 0) {
			*why = xstrdup("a control character");
			return -1;
		}
		p++;
		while (p < s + len && ((unsigned char)*p & 0xC0) == 0x80)
			p++;
	}
	for (p = s, end = colon;; n++) {
		size_t wlen = (size_t)(end - p);
		char what[32] = "the topic's name";

		trim(p, &wlen);
		if (!wlen || wlen > WORD_MAX) {
			if (n)
				snprintf(what, sizeof(what), "word %zu", n);
			if (!wlen)
				*why = xasprintf("%s is empty (expected \"NAME: WORD, WORD, ...\")", what);
			else
				*why = xasprintf("%s is longer than %d bytes", what, WORD_MAX);
			return -1;
		}
		if (end == s + len) {
			if (plain)
				*plain = is_plain;
			return 0;
		}
		p = end + 1;
		end = memchr(p, ',', (size_t)(s + len - p));
		if (!end)
			end = s + len;
	}
}

/* The words of a line: the name, then the comma-separated words after the first ':', each
 * trimmed, as pointers into a copy whose separators are made NULs.  (Folding keeps ':', ',' and
 * the blanks as they are and makes none, so a line and its folded copy split alike.) */
struct words {
	char *buf;
	char **v;
	size_t n;
};

static void split(struct words *w, const char *line, size_t len)
{
	char *p, *end, *colon;

	w->buf = xstrndup(line, len);
	w->v = NULL;
	w->n = 0;
	end = w->buf + strlen(w->buf);
	colon = strchr(w->buf, ':');
	if (!colon)
		return;
	*colon = '\0';
	w->v = xmalloc((2 + (size_t)(end - colon)) * sizeof(*w->v));
	for (p = w->buf;;) {
		char *comma = w->n ? strchr(p, ',') : NULL, *e;
		size_t n;

		if (comma)
			*comma = '\0';
		n = strlen(p);
		e = (char *)trim(p, &n);
		e[n] = '\0';
		w->v[w->n++] = e;
		if (w->n == 1)
			p = colon + 1;
		else if (comma)
			p = comma + 1;
		else
			break;
	}
}

static void words_free(struct words *w)
{
	free(w->buf);
	free(w->v);
}

static void add_word(struct topic *tp, const char *word, const char *folded)
{
	if (*folded && strlist_find(&tp->folded, folded) < 0) {
		strlist_push(&tp->words, word);
		strlist_push(&tp->folded, folded);
	}
}

int topics_add_line(struct topics *t, const char *s, size_t len, char **why)
{
	struct words raw, low;
	struct topic *tp = NULL;
	char *line, *folded;
	int ret = -1;

	*why = NULL;
	s = trim(s, &len);
	line = xstrndup(s, len);	/* NUL-terminated, for line_check */
	if (line_check(line, len, why, NULL) < 0) {
		free(line);
		return -1;
	}
	folded = text_fold(line);
	split(&raw, line, len);
	split(&low, folded, strlen(folded));
	free(line);
	free(folded);
	/* cannot be (see split; folding empties no word): said rather than guessed */
	if (low.n != raw.n) {
		*why = xstrdup("a word that folds into a separator");
		goto out;
	}
	for (size_t i = 0; i < low.n; i++)
		if (!*low.v[i]) {
			*why = xstrdup("a word that folds to nothing");
			goto out;
		}
	for (size_t k = 0; k < t->n && !tp; k++)
		if (!strcmp(t->v[k].folded.v[0], low.v[0]))
			tp = &t->v[k];
	if (!tp) {
		t->v = xgrow(t->v, t->n + 1, &t->alloc, sizeof(*t->v));
		tp = &t->v[t->n++];
		strlist_init(&tp->words);
		strlist_init(&tp->folded);
	}
	for (size_t i = 0; i < raw.n; i++)
		add_word(tp, raw.v[i], low.v[i]);
	ret = 0;
out:
	words_free(&raw);
	words_free(&low);
	return ret;
}

void topic_lines_init(struct topic_lines *l)
{
	memset(l, 0, sizeof(*l));
}

void topic_lines_release(struct topic_lines *l)
{
	for (size_t i = 0; i < l->nbufs; i++)
		free(l->bufs[i]);
	free(l->bufs);
	free(l->v);
	topic_lines_init(l);
}

int topic_lines_add(struct topic_lines *l, const char *buf, size_t len, const char *name,
		    unsigned first_line, int status)
{
	size_t off = 0, n0 = l->n;
	unsigned line = first_line;
	char *copy;

	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		off = 3;
	copy = xmalloc(len + 1);
	memcpy(copy, buf, len);
	copy[len] = '\0';
	while (off < len) {
		const char *s = copy + off, *nl = memchr(s, '\n', len - off);
		size_t n = nl ? (size_t)(nl - s) : len - off, tn = n;
		const char *ts = trim(s, &tn);
		char *why = NULL;
		bool plain;

		if (tn && *ts != '#' && line_check(ts, tn, &why, &plain) == 0) {
			l->v = xgrow(l->v, l->n + 1, &l->alloc, sizeof(*l->v));
			l->v[l->n].s = ts;
			l->v[l->n].len = tn;
			l->v[l->n].plain = plain;
			l->n++;
		}
		if (why) {
			error(status, "%s:%u: %s", name, line, why);
			free(why);
			free(copy);
			l->n = n0;
			return -1;
		}
		off += n + (nl != NULL);
		line++;
	}
	/* the folded lines, for select_topics' search: one buffer, a NUL after each */
	{
		struct strbuf sb;
		size_t *at = xmalloc((l->n - n0 + 1) * sizeof(*at));

		strbuf_init(&sb);
		for (size_t i = n0; i < l->n; i++) {
			const struct topic_line *tl = &l->v[i];

			at[i - n0] = sb.len;
			if (tl->plain) {
				size_t from = sb.len;

				strbuf_add(&sb, tl->s, tl->len);
				text_ascii_lower(sb.buf + from, tl->len);
			} else {
				char *raw = xstrndup(tl->s, tl->len), *f = text_fold(raw);

				strbuf_adds(&sb, f);
				free(raw);
				free(f);
			}
			strbuf_addc(&sb, '\0');
		}
		l->bufs = xrealloc(l->bufs, (l->nbufs + 2) * sizeof(*l->bufs));
		l->bufs[l->nbufs++] = copy;
		if (sb.len) {
			char *folded = strbuf_detach(&sb);

			for (size_t i = n0; i < l->n; i++)
				l->v[i].folded = folded + at[i - n0];
			l->bufs[l->nbufs++] = folded;
		}
		strbuf_release(&sb);
		free(at);
	}
	return 0;
}

int topics_parse(struct topics *t, const char *buf, size_t len, const char *name)
{
	struct topic_lines l;
	int ret;

	topic_lines_init(&l);
	ret = topic_lines_add(&l, buf, len, name, 1, EX_DATAERR);
	for (size_t i = 0; ret == 0 && i < l.n; i++) {
		char *why = NULL;

		if (topics_add_line(t, l.v[i].s, l.v[i].len, &why) < 0) {
			/* line_check accepted it: cannot be, but said if it is */
			ret = error(EX_DATAERR, "%s: %s", name, why);
			free(why);
		}
	}
	topic_lines_release(&l);
	return ret;
}

static int (*loader)(struct topic_lines *l);
static struct topic_lines table;
static int table_state;	/* 0 not loaded, 1 loaded */

/* The topics of the words looked up last (a command looks a word up more than once: its value
 * check, then its resolution). */
#define MEMO 8
static struct memo {
	char *word;
	struct topics t;
} memo[MEMO];
static size_t memo_next;

static void memo_clear(void)
{
	for (size_t i = 0; i < MEMO; i++) {
		free(memo[i].word);
		topics_release(&memo[i].t);
		memo[i].word = NULL;
	}
	memo_next = 0;
}

static void table_free(void)
{
	topic_lines_release(&table);
	memo_clear();
}

void topics_set_loader(int (*load)(struct topic_lines *l))
{
	loader = load;
	if (table_state) {
		topic_lines_release(&table);
		table_state = 0;
	}
	memo_clear();
}

/* The loaded lines (kept to the end); NULL with error() set when loading failed. */
static const struct topic_lines *lines_get(void)
{
	static bool registered;

	if (table_state)
		return &table;
	topic_lines_init(&table);
	if (loader && loader(&table) < 0) {
		topic_lines_release(&table);
		return NULL;	/* tried again next time: the same error */
	}
	if (!registered) {
		atexit(table_free);
		registered = true;
	}
	table_state = 1;
	return &table;
}

/* The number of words split() makes of s[0..len): the name and the words after the first ':'
 * (0 without one). */
static size_t nwords(const char *s, size_t len)
{
	const char *colon = memchr(s, ':', len);
	size_t n = 1;

	if (!colon)
		return 0;
	for (const char *p = colon + 1; p < s + len; p++)
		n += *p == ',';
	return n;
}

/* Line tl (checked when added) as topics_add_line would read it, from its folded copy without
 * folding or copying anything: its name (folded, trimmed, not NUL-terminated) into *name and
 * *nlen, and whether `word` is one of its other words into *member.  False when topics_add_line
 * would refuse the line (a word that folds to nothing, or into a separator). */
static bool line_words(const struct topic_line *tl, const char *word, const char **name,
		       size_t *nlen, bool *member)
{
	const char *f = tl->folded, *colon = strchr(f, ':');
	size_t wlen = strlen(word);

	if (!colon || nwords(tl->s, tl->len) != nwords(f, strlen(f)))
		return false;
	*nlen = (size_t)(colon - f);
	*name = trim(f, nlen);
	if (!*nlen)
		return false;
	*member = false;
	for (const char *p = colon + 1;;) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		const char *w = trim(p, &n);

		if (!n)
			return false;
		*member |= n == wlen && !memcmp(w, word, n);
		if (!comma)
			return true;
		p = comma + 1;
	}
}

/* Whether name[0..len) is one of l's. */
static bool among(const struct strlist *l, const char *name, size_t len)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strncmp(l->v[i], name, len) && !l->v[i][len])
			return true;
	return false;
}

/* The topics word `folded` stands for, parsed from l into t (freshly initialized) in the order of
 * l: only the lines that may matter are parsed, and only those of the topics into t.  A line that
 * mentions the word is a candidate; the names of the candidates the word names, or else is a word
 * of, are the topics; every line of those names is parsed. */
static void select_topics(const struct topic_lines *l, const char *folded, struct topics *t)
{
	struct strlist named, member, *sel;
	size_t flen = strlen(folded);

	strlist_init(&named);
	strlist_init(&member);
	for (size_t i = 0; i < l->n; i++) {
		const char *name;
		size_t nlen;
		bool is_word;

		if (!strstr(l->v[i].folded, folded) ||
		    !line_words(&l->v[i], folded, &name, &nlen, &is_word))
			continue;
		if (nlen == flen && !memcmp(name, folded, nlen)) {
			if (!among(&named, name, nlen))
				strlist_push(&named, folded);
		} else if (is_word && !among(&member, name, nlen)) {
			char *copy = xstrndup(name, nlen);

			strlist_push(&member, copy);
			free(copy);
		}
	}
	sel = named.n ? &named : &member;
	for (size_t i = 0; sel->n && i < l->n; i++) {
		const char *name;
		size_t nlen;
		bool maybe = false, is_word;
		char *why = NULL;

		for (size_t k = 0; k < sel->n && !maybe; k++)
			maybe = strstr(l->v[i].folded, sel->v[k]) != NULL;
		if (!maybe || !line_words(&l->v[i], "", &name, &nlen, &is_word) ||
		    !among(sel, name, nlen))
			continue;
		topics_add_line(t, l->v[i].s, l->v[i].len, &why);
		free(why);
	}
	strlist_release(&named);
	strlist_release(&member);
}

int topics_names(struct strlist *out)
{
	const struct topic_lines *l = lines_get();

	if (!l)
		return -1;
	for (size_t i = 0; i < l->n; i++) {
		const char *f = l->v[i].folded, *colon = strchr(f, ':');
		size_t len = colon ? (size_t)(colon - f) : 0;
		char *name;

		f = trim(f, &len);
		if (!len)
			continue;
		name = xstrndup(f, len);
		if (strlist_find(out, name) < 0)
			strlist_push(out, name);
		free(name);
	}
	return 0;
}

static bool ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The rules of a topic word w (folded): see topics.h. */
static void set_rules(struct query_alt *a)
{
	const char *w = a->folded;
	size_t n = strlen(w);
	bool ascii = true;

	for (size_t i = 0; i < n; i++)
		ascii &= !((unsigned char)w[i] & 0x80);
	a->start = ascii_alnum((unsigned char)w[0]);
	a->whole = ascii && n <= 3;
}

static void add_alt(struct query *q, const char *folded, const char *shown)
{
	for (size_t i = 0; i < q->nalt; i++)
		if (!strcmp(q->alt[i].folded, folded))
			return;
	q->alt = xrealloc(q->alt, (q->nalt + 1) * sizeof(*q->alt));
	q->alt[q->nalt].folded = xstrdup(folded);
	q->alt[q->nalt].len = strlen(folded);
	q->alt[q->nalt].shown = xstrdup(shown);
	q->alt[q->nalt].start = q->alt[q->nalt].whole = false;
	q->nalt++;
}

void query_init_plain(struct query *q, const char *folded)
{
	memset(q, 0, sizeof(*q));
	q->word = xstrdup(folded);
	add_alt(q, folded, folded);
}

int query_init(struct query *q, const char *folded)
{
	const struct topic_lines *l;
	const struct topics *t = NULL;

	query_init_plain(q, folded);
	if (!*folded)
		return 0;	/* no word, no topic */
	if (!(l = lines_get())) {
		query_release(q);
		return -1;
	}
	for (size_t i = 0; i < MEMO && !t; i++)
		if (memo[i].word && !strcmp(memo[i].word, folded))
			t = &memo[i].t;
	if (!t) {
		struct memo *m = &memo[memo_next++ % MEMO];

		free(m->word);
		topics_release(&m->t);
		m->word = xstrdup(folded);
		select_topics(l, folded, &m->t);
		t = &m->t;
	}
	for (size_t k = 0; k < t->n; k++) {
		q->topical = true;
		for (size_t i = 0; i < t->v[k].words.n; i++)
			add_alt(q, t->v[k].folded.v[i], t->v[k].words.v[i]);
	}
	if (q->topical)
		for (size_t i = 0; i < q->nalt; i++)
			set_rules(&q->alt[i]);
	return 0;
}

void query_release(struct query *q)
{
	for (size_t i = 0; i < q->nalt; i++) {
		free(q->alt[i].folded);
		free(q->alt[i].shown);
	}
	free(q->alt);
	free(q->word);
	memset(q, 0, sizeof(*q));
}

int queries_make(const struct strlist *words, struct query **out)
{
	struct query *q;

	*out = NULL;
	if (!words->n)
		return 0;
	q = xcalloc(words->n, sizeof(*q));
	for (size_t i = 0; i < words->n; i++)
		if (query_init(&q[i], words->v[i]) < 0) {
			queries_free(q, i);
			return -1;
		}
	*out = q;
	return 0;
}

void queries_free(struct query *q, size_t n)
{
	for (size_t i = 0; q && i < n; i++)
		query_release(&q[i]);
	free(q);
}

bool query_alt_in(const struct query_alt *a, const char *hay)
{
	size_t n = a->len;

	if (!n)
		return true;	/* as strstr: the empty word is everywhere */
	if (!a->start && !a->whole)
		return strstr(hay, a->folded) != NULL;	/* anywhere: the first place will do */
	for (const char *p = hay; (p = strstr(p, a->folded)); p++) {
		const unsigned char *e = (const unsigned char *)p + n;

		if (a->start && p > hay && ascii_alnum((unsigned char)p[-1]))
			continue;
		if (a->whole) {
			if (*e == 's')
				e++;
			if (ascii_alnum(*e))
				continue;
		}
		return true;
	}
	return false;
}
