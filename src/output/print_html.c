/* print_html.c: the day plan as one self-contained HTML page — inline CSS, no scripts, nothing
 * fetched — with a rooms × time grid per day (planned sessions highlighted, alternatives marked),
 * one A4 landscape page per day when printed, and a list of the plan on a narrow screen. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "print_int.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

static const char css[] =
	"*{box-sizing:border-box}\n"
	"html{font-family:" PRINT_FONTS ";color:#111;background:#fff;"
	"-webkit-text-size-adjust:100%;-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
	"body{margin:0;padding:12px 16px;font-size:14px;line-height:1.3}\n"
	"h1{font-size:1.3em;margin:0}\n"
	"p{margin:0}\n"
	".meta{color:#333;margin:2px 0 4px}\n"
	".legend{font-size:.85em;margin:0 0 6px;display:flex;flex-wrap:wrap;gap:4px 12px}\n"
	".k{display:inline-block;padding:0 6px;border-radius:3px}\n"
	".day{margin:0 0 32px}\n"
	".day+.day{break-before:page}\n"
	".grid{display:grid;position:relative;gap:0 3px;"
	"grid-template-columns:3.4em repeat(var(--cols),minmax(0,1fr));"
	"grid-template-rows:2.2em repeat(var(--rows),minmax(0,1fr));"
	"height:calc(var(--rows)*13px + 2.2em)}\n"
	".rh{grid-row:1;font-weight:bold;text-align:center;align-self:end;padding:0 2px 3px;"
	"border-bottom:2px solid #222;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}\n"
	".hr{grid-column:1/-1;border-top:1px solid #ccc;font-size:.8em;line-height:1.1;color:#555;z-index:0}\n"
	".cut{grid-column:1/-1;z-index:0;display:flex;align-items:center;justify-content:center;"
	"font-size:.8em;color:#666;border-top:1px dashed #aaa;border-bottom:1px dashed #aaa;"
	"background:#fafafa;overflow:hidden;white-space:nowrap}\n"
	".s{z-index:1;overflow:hidden;min-width:0;min-height:0;margin:1px 0;padding:1px 4px;"
	"border-radius:3px;font-size:.86em;line-height:1.2;background:#f3f3f3;border:1px solid #c8c8c8;"
	"color:#444}\n"
	".s .w{font-size:.9em;color:#444;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}\n"
	".s .n{font-weight:600}\n"
	".s .p{color:#555}\n"
	".s .r{display:none}\n"
	".b{display:inline-block;margin-left:4px;padding:0 3px;border-radius:2px;font-size:.9em;"
	"background:#222;color:#fff}\n"
	".planned,.k.planned{background:#ffd84d;border:2px solid #111;color:#000}\n"
	".planned .w,.planned .p{color:#000}\n"
	".alt,.k.alt{background:#e7f0fb;border:2px dashed #1c4f9c;color:#0c2a57}\n"
	".alt .b{background:#1c4f9c}\n"
	".brk,.k.brk{background:#e4f2e4;border-color:#9c9}\n"
	".k.o{background:#f3f3f3;border:1px solid #c8c8c8}\n"
	".busy,.k.busy{background:repeating-linear-gradient(135deg,#fff 0 6px,#eee 6px 12px);"
	"border:1px dashed #999}\n"
	".busy{z-index:0;font-size:.8em;color:#333;padding:1px 4px;overflow:hidden}\n"
	".gap{display:none}\n"
	".foot{margin-top:6px;font-size:.85em;color:#333}\n"
	".s .cut{display:none}\n"
	"@page{size:A4 landscape;margin:8mm}\n"
	/* On paper every height is fixed (PRINT_*_MM), so that planner knows each box's size and
	 * fits its text as the PDF's: time, title and speakers in one flow, the title cut with "…"
	 * when it must be (.cut), at most --lp lines (no line half shown), at --fp. */
	"@media print{\n"
	" body{padding:0;font-size:9pt}\n"
	" .day{height:190mm;margin:0;overflow:hidden}\n"
	" header{height:17mm;overflow:hidden}\n"
	" h1,.meta{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}\n"
	" .legend{flex-wrap:nowrap;overflow:hidden;white-space:nowrap}\n"
	" .grid{height:auto;grid-template-rows:7mm repeat(var(--rows),var(--rowp))}\n"
	" .foot{height:9mm;margin-top:1mm;overflow:hidden}\n"
	" .s{font-size:var(--fp,7pt);line-height:1.15;padding:0 3px;display:-webkit-box;"
	"-webkit-box-orient:vertical;-webkit-line-clamp:var(--lp,99);overflow:hidden}\n"
	" .s .w,.s .n,.s .p{display:inline}\n"
	" .s .p::before{content:\" \\2014  \"}\n"
	" .s .w{margin-right:4px}\n"
	" .s .cut{display:inline}\n"
	" .s .full{display:none}\n"
	"}\n"
	"@media screen and (max-width:40em){\n"
	" body{padding:10px;font-size:15px}\n"
	" .grid{display:block;height:auto}\n"
	" .rh,.hr,.cut,.rep{display:none}\n"
	" .s,.busy,.gap{display:block;margin:0 0 6px;padding:6px 8px;font-size:1em}\n"
	" .s .r{display:inline}\n"
	" .gap{color:#555;border-left:3px solid #ccc;padding:2px 8px}\n"
	" .plan .o{display:none}\n"
	"}\n";

