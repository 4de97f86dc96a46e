/* nutl separability SPLIT_DIR [--folds K]: the separability index of a simulated split (a folder
   written by nutl simulate): per-class image statistics and truth, and the cross-validated macro-F1 of
   a logistic regression on cheap per-event features (src/difficulty/separability.h). */
#include <stdio.h>

#include "cli/commands.h"
#include "core/args.h"
#include "core/util.h"
#include "difficulty/separability.h"

int cmd_separability(int argc, char **argv)
{
    static const char usage[] = "nutl separability SPLIT_DIR [--folds K]";
    const char *dir = NULL;
    long folds = 5;
    const arg_spec specs[] = {
        {"--folds", ARG_LONG, &folds, NULL, "K  cross-validation folds, 2 to 100 (default 5)"},
        {NULL, 0, NULL, NULL, NULL},
    };
    args_parse(argc, argv, specs, &dir, 1, usage);
    if (!dir) nutl_die("usage: %s", usage);
    if (folds < 2 || folds > 100) nutl_die("separability: --folds %ld is not an integer in [2, 100]", folds);
    separability_data s;
    separability_load(dir, &s);
    if (s.n < folds * N_CLASSES) nutl_die("%s: %d events, too few for %ld folds", dir, s.n, folds);
    separability_report(&s, dir, (int)folds, stdout);
    separability_free(&s);
    return 0;
}
