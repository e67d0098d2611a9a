/* print_svg.c: the day plan as an SVG image — the same rooms × time grid as the HTML page, one
 * A4-landscape-shaped panel (1123 × 794 px) per day, stacked; text escaped and fitted inside its
 * box as the PDF fits it (print_fit_box: measured with Pango), in a CJK-capable font stack; only
 * what rsvg-convert, chromium and ImageMagick's own renderer all draw the same (no clip paths,
 * no patterns, no tspans). */
#include <stdlib.h>
#include <string.h>

#include "print_int.h"
#include "text.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

#define PAGE_W 1123.0
#define PAGE_H 794.0
#define MARGIN 24.0
#define GRID_X0 (MARGIN + 40.0)
#define GRID_X1 (PAGE_W - MARGIN)
#define HEAD_Y 92.0           /* top of the room names */
#define GRID_Y0 (HEAD_Y + 24.0)
#define GRID_Y1 (PAGE_H - 40.0)
/* Estimated advance of one display column, in ems (Hangul: two columns, about 1 em). */
#define EM_PER_COL 0.56

struct svg_day {
	const struct print_doc *d;
	const struct pday *p;
	double top;               /* the panel's offset */
	double colw;
};

static double y_of(const struct svg_day *g, int64_t t)
{
	return g->top + GRID_Y0 + pday_rows(g->p, t) / pday_total_rows(g->p) * (GRID_Y1 - GRID_Y0);
}

static void text_el(FILE *f, double x, double y, double size, const char *weight, const char *fill,
		    const char *anchor, const char *s)
{
	fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\"%s%s%s fill=\"%s\"%s%s%s>", x, y, size,
		weight ? " font-weight=\"" : "", weight ? weight : "", weight ? "\"" : "", fill,
		anchor ? " text-anchor=\"" : "", anchor ? anchor : "", anchor ? "\"" : "");
	put_xml(f, s);
	fputs("</text>\n", f);
}

/* A text on one line of `width` pixels at font size `size`, ended with "…" when it is cut, as
 * Pango measures it in the font stack (print_fit_lines); without Pango, cut by display width. */
static char *fit_bold(const char *s, double width, double size, bool bold)
{
	char *clean = text_sanitize(s), *cut;
	struct strlist l;

	strlist_init(&l);
	if (print_fit_lines(clean, size, bold, width, 1, &l) == 0 && l.n) {
		cut = xstrdup(l.v[0]);
	} else {
		int cols = (int)(width / (size * EM_PER_COL));
		cut = text_truncate(clean, (size_t)(cols > 1 ? cols : 1));
	}
	strlist_release(&l);
	free(clean);
	return cut;
}

static char *fit(const char *s, double width, double size)
{
	return fit_bold(s, width, size, false);
}

/* Diagonal lines over the box, each cut to it (no pattern fill: ImageMagick paints those
 * black), under a dashed border: a time kept free. */
static void hatch(FILE *f, double x, double y, double w, double h)
{
	fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#ffffff\" "
		"stroke=\"#999999\" stroke-dasharray=\"3 2\"/>\n", x, y, w, h);
	fputs("<path stroke=\"#dddddd\" stroke-width=\"1.5\" fill=\"none\" d=\"", f);
	/* lines x + y = c for c every 8 px, from the bottom left up to the right */
	for (double c = 8.0; c < w + h; c += 8.0) {
		double x0 = c <= h ? 0 : c - h, x1 = c <= w ? c : w;
		fprintf(f, "M%.1f %.1fL%.1f %.1f", x + x0, y + (c - x0), x + x1, y + (c - x1));
	}
	fputs("\"/>\n", f);
}

