/* load.h: bytes → the schedule model.
 *
 * One importer per format; format detection picks one (README.md, "Formats planner reads").
 * The loaders are the only modules that include <jansson.h>.  Errors name the input and the
 * position:
 *     schedules/x.json:12:5: session "abc": end is before start
 * Problems a feed can be forgiven (no time zone, a session with no usable time, a missing id)
 * are queued as warnings naming the input; no session is ever dropped.
 */
#ifndef PLANNER_LOAD_H
#define PLANNER_LOAD_H

#include <stddef.h>

struct schedule;

/* Inputs larger than this are refused before parsing. */
#define LOAD_MAX_BYTES (32u << 20)

struct load_options {
	const char *format;   /* NULL or "auto": detect; else one of load_formats[] */
	const char *timezone; /* IANA zone for feeds that name none (fetch --tz); NULL: none given */
	const char *name;     /* conference id/name for feeds that carry none (fetch --name);
			       * NULL: made from the input's file name */
};

/* The format names load_options.format takes: "native", "frab", "c3voc2", "pretalx",
 * "sessionize", "ics"; NULL-terminated. */
extern const char *const load_formats[];

/* 0 if `format` is NULL, "auto" or one of load_formats[]; else -1 with error() set
 * (EX_USAGE) listing the known ones. */
int load_format_check(const char *format);

/* The format auto-detection picks for buf[0..len) (one of load_formats[], borrowed), or NULL
 * with error() set to the message schedule_load_buffer() would give.  Parses JSON once. */
const char *schedule_detect_format(const char *buf, size_t len, const char *name);

/* Parses buf[0..len) (a UTF-8 BOM is skipped) into s, which must be freshly initialized.  `name`
 * (a path or URL) is used in messages and kept as s->source.  opt may be NULL.  Returns 0, or -1
 * with error() set (EX_DATAERR for bad data, EX_USAGE for a bad format or time zone option); on
 * failure s is released. */
int schedule_load_buffer(struct schedule *s, const char *buf, size_t len, const char *name,
			 const struct load_options *opt);

/* Reads the file at `path` and parses it as above.  EX_NOINPUT when it is missing or not a
 * regular file, EX_IOERR when reading fails, EX_DATAERR when it is empty or too large. */
int schedule_load_file(struct schedule *s, const char *path, const struct load_options *opt);

/* Reads a whole regular file (at most `max` bytes) into a NUL-terminated buffer the caller
 * frees; *len gets its size.  Errors as for schedule_load_file. */
int read_file(const char *path, size_t max, char **buf, size_t *len);

#endif
