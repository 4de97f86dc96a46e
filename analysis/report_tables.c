/* report_tables: Tables I-III beside the paper's values, the ensemble statistics, the energy bias. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/metrics.h"
#include "report.h"
#include "table.h"


/* Returns the caption's marker for tables made with stand-in weights, or "". */
static const char *standin_mark(const report *r)
{
    return r->s->standin ? " [stand-in weights, not ImageNet]" : "";
}

/* States protocol, dataset, build and pretrained source above the table. */
static void add_provenance(table *t, const report *r)
{
    const study *s = r->s;
    table_meta(t, "Protocol: %s (%s); runs: %s", s->name, s->conf.path, s->runs);
    const char *caveat = protocol_find(&s->conf, "caveat");
    if (caveat) table_meta(t, "Caveat: %s", caveat);
    table_meta(t, "Dataset: %s; dataset_id %s", r->dataset, *s->datasets ? s->datasets : "none");
    table_meta(t, "Build: %s", *s->builds ? s->builds : "no finished network");
    table_meta(t, "Machine class: %s", *s->machines ? s->machines : "none");
    table_meta(t, "Pretrained source: %s", r->weights);
    if (s->n_skipped) table_meta(t, "Malformed records skipped: %d (named on stderr by nutl-analyse)", s->n_skipped);
    if (*r->mixed) table_note(t, "MIXED RECORDS, combined by --allow-mixed: %s", r->mixed);
}

/* Appends a training size: "1k" as the paper writes it, the number in the TSV. */
static void size_cell(table *t, long train_images)
{
    char size[32], number[32];
    snprintf(number, sizeof number, "%ld", train_images);
    table_label(t, number, "%s", report_size_label(train_images, size, sizeof size));
}

/* Notes the run folders of cell c that have no finished, well-formed network. */
static void note_missing(table *t, const report *r, const study_cell *c, const char *what)
{
    char list[8192], size[32];
    int missing = study_missing(r->s, c, list, sizeof list);
    if (missing)
        table_note(t, "%s, %s images: %d of %ld networks finished; missing: %s", what,
                   report_size_label(c->train_images, size, sizeof size), c->n, r->s->members, list);
}

/* Adds the F1 columns shared by Tables I and II. */
static void f1_columns(table *t)
{
    table_column(t, "Networks", "networks", TABLE_INT, 0);
    table_column(t, "Testing F1", "test_f1", TABLE_MEAN_ERR, 3);
    table_column(t, "Validation F1", "val_f1", TABLE_MEAN_ERR, 3);
    table_column(t, "Paper testing F1", "paper_test_f1", TABLE_MEAN_ERR, 3);
    table_column(t, "(ours − paper)/σ", "pull", TABLE_NUM, 1);
}

/* Adds the F1 cells of cell c and the paper's value for the same cell, if it has one. */
static void f1_cells(table *t, const report *r, const study_cell *c)
{
    const paper_f1 *p = paper_find(r->paper, c->init, c->scheme, c->train_images);
    table_value(t, c->n);
    table_mean_err(t, c->test_f1.mean, c->test_f1.err);
    table_mean_err(t, c->val_f1.mean, c->val_f1.err);
    if (p) table_mean_err(t, p->mean, p->err);
    else table_dash(t);
    table_value(t, p ? (c->test_f1.mean - p->mean) / hypot(c->test_f1.err, p->err) : NAN);
}

/* Notes the paper's values for init at sizes (or schemes) this protocol does not train. */
static void note_unmatched(table *t, const report *r, const char *init, int schemes)
{
    char text[4096] = "", size[32];
    size_t used = 0;
    for (int i = 0; i < r->paper->n_f1; i++) {
        const paper_f1 *p = &r->paper->f1[i];
        int is_scheme_row = strcmp(p->scheme, "all") != 0;
        if (strcmp(p->init, init) || is_scheme_row != schemes || study_find(r->s, init, p->scheme, p->train_images) ||
            paper_find(r->paper, init, p->scheme, p->train_images) != p) /* the paper repeats a row */
            continue;
        used += snprintf(text + used, sizeof text - used, "%s%s%s%s %.3f ± %.3f", used ? "; " : "",
                         schemes ? report_scheme_label(p->scheme) : "", schemes ? " " : "",
                         report_size_label(p->train_images, size, sizeof size), p->mean, p->err);
    }
    if (used)
        table_note(t, "Paper values%s at sizes this protocol does not train: %s", schemes ? " by scheme" : "", text);
}

