/* import_xml.c: frab / pentabarf schedule.xml, read as a stream with Expat (the only module that
 * includes <expat.h>; no tree is built):
 *     <schedule><conference><acronym/><title/><time_zone_name/><url/></conference>
 *       <day date="" start="" end="" index=""><room name=""><event id="" guid="">
 *         <date/><start/><duration/><room/><title/><subtitle/><track/><type/><language/>
 *         <abstract/><description/><url/><persons><person/></persons>
 *         <links><link href=""/></links><recording><optout/></recording>
 *       </event></room></day></schedule>
 * The fields mean what they mean in frab's JSON of the same data (import_frab.c), and the rules
 * are the same ones: the id is the guid attribute, else the id attribute (when no event has a
 * guid, as in old pentabarf, the id attribute is simply the id); the time is
 * import_frab_time()'s; the type, the rooms and the conference as there.  A day's start and end,
 * when they are times, declare the conference day (import_feed_day).  Variants met in the wild: no <date>, <guid> or zone (pentabarf, FOSDEM before 2022:
 * the day's date and the local start, in the zone --tz names or with the usual warning); a
 * <date> in UTC beside a local <start> (wafer: the instant wins); CDATA and entities; a single
 * <person> directly in the event naming several people with commas.  A <link>'s href is the
 * URL and its text the title (session_add_link keeps http and https ones only).
 *
 * Hostile input gets one line and stops the parse: no DTD entity is declared (any declaration
 * is refused, so no expansion, internal or external, ever happens), no external entity or DTD
 * is read (no handler; parameter entities never parsed), elements nest at most LOAD_MAX_DEPTH
 * deep, and the size is load.c's limit.  Messages are "NAME:LINE:COL: what is wrong".
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <expat.h>

#include "import.h"
#include "text.h"
#include "util.h"

/* The elements planner knows; anything else is E_OTHER (its content is skipped). */
enum elem {
	E_OTHER, E_SCHEDULE, E_CONFERENCE, E_DAY, E_ROOM, E_EVENT, E_PERSONS, E_PERSON,
	E_RECORDING, E_OPTOUT, E_LINKS, E_LINK,
	/* text fields */
	E_TITLE, E_ACRONYM, E_ZONE, E_URL, E_BASE_URL, E_DATE, E_START, E_DURATION, E_SUBTITLE,
	E_TRACK, E_TYPE, E_LANGUAGE, E_ABSTRACT, E_DESCRIPTION,
	E_COUNT
};

static const char *const elem_names[E_COUNT] = {
	[E_SCHEDULE] = "schedule", [E_CONFERENCE] = "conference", [E_DAY] = "day",
	[E_ROOM] = "room", [E_EVENT] = "event", [E_PERSONS] = "persons", [E_PERSON] = "person",
	[E_RECORDING] = "recording", [E_OPTOUT] = "optout", [E_LINKS] = "links",
	[E_LINK] = "link", [E_TITLE] = "title",
	[E_ACRONYM] = "acronym", [E_ZONE] = "time_zone_name", [E_URL] = "url",
	[E_BASE_URL] = "base_url", [E_DATE] = "date", [E_START] = "start",
	[E_DURATION] = "duration", [E_SUBTITLE] = "subtitle", [E_TRACK] = "track",
	[E_TYPE] = "type", [E_LANGUAGE] = "language", [E_ABSTRACT] = "abstract",
	[E_DESCRIPTION] = "description",
};

/* What an element is, by its name: the names that start with its first letter compared (this
 * runs for every element of a feed). */
static enum elem elem_of(const char *name)
{
	static const unsigned char by_letter[26][5] = {
		['a' - 'a'] = { E_ACRONYM, E_ABSTRACT },
		['b' - 'a'] = { E_BASE_URL },
		['c' - 'a'] = { E_CONFERENCE },
		['d' - 'a'] = { E_DAY, E_DATE, E_DURATION, E_DESCRIPTION },
		['e' - 'a'] = { E_EVENT },
		['l' - 'a'] = { E_LANGUAGE, E_LINKS, E_LINK },
		['o' - 'a'] = { E_OPTOUT },
		['p' - 'a'] = { E_PERSONS, E_PERSON },
		['r' - 'a'] = { E_ROOM, E_RECORDING },
		['s' - 'a'] = { E_SCHEDULE, E_START, E_SUBTITLE },
		['t' - 'a'] = { E_TITLE, E_ZONE, E_TRACK, E_TYPE },
		['u' - 'a'] = { E_URL },
	};
	const unsigned char *c;

