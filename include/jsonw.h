/* jsonw.h: a small streaming JSON writer for --json output (pretty-printed, UTF-8 kept as is). */
#ifndef PLANNER_JSONW_H
#define PLANNER_JSONW_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JSONW_MAX_DEPTH 32

struct jsonw {
	FILE *f;
	int depth;
	bool first[JSONW_MAX_DEPTH];
	bool after_key;
};

void jsonw_init(struct jsonw *w, FILE *f);
void jsonw_object_begin(struct jsonw *w);
void jsonw_object_end(struct jsonw *w);
void jsonw_array_begin(struct jsonw *w);
void jsonw_array_end(struct jsonw *w);
/* The key of the next member of the current object. */
void jsonw_key(struct jsonw *w, const char *key);
/* A string value (NULL writes null); invalid UTF-8 bytes are written as U+FFFD. */
void jsonw_string(struct jsonw *w, const char *s);
void jsonw_int(struct jsonw *w, int64_t v);
void jsonw_double(struct jsonw *w, double v);
void jsonw_bool(struct jsonw *w, bool v);
void jsonw_null(struct jsonw *w);
/* Ends the document with a newline. */
void jsonw_finish(struct jsonw *w);

#endif
