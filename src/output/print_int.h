/* print_int.h: what the print module's renderers (print_text.c, print_html.c, print_svg.c, print_cairo.c) share
 * with print.c — one day laid out as a list of items, and escaping.  Not for other modules. */
#ifndef PLANNER_PRINT_INT_H
#define PLANNER_PRINT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "print.h"
#include "schedule.h"

enum pitem_kind {
	PITEM_SESSION,
	PITEM_BUSY,   /* a time the plan keeps free */
	PITEM_GAP,    /* free time between planned sessions */
};

struct pitem {
	enum pitem_kind kind;
	int64_t start, end;
	long session;        /* index into s->sessions; -1 for busy and gaps */
	const char *label;   /* busy: its label (borrowed from the doc) */
	unsigned flags;      /* the session's PRINT_* bits */
	bool room_change;    /* a planned session in another room than the planned one before it */
	int col, ncols;      /* grid: the first column and how many it spans; ncols 0: not in the grid */
	bool repeat;         /* grid: another piece of a session held in rooms that are not adjacent */
};

/* The grid's time axis: whole hours around the day, with long stretches where nothing at all
 * happens cut short. */
#define PRINT_SLOT 300          /* seconds per grid row */
#define PRINT_CUT_MIN 3600      /* an empty stretch this long or longer is cut short ... */
#define PRINT_CUT_SLOTS 3       /* ... to this many rows */

struct pseg {
	int64_t start, end;
	bool cut;                /* nothing happens: drawn PRINT_CUT_SLOTS rows high */
};

struct pday {
	const struct print_doc *d;
	int day;                     /* index into s->days */
	struct pitem *items;         /* in time order */
	size_t n, alloc;
	int64_t first, last;         /* the earliest start and the latest end of the items */
	size_t *cols;                /* grid: the room indexes shown as columns, in timetable order */
	size_t ncols;
	size_t hidden_rooms;         /* grid: rooms of the day left out (too many to show) */
	int64_t origin, end;         /* grid: the time axis, whole hours */
	struct pseg *segs;           /* grid: the axis in pieces, in order, covering origin..end */
	size_t nsegs;
	size_t nplanned;
	int room_changes;
	int64_t free_time;           /* seconds free between the planned sessions (freetime.h) */
};

/* Lays out day `day` of d.  As a grid (HTML, SVG): every session of the day, the busy times, and
 * the gaps of the plan.  As an agenda (text, Markdown): the planned sessions, the timetable's
 * breaks, the busy times and the gaps; with d->all every session and no gaps. */
void pday_build(struct pday *p, const struct print_doc *d, int day, bool grid);
void pday_release(struct pday *p);
/* Grid: where instant t falls on the axis, in rows (PRINT_SLOT seconds) from the origin; and
 * the axis's length in rows. */
double pday_rows(const struct pday *p, int64_t t);
double pday_total_rows(const struct pday *p);

/* "Sat 2024-10-26" into buf (at least 24 bytes). */
void print_date(const struct schedule *s, int day, char *buf, size_t size);
/* A day's heading: "Sat 2024-10-26, day 1 of 2" into buf (at least 48 bytes). */
void print_day_line(const struct schedule *s, int day, char *buf, size_t size);
/* The venue, else the conference URL, else NULL (borrowed). */
const char *print_where(const struct schedule *s);
/* The language of most sessions: "ko", else "en" (for lang attributes). */
const char *print_lang(const struct schedule *s);
/* A session's time as listings show it (format_span: "09:40-10:10", "23:30-01:30 (+1)",
 * "18:30") into buf (at least FORMAT_SPAN_MAX bytes); returns buf. */
const char *print_span(const struct schedule *s, int64_t start, int64_t end, char *buf,
		       size_t size);

/* A session's title, speakers ("a, b"), room label ("" when none), each inert (sanitized);
 * caller frees. */
char *print_title(const struct session *se);
char *print_speakers(const struct session *se);
char *print_room(const struct schedule *s, const struct session *se);
/* Where a session's room is ("floor 3, Main"; "" when not known or not one room), inert; a grid
 * column's heading, the room's name with its place ("Hall A (floor 1)"), inert.  Caller frees. */
char *print_place(const struct schedule *s, const struct session *se);
/* The room label with its place after it ("컨벤션 홀 3 (floor 1)"; session_place_label), inert:
 * where a format has one field for both (Markdown, the PNG's cards).  Caller frees. */
char *print_room_place(const struct schedule *s, const struct session *se);
char *print_column(const struct room *r);

/* Cuts inert text s into lines of at most `cols` display columns, at spaces where it can; at
 * most max_lines lines (0: no limit), the last one ending in "…" when text is left over.
 * Appends the lines to out. */
void print_wrap(const char *s, int cols, int max_lines, struct strlist *out);

/* Writes s inert and escaped for HTML and XML text and attribute values (&, <, >, ", '), without
 * the characters XML 1.0 forbids. */
void put_xml(FILE *f, const char *s);
/* Writes s inert and escaped for a Markdown table cell (\ ` * _ [ ] < > | ~ &: what could make
 * emphasis, code, links, HTML, entities, strikethrough or a new cell there). */
void put_md(FILE *f, const char *s);

/* The renderers. */
void print_text(FILE *f, const struct print_doc *d);
void print_markdown(FILE *f, const struct print_doc *d);
void print_html(FILE *f, const struct print_doc *d);
int print_svg(FILE *f, const struct print_doc *d);
/* print_cairo.c: drawn with Pango on Cairo; 0, or -1 with error() set (the libraries cannot be
 * loaded, a png of more than one day, a write error). */
int print_pdf(FILE *f, const struct print_doc *d);
int print_png(FILE *f, const struct print_doc *d);

/* Cuts inert text into the lines Pango breaks it into at font size `size` (pixels) in the font
 * stack of the PDF, bold or not, in `width` pixels: at words, within a word only when it is
 * wider than the line; at most max_lines lines (0: no limit), the last one ended with "…" when
 * text is left over.  Appends the lines to out.  0, or -1 with error() set when Pango cannot be
 * loaded. */
int print_fit_lines(const char *text, double size, bool bold, double width, int max_lines,
		    struct strlist *out);

/* A box's text fitted as the PDF fits it (print_cairo.c: the head, the bold title and the
 * speakers on lines of their own at the largest size from `size` down to `min` that fits, else
 * in one flow — with flow, only that — the title cut short with "…" last), as pieces of text to
 * place: x from the box's left, y the baseline from its top, in pixels. */
struct print_fit_run {
	char *text;
	double x, y;
	bool bold;
};
struct print_fit {
	struct print_fit_run *runs;
	size_t n;
	double size;            /* the font size chosen */
	char *title_cut;        /* the part of the title kept when it is cut (before its "…"), or NULL */
};
/* Fills out (caller releases with print_fit_release); the texts inert already.  0, or -1 with
 * error() set when Pango cannot be loaded. */
int print_fit_box(const char *head, const char *title, const char *speakers, double w, double h,
		  double size, double min, bool flow, struct print_fit *out);
void print_fit_release(struct print_fit *f);

/* The CJK-capable font stack of the HTML and SVG output, as a CSS value. */
#define PRINT_FONTS "\"Noto Sans CJK KR\", \"Noto Sans KR\", \"Apple SD Gothic Neo\", " \
	"\"Malgun Gothic\", \"Noto Sans CJK JP\", \"Noto Sans CJK SC\", sans-serif"

#endif
