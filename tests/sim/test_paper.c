/* The authors' Geant4 recording (--response paper) and the `lar` electronics on 1 cm pixels:
   a step split at the 5 mm voxel boundaries into pieces kept at their pre-step points, with energies in
   proportion to length (by hand); pieces and points under 0.1 MeV dropped, their energy moved to the
   invisible part of the ledger; the y mirror gives LArSIMple's 2022 u = z cos 35.9 - y sin 35.9;
   whole events: the vertex fixed at (0, 0, -200) cm, the same interactions as `ideal` from the same
   seed, every deposit a point of at least 0.1 MeV and at least 3 of them; and with `lar` an image
   downsampled by k = 2 equals the block sums of the same event at k = 1 (the noise and threshold act on
   1 cm pixels whatever k is). */
#include <math.h>
#include <stdlib.h>

#include "../check.h"
#include "sim/event.h"
#include "sim/paper.h"
#include "sim/readout.h"
#include "sim/sim_constants.h"

/* Returns a transport holding one deposit from a to b with energy e (a point when a == b). */
static transport one_deposit(const physics *ph, const double a[3], const double b[3], double e)
{
    transport t;
    transport_init(&t);
    double sp[3] = {a[0], a[1], a[2]};
    transport_deposit_segment(&t, ph, sp, b, e);
    return t;
}

static void voxel_split(const physics *ph)
{
    transport s;
    transport_init(&s);
    /* 1.3 MeV from x = 0.1 to 1.4 cm: boundaries at 0.5 and 1.0 cut it into 0.4, 0.5 and 0.4 cm. */
    double a[3] = {0.1, 2.2, 3.3}, b[3] = {1.4, 2.2, 3.3};
    transport t = one_deposit(ph, a, b, 1.3);
    REQUIRE(paper_steps_apply(&s, ph, &t) == 3, "%d pieces, expected 3", t.n_dep);
    double x[3] = {0.1, 0.5, 1.0}, e[3] = {0.4, 0.5, 0.4};
    for (int i = 0; i < 3; i++) {
        const deposit *d = &t.dep[i];
        CHECK(fabs(d->x - x[i]) < 1e-5 && fabs(d->y - 2.2) < 1e-5 && fabs(d->z - 3.3) < 1e-5,
              "piece %d at (%g, %g, %g), expected x = %g", i, d->x, d->y, d->z, x[i]);
        CHECK(fabs(d->e - e[i]) < 1e-5 && d->hx == 0 && d->hy == 0 && d->hz == 0, "piece %d: %g MeV, h %g",
              i, d->e, d->hx);
    }
    CHECK(fabs(t.deposited - 1.3) < 1e-5 && t.invisible == 0, "ledger %g + %g", t.deposited, t.invisible);
    transport_free(&t);

    /* 0.5 MeV from x = 0.45 to 0.95: the 0.05 cm piece (0.05 MeV) is under the threshold. */
    double c[3] = {0.45, 0, 0}, d[3] = {0.95, 0, 0};
    t = one_deposit(ph, c, d, 0.5);
    REQUIRE(paper_steps_apply(&s, ph, &t) == 1, "%d pieces, expected 1", t.n_dep);
    CHECK(fabs(t.dep[0].x - 0.5) < 1e-5 && fabs(t.dep[0].e - 0.45) < 1e-5, "kept piece at %g, %g MeV",
          t.dep[0].x, t.dep[0].e);
    CHECK(fabs(t.deposited - 0.45) < 1e-5 && fabs(t.invisible - 0.05) < 1e-5, "ledger %g + %g", t.deposited,
          t.invisible);
    transport_free(&t);

    /* Points: 0.09 MeV is dropped, 0.2 MeV kept where it is. */
    double p[3] = {7.3, -1.2, 0.4};
    t = one_deposit(ph, p, p, 0.09);
    transport_deposit_point(&t, ph, p, 0.2);
    REQUIRE(paper_steps_apply(&s, ph, &t) == 1, "%d points, expected 1", t.n_dep);
    CHECK(fabs(t.dep[0].e - 0.2) < 1e-6 && fabs(t.dep[0].x - 7.3) < 1e-5, "point %g MeV at %g", t.dep[0].e,
          t.dep[0].x);
    transport_free(&t);
    transport_free(&s);
}

