/* seed: reproducible seeds derived from a protocol's base seed and a label naming what they seed. */
#ifndef NUTL_SEED_H
#define NUTL_SEED_H

#include <stdint.h>

/* Returns a 63-bit seed that depends on base and every byte of label ("train", "kaiming-all-n1000-m3",
   ...): FNV-1a over the label, mixed with base by SplitMix64. Distinct labels give unrelated seeds. */
uint64_t seed_derive(uint64_t base, const char *label);

#endif