	if (name[0] < 'a' || name[0] > 'z')
		return E_OTHER;
	for (c = by_letter[name[0] - 'a']; *c; c++)
		if (!strcmp(name + 1, elem_names[*c] + 1))
			return (enum elem)*c;
	return E_OTHER;
}

struct xml_reader {
	struct importer *im;
	XML_Parser p;
	bool failed;			/* error() is set and the parser stopped */
	unsigned depth;			/* elements open */
	unsigned char stack[LOAD_MAX_DEPTH + 1]; /* what each open element is (enum elem) */

	/* Text being collected: the field, the depth of its element, the bytes. */
	enum elem cap;
	unsigned cap_depth;
	bool cap_list;			/* a <person> straight in an event: names with commas */
	char *link_href;		/* the <link> being read: its href (owned; NULL: none) */
	struct strbuf text;
	struct strbuf *dest;		/* where the text goes: `text`, or one of `ev_text` */

	/* The conference's fields (owned). */
	char *conf_title, *conf_acronym, *conf_zone, *conf_url;

	/* The day and room being read (owned; NULL outside one). */
	char *day_date, *room_name;

	/* The event being read: its session, where it started, its time and room texts. */
	long ev;			/* -1 outside an event */
	long ev_at;			/* the byte offset of its start tag (Expat's line
					 * numbers cost a scan each: made on errors only) */
	/* The event's texts the model does not keep as they are (date, start, duration, room,
	 * type, language): read into buffers kept from event to event, with no allocation each
	 * time; ev_has says which the event gave. */
	struct strbuf ev_text[E_COUNT];
	bool ev_has[E_COUNT];
	bool any_guid;
	size_t skip;			/* blanks before the document, not given to Expat */
};

/* The byte offset in the whole text of where Expat is. */
static long here(const struct xml_reader *x)
{
	long at = XML_GetCurrentByteIndex(x->p);

	return at < 0 ? 0 : at + (long)x->skip;
}

/* Stops the parse with "NAME:LINE:COL: [event "ID": ]message" at the parser's position. */
static void xfail(struct xml_reader *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void xfail(struct xml_reader *x, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	if (x->failed)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!x->im->line) {
		long at = here(x);

		import_position(x->im->buf, at > 0 ? (size_t)at : 0, &x->im->line, &x->im->col);
	}
	im_fail(x->im, "%s", msg);
	x->failed = true;
	XML_StopParser(x->p, XML_FALSE);
}

static const char *attr(const XML_Char **atts, const char *name)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (!strcmp(atts[i], name))
			return atts[i + 1];
	return NULL;
}

