/* A small seeded generator (splitmix64) for the randomized tests and benchmarks: the same seed
 * gives the same instances on every machine.  Set rng_state to the seed, then call rnd(n). */
#ifndef RNG_H
#define RNG_H

#include <stdint.h>

static uint64_t rng_state;

/* A number in 0..n-1. */
static uint32_t rnd(uint32_t n)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	z ^= z >> 31;
	return (uint32_t)(z % n);
}

#endif