/* Table I: Kaiming all weights at every training size. */
static void table1(const report *r)
{
    char caption[512];
    snprintf(caption, sizeof caption,
             "TABLE I%s. The F1 scores for the testing sample for the Kaiming initialised networks. The values "
             "and uncertainties given come from the mean and error on the mean of the networks of each "
             "ensemble (the paper: 25).", standin_mark(r));
    table *t = table_new("table1", caption);
    add_provenance(t, r);
    table_column(t, "Model Initialisation", "init", TABLE_TEXT, 0);
    table_column(t, "Training Images", "train_images", TABLE_TEXT, 0);
    f1_columns(t);
    for (int i = 0; i < r->s->n_sizes; i++) {
        const study_cell *c = study_find(r->s, "kaiming", "all", r->s->sizes[i]);
        table_row(t, 0);
        table_label(t, "kaiming", "ResNet18 Kaiming");
        size_cell(t, c->train_images);
        f1_cells(t, r, c);
        note_missing(t, r, c, "Kaiming");
    }
    table_note(t, "σ: our error on the mean and the paper's added in quadrature; n/a: one network gives no error.");
    note_unmatched(t, r, "kaiming", 0);
    table_write(t, r->out);
    table_free(t);
}

/* Adds a Table II row for the pretrained cell (scheme, train_images). */
static void table2_row(table *t, const report *r, const char *scheme, long train_images, int rule)
{
    const study_cell *c = study_find(r->s, "pretrained", scheme, train_images);
    table_row(t, rule);
    table_label(t, "pretrained", "Pre-trained");
    table_label(t, scheme, "%s", report_scheme_label(scheme));
    size_cell(t, train_images);
    f1_cells(t, r, c);
    char what[64];
    snprintf(what, sizeof what, "Pre-trained %s", report_scheme_label(scheme));
    note_missing(t, r, c, what);
}

/* Table II: pretrained, every scheme at the largest size, then all weights at every size. */
static void table2(const report *r)
{
    char caption[512];
    snprintf(caption, sizeof caption,
             "TABLE II%s. The testing F1 scores for various combinations of the transfer learning cases and "
             "number of training images. The reported values show the mean value of the trained networks and "
             "the associated error on the mean.", standin_mark(r));
    table *t = table_new("table2", caption);
    add_provenance(t, r);
    table_column(t, "Initialisation", "init", TABLE_TEXT, 0);
    table_column(t, "Weights Scheme", "scheme", TABLE_TEXT, 0);
    table_column(t, "Training Images", "train_images", TABLE_TEXT, 0);
    f1_columns(t);
    for (int i = 0; i < r->s->n_schemes; i++) table2_row(t, r, r->s->schemes[i], study_size(r->s, 0), 0);
    for (int i = 0; i < r->s->n_sizes; i++) table2_row(t, r, "all", r->s->sizes[i], i == 0);
    table_note(t, "σ: our error on the mean and the paper's added in quadrature; n/a: one network gives no error.");
    note_unmatched(t, r, "pretrained", 1);
    note_unmatched(t, r, "pretrained", 0);
    table_write(t, r->out);
    table_free(t);
}

