/* fuzz_multistatus.c: the libFuzzer harness of the CalDAV client's reader of a server's XML
 * replies (WebDAV multistatus, src/store/caldav.c, through caldav_parse_count), built into
 * build/fuzz/fuzz_multistatus by `make fuzz`.  Whatever the bytes, it must return a count or
 * -1 — never crash, hang, leak, expand an entity or read out of bounds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "caldav.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size ? size : 1);	/* a private copy: ASan sees reads past it */

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	caldav_parse_count(buf, size);
	free(buf);
	warnings_clear();
	error_clear();
	return 0;
}