static void svg_session(FILE *f, const struct svg_day *g, const struct pitem *it)
{
	const struct schedule *s = g->d->s;
	const struct session *se = &s->sessions[it->session];
	double x = GRID_X0 + it->col * g->colw + 1.5, w = it->ncols * g->colw - 3.0;
	double y = y_of(g, it->start) + 1.0, h = y_of(g, it->end) - y_of(g, it->start) - 2.0;
	const char *fill = "#f3f3f3", *stroke = "#c8c8c8", *dash = NULL, *ink = "#444";
	double sw = 1.0;
	char span[FORMAT_SPAN_MAX], *title = print_title(se), *speakers = print_speakers(se), *head;
	struct print_fit fitted;

	if (h < 2.0)
		h = 2.0;
	if (it->start == it->end && h < 13.0)
		h = 13.0;	/* an instant: one line, time and title */
	if (it->flags & PRINT_PLANNED) {
		fill = "#ffd84d"; stroke = "#111111"; ink = "#000"; sw = 2.0;
	} else if (it->flags & PRINT_ALTERNATIVE) {
		fill = "#e7f0fb"; stroke = "#1c4f9c"; ink = "#0c2a57"; sw = 2.0; dash = "5 3";
	} else if (se->type == SESSION_BREAK) {
		fill = "#e4f2e4"; stroke = "#99cc99";
	}
	print_span(s, it->start, it->end, span, sizeof(span));
	fprintf(f, "<g>\n<title>%s ", span);
	put_xml(f, se->title);
	if (*speakers) {
		fputs(" — ", f);
		put_xml(f, speakers);
	}
	fputs("</title>\n", f);
	fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"3\" fill=\"%s\" "
		"stroke=\"%s\" stroke-width=\"%.1f\"%s%s%s/>\n", x, y, w, h, fill, stroke, sw,
		dash ? " stroke-dasharray=\"" : "", dash ? dash : "", dash ? "\"" : "");
	{
		struct strbuf sb;

		strbuf_init(&sb);
		strbuf_addf(&sb, "%s%s", it->room_change ? "→ " : "", span);
		if (it->flags & PRINT_PLANNED)
			strbuf_adds(&sb, (it->flags & PRINT_PINNED) ? " ★ pinned" : " ★");
		if ((it->flags & (PRINT_ALTERNATIVE | PRINT_PLANNED)) == PRINT_ALTERNATIVE)
			strbuf_adds(&sb, " · room full?");
		if (se->type != SESSION_TALK && se->type != SESSION_OTHER)
			strbuf_addf(&sb, " · %s", session_type_name(se->type));
		head = strbuf_detach(&sb);
	}
	/* the text fitted inside the border, as the PDF fits it: no clipping needed (ImageMagick
	 * drops the first letter of clipped text) */
	if (print_fit_box(head, title, speakers, w - 2 * sw - 7.0, h - 2 * sw - 1.0, 10.5, 7.0, false, &fitted) == 0) {
		for (size_t i = 0; i < fitted.n; i++) {
			const struct print_fit_run *r = &fitted.runs[i];
			/* after bold text on the same line, 3 px more: renderers set bold a little
			 * wider than Pango measured it (the room is left at the right) */
			double shift = i && fitted.runs[i - 1].bold && fitted.runs[i - 1].y == r->y ? 3.0 : 0;

			text_el(f, x + sw + 2.0 + r->x + shift, y + sw + 0.5 + r->y, fitted.size,
				r->bold ? "bold" : NULL, ink, NULL, r->text);
		}
		print_fit_release(&fitted);
	}
	fputs("</g>\n", f);
	free(head);
	free(title);
	free(speakers);
}

static void legend_item(FILE *f, double *x, double y, const char *fill, const char *stroke,
			const char *dash, const char *label)
{
	fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"16\" height=\"10\" rx=\"2\" fill=\"%s\" "
		"stroke=\"%s\" stroke-width=\"1.5\"%s%s%s/>\n", *x, y - 9.0, fill, stroke,
		dash ? " stroke-dasharray=\"" : "", dash ? dash : "", dash ? "\"" : "");
	text_el(f, *x + 20.0, y, 11.0, NULL, "#222", NULL, label);
	*x += 20.0 + (double)text_width(label) * 11.0 * EM_PER_COL + 16.0;
}

