/* print.c: the printable day plan — the document (days, marks, alternatives, kept-free times),
 * one day laid out as items for the renderers, the text helpers they share (wrapping, escaping),
 * and the dispatch to the text, Markdown, HTML, SVG, PDF and PNG renderers. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "freetime.h"
#include "pick.h"
#include "print.h"
#include "print_int.h"
#include "render.h"
#include "text.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

/* A grid wider than this shows only the rooms of the plan (unless --all). */
#define PRINT_MAX_COLUMNS 12

static const char *const format_names[] = { "text", "markdown", "html", "svg", "pdf", "png" };

const char *print_format_name(enum print_format f)
{
	return (unsigned)f < sizeof(format_names) / sizeof(*format_names) ? format_names[f] : "?";
}

int print_format_parse(const char *name)
{
	for (size_t i = 0; i < sizeof(format_names) / sizeof(*format_names); i++)
		if (!strcasecmp(name, format_names[i]))
			return (int)i;
	if (!strcasecmp(name, "md"))
		return PRINT_MARKDOWN;
	if (!strcasecmp(name, "txt"))
		return PRINT_TEXT;
	return -1;
}

int print_format_from_path(const char *path)
{
	static const struct { const char *ext; enum print_format f; } exts[] = {
		{ ".txt", PRINT_TEXT }, { ".text", PRINT_TEXT }, { ".md", PRINT_MARKDOWN },
		{ ".markdown", PRINT_MARKDOWN }, { ".html", PRINT_HTML }, { ".htm", PRINT_HTML },
		{ ".svg", PRINT_SVG }, { ".pdf", PRINT_PDF }, { ".png", PRINT_PNG },
	};
	const char *dot = strrchr(path, '.');

	if (!dot || strchr(dot, '/'))
		return -1;
	for (size_t i = 0; i < sizeof(exts) / sizeof(*exts); i++)
		if (!strcasecmp(dot, exts[i].ext))
			return (int)exts[i].f;
	return -1;
}

int print_paper_parse(const char *name)
{
	if (!strcasecmp(name, "a4"))
		return PRINT_A4;
	if (!strcasecmp(name, "letter"))
		return PRINT_LETTER;
	return -1;
}

void print_doc_init(struct print_doc *d, const struct schedule *s)
{
	size_t n = s->nsessions ? s->nsessions : 1;

	memset(d, 0, sizeof(*d));
	d->s = s;
	d->flags = xcalloc(n, sizeof(*d->flags));
	d->alternative = xmalloc(n * sizeof(*d->alternative));
	for (size_t i = 0; i < n; i++)
		d->alternative[i] = -1;
	d->what = "my plan";
}

void print_doc_release(struct print_doc *d)
{
	free(d->flags);
	free(d->alternative);
	for (size_t i = 0; i < d->nbusy; i++)
		free(d->busy[i].label);
	free(d->busy);
	free(d->days);
	memset(d, 0, sizeof(*d));
}

void print_doc_add_day(struct print_doc *d, int day)
{
	d->days = xgrow(d->days, d->ndays + 1, &d->days_alloc, sizeof(*d->days));
	d->days[d->ndays++] = day;
}

void print_doc_add_busy(struct print_doc *d, int64_t start, int64_t end, const char *label)
{
	d->busy = xgrow(d->busy, d->nbusy + 1, &d->busy_alloc, sizeof(*d->busy));
	d->busy[d->nbusy].start = start;
	d->busy[d->nbusy].end = end;
	d->busy[d->nbusy].label = text_sanitize(label);
	d->nbusy++;
}

void print_find_alternatives(struct print_doc *d, const struct pick_request *rq)
{
	const struct schedule *s = d->s;
	bool *planned = xcalloc(s->nsessions ? s->nsessions : 1, sizeof(*planned));

	for (size_t i = 0; i < s->nsessions; i++) {
		d->flags[i] &= (unsigned char)~PRINT_ALTERNATIVE;
		planned[i] = d->flags[i] & PRINT_PLANNED;
	}
	pick_alternatives(rq, planned, d->alternative);
	for (size_t i = 0; i < s->nsessions; i++)
		if (d->alternative[i] >= 0)
			d->flags[d->alternative[i]] |= PRINT_ALTERNATIVE;
	free(planned);
}