/* Adds the three rows of one Table III matrix: our best network's (if any) beside the paper's. */
static void table3_block(table *t, const report *r, int which, const char *title)
{
    const study_cell *c = r->largest[which];
    const record *best = c ? c->best_test : NULL;
    const confusion *paper = paper_confusion(r->paper, which == REPORT_KAIMING ? "kaiming" : "pretrained");
    for (int row = 0; row < N_CLASSES; row++) {
        table_row(t, row == 0 && which != REPORT_KAIMING);
        table_label(t, which == REPORT_KAIMING ? "kaiming" : "pretrained", "%s", title);
        table_label(t, class_name(row), "%s", class_label(row));
        for (int col = 0; col < N_CLASSES; col++) table_value(t, best ? best->test_confusion.counts[row][col] : NAN);
        table_value(t, best ? confusion_macro_f1(&best->test_confusion) : NAN);
        for (int col = 0; col < N_CLASSES; col++) table_value(t, paper->counts[row][col]);
        table_value(t, confusion_macro_f1(paper));
    }
    char size[32];
    if (best)
        table_note(t, "%s: best by testing F1 (as the paper) of %d networks: %s (recorded testing F1 %.3f); best by validation F1: "
                   "%s (validation F1 %.3f, testing F1 %.3f).", title, c->n, best->dir, best->test_f1,
                   c->best_val->dir, c->best_val->val_f1, c->best_val->test_f1);
    else if (c)
        note_missing(t, r, c, title);
    else
        table_note(t, "%s: the protocol trains no such network at %s images.", title,
                   report_size_label(study_size(r->s, 0), size, sizeof size));
}

/* Table III: confusion matrices of the best Kaiming and pretrained all-weights networks. */
static void table3(const report *r)
{
    char caption[512], size[32];
    snprintf(caption, sizeof caption,
             "TABLE III%s. Confusion matrices showing the number of correctly and incorrectly classified events "
             "for each true class (rows; columns: predicted class). Results are shown for the network with the "
             "highest F1 score in the ensembles with %s training images for Kaiming (top) and transfer learning "
             "all weights (bottom) cases, beside the paper's (100k training images, 20k test events).",
             standin_mark(r), report_size_label(study_size(r->s, 0), size, sizeof size));
    table *t = table_new("table3", caption);
    add_provenance(t, r);
    table_column(t, "Network", "network", TABLE_TEXT, 0);
    table_column(t, "True", "true_class", TABLE_TEXT, 0);
    for (int paper = 0; paper < 2; paper++) {
        for (int k = 0; k < N_CLASSES; k++) {
            char head[64], key[64];
            snprintf(head, sizeof head, "%s%s", paper ? "Paper " : "", class_label(k));
            snprintf(key, sizeof key, "%spred_%s", paper ? "paper_" : "", class_name(k));
            table_column(t, head, key, TABLE_INT, 0);
        }
        table_column(t, paper ? "Paper F1" : "F1", paper ? "paper_f1" : "f1", TABLE_NUM, 3);
    }
    table3_block(t, r, REPORT_KAIMING, "Kaiming initialisation");
    table3_block(t, r, REPORT_PRETRAINED, "Transfer learning all weights");
    table_note(t, "F1: macro average over the classes of 2PR/(P+R), computed from each matrix (the paper's Eq. 1); "
                  "the paper's pretrained NC→NC count (6119) is derived from its row total.");
    table_write(t, r->out);
    table_free(t);
}

/* Writes every cell's statistics: mean, sd and error of each quantity and the two best networks. */
static void ensembles(const report *r)
{
    char caption[512];
    snprintf(caption, sizeof caption,
             "Ensemble statistics of protocol %s%s: mean ± error on the mean (the TSV adds the standard "
             "deviation) of each cell's networks, and its best network by testing F1 and by validation F1.",
             r->s->name, standin_mark(r));
    table *t = table_new("ensembles", caption);
    add_provenance(t, r);
    table_column(t, "Initialisation", "init", TABLE_TEXT, 0);
    table_column(t, "Scheme", "scheme", TABLE_TEXT, 0);
    table_column(t, "Training Images", "train_images", TABLE_TEXT, 0);
    table_column(t, "Networks", "networks", TABLE_INT, 0);
    table_column(t, "Testing F1", "test_f1", TABLE_MEAN_SD_ERR, 3);
    table_column(t, "Validation F1", "val_f1", TABLE_MEAN_SD_ERR, 3);
    for (int k = 0; k < N_CLASSES; k++) {
        char head[64], key[RECORDS_KEY_MAX];
        snprintf(head, sizeof head, "Accuracy %s", class_label(k));
        table_column(t, head, records_key_name(RESULT_TEST_ACC, k, key, sizeof key), TABLE_MEAN_SD_ERR, 3);
    }
    table_column(t, "Best by testing F1", "best_test", TABLE_TEXT, 0);
    table_column(t, "Best by validation F1", "best_val", TABLE_TEXT, 0);
    for (int i = 0; i < r->s->n_cells; i++) {
        const study_cell *c = &r->s->cells[i];
        table_row(t, i > 0 && strcmp(c->init, c[-1].init));
        table_text(t, "%s", c->init);
        table_text(t, "%s", c->scheme);
        size_cell(t, c->train_images);
        table_value(t, c->n);
        table_mean_sd_err(t, c->test_f1.mean, c->test_f1.sd, c->test_f1.err);
        table_mean_sd_err(t, c->val_f1.mean, c->val_f1.sd, c->val_f1.err);
        for (int k = 0; k < N_CLASSES; k++) table_mean_sd_err(t, c->acc[k].mean, c->acc[k].sd, c->acc[k].err);
        if (c->n) {
            table_text(t, "m%ld (%.3f)", c->best_test->member, c->best_test->test_f1);
            table_text(t, "m%ld (%.3f)", c->best_val->member, c->best_val->val_f1);
        } else {
            table_text(t, "—");
            table_text(t, "—");
        }
    }
    table_write(t, r->out);
    table_free(t);
}

