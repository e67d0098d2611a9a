/* print.h: a printable day plan — the days of a timetable with the user's plan in it, as
 * terminal text, Markdown, HTML, SVG, PDF or PNG.
 *
 * print_doc_build() fills a print_doc (which days, which sessions are planned, pinned or the
 * alternative of a planned one, the times the plan keeps free); the cli hands it to
 * print_render() with a FILE*; the renderers write only there, never print on their own and
 * never fail on their own (a write error shows in ferror() of the FILE*).  Text from the
 * timetable is made inert for each format: control and BiDi characters removed (text_sanitize),
 * then HTML/XML-escaped or Markdown-escaped.
 */
#ifndef PLANNER_PRINT_H
#define PLANNER_PRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "schedule.h"

struct pick_request;

enum print_format { PRINT_TEXT, PRINT_MARKDOWN, PRINT_HTML, PRINT_SVG, PRINT_PDF, PRINT_PNG };

/* Paper for the PDF: A4 or US Letter, landscape. */
enum print_paper { PRINT_A4, PRINT_LETTER };

/* "text", "markdown" ("md"), "html", "svg", "pdf", "png" and back (-1 if unknown). */
const char *print_format_name(enum print_format f);
int print_format_parse(const char *name);
/* The format a file name's extension implies (.txt, .md, .markdown, .html, .htm, .svg, .pdf,
 * .png), or -1. */
int print_format_from_path(const char *path);
/* "a4", "letter" (any case) to enum print_paper, or -1. */
int print_paper_parse(const char *name);

/* Per-session marks (bits of print_doc.flags). */
enum {
	PRINT_PLANNED = 1,      /* in the plan */
	PRINT_PINNED = 2,       /* pinned in the plan */
	PRINT_ALTERNATIVE = 4,  /* the alternative of a planned session: where to go if it is full */
};

/* A time the plan keeps free: a --break or --block of the preferences it was made with. */
struct print_busy {
	int64_t start, end;
	char *label;            /* "break", "dentist" */
};

struct print_doc {
	const struct schedule *s;
	unsigned char *flags;   /* per session of s: PRINT_* bits */
	long *alternative;      /* per session of s: for a planned one, its alternative's index or -1 */
	struct print_busy *busy;
	size_t nbusy, busy_alloc;
	int *days;              /* the day indexes to print, in order */
	size_t ndays, days_alloc;
	const char *what;       /* what is printed, for the headings: "my plan", "timetable" */
	bool all;               /* text, Markdown: every session of the days, not only the plan */
	bool color;             /* text: bold headings (for a terminal) */
	int width;              /* text: columns, 0 for 80 */
	int page_lines;         /* text: lines per printed page (form feeds between pages), 0: none */
	enum print_paper paper; /* pdf: the paper size */
};

/* An empty document for s: nothing planned, no days. */
void print_doc_init(struct print_doc *d, const struct schedule *s);
void print_doc_release(struct print_doc *d);
/* Adds a day (an index into s->days) to print. */
void print_doc_add_day(struct print_doc *d, int day);
/* Adds a time kept free; label is copied, made inert. */
void print_doc_add_busy(struct print_doc *d, int64_t start, int64_t end, const char *label);

/* Sets alternative[] for every planned session: the best other session that overlaps it and
 * fits between the planned sessions before and after it (with rq's travel time between rooms),
 * that is not planned, avoided (rq->avoid), a break, or in a time the plan keeps free.  Best:
 * more preference points (rq->prefs, when set), then fewer room changes, then the earlier end,
 * then the timetable order.  Marks those sessions PRINT_ALTERNATIVE. */
void print_find_alternatives(struct print_doc *d, const struct pick_request *rq);

struct plan;
/* Fills d (print_doc_init()ed for the timetable) with what `planner print` prints of the saved
 * plan p: its planned and pinned sessions the timetable still has, their "room full?"
 * alternatives and the times the plan keeps free (under `saved`, the preferences it was made
 * with as the command layer replays them: pick_request_saved), and
 * the days — `day` as --day takes it (a day number or a date, filter_add_day), else every day
 * of the timetable with `all`, else the days of the planned sessions.  With all, the headings say
 * so and every session of those days is printed.  *changed gets the number of planned sessions
 * the timetable changed or cancelled since the plan was made (0 until the plan has been read).
 * 0, or -1 with error() set: no plan (and not all), EX_NOINPUT; a bad day, EX_USAGE; no day to
 * print, EX_NOINPUT. */
struct pick_settings;
int print_doc_build(struct print_doc *d, const struct plan *p, struct pick_settings *saved,
		    const char *day, bool all, size_t *changed);

/* Writes the document in format fmt to f.  0, or -1 with error() set: EX_IOERR when writing to
 * f failed; pdf and png: EX_UNAVAILABLE when Pango and Cairo cannot be loaded; png: EX_USAGE
 * when the document has more than one day. */
int print_render(FILE *f, enum print_format fmt, const struct print_doc *d);

#endif
