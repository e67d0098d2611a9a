/* util.c: the error and warning queue every module reports through, and allocation helpers. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "util.h"

/* Two buffers: a new message is made in the one not current, so that its arguments may point
 * into the current one; then the two swap. */
static char err_buf[2][ERROR_MAX];
static unsigned err_cur;
static int err_status = EX_SOFTWARE;
static size_t err_subject;	/* bytes of the current message that are its subject; 0: none */

static char **warns;
static size_t nwarns, warns_alloc;

/* buf[0..n) is what vsnprintf kept of a longer message: drops a UTF-8 sequence it cut in two,
 * so that a long message never ends in part of a character. */
static void cut_clean(char *buf, size_t n)
{
	while (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0x80)
		n--;
	/* n - 1 is now a lead byte (or ASCII): drop it when its sequence was cut */
	if (n > 0 && ((unsigned char)buf[n - 1] & 0x80)) {
		unsigned char lead = (unsigned char)buf[n - 1];
		size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
		size_t have = strlen(buf + n - 1);

		if (have < need)
			buf[n - 1] = '\0';
	}
}

/* Appends fmt formatted at buf + *len (buf holds ERROR_MAX bytes). */
static void vput(char *buf, size_t *len, const char *fmt, va_list ap)
{
	size_t room = ERROR_MAX - *len;
	int n;

	if (room <= 1)
		return;
	n = vsnprintf(buf + *len, room, fmt, ap);
	if (n < 0) {
		buf[*len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		cut_clean(buf, ERROR_MAX - 1);
		*len = strlen(buf);
	} else {
		*len += (size_t)n;
	}
}

static void put(char *buf, size_t *len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void put(char *buf, size_t *len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vput(buf, len, fmt, ap);
	va_end(ap);
}

/* The buffer the next message is made in (its arguments may point into the current one). */
static char *next_buf(void)
{
	char *b = err_buf[err_cur ^ 1];

	b[0] = '\0';
	return b;
}

static void swap_in(int status, size_t subject)
{
	err_cur ^= 1;
	err_status = status;
	err_subject = subject;
}

int error(int status, const char *fmt, ...)
{
	char *b = next_buf();
	size_t len = 0;
	va_list ap;

	va_start(ap, fmt);
	vput(b, &len, fmt, ap);
	va_end(ap);
	swap_in(status, 0);
	return -1;
}

static int vprefix(int status, const char *fmt, va_list ap)
{
	char *b = next_buf();
	size_t len = 0;

	vput(b, &len, fmt, ap);
	put(b, &len, ": %s", err_buf[err_cur]);
	swap_in(status, 0);
	return -1;
}

int error_prefix(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprefix(err_status, fmt, ap);
	va_end(ap);
	return -1;
}

int error_prefix_status(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprefix(status, fmt, ap);
	va_end(ap);
	return -1;
}

int error_option(int status, const char *name, const char *value, const char *fmt, ...)
{
	char *b = next_buf();
	size_t len = 0, subject;
	va_list ap;

	put(b, &len, "--%s '%s'", name, value);
	subject = len;
	put(b, &len, ": ");
	va_start(ap, fmt);
	vput(b, &len, fmt, ap);
	va_end(ap);
	swap_in(status, len > subject ? subject : 0);
	return -1;
}

void error_subject(const char *subject)
{
	const char *msg = err_buf[err_cur];
	size_t n = strlen(subject);

	if (n && !strncmp(msg, subject, n) && msg[n] == ':')
		err_subject = n;
}

const char *error_after_subject(void)
{
	return err_subject ? err_buf[err_cur] + err_subject : NULL;
}

const char *error_without_subject(void)
{
	const char *rest = error_after_subject();

	if (!rest)
		return error_message();
	rest++;	/* the ':' */
	return *rest == ' ' ? rest + 1 : rest;
}

const char *error_message(void)
{
	return err_buf[err_cur];
}

int error_status(void)
{
	return err_status;
}

void error_clear(void)
{
	err_buf[err_cur][0] = '\0';
	err_status = EX_SOFTWARE;
	err_subject = 0;
}

char *redact_credentials(const char *s)
{
	struct strbuf sb;
	const char *p = s, *mark;

	strbuf_init(&sb);
	while ((mark = strstr(p, "://"))) {
		const char *auth = mark + 3, *end = auth, *at = NULL;

		while (*end && !strchr("/?#'\" <>()[]{}|\\\t\n\r", *end)) {
			if (*end == '@')
				at = end;
			end++;
		}
		strbuf_addf(&sb, "%.*s", (int)(auth - p), p);
		p = at ? at + 1 : auth;
	}
	strbuf_adds(&sb, p);
	return strbuf_detach(&sb);
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

void out_of_memory(void)
{
	fputs("planner: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

/* Maps the whole pages inside [p, p + n * size) at once; a failure (an older kernel) changes
 * nothing. */
static void prefault(void *p, size_t n, size_t size)
{
#ifdef MADV_POPULATE_WRITE
	long page = sysconf(_SC_PAGESIZE);
	uintptr_t start, end;

	if (page > 0 && n && size && n <= SIZE_MAX / size) {
		start = ((uintptr_t)p + (uintptr_t)page - 1) & ~((uintptr_t)page - 1);
		end = ((uintptr_t)p + n * size) & ~((uintptr_t)page - 1);
		if (end > start)
			madvise((void *)start, end - start, MADV_POPULATE_WRITE);
	}
#else
	(void)p;
	(void)n;
	(void)size;
#endif
}

void *xcalloc_prefaulted(size_t n, size_t size)
{
	char *p = xcalloc(n, size);

	prefault(p, n, size);
	return p;
}

void *xmalloc_prefaulted(size_t n, size_t size)
{
	void *p;

	if (n && size && n > SIZE_MAX / size)
		out_of_memory();
	p = xmalloc(n * size);
	prefault(p, n, size);
	return p;
}

int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xgrow(void *p, size_t need, size_t *alloc, size_t size)
{
	size_t n = *alloc;

	if (need <= n)
		return p;
	/* strings (size 1) start at 64 bytes: most of what a strbuf builds (a reason, a line, a
	 * value) fits, where growing from 8 took three or four reallocs */
	if (n < 8)
		n = size == 1 ? 64 : 8;
	while (n < need) {
		if (n > ((size_t)-1 / 2) / size)
			out_of_memory();
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

void strbuf_reserve(struct strbuf *sb, size_t extra)
{
	sb->buf = xgrow(sb->buf, sb->len + extra + 1, &sb->alloc, 1);
	sb->buf[sb->len] = '\0';
}

void strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
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
