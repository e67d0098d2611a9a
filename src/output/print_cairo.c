/* print_cairo.c: the day plan drawn with Pango on Cairo — a PDF (the rooms × time grid, one page
 * per day, A4 or US Letter landscape) and a PNG (one day's agenda as a phone-portrait picture),
 * from one set of drawing helpers; and the text fitting the SVG and HTML share (print_fit_box,
 * print_fit_lines).  The only file that includes the Cairo and Pango headers.
 *
 * Text always fits its box: it is measured (pango_layout_get_extents), wrapped at words or, for a
 * word longer than the box, between characters (PANGO_WRAP_WORD_CHAR), set smaller when it must,
 * and only then ended with "…"; a box too short for a line each keeps the time, the title and
 * the speakers on one line, the title cut first.  Data is always set as text, never as markup.
 */
#include <dlfcn.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "print_int.h"
#include "text.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

/* The font family list: a CJK font first (its Latin letters too, so that a mixed title has one
 * look), then Noto Sans, then whatever fontconfig calls sans-serif. */
#define FAMILIES "Noto Sans CJK KR,Noto Sans,sans-serif"

/*
 * Pango and Cairo are loaded when a PDF or PNG is drawn (or the SVG measured), not linked: with
 * HarfBuzz, GLib, fontconfig and FreeType they cost every command ~3 ms at start-up, as libcurl
 * would (src/store/fetch.c).  The prototypes come from the headers, so every call is checked.
 */
static struct {
	__typeof__(cairo_create) *create;
	__typeof__(cairo_destroy) *destroy;
	__typeof__(cairo_status) *status;
	__typeof__(cairo_save) *save;
	__typeof__(cairo_restore) *restore;
	__typeof__(cairo_set_source_rgb) *set_source_rgb;
	__typeof__(cairo_set_line_width) *set_line_width;
	__typeof__(cairo_set_dash) *set_dash;
	__typeof__(cairo_rectangle) *rectangle;
	__typeof__(cairo_move_to) *move_to;
	__typeof__(cairo_line_to) *line_to;
	__typeof__(cairo_new_path) *new_path;
	__typeof__(cairo_fill) *fill;
	__typeof__(cairo_fill_preserve) *fill_preserve;
	__typeof__(cairo_stroke) *stroke;
	__typeof__(cairo_clip) *clip;
	__typeof__(cairo_paint) *paint;
	__typeof__(cairo_show_page) *show_page;
	__typeof__(cairo_surface_destroy) *surface_destroy;
	__typeof__(cairo_surface_finish) *surface_finish;
	__typeof__(cairo_surface_status) *surface_status;
	__typeof__(cairo_pdf_surface_create_for_stream) *pdf_surface_create_for_stream;
	__typeof__(cairo_pdf_surface_set_metadata) *pdf_surface_set_metadata;
	__typeof__(cairo_image_surface_create) *image_surface_create;
	__typeof__(cairo_surface_write_to_png_stream) *surface_write_to_png_stream;
	__typeof__(cairo_font_options_create) *font_options_create;
	__typeof__(cairo_font_options_destroy) *font_options_destroy;
	__typeof__(cairo_font_options_set_hint_metrics) *font_options_set_hint_metrics;
	__typeof__(cairo_font_options_set_hint_style) *font_options_set_hint_style;
	__typeof__(pango_cairo_create_context) *pc_create_context;
	__typeof__(pango_cairo_context_set_font_options) *pc_context_set_font_options;
	__typeof__(pango_cairo_update_layout) *pc_update_layout;
	__typeof__(pango_cairo_show_layout) *pc_show_layout;
	__typeof__(pango_context_set_round_glyph_positions) *context_set_round_glyph_positions;
	__typeof__(pango_layout_new) *layout_new;
	__typeof__(pango_layout_set_text) *layout_set_text;
	__typeof__(pango_layout_set_attributes) *layout_set_attributes;
	__typeof__(pango_layout_set_font_description) *layout_set_font_description;
	__typeof__(pango_layout_set_width) *layout_set_width;
	__typeof__(pango_layout_set_height) *layout_set_height;
	__typeof__(pango_layout_set_wrap) *layout_set_wrap;
	__typeof__(pango_layout_set_ellipsize) *layout_set_ellipsize;
	__typeof__(pango_layout_set_alignment) *layout_set_alignment;
	__typeof__(pango_layout_set_line_spacing) *layout_set_line_spacing;
	__typeof__(pango_layout_get_extents) *layout_get_extents;
	__typeof__(pango_layout_get_line_count) *layout_get_line_count;
	__typeof__(pango_layout_get_line_readonly) *layout_get_line_readonly;
	__typeof__(pango_layout_is_ellipsized) *layout_is_ellipsized;
	__typeof__(pango_layout_get_iter) *layout_get_iter;
	__typeof__(pango_layout_iter_free) *iter_free;
	__typeof__(pango_layout_iter_next_line) *iter_next_line;
	__typeof__(pango_layout_iter_get_baseline) *iter_get_baseline;
	__typeof__(pango_layout_iter_get_line_readonly) *iter_get_line_readonly;
	__typeof__(pango_layout_line_index_to_x) *line_index_to_x;
	__typeof__(pango_font_description_new) *fd_new;
	__typeof__(pango_font_description_free) *fd_free;
	__typeof__(pango_font_description_set_family) *fd_set_family;
	__typeof__(pango_font_description_set_absolute_size) *fd_set_absolute_size;
	__typeof__(pango_font_description_set_weight) *fd_set_weight;
	__typeof__(pango_attr_list_new) *attr_list_new;
	__typeof__(pango_attr_list_unref) *attr_list_unref;
	__typeof__(pango_attr_list_insert) *attr_list_insert;
	__typeof__(pango_attr_weight_new) *attr_weight_new;
	__typeof__(pango_attr_foreground_new) *attr_foreground_new;
	__typeof__(g_object_unref) *object_unref;
	__typeof__(pango_cairo_font_map_set_default) *pc_font_map_set_default;
} pc;

static void release_measure_pen(void);

/* At exit: the layout the SVG measures with and Pango's font map freed, so that a leak checker
 * (make asan, make valgrind) sees planner's own leaks.  Not cairo_debug_reset_static_data() or
 * FcFini(): they assert when a font is still referenced (Cairo's font cache keeps some). */
static void unload_pango(void)
{
	release_measure_pen();
	pc.pc_font_map_set_default(NULL);
}

