/* fuzz_importer.c: the libFuzzer harness of one importer, built once per format with
 * -DFUZZ_FORMAT='"frab"' (and so on) into tests/fuzz/fuzz_<format> by `make fuzz`.  It links the
 * normal objects: whatever the bytes, schedule_load_buffer must return 0 or -1 — never crash,
 * hang, leak or read out of bounds — and leave no state behind. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "schedule.h"
#include "util.h"

#ifndef FUZZ_FORMAT
#define FUZZ_FORMAT "auto"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct load_options opt = { FUZZ_FORMAT, "Asia/Seoul", NULL };
	struct schedule s;
	/* A private copy, so that reading past `size` is caught by ASan. */
	char *buf = malloc(size ? size : 1);

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	schedule_init(&s);
	if (schedule_load_buffer(&s, buf, size, "fuzz-input", &opt) == 0)
		schedule_release(&s);
	free(buf);
	warnings_clear();
	error_clear();
	return 0;
}
