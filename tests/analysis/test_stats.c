/* Statistics, intervals and metrics of the analysis against values computed by hand. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "binomial.h"
#include "core/metrics.h"
#include "energy.h"
#include "ensemble.h"
#include "paper.h"
#include "study.h"

#include "../check.h"

#define CLOSE(a, b, tol) CHECK(fabs((a) - (b)) <= (tol), "%.9g, expected %.9g", (double)(a), (double)(b))

static void test_ensemble(void)
{
    /* mean 0.83; deviations -0.03 -0.01 0.01 0.03: sum of squares 0.002, sd = sqrt(0.002/3) = 0.0258199,
       err = sd / sqrt(4) = 0.0129099 */
    double x[] = {0.80, 0.82, 0.84, 0.86};
    ensemble_stat s = ensemble_summarise(x, 4);
    CHECK(s.n == 4);
    CLOSE(s.mean, 0.83, 1e-12);
    CLOSE(s.sd, 0.0258199, 1e-7);
    CLOSE(s.err, 0.0129099, 1e-7);
    /* one network: a mean, no spread */
    s = ensemble_summarise(x, 1);
    CHECK(s.n == 1 && s.mean == 0.80 && isnan(s.sd) && isnan(s.err));
    /* an empty cell: nothing */
    s = ensemble_summarise(x, 0);
    CHECK(s.n == 0 && isnan(s.mean) && isnan(s.sd) && isnan(s.err));
}

static void test_wilson(void)
{
    double lo, hi;
    /* 8 of 10 at one sigma (z = 1): centre (0.8 + 1/20)/(1 + 1/10) = 0.7727273, half width
       sqrt(0.8*0.2/10 + 1/400)/1.1 = sqrt(0.0185)/1.1 = 0.1236496 */
    CHECK(binomial_wilson(8, 10, BINOMIAL_ONE_SIGMA, &lo, &hi) == 0);
    CLOSE(lo, 0.7727273 - 0.1236496, 1e-6);
    CLOSE(hi, 0.7727273 + 0.1236496, 1e-6);
    /* 0 of 10 at 95 % (z = 1.959964, z^2 = 3.841459): [0, (z^2/10)/(1 + z^2/10)] = [0, 0.2775328];
       10 of 10 mirrors it */
    CHECK(binomial_wilson(0, 10, 0.95, &lo, &hi) == 0);
    CLOSE(lo, 0, 1e-12);
    CLOSE(hi, 0.2775328, 1e-6);
    CHECK(binomial_wilson(10, 10, 0.95, &lo, &hi) == 0);
    CLOSE(lo, 1 - 0.2775328, 1e-6);
    CLOSE(hi, 1, 1e-12);
    /* no events: no interval */
    CHECK(binomial_wilson(0, 0, 0.95, &lo, &hi) == -1 && isnan(lo) && isnan(hi));
}

static void test_paper_confusion(void)
{
    paper_ref p;
    paper_load(&p, "analysis/paper");
    const confusion *km = paper_confusion(&p, "kaiming"), *tm = paper_confusion(&p, "pretrained");
    CHECK(km && tm && !paper_confusion(&p, "other"));
    CHECK(km->counts[0][0] == 5839 && km->counts[1][1] == 5586 && km->counts[2][2] == 5753 &&
          tm->counts[0][0] == 6262 && tm->counts[1][1] == 6160 && tm->counts[2][2] == 6119);
    /* Kaiming: true totals 6712 6574 6714, predicted totals 6452 6596 6952;
       F1 per class = 2 TP / (true + predicted): 11678/13164 = 0.8871164, 11172/13170 = 0.8482916,
       11506/13666 = 0.8419435; macro F1 = 2.5773515 / 3 = 0.8591172 */
    CLOSE(confusion_macro_f1(km), 0.8591172, 1e-6);
    /* pretrained: predicted totals 6601 6690 6709; 12524/13313 = 0.9407346, 12320/13264 = 0.9288299,
       12238/13423 = 0.9117187; macro F1 = 2.7812832 / 3 = 0.9270944 */
    CLOSE(confusion_macro_f1(tm), 0.9270944, 1e-6);
    CHECK(confusion_true_events(km, 1) == 6574);
    CLOSE(confusion_class_accuracy(km, 0), 5839.0 / 6712, 1e-12);
    /* the paper's F1 of Tables I and II, by cell */
    const paper_f1 *v = paper_find(&p, "kaiming", "all", 1000);
    CHECK(v && v->mean == 0.528 && v->err == 0.014);
    v = paper_find(&p, "pretrained", "classifier", 100000);
    CHECK(v && v->mean == 0.790 && v->err == 0.002);
    CHECK(!paper_find(&p, "kaiming", "all", 150));
}

