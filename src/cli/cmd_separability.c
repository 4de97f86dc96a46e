/* nutl separability SPLIT_DIR [--folds K]: the separability index of a simulated split (a folder
   written by nutl simulate): per-class image statistics and truth, and the cross-validated macro-F1 of
   a logistic regression on cheap per-event features (src/difficulty/separability.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "core/util.h"
#include "difficulty/separability.h"

int cmd_separability(int argc, char **argv)
{
    const char *dir = NULL;
    long folds = 5;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--folds") && i + 1 < argc) {
            char *end;
            errno = 0;
            folds = strtol(argv[++i], &end, 10);
            if (*end || errno || folds < 2 || folds > 100) nutl_die("separability: --folds '%s' is not an integer in [2, 100]", argv[i]);
        } else if (argv[i][0] != '-' && !dir) dir = argv[i];
        else nutl_die("usage: nutl separability SPLIT_DIR [--folds K]");
    }
    if (!dir) nutl_die("usage: nutl separability SPLIT_DIR [--folds K]");
    separability_data s;
    separability_load(dir, &s);
    if (s.n < folds * N_CLASSES) nutl_die("%s: %d events, too few for %ld folds", dir, s.n, folds);
    separability_report(&s, dir, (int)folds, stdout);
    separability_free(&s);
    return 0;
}
