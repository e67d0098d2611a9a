/* test_hash: the field-by-field hash (hash.h) that the export's SEQUENCE memory stores — its
 * values pinned (they were computed by the copy ics.c had before it moved to hash.c, and files
 * on disk hold them), the field boundaries it keeps apart, and a byte-by-byte cross-check of
 * how a field becomes words at every length and alignment; pinned values of hash_bytes and
 * hash_fnv1a, which are stored too; and hash_checksum, the snapshot's, against its definition
 * worked out a byte at a time, with the changes it must always see. */
#include <stdint.h>
#include <string.h>

#include "hash.h"
#include "tap.h"

/* The definition in hash.h, one byte at a time. */
static uint64_t reference_field(uint64_t h, const unsigned char *p, size_t len)
{
	uint64_t w = 0;
	size_t k = 0;

	hash_word(&h, (uint64_t)len);
	for (size_t i = 0; i < len; i++) {
		w |= (uint64_t)p[i] << (8 * k);
		if (++k == 8) {
			hash_word(&h, w);
			w = 0;
			k = 0;
		}
	}
	if (k)
		hash_word(&h, w);
	return h;
}

#define MIX(h, w) ((h) = ((h) ^ (w)) * 0xff51afd7ed558ccdu, (h) ^= (h) >> 32)

/* hash_checksum as hash.h defines it, a byte at a time: 32-bit little-endian words, lane = the
 * word's place in its 32-byte stripe, zeros padding the last stripe. */
static uint64_t reference_checksum(const unsigned char *p, size_t len)
{
	uint64_t a[8] = { 0 }, b[8] = { 0 }, h = 0x9e3779b97f4a7c15u ^ (uint64_t)len;
	size_t stripes = (len + 31) / 32;

	for (size_t s = 0; s < stripes; s++) {
		for (int k = 0; k < 8; k++) {
			uint64_t w = 0;

			for (int i = 0; i < 4; i++) {
				size_t at = s * 32 + (size_t)k * 4 + (size_t)i;
				w |= (uint64_t)(at < len ? p[at] : 0) << (8 * i);
			}
			a[k] += w;
		}
		for (int k = 0; k < 8; k++)
			b[k] += a[k];
	}
	for (int k = 0; k < 8; k++)
		MIX(h, a[k]);
	for (int k = 0; k < 8; k++)
		MIX(h, b[k]);
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53u;
	h ^= h >> 33;
	return h;
}

static void test_checksum(void)
{
	static unsigned char buf[400];
	uint64_t rng = 0x2545f4914f6cdd1du, h;
	size_t bad = 0, same = 0;

	for (size_t i = 0; i < sizeof(buf); i++) {
		rng ^= rng << 13;
		rng ^= rng >> 7;
		rng ^= rng << 17;
		buf[i] = i % 5 == 0 ? 0xff : (unsigned char)(rng >> 32);	/* carries too */
	}
	for (size_t off = 0; off < 8; off++)
		for (size_t len = 0; off + len <= sizeof(buf); len++)
			bad += hash_checksum(buf + off, len) != reference_checksum(buf + off, len);
	is_int(bad, 0, "hash_checksum agrees with its definition at every length and offset");
	ok(hash_checksum("", 0) == 0x5a08810e7514b278u, "hash_checksum of nothing: pinned");
	ok(hash_checksum(buf, 100) == 0xd82c150560a97f9eu, "hash_checksum of 100 bytes: pinned");

	h = hash_checksum(buf, 256);
	for (size_t i = 0; i < 256; i++)
		for (int bit = 0; bit < 8; bit++) {
			buf[i] ^= (unsigned char)(1 << bit);
			same += hash_checksum(buf, 256) == h;
			buf[i] ^= (unsigned char)(1 << bit);
		}
	is_int(same, 0, "every one of 2048 flipped bits changes it");
	/* Fletcher's blind spot in 32 bits: +2^31 in one word and -2^31 in another of the same
	 * lane; in 64-bit sums the running sums still differ */
	same = 0;
	for (size_t i = 0; i < 8; i++)
		for (size_t j = i + 8; j < 64; j += 8) {
			buf[4 * i + 3] ^= 0x80;
			buf[4 * j + 3] ^= 0x80;
			same += hash_checksum(buf, 256) == h;
			buf[4 * i + 3] ^= 0x80;
			buf[4 * j + 3] ^= 0x80;
		}
	is_int(same, 0, "two top bits flipped in two words of one lane change it");
	ok(hash_checksum("abc", 3) != hash_checksum("abc\0", 4), "the length counts");
}

