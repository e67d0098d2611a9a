/* load.h: bytes → the schedule model.
 *
 * One importer per format; format detection picks one.  The loaders are the only modules that
 * include <jansson.h>.  Errors name the input and the position:
 *     schedules/x.json:12:5: session "abc": end is before start
 */
#ifndef PLANNER_LOAD_H
#define PLANNER_LOAD_H

#include <stddef.h>

struct schedule;

/* Inputs larger than this are refused before parsing. */
#define LOAD_MAX_BYTES (32u << 20)

struct load_options {
	const char *format;   /* NULL or "auto": detect; else "native" */
	const char *timezone; /* zone for feeds that carry none; NULL: none given */
};

/* Parses buf[0..len) (a UTF-8 BOM is skipped) into s, which must be freshly initialized.  `name`
 * (a path or URL) is used in messages and kept as s->source.  Returns 0, or -1 with error() set
 * (EX_DATAERR for bad data); on failure s is released. */
int schedule_load_buffer(struct schedule *s, const char *buf, size_t len, const char *name,
			 const struct load_options *opt);

/* Reads the file at `path` and parses it as above.  EX_NOINPUT when it is missing or not a
 * regular file, EX_IOERR when reading fails, EX_DATAERR when it is empty or too large. */
int schedule_load_file(struct schedule *s, const char *path, const struct load_options *opt);

/* Reads a whole regular file (at most `max` bytes) into a NUL-terminated buffer the caller
 * frees; *len gets its size.  Errors as for schedule_load_file. */
int read_file(const char *path, size_t max, char **buf, size_t *len);

#endif