static int load_pango(void)
{
	static const struct { const char *name; size_t offset; } syms[] = {
#define C(f) { "cairo_" #f, offsetof(__typeof__(pc), f) }
#define P(f, n) { n, offsetof(__typeof__(pc), f) }
		C(create), C(destroy), C(status), C(save), C(restore), C(set_source_rgb),
		C(set_line_width), C(set_dash), C(rectangle), C(move_to), C(line_to), C(new_path),
		C(fill), C(fill_preserve), C(stroke), C(clip), C(paint), C(show_page),
		C(surface_destroy), C(surface_finish), C(surface_status),
		C(pdf_surface_create_for_stream), C(pdf_surface_set_metadata),
		C(image_surface_create), C(surface_write_to_png_stream), C(font_options_create),
		C(font_options_destroy), C(font_options_set_hint_metrics),
		C(font_options_set_hint_style),
		P(pc_create_context, "pango_cairo_create_context"),
		P(pc_context_set_font_options, "pango_cairo_context_set_font_options"),
		P(pc_update_layout, "pango_cairo_update_layout"),
		P(pc_show_layout, "pango_cairo_show_layout"),
		P(context_set_round_glyph_positions, "pango_context_set_round_glyph_positions"),
		P(layout_new, "pango_layout_new"), P(layout_set_text, "pango_layout_set_text"),
		P(layout_set_attributes, "pango_layout_set_attributes"),
		P(layout_set_font_description, "pango_layout_set_font_description"),
		P(layout_set_width, "pango_layout_set_width"),
		P(layout_set_height, "pango_layout_set_height"),
		P(layout_set_wrap, "pango_layout_set_wrap"),
		P(layout_set_ellipsize, "pango_layout_set_ellipsize"),
		P(layout_set_alignment, "pango_layout_set_alignment"),
		P(layout_set_line_spacing, "pango_layout_set_line_spacing"),
		P(layout_get_extents, "pango_layout_get_extents"),
		P(layout_get_line_count, "pango_layout_get_line_count"),
		P(layout_get_line_readonly, "pango_layout_get_line_readonly"),
		P(layout_is_ellipsized, "pango_layout_is_ellipsized"),
		P(layout_get_iter, "pango_layout_get_iter"), P(iter_free, "pango_layout_iter_free"),
		P(iter_next_line, "pango_layout_iter_next_line"),
		P(iter_get_baseline, "pango_layout_iter_get_baseline"),
		P(iter_get_line_readonly, "pango_layout_iter_get_line_readonly"),
		P(line_index_to_x, "pango_layout_line_index_to_x"),
		P(fd_new, "pango_font_description_new"), P(fd_free, "pango_font_description_free"),
		P(fd_set_family, "pango_font_description_set_family"),
		P(fd_set_absolute_size, "pango_font_description_set_absolute_size"),
		P(fd_set_weight, "pango_font_description_set_weight"),
		P(attr_list_new, "pango_attr_list_new"), P(attr_list_unref, "pango_attr_list_unref"),
		P(attr_list_insert, "pango_attr_list_insert"),
		P(attr_weight_new, "pango_attr_weight_new"),
		P(attr_foreground_new, "pango_attr_foreground_new"),
		P(object_unref, "g_object_unref"),
		P(pc_font_map_set_default, "pango_cairo_font_map_set_default"),
#undef C
#undef P
	};
	static int state; /* 0 not yet, 1 loaded, -1 failed */
	static char msg[512];
	void *so;

	if (state)
		return state > 0 ? 0 : error(EX_UNAVAILABLE, "%s", msg);
	state = -1;
	/* libpangocairo brings libpango, libcairo and libgobject with it; dlsym() on its handle
	 * finds their symbols too. */
	so = dlopen("libpangocairo-1.0.so.0", RTLD_NOW | RTLD_LOCAL);
	if (!so) {
		snprintf(msg, sizeof(msg), "cannot load Pango and Cairo (libpangocairo-1.0.so.0, Debian's "
			 "libpangocairo-1.0-0): %s", dlerror());
		return error(EX_UNAVAILABLE, "%s", msg);
	}
	for (size_t i = 0; i < sizeof(syms) / sizeof(syms[0]); i++) {
		void *f = dlsym(so, syms[i].name);
		if (!f) {
			snprintf(msg, sizeof(msg), "cannot load Pango and Cairo: no %s (Pango 1.44 and "
				 "Cairo 1.16 or later are needed)", syms[i].name);
			return error(EX_UNAVAILABLE, "%s", msg);
		}
		/* POSIX: a function pointer is stored through its object representation. */
		memcpy((char *)&pc + syms[i].offset, &f, sizeof(f));
	}
	state = 1;
	atexit(unload_pango);
	return 0;
}

/* ---- drawing helpers: one set for the PDF page and the PNG picture ---- */

struct rgb { double r, g, b; };

#define INK ((struct rgb){ 0.07, 0.07, 0.07 })
#define GREY ((struct rgb){ 0.33, 0.33, 0.33 })

/* The looks of the kinds of boxes: fill, border, border width, dash (0: solid), text colour. */
struct look {
	struct rgb fill, line;
	double width, dash;
	struct rgb ink;
	bool hatch;
};

static const struct look look_planned = {
	{ 1.0, 0.847, 0.302 }, { 0.07, 0.07, 0.07 }, 1.6, 0, { 0, 0, 0 }, false };
static const struct look look_alt = {
	{ 0.906, 0.941, 0.984 }, { 0.11, 0.31, 0.61 }, 1.6, 3.0, { 0.05, 0.16, 0.34 }, false };
static const struct look look_other = {
	{ 0.953, 0.953, 0.953 }, { 0.78, 0.78, 0.78 }, 0.8, 0, { 0.27, 0.27, 0.27 }, false };
static const struct look look_break = {
	{ 0.894, 0.949, 0.894 }, { 0.6, 0.8, 0.6 }, 0.8, 0, { 0.2, 0.3, 0.2 }, false };
static const struct look look_busy = {
	{ 1, 1, 1 }, { 0.5, 0.5, 0.5 }, 0.8, 2.0, { 0.2, 0.2, 0.2 }, true };

struct pen {
	cairo_t *cr;
	PangoLayout *lay;
	PangoFontDescription *fd;
	double unit;              /* the drawing's scale: 1 for PDF points, 3 for PNG pixels */
	char *parts;              /* set_parts(): the layout's text, where the title is in it, */
	size_t t0, t1;
	double size;              /* its size, */
	size_t tlen;              /* and how much of the title it holds */
};

static int pen_open(struct pen *p, cairo_surface_t *surface, double unit, bool pdf)
{
	PangoContext *ctx;
	cairo_font_options_t *fo;

	memset(p, 0, sizeof(*p));
	p->unit = unit;
	p->cr = pc.create(surface);
	if (pc.status(p->cr) != CAIRO_STATUS_SUCCESS) {
		pc.destroy(p->cr);
		p->cr = NULL;
		return error(EX_SOFTWARE, "cannot draw: out of memory");
	}
	ctx = pc.pc_create_context(p->cr);
	/* Text measured as it is drawn: no metrics hinting (it would change widths), and in a PDF
	 * no rounding of glyph positions to whole points. */
	fo = pc.font_options_create();
	pc.font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pc.font_options_set_hint_style(fo, pdf ? CAIRO_HINT_STYLE_NONE : CAIRO_HINT_STYLE_SLIGHT);
	pc.pc_context_set_font_options(ctx, fo);
	pc.font_options_destroy(fo);
	pc.context_set_round_glyph_positions(ctx, FALSE);
	p->lay = pc.layout_new(ctx);
	pc.object_unref(ctx);
	p->fd = pc.fd_new();
	pc.fd_set_family(p->fd, FAMILIES);
	pc.layout_set_wrap(p->lay, PANGO_WRAP_WORD_CHAR);
	return 0;
}

static void pen_close(struct pen *p)
{
	free(p->parts);
	if (p->fd)
		pc.fd_free(p->fd);
	if (p->lay)
		pc.object_unref(p->lay);
	if (p->cr)
		pc.destroy(p->cr);
	memset(p, 0, sizeof(*p));
}