/* Notes which network and bins an energy-bias column comes from, or why it is empty. */
static void note_energy(table *t, const report *r, int which, const char *title)
{
    const study_cell *c = r->largest[which];
    const energy_accuracy *e = &r->energy[which];
    if (!r->have_energy[which]) {
        table_note(t, "%s: left out: %s", title, *r->energy_why[which] ? r->energy_why[which] : "no finished network");
        return;
    }
    table_note(t, "%s: %s (testing F1 %.3f); %ld test events outside %.2f-%.2f GeV.", title, c->best_test->dir,
               c->best_test->test_f1, e->outside, e->edges[0], e->edges[e->n_bins]);
}

/* The energy-bias summary: per class, the spread of accuracy across energy bins, both networks. */
static void energy_bias_table(const report *r)
{
    char caption[768], size[32];
    snprintf(caption, sizeof caption,
             "Energy bias (beyond the paper)%s: for each true class, the highest minus the lowest classification "
             "accuracy across %d true-energy bins from %.2f to %.2f GeV, for the best network by testing F1 of "
             "the Kaiming and the transfer learning all weights ensembles at %s training images (those of Fig. 6). "
             "Errors: the 1σ Wilson intervals of the two bins in quadrature. A smaller spread is a lower bias.",
             standin_mark(r), r->n_bins, r->edges[0], r->edges[r->n_bins],
             report_size_label(study_size(r->s, 0), size, sizeof size));
    table *t = table_new("energy-bias", caption);
    add_provenance(t, r);
    table_column(t, "True class", "true_class", TABLE_TEXT, 0);
    table_column(t, "Kaiming spread", "kaiming_spread", TABLE_MEAN_ERR, 3);
    table_column(t, "Transfer learning spread", "pretrained_spread", TABLE_MEAN_ERR, 3);
    table_column(t, "(Kaiming − transfer)/σ", "pull", TABLE_NUM, 1);
    for (int k = 0; k < N_CLASSES; k++) {
        energy_spread sp[2];
        table_row(t, 0);
        table_label(t, class_name(k), "%s", class_label(k));
        for (int which = 0; which < 2; which++) {
            sp[which] = r->have_energy[which] ? energy_bias(&r->energy[which], k) : (energy_spread){NAN, NAN, -1, -1};
            table_mean_err(t, sp[which].spread, sp[which].err);
        }
        table_value(t, (sp[0].spread - sp[1].spread) / hypot(sp[0].err, sp[1].err));
    }
    note_energy(t, r, REPORT_KAIMING, "Kaiming");
    note_energy(t, r, REPORT_PRETRAINED, "Transfer learning");
    table_write(t, r->out);
    table_free(t);
}

void report_tables(const report *r)
{
    table1(r);
    table2(r);
    table3(r);
    ensembles(r);
    energy_bias_table(r);
}
