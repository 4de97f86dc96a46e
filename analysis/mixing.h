/* mixing: whether the records of a study may share a table. Networks are averaged together only when
   they agree on every field that changes numbers: build, libraries, dataset and machine class. */
#ifndef NUTL_MIXING_H
#define NUTL_MIXING_H

#include <stddef.h>

#include "study.h"

/* Returns 0 if every record of s agrees with the first on each of those fields; else 1, with a one-line
   reason in why naming the field and two records that differ in it, with their values. */
int mixing_check(const study *s, char *why, size_t len);

#endif