/* The grid line of instant t (rows start at 2, after the room names), rounded down or up. */
static int row_of(const struct pday *p, int64_t t, bool up)
{
	double r = pday_rows(p, t);

	return 2 + (int)(up ? ceil(r - 1e-6) : floor(r + 1e-6));
}

static bool in_cut(const struct pday *p, int64_t t)
{
	for (size_t i = 0; i < p->nsegs; i++)
		if (p->segs[i].cut && p->segs[i].start < t && t < p->segs[i].end)
			return true;
	return false;
}

static void put_badge(FILE *f, const char *cls, const char *text)
{
	fprintf(f, "<span class=\"b%s%s\">%s</span>", *cls ? " " : "", cls, text);
}

/* The printed page's geometry (the print CSS): the grid's rows share PRINT_ROWS_MM, its width
 * is the page's less the margins, the hour column 3.4em of 9pt and a 3px gap per column. */
#define PRINT_ROWS_MM 156.0
#define PRINT_WIDTH_PX (281.0 * 96.0 / 25.4)
#define PRINT_HOURS_PX (3.4 * 12.0)
#define PX_PER_MM (96.0 / 25.4)

static void html_session(FILE *f, const struct print_doc *d, const struct pday *p,
			 const struct pitem *it)
{
	const struct schedule *s = d->s;
	const struct session *se = &s->sessions[it->session];
	char span[FORMAT_SPAN_MAX], *room = print_room(s, se), *speakers = print_speakers(se);
	char *title = print_title(se);
	const char *cls = (it->flags & PRINT_PLANNED) ? "planned" : (it->flags & PRINT_ALTERNATIVE) ? "alt"
			  : se->type == SESSION_BREAK ? "brk" : "o";
	int r0 = row_of(p, it->start, false), r1 = row_of(p, it->end, true), rows, lines = 1, badges = 0;
	double border = (it->flags & (PRINT_PLANNED | PRINT_ALTERNATIVE)) ? 2.0 : 1.0, colw, w, h;
	struct print_fit fitted;
	struct strbuf head;
	double size = 7.0 * 96.0 / 72.0;
	char *keep = NULL;

	if (r1 <= r0)
		r1 = r0 + 1;
	print_span(s, it->start, it->end, span, sizeof(span));
	/* fitted on paper, as the PDF fits it: the head, the title and the speakers in one flow */
	strbuf_init(&head);
	strbuf_addf(&head, "%s%s", it->room_change ? "→ " : "", span);
	if (it->flags & PRINT_PINNED)
		strbuf_adds(&head, " pinned"), badges++;
	if ((it->flags & PRINT_ALTERNATIVE) && !(it->flags & PRINT_PLANNED))
		strbuf_adds(&head, " alternative"), badges++;
	if (se->type != SESSION_TALK)
		strbuf_addf(&head, " %s", session_type_name(se->type)), badges++;
	rows = (int)ceil(pday_total_rows(p) - 1e-6);
	colw = (PRINT_WIDTH_PX - PRINT_HOURS_PX - 3.0 * (double)(p->ncols ? p->ncols : 1)) /
	       (double)(p->ncols ? p->ncols : 1);
	w = it->ncols * colw + (it->ncols - 1) * 3.0 - 6.0 - 2 * border - 10.0 * badges - 4.0;
	h = (r1 - r0) * PRINT_ROWS_MM / (rows > 0 ? rows : 1) * PX_PER_MM - 2.0 - 2 * border;
	if (print_fit_box(head.buf, title, speakers, w, h, size, 6.0 * 96.0 / 72.0, true, &fitted) == 0) {
		size = fitted.size;
		keep = fitted.title_cut;
		fitted.title_cut = NULL;
		print_fit_release(&fitted);
	}
	lines = (int)(h / (size * 1.15));
	if (lines < 1)
		lines = 1;
	strbuf_release(&head);

	fprintf(f, "<div class=\"s %s%s%s\" style=\"grid-area:%d/%d/%d/%d;--fp:%.2fpx;--lp:%d\">", cls,
		it->repeat ? " rep" : "", it->end - it->start <= 20 * 60 ? " short" : "",
		r0, it->col + 2, r1, it->col + it->ncols + 2, size, lines);
	fprintf(f, "<p class=\"w\">%s<span class=\"t\">%s</span><span class=\"r\"> · ",
		it->room_change ? "→ " : "", span);
	put_xml(f, room);
	fputs("</span>", f);
	if (it->flags & PRINT_PINNED)
		put_badge(f, "", "pinned");
	if ((it->flags & PRINT_ALTERNATIVE) && !(it->flags & PRINT_PLANNED))
		put_badge(f, "", "alternative");
	if (se->type != SESSION_TALK)
		put_badge(f, "", session_type_name(se->type));
	fputs("</p><p class=\"n\">", f);
	if (keep) {
		/* the whole title on a screen, the part that fits on paper */
		char *part = xasprintf("%s…", keep);

		fputs("<span class=\"full\">", f);
		put_xml(f, title);
		fputs("</span><span class=\"cut\">", f);
		put_xml(f, part);
		fputs("</span>", f);
		free(part);
	} else {
		put_xml(f, title);
	}
	fputs("</p>", f);
	if (*speakers) {
		fputs("<p class=\"p\">", f);
		put_xml(f, speakers);
		fputs("</p>", f);
	}
	fputs("</div>\n", f);
	free(room);
	free(speakers);
	free(title);
	free(keep);
}

