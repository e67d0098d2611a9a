/* source.h: which timetable a command works on.
 *
 * A SOURCE is a file path, or the name of a bundled timetable ("pyconkr-2014").  Bundled
 * timetables live in "schedules/" next to the binary when run from the build tree, else in
 * $(PREFIX)/share/planner/schedules.
 */
#ifndef PLANNER_SOURCE_H
#define PLANNER_SOURCE_H

#include <stddef.h>

struct schedule;
struct load_options;

/* The directory of bundled timetables (borrowed, computed once), or NULL if none exists. */
const char *source_bundled_dir(void);

/* Names of the bundled timetables ("pyconkr-2024", ...), sorted.  Caller frees with
 * source_names_free(). */
char **source_bundled_names(size_t *n);
void source_names_free(char **names, size_t n);

/* Loads the timetable named by `spec` into s (freshly initialized).  NULL spec: the newest
 * bundled timetable (the one whose last day is latest).  Returns 0, or -1 with error() set
 * (EX_NOINPUT for a name that is neither a file nor a bundled timetable, with suggestions). */
int source_load(struct schedule *s, const char *spec, const struct load_options *opt);

#endif
