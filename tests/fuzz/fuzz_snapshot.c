/* fuzz_snapshot.c: the libFuzzer harness of the snapshot reader (src/store/snapshot.c), built into
 * build/fuzz/fuzz_snapshot by `make fuzz`.  Each input is decoded twice: as a whole file (the
 * header checks), and as the payload of a file whose header is made valid around it (right
 * magic, versions, sizes and checksums), so that the fuzzer reaches the model decoder without
 * having to forge a checksum.  Whatever the bytes, snapshot_decode must return 0 or -1 — never
 * crash, hang, leak or read out of bounds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "schedule.h"
#include "snapshot.h"
#include "util.h"

#ifndef PLANNER_VERSION
#define PLANNER_VERSION "0"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void put(unsigned char *p, uint64_t v, int bytes)
{
	for (int i = 0; i < bytes; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static void decode(const char *buf, size_t len)
{
	struct schedule s;

	schedule_init(&s);
	if (snapshot_decode(buf, len, NULL, &s) == 0)
		schedule_release(&s);
	error_clear();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Private copies, so that reading past the end is caught by ASan. */
	char *raw = malloc(size ? size : 1);
	unsigned char *file = malloc(SNAPSHOT_HEADER_SIZE + size);

	if (!raw || !file) {
		free(raw);
		free(file);
		return 0;
	}
	memcpy(raw, data, size);
	decode(raw, size);

	memset(file, 0, SNAPSHOT_HEADER_SIZE);
	memcpy(file, SNAPSHOT_MAGIC, 8);
	put(file + 8, SNAPSHOT_VERSION, 4);
	put(file + 12, SNAPSHOT_HEADER_SIZE, 4);
	strncpy((char *)file + 16, PLANNER_VERSION, 15);
	memcpy(file + SNAPSHOT_HEADER_SIZE, data, size);
	put(file + 32, size, 8);
	put(file + 40, hash_checksum(file + SNAPSHOT_HEADER_SIZE, size), 8);
	put(file + 72, hash_bytes(file, 72), 8);
	decode((const char *)file, SNAPSHOT_HEADER_SIZE + size);

	free(file);
	free(raw);
	return 0;
}
