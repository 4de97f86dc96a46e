/* nutl seed BASE LABEL: prints the seed derived from a protocol's base seed and a label. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/commands.h"
#include "core/seed.h"
#include "core/util.h"

int cmd_seed(int argc, char **argv)
{
    if (argc != 2) nutl_die("usage: nutl seed BASE LABEL");
    char *end;
    errno = 0;
    unsigned long long base = strtoull(argv[0], &end, 10);
    if (*end || end == argv[0] || errno) nutl_die("seed: '%s' is not a non-negative integer", argv[0]);
    printf("%" PRIu64 "\n", seed_derive(base, argv[1]));
    return 0;
}
