/* print_text.c: the day plan as an agenda — plain text for a terminal or a printer (80 columns,
 * aligned by display width, pages of d->page_lines lines), and a Markdown table. */
#include <stdlib.h>
#include <string.h>

#include "print_int.h"
#include "text.h"
#include "timefmt.h"
#include "tz.h"
#include "util.h"

#define TIME_W 11 /* "09:40-10:10"; wider on a day with "23:30-01:30 (+1)" */

/* The text of one day, as blocks of lines kept together on a page. */
struct tblock {
	struct strlist lines;
	bool bold_first;
};

struct tday {
	struct tblock *b;
	size_t n, alloc;
};

struct tlayout {
	int width, time_w, room_w, title_w, indent;
};

static struct tblock *new_block(struct tday *t)
{
	struct tblock *b;

	t->b = xgrow(t->b, t->n + 1, &t->alloc, sizeof(*t->b));
	b = &t->b[t->n++];
	strlist_init(&b->lines);
	b->bold_first = false;
	return b;
}

static void tday_release(struct tday *t)
{
	for (size_t i = 0; i < t->n; i++)
		strlist_release(&t->b[i].lines);
	free(t->b);
}

/* One row: the time, a two-column mark, the room padded to its column, then text. */
static void push_row(struct tblock *b, const struct tlayout *lay, const char *time, const char *mark,
		     const char *room, const char *text)
{
	struct strbuf sb;
	char *cut = text_truncate(room, (size_t)lay->room_w);
	int w = (int)text_width(cut);

	strbuf_init(&sb);
	strbuf_addf(&sb, "%-*s  %s%s", lay->time_w, time, mark, cut);
	for (; w < lay->room_w; w++)
		strbuf_addc(&sb, ' ');
	strbuf_adds(&sb, "  ");
	strbuf_adds(&sb, text);
	/* no trailing blanks */
	while (sb.len && sb.buf[sb.len - 1] == ' ')
		sb.buf[--sb.len] = '\0';
	strlist_push(&b->lines, sb.buf);
	strbuf_release(&sb);
	free(cut);
}

static char *title_with_tags(const struct session *se, unsigned flags)
{
	char *title = print_title(se), *out;

	out = xasprintf("%s%s%s%s%s", title, se->type != SESSION_TALK ? " [" : "",
			se->type != SESSION_TALK ? session_type_name(se->type) : "",
			se->type != SESSION_TALK ? "]" : "", (flags & PRINT_PINNED) ? " [pinned]" : "");
	free(title);
	return out;
}

static void session_block(struct tday *t, const struct tlayout *lay, const struct print_doc *d,
			  const struct pitem *it)
{
	const struct schedule *s = d->s;
	const struct session *se = &s->sessions[it->session];
	struct tblock *b = new_block(t);
	struct strlist lines;
	char span[FORMAT_SPAN_MAX], *title = title_with_tags(se, it->flags), *room = print_room(s, se);
	char *speakers = print_speakers(se), *place = print_place(s, se);
	const char *mark = "  ";

	if (d->all)
		mark = (it->flags & PRINT_PLANNED) ? "* " : (it->flags & PRINT_ALTERNATIVE) ? "+ " : "  ";
	else if (it->room_change)
		mark = "→ ";
	print_span(s, it->start, it->end, span, sizeof(span));
	strlist_init(&lines);
	print_wrap(title, lay->title_w, 3, &lines);
	if (*speakers)
		print_wrap(speakers, lay->title_w, 2, &lines);
	if (lines.n < 2 && *place)
		strlist_push(&lines, "");
	/* the room, and under it where it is */
	for (size_t i = 0; i < lines.n; i++)
		push_row(b, lay, i ? "" : span, i ? "  " : mark,
			 i == 0 ? (*room ? room : "-") : i == 1 ? place : "", lines.v[i]);
	strlist_release(&lines);
	if (!d->all && d->alternative[it->session] >= 0) {
		const struct session *alt = &s->sessions[d->alternative[it->session]];
		char *aroom = print_room(s, alt), *atitle = print_title(alt), *line, *cut;

		line = xasprintf("room full? %s: %s", aroom, atitle);
		cut = text_truncate(line, (size_t)lay->title_w);
		push_row(b, lay, "", "  ", "", cut);
		free(cut);
		free(line);
		free(aroom);
		free(atitle);
	}
	b->bold_first = d->color && d->all && (it->flags & PRINT_PLANNED);
	free(title);
	free(room);
	free(speakers);
	free(place);
}

static size_t count_sessions(const struct pday *p)
{
	size_t n = 0;

	for (size_t i = 0; i < p->n; i++)
		n += p->items[i].kind == PITEM_SESSION && !p->items[i].repeat;
	return n;
}

