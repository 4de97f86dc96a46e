#include "peer.h"

#include <math.h>

/* Writes "mean +- err (n)" of s, the error as n/a when one network gives none. */
static void print_stat(FILE *out, ensemble_stat s)
{
    if (isnan(s.err)) fprintf(out, "%.4f +- n/a    (%zu)", s.mean, s.n);
    else fprintf(out, "%.4f +- %.4f (%zu)", s.mean, s.err, s.n);
}

int peer_compare(const study *nutl, const study *peer, const paper_ref *paper, FILE *out)
{
    int compared = 0;
    fprintf(out, "%-24s %-24s %-24s %-22s %s\n", "cell", "nutl test F1 (n)", "PyTorch test F1 (n)",
            "(nutl - PyTorch)/sigma", "paper");
    for (int i = 0; i < nutl->n_cells; i++) {
        const study_cell *a = &nutl->cells[i];
        const study_cell *b = study_find(peer, a->init, a->scheme, a->train_images);
        if (!b || !a->n || !b->n) continue;
        char name[80];
        snprintf(name, sizeof name, "%s-%s-n%ld", a->init, a->scheme, a->train_images);
        fprintf(out, "%-24s ", name);
        print_stat(out, a->test_f1);
        fputs("   ", out);
        print_stat(out, b->test_f1);
        double sigma = hypot(a->test_f1.err, b->test_f1.err);
        if (isnan(sigma) || sigma == 0) fprintf(out, "   %-22s", "n/a");
        else fprintf(out, "   %+-22.2f", (a->test_f1.mean - b->test_f1.mean) / sigma);
        const paper_f1 *p = paper_find(paper, a->init, a->scheme, a->train_images);
        if (p) fprintf(out, " %.3f +- %.3f\n", p->mean, p->err);
        else fputs(" -\n", out);
        compared++;
    }
    return compared;
}