int main(void)
{
	uint64_t h = 0x70c3a1e5d0b2f9c7u, a = 0, b = 0;
	unsigned char buf[80];
	int bad = 0;

	hash_string(&h, "t1");
	hash_string(&h, "Commas, semicolons; and a back\\slash");
	hash_string(&h, NULL);
	hash_string(&h, "큰 방 B (2F)");
	hash_string(&h, "");
	hash_word(&h, 1755307800);
	hash_word(&h, (uint64_t)(int64_t)-1);
	{
		static const unsigned char le[8] = { 0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01 };
		ok(load_le64(le) == 0x0102030405060708u, "load_le64 reads little-endian");
	}
	ok(h == 0x73568b5fe013e497u, "an event's fields hash to the value state files already hold");

	hash_string(&a, "ab");
	hash_string(&a, "c");
	hash_string(&b, "a");
	hash_string(&b, "bc");
	ok(a == 0xdba4c08a65b40a8eu && b == 0x55c778ba0148bb9au, "\"ab\"+\"c\" and \"a\"+\"bc\": pinned");
	ok(a != b, "... and different");
	a = 0;
	hash_string(&a, "exactly8");
	hash_string(&a, "0123456789abcdefX");
	ok(a == 0x69f21a6b639ac9e5u, "fields of 8 and 17 bytes: pinned");
	a = 0;
	b = 0;
	hash_string(&a, NULL);
	hash_string(&b, "");
	ok(a != b, "a missing string is not an empty one");

	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(i * 37 + 11);
	for (size_t off = 0; off < 8; off++)
		for (size_t len = 0; off + len <= sizeof(buf); len++) {
			uint64_t x = 42;

			hash_field(&x, buf + off, len);
			bad += x != reference_field(42, buf + off, len);
		}
	is_int(bad, 0, "hash_field agrees with the byte-by-byte definition at every length and offset");

	/* The other two are stored too: hash_bytes in snapshots and plan file names, FNV-1a in the
	 * plan's timetable fingerprint. */
	{
		const char *id = "\xed\x8c\x8c\xec\x9d\xb4\xec\xbd\x98-2024";	/* 파이콘-2024 */
		const char *text = "The quick brown fox jumps over the lazy dog, twice: the quick brown fox.";

		ok(hash_bytes(id, strlen(id)) == 0xdc493a8282854397u,
		   "hash_bytes: the plan file name the README gives for 파이콘-2024");
		ok(strlen(text) == 72 && hash_bytes(text, 72) == 0x20f10bfdd0c9a994u,
		   "hash_bytes: 72 bytes (the four lanes, then a tail) pinned");
		ok(hash_fnv1a(HASH_FNV1A_INIT, "", 0) == 0xcbf29ce484222325u &&
		   hash_fnv1a(HASH_FNV1A_INIT, "a", 1) == 0xaf63dc4c8601ec8cu &&
		   hash_fnv1a(HASH_FNV1A_INIT, "foobar", 6) == 0x85944171f73967e8u,
		   "hash_fnv1a: the published FNV-1a 64 test vectors");
		ok(hash_fnv1a(hash_fnv1a(HASH_FNV1A_INIT, "foo", 3), "bar", 3) == 0x85944171f73967e8u,
		   "hash_fnv1a fed piece by piece is the same");
	}
	test_checksum();
	return done_testing();
}