static void set_rgb(struct pen *p, struct rgb c)
{
	pc.set_source_rgb(p->cr, c.r, c.g, c.b);
}

/* A copy of s without what Cairo refuses to put in a PDF (its _cairo_utf8_to_ucs4: a string with
 * one makes the drawing fail as a whole): noncharacters (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF) and
 * bytes that are no UTF-8; caller frees.  The text is sanitized already (text_sanitize). */
static char *drawable(const char *s)
{
	const unsigned char *q = (const unsigned char *)s;
	char *out = xmalloc(strlen(s) + 1), *o = out;

	while (*q) {
		unsigned c = *q;
		size_t n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
		unsigned long cp = n == 1 ? c : n == 2 ? c & 0x1f : n == 3 ? c & 0x0f : c & 0x07;
		bool ok = n > 0;

		for (size_t i = 1; ok && i < n; i++) {
			if ((q[i] & 0xc0) != 0x80)
				ok = false;
			else
				cp = cp << 6 | (q[i] & 0x3f);
		}
		if (!ok) {
			q++;
			continue;
		}
		if (cp < 0x110000 && (cp & 0xfffff800) != 0xd800 && !(cp >= 0xfdd0 && cp <= 0xfdef) &&
		    (cp & 0xfffe) != 0xfffe) {
			memcpy(o, q, n);
			o += n;
		}
		q += n;
	}
	*o = '\0';
	return out;
}

/* Sets up the layout: text (never markup), size in drawing units, bold or not, width (0: no
 * wrapping), no height limit, no ellipsis. */
