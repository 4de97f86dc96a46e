/* nutl compare SIM_SPLIT REF_SPLIT --out DIR [--names A,B]: two splits side by side, class by class, the
   first weighted to the second's neutrino-energy distribution (src/difficulty/compare.h): tables of
   per-event image statistics and truth, and normalised histograms for the figures of make validate. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "core/args.h"
#include "core/util.h"
#include "difficulty/compare.h"

int cmd_compare(int argc, char **argv)
{
    static const char usage[] = "nutl compare SIM_SPLIT REF_SPLIT --out DIR [--names A,B]";
    const char *dirs[2] = {NULL, NULL}, *out = NULL, *names_arg = "nutl,reference";
    const arg_spec specs[] = {
        {"--out", ARG_STRING, &out, NULL, "DIR  where the tables and histogram data go (required)"},
        {"--names", ARG_STRING, &names_arg, NULL, "A,B  the two splits' names in the tables (default nutl,reference)"},
        {NULL, 0, NULL, NULL, NULL},
    };
    args_parse(argc, argv, specs, dirs, 2, usage);
    if (!dirs[0] || !dirs[1] || !out) nutl_die("usage: %s", usage);
    char names_copy[256];
    snprintf(names_copy, sizeof names_copy, "%s", names_arg);
    char *comma = strchr(names_copy, ',');
    if (!comma || !comma[1] || comma == names_copy) nutl_die("compare: --names '%s' is not two names A,B", names_arg);
    *comma = 0;
    const char *names[2] = {names_copy, comma + 1};
    compare_split sim, ref;
    compare_load(dirs[0], &sim);
    compare_load(dirs[1], &ref);
    double neff = compare_match_energy(&sim, &ref);
    path_mkdir(out);
    compare_write(&sim, &ref, names, out);
    printf("compare: %s (%d events, weighted to %s's energies per class: at least %.0f effective events a class)"
           " beside %s (%d events) -> %s\n", dirs[0], sim.n, names[1], neff, dirs[1], ref.n, out);
    compare_free(&sim);
    compare_free(&ref);
    return 0;
}
