/* provenance: what made a result, so that its record alone can rerun it (README.md, "Provenance"): the
   build and the libraries loaded at run time, the machine and the instruction sets its kernels chose,
   the dataset's identity, the exact command line and its start and end times. */
#ifndef NUTL_PROVENANCE_H
#define NUTL_PROVENANCE_H

#include <stdio.h>

#include "nn/train.h"

/* Remembers the process's command line, working folder and start time (called once, by main). */
void provenance_start(int argc, char **argv);

/* Returns the build's identity: nutl's commit, Darknet's version and patch series, the compiler. */
const char *provenance_build(void);

/* Returns the versions of the libraries as the loaded libraries report them: oneDNN, OpenBLAS, GSL,
   libzip, nettle (GPU build: also the CUDA runtime, the driver and cuDNN). */
const char *provenance_libraries(void);

/* Returns the machine class of a run with options o: what picks the kernels and so the last bits of a
   result (CPU: the instruction set oneDNN dispatches to, OpenBLAS's core; GPU: its name and cuDNN's
   determinism) and the thread count. Two runs of one class and build give the same bytes. */
const char *provenance_machine_class(const train_options *o);

/* Prints what `nutl --version` shows: the build, the libraries, the CPU and the kernels' choices. */
void provenance_print_version(FILE *f);

/* Writes into f the provenance lines of the result record of the run with options o (core/records.h,
   from RESULT_LIBRARIES on; RESULT_BUILD, earlier in the file, is provenance_build()): libraries,
   machine, dataset (each split's seed and digests, and their identity dataset_id), configuration and
   pretrained weights with their SHA-256, command line, working folder, times. */
void provenance_write(FILE *f, const train_options *o);

#endif
