#include "sim/event.h"

#include <string.h>

#include "core/seed.h"
#include "sim/ingredients.h"
#include "sim/sim_constants.h"
#include "core/util.h"

void event_workspace_init(event_workspace *w)
{
    transport_init(&w->tr);
    w->rng = gsl_rng_alloc(gsl_rng_mt19937);
    if (!w->rng) nutl_die("out of memory allocating a random number generator");
}

void event_workspace_free(event_workspace *w)
{
    transport_free(&w->tr);
    gsl_rng_free(w->rng);
}

uint64_t event_seed(uint64_t split_seed, int64_t i)
{
    return (seed_derive(split_seed, "events") + (uint64_t)i) & 0x7fffffffffffffffULL;
}

/* Draws one interaction and transports it; returns the number of deposits. */
static int draw(const physics *ph, const event_config *cfg, enum event_class cls, event_workspace *w,
                event_truth *truth)
{
    const gsl_rng *r = w->rng;
    double enu = cfg->e_min + (cfg->e_max - cfg->e_min) * gsl_rng_uniform(r);
    double vertex[3] = {VERTEX_JITTER * (2 * gsl_rng_uniform(r) - 1), VERTEX_JITTER * (2 * gsl_rng_uniform(r) - 1),
                        VERTEX_Z + VERTEX_JITTER * (2 * gsl_rng_uniform(r) - 1)};
    interaction_generate(r, cls, enu, vertex, physics_has(ph, ING_NC_MODEL), &truth->in);
    transport_reset(&w->tr);
    transport_run(&w->tr, ph, r, truth->in.fs, truth->in.n);
    return w->tr.n_dep;
}

void event_simulate(const physics *ph, const event_config *cfg, enum event_class cls, uint64_t seed,
                    event_workspace *w, event_truth *truth, float *image)
{
    memset(truth, 0, sizeof *truth);
    truth->seed = seed;
    gsl_rng_set(w->rng, (unsigned long)(seed & 0xffffffffULL));
    while (draw(ph, cfg, cls, w, truth) < MIN_DEPOSITS) truth->dropped++;
    const transport *t = &w->tr;
    truth->n_deposits = t->n_dep;
    for (int k = 0; k < truth->in.n; k++)
        truth->available += species_budget(truth->in.fs[k].sp, truth->in.fs[k].t);
    truth->available += t->released; /* binding energy of neutron captures */
    truth->deposited = t->deposited;
    truth->escaped = t->escaped;
    truth->invisible = t->invisible;
    int side = IMAGE_PIXELS / cfg->downsample;
    if (cfg->response != RESPONSE_IDEAL) response_quench(physics_eloss(ph, SP_ELECTRON), w->tr.dep, t->n_dep);
    readout_crop(t->dep, t->n_dep, truth->in.vertex, &truth->crop);
    truth->image_energy = readout_image(t->dep, t->n_dep, &truth->crop, cfg->downsample, image);
    if (cfg->response != RESPONSE_IDEAL) response_electronics(w->rng, image, side, cfg->downsample);
    for (int v = 0; v < N_VIEWS; v++)
        for (int p = 0; p < side * side; p++) truth->hits[v] += image[v * side * side + p] != 0;
}
