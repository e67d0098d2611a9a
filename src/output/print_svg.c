/* print_svg.c: the day plan as an SVG image — the same rooms × time grid as the HTML page, one
 * A4-landscape-shaped panel (1123 × 794 px) per day, stacked; text escaped, wrapped by display
 * width and clipped to its box, in a CJK-capable font stack. */
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

/* A text cut to fit `width` pixels at font size `size`. */
static char *fit(const char *s, double width, double size)
{
	int cols = (int)(width / (size * EM_PER_COL));
	char *clean = text_sanitize(s), *cut = text_truncate(clean, (size_t)(cols > 1 ? cols : 1));

	free(clean);
	return cut;
}

static void svg_session(FILE *f, const struct svg_day *g, const struct pitem *it, size_t id)
{
	const struct schedule *s = g->d->s;
	const struct session *se = &s->sessions[it->session];
	double x = GRID_X0 + it->col * g->colw + 1.5, w = it->ncols * g->colw - 3.0;
	double y = y_of(g, it->start) + 1.0, h = y_of(g, it->end) - y_of(g, it->start) - 2.0;
	const char *fill = "#f3f3f3", *stroke = "#c8c8c8", *dash = NULL, *ink = "#444";
	double sw = 1.0, ty, tsize = 10.5, ssize = 9.5;
	char span[FORMAT_SPAN_MAX], *title = print_title(se), *speakers = print_speakers(se), *head;
	struct strlist lines;
	int avail;

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
	fprintf(f, "<clipPath id=\"c%zu\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/></clipPath>\n",
		id, x, y, w, h);
	fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"3\" fill=\"%s\" "
		"stroke=\"%s\" stroke-width=\"%.1f\"%s%s%s/>\n", x, y, w, h, fill, stroke, sw,
		dash ? " stroke-dasharray=\"" : "", dash ? dash : "", dash ? "\"" : "");
	fprintf(f, "<g clip-path=\"url(#c%zu)\">\n", id);
	{
		struct strbuf sb;

		strbuf_init(&sb);
		strbuf_addf(&sb, "%s%s", it->room_change ? "→ " : "", span);
		if (it->flags & PRINT_PINNED)
			strbuf_adds(&sb, " · pinned");
		if ((it->flags & (PRINT_ALTERNATIVE | PRINT_PLANNED)) == PRINT_ALTERNATIVE)
			strbuf_adds(&sb, " · alternative");
		if (se->type != SESSION_TALK)
			strbuf_addf(&sb, " · %s", session_type_name(se->type));
		head = strbuf_detach(&sb);
	}
	strlist_init(&lines);
	if (h - 3.0 < ssize * 1.2 + tsize * 1.2) {
		/* too short for two lines: the time and the title on one */
		char *one = xasprintf("%s  %s", head, title), *cut = fit(one, w - 8.0, ssize);
		text_el(f, x + 4.0, y + (h < 12.0 ? h - 2.0 : 10.0), ssize, "bold", ink, NULL, cut);
		free(cut);
		free(one);
	} else {
		char *cut = fit(head, w - 8.0, ssize);
		double room;
		int cols = (int)((w - 8.0) / (tsize * EM_PER_COL));

		ty = y + 10.0;
		text_el(f, x + 4.0, ty, ssize, NULL, ink, NULL, cut);
		free(cut);
		/* the title, wrapped into the lines left; the speakers under it when a line is left */
		room = y + h - ty - 2.0;
		avail = (int)(room / (tsize * 1.2));
		print_wrap(title, cols, 0, &lines);
		if (*speakers && (int)lines.n >= avail && avail >= 3)
			avail--;
		if ((int)lines.n > avail) {
			strlist_release(&lines);
			strlist_init(&lines);
			print_wrap(title, cols, avail, &lines);
		}
		for (size_t i = 0; i < lines.n; i++) {
			ty += tsize * 1.2;
			text_el(f, x + 4.0, ty, tsize, "bold", ink, NULL, lines.v[i]);
		}
		if (*speakers && y + h - ty - 2.0 >= ssize * 1.25) {
			cut = fit(speakers, w - 8.0, ssize);
			ty += ssize * 1.25;
			text_el(f, x + 4.0, ty, ssize, NULL, ink, NULL, cut);
			free(cut);
		}
	}
	strlist_release(&lines);
	fputs("</g>\n</g>\n", f);
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

static void svg_day(FILE *f, const struct print_doc *d, int day, double top, size_t *ids)
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
	cut = fit(line, PAGE_W - 2 * MARGIN, 20.0);
	text_el(f, MARGIN, top + 36.0, 20.0, "bold", "#111", NULL, cut);
	free(cut);
	free(line);
	print_day_line(s, day, dl, sizeof(dl));
	line = xasprintf("%s%s%s · times in %s", dl, where ? " · " : "", where ? where : "", tz_name(s->tz));
	cut = fit(line, PAGE_W - 2 * MARGIN, 12.0);
	text_el(f, MARGIN, top + 58.0, 12.0, NULL, "#333", NULL, cut);
	free(cut);
	free(line);
	legend_item(f, &lx, top + 80.0, "#ffd84d", "#111111", NULL, "planned");
	legend_item(f, &lx, top + 80.0, "#e7f0fb", "#1c4f9c", "5 3", "alternative if the room is full");
	legend_item(f, &lx, top + 80.0, "#f3f3f3", "#c8c8c8", NULL, "other sessions");
	if (d->nbusy)
		legend_item(f, &lx, top + 80.0, "url(#hatch)", "#999999", "3 2", "kept free");

	/* rooms */
	for (size_t c = 0; c < p.ncols; c++) {
		cut = fit(s->rooms[p.cols[c]].name, g.colw - 6.0, 12.0);
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
			fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"url(#hatch)\" "
				"stroke=\"#999999\" stroke-dasharray=\"3 2\"/>\n", GRID_X0, y0, GRID_X1 - GRID_X0, y1 - y0);
			print_span(s, it->start, it->end, span, sizeof(span));
			line = xasprintf("%s %s", span, it->label);
			text_el(f, GRID_X0 + 4.0, y0 + 11.0, 9.5, NULL, "#333", NULL, line);
			free(line);
		}
	}
	for (size_t i = 0; i < p.n; i++)
		if (p.items[i].kind == PITEM_SESSION && p.items[i].ncols)
			svg_session(f, &g, &p.items[i], (*ids)++);
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

void print_svg(FILE *f, const struct print_doc *d)
{
	const struct schedule *s = d->s;
	size_t n = d->ndays ? d->ndays : 1, ids = 0;

	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" xml:lang=\"%s\" "
		"width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family='%s'>\n<title>",
		print_lang(s), PAGE_W, PAGE_H * (double)n, PAGE_W, PAGE_H * (double)n, PRINT_FONTS);
	put_xml(f, s->conf.name);
	fprintf(f, " · %s</title>\n", d->what);
	fputs("<defs><pattern id=\"hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
	      "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#ffffff\"/>"
	      "<rect width=\"3\" height=\"8\" fill=\"#e6e6e6\"/></pattern></defs>\n", f);
	for (size_t k = 0; k < d->ndays; k++)
		svg_day(f, d, d->days[k], PAGE_H * (double)k, &ids);
	fputs("</svg>\n", f);
}