static void layout_day(struct tlayout *lay, const struct print_doc *d, const struct pday *p)
{
	lay->width = d->width > 0 ? d->width : 80;
	lay->room_w = 4;
	lay->time_w = TIME_W;
	for (size_t i = 0; i < p->n; i++) {
		char span[FORMAT_SPAN_MAX];
		int tw = (int)strlen(print_span(d->s, p->items[i].start, p->items[i].end, span,
						sizeof(span)));

		if (tw > lay->time_w)
			lay->time_w = tw;
		if (p->items[i].kind == PITEM_SESSION) {
			char *room = print_room(d->s, &d->s->sessions[p->items[i].session]);
			char *place = print_place(d->s, &d->s->sessions[p->items[i].session]);
			int w = (int)text_width(room), pw = (int)text_width(place);
			if (w > lay->room_w)
				lay->room_w = w;
			if (pw > lay->room_w)
				lay->room_w = pw;
			free(room);
			free(place);
		}
	}
	if (lay->room_w > 18)
		lay->room_w = 18;
	lay->indent = lay->time_w + 2 + 2 + lay->room_w + 2;
	lay->title_w = lay->width - lay->indent;
	if (lay->title_w < 16)
		lay->title_w = 16;
}

static void build_day(struct tday *t, const struct tlayout *lay, const struct print_doc *d,
		      const struct pday *p)
{
	const struct schedule *s = d->s;
	char span[FORMAT_SPAN_MAX], dur[24], *line;
	struct tblock *b;

	for (size_t i = 0; i < p->n; i++) {
		const struct pitem *it = &p->items[i];

		switch (it->kind) {
		case PITEM_SESSION:
			session_block(t, lay, d, it);
			break;
		case PITEM_BUSY:
			print_span(s, it->start, it->end, span, sizeof(span));
			push_row(new_block(t), lay, span, "  ", "", it->label);
			break;
		case PITEM_GAP:
			print_span(s, it->start, it->end, span, sizeof(span));
			format_duration(it->end - it->start, false, dur, sizeof(dur));
			line = xasprintf("(free: %s)", dur);
			push_row(new_block(t), lay, span, "  ", "", line);
			free(line);
			break;
		}
	}
	if (!d->all && !p->nplanned) {
		strlist_push(&new_block(t)->lines, "(nothing planned on this day)");
		return;
	}
	b = new_block(t);
	strlist_push(&b->lines, "");
	if (d->all) {
		size_t n = count_sessions(p);
		line = xasprintf("%zu session%s, %zu planned", n, n == 1 ? "" : "s", p->nplanned);
	} else {
		format_duration(p->free_time, false, dur, sizeof(dur));
		line = xasprintf("%zu session%s planned, %d room change%s, %s free between them",
				 p->nplanned, p->nplanned == 1 ? "" : "s", p->room_changes,
				 p->room_changes == 1 ? "" : "s", p->free_time ? dur : "no time");
	}
	strlist_push(&b->lines, line);
	free(line);
}

/* Writes a line made of inert parts, cut to width. */
static void put_line(FILE *f, const char *line, int width, bool bold)
{
	char *cut = text_truncate(line, (size_t)width);

	if (bold)
		fputs("\033[1m", f);
	fputs(cut, f);
	free(cut);
	if (bold)
		fputs("\033[0m", f);
	fputc('\n', f);
}

/* The heading of a day's page; returns its number of lines. */
static int put_heading(FILE *f, const struct print_doc *d, int day, int width, bool continued)
{
	const struct schedule *s = d->s;
	const char *where = print_where(s);
	char dl[48], *l1, *l2, *name = text_sanitize(s->conf.name);
	char *place = where ? text_sanitize(where) : NULL;
	int n = 3;

	print_day_line(s, day, dl, sizeof(dl));
	l1 = xasprintf("%s · %s%s", name, d->what, continued ? ", continued" : "");
	l2 = xasprintf("%s%s%s · times in %s", dl, place ? " · " : "", place ? place : "", tz_name(s->tz));
	put_line(f, l1, width, d->color);
	put_line(f, l2, width, false);
	if (d->all) {
		put_line(f, "* planned   + alternative if the room is full", width, false);
		n++;
	}
	for (int i = 0; i < width; i++)
		fputc('=', f);
	fputc('\n', f);
	free(l1);
	free(l2);
	free(name);
	free(place);
	return n;
}

