/* jsonpos.h: where a value sits in JSON text, for messages that point at file:line:col.
 *
 * The JSON library does not keep positions of parsed values, so on an error the loader walks the
 * raw text again along the path to the offending value.  Only used on error paths.
 */
#ifndef PLANNER_JSONPOS_H
#define PLANNER_JSONPOS_H

#include <stddef.h>

/* One step of a path: an object member (key != NULL) or an array element (key == NULL). */
struct json_step {
	const char *key;
	size_t index;
};

/* Finds the value at path[0..depth) in the JSON text buf[0..len) and sets *line and *col
 * (1-based; columns count characters, not bytes).  Returns 0, or -1 when the path is not there
 * (then *line and *col point at the deepest value found). */
int json_locate(const char *buf, size_t len, const struct json_step *path, size_t depth,
		int *line, int *col);

#endif