static void test_energy(void)
{
    /* numu: 2 events in [1,2) both right, 2 in [2,3) one right; nc: 1 in [1,2) wrong; 1 at 5 GeV outside */
    prediction p[] = {
        {.event_id = 1, .true_class = 0, .predicted_class = 0, .energy_gev = 1.5},
        {.event_id = 2, .true_class = 0, .predicted_class = 0, .energy_gev = 1.2},
        {.event_id = 3, .true_class = 0, .predicted_class = 0, .energy_gev = 2.5},
        {.event_id = 4, .true_class = 0, .predicted_class = 2, .energy_gev = 2.9},
        {.event_id = 5, .true_class = 2, .predicted_class = 0, .energy_gev = 1.1},
        {.event_id = 6, .true_class = 1, .predicted_class = 1, .energy_gev = 5.0},
    };
    double edges[] = {1, 2, 3, 4};
    energy_accuracy e;
    CHECK(energy_fill(&e, p, 6, edges, 3) == 1);
    CHECK(e.events[0][0] == 2 && e.correct[0][0] == 2 && e.events[0][1] == 2 && e.correct[0][1] == 1);
    CHECK(e.events[2][0] == 1 && e.correct[2][0] == 0 && isnan(e.acc[0][2]));
    /* numu spread 1 - 0.5; errors: half Wilson widths at z = 1 of 2/2 (centre (1 + 1/4)/1.5 = 0.8333,
       half sqrt(1/16)/1.5 = 0.1667: [0.6667, 1]: 0.1667) and 1/2 (half sqrt(0.125 + 0.0625)/1.5 = 0.2887) */
    energy_spread s = energy_bias(&e, 0);
    CLOSE(s.spread, 0.5, 1e-12);
    CHECK(s.highest == 0 && s.lowest == 1);
    CLOSE(s.err, hypot(1.0 / 6, 0.2886751), 1e-6);
    /* one filled bin: no spread */
    CHECK(isnan(energy_bias(&e, 2).spread));
}

static void test_empty_study(void)
{
    /* a runs folder with nothing in it: every cell is empty and lists its run folders as missing */
    study s;
    study_load(&s, "smoke", "tests/analysis/smoke.conf", "tests/analysis/no-such-runs");
    CHECK(s.n_cells == 3 + 3 + 5 && s.n_records == 0 && s.n_skipped == 0);
    CHECK(study_size(&s, 0) == 600 && study_size(&s, 1) == 300 && study_size(&s, 3) == 0);
    const study_cell *c = study_find(&s, "kaiming", "all", 150);
    CHECK(c && c->n == 0 && isnan(c->test_f1.mean) && !c->best_test && !c->best_val);
    CHECK(!study_find(&s, "kaiming", "freeze1", 600));
    char list[256];
    CHECK(study_missing(&s, c, list, sizeof list) == 3);
    CHECK(!strcmp(list, "kaiming-all-n150-m1 kaiming-all-n150-m2 kaiming-all-n150-m3"));
    CHECK(study_missing(&s, c, list, 30) == 3 && strstr(list, "..."));
    study_free(&s);
}

int main(void)
{
    test_ensemble();
    test_wilson();
    test_paper_confusion();
    test_energy();
    test_empty_study();
    return check_status();
}
