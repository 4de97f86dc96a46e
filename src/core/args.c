#include "core/args.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

static void parse_value(const arg_spec *s, const char *text, const char *usage)
{
    char *end;
    errno = 0;
    switch (s->kind) {
    case ARG_STRING: *(const char **)s->dest = text; return;
    case ARG_INT: {
        long v = strtol(text, &end, 10);
        if (*end || end == text || errno || v < -2147483647L || v > 2147483647L) break;
        *(int *)s->dest = (int)v;
        return;
    }
    case ARG_DOUBLE: *(double *)s->dest = strtod(text, &end);
        if (*end || end == text || errno) break;
        return;
    case ARG_SEED: *(uint64_t *)s->dest = strtoull(text, &end, 10);
        if (*end || end == text || errno || text[0] == '-') break;
        return;
    case ARG_FLAG: return;
    }
    nutl_die("%s: '%s' is not a valid value (usage: %s)", s->flag, text, usage);
}

void args_parse(int argc, char **argv, const arg_spec *specs, const char **positional, const char *usage)
{
    for (int i = 0; i < argc; i++) {
        const arg_spec *s = specs;
        while (s->flag && strcmp(s->flag, argv[i])) s++;
        if (!s->flag) {
            if (argv[i][0] != '-' && positional && !*positional) {
                *positional = argv[i];
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
