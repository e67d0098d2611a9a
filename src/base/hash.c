/* hash.c: the project's hash functions (hash.h). */
#include <string.h>

#include "hash.h"

/* The last len (1 to 7) bytes as a little-endian word, zero-padded. */
static uint64_t get_tail(const unsigned char *p, size_t len)
{
	uint64_t w = 0;

	for (size_t i = 0; i < len; i++)
		w |= (uint64_t)p[i] << (8 * i);
	return w;
}

#define MIX(h, w) ((h) = ((h) ^ (w)) * 0xff51afd7ed558ccdu, (h) ^= (h) >> 32)

uint64_t hash_bytes(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t h = 0x9e3779b97f4a7c15u ^ (uint64_t)len;
	uint64_t l0 = 1, l1 = 2, l2 = 3, l3 = 4;

	/* Four lanes of 8-byte words, then the lanes, then the tail, all absorbed with the same
	 * step h = mix(h ^ word), which is a bijection of h for a given word and of the word for a
	 * given h: two inputs that differ in one word always give different results. */
	for (; len >= 32; p += 32, len -= 32) {
		MIX(l0, load_le64(p));
		MIX(l1, load_le64(p + 8));
		MIX(l2, load_le64(p + 16));
		MIX(l3, load_le64(p + 24));
	}
	MIX(h, l0);
	MIX(h, l1);
	MIX(h, l2);
	MIX(h, l3);
	for (; len >= 8; p += 8, len -= 8)
		MIX(h, load_le64(p));
	if (len) {
		uint64_t w = get_tail(p, len);
		MIX(h, w);
	}
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53u;
	h ^= h >> 33;
	return h;
}

/* Two 64-bit lanes, as GNU C vectors: SSE2 on x86-64, NEON on arm64, plain integers elsewhere. */
typedef uint64_t lanes __attribute__((vector_size(16)));

uint64_t hash_checksum(const void *data, size_t len)
{
	const unsigned char *p = data;
	const lanes low = { 0xffffffffu, 0xffffffffu };
	lanes a0 = { 0, 0 }, a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
	unsigned char last[32];
	uint64_t sums[16], h = 0x9e3779b97f4a7c15u ^ (uint64_t)len;

	/* 32 bytes a step, the last step padded with zeros: each 8-byte word's low and high
	 * halves go to their own lane (a), and every lane's running sum into b */
	for (size_t left = len; left; p += 32, left -= 32) {
		lanes x, y;

		if (left < 32) {
			memset(last, 0, sizeof(last));
			memcpy(last, p, left);
			p = last;
			left = 32;
		}
		x = (lanes){ load_le64(p), load_le64(p + 8) };
		y = (lanes){ load_le64(p + 16), load_le64(p + 24) };
		a0 += x & low;
		a1 += x >> 32;
		a2 += y & low;
		a3 += y >> 32;
		b0 += a0;
		b1 += a1;
		b2 += a2;
		b3 += a3;
	}
	{
		/* the vectors' halves back in lane order: lane k is the stripe's k-th 32-bit word,
		 * the (k % 2) half of 64-bit word k / 2 */
		uint64_t v[16];

		memcpy(v, &a0, 16);
		memcpy(v + 2, &a1, 16);
		memcpy(v + 4, &a2, 16);
		memcpy(v + 6, &a3, 16);
		memcpy(v + 8, &b0, 16);
		memcpy(v + 10, &b1, 16);
		memcpy(v + 12, &b2, 16);
		memcpy(v + 14, &b3, 16);
		for (int k = 0; k < 8; k++) {
			int at = ((k / 4) * 2 + k % 2) * 2 + (k / 2) % 2;
			sums[k] = v[at];
			sums[8 + k] = v[8 + at];
		}
	}
	for (int i = 0; i < 16; i++)
		MIX(h, sums[i]);
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53u;
	h ^= h >> 33;
	return h;
}

void hash_word(uint64_t *h, uint64_t w)
{
	*h = (*h ^ w) * 0x9e3779b97f4a7c15u;
	*h ^= *h >> 29;
}

void hash_field(uint64_t *h, const void *data, size_t len)
{
	const unsigned char *p = data;

	hash_word(h, (uint64_t)len);
	for (; len >= 8; p += 8, len -= 8)
		hash_word(h, load_le64(p));
	if (len)
		hash_word(h, get_tail(p, len));
}

void hash_string(uint64_t *h, const char *s)
{
	if (s)
		hash_field(h, s, strlen(s));
	else
		hash_word(h, UINT64_MAX);
}

uint64_t hash_fnv1a(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;

	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 1099511628211ull;
	}
	return h;
}
