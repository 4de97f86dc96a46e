/* device: where networks run. The CPU build always runs on the CPU; the GPU build needs a CUDA GPU and
   says so clearly instead of crashing inside Darknet when there is none. */
#ifndef NUTL_DEVICE_H
#define NUTL_DEVICE_H

#include <stdint.h>

/* GPU build: checks once that a CUDA device is usable, selects device 0 and prints the CUDA runtime
   and cuDNN versions on stderr; dies with one line if no GPU or driver is found. CPU build: nothing. */
void device_require(void);

/* GPU build: seeds curand from seed and, if deterministic, restricts cuDNN to algorithms that give
   identical results run to run. CPU build: nothing (the CPU path is deterministic at a fixed thread
   count). */
void device_configure(uint64_t seed, int deterministic);

/* Sets the CPU threads of everything that computes: OpenMP (Darknet's loops, oneDNN) and OpenBLAS.
   Results are bit-identical run to run only at a fixed thread count. */
void device_set_threads(int threads);

/* Returns the device's name: "cpu", or the GPU's name. */
const char *device_name(void);

#endif
