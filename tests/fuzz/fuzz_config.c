/* fuzz_config.c: the libFuzzer harness of the config file reader (config_parse, src/cmd/config.c),
 * built into build/fuzz/fuzz_config by `make fuzz`.  Whatever the bytes, config_parse must
 * return 0 or -1 — never crash, hang, leak or read out of bounds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config c;
	char *buf = malloc(size ? size : 1);	/* a private copy: ASan sees reads past it */

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	config_init(&c);
	if (config_parse(&c, buf, size, "fuzz-config") == 0)
		config_release(&c);
	free(buf);
	warnings_clear();
	error_clear();
	return 0;
}