static void projection_2022(void)
{
    deposit d = {0, 10, 20, 1, 0, 0, 0, 0};
    paper_mirror_y(&d, 1);
    double c = cos(35.9 * M_PI / 180), s = sin(35.9 * M_PI / 180);
    CHECK(fabs(readout_wire(VIEW_U, d.y, d.z) - (20 * c - 10 * s)) < 1e-5, "u %g", readout_wire(VIEW_U, d.y, d.z));
    CHECK(fabs(readout_wire(VIEW_V, d.y, d.z) - (20 * c + 10 * s)) < 1e-5, "v %g", readout_wire(VIEW_V, d.y, d.z));
    CHECK(readout_wire(VIEW_W, d.y, d.z) == 20, "w %g", readout_wire(VIEW_W, d.y, d.z));
}

static void paper_events(const physics *ph)
{
    event_config paper = {1000, 4000, 4, RESPONSE_PAPER}, ideal = {1000, 4000, 4, RESPONSE_IDEAL};
    event_workspace w;
    event_workspace_init(&w);
    float *img = calloc(3 * 56 * 56, sizeof *img);
    for (int i = 0; i < 60; i++) {
        event_truth tp, ti;
        event_simulate(ph, &ideal, (enum event_class)(i % 3), 500 + (uint64_t)i, &w, &ti, img);
        event_simulate(ph, &paper, (enum event_class)(i % 3), 500 + (uint64_t)i, &w, &tp, img);
        CHECK(tp.in.vertex[0] == 0 && tp.in.vertex[1] == 0 && tp.in.vertex[2] == VERTEX_Z,
              "event %d: vertex (%g, %g, %g)", i, tp.in.vertex[0], tp.in.vertex[1], tp.in.vertex[2]);
        if (tp.dropped == 0 && ti.dropped == 0)
            CHECK(tp.in.enu == ti.in.enu && tp.in.channel == ti.in.channel, "event %d: another interaction", i);
        CHECK(tp.n_deposits >= MIN_DEPOSITS, "event %d kept with %d steps", i, tp.n_deposits);
        int soft = 0;
        for (int k = 0; k < w.tr.n_dep; k++)
            soft += w.tr.dep[k].e < PAPER_HIT_THRESHOLD || w.tr.dep[k].hx != 0 || w.tr.dep[k].hz != 0;
        CHECK(soft == 0, "event %d: %d deposits under the threshold or not points", i, soft);
        double sum = tp.deposited + tp.escaped + tp.invisible;
        CHECK(fabs(sum - tp.available) < 0.01 * tp.available, "event %d: ledger %g of %g", i, sum, tp.available);
    }
    free(img);
    event_workspace_free(&w);
}

static void lar_blocks(const physics *ph)
{
    event_config fine = {1000, 4000, 1, RESPONSE_LAR}, coarse = {1000, 4000, 2, RESPONSE_LAR};
    event_workspace w;
    event_workspace_init(&w);
    float *full = calloc(3 * 224 * 224, sizeof *full), *half = calloc(3 * 112 * 112, sizeof *half);
    float *sums = calloc(3 * 112 * 112, sizeof *sums);
    for (int i = 0; i < 6; i++) {
        event_truth t;
        event_simulate(ph, &fine, (enum event_class)(i % 3), 77 + (uint64_t)i, &w, &t, full);
        event_simulate(ph, &coarse, (enum event_class)(i % 3), 77 + (uint64_t)i, &w, &t, half);
        readout_block_sum(full, 2, sums);
        int differ = 0;
        for (int p = 0; p < 3 * 112 * 112; p++) differ += sums[p] != half[p];
        CHECK(differ == 0, "event %d: %d pixels of the k = 2 image are not block sums of k = 1", i, differ);
    }
    free(full);
    free(half);
    free(sums);
    event_workspace_free(&w);
}

int main(void)
{
    physics *ph = physics_new();
    voxel_split(ph);
    projection_2022();
    paper_events(ph);
    lar_blocks(ph);
    physics_free(ph);
    return check_status();
}