static void svg_day(FILE *f, const struct print_doc *d, int day, double top)
{
	const struct schedule *s = d->s;
	const char *where = print_where(s);
	struct pday p;
	struct svg_day g;
	char dl[48], dur[24], span[FORMAT_SPAN_MAX], *line, *name = text_sanitize(s->conf.name), *cut;
	double lx = MARGIN;

	pday_build(&p, d, day, true);
	g.d = d;
	g.p = &p;
	g.top = top;
	g.colw = (GRID_X1 - GRID_X0) / (double)(p.ncols ? p.ncols : 1);

	fprintf(f, "<g>\n<rect x=\"0\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n",
		top, PAGE_W, PAGE_H);
	line = xasprintf("%s · %s", name, d->what);
	cut = fit_bold(line, PAGE_W - 2 * MARGIN, 20.0, true);
	text_el(f, MARGIN, top + 36.0, 20.0, "bold", "#111", NULL, cut);
	free(cut);
	free(line);
	print_day_line(s, day, dl, sizeof(dl));
	line = xasprintf("%s%s%s · times in %s", dl, where ? " · " : "", where ? where : "", tz_name(s->tz));
	cut = fit(line, PAGE_W - 2 * MARGIN, 12.0);
	text_el(f, MARGIN, top + 58.0, 12.0, NULL, "#333", NULL, cut);
	free(cut);
	free(line);
	legend_item(f, &lx, top + 80.0, "#ffd84d", "#111111", NULL, "★ planned");
	legend_item(f, &lx, top + 80.0, "#e7f0fb", "#1c4f9c", "5 3", "room full? the alternative (dashed)");
	legend_item(f, &lx, top + 80.0, "#f3f3f3", "#c8c8c8", NULL, "other sessions");
	if (d->nbusy)
		legend_item(f, &lx, top + 80.0, "#ffffff", "#999999", "3 2", "kept free (hatched)");

	/* rooms */
	for (size_t c = 0; c < p.ncols; c++) {
		char *head = print_column(&s->rooms[p.cols[c]]);

		cut = fit_bold(head, g.colw - 6.0, 12.0, true);
		free(head);
		text_el(f, GRID_X0 + (c + 0.5) * g.colw, top + HEAD_Y + 16.0, 12.0, "bold", "#111", "middle", cut);
		free(cut);
	}
	fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#222\" stroke-width=\"2\"/>\n",
		GRID_X0, top + GRID_Y0 - 2.0, GRID_X1, top + GRID_Y0 - 2.0);
	/* hours, and the empty stretches cut short */
	for (int64_t h = p.origin; h <= p.end; h += 3600) {
		char hm[8];
		double y = y_of(&g, h);
		bool skip = false;

		for (size_t i = 0; i < p.nsegs; i++)
			skip |= p.segs[i].cut && p.segs[i].start < h && h < p.segs[i].end;
		if (skip)
			continue;
		format_hm(s->tz, h, hm, sizeof(hm));
		fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#cccccc\" stroke-width=\"1\"/>\n",
			MARGIN, y, GRID_X1, y);
		if (h < p.end)
			text_el(f, MARGIN, y + 11.0, 10.0, NULL, "#555", NULL, hm);
	}
	for (size_t i = 0; i < p.nsegs; i++) {
		double y0, y1;

		if (!p.segs[i].cut)
			continue;
		y0 = y_of(&g, p.segs[i].start);
		y1 = y_of(&g, p.segs[i].end);
		fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#fafafa\" "
			"stroke=\"#aaaaaa\" stroke-dasharray=\"4 3\"/>\n", MARGIN, y0, GRID_X1 - MARGIN, y1 - y0);
		print_span(s, p.segs[i].start, p.segs[i].end, span, sizeof(span));
		line = xasprintf("%s · nothing scheduled", span);
		text_el(f, (GRID_X0 + GRID_X1) / 2, (y0 + y1) / 2 + 4.0, 10.0, NULL, "#666", "middle", line);
		free(line);
	}
	for (size_t i = 0; i < p.n; i++) {
		const struct pitem *it = &p.items[i];

		if (it->kind == PITEM_BUSY) {
			double y0 = y_of(&g, it->start), y1 = y_of(&g, it->end);
			hatch(f, GRID_X0, y0, GRID_X1 - GRID_X0, y1 - y0);
			print_span(s, it->start, it->end, span, sizeof(span));
			line = xasprintf("%s %s", span, it->label);	/* the label says kept free or busy */
			cut = fit(line, GRID_X1 - GRID_X0 - 8.0, 9.5);
			if (y1 - y0 >= 12.0)
				text_el(f, GRID_X0 + 4.0, y0 + 11.0, 9.5, NULL, "#333", NULL, cut);
			free(cut);
			free(line);
		}
	}
	for (size_t i = 0; i < p.n; i++)
		if (p.items[i].kind == PITEM_SESSION && p.items[i].ncols)
			svg_session(f, &g, &p.items[i]);
	format_duration(p.free_time, false, dur, sizeof(dur));
	line = xasprintf("%zu session%s planned, %d room change%s, %s free between them.%s", p.nplanned,
			 p.nplanned == 1 ? "" : "s", p.room_changes, p.room_changes == 1 ? "" : "s",
			 p.free_time ? dur : "no time",
			 p.hidden_rooms ? " Rooms without a planned session are not shown (--all shows them)." : "");
	{
		struct strbuf sb;

		strbuf_init(&sb);
		for (size_t i = 0; i < p.n; i++) {
			const struct pitem *it = &p.items[i];
			char *title;

			if (it->kind != PITEM_SESSION || it->ncols)
				continue;
			title = print_title(&s->sessions[it->session]);
			print_span(s, it->start, it->end, span, sizeof(span));
			strbuf_addf(&sb, "%s %s%s %s", sb.len ? ";" : " Without a room:",
				    (it->flags & PRINT_PLANNED) ? "planned: " : "", span, title);
			free(title);
		}
		if (sb.len)
			strbuf_addc(&sb, '.');
		cut = fit(line, PAGE_W - 2 * MARGIN, 11.0);
		text_el(f, MARGIN, top + PAGE_H - (sb.len ? 22.0 : 16.0), 11.0, NULL, "#333", NULL, cut);
		free(cut);
		if (sb.len) {
			cut = fit(sb.buf + 1, PAGE_W - 2 * MARGIN, 10.0);
			text_el(f, MARGIN, top + PAGE_H - 8.0, 10.0, NULL, "#333", NULL, cut);
			free(cut);
		}
		strbuf_release(&sb);
	}
	free(line);
	fputs("</g>\n", f);
	free(name);
	pday_release(&p);
}

int print_svg(FILE *f, const struct print_doc *d)
{
	const struct schedule *s = d->s;
	size_t n = d->ndays ? d->ndays : 1;
	struct strlist probe;

	/* the text is measured with Pango: load it first, to fail before anything is written */
	strlist_init(&probe);
	if (print_fit_lines("", 10.0, false, 100.0, 1, &probe) < 0)
		return -1;
	strlist_release(&probe);
	/* One family in the attribute (ImageMagick's renderer takes it as one name and drops the
	 * Hangul of a list), the whole stack in a style sheet, which outranks it where CSS is read. */
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" xml:lang=\"%s\" "
		"width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"Noto Sans CJK KR\">\n"
		"<style>svg{font-family:%s}</style>\n<title>",
		print_lang(s), PAGE_W, PAGE_H * (double)n, PAGE_W, PAGE_H * (double)n, PRINT_FONTS);
	put_xml(f, s->conf.name);
	fprintf(f, " · %s</title>\n", d->what);
	for (size_t k = 0; k < d->ndays; k++)
		svg_day(f, d, d->days[k], PAGE_H * (double)k);
	fputs("</svg>\n", f);
	return 0;
}