/* ---- one day, laid out ---- */

static struct pitem *add_item(struct pday *p, enum pitem_kind kind, int64_t start, int64_t end)
{
	struct pitem *it;

	p->items = xgrow(p->items, p->n + 1, &p->alloc, sizeof(*p->items));
	it = &p->items[p->n++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->start = start;
	it->end = end;
	it->session = -1;
	return it;
}

/* A busy time is on the conference day whose span holds its start (a block at 01:00 in the
 * night of day 1 is on day 1), else on the day of its date. */
static bool busy_on_day(const struct schedule *s, const struct print_busy *b, int day)
{
	struct civil c;
	const struct day *dd = &s->days[day];
	int at = schedule_day_at(s, b->start);

	if (at >= 0)
		return at == day;
	tz_to_civil(s->tz, b->start, &c);
	return c.year == dd->year && c.month == dd->month && c.day == dd->day;
}

static int cmp_items(const void *a, const void *b)
{
	const struct pitem *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	/* a kept-free time or a gap before the sessions that start with it */
	if (x->kind != y->kind)
		return x->kind == PITEM_SESSION ? 1 : y->kind == PITEM_SESSION ? -1 : (int)x->kind - (int)y->kind;
	if (x->session != y->session)
		return x->session < y->session ? -1 : 1;
	return x->col - y->col;
}

/* The gaps between what the plan fills (planned sessions, breaks, kept-free times) on the day,
 * and the free time between its planned sessions: freetime.h's one computation. */
static void add_gaps(struct pday *p, bool items)
{
	const struct print_doc *d = p->d;
	const struct schedule *s = d->s;
	bool *planned = xcalloc(s->nsessions ? s->nsessions : 1, sizeof(*planned));
	struct freetime_kept *kept = xmalloc((d->nbusy ? d->nbusy : 1) * sizeof(*kept));
	struct freetime_day fd;
	size_t nkept = 0;

	for (size_t i = 0; i < s->nsessions; i++)
		planned[i] = d->flags[i] & PRINT_PLANNED;
	/* all of them, as 'free' passes them: freetime.c keeps those that overlap the day (drawing
	 * a kept-free time on its day is busy_on_day's business, not this sum's) */
	for (size_t b = 0; b < d->nbusy; b++)
		kept[nkept++] = (struct freetime_kept){ d->busy[b].start, d->busy[b].end };
	freetime_day_init(&fd);
	freetime_day_compute(&fd, s, planned, p->day, kept, nkept);
	for (size_t g = 0; items && g < fd.ngaps; g++)
		if (fd.gaps[g].between)
			add_item(p, PITEM_GAP, fd.gaps[g].start, fd.gaps[g].end);
	p->free_time = fd.between;
	freetime_day_release(&fd);
	free(planned);
	free(kept);
}

static void add_seg(struct pday *p, int64_t start, int64_t end, bool cut)
{
	if (end <= start)
		return;
	p->segs = xrealloc(p->segs, (p->nsegs + 1) * sizeof(*p->segs));
	p->segs[p->nsegs].start = start;
	p->segs[p->nsegs].end = end;
	p->segs[p->nsegs].cut = cut;
	p->nsegs++;
}

/* The grid's axis: whole hours around the items, and the empty stretches to cut short. */
static void build_axis(struct pday *p)
{
	const struct schedule *s = p->d->s;
	const struct day *dd = &s->days[p->day];
	struct civil mid = { dd->year, dd->month, dd->day, 0, 0, 0 };
	int64_t midnight, covered, at;
	bool any = false;

	/* whole hours from the local midnight of the day's date (a day the feed declares may
	 * start at 09:30) */
	if (tz_from_civil(s->tz, &mid, &midnight) < 0 || midnight > dd->start)
		midnight = dd->start;
	p->origin = midnight + (p->first - midnight) / 3600 * 3600;
	p->end = midnight + (p->last - midnight + 3599) / 3600 * 3600;
	if (p->end <= p->origin)
		p->end = p->origin + 3600;
	covered = at = p->origin;
	for (size_t i = 0; i < p->n; i++) {
		const struct pitem *it = &p->items[i];

		if (it->kind == PITEM_GAP || (it->kind == PITEM_SESSION && !it->ncols))
			continue;
		if (any && it->start - covered >= PRINT_CUT_MIN) {
			add_seg(p, at, covered, false);
			add_seg(p, covered, it->start, true);
			at = it->start;
		}
		if (!any || it->end > covered)
			covered = it->end;
		any = true;
	}
	add_seg(p, at, p->end, false);
}

void pday_build(struct pday *p, const struct print_doc *d, int day, bool grid)
{
	const struct schedule *s = d->s;
	long *colof = xmalloc((s->nrooms ? s->nrooms : 1) * sizeof(*colof));
	bool *used = xcalloc(s->nrooms ? s->nrooms : 1, sizeof(*used));
	bool *planned_room = xcalloc(s->nrooms ? s->nrooms : 1, sizeof(*planned_room));
	const struct session *prev = NULL;
	size_t nused = 0, nplanned_rooms = 0;

	memset(p, 0, sizeof(*p));
	p->d = d;
	p->day = day;

	for (size_t i = 0; i < s->nsessions; i++) {
		const struct session *se = &s->sessions[i];
		if (!se->has_time || se->day != day)
			continue;
		for (size_t r = 0; r < se->nrooms; r++) {
			if (!used[se->rooms[r]]) {
				used[se->rooms[r]] = true;
				nused++;
			}
			if ((d->flags[i] & (PRINT_PLANNED | PRINT_ALTERNATIVE)) && !planned_room[se->rooms[r]]) {
				planned_room[se->rooms[r]] = true;
				nplanned_rooms++;
			}
		}
	}
	/* The grid's columns: the rooms of the day; when there are too many, those of the plan. */
	for (size_t r = 0; r < s->nrooms; r++) {
		bool show = used[r];
		if (grid && !d->all && nused > PRINT_MAX_COLUMNS && nplanned_rooms)
			show = planned_room[r];
		colof[r] = -1;
		if (show) {
			p->cols = xrealloc(p->cols, (p->ncols + 1) * sizeof(*p->cols));
			colof[r] = (long)p->ncols;
			p->cols[p->ncols++] = r;
		} else if (used[r]) {
			p->hidden_rooms++;
		}
	}

	for (size_t i = 0; i < s->nsessions; i++) {
		const struct session *se = &s->sessions[i];
		unsigned flags = d->flags[i];
		struct pitem *it;
		bool change = false;

		if (!se->has_time || se->day != day)
			continue;
		if (flags & PRINT_PLANNED) {
			change = session_room_change(prev, se);
			if (change)
				p->room_changes++;
			prev = se;
			p->nplanned++;
		}
		if (!grid && !d->all && !(flags & PRINT_PLANNED) && se->type != SESSION_BREAK)
			continue;
		if (!grid || !se->nrooms) {
			it = add_item(p, PITEM_SESSION, se->start, se->end);
			it->session = (long)i;
			it->flags = flags;
			it->room_change = change;
			continue;
		}
		/* In the grid: one item per run of adjacent columns the session is held in. */
		{
			bool *in = xcalloc(p->ncols ? p->ncols : 1, sizeof(*in));
			bool first = true;

			for (size_t r = 0; r < se->nrooms; r++)
				if (colof[se->rooms[r]] >= 0)
					in[colof[se->rooms[r]]] = true;
			for (size_t c = 0; c < p->ncols; c++) {
				size_t e = c;
				if (!in[c])
					continue;
				while (e + 1 < p->ncols && in[e + 1])
					e++;
				it = add_item(p, PITEM_SESSION, se->start, se->end);
				it->session = (long)i;
				it->flags = flags;
				it->room_change = change && first;
				it->col = (int)c;
				it->ncols = (int)(e - c + 1);
				/* later pieces of a session held in rooms apart: in the grid only */
				it->repeat = !first;
				first = false;
				c = e;
			}
			free(in);
		}
	}
	for (size_t b = 0; b < d->nbusy; b++) {
		struct pitem *it;
		if (!busy_on_day(s, &d->busy[b], day))
			continue;
		it = add_item(p, PITEM_BUSY, d->busy[b].start, d->busy[b].end);
		it->label = d->busy[b].label;
	}
	add_gaps(p, grid || !d->all);
	qsort(p->items, p->n, sizeof(*p->items), cmp_items);
	for (size_t i = 0; i < p->n; i++) {
		if (!i || p->items[i].start < p->first)
			p->first = p->items[i].start;
		if (!i || p->items[i].end > p->last)
			p->last = p->items[i].end;
	}
	if (grid)
		build_axis(p);
	free(colof);
	free(used);
	free(planned_room);
}

double pday_rows(const struct pday *p, int64_t t)
{
	double rows = 0;

	for (size_t i = 0; i < p->nsegs; i++) {
		const struct pseg *g = &p->segs[i];
		double len = g->cut ? PRINT_CUT_SLOTS : (double)(g->end - g->start) / PRINT_SLOT;

		if (t >= g->end) {
			rows += len;
			continue;
		}
		if (t > g->start)
			rows += len * (double)(t - g->start) / (double)(g->end - g->start);
		break;
	}
	return rows;
}

double pday_total_rows(const struct pday *p)
{
	return pday_rows(p, p->end);
}

void pday_release(struct pday *p)
{
	free(p->items);
	free(p->cols);
	free(p->segs);
	memset(p, 0, sizeof(*p));
}

/* ---- shared text helpers ---- */

void print_date(const struct schedule *s, int day, char *buf, size_t size)
{
	const struct day *d = &s->days[day];

	snprintf(buf, size, "%s %04d-%02d-%02d", weekday_name(d->year, d->month, d->day), d->year,
		 d->month, d->day);
}

void print_day_line(const struct schedule *s, int day, char *buf, size_t size)
{
	char date[24];

	print_date(s, day, date, sizeof(date));
	snprintf(buf, size, "%s, day %d of %zu", date, day + 1, s->ndays);
}

const char *print_lang(const struct schedule *s)
{
	size_t ko = 0, other = 0;

	for (size_t i = 0; i < s->nsessions; i++) {
		const char *l = s->sessions[i].language;
		if (!l)
			continue;
		if (!strncmp(l, "ko", 2) && (!l[2] || l[2] == '-'))
			ko++;
		else
			other++;
	}
	return ko > other ? "ko" : "en";
}

const char *print_where(const struct schedule *s)
{
	if (s->conf.venue && *s->conf.venue)
		return s->conf.venue;
	if (s->conf.url && *s->conf.url)
		return s->conf.url;
	return NULL;
}

const char *print_span(const struct schedule *s, int64_t start, int64_t end, char *buf,
		       size_t size)
{
	return format_span(s->tz, start, end, buf, size);
}

char *print_title(const struct session *se)
{
	return text_sanitize(se->title);
}

char *print_speakers(const struct session *se)
{
	struct strbuf sb;
	char *clean;

	strbuf_init(&sb);
	for (size_t i = 0; i < se->speakers.n; i++) {
		clean = text_sanitize(se->speakers.v[i]);
		if (*clean)
			strbuf_addf(&sb, "%s%s", sb.len ? ", " : "", clean);
		free(clean);
	}
	return strbuf_detach(&sb);
}

char *print_column(const struct room *r)
{
	char *place = room_place(r), *label, *clean;

	label = *place ? xasprintf("%s (%s)", r->name, place) : xstrdup(r->name);
	clean = text_sanitize(label);
	free(place);
	free(label);
	return clean;
}

char *print_place(const struct schedule *s, const struct session *se)
{
	char *place, *clean;

	if (se->nrooms != 1 || !schedule_places_differ(s))
		return xstrdup("");
	place = room_place(&s->rooms[se->rooms[0]]);
	clean = text_sanitize(place);
	free(place);
	return clean;
}

char *print_room_place(const struct schedule *s, const struct session *se)
{
	char *room = session_place_label(s, se), *clean = text_sanitize(room);

	free(room);
	return clean;
}

char *print_room(const struct schedule *s, const struct session *se)
{
	char *room = session_room_label(s, se), *clean = text_sanitize(room);

	free(room);
	return clean;
}

static size_t char_len(const char *p)
{
	unsigned char c = (unsigned char)*p;
	size_t n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 1;

	for (size_t i = 1; i < n; i++)
		if (!p[i])
			return i;
	return n;
}

static int char_width(const char *p, size_t len)
{
	char buf[8];

	memcpy(buf, p, len);
	buf[len] = '\0';
	return (int)text_width(buf);
}

void print_wrap(const char *s, int cols, int max_lines, struct strlist *out)
{
	const char *p = s;
	int lines = 0;

	if (cols < 1)
		cols = 1;
	while (*p == ' ')
		p++;
	while (*p) {
		const char *q = p, *end = NULL, *next;
		int w = 0;
		char *line;
		size_t len;

		if ((int)text_width(p) <= cols) {
			len = strlen(p);
			while (len && p[len - 1] == ' ')
				len--;
			line = xstrndup(p, len);
			strlist_push(out, line);
			free(line);
			return;
		}
		if (max_lines && lines == max_lines - 1) {
			line = text_truncate(p, (size_t)cols);
			strlist_push(out, line);
			free(line);
			return;
		}
		while (*q) {
			size_t l = char_len(q);
			int cw = char_width(q, l);
			if (w + cw > cols)
				break;
			if (*q == ' ')
				end = q;
			w += cw;
			q += l;
		}
		if (*q == ' ')
			end = q;
		if (!end || end == p)
			end = q > p ? q : p + char_len(p); /* no space to break at: cut the word */
		next = end;
		while (end > p && end[-1] == ' ')
			end--;
		len = (size_t)(end - p);
		line = xstrndup(p, len);
		strlist_push(out, line);
		free(line);
		p = next;
		while (*p == ' ')
			p++;
		lines++;
	}
}

void put_xml(FILE *f, const char *s)
{
	char *clean = text_sanitize(s ? s : "");

	for (const char *p = clean; *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default:
			/* U+FFFE and U+FFFF are not XML characters */
			if ((unsigned char)p[0] == 0xef && (unsigned char)p[1] == 0xbf &&
			    ((unsigned char)p[2] == 0xbe || (unsigned char)p[2] == 0xbf)) {
				p += 2;
				break;
			}
			fputc(*p, f);
		}
	}
	free(clean);
}

void put_md(FILE *f, const char *s)
{
	char *clean = text_sanitize(s ? s : "");

	for (const char *p = clean; *p; p++) {
		if (strchr("\\`*_[]<>|~&", *p))
			fputc('\\', f);
		fputc(*p, f);
	}
	free(clean);
}

int print_render(FILE *f, enum print_format fmt, const struct print_doc *d)
{
	switch (fmt) {
	case PRINT_TEXT: print_text(f, d); break;
	case PRINT_MARKDOWN: print_markdown(f, d); break;
	case PRINT_HTML: print_html(f, d); break;
	case PRINT_SVG:
		if (print_svg(f, d) < 0)
			return -1;
		break;
	case PRINT_PDF:
		if (print_pdf(f, d) < 0)
			return -1;
		break;
	case PRINT_PNG:
		if (print_png(f, d) < 0)
			return -1;
		break;
	}
	if (fflush(f) != 0 || ferror(f))
		return error(EX_IOERR, "cannot write the %s output", print_format_name(fmt));
	return 0;
}
