/* jsonpos.c: walks raw JSON text along a path to report the line and column of a value. */
#include <string.h>

#include "jsonpos.h"

struct scan {
	const char *p, *end;
};

static void skip_ws(struct scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
		s->p++;
}

/* Skips a string starting at '"'; sets *body and *blen to the raw text between the quotes. */
static int skip_string(struct scan *s, const char **body, size_t *blen)
{
	const char *start;

	if (s->p >= s->end || *s->p != '"')
		return -1;
	start = ++s->p;
	while (s->p < s->end && *s->p != '"') {
		if (*s->p == '\\' && s->p + 1 < s->end)
			s->p++;
		s->p++;
	}
	if (s->p >= s->end)
		return -1;
	if (body) {
		*body = start;
		*blen = (size_t)(s->p - start);
	}
	s->p++;
	return 0;
}

/* Skips any value, iteratively (nesting depth is bounded only by the text). */
static int skip_value(struct scan *s)
{
	long depth = 0;

	do {
		skip_ws(s);
		if (s->p >= s->end)
			return -1;
		switch (*s->p) {
		case '"':
			if (skip_string(s, NULL, NULL) < 0)
				return -1;
			break;
		case '{': case '[':
			depth++;
			s->p++;
			break;
		case '}': case ']':
			depth--;
			s->p++;
			break;
		case ',': case ':':
			s->p++;
			break;
		default: {
			const char *start = s->p;

			while (s->p < s->end && !strchr(" \t\r\n,:]}[{\"", *s->p))
				s->p++;
			/* A byte that no JSON value starts with (a NUL, which strchr() finds in
			 * the set): step over it rather than stand still. */
			if (s->p == start)
				s->p++;
			break;
		}
		}
		if (depth > 0)
			continue;
		break;
	} while (1);
	return depth == 0 ? 0 : -1;
}

static void position(const char *buf, const char *at, int *line, int *col)
{
	int l = 1, c = 1;

	for (const char *q = buf; q < at; q++) {
		if (*q == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)*q & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

static int step_into(struct scan *s, const struct json_step *st)
{
	skip_ws(s);
	if (st->key) {
		size_t klen = strlen(st->key);

		if (s->p >= s->end || *s->p != '{')
			return -1;
		s->p++;
		for (;;) {
			const char *k;
			size_t kl;

			skip_ws(s);
			if (s->p >= s->end || *s->p == '}')
				return -1;
			if (skip_string(s, &k, &kl) < 0)
				return -1;
			skip_ws(s);
			if (s->p >= s->end || *s->p != ':')
				return -1;
			s->p++;
			skip_ws(s);
			if (kl == klen && !memcmp(k, st->key, kl))
				return 0;
			if (skip_value(s) < 0)
				return -1;
			skip_ws(s);
			if (s->p < s->end && *s->p == ',')
				s->p++;
		}
	}
	if (s->p >= s->end || *s->p != '[')
		return -1;
	s->p++;
	for (size_t i = 0;; i++) {
		skip_ws(s);
		if (s->p >= s->end || *s->p == ']')
			return -1;
		if (i == st->index)
			return 0;
		if (skip_value(s) < 0)
			return -1;
		skip_ws(s);
		if (s->p < s->end && *s->p == ',')
			s->p++;
	}
}

int json_locate(const char *buf, size_t len, const struct json_step *path, size_t depth,
		int *line, int *col)
{
	struct scan s = { buf, buf + len };
	const char *best;
	int ret = 0;

	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		s.p += 3;
	skip_ws(&s);
	best = s.p;
	for (size_t i = 0; i < depth; i++) {
		if (step_into(&s, &path[i]) < 0) {
			ret = -1;
			break;
		}
		skip_ws(&s);
		best = s.p;
	}
	position(buf, best, line, col);
	return ret;
}
