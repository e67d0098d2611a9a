/* fuzz_plan.c: the libFuzzer harness of the plan file reader (plan_parse, src/store/plan.c), built
 * into build/fuzz/fuzz_plan by `make fuzz`.  Whatever the bytes, plan_parse must return 0 or
 * -1 — never crash, hang, leak or read out of bounds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct plan p;
	char *buf = malloc(size ? size : 1);	/* a private copy: ASan sees reads past it */

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	plan_init(&p);
	if (plan_parse(&p, buf, size, "fuzz.plan.json") == 0)
		plan_release(&p);
	free(buf);
	error_clear();
	return 0;
}
