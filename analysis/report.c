#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

const char *report_scheme_label(const char *scheme)
{
    static const char *const label[][2] = {
        {"all", "All Weights"}, {"freeze1", "Freeze(1)"}, {"freeze2", "Freeze(2)"},
        {"freeze3", "Freeze(3)"}, {"freeze4", "Freeze(4)"}, {"classifier", "Classifier Only"},
    };
    for (size_t i = 0; i < sizeof label / sizeof label[0]; i++)
        if (!strcmp(scheme, label[i][0])) return label[i][1];
    return scheme;
}

const char *report_size_label(long train_images, char *buf, size_t len)
{
    if (train_images >= 1000 && train_images % 1000 == 0) snprintf(buf, len, "%ldk", train_images / 1000);
    else snprintf(buf, len, "%ld", train_images);
    return buf;
}

/* Reads the best network's test predictions into r->energy[which]; reports and leaves it out if bad. */
static void load_energy(report *r, int which)
{
    const study_cell *c = r->largest[which];
    if (!c || !c->best_test) return;
    prediction *p;
    long n = record_predictions(c->best_test->dir, "test", &p, r->energy_why[which], sizeof r->energy_why[which]);
    if (n < 0) {
        fprintf(stderr, "nutl-analyse: %s (skipped)\n", r->energy_why[which]);
        return;
    }
    energy_fill(&r->energy[which], p, n, r->edges, r->n_bins);
    r->have_energy[which] = 1;
    free(p);
}

void report_prepare(report *r, const study *s, const paper_ref *paper, const char *out,
                    const double *edges, int n_bins)
{
    memset(r, 0, sizeof *r);
    r->s = s;
    r->paper = paper;
    snprintf(r->out, sizeof r->out, "%s", out);
    const protocol *p = &s->conf;
    snprintf(r->dataset, sizeof r->dataset,
             "datasets/%s (seed %s; %s training, %s validation, %s test events; images downsampled x%s)",
             s->name, protocol_get(p, "seed"), protocol_get(p, "train_events"), protocol_get(p, "val_events"),
             protocol_get(p, "test_events"), protocol_get(p, "downsample"));
    if (!*s->pretrained) snprintf(r->weights, sizeof r->weights, "no pretrained network finished");
    else if (s->standin) snprintf(r->weights, sizeof r->weights, "stand-in weights, not ImageNet (%s)", s->pretrained);
    else snprintf(r->weights, sizeof r->weights, "%s", s->pretrained);
    long largest = study_size(s, 0);
    r->largest[REPORT_KAIMING] = study_find(s, "kaiming", "all", largest);
    r->largest[REPORT_PRETRAINED] = study_find(s, "pretrained", "all", largest);
    if (n_bins < 1 || n_bins > ENERGY_MAX_BINS) nutl_die("energy bins: need 1 to %d bins", ENERGY_MAX_BINS);
    r->n_bins = n_bins;
    memcpy(r->edges, edges, (n_bins + 1) * sizeof *edges);
    for (int which = 0; which < 2; which++) load_energy(r, which);
}
