/* Whole events: energy bookkeeping (deposited + escaped + invisible = the final state's available energy,
   1 %) for every class, class balance of a split, event i regenerated alone equals the stored event i,
   and downsampled images equal the k x k block sums of the full-resolution ones. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "cli/commands.h"
#include "sim/dataset.h"
#include "sim/event.h"
#include "sim/sim_constants.h"

#define SEED "8128"

static void bookkeeping(const physics *ph)
{
    event_config cfg = {1000, 4000, 4, RESPONSE_IDEAL};
    event_workspace w;
    event_workspace_init(&w);
    float *img = calloc(3 * 56 * 56, sizeof *img);
    double worst = 0, escaped = 0, invisible = 0;
    for (int i = 0; i < 300; i++) {
        event_truth t;
        event_simulate(ph, &cfg, (enum event_class)(i % 3), 1000 + (uint64_t)i, &w, &t, img);
        double sum = t.deposited + t.escaped + t.invisible;
        worst = fmax(worst, fabs(sum - t.available) / t.available);
        escaped += t.escaped;
        invisible += t.invisible;
        CHECK(t.image_energy <= t.deposited * (1 + 1e-6), "event %d: %g MeV in the image, %g deposited", i,
              t.image_energy, t.deposited);
        CHECK(t.n_deposits >= MIN_DEPOSITS, "event %d kept with %d deposits", i, t.n_deposits);
    }
    printf("largest bookkeeping error: %.2e of the available energy\n", worst);
    CHECK(worst < 0.01, "bookkeeping off by %.3g", worst);
    /* Every term of the ledger is exercised (muons leave the cube, neutrons and neutrinos are invisible). */
    CHECK(escaped > 0 && invisible > 0, "escaped %g, invisible %g", escaped, invisible);
    free(img);
    event_workspace_free(&w);
}

static void simulate(const char *dir, const char *downsample)
{
    char *argv[] = {"--events", "30", "--seed", SEED, "--out", (char *)dir, "--downsample", (char *)downsample,
                    "--threads", "2"};
    CHECK(cmd_simulate(10, argv) == 0, "simulate %s", dir);
}

static void regenerate(const physics *ph, const char *full, const char *small)
{
    dataset *d = dataset_open(full), *s = dataset_open(small);
    int count[N_CLASSES] = {0};
    for (int i = 0; i < dataset_events(d); i++) count[dataset_class(d, i)]++;
    CHECK(count[0] == 10 && count[1] == 10 && count[2] == 10, "classes %d %d %d", count[0], count[1], count[2]);
    event_config cfg = {1000, 4000, 1, RESPONSE_IDEAL};
    event_workspace w;
    event_workspace_init(&w);
    size_t plane = 224 * 224;
    float *stored = calloc(3 * plane, sizeof *stored), *again = calloc(3 * plane, sizeof *again);
    float *ds = calloc(3 * 56 * 56, sizeof *ds);
    for (int i = 0; i < dataset_events(d); i++) {
        dataset_read_image(d, i, stored);
        if (i % 7 == 0) {
            event_truth t;
            event_simulate(ph, &cfg, dataset_class(d, i), event_seed(dataset_seed(d), i), &w, &t, again);
            CHECK(!memcmp(stored, again, sizeof *stored * 3 * plane), "event %d regenerated alone differs", i);
        }
        dataset_read_image(s, i, ds);
        double worst = 0;
        for (int c = 0; c < 3; c++)
            for (int row = 0; row < 56; row++)
                for (int col = 0; col < 56; col++) {
                    double sum = 0;
                    for (int a = 0; a < 4; a++)
                        for (int b = 0; b < 4; b++) sum += stored[c * plane + (4 * row + a) * 224 + 4 * col + b];
                    worst = fmax(worst, fabs(sum - ds[(c * 56 + row) * 56 + col]) / (1e-3 + sum));
                }
        CHECK(worst < 1e-4, "event %d: downsampled pixel differs from its block sum by %g", i, worst);
    }
    free(stored); free(again); free(ds);
    event_workspace_free(&w);
    dataset_close(d);
    dataset_close(s);
}

int main(void)
{
    const char *tmp = getenv("NUTL_TEST_TMP") ? getenv("NUTL_TEST_TMP") : "/tmp";
    char full[4096], small[4096];
    snprintf(full, sizeof full, "%s/sim-events-full", tmp);
    snprintf(small, sizeof small, "%s/sim-events-k4", tmp);
    physics *ph = physics_new();
    bookkeeping(ph);
    simulate(full, "1");
    simulate(small, "4");
    regenerate(ph, full, small);
    physics_free(ph);
    return check_status();
}
