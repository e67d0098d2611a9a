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

/* Checks one word w[0..n): 0, or -1 with *why set.  `what` names it ("the name", "word 2"). */
static int check_word(const char *w, size_t n, const char *what, char **why)
{
	size_t bad;
	char *copy;

	if (!n) {
		*why = xasprintf("%s is empty (expected \"NAME: WORD, WORD, ...\")", what);
		return -1;
	}
	if (n > WORD_MAX) {
		*why = xasprintf("%s is longer than %d bytes", what, WORD_MAX);
		return -1;
	}
	if (!text_valid_utf8(w, n, &bad)) {
		*why = xasprintf("%s is not valid UTF-8", what);
		return -1;
	}
	copy = xstrndup(w, n);
	for (const char *p = copy; *p;) {
		size_t clen;

		if (text_control_at(p, &clen) >= 0) {
			free(copy);
			*why = xasprintf("%s has a control character", what);
			return -1;
		}
		p++;
		while (((unsigned char)*p & 0xC0) == 0x80)
			p++;
	}
	free(copy);
	return 0;
}

/* Calls fn for each comma-separated word of s[0..len), trimmed; stops at the first nonzero. */
static int each_word(const char *s, size_t len, int (*fn)(const char *w, size_t n, int i, void *arg),
		     void *arg)
{
	const char *p = s, *end = s + len;
	int i = 0, r = 0;

	for (;;) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		size_t n = (size_t)((comma ? comma : end) - p);
		const char *w = trim(p, &n);

		if ((r = fn(w, n, i++, arg)) != 0 || !comma)
			return r;
		p = comma + 1;
	}
}

static int check_one(const char *w, size_t n, int i, void *arg)
{
	char what[32];

	snprintf(what, sizeof(what), "word %d", i + 1);
	return check_word(w, n, what, arg);
}

static void add_word(struct topic *tp, const char *w, size_t n)
{
	char *word = xstrndup(w, n), *folded = text_fold(word);

	if (*folded && strlist_find(&tp->folded, folded) < 0) {
		strlist_push(&tp->words, word);
		strlist_push(&tp->folded, folded);
	}
	free(word);
	free(folded);
}

static int add_one(const char *w, size_t n, int i, void *arg)
{
	(void)i;
	add_word(arg, w, n);
	return 0;
}

int topics_add_line(struct topics *t, const char *s, size_t len, char **why)
{
	const char *colon, *name;
	size_t nlen;
	struct topic *tp = NULL;
	char *raw, *folded;

	*why = NULL;
	s = trim(s, &len);
	colon = memchr(s, ':', len);
	if (!colon) {
		*why = xstrdup("expected \"NAME: WORD, WORD, ...\"");
		return -1;
	}
	nlen = (size_t)(colon - s);
	name = trim(s, &nlen);
	/* every word is checked before anything is added: a bad line changes nothing */
	if (check_word(name, nlen, "the topic's name", why) < 0 ||
	    each_word(colon + 1, len - (size_t)(colon + 1 - s), check_one, why) < 0)
		return -1;
	raw = xstrndup(name, nlen);
	folded = text_fold(raw);
	free(raw);
	if (!*folded) {
		free(folded);
		*why = xstrdup("the topic's name is empty");
		return -1;
	}
	for (size_t k = 0; k < t->n && !tp; k++)
		if (!strcmp(t->v[k].folded.v[0], folded))
			tp = &t->v[k];
	free(folded);
	if (!tp) {
		t->v = xgrow(t->v, t->n + 1, &t->alloc, sizeof(*t->v));
		tp = &t->v[t->n++];
		strlist_init(&tp->words);
		strlist_init(&tp->folded);
		add_word(tp, name, nlen);
	}
	each_word(colon + 1, len - (size_t)(colon + 1 - s), add_one, tp);
	return 0;
}

int topics_parse(struct topics *t, const char *buf, size_t len, const char *name)
{
	size_t off = 0;
	unsigned line = 1;

	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		off = 3;
	while (off < len) {
		const char *s = buf + off, *nl = memchr(s, '\n', len - off);
		size_t n = nl ? (size_t)(nl - s) : len - off, tn = n;
		const char *ts = trim(s, &tn);
		char *why = NULL;

		if (memchr(s, '\0', n))
			why = xstrdup("a NUL byte");
		else if (tn && *ts != '#')
			topics_add_line(t, s, n, &why);
		if (why) {
			error(EX_DATAERR, "%s:%u: %s", name, line, why);
			free(why);
			return -1;
		}
		off += n + (nl != NULL);
		line++;
	}
	return 0;
}

static int (*loader)(struct topics *t);
static struct topics table;
static int table_state;	/* 0 not loaded, 1 loaded */

static void table_free(void)
{
	topics_release(&table);
}

void topics_set_loader(int (*load)(struct topics *t))
{
	loader = load;
	if (table_state) {
		topics_release(&table);
		table_state = 0;
	}
}

const struct topics *topics_get(void)
{
	static bool registered;

	if (table_state)
		return &table;
	topics_init(&table);
	if (loader && loader(&table) < 0) {
		topics_release(&table);
		return NULL;	/* tried again next time: the same error */
	}
	if (!registered) {
		atexit(table_free);
		registered = true;
	}
	table_state = 1;
	return &table;
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
	const struct topics *t;
	bool named = false;

	query_init_plain(q, folded);
	if (!(t = topics_get())) {
		query_release(q);
		return -1;
	}
	for (size_t k = 0; k < t->n && !named; k++)
		named = !strcmp(t->v[k].folded.v[0], folded);
	for (size_t k = 0; k < t->n; k++) {
		const struct topic *tp = &t->v[k];

		if (named ? strcmp(tp->folded.v[0], folded) : strlist_find(&tp->folded, folded) < 0)
			continue;
		q->topical = true;
		for (size_t i = 0; i < tp->words.n; i++)
			add_alt(q, tp->folded.v[i], tp->words.v[i]);
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

bool query_alt_in(const struct query_alt *a, const char *hay)
{
	size_t n = strlen(a->folded);

	if (!n)
		return false;
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