static void pen_text(struct pen *p, const char *text, double size, bool bold, double width)
{
	char *clean = drawable(text);

	pc.fd_set_absolute_size(p->fd, size * p->unit * PANGO_SCALE);
	pc.fd_set_weight(p->fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pc.layout_set_font_description(p->lay, p->fd);
	pc.layout_set_attributes(p->lay, NULL);
	pc.layout_set_text(p->lay, clean, -1);
	free(clean);
	pc.layout_set_width(p->lay, width > 0 ? (int)(width * p->unit * PANGO_SCALE) : -1);
	pc.layout_set_height(p->lay, -1);
	pc.layout_set_ellipsize(p->lay, PANGO_ELLIPSIZE_NONE);
	pc.layout_set_alignment(p->lay, PANGO_ALIGN_LEFT);
	pc.layout_set_line_spacing(p->lay, 0.0);
}

/* The layout's logical size, in drawing units. */
static void pen_size(struct pen *p, double *w, double *h)
{
	PangoRectangle ink, logical;

	pc.layout_get_extents(p->lay, &ink, &logical);
	if (w)
		*w = (double)(logical.x + logical.width) / PANGO_SCALE / p->unit;
	if (h)
		*h = (double)(logical.y + logical.height) / PANGO_SCALE / p->unit;
}

/* Limits the layout to `lines` lines (at least one), the last one ended with "…" when text is
 * left over. */
static void pen_limit(struct pen *p, int lines)
{
	pc.layout_set_height(p->lay, -(lines > 0 ? lines : 1));
	pc.layout_set_ellipsize(p->lay, PANGO_ELLIPSIZE_END);
}

static void pen_show(struct pen *p, double x, double y, struct rgb c)
{
	set_rgb(p, c);
	pc.move_to(p->cr, x * p->unit, y * p->unit);
	pc.pc_show_layout(p->cr, p->lay);
}

/* One line of text at (x, y) ending in "…" when wider than w (0: any width); its height. */
static double line_at(struct pen *p, double x, double y, double w, const char *text, double size,
		      bool bold, struct rgb c)
{
	double h;

	pen_text(p, text, size, bold, w);
	if (w > 0)
		pen_limit(p, 1);
	pen_size(p, NULL, &h);
	pen_show(p, x, y, c);
	return h;
}

/* Text wrapped in width w, at most `lines` lines (0: any); its height. */
static double para_at(struct pen *p, double x, double y, double w, int lines, const char *text,
		      double size, bool bold, struct rgb c, bool draw)
{
	double h;

	pen_text(p, text, size, bold, w);
	if (lines > 0)
		pen_limit(p, lines);
	pen_size(p, NULL, &h);
	if (draw)
		pen_show(p, x, y, c);
	return h;
}

static void box_path(struct pen *p, double x, double y, double w, double h)
{
	pc.rectangle(p->cr, x * p->unit, y * p->unit, w * p->unit, h * p->unit);
}

/* A box in a look: its fill, hatching for a kept-free time, then its border inside the box. */
static void draw_box(struct pen *p, double x, double y, double w, double h, const struct look *k)
{
	double lw = k->width;

	pc.save(p->cr);
	box_path(p, x, y, w, h);
	set_rgb(p, k->fill);
	pc.fill(p->cr);
	if (k->hatch) {
		/* diagonal lines drawn, not a pattern fill */
		pc.save(p->cr);
		box_path(p, x, y, w, h);
		pc.clip(p->cr);
		pc.set_source_rgb(p->cr, 0.82, 0.82, 0.82);
		pc.set_line_width(p->cr, 1.2 * p->unit);
		for (double d = -h; d < w; d += 6.0) {
			pc.move_to(p->cr, (x + d) * p->unit, (y + h) * p->unit);
			pc.line_to(p->cr, (x + d + h) * p->unit, y * p->unit);
		}
		pc.stroke(p->cr);
		pc.restore(p->cr);
	}
	if (lw > 0 && w > lw && h > lw) {
		double dash[2] = { k->dash * p->unit, k->dash * 0.6 * p->unit };

		box_path(p, x + lw / 2, y + lw / 2, w - lw, h - lw);
		set_rgb(p, k->line);
		pc.set_line_width(p->cr, lw * p->unit);
		pc.set_dash(p->cr, dash, k->dash > 0 ? 2 : 0, 0);
		pc.stroke(p->cr);
	}
	pc.restore(p->cr);
}

/* ---- text that fits its box ---- */

/* The text of a box in three parts: a head (the time and marks), the title (bold) and the
 * speakers; joined with line breaks when the box is tall enough, else on one line. */
struct boxtext {
	const char *head, *title, *speakers;
};

/* Sets the layout to the parts joined by sep1 and sep2, the title cut to tlen bytes and
 * ended with "…" when cut; the title bold. */
static void set_parts(struct pen *p, const struct boxtext *t, size_t tlen, const char *sep1,
		      const char *sep2, double size, double w, struct rgb ink)
{
	struct strbuf sb;
	PangoAttrList *attrs = pc.attr_list_new();
	PangoAttribute *a;
	size_t t0 = 0, t1 = 0, full = strlen(t->title);

	strbuf_init(&sb);
	strbuf_adds(&sb, t->head);
	if (*t->title) {
		char *title;

		if (sb.len)
			strbuf_adds(&sb, sep1);
		t0 = sb.len;
		title = xstrndup(t->title, tlen);
		strbuf_adds(&sb, title);
		strbuf_adds(&sb, tlen < full ? "…" : "");
		free(title);
		t1 = sb.len;
		a = pc.attr_weight_new(PANGO_WEIGHT_BOLD);
		a->start_index = (guint)t0;
		a->end_index = (guint)t1;
		pc.attr_list_insert(attrs, a);
	}
	if (*t->speakers) {
		if (sb.len)
			strbuf_adds(&sb, sep2);
		strbuf_adds(&sb, t->speakers);
	}
	pen_text(p, sb.buf, size, false, w);
	a = pc.attr_foreground_new((guint16)(ink.r * 65535), (guint16)(ink.g * 65535), (guint16)(ink.b * 65535));
	pc.attr_list_insert(attrs, a);
	pc.layout_set_attributes(p->lay, attrs);
	pc.attr_list_unref(attrs);
	free(p->parts);
	p->parts = strbuf_detach(&sb);
	p->t0 = t0;
	p->t1 = t1;
	p->size = size;
	p->tlen = tlen < full ? tlen : full;
}

static bool fits(struct pen *p, double w, double h)
{
	double lw, lh;

	pen_size(p, &lw, &lh);
	return lw <= w + 0.01 && lh <= h + 0.01;
}

/* The byte length of the first n characters of s. */
static size_t chars_len(const char *s, size_t n)
{
	const char *q = s;

	while (*q && n) {
		q++;
		while ((*q & 0xc0) == 0x80)
			q++;
		n--;
	}
	return (size_t)(q - s);
}

/* The width of text on one line at size, bold or not, in drawing units. */
static double natural_width(struct pen *p, const char *text, double size, bool bold)
{
	double w;

	if (!*text)
		return 0;
	pen_text(p, text, size, bold, 0);
	pen_size(p, &w, NULL);
	return w;
}

/* Draws t in the box (x, y, w, h) — inner measures, padding already taken off: the parts on
 * their own lines at the largest size from `size` down to `min` that fits, else on one line;
 * at `min`, the title cut short (the head and speakers kept); only when even the head and
 * speakers cannot fit, the end of the text ends in "…".  Clipped to the box all the same.
 *
 * Without hinting, text scales with its size: the parts are measured once, on one line, and a
 * size or arrangement that cannot fit (its lines, at least the parts' widths over the box's,
 * too tall) is not laid out at all — a 40-room grid has hundreds of narrow boxes. */
static void fit_layout(struct pen *p, double w, double h, const struct boxtext *t, double size,
		       double min, bool flow, struct rgb ink)
{
	static const double steps[] = { 1.0, 0.88, 0.77, 0.66 };
	const char *const one_sep1 = "  ", *const one_sep2 = " — ";
	size_t full = strlen(t->title), nchars = 0, n;
	double wh, wt, ws, wsep, lh, k;
	bool done = false;

	if (w <= 0 || h <= 0)
		return;
	wh = natural_width(p, t->head, size, false);
	wt = natural_width(p, t->title, size, true);
	ws = natural_width(p, t->speakers, size, false);
	wsep = natural_width(p, "  —  ", size, false);
	pen_text(p, "0", size, false, 0);
	pen_size(p, NULL, &lh);
	for (size_t i = 0; i < sizeof(steps) / sizeof(*steps) && !done; i++) {
		double sz = size * steps[i], lines;

		if (sz < min)
			sz = min;
		k = sz / size;
		/* each part on its own lines */
		lines = (*t->head ? ceil(wh * k / w) : 0) + (*t->title ? ceil(wt * k / w) : 0) +
			(*t->speakers ? ceil(ws * k / w) : 0);
		if (!flow && lines * lh * k <= h + 0.01) {
			set_parts(p, t, full, "\n", "\n", sz, w, ink);
			if ((done = fits(p, w, h)))
				break;
		}
		/* on one line */
		lines = ceil((wh + wt + ws + wsep) * k / w);
		if ((lines < 1 ? 1 : lines) * lh * k <= h + 0.01) {
			set_parts(p, t, full, one_sep1, one_sep2, sz, w, ink);
			done = fits(p, w, h);
		}
		if (sz <= min)
			break;
	}
	if (!done) {
		/* The most of the title that fits with the head and the speakers on one line:
		 * guessed from the widths, then fewer characters until it fits. */
		double room, lines_fit;

		k = min / size;
		for (const char *q = t->title; *q; q++)
			nchars += (*q & 0xc0) != 0x80;
		lines_fit = floor((h + 0.01) / (lh * k));
		room = lines_fit * w * 0.92 - (wh + ws + wsep) * k;
		n = wt > 0 && room > 0 ? (size_t)((double)nchars * room / (wt * k)) : 0;
		if (n > nchars)
			n = nchars;
		for (int tries = 0; ; tries++) {
			set_parts(p, t, chars_len(t->title, n), one_sep1, one_sep2, min, w, ink);
			if ((done = fits(p, w, h)) || !n || tries == 8)
				break;
			n -= n / 6 ? n / 6 : 1;
		}
		if (!done) {
			/* not even that: as many lines as the box holds, ended with "…" */
			set_parts(p, t, 0, one_sep1, one_sep2, min, w, ink);
			pen_limit(p, lines_fit < 1 ? 1 : (int)lines_fit);
		}
	}
}

static void fit_box(struct pen *p, double x, double y, double w, double h, const struct boxtext *t,
		    double size, double min, struct rgb ink)
{
	struct boxtext c;

	if (w <= 0 || h <= 0)
		return;
	c.head = drawable(t->head);
	c.title = drawable(t->title);
	c.speakers = drawable(t->speakers);
	fit_layout(p, w, h, &c, size, min, false, ink);
	free((char *)c.head);
	free((char *)c.title);
	free((char *)c.speakers);
	pc.save(p->cr);
	box_path(p, x, y, w, h);
	pc.clip(p->cr);
	pen_show(p, x, y, ink);
	pc.restore(p->cr);
}

/* ---- shared by the SVG: the same fitting, as pieces of text placed in the box ---- */

/* The pen the SVG measures with: on a 1-pixel image surface, in pixels, no hinting, as the PDF's;
 * kept for the process (the fonts stay loaded). */
static struct pen measure;
static cairo_surface_t *measure_surface;

static struct pen *measure_pen(void)
{
	if (load_pango() < 0)
		return NULL;
	if (!measure.lay) {
		measure_surface = pc.image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
		if (pen_open(&measure, measure_surface, 1.0, true) < 0)
			return NULL;
	}
	return &measure;
}

static void release_measure_pen(void)
{
	if (measure.lay)
		pen_close(&measure);
	if (measure_surface)
		pc.surface_destroy(measure_surface);
	measure_surface = NULL;
}

static void add_run(struct print_fit *f, const char *text, size_t len, double x, double y, bool bold)
{
	struct print_fit_run *r;

	/* no blanks or line breaks at the ends */
	while (len && (text[len - 1] == ' ' || text[len - 1] == '\n'))
		len--;
	if (!len)
		return;
	f->runs = xrealloc(f->runs, (f->n + 1) * sizeof(*f->runs));
	r = &f->runs[f->n++];
	r->text = xstrndup(text, len);
	r->x = x;
	r->y = y;
	r->bold = bold;
}

/* The last line of an ellipsized layout: its text from `from`, cut to fit w with "…". */
static char *cut_line(struct pen *p, const char *from, double w, double size)
{
	size_t lo = 0, hi = 0;
	double lw;
	char *s;

	for (const char *q = from; *q; q++)
		hi += (*q & 0xc0) != 0x80;
	while (lo < hi) {
		size_t mid = (lo + hi + 1) / 2;
		s = xasprintf("%.*s…", (int)chars_len(from, mid), from);
		pen_text(p, s, size, false, 0);
		pen_size(p, &lw, NULL);
		free(s);
		if (lw <= w)
			lo = mid;
		else
			hi = mid - 1;
	}
	return xasprintf("%.*s…", (int)chars_len(from, lo), from);
}

int print_fit_box(const char *head, const char *title, const char *speakers, double w, double h,
		  double size, double min, bool flow, struct print_fit *out)
{
	struct pen *p = measure_pen();
	struct boxtext t;
	PangoLayoutIter *it;
	bool ellipsized;

	memset(out, 0, sizeof(*out));
	if (!p)
		return -1;
	if (w <= 0 || h <= 0)
		return 0;
	t.head = drawable(head);
	t.title = drawable(title);
	t.speakers = drawable(speakers);
	fit_layout(p, w, h, &t, size, min, flow, INK);
	out->size = p->size;
	if (p->tlen < strlen(t.title))
		out->title_cut = xstrndup(t.title, p->tlen);
	free((char *)t.head);
	free((char *)t.title);
	free((char *)t.speakers);
	ellipsized = pc.layout_is_ellipsized(p->lay);
	it = pc.layout_get_iter(p->lay);
	do {
		PangoLayoutLine *l = pc.iter_get_line_readonly(it);
		double y = (double)pc.iter_get_baseline(it) / PANGO_SCALE;
		size_t a = (size_t)l->start_index, e = a + (size_t)l->length;
		bool last = !pc.iter_next_line(it);

		if (y > h)
			break;
		if (last && ellipsized) {
			/* only when not even the head and speakers fit: one plain line, cut */
			char *cut = cut_line(p, p->parts + a, w, p->size);
			add_run(out, cut, strlen(cut), 0, y, false);
			free(cut);
			break;
		}
		/* the line in pieces: before the title, the title (bold), after it */
		{
			size_t t0 = p->t1 > p->t0 ? p->t0 : e, t1 = p->t1 > p->t0 ? p->t1 : e;
			size_t from[3] = { a, t0 > a ? t0 : a, t1 > a ? t1 : a };
			size_t to[3] = { t0 < e ? t0 : e, t1 < e ? t1 : e, e };

			for (int k = 0; k < 3; k++) {
				size_t s0 = from[k], s1 = to[k];
				int x;

				while (s0 < s1 && p->parts[s0] == ' ')
					s0++;
				if (s0 >= s1)
					continue;
				pc.line_index_to_x(l, (int)s0, 0, &x);
				add_run(out, p->parts + s0, s1 - s0, (double)x / PANGO_SCALE, y, k == 1);
			}
		}
		if (last)
			break;
	} while (1);
	pc.iter_free(it);
	return 0;
}

void print_fit_release(struct print_fit *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->runs[i].text);
	free(f->runs);
	free(f->title_cut);
	memset(f, 0, sizeof(*f));
}

