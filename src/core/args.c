#include "core/args.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

/* Stores text, the value of option s, into its destination; dies if it is not of the option's kind. */
static void parse_value(const arg_spec *s, const char *text, const char *usage)
{
    long v;
    int ok = 1;
    switch (s->kind) {
    case ARG_STRING: *(const char **)s->dest = text; break;
    case ARG_INT:
        ok = util_parse_long(text, &v) && v >= -2147483647L && v <= 2147483647L;
        if (ok) *(int *)s->dest = (int)v;
        break;
    case ARG_LONG: ok = util_parse_long(text, (long *)s->dest); break;
    case ARG_DOUBLE: ok = util_parse_double(text, (double *)s->dest); break;
    case ARG_SEED: ok = util_parse_u64(text, (uint64_t *)s->dest); break;
    case ARG_FLAG: break;
    }
    if (!ok) nutl_die("%s: '%s' is not a valid value (usage: %s)", s->flag, text, usage);
}

/* Prints the usage and each option with its help; the answer to --help. */
static void print_help(const arg_spec *specs, const char *usage)
{
    printf("usage: %s\n", usage);
    if (specs->flag) printf("options:\n");
    for (const arg_spec *s = specs; s->flag; s++) printf("  %s %s\n", s->flag, s->help);
}

void args_parse(int argc, char **argv, const arg_spec *specs, const char **operands, int n_operands,
                const char *usage)
{
    int operand = 0;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            print_help(specs, usage);
            exit(0);
        }
        const arg_spec *s = specs;
        while (s->flag && strcmp(s->flag, argv[i])) s++;
        if (!s->flag) {
            if (argv[i][0] != '-' && operand < n_operands) {
                operands[operand++] = argv[i];
                continue;
            }
            nutl_die("unexpected argument '%s' (usage: %s)", argv[i], usage);
        }
        if (s->given) *s->given = 1;
        if (s->kind == ARG_FLAG) {
            *(int *)s->dest = 1;
            continue;
        }
        if (i + 1 == argc) nutl_die("%s needs a value (usage: %s)", argv[i], usage);
        parse_value(s, argv[++i], usage);
    }
}