void print_text(FILE *f, const struct print_doc *d)
{
	for (size_t k = 0; k < d->ndays; k++) {
		struct pday p;
		struct tday t = { NULL, 0, 0 };
		struct tlayout lay;
		int used, head;

		pday_build(&p, d, d->days[k], false);
		layout_day(&lay, d, &p);
		build_day(&t, &lay, d, &p);
		if (k)
			fputs(d->page_lines > 0 ? "\f" : "\n", f);
		used = head = put_heading(f, d, p.day, lay.width, false);
		for (size_t i = 0; i < t.n; i++) {
			const struct tblock *b = &t.b[i];
			/* a block that does not fit goes to a new page, under the heading again */
			if (d->page_lines > 0 && used > head && used + (int)b->lines.n > d->page_lines) {
				fputc('\f', f);
				used = put_heading(f, d, p.day, lay.width, true);
			}
			for (size_t j = 0; j < b->lines.n; j++)
				put_line(f, b->lines.v[j], lay.width, b->bold_first && !j);
			used += (int)b->lines.n;
		}
		tday_release(&t);
		pday_release(&p);
	}
}

/* ---- Markdown ---- */

static void md_session(FILE *f, const struct print_doc *d, const struct pitem *it)
{
	const struct schedule *s = d->s;
	const struct session *se = &s->sessions[it->session];
	char span[FORMAT_SPAN_MAX], *room = print_room_place(s, se), *speakers = print_speakers(se);

	print_span(s, it->start, it->end, span, sizeof(span));
	fputs("| ", f);
	if (d->all)
		fputs((it->flags & PRINT_PLANNED) ? "✓ | " : (it->flags & PRINT_ALTERNATIVE) ? "alternative | "
									       : " | ", f);
	fprintf(f, "%s | %s", span, it->room_change ? "→ " : "");
	put_md(f, room);
	fputs(" | ", f);
	if (d->all && (it->flags & PRINT_PLANNED))
		fputs("**", f);
	put_md(f, se->title);
	if (d->all && (it->flags & PRINT_PLANNED))
		fputs("**", f);
	if (se->type != SESSION_TALK)
		fprintf(f, " (%s)", session_type_name(se->type));
	if (it->flags & PRINT_PINNED)
		fputs(" (pinned)", f);
	fputs(" | ", f);
	put_md(f, speakers);
	if (!d->all) {
		fputs(" | ", f);
		if (d->alternative[it->session] >= 0) {
			const struct session *alt = &s->sessions[d->alternative[it->session]];
			char *aroom = print_room(s, alt);
			put_md(f, aroom);
			fputs(": ", f);
			put_md(f, alt->title);
			free(aroom);
		}
	}
	fputs(" |\n", f);
	free(room);
	free(speakers);
}

static void md_other(FILE *f, const struct print_doc *d, const struct pitem *it, const char *text)
{
	char span[FORMAT_SPAN_MAX];

	print_span(d->s, it->start, it->end, span, sizeof(span));
	fprintf(f, "| %s%s |  | *", d->all ? " | " : "", span);
	put_md(f, text);
	fprintf(f, "* |  |%s\n", d->all ? "" : "  |");
}

void print_markdown(FILE *f, const struct print_doc *d)
{
	const struct schedule *s = d->s;
	const char *where = print_where(s);

	fputs("# ", f);
	put_md(f, s->conf.name);
	fprintf(f, " · %s\n", d->what);
	for (size_t k = 0; k < d->ndays; k++) {
		struct pday p;
		char dl[48], dur[24];

		pday_build(&p, d, d->days[k], false);
		print_day_line(s, p.day, dl, sizeof(dl));
		fprintf(f, "\n## %s\n\n", dl);
		if (where) {
			put_md(f, where);
			fputs(" · ", f);
		}
		fprintf(f, "times in %s\n\n", tz_name(s->tz));
		if (d->all)
			fputs("| Plan | Time | Room | Session | Speakers |\n| --- | --- | --- | --- | --- |\n", f);
		else
			fputs("| Time | Room | Session | Speakers | If the room is full |\n"
			      "| --- | --- | --- | --- | --- |\n", f);
		for (size_t i = 0; i < p.n; i++) {
			const struct pitem *it = &p.items[i];

			if (it->kind == PITEM_SESSION) {
				md_session(f, d, it);
			} else if (it->kind == PITEM_BUSY) {
				md_other(f, d, it, it->label);
			} else {
				char *text;
				format_duration(it->end - it->start, false, dur, sizeof(dur));
				text = xasprintf("free: %s", dur);
				md_other(f, d, it, text);
				free(text);
			}
		}
		if (!d->all && !p.nplanned) {
			fputs("\nNothing planned on this day.\n", f);
		} else if (d->all) {
			size_t n = count_sessions(&p);
			fprintf(f, "\n%zu session%s, %zu planned.\n", n, n == 1 ? "" : "s", p.nplanned);
		} else {
			format_duration(p.free_time, false, dur, sizeof(dur));
			fprintf(f, "\n%zu session%s planned, %d room change%s, %s free between them.\n",
				p.nplanned, p.nplanned == 1 ? "" : "s", p.room_changes,
				p.room_changes == 1 ? "" : "s", p.free_time ? dur : "no time");
		}
		pday_release(&p);
	}
}
