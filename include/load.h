/* load.h: bytes → the schedule model.
 *
 * One importer per format; format detection picks one (README.md, "Formats planner reads").
 * The loaders are the only modules that include <jansson.h> (import_xml.c alone <expat.h>).  Errors name the input and the
 * position:
 *     schedules/x.json:12:5: session "abc": end is before start
 * Problems a feed can be forgiven (no time zone, a session with no usable time, a missing id)
 * are queued as warnings naming the input; no session is ever dropped.
 */
#ifndef PLANNER_LOAD_H
#define PLANNER_LOAD_H

#include <stddef.h>
#include <stdint.h>

struct schedule;

/*
 * Limits (README.md, "Limits"): an input beyond one is refused with a message naming the input
 * and the limit, so that no timetable can exhaust the machine's memory or time.
 */
/* Inputs larger than this are refused before parsing; also fetch's largest body. */
#define LOAD_MAX_BYTES (64u << 20)
/* Sessions and rooms in one timetable. */
#define LOAD_MAX_SESSIONS 20000u
#define LOAD_MAX_ROOMS 2000u
/* Bytes of one text: a title, id, name, track, speaker, tag, url ...; an abstract or a
 * description. */
#define LOAD_MAX_TEXT (64u << 10)
#define LOAD_MAX_LONG_TEXT (1u << 20)
/* The longest session, and the earliest start and latest end: a time beyond is not usable (a
 * session keeps no time, or the native format's strict loader refuses it).  Start and end are
 * then dates in every zone (years 1 to 9999), which plans and calendars can write. */
#define LOAD_MAX_SESSION_DAYS 7
#define LOAD_MIN_INSTANT ((int64_t)-719161 * 86400)	/* 0001-01-02T00:00:00Z */
#define LOAD_MAX_INSTANT ((int64_t)2932896 * 86400)	/* 9999-12-31T00:00:00Z */
/* Speakers, tags or rooms of one session (also the entries of any list a session refers to). */
#define LOAD_MAX_LIST 1000u
/* JSON and XML: nesting depth (jansson's own limit); the memory JSON's parse tree may take. */
#define LOAD_MAX_DEPTH 2048u
#define LOAD_MAX_JSON_MEMORY (640u << 20)
/* XML: the memory Expat may take (its copy of the input, its tables). */
#define LOAD_MAX_XML_MEMORY (256u << 20)
/* iCalendar: content lines (after unfolding), and parameters of one line. */
#define LOAD_MAX_ICS_LINES 1000000u
#define LOAD_MAX_ICS_PARAMS 100u

struct load_options {
	const char *format;   /* NULL or "auto": detect; else one of load_formats[] */
	const char *timezone; /* IANA zone for feeds that name none (fetch --tz); NULL: none given */
	const char *name;     /* conference id/name for feeds that carry none (fetch --name);
			       * NULL: made from the input's file name */
};

/* The formats planner reads, the one list every message and completion takes them from, in
 * the order they are listed; ends with a NULL name. */
struct load_format {
	const char *name;	/* what load_options.format takes: "native", "frab", "xml", ... */
	const char *what;	/* how messages call it: "planner", "frab", "frab XML", ... */
	char syntax;		/* 'j' JSON, 'x' XML, 'i' iCalendar */
};
extern const struct load_format load_formats[];

/* 0 if `format` is NULL, "auto" or one of load_formats[]; else -1 with error() set
 * (EX_USAGE) listing the known ones. */
int load_format_check(const char *format);

/* The format auto-detection picks for buf[0..len) (one of load_formats[], borrowed), or NULL
 * with error() set to the message schedule_load_buffer() would give.  Parses JSON once. */
const char *schedule_detect_format(const char *buf, size_t len, const char *name);

/* Parses buf[0..len) (a UTF-8 BOM is skipped) into s, which must be freshly initialized.  `name`
 * (a path or URL) is used in messages and kept as s->source.  opt may be NULL.  Returns 0, or -1
 * with error() set (EX_DATAERR for bad data, EX_USAGE for a bad format or time zone option),
 * `name` recorded as its subject when the message starts with it (error_after_subject() is the
 * rest, for a caller that names the input its own way); on failure s is released and the
 * warnings it queued are dropped. */
int schedule_load_buffer(struct schedule *s, const char *buf, size_t len, const char *name,
			 const struct load_options *opt);

/* Reads the file at `path` and parses it as above.  EX_NOINPUT when it is missing or not a
 * regular file, EX_IOERR when reading fails, EX_DATAERR when it is empty or too large. */
int schedule_load_file(struct schedule *s, const char *path, const struct load_options *opt);

/* Reads a whole regular file (at most `max` bytes) into a NUL-terminated buffer the caller
 * frees; *len gets its size.  Errors as for schedule_load_file. */
int read_file(const char *path, size_t max, char **buf, size_t *len);

#endif