int print_fit_lines(const char *text, double size, bool bold, double width, int max_lines,
		    struct strlist *out)
{
	struct pen *m = measure_pen();
	int n;

	if (!m)
		return -1;
	pen_text(m, text, size, bold, width);
	if (max_lines > 0)
		pen_limit(m, max_lines);
	n = pc.layout_get_line_count(m->lay);
	for (int i = 0; i < n; i++) {
		PangoLayoutLine *l = pc.layout_get_line_readonly(m->lay, i);
		char *s;
		size_t len;

		if (i == n - 1 && pc.layout_is_ellipsized(m->lay)) {
			s = cut_line(m, text + l->start_index, width, size);
			/* no blank before the "…" */
			len = strlen(s) - strlen("…");
			while (len && s[len - 1] == ' ')
				len--;
			memmove(s + len, "…", sizeof("…"));
		} else {
			s = xstrndup(text + l->start_index, (size_t)l->length);
			len = strlen(s);
			while (len && (s[len - 1] == ' ' || s[len - 1] == '\n'))
				s[--len] = '\0';
		}
		strlist_push(out, s);
		free(s);
	}
	return 0;
}

/* ---- the PDF: the grid, one page per day ---- */

#define PG_MARGIN 22.0

struct grid {
	struct pen *p;
	const struct print_doc *d;
	const struct pday *day;
	double w, h;              /* the page */
	double gx0, gx1, gy0, gy1; /* the grid's area */
	double colw;
};

static double gy(const struct grid *g, int64_t t)
{
	return g->gy0 + pday_rows(g->day, t) / pday_total_rows(g->day) * (g->gy1 - g->gy0);
}

/* A legend entry: a swatch in look k and its label; moves *x on. */
static void legend(struct pen *p, double *x, double y, double size, const struct look *k,
		   const char *label)
{
	double lw;

	draw_box(p, *x, y + size * 0.15, size * 2.0, size * 1.1, k);
	pen_text(p, label, size, false, 0);
	pen_size(p, &lw, NULL);
	pen_show(p, *x + size * 2.5, y, INK);
	*x += size * 2.5 + lw + size * 1.5;
}

static const struct look *session_look(const struct session *se, unsigned flags)
{
	if (flags & PRINT_PLANNED)
		return &look_planned;
	if (flags & PRINT_ALTERNATIVE)
		return &look_alt;
	if (se->type == SESSION_BREAK)
		return &look_break;
	return &look_other;
}

/* "→ 09:40-10:10 · pinned · keynote": the head of a session's box; caller frees. */
static char *session_head(const struct schedule *s, const struct session *se, const struct pitem *it,
			  bool with_alt)
{
	struct strbuf sb;
	char span[FORMAT_SPAN_MAX];

	print_span(s, it->start, it->end, span, sizeof(span));
	strbuf_init(&sb);
	strbuf_addf(&sb, "%s%s", it->room_change ? "→ " : "", span);
	if (it->flags & PRINT_PLANNED)
		strbuf_adds(&sb, (it->flags & PRINT_PINNED) ? " ★ pinned" : " ★");
	if (with_alt && (it->flags & (PRINT_ALTERNATIVE | PRINT_PLANNED)) == PRINT_ALTERNATIVE)
		strbuf_adds(&sb, " · room full?");
	if (se->type != SESSION_TALK && se->type != SESSION_OTHER)
		strbuf_addf(&sb, " · %s", session_type_name(se->type));
	return strbuf_detach(&sb);
}

static void grid_session(struct grid *g, const struct pitem *it)
{
	const struct schedule *s = g->d->s;
	const struct session *se = &s->sessions[it->session];
	const struct look *k = session_look(se, it->flags);
	double x = g->gx0 + it->col * g->colw + 1.0, w = it->ncols * g->colw - 2.0;
	double y = gy(g, it->start) + 0.5, h = gy(g, it->end) - gy(g, it->start) - 1.0;
	double pad = k->width + 1.2, vpad = k->width + 0.1;
	char *title = print_title(se), *speakers = print_speakers(se), *head = session_head(s, se, it, true);
	struct boxtext t = { head, title, speakers };

	if (h < 1.0)
		h = 1.0;
	if (it->start == it->end && h < 9.0)
		h = 9.0;	/* an instant: one line, time and title */
	draw_box(g->p, x, y, w, h, k);
	/* the font's line box has room above and below the letters: a thin margin is enough */
	fit_box(g->p, x + pad, y + vpad, w - 2 * pad, h - 2 * vpad, &t, 7.0, 4.5, k->ink);
	free(head);
	free(title);
	free(speakers);
}

