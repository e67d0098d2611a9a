/* fuzz_venue.c: the libFuzzer harness of the venue file reader (venue_file_parse,
 * src/store/venue_file.c), built into build/fuzz/fuzz_venue by `make fuzz`.  Whatever the bytes,
 * venue_file_parse must return 0 or -1 — never crash, hang, leak or read out of bounds — and
 * what it reads must apply to a timetable without harm. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "schedule.h"
#include "util.h"
#include "venue.h"
#include "venue_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct venue v;
	char *buf = malloc(size ? size : 1);	/* a private copy: ASan sees reads past it */

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	if (venue_file_parse(&v, buf, size, "fuzz.venue.json") == 0) {
		struct schedule s;
		struct room *r;

		schedule_init(&s);
		r = schedule_add_room(&s);
		r->id = xstrdup("hall-1");
		r->name = xstrdup("Hall 1");
		r = schedule_add_room(&s);
		r->id = xstrdup("hall-2");
		r->name = xstrdup("Hall 2");
		r->building = xstrdup("Main");
		venue_apply(&v, &s);
		(void)venue_travel(&s, 0, 1, 300);
		schedule_release(&s);
		venue_release(&v);
	}
	free(buf);
	error_clear();
	return 0;
}
