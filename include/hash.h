/* hash.h: the project's hash functions, in one place.  None is cryptographic: they tell
 * apart, they do not defend against forgery. */
#ifndef PLANNER_HASH_H
#define PLANNER_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The little-endian 64-bit integer at p (any alignment): the one reader of the hashes' words
 * and the snapshot's fields. */
static inline uint64_t load_le64(const unsigned char *p)
{
	uint64_t v;

	memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);
#endif
	return v;
}

/* A fast 64-bit checksum of data[0..len) (about 8 bytes a cycle): any change of one aligned
 * 8-byte word, and so any single flipped byte, changes it.  Snapshots, cache stamps, hash
 * tables and file names use it; its values are stored, so it never changes. */
uint64_t hash_bytes(const void *data, size_t len);

/* The checksum of a large block (the snapshot's payload), several times faster than
 * hash_bytes: the block, padded with zeros to a multiple of 32 bytes, as little-endian 32-bit
 * words in 8 interleaved lanes; each lane's sum, and the sum of its running sums (Fletcher's
 * two sums, in 64 bits: they do not wrap for blocks under 128 GB), mixed into one with the
 * length (the sums of lanes 0 to 7, then their running sums, each as hash_bytes mixes a word,
 * then its finish).  A change of one word, or of two words of a lane, always changes a lane's
 * sums (so does any flipped bit or byte); other changes collide about once in 2^64.
 * Snapshots store it, so it never changes. */
uint64_t hash_checksum(const void *data, size_t len);

/* FNV-1a, 64 bits, fed piece by piece: h = hash_fnv1a(HASH_FNV1A_INIT, a, alen), then
 * h = hash_fnv1a(h, b, blen), ...  The plan's timetable fingerprint is stored with it. */
#define HASH_FNV1A_INIT 14695981039346656037ull
uint64_t hash_fnv1a(uint64_t h, const void *data, size_t len);

/* A hash fed field by field, for records: h = SEED, then hash_word(&h, number),
 * hash_field(&h, bytes, len), hash_string(&h, s) for each field.  A word is mixed in with
 * h = (h ^ w) * 0x9e3779b97f4a7c15, h ^= h >> 29; a field is its length, then its bytes as
 * little-endian 8-byte words (the last padded with zeros), so that "ab"+"c" and "a"+"bc"
 * differ; a NULL string is the word UINT64_MAX.  The export's SEQUENCE memory stores values of
 * it, so it never changes. */
void hash_word(uint64_t *h, uint64_t w);
void hash_field(uint64_t *h, const void *data, size_t len);
void hash_string(uint64_t *h, const char *s);

#endif
