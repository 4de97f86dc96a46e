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

/* Prints the kernels in use ("kernels: oneDNN avx2, OpenBLAS Haswell (portable: ...)") on stdout.
   Returns nothing; dies if asked (the command's --portable) but the kernels are not pinned. */
void portable_report(int asked);

/* Returns buf, filled with the kernels the libraries use in this process, e.g. "oneDNN avx2, OpenBLAS
   Haswell". */
const char *portable_kernels(char *buf, size_t len);
#endif
