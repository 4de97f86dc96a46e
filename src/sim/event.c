#include "sim/event.h"

#include <stdlib.h>
#include <string.h>

#include "core/seed.h"
#include "sim/dune.h"
#include "sim/ingredients.h"
#include "sim/sim_constants.h"
#include "core/util.h"

void event_workspace_init(event_workspace *w)
{
    transport_init(&w->tr);
    transport_init(&w->steps);
    w->rng = gsl_rng_alloc(gsl_rng_mt19937);
    w->drift_rng = gsl_rng_alloc(gsl_rng_mt19937);
    w->fine = malloc(sizeof *w->fine * N_VIEWS * IMAGE_PIXELS * IMAGE_PIXELS);
    w->cells = NULL;
    if (!w->rng || !w->drift_rng || !w->fine) nutl_die("out of memory allocating an event workspace");
}

void event_workspace_free(event_workspace *w)
{
    transport_free(&w->tr);
    transport_free(&w->steps);
    gsl_rng_free(w->rng);
    gsl_rng_free(w->drift_rng);
    free(w->fine);
    free(w->cells);
}

uint64_t event_seed(uint64_t split_seed, int64_t i)
{
    return (seed_derive(split_seed, "events") + (uint64_t)i) & 0x7fffffffffffffffULL;
}

/* Draws one interaction and transports it; returns the number of deposits. The jitter is drawn for every
   response, so that all see the same interactions. */
static int draw(const physics *ph, const event_config *cfg, enum event_class cls, event_workspace *w,
                event_truth *truth)
{
    const gsl_rng *r = w->rng;
    double enu = cfg->e_min + (cfg->e_max - cfg->e_min) * gsl_rng_uniform(r);
    double jitter = cfg->response == RESPONSE_PAPER ? 0 : VERTEX_JITTER;
    double vertex[3] = {jitter * (2 * gsl_rng_uniform(r) - 1), jitter * (2 * gsl_rng_uniform(r) - 1),
                        VERTEX_Z + jitter * (2 * gsl_rng_uniform(r) - 1)};
    interaction_generate(r, cls, enu, vertex, physics_has(ph, ING_NC_MODEL), &truth->in);
    transport_reset(&w->tr);
    transport_run(&w->tr, ph, r, truth->in.fs, truth->in.n);
    return w->tr.n_dep;
}

/* Writes into w->fine the 1 cm image DUNE's pixel map would hold for the deposits of w in crop c
   (dune.h); returns the energy inside the window of cells. */
static double dune_image(event_workspace *w, const crop *c)
{
    cell_grid g;
    dune_cells(&g);
    readout_cell_grid(c, &g);
    if (!w->cells && !(w->cells = malloc(sizeof *w->cells * N_VIEWS * g.side * g.side)))
        nutl_die("out of memory allocating the readout cells");
    double inside = readout_cells(w->tr.dep, w->tr.n_dep, &g, w->cells);
    dune_hits(w->rng, &g, w->cells);
    readout_cells_rebin(w->cells, &g, c, w->fine);
    return inside;
}

/* Writes the image of the deposits of w (N_VIEWS x side x side, side = 224 / k) through cfg's response
   and returns the energy inside the crop (readout_image). */
static double image_of(const event_config *cfg, event_workspace *w, const crop *c, float *image)
{
    const transport *t = &w->tr;
    double inside;
    switch (cfg->response) {
    case RESPONSE_LAR:
        /* The electronics act on 1 cm pixels (a wire's hits): their noise and threshold do not depend
           on how the image is downsampled afterwards. */
        inside = readout_image(t->dep, t->n_dep, c, 1, w->fine);
        response_electronics(w->rng, w->fine, IMAGE_PIXELS);
        break;
    case RESPONSE_DUNE: inside = dune_image(w, c); break;
    default: return readout_image(t->dep, t->n_dep, c, cfg->downsample, image);
    }
    readout_block_sum(w->fine, cfg->downsample, image);
    return inside;
}

/* Returns the x of the anode that the charge of an event from seed drifts to: its vertex (at vertex_x) lies
   a distance uniform in [0, DUNE_MAX_DRIFT_CM] from it, drawn from w's drift stream, seeded from seed
   mixed with a constant so that the main stream's draws stay as they were. */
static double anode_x(event_workspace *w, uint64_t seed, double vertex_x)
{
    /* Any fixed constant names the stream; the odd multiplier's high bits spread consecutive seeds. */
    gsl_rng_set(w->drift_rng, (unsigned long)((seed ^ 0x5D1DE0D1FF0510ULL) * 0x9E3779B97F4A7C15ULL >> 32));
    return vertex_x - DUNE_MAX_DRIFT_CM * gsl_rng_uniform(w->drift_rng);
}

/* Writes into truth the particles DUNE's labelling would count among the final state just transported
   (sim/simide.h), from the transport's own deposits: LArG4's, whatever response records them. */
static void count_dune(const physics *ph, event_workspace *w, uint64_t seed, event_truth *truth)
{
    int cells[INTERACTION_MAX_PARTICLES];
    simide_cells(ph, w->drift_rng, w->tr.dep, w->tr.n_dep, truth->in.n, anode_x(w, seed, truth->in.vertex[0]),
                 DUNE_TOPOLOGY_HITS_CUT, cells);
    simide_counts(&truth->in, cells, DUNE_TOPOLOGY_HITS_CUT, truth->n_dune);
}

void event_simulate(const physics *ph, const event_config *cfg, enum event_class cls, uint64_t seed,
                    event_workspace *w, event_truth *truth, float *image)
{
    memset(truth, 0, sizeof *truth);
    truth->seed = seed;
    gsl_rng_set(w->rng, (unsigned long)(seed & 0xffffffffULL));
    for (;;) {
        int n = draw(ph, cfg, cls, w, truth);
        count_dune(ph, w, seed, truth); /* from the transport's deposits, before a response moves or drops them */
        if (cfg->response == RESPONSE_PAPER) n = paper_steps_apply(&w->steps, ph, &w->tr); /* LArSIMple's steps */
        if (n >= MIN_DEPOSITS) break;
        truth->dropped++;
    }
    const transport *t = &w->tr;
    truth->n_deposits = t->n_dep;
    for (int k = 0; k < truth->in.n; k++)
        truth->available += species_budget(truth->in.fs[k].sp, truth->in.fs[k].t);
    truth->available += t->released; /* binding energy of neutron captures */
    truth->deposited = t->deposited;
    truth->escaped = t->escaped;
    truth->invisible = t->invisible;
    int side = IMAGE_PIXELS / cfg->downsample;
    double vertex[3] = {truth->in.vertex[0], truth->in.vertex[1], truth->in.vertex[2]};
    if (cfg->response == RESPONSE_LAR || cfg->response == RESPONSE_DUNE) response_quench(ph, w->tr.dep, t->n_dep);
    if (cfg->response == RESPONSE_PAPER) {
        paper_mirror_y(w->tr.dep, t->n_dep);
        vertex[1] = -vertex[1];
    }
    readout_crop(t->dep, t->n_dep, vertex, &truth->crop);
    truth->image_energy = image_of(cfg, w, &truth->crop, image);
    for (int v = 0; v < N_VIEWS; v++)
        for (int p = 0; p < side * side; p++) truth->hits[v] += image[v * side * side + p] != 0;
}
