/* nutl seed BASE LABEL: prints the seed derived from a protocol's base seed and a label. */
#include <inttypes.h>
#include <stdio.h>

#include "cli/commands.h"
#include "core/args.h"
#include "core/seed.h"
#include "core/util.h"

int cmd_seed(int argc, char **argv)
{
    static const char usage[] = "nutl seed BASE LABEL";
    const char *operands[2] = {NULL, NULL};
    const arg_spec specs[] = {{NULL, 0, NULL, NULL, NULL}};
    args_parse(argc, argv, specs, operands, 2, usage);
    if (!operands[1]) nutl_die("usage: %s", usage);
    uint64_t base;
    if (!util_parse_u64(operands[0], &base)) nutl_die("seed: '%s' is not a non-negative integer", operands[0]);
    printf("%" PRIu64 "\n", seed_derive(base, operands[1]));
    return 0;
}
