/* jsonw.c: writes JSON text for --json output: two-space indentation, strings escaped per
 * RFC 8259 section 7 (quote, backslash and control characters; C1 controls and the BiDi
 * formatting characters too, so they stay inert), other non-ASCII kept as UTF-8. */
#include <inttypes.h>
#include <string.h>

#include "jsonw.h"
#include "text.h"

void jsonw_init(struct jsonw *w, FILE *f)
{
	memset(w, 0, sizeof(*w));
	w->f = f;
	w->first[0] = true;
}

static void indent(struct jsonw *w)
{
	fputc('\n', w->f);
	for (int i = 0; i < w->depth; i++)
		fputs("  ", w->f);
}

/* Separator and indentation before a value or a key. */
static void before(struct jsonw *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth > 0) {
		if (!w->first[w->depth])
			fputc(',', w->f);
		indent(w);
	}
	w->first[w->depth] = false;
}

static void begin(struct jsonw *w, char c)
{
	before(w);
	fputc(c, w->f);
	if (w->depth < JSONW_MAX_DEPTH - 1)
		w->depth++;
	w->first[w->depth] = true;
}

static void end(struct jsonw *w, char c)
{
	bool empty = w->first[w->depth];

	if (w->depth > 0)
		w->depth--;
	if (!empty)
		indent(w);
	fputc(c, w->f);
}

void jsonw_object_begin(struct jsonw *w) { begin(w, '{'); }
void jsonw_object_end(struct jsonw *w) { end(w, '}'); }
void jsonw_array_begin(struct jsonw *w) { begin(w, '['); }
void jsonw_array_end(struct jsonw *w) { end(w, ']'); }

/* s as a JSON string, then `after` (ASCII). */
static void put_string(FILE *f, const char *s, const char *after)
{
	size_t len = strlen(s), bad;

	fputc('"', f);
	while (len) {
		size_t run = len;
		if (!text_valid_utf8(s, len, &bad))
			run = bad;
		for (size_t i = 0, n; i < run; i += n) {
			size_t from = i;
			int32_t cp;

			/* what needs no escape — printable ASCII but '"' and '\\', and the other
			 * characters that are no controls — goes out in one piece */
			while (i < run) {
				unsigned char c = (unsigned char)s[i];

				if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
					i++;
				else if (c >= 0x80 && text_control_at(s + i, &n) < 0)
					i += n;
				else
					break;
			}
			if (i > from)
				fwrite(s + from, 1, i - from, f);
			if (i == run)
				break;
			/* controls, C1 and BiDi characters included, are escaped, so that they stay
			 * inert when the JSON is shown on a terminal or a page */
			cp = text_control_at(s + i, &n);

			switch (cp) {
			case -1:
				if (s[i] == '"' || s[i] == '\\')
					fputc('\\', f);
				fwrite(s + i, 1, n, f);
				break;
			case '\n': fputs("\\n", f); break;
			case '\r': fputs("\\r", f); break;
			case '\t': fputs("\\t", f); break;
			default: fprintf(f, "\\u%04" PRIx32, (uint32_t)cp);
			}
		}
		s += run;
		len -= run;
		if (len) {
			fputs("\\ufffd", f);
			s++;
			len--;
		}
	}
	fputc('"', f);
	fputs(after, f);
}

void jsonw_key(struct jsonw *w, const char *key)
{
	before(w);
	put_string(w->f, key, ": ");
	w->after_key = true;
}

void jsonw_string(struct jsonw *w, const char *s)
{
	before(w);
	if (s)
		put_string(w->f, s, "");
	else
		fputs("null", w->f);
}

void jsonw_int(struct jsonw *w, int64_t v)
{
	before(w);
	fprintf(w->f, "%" PRId64, v);
}

void jsonw_double(struct jsonw *w, double v)
{
	before(w);
	fprintf(w->f, "%.17g", v);
}

void jsonw_bool(struct jsonw *w, bool v)
{
	before(w);
	fputs(v ? "true" : "false", w->f);
}

void jsonw_null(struct jsonw *w)
{
	before(w);
	fputs("null", w->f);
}

void jsonw_finish(struct jsonw *w)
{
	fputc('\n', w->f);
}