static void grid_busy(struct grid *g, const struct pitem *it)
{
	double y0 = gy(g, it->start), y1 = gy(g, it->end);
	char span[FORMAT_SPAN_MAX], *line;
	struct boxtext t = { NULL, NULL, "" };

	draw_box(g->p, g->gx0, y0, g->gx1 - g->gx0, y1 - y0, &look_busy);
	print_span(g->d->s, it->start, it->end, span, sizeof(span));
	line = xstrdup(it->label);	/* "break (kept free)", "TEXT (busy)" */
	t.head = span;
	t.title = line;
	fit_box(g->p, g->gx0 + 3.0, y0 + 1.5, g->gx1 - g->gx0 - 6.0, y1 - y0 - 3.0, &t, 7.0, 4.5, look_busy.ink);
	free(line);
}

static void pdf_day(struct pen *p, const struct print_doc *d, int day, double pw, double ph)
{
	const struct schedule *s = d->s;
	const char *where = print_where(s);
	struct pday pd;
	struct grid g;
	char dl[48], dur[24], span[16], *line, *name = text_sanitize(s->conf.name);
	double x, y, hh, head_h = 0;
	size_t unplaced = 0;
	struct strbuf foot;

	pday_build(&pd, d, day, true);
	memset(&g, 0, sizeof(g));
	g.p = p;
	g.d = d;
	g.day = &pd;
	g.w = pw;
	g.h = ph;

	/* white page */
	pc.set_source_rgb(p->cr, 1, 1, 1);
	pc.paint(p->cr);

	y = PG_MARGIN - 6.0;
	line = xasprintf("%s · %s", name, d->what);
	y += line_at(p, PG_MARGIN, y, pw - 2 * PG_MARGIN, line, 14.0, true, INK);
	free(line);
	print_day_line(s, day, dl, sizeof(dl));
	line = xasprintf("%s%s%s · times in %s", dl, where ? " · " : "", where ? where : "", tz_name(s->tz));
	y += line_at(p, PG_MARGIN, y, pw - 2 * PG_MARGIN, line, 8.5, false, GREY);
	free(line);
	x = PG_MARGIN;
	legend(p, &x, y + 1.0, 7.5, &look_planned, "★ planned");
	legend(p, &x, y + 1.0, 7.5, &look_alt, "room full? the alternative (dashed)");
	legend(p, &x, y + 1.0, 7.5, &look_other, "other sessions");
	legend(p, &x, y + 1.0, 7.5, &look_break, "break");
	if (d->nbusy)
		legend(p, &x, y + 1.0, 7.5, &look_busy, "kept free (hatched)");
	y += 7.5 * 1.6 + 4.0;

	g.gx0 = PG_MARGIN + 28.0;
	g.gx1 = pw - PG_MARGIN;
	g.colw = (g.gx1 - g.gx0) / (double)(pd.ncols ? pd.ncols : 1);
	/* room names: up to two lines, the tallest decides */
	for (size_t c = 0; c < pd.ncols; c++) {
		char *room = print_column(&s->rooms[pd.cols[c]]);
		hh = para_at(p, 0, 0, g.colw - 4.0, 2, room, 8.0, true, INK, false);
		if (hh > head_h)
			head_h = hh;
		free(room);
	}
	for (size_t c = 0; c < pd.ncols; c++) {
		char *room = print_column(&s->rooms[pd.cols[c]]);
		double rw;

		pen_text(p, room, 8.0, true, g.colw - 4.0);
		pen_limit(p, 2);
		pc.layout_set_alignment(p->lay, PANGO_ALIGN_CENTER);
		pen_size(p, &rw, &hh);
		pen_show(p, g.gx0 + c * g.colw + 2.0, y + head_h - hh, INK);
		free(room);
	}
	y += head_h + 2.0;
	pc.set_source_rgb(p->cr, 0.13, 0.13, 0.13);
	pc.set_line_width(p->cr, 1.5);
	pc.move_to(p->cr, g.gx0, y);
	pc.line_to(p->cr, g.gx1, y);
	pc.stroke(p->cr);
	g.gy0 = y + 1.0;
	g.gy1 = ph - PG_MARGIN - 12.0;

	/* hours, and the empty stretches cut short */
	for (int64_t t = pd.origin; t <= pd.end; t += 3600) {
		char hm[8];
		double ty = gy(&g, t);
		bool skip = false;

		for (size_t i = 0; i < pd.nsegs; i++)
			skip |= pd.segs[i].cut && pd.segs[i].start < t && t < pd.segs[i].end;
		if (skip)
			continue;
		pc.set_source_rgb(p->cr, 0.8, 0.8, 0.8);
		pc.set_line_width(p->cr, 0.5);
		pc.move_to(p->cr, PG_MARGIN, ty);
		pc.line_to(p->cr, g.gx1, ty);
		pc.stroke(p->cr);
		if (t < pd.end) {
			format_hm(s->tz, t, hm, sizeof(hm));
			line_at(p, PG_MARGIN, ty + 0.5, g.gx0 - PG_MARGIN - 2.0, hm, 7.0, false, GREY);
		}
	}
	for (size_t i = 0; i < pd.nsegs; i++) {
		double y0, y1;
		struct look cut = { { 0.98, 0.98, 0.98 }, { 0.67, 0.67, 0.67 }, 0.6, 2.0, { 0.4, 0.4, 0.4 }, false };

		if (!pd.segs[i].cut)
			continue;
		y0 = gy(&g, pd.segs[i].start);
		y1 = gy(&g, pd.segs[i].end);
		draw_box(p, PG_MARGIN, y0, g.gx1 - PG_MARGIN, y1 - y0, &cut);
		print_span(s, pd.segs[i].start, pd.segs[i].end, span, sizeof(span));
		line = xasprintf("%s · nothing scheduled", span);
		pen_text(p, line, 7.0, false, g.gx1 - g.gx0);
		pen_limit(p, 1);
		pc.layout_set_alignment(p->lay, PANGO_ALIGN_CENTER);
		pen_size(p, NULL, &hh);
		if (hh <= y1 - y0)
			pen_show(p, g.gx0, (y0 + y1 - hh) / 2, cut.ink);
		free(line);
	}
	for (size_t i = 0; i < pd.n; i++)
		if (pd.items[i].kind == PITEM_BUSY)
			grid_busy(&g, &pd.items[i]);
	for (size_t i = 0; i < pd.n; i++) {
		if (pd.items[i].kind != PITEM_SESSION)
			continue;
		if (pd.items[i].ncols)
			grid_session(&g, &pd.items[i]);
		else
			unplaced++;
	}

	/* the foot: the day in numbers, rooms left out, sessions without a room */
	strbuf_init(&foot);
	format_duration(pd.free_time, false, dur, sizeof(dur));
	strbuf_addf(&foot, "%zu session%s planned, %d room change%s (→), %s free between them.",
		    pd.nplanned, pd.nplanned == 1 ? "" : "s", pd.room_changes,
		    pd.room_changes == 1 ? "" : "s", pd.free_time ? dur : "no time");
	if (pd.hidden_rooms)
		strbuf_addf(&foot, " %zu other room%s not shown (--all shows every room).", pd.hidden_rooms,
			    pd.hidden_rooms == 1 ? "" : "s");
	if (unplaced) {
		strbuf_adds(&foot, " Without a room:");
		for (size_t i = 0, k = 0; i < pd.n; i++) {
			const struct pitem *it = &pd.items[i];
			char *title;

			if (it->kind != PITEM_SESSION || it->ncols)
				continue;
			title = print_title(&s->sessions[it->session]);
			print_span(s, it->start, it->end, span, sizeof(span));
			strbuf_addf(&foot, "%s %s%s %s", k++ ? ";" : "",
				    (it->flags & PRINT_PLANNED) ? "planned: " : "", span, title);
			free(title);
		}
		strbuf_addc(&foot, '.');
	}
	{
		/* the foot's text is not bold: set as a head */
		struct boxtext t = { foot.buf, "", "" };

		fit_box(p, PG_MARGIN, ph - PG_MARGIN - 10.0, pw - 2 * PG_MARGIN, PG_MARGIN + 8.0, &t, 7.5, 5.0, GREY);
	}
	strbuf_release(&foot);
	free(name);
	pday_release(&pd);
}