/* A copy of an attribute's value, NULL when absent or blank. */
static char *attr_dup(const XML_Char **atts, const char *name)
{
	const char *v = attr(atts, name);

	while (v && (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r'))
		v++;
	return v && *v ? xstrdup(v) : NULL;
}

static void set_text(char **field, char *text)
{
	free(*field);
	*field = text;
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The text of sb without surrounding blanks: its start, and its length in *len. */
static const char *trimmed(const struct strbuf *sb, size_t *len)
{
	const char *b = sb->buf ? sb->buf : "";
	size_t n = sb->len;

	while (n && blank(*b)) {
		b++;
		n--;
	}
	while (n && blank(b[n - 1]))
		n--;
	*len = n;
	return b;
}

/* The collected text without surrounding blanks, a copy; NULL when nothing is left. */
static char *take_text(struct xml_reader *x)
{
	size_t len;
	const char *b = trimmed(&x->text, &len);

	return len ? xstrndup(b, len) : NULL;
}

/* Whether the event's text `e` is read into ev_text. */
static bool event_text(enum elem e)
{
	return e == E_DATE || e == E_START || e == E_DURATION || e == E_ROOM || e == E_TYPE ||
	       e == E_LANGUAGE;
}

/* The event's text `e` (ev_text), NULL when it gave none. */
static const char *ev_get(const struct xml_reader *x, enum elem e)
{
	return x->ev_has[e] ? x->ev_text[e].buf : NULL;
}

/* "A, B and C" in one <person>: each name a speaker. */
static void push_names(struct strlist *out, const char *text)
{
	while (*text) {
		size_t n = strcspn(text, ","), end = n;
		const char *b = text;

		while (end && strchr(" \t\r\n", *b)) {
			b++;
			end--;
		}
		while (end && strchr(" \t\r\n", b[end - 1]))
			end--;
		if (end) {
			char *name = xstrndup(b, end);
			strlist_push(out, name);
			free(name);
		}
		text += n + (text[n] == ',');
	}
}

static bool is_true(const char *s)
{
	return s && (!strcasecmp(s, "true") || !strcmp(s, "1") || !strcasecmp(s, "yes"));
}

/* The end of a field's element: its text goes where it belongs. */
static void store_field(struct xml_reader *x)
{
	struct session *se = x->ev >= 0 ? &x->im->s->sessions[x->ev] : NULL;
	char *t;

	if (x->dest != &x->text) {
		/* trimmed in place */
		struct strbuf *sb = x->dest;
		size_t len;
		const char *b = trimmed(sb, &len);

		x->ev_has[x->cap] = len > 0;
		if (len) {
			memmove(sb->buf, b, len);
			sb->buf[len] = '\0';
			sb->len = len;
		}
		return;
	}
	t = take_text(x);
	if (!se) {
		switch (x->cap) {
		case E_TITLE: set_text(&x->conf_title, t); return;
		case E_ACRONYM: set_text(&x->conf_acronym, t); return;
		case E_ZONE: set_text(&x->conf_zone, t); return;
		case E_URL: case E_BASE_URL:
			if (!x->conf_url || x->cap == E_URL)
				set_text(&x->conf_url, t);
			else
				free(t);
			return;
		default: free(t); return;
		}
	}
	switch (x->cap) {
	case E_TITLE: set_text(&se->title, t); return;
	case E_SUBTITLE: set_text(&se->subtitle, t); return;
	case E_ABSTRACT: set_text(&se->abstract, t); return;
	case E_DESCRIPTION: set_text(&se->description, t); return;
	case E_TRACK: set_text(&se->track, t); return;
	case E_URL: set_text(&se->url, t); return;
	case E_OPTOUT: se->do_not_record = is_true(t); break;
	case E_LINK:
		session_add_link(se, t, x->link_href);
		set_text(&x->link_href, NULL);
		break;
	case E_PERSON:
		if (t && x->cap_list) {
			push_names(&se->speakers, t);
		} else if (t) {
			/* the list takes the copy: pushing it would copy it again */
			se->speakers.v = xgrow(se->speakers.v, se->speakers.n + 1, &se->speakers.alloc,
					       sizeof(*se->speakers.v));
			se->speakers.v[se->speakers.n++] = t;
			return;
		}
		break;
	default: break;
	}
	free(t);
}

/* A <day date start end>: a conference day when start and end are times (a night after it
 * belongs to it); bounds that are bare dates (a static site's) say nothing. */
static void declare_day(struct xml_reader *x, const XML_Char **atts)
{
	const char *start = attr(atts, "start"), *end = attr(atts, "end");

	if (start && end && strlen(start) > 10 && strlen(end) > 10)
		import_feed_day(x->im, attr(atts, "date"), start, end);
}

static void begin_event(struct xml_reader *x, const XML_Char **atts)
{
	struct importer *im = x->im;
	long i = import_add_session(im);

	if (i < 0) {
		/* import_add_session set the message (the count, no position) */
		x->failed = true;
		XML_StopParser(x->p, XML_FALSE);
		return;
	}
	x->ev = i;
	x->ev_at = here(x);
	im->ids[i].primary = attr_dup(atts, "guid");
	im->ids[i].secondary = attr_dup(atts, "id");
	if (im->ids[i].primary)
		x->any_guid = true;
}

static void end_event(struct xml_reader *x)
{
	struct importer *im = x->im;
	size_t i = (size_t)x->ev;
	struct session *se = &im->s->sessions[i];
	const char *room = ev_get(x, E_ROOM) ? ev_get(x, E_ROOM) : x->room_name;

	im_set_what(im, "event", im->ids[i].primary ? im->ids[i].primary
			       : im->ids[i].secondary ? im->ids[i].secondary : se->title);
	if (!se->title) {
		import_position(im->buf, x->ev_at > 0 ? (size_t)x->ev_at : 0, &im->line, &im->col);
		xfail(x, "no <title>");
		return;
	}
	se->type = import_type(im, ev_get(x, E_TYPE), SESSION_TALK);
	if (ev_get(x, E_LANGUAGE))
		se->language = xstrdup(ev_get(x, E_LANGUAGE));
	if (room)
		import_session_room(im, i, import_room(im, room));
	import_frab_time(im, i, ev_get(x, E_DATE), ev_get(x, E_START), x->day_date,
			 ev_get(x, E_DURATION));
	im_set_what(im, NULL, NULL);
	x->ev = -1;
	memset(x->ev_has, 0, sizeof(x->ev_has));
}

static void XMLCALL on_text(void *data, const XML_Char *s, int len)
{
	struct xml_reader *x = data;

	if (x->cap) {
		struct strbuf *sb = x->dest;

		/* (no terminating NUL: the text is read by its length, store_field) */
		if (sb->len + (size_t)len < sb->alloc) {
			memcpy(sb->buf + sb->len, s, (size_t)len);
			sb->len += (size_t)len;
		} else {
			strbuf_add(sb, s, (size_t)len);
		}
	}
}

static void XMLCALL on_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct xml_reader *x = data;
	enum elem parent = x->depth ? (enum elem)x->stack[x->depth - 1] : E_OTHER, e = E_OTHER;

	if (x->failed)
		return;
	if (x->depth >= LOAD_MAX_DEPTH) {
		xfail(x, "XML nested more than %u levels deep; planner reads at most %u",
		      LOAD_MAX_DEPTH, LOAD_MAX_DEPTH);
		return;
	}
	if (x->cap) {
		/* markup inside a text field: its text is the field's */
		x->stack[x->depth++] = E_OTHER;
		return;
	}
	if (!x->depth) {
		if (strcmp(name, "schedule")) {
			char *clean = text_sanitize(name), *cut = text_truncate(clean, 40);

			xfail(x, "the root element is <%s>, not <schedule>: not a frab schedule.xml",
			      cut);
			free(cut);
			free(clean);
			return;
		}
		x->stack[x->depth++] = E_SCHEDULE;
		return;
	}
	switch (parent) {
	case E_SCHEDULE:
		e = elem_of(name);
		if (e == E_DAY) {
			free(x->day_date);
			x->day_date = attr_dup(atts, "date");
			declare_day(x, atts);
		} else if (e != E_CONFERENCE) {
			e = E_OTHER;
		}
		break;
	case E_CONFERENCE:
		e = elem_of(name);
		if (e == E_TITLE || e == E_ACRONYM || e == E_ZONE || e == E_URL || e == E_BASE_URL)
			x->cap = e;
		else
			e = E_OTHER;
		break;
	case E_DAY:
		if (!strcmp(name, "room")) {
			e = E_ROOM;
			free(x->room_name);
			x->room_name = attr_dup(atts, "name");
		}
		break;
	case E_ROOM:
		if (!strcmp(name, "event")) {
			e = E_EVENT;
			begin_event(x, atts);
		}
		break;
	case E_EVENT:
		e = elem_of(name);
		switch (e) {
		case E_PERSONS: case E_RECORDING: case E_LINKS:
			break;
		case E_PERSON:
			x->cap = e;
			x->cap_list = true;
			break;
		case E_ROOM: case E_TITLE: case E_URL: case E_DATE: case E_START: case E_DURATION:
		case E_SUBTITLE: case E_TRACK: case E_TYPE: case E_LANGUAGE: case E_ABSTRACT:
		case E_DESCRIPTION:
			x->cap = e;
			break;
		default:
			e = E_OTHER;
			break;
		}
		break;
	case E_PERSONS:
		if (!strcmp(name, "person")) {
			e = E_PERSON;
			x->cap = e;
			x->cap_list = false;
		}
		break;
	case E_RECORDING:
		if (!strcmp(name, "optout"))
			x->cap = e = E_OPTOUT;
		break;
	case E_LINKS:
		if (!strcmp(name, "link")) {
			x->cap = e = E_LINK;
			set_text(&x->link_href, attr_dup(atts, "href"));
		}
		break;
	default:
		break;
	}
	if (x->cap) {
		x->cap_depth = x->depth;
		x->dest = x->ev >= 0 && event_text(x->cap) ? &x->ev_text[x->cap] : &x->text;
		x->dest->len = 0;
		/* text is wanted only inside the element being read: elsewhere (the indentation
		 * between elements, fields planner does not read) Expat need not hand it over */
		XML_SetCharacterDataHandler(x->p, on_text);
	}
	x->stack[x->depth++] = (unsigned char)e;
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
	struct xml_reader *x = data;
	enum elem e;

	(void)name;
	if (x->failed || !x->depth)
		return;
	e = (enum elem)x->stack[--x->depth];
	if (x->cap) {
		if (x->depth == x->cap_depth) {
			store_field(x);
			x->cap = E_OTHER;
			XML_SetCharacterDataHandler(x->p, NULL);
		}
		return;
	}
	switch (e) {
	case E_EVENT:
		if (x->ev >= 0)
			end_event(x);
		break;
	case E_ROOM:
		set_text(&x->room_name, NULL);
		break;
	case E_DAY:
		set_text(&x->day_date, NULL);
		break;
	default:
		break;
	}
}

/* Any entity declaration (internal or external, general or parameter) stops the parse: a
 * schedule needs none, and refusing them is what keeps expansion bombs and external reads out. */
static void XMLCALL on_entity_decl(void *data, const XML_Char *name, int is_param,
				   const XML_Char *value, int value_len, const XML_Char *base,
				   const XML_Char *system_id, const XML_Char *public_id,
				   const XML_Char *notation)
{
	struct xml_reader *x = data;
	char *clean = text_sanitize(name), *cut = text_truncate(clean, 40);

	(void)is_param; (void)value; (void)value_len; (void)base; (void)system_id;
	(void)public_id; (void)notation;
	xfail(x, "the document type declares the entity \"%s\"; planner reads no DTD entities",
	      cut);
	free(cut);
	free(clean);
}

static void reader_release(struct xml_reader *x)
{
	free(x->conf_title);
	free(x->conf_acronym);
	free(x->conf_zone);
	free(x->conf_url);
	free(x->day_date);
	free(x->room_name);
	free(x->link_href);
	for (int e = 0; e < E_COUNT; e++)
		strbuf_release(&x->ev_text[e]);
	strbuf_release(&x->text);
	if (x->p)
		XML_ParserFree(x->p);
}

/*
 * Expat's memory, counted: an allocation that would take it past LOAD_MAX_XML_MEMORY fails,
 * which stops the parse (a start tag with millions of attributes would otherwise take gigabytes).
 * Each block carries its size in front.  Expat's allocator takes no context: the count is
 * process-wide, as load.c's arena for jansson is, and one parse runs at a time.
 */
#define HEAD sizeof(max_align_t)
static size_t xml_memory;
static bool xml_memory_full;

static void *count_malloc(size_t n)
{
	char *p;

	if (n > LOAD_MAX_XML_MEMORY || xml_memory + n > LOAD_MAX_XML_MEMORY) {
		xml_memory_full = true;
		return NULL;
	}
	p = malloc(HEAD + n);
	if (!p)
		return NULL;
	memcpy(p, &n, sizeof(n));
	xml_memory += n;
	return p + HEAD;
}

static void count_free(void *ptr)
{
	size_t n;

	if (!ptr)
		return;
	memcpy(&n, (char *)ptr - HEAD, sizeof(n));
	xml_memory -= n;
	free((char *)ptr - HEAD);
}

static void *count_realloc(void *ptr, size_t n)
{
	size_t old = 0;
	char *p;

	if (!ptr)
		return count_malloc(n);
	memcpy(&old, (char *)ptr - HEAD, sizeof(old));
	if (n > old && (n > LOAD_MAX_XML_MEMORY || xml_memory - old + n > LOAD_MAX_XML_MEMORY)) {
		xml_memory_full = true;
		return NULL;
	}
	p = realloc((char *)ptr - HEAD, HEAD + n);
	if (!p)
		return NULL;
	memcpy(p, &n, sizeof(n));
	xml_memory = xml_memory - old + n;
	return p + HEAD;
}

static const XML_Memory_Handling_Suite counted = { count_malloc, count_realloc, count_free };

/* Runs Expat over the whole text; 0, or -1 with error() set. */
static int parse(struct xml_reader *x)
{
	struct importer *im = x->im;
	enum XML_Status st;

	xml_memory = 0;
	xml_memory_full = false;
	x->p = XML_ParserCreate_MM(NULL, &counted, NULL);
	if (!x->p)
		return error(EX_OSERR, "%s: out of memory", im->name);
	XML_SetUserData(x->p, x);
	XML_SetElementHandler(x->p, on_start, on_end);
	XML_SetEntityDeclHandler(x->p, on_entity_decl);
#ifdef XML_DTD
	XML_SetParamEntityParsing(x->p, XML_PARAM_ENTITY_PARSING_NEVER);
#endif
#if defined(XML_DTD) && XML_MAJOR_VERSION * 10000 + XML_MINOR_VERSION * 100 + XML_MICRO_VERSION >= 20400
	/* never reached while every declaration is refused; kept as the second wall */
	XML_SetBillionLaughsAttackProtectionMaximumAmplification(x->p, 20.0f);
	XML_SetBillionLaughsAttackProtectionActivationThreshold(x->p, 1u << 20);
#endif
	if (im->len > (size_t)0x7fffffff)
		return error(EX_DATAERR, "%s: too large", im->name);
	/* Blank lines before the XML declaration (a generator's stray output) are forgiven. */
	while (x->skip < im->len && blank(im->buf[x->skip]))
		x->skip++;
	st = XML_Parse(x->p, im->buf + x->skip, (int)(im->len - x->skip), XML_TRUE);
	if (x->failed)
		return -1;
	if (st != XML_STATUS_OK && xml_memory_full)
		return error(EX_DATAERR, "%s: parsing the XML would take over %u MiB; planner uses at "
			     "most that", im->name, LOAD_MAX_XML_MEMORY >> 20);
	if (st != XML_STATUS_OK) {
		long at = here(x);
		int line, col;

		import_position(im->buf, at > 0 ? (size_t)at : 0, &line, &col);
		return error(EX_DATAERR, "%s:%d:%d: not valid XML: %s", im->name, line, col,
			     XML_ErrorString(XML_GetErrorCode(x->p)));
	}
	return 0;
}

int import_xml(struct importer *im)
{
	struct xml_reader x;
	int ret = -1;

	memset(&x, 0, sizeof(x));
	x.im = im;
	x.ev = -1;
	strbuf_init(&x.text);
	for (int e = 0; e < E_COUNT; e++)
		strbuf_init(&x.ev_text[e]);
	if (parse(&x) < 0)
		goto out;
	im->line = im->col = 0;
	import_conference(im, x.conf_acronym, x.conf_title, x.conf_url);
	if (x.any_guid) {
		im->id_primary = "\"guid\"";
		im->id_secondary = "\"id\"";
	} else {
		/* pentabarf: no event has a guid, and the id is the id */
		for (size_t i = 0; i < im->s->nsessions; i++) {
			im->ids[i].primary = im->ids[i].secondary;
			im->ids[i].secondary = NULL;
		}
		im->id_primary = "\"id\"";
	}
	ret = import_finish(im, x.conf_zone, NULL);
out:
	reader_release(&x);
	return ret;
}
