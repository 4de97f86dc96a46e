/* nutl compare SIM_SPLIT REF_SPLIT --out DIR [--names A,B] [--min-pixels N (--pixel-mev T | --pixel-quantile
   Q)]: two splits side by side, class by class, the first weighted to the second's neutrino-energy
   distribution (src/difficulty/compare.h): tables of per-event image statistics and truth, and normalised
   histograms for the figures of make validate. With --min-pixels, both keep only the events with more
   than N pixels of at least T MeV (or of at least the reference's Q-quantile pixel value), as the
   reference's processing selected its events (docs/validate.md). */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "core/args.h"
#include "core/util.h"
#include "difficulty/compare.h"

/* Applies the selection to both splits and writes into note the line that says what it kept. */
static void select_both(compare_split *sim, compare_split *ref, int min_pixels, double pixel_mev,
                        const char *names[2], char *note, size_t size)
{
    double kept[2][N_CLASSES];
    compare_select(sim, min_pixels, pixel_mev, kept[0]);
    compare_select(ref, min_pixels, pixel_mev, kept[1]);
    int len = snprintf(note, size, "Selection: events with more than %d pixels of at least %.4g MeV (three views). Kept:",
                       min_pixels, pixel_mev);
    for (int k = 0; k < 2; k++)
        for (int c = 0; c < N_CLASSES && len > 0 && (size_t)len < size; c++)
            len += snprintf(note + len, size - (size_t)len, "%s %s %s %.3f", c ? "," : k ? ";" : "", names[k],
                            class_name(c), kept[k][c]);
    if (len > 0 && (size_t)len < size) snprintf(note + len, size - (size_t)len, ".");
}

int cmd_compare(int argc, char **argv)
{
    static const char usage[] =
        "nutl compare SIM_SPLIT REF_SPLIT --out DIR [--names A,B] [--min-pixels N (--pixel-mev T | --pixel-quantile Q)]";
    const char *dirs[2] = {NULL, NULL}, *out = NULL, *names_arg = "nutl,reference";
    int min_pixels = -1;
    double pixel_mev = -1, pixel_quantile = -1;
    const arg_spec specs[] = {
        {"--out", ARG_STRING, &out, NULL, "DIR  where the tables and histogram data go (required)"},
        {"--names", ARG_STRING, &names_arg, NULL, "A,B  the two splits' names in the tables (default nutl,reference)"},
        {"--min-pixels", ARG_INT, &min_pixels, NULL, "N  keep only events with more than N pixels of at least --pixel-mev (default: all)"},
        {"--pixel-mev", ARG_DOUBLE, &pixel_mev, NULL, "T  the pixel energy (MeV) --min-pixels counts from"},
        {"--pixel-quantile", ARG_DOUBLE, &pixel_quantile, NULL,
         "Q  or count from the reference's Q-quantile pixel value (0 < Q < 1)"},
        {NULL, 0, NULL, NULL, NULL},
    };
    args_parse(argc, argv, specs, dirs, 2, usage);
    if (!dirs[0] || !dirs[1] || !out) nutl_die("usage: %s", usage);
    if ((min_pixels >= 0) != ((pixel_mev >= 0) != (pixel_quantile >= 0)))
        nutl_die("compare: --min-pixels goes with one of --pixel-mev and --pixel-quantile, each not negative");
    if (pixel_quantile >= 1) nutl_die("compare: --pixel-quantile %g is not below 1", pixel_quantile);
    char names_copy[256];
    snprintf(names_copy, sizeof names_copy, "%s", names_arg);
    char *comma = strchr(names_copy, ',');
    if (!comma || !comma[1] || comma == names_copy) nutl_die("compare: --names '%s' is not two names A,B", names_arg);
    *comma = 0;
    const char *names[2] = {names_copy, comma + 1};
    compare_split sim, ref;
    compare_load(dirs[0], &sim);
    compare_load(dirs[1], &ref);
    char note[1024] = "";
    if (pixel_quantile >= 0) pixel_mev = compare_pixel_quantile(&ref, pixel_quantile);
    if (min_pixels >= 0) select_both(&sim, &ref, min_pixels, pixel_mev, names, note, sizeof note);
    double neff = compare_match_energy(&sim, &ref);
    path_mkdir(out);
    compare_write(&sim, &ref, names, note[0] ? note : NULL, out);
    if (note[0]) printf("compare: %s\n", note);
    printf("compare: %s (%d events, weighted to %s's energies per class: at least %.0f effective events a class)"
           " beside %s (%d events) -> %s\n", dirs[0], sim.n, names[1], neff, dirs[1], ref.n, out);
    compare_free(&sim);
    compare_free(&ref);
    return 0;
}