static cairo_status_t write_stream(void *closure, const unsigned char *data, unsigned int length)
{
	return fwrite(data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

int print_pdf(FILE *f, const struct print_doc *d)
{
	double pw = d->paper == PRINT_LETTER ? 792.0 : 842.0, ph = d->paper == PRINT_LETTER ? 612.0 : 595.0;
	cairo_surface_t *surface;
	struct pen p;
	cairo_status_t st;
	char *title;

	if (load_pango() < 0)
		return -1;
	surface = pc.pdf_surface_create_for_stream(write_stream, f, pw, ph);
	if (pc.surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		pc.surface_destroy(surface);
		return error(EX_SOFTWARE, "cannot make a PDF: out of memory");
	}
	title = xasprintf("%s · %s", d->s->conf.name ? d->s->conf.name : "", d->what);
	{
		char *clean = text_sanitize(title);
		pc.pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, clean);
		pc.pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "planner");
		free(clean);
	}
	free(title);
	if (pen_open(&p, surface, 1.0, true) < 0) {
		pc.surface_destroy(surface);
		return -1;
	}
	for (size_t k = 0; k < d->ndays; k++) {
		pdf_day(&p, d, d->days[k], pw, ph);
		pc.show_page(p.cr);
	}
	/* Cairo stops drawing at its first error: say so rather than write a half-drawn page */
	st = pc.status(p.cr);
	pen_close(&p);
	if (st != CAIRO_STATUS_SUCCESS) {
		pc.surface_destroy(surface);
		return error(EX_SOFTWARE, "cannot draw the pdf: cairo status %d", (int)st);
	}
	pc.surface_finish(surface);
	st = pc.surface_status(surface);
	pc.surface_destroy(surface);
	if (st != CAIRO_STATUS_SUCCESS)
		return error(EX_IOERR, "cannot write the pdf output");
	return 0;
}

/* ---- the PNG: one day's agenda, phone portrait ---- */

/* Layout in "points" of a 360-point-wide phone screen, drawn 3 pixels a point. */
#define PNG_UNIT 3.0
#define PH_W 360.0
#define PH_MIN_H 640.0
#define PH_MARGIN 16.0
#define PH_TIME_W 58.0            /* the time column */
#define PH_CARD_X (PH_MARGIN + PH_TIME_W)
#define PH_CARD_W (PH_W - PH_MARGIN - PH_CARD_X)
#define PH_PAD 7.0

/* Draws (draw) or measures one item of the agenda at y; its height. */
static double phone_item(struct pen *p, const struct print_doc *d, const struct pitem *it, double y,
			 bool draw)
{
	const struct schedule *s = d->s;
	char a[8], b[8], dur[24], *line;
	double h = 0, th;
	double tw = PH_CARD_W - 2 * PH_PAD;

	format_hm(s->tz, it->start, a, sizeof(a));
	format_hm(s->tz, it->end, b, sizeof(b));
	if (it->kind == PITEM_GAP) {
		format_duration(it->end - it->start, false, dur, sizeof(dur));
		line = xasprintf("free · %s", dur);
		h = para_at(p, PH_CARD_X + PH_PAD, y + 4.0, tw, 1, line, 11.0, false, GREY, draw) + 8.0;
		if (draw) {
			double dash[2] = { 2.0 * p->unit, 3.0 * p->unit };
			pc.save(p->cr);
			pc.set_source_rgb(p->cr, 0.6, 0.6, 0.6);
			pc.set_line_width(p->cr, 1.5 * p->unit);
			pc.set_dash(p->cr, dash, 2, 0);
			pc.move_to(p->cr, (PH_CARD_X + 2.0) * p->unit, y * p->unit);
			pc.line_to(p->cr, (PH_CARD_X + 2.0) * p->unit, (y + h) * p->unit);
			pc.stroke(p->cr);
			pc.restore(p->cr);
		}
		free(line);
		return h + 4.0;
	}
	if (it->kind == PITEM_BUSY) {
		line = xstrdup(it->label);	/* "break (kept free)", "TEXT (busy)" */
		th = para_at(p, 0, 0, tw, 2, line, 12.0, false, INK, false);
		h = th + 2 * PH_PAD;
		if (draw) {
			draw_box(p, PH_CARD_X, y, PH_CARD_W, h, &look_busy);
			para_at(p, PH_CARD_X + PH_PAD, y + PH_PAD, tw, 2, line, 12.0, false, INK, true);
			line_at(p, PH_MARGIN, y + PH_PAD, PH_TIME_W - 4.0, a, 14.0, true, INK);
		}
		free(line);
		return h + 6.0;
	}
	{
		const struct session *se = &s->sessions[it->session];
		const struct look *k = session_look(se, it->flags);
		char *title = print_title(se), *speakers = print_speakers(se);
		char *room = print_room_place(s, se);
		struct strbuf top;
		long alt = d->all ? -1 : d->alternative[it->session];

		strbuf_init(&top);
		if (it->room_change)
			strbuf_addf(&top, "→ move to %s", *room ? room : "another room");
		else
			strbuf_adds(&top, *room ? room : "no room");
		if (it->flags & PRINT_PLANNED)
			strbuf_adds(&top, (it->flags & PRINT_PINNED) ? " · ★ pinned" : " · ★");
		else if (it->flags & PRINT_ALTERNATIVE)
			strbuf_adds(&top, " · alternative");
		if (se->type != SESSION_TALK && se->type != SESSION_OTHER)
			strbuf_addf(&top, " · %s", session_type_name(se->type));

		/* measure, then draw at the same places */
		for (int pass = draw ? 0 : 1; pass < 2; pass++) {
			bool ink = pass == 1 && draw;
			double cy = y + PH_PAD;

			if (pass == 1 && draw)
				draw_box(p, PH_CARD_X, y, PH_CARD_W, h, k);
			cy += para_at(p, PH_CARD_X + PH_PAD, cy, tw, 2, top.buf, 11.0, it->room_change,
				      it->room_change ? (struct rgb){ 0.6, 0.1, 0.0 } : k->ink, ink);
			cy += 1.0;
			cy += para_at(p, PH_CARD_X + PH_PAD, cy, tw, 4, title, 15.0, true, k->ink, ink);
			if (*speakers)
				cy += para_at(p, PH_CARD_X + PH_PAD, cy, tw, 2, speakers, 12.0, false, k->ink, ink);
			cy += PH_PAD;
			if (pass == 0 || !draw)
				h = cy - y;
			if (ink) {
				line_at(p, PH_MARGIN, y + PH_PAD, PH_TIME_W - 4.0, a, 15.0, true, INK);
				if (it->end != it->start)	/* an instant has no end */
					line_at(p, PH_MARGIN, y + PH_PAD + 20.0, PH_TIME_W - 4.0, b, 11.0,
						false, GREY);
			}
		}
		if (alt >= 0) {
			const struct session *as = &s->sessions[alt];
			char *atitle = print_title(as), *aroom = print_room(s, as), *aline;
			double ah, ay = y + h + 3.0;

			aline = xasprintf("room full? → %s: %s", *aroom ? aroom : "-", atitle);
			ah = para_at(p, 0, 0, PH_CARD_W - 12.0 - 2 * PH_PAD, 3, aline, 11.0, false, look_alt.ink, false) + 10.0;
			if (draw) {
				draw_box(p, PH_CARD_X + 12.0, ay, PH_CARD_W - 12.0, ah, &look_alt);
				para_at(p, PH_CARD_X + 12.0 + PH_PAD, ay + 5.0, PH_CARD_W - 12.0 - 2 * PH_PAD, 3,
					aline, 11.0, false, look_alt.ink, true);
			}
			h += 3.0 + ah;
			free(aline);
			free(atitle);
			free(aroom);
		}
		strbuf_release(&top);
		free(title);
		free(speakers);
		free(room);
	}
	return h + 6.0;
}

