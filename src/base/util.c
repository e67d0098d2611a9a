/* util.c: the error and warning queue every module reports through, and allocation helpers. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static char err_msg[4096];
static int err_status = EX_SOFTWARE;

static char **warns;
static size_t nwarns, warns_alloc;

int error(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err_msg, sizeof(err_msg), fmt, ap);
	va_end(ap);
	err_status = status;
	return -1;
}

const char *error_message(void)
{
	return err_msg;
}

int error_status(void)
{
	return err_status;
}

void error_clear(void)
{
	err_msg[0] = '\0';
	err_status = EX_SOFTWARE;
}

void warning(const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	msg = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	warns = xgrow(warns, nwarns + 1, &warns_alloc, sizeof(*warns));
	warns[nwarns++] = msg;
}

void warnings_truncate(size_t n)
{
	while (nwarns > n)
		free(warns[--nwarns]);
}

size_t warning_count(void)
{
	return nwarns;
}

const char *warning_at(size_t i)
{
	return i < nwarns ? warns[i] : NULL;
}

void warnings_clear(void)
{
	for (size_t i = 0; i < nwarns; i++)
		free(warns[i]);
	free(warns);
	warns = NULL;
	nwarns = warns_alloc = 0;
}

static void oom(void)
{
	fputs("planner: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *xgrow(void *p, size_t need, size_t *alloc, size_t size)
{
	size_t n = *alloc;

	if (need <= n)
		return p;
	n = n < 8 ? 8 : n;
	while (n < need) {
		if (n > ((size_t)-1 / 2) / size)
			oom();
		n *= 2;
	}
	*alloc = n;
	return xrealloc(p, n * size);
}

char *xstrdup(const char *s)
{
	return s ? xstrndup(s, strlen(s)) : NULL;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	struct strbuf sb;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	strbuf_init(&sb);
	sb.buf = xgrow(sb.buf, (size_t)n + 1, &sb.alloc, 1);
	va_start(ap, fmt);
	vsnprintf(sb.buf, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb.len = (size_t)n;
	return strbuf_detach(&sb);
}

void strbuf_init(struct strbuf *sb)
{
	sb->buf = NULL;
	sb->len = sb->alloc = 0;
}

void strbuf_release(struct strbuf *sb)
{
	free(sb->buf);
	strbuf_init(sb);
}

void strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	sb->buf = xgrow(sb->buf, sb->len + len + 1, &sb->alloc, 1);
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void strbuf_adds(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void strbuf_addc(struct strbuf *sb, char c)
{
	strbuf_add(sb, &c, 1);
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	sb->buf = xgrow(sb->buf, sb->len + (size_t)n + 1, &sb->alloc, 1);
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

char *strbuf_detach(struct strbuf *sb)
{
	char *s = sb->buf ? sb->buf : xstrdup("");
	strbuf_init(sb);
	return s;
}