static void html_day(FILE *f, const struct print_doc *d, int day)
{
	const struct schedule *s = d->s;
	const char *where = print_where(s);
	struct pday p;
	char dl[48], dur[24], span[FORMAT_SPAN_MAX];
	int rows;
	size_t unplaced = 0;

	pday_build(&p, d, day, true);
	rows = (int)ceil(pday_total_rows(&p) - 1e-6);

	print_day_line(s, day, dl, sizeof(dl));
	fprintf(f, "<section class=\"day %s\">\n<header><h1>", d->all ? "all" : "plan");
	put_xml(f, s->conf.name);
	fprintf(f, " · %s</h1>\n<p class=\"meta\">%s", d->what, dl);
	if (where) {
		fputs(" · ", f);
		put_xml(f, where);
	}
	fprintf(f, " · times in %s</p>\n", tz_name(s->tz));
	fputs("<p class=\"legend\"><span class=\"k planned\">planned</span>"
	      "<span class=\"k alt\">alternative if the room is full</span>"
	      "<span class=\"k o\">other sessions</span>", f);
	if (d->nbusy)
		fputs("<span class=\"k busy\">kept free</span>", f);
	fputs("</p></header>\n", f);

	fprintf(f, "<div class=\"grid\" style=\"--cols:%zu;--rows:%d;--rowp:%.3fmm\">\n",
		p.ncols ? p.ncols : 1, rows, PRINT_ROWS_MM / (rows > 0 ? rows : 1));
	for (size_t c = 0; c < p.ncols; c++) {
		char *head = print_column(&s->rooms[p.cols[c]]);

		fprintf(f, "<div class=\"rh\" style=\"grid-column:%zu\">", c + 2);
		put_xml(f, head);
		fputs("</div>\n", f);
		free(head);
	}
	for (int64_t h = p.origin; h < p.end; h += 3600) {
		char hm[8];

		if (in_cut(&p, h))
			continue;
		format_hm(s->tz, h, hm, sizeof(hm));
		fprintf(f, "<div class=\"hr\" style=\"grid-row:%d\">%s</div>\n", row_of(&p, h, false), hm);
	}
	for (size_t i = 0; i < p.nsegs; i++) {
		if (!p.segs[i].cut)
			continue;
		print_span(s, p.segs[i].start, p.segs[i].end, span, sizeof(span));
		fprintf(f, "<div class=\"cut\" style=\"grid-row:%d/%d\">%s · nothing scheduled</div>\n",
			row_of(&p, p.segs[i].start, false), row_of(&p, p.segs[i].end, true), span);
	}
	for (size_t i = 0; i < p.n; i++) {
		const struct pitem *it = &p.items[i];

		switch (it->kind) {
		case PITEM_SESSION:
			if (it->ncols)
				html_session(f, d, &p, it);
			else
				unplaced++;
			break;
		case PITEM_BUSY:
			print_span(s, it->start, it->end, span, sizeof(span));
			fprintf(f, "<div class=\"busy\" style=\"grid-area:%d/2/%d/-1\">%s ",
				row_of(&p, it->start, false), row_of(&p, it->end, true), span);
			put_xml(f, it->label);
			fputs("</div>\n", f);
			break;
		case PITEM_GAP:
			print_span(s, it->start, it->end, span, sizeof(span));
			format_duration(it->end - it->start, false, dur, sizeof(dur));
			fprintf(f, "<div class=\"gap\">%s · free: %s</div>\n", span, dur);
			break;
		}
	}
	fputs("</div>\n<footer class=\"foot\">", f);
	format_duration(p.free_time, false, dur, sizeof(dur));
	fprintf(f, "%zu session%s planned, %d room change%s, %s free between them.", p.nplanned,
		p.nplanned == 1 ? "" : "s", p.room_changes, p.room_changes == 1 ? "" : "s",
		p.free_time ? dur : "no time");
	if (p.hidden_rooms)
		fprintf(f, " %zu other room%s not shown (--all shows every room).", p.hidden_rooms,
			p.hidden_rooms == 1 ? "" : "s");
	if (unplaced) {
		fputs(" Without a room:", f);
		for (size_t i = 0, k = 0; i < p.n; i++) {
			const struct pitem *it = &p.items[i];
			if (it->kind != PITEM_SESSION || it->ncols)
				continue;
			print_span(s, it->start, it->end, span, sizeof(span));
			fprintf(f, "%s %s%s ", k++ ? ";" : "", (it->flags & PRINT_PLANNED) ? "planned: " : "", span);
			put_xml(f, s->sessions[it->session].title);
		}
		fputs(".", f);
	}
	fputs("</footer>\n</section>\n", f);
	pday_release(&p);
}

void print_html(FILE *f, const struct print_doc *d)
{
	const struct schedule *s = d->s;

	fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		"style-src 'unsafe-inline'\">\n<meta name=\"generator\" content=\"planner\">\n<title>",
		print_lang(s));
	put_xml(f, s->conf.name);
	fprintf(f, " · %s", d->what);
	if (d->ndays == 1) {
		char date[24];
		print_date(s, d->days[0], date, sizeof(date));
		fprintf(f, " · %s", date);
	}
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
	for (size_t k = 0; k < d->ndays; k++)
		html_day(f, d, d->days[k]);
	if (!d->ndays)
		fputs("<p>Nothing to print.</p>\n", f);
	fputs("</body>\n</html>\n", f);
}
