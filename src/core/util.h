/* util: errors, checked allocation and atomic file output shared by every nutl command. */
#ifndef NUTL_UTIL_H
#define NUTL_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Prints "nutl: <message>" on one line to stderr and exits with status 1. Never returns. */
void nutl_die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

/* Returns a block of n bytes (zeroed), or dies naming what could not be allocated. */
void *nutl_calloc(size_t n, const char *what);

/* Returns a monotonic clock reading in seconds (for rates and progress, never for results). */
double seconds_now(void);

/* Returns out, into which it writes the path of relative in this program's installation: the folder
   above the one holding the executable (bin/nutl -> the repository), found through /proc/self/exe, so
   that the default cfg and plots do not depend on the working directory. out holds NUTL_PATH_MAX bytes;
   dies if the executable cannot be located. */
char *util_install_path(char *out, const char *relative);

/* Returns 1 if text is one whole integer (nothing before or after it), stored in *v; 0 otherwise. */
int util_parse_long(const char *text, long *v);

/* Returns 1 if text is one whole non-negative integer below 2^64 (a seed), stored in *v; 0 otherwise. */
int util_parse_u64(const char *text, uint64_t *v);

/* Returns 1 if text is one whole finite number, stored in *v; 0 otherwise. */
int util_parse_double(const char *text, double *v);

enum { NUTL_PATH_MAX = 4096 };

/* Writes "dir/name" into out (NUTL_PATH_MAX bytes); dies if the path is too long. */
void path_join(char *out, const char *dir, const char *name);

/* Creates folder dir and any missing parents (mkdir -p); dies naming the one that cannot be made. */
void path_mkdir(const char *dir);

/* Returns a FILE open for writing on "<path>.tmp", or dies naming the path. */
FILE *atomic_open(const char *path);

/* Flushes, fsyncs and closes f, then renames "<path>.tmp" to path; dies (removing the temporary
   file) if any step fails, e.g. on a full disk. Returns nothing: on return the file is complete. */
void atomic_commit(FILE *f, const char *path);

#endif
