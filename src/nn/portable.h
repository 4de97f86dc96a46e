/* portable: the mode (nutl train --portable, preset key portable = 1) in which every library's choice of
   kernels by instruction set is pinned, so that a seed, build and thread count give the same bytes on
   any x86-64 CPU with AVX2 and FMA: oneDNN's convolutions capped at AVX2 (ONEDNN_MAX_CPU_ISA) and
   OpenBLAS's GEMM on its Haswell kernels (OPENBLAS_CORETYPE). OpenBLAS reads its core type when the
   library loads, before main, so the mode is entered by setting both and re-executing the program.
   Our own code and Darknet are compiled for baseline x86-64 (no -march), so they need no pinning. */
#ifndef NUTL_PORTABLE_H
#define NUTL_PORTABLE_H
#include <stddef.h>

#define PORTABLE_ONEDNN_ISA "AVX2"
#define PORTABLE_OPENBLAS_CORE "Haswell"

/* --portable (an option of nutl train and nutl bench), handled before the command parses its options: if
   argv holds it and the kernels are not yet pinned, pins them and re-executes the program with the same
   arguments, so this returns only once they are pinned (or when --portable is absent). Returns nothing;
   dies if the CPU lacks AVX2 or FMA, or the re-execution fails. */
void portable_enter(int argc, char **argv);

/* Returns 1 if the environment pins the kernels as portable mode does, else 0. */
int portable_pinned(void);

/* Prints the kernels in use ("kernels: oneDNN isa cpu_isa_avx2; OpenBLAS core Haswell (portable: ...)") on
   stdout. Returns nothing; dies if asked (the command's --portable) but the kernels are not pinned. */
void portable_report(int asked);

/* The kernels the libraries chose in this process: oneDNN's instruction set (dnnl_cpu_isa2str, e.g.
   "cpu_isa_avx2") and OpenBLAS's core type (e.g. "Haswell"). */
const char *kernels_onednn_isa(void);
const char *kernels_openblas_core(void);

/* Returns buf, filled with both as one phrase, "oneDNN isa cpu_isa_avx2; OpenBLAS core Haswell": the one
   format of the kernel choice, in a record's machine_class (docs/provenance.md), the kernels line of
   nutl train and nutl bench, and make bench (dev/torch_bench.py prints PyTorch's the same way). */
const char *kernels_chosen(char *buf, size_t len);
#endif