/* Draws (draw) or measures the day's picture; its height in points. */
static double phone_day(struct pen *p, const struct print_doc *d, int day, bool draw)
{
	const struct schedule *s = d->s;
	const char *where = print_where(s);
	struct pday pd;
	char dl[48], dur[24], *line, *name = text_sanitize(s->conf.name);
	double y = PH_MARGIN, x, w = PH_W - 2 * PH_MARGIN;

	pday_build(&pd, d, day, false);
	if (draw) {
		pc.set_source_rgb(p->cr, 1, 1, 1);
		pc.paint(p->cr);
	}
	y += para_at(p, PH_MARGIN, y, w, 2, name, 20.0, true, INK, draw);
	print_day_line(s, day, dl, sizeof(dl));
	line = xasprintf("%s · %s", dl, d->what);
	y += para_at(p, PH_MARGIN, y, w, 2, line, 12.5, false, INK, draw);
	free(line);
	if (where || d->s->tz) {
		line = xasprintf("%s%stimes in %s", where ? where : "", where ? " · " : "", tz_name(s->tz));
		y += para_at(p, PH_MARGIN, y, w, 2, line, 10.0, false, GREY, draw);
		free(line);
	}
	format_duration(pd.free_time, false, dur, sizeof(dur));
	line = xasprintf("%zu session%s planned · %d room change%s · %s free", pd.nplanned,
			 pd.nplanned == 1 ? "" : "s", pd.room_changes, pd.room_changes == 1 ? "" : "s",
			 pd.free_time ? dur : "no time");
	y += 2.0 + para_at(p, PH_MARGIN, y + 2.0, w, 2, line, 12.0, true, INK, draw);
	free(line);
	/* the legend, two to a line */
	y += 6.0;
	x = PH_MARGIN;
	if (draw) {
		legend(p, &x, y, 10.0, &look_planned, "★ planned");
		legend(p, &x, y, 10.0, &look_alt, "room full? alternative");
	}
	y += 16.0;
	x = PH_MARGIN;
	if (draw) {
		legend(p, &x, y, 10.0, &look_break, "break");
		if (d->all)
			legend(p, &x, y, 10.0, &look_other, "other sessions");
		if (d->nbusy)
			legend(p, &x, y, 10.0, &look_busy, "kept free");
	}
	y += 22.0;
	if (draw) {
		pc.set_source_rgb(p->cr, 0.13, 0.13, 0.13);
		pc.set_line_width(p->cr, 1.0 * p->unit);
		pc.move_to(p->cr, PH_MARGIN * p->unit, (y - 6.0) * p->unit);
		pc.line_to(p->cr, (PH_W - PH_MARGIN) * p->unit, (y - 6.0) * p->unit);
		pc.stroke(p->cr);
	}
	for (size_t i = 0; i < pd.n; i++)
		y += phone_item(p, d, &pd.items[i], y, draw);
	if (!pd.n)
		y += para_at(p, PH_MARGIN, y, w, 1, "nothing planned on this day", 13.0, false, GREY, draw);
	free(name);
	pday_release(&pd);
	return y + PH_MARGIN;
}

int print_png(FILE *f, const struct print_doc *d)
{
	cairo_surface_t *surface;
	struct pen p;
	double h;
	int ph;
	cairo_status_t st;

	if (d->ndays != 1)
		return error(EX_USAGE, "a png holds one day and there are %zu to print: say which "
			     "with --day", d->ndays);
	if (load_pango() < 0)
		return -1;
	/* measure on a small surface with the same font options, then draw */
	surface = pc.image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
	if (pen_open(&p, surface, PNG_UNIT, false) < 0) {
		pc.surface_destroy(surface);
		return -1;
	}
	h = phone_day(&p, d, d->days[0], false);
	pen_close(&p);
	pc.surface_destroy(surface);
	if (h < PH_MIN_H)
		h = PH_MIN_H;
	if (h * PNG_UNIT > 32000.0)    /* Cairo's limit is 32767 pixels */
		return error(EX_USAGE, "the day is too long for one picture (%.0f pixels high); print it "
			     "as a pdf, or only the plan (without --all)", ceil(h * PNG_UNIT));
	ph = (int)ceil(h * PNG_UNIT);
	surface = pc.image_surface_create(CAIRO_FORMAT_RGB24, (int)(PH_W * PNG_UNIT), ph);
	if (pc.surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		pc.surface_destroy(surface);
		return error(EX_SOFTWARE, "cannot make a png: out of memory");
	}
	if (pen_open(&p, surface, PNG_UNIT, false) < 0) {
		pc.surface_destroy(surface);
		return -1;
	}
	phone_day(&p, d, d->days[0], true);
	st = pc.status(p.cr);
	pen_close(&p);
	if (st != CAIRO_STATUS_SUCCESS) {
		pc.surface_destroy(surface);
		return error(EX_SOFTWARE, "cannot draw the png: cairo status %d", (int)st);
	}
	st = pc.surface_write_to_png_stream(surface, write_stream, f);
	pc.surface_destroy(surface);
	if (st != CAIRO_STATUS_SUCCESS)
		return error(EX_IOERR, "cannot write the png output");
	return 0;
}
