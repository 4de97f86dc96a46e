/* nutl simulate --events N --seed S --out DIR [--downsample K] [--threads T] [--emin GEV] [--emax GEV]
   [--response ideal|lar|paper|dune] [--without INGREDIENTS] [--deposits-out FILE]:
   simulates a balanced split (equal thirds of CC nu_mu, CC nu_e and NC, in a shuffled order) into DIR:
   events.bin (images), truth.tsv (one line per event) and meta.tsv (how the split was made). The bytes
   depend only on N, S, K, the energy range, the response and the ingredients switched off (a comma-
   separated list of sim/ingredients.h's names, for ablation studies), never on T. --deposits-out also
   writes every event's 3D energy deposits and truth (import/deposits.h), which `nutl import deposits`
   images into the same events.bin records. */
#include <gsl/gsl_randist.h>
#include <inttypes.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/commands.h"
#include "core/args.h"
#include "import/deposits.h"
#include "sim/dataset.h"
#include "sim/event.h"
#include "sim/ingredients.h"
#include "core/seed.h"
#include "sim/sim_constants.h"
#include "core/util.h"

#define BLOCK 256 /* events simulated in parallel before being written in order */

typedef struct {
    long events, downsample, threads;
    uint64_t seed;
    double emin, emax; /* GeV */
    const char *out;
    int response;      /* enum response_kind */
    const char *without; /* ingredients switched off, as given */
    int off;             /* and as enum ingredient bits */
    const char *deposits_out; /* the 3D deposits' file, or NULL */
    int deposits_format;      /* and its enum deposits_format */
} options;

static const char usage[] =
    "nutl simulate --events N --seed S --out DIR [--downsample K] [--threads T] [--emin GEV] [--emax GEV]"
    " [--response ideal|lar|paper|dune] [--without LIST] [--deposits-out FILE]";

/* Dies naming the option unless v is in [lo, hi]. */
static void check_range(const char *option, long v, long lo, long hi)
{
    if (v < lo || v > hi) nutl_die("simulate: %s %ld is not in [%ld, %ld]", option, v, lo, hi);
}

/* Dies naming the option unless v is an energy nutl simulates: (0, 1000) GeV. */
static void check_energy(const char *option, double v)
{
    if (!(v > 0 && v < 1e3)) nutl_die("simulate: %s %g is not an energy in GeV in (0, 1000)", option, v);
}

static void parse(int argc, char **argv, options *o)
{
    *o = (options){.events = -1, .downsample = 1, .threads = 1, .emin = 1, .emax = 4, .without = "none"};
    int have_seed = 0;
    const char *response = "ideal";
    const arg_spec specs[] = {
        {"--events", ARG_LONG, &o->events, NULL, "N  events in the split, equal thirds of each class (required)"},
        {"--seed", ARG_SEED, &o->seed, &have_seed, "S  the split's seed; each event's derives from it (required)"},
        {"--out", ARG_STRING, &o->out, NULL, "DIR  the split's folder (required)"},
        {"--downsample", ARG_LONG, &o->downsample, NULL, "K  sum K x K pixel blocks: 224 / K pixel images (default 1)"},
        {"--threads", ARG_LONG, &o->threads, NULL, "T  threads; the bytes do not depend on T (default 1)"},
        {"--emin", ARG_DOUBLE, &o->emin, NULL, "GEV  lowest neutrino energy (default 1)"},
        {"--emax", ARG_DOUBLE, &o->emax, NULL, "GEV  highest neutrino energy (default 4)"},
        {"--response", ARG_STRING, &response, NULL, "ideal|lar|paper|dune  detector response (default ideal; paper: the authors' Geant4 recording)"},
        {"--without", ARG_STRING, &o->without, NULL,
         "LIST  physics switched off: comma-separated names of `nutl ingredients`, or all (default none)"},
        {"--deposits-out", ARG_STRING, &o->deposits_out, NULL,
         "FILE  also write every event's 3D energy deposits: .h5 or .hdf5 (HDF5), .tsv (datasets/FORMAT.md)"},
        {NULL, 0, NULL, NULL, NULL},
    };
    args_parse(argc, argv, specs, NULL, 0, usage);
    if (o->events < 0 || !have_seed || !o->out) nutl_die("usage: %s", usage);
    check_range("--events", o->events, 1, 100000000);
    check_range("--downsample", o->downsample, 1, IMAGE_PIXELS);
    check_range("--threads", o->threads, 1, 1024);
    check_energy("--emin", o->emin);
    check_energy("--emax", o->emax);
    if ((o->response = response_parse(response)) < 0) nutl_die("simulate: --response '%s' is not ideal, lar, paper or dune", response);
    if ((o->off = ingredients_parse(o->without)) < 0)
        nutl_die("simulate: --without '%s': not a comma-separated list of `nutl ingredients` names", o->without);
    if (IMAGE_PIXELS % o->downsample)
        nutl_die("simulate: --downsample %ld does not divide %d", o->downsample, IMAGE_PIXELS);
    if (o->emin > o->emax) nutl_die("simulate: --emin %g is above --emax %g", o->emin, o->emax);
    if (o->deposits_out && (o->deposits_format = deposits_format_of_path(o->deposits_out)) < 0)
        nutl_die("simulate: --deposits-out %s: the extension must be .h5, .hdf5 or .tsv", o->deposits_out);
    /* A detector response quenches the deposits in place: they would no longer hold the energy deposited. */
    if (o->deposits_out && o->response != RESPONSE_IDEAL)
        nutl_die("simulate: --deposits-out writes the energy deposited, before any response: it needs --response ideal");
}

/* Returns the classes of the n events: equal thirds (the first n mod 3 classes one more), shuffled by
   a generator seeded with seed_derive(seed, "classes"). */
static int *class_order(long n, uint64_t seed)
{
    int *c = nutl_calloc(sizeof *c * (size_t)n, "class order");
    for (long i = 0; i < n; i++) c[i] = (int)(i % N_CLASSES);
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, (unsigned long)(seed_derive(seed, "classes") & 0xffffffffULL));
    gsl_ran_shuffle(r, c, (size_t)n, sizeof *c);
    gsl_rng_free(r);
    return c;
}

static void truth_header(FILE *f)
{
    fputs("event_id\tclass\ttrue_energy_gev\tchannel\ty\tq2_gev2\tw_gev\tlepton_energy_gev\tvisible_energy_gev"
          "\timage_energy_gev\tescaped_energy_gev\tinvisible_energy_gev\tn_deposits\thits_u\thits_v\thits_w"
          "\tn_mu\tn_e\tn_p\tn_n\tn_pip\tn_pim\tn_pi0\ttarget\tvertex_x\tvertex_y\tvertex_z\tdropped\tseed"
          "\tn_p_dune\tn_n_dune\tn_pipm_dune\tn_pi0_dune\n", f);
}

static void truth_line(FILE *f, int64_t id, const event_truth *t)
{
    const interaction *in = &t->in;
    fprintf(f, "%" PRId64 "\t%s\t%.6f\t%s\t%.5f\t%.5f\t%.5f\t%.6f\t%.6f\t%.6f\t%.6f\t%.6f\t%d\t%d\t%d\t%d"
               "\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%.3f\t%.3f\t%.3f\t%d\t%" PRIu64 "\t%d\t%d\t%d\t%d\n",
            id, class_name(in->cls), in->enu * 1e-3, channel_name(in->channel), in->y, in->q2 * 1e-6,
            in->w * 1e-3, in->lepton_e * 1e-3, t->deposited * 1e-3, t->image_energy * 1e-3, t->escaped * 1e-3,
            t->invisible * 1e-3, t->n_deposits, t->hits[0], t->hits[1], t->hits[2],
            interaction_count(in, SP_MUON_MINUS), interaction_count(in, SP_ELECTRON), interaction_count(in, SP_PROTON),
            interaction_count(in, SP_NEUTRON), interaction_count(in, SP_PION_PLUS),
            interaction_count(in, SP_PION_MINUS), interaction_count(in, SP_PION_ZERO),
            in->channel == CH_COH ? "A" : in->target_proton ? "p" : "n", in->vertex[0], in->vertex[1], in->vertex[2], t->dropped, t->seed,
            t->n_dune[SIMIDE_PROTONS], t->n_dune[SIMIDE_NEUTRONS], t->n_dune[SIMIDE_CHARGED_PIONS], t->n_dune[SIMIDE_PI0]);
}

static void write_meta(const char *dir, const options *o, long dropped)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, DATASET_META_FILE);
    FILE *f = atomic_open(path);
    fprintf(f, "format_version\t%d\nevents\t%ld\nseed\t%" PRIu64 "\ndownsample\t%ld\nimage_side\t%ld\n"
               "channels\tu,v,w\npixel_cm\t%g\ne_min_gev\t%g\ne_max_gev\t%g\nmin_deposits\t%d\n"
               "dropped_draws\t%ld\nvertex\t(0,0,%g)+-%g cm\ncrop\tenergy-weighted mean, vertex >= %d px inside\n"
               "response\t%s\nwithout\t%s\n",
            DATASET_FORMAT_VERSION, o->events, o->seed, o->downsample, IMAGE_PIXELS / o->downsample, PIXEL_CM,
            o->emin, o->emax, MIN_DEPOSITS, dropped, VERTEX_Z, o->response == RESPONSE_PAPER ? 0 : VERTEX_JITTER,
            CROP_VERTEX_MARGIN,
            response_name((enum response_kind)o->response), o->without);
    dataset_meta_digests(f, dir);
    atomic_commit(f, path);
}

typedef struct {
    event_truth truth;
    unsigned char *record;
    size_t len, cap;
    deposit *dep; /* the event's deposits, kept for --deposits-out */
    int n_dep, cap_dep;
} slot;

/* Copies the n deposits dep into slot s. */
static void keep_deposits(slot *s, const deposit *dep, int n)
{
    if (n > s->cap_dep) {
        free(s->dep);
        s->cap_dep = 2 * n;
        s->dep = nutl_calloc(sizeof *s->dep * (size_t)s->cap_dep, "deposits");
    }
    memcpy(s->dep, dep, sizeof *dep * (size_t)n);
    s->n_dep = n;
}

/* Appends event i of slot s to the deposit file. */
static void write_deposits(deposits_writer *dw, long i, const slot *s)
{
    const interaction *in = &s->truth.in;
    deposits_event ev = {i, in->cls, in->enu * 1e-3, {in->vertex[0], in->vertex[1], in->vertex[2]}};
    deposits_writer_add(dw, &ev, s->dep, s->n_dep);
}

static void progress(long done, long n, double t0)
{
    double el = seconds_now() - t0, rate = done / (el > 0 ? el : 1e-9);
    fprintf(stderr, "\rsimulate: %ld/%ld events, %.0f events/s, %.0f s left  ", done, n, rate, (n - done) / rate);
    if (done == n) fputc('\n', stderr);
}

/* What each thread simulates into: its workspace and image. */
typedef struct {
    int n;
    event_workspace *ws;
    float **img;
} workers;

/* Returns n workers for side x side images (3 views each). */
static workers workers_new(int n, int side)
{
    workers w = {n, nutl_calloc(sizeof *w.ws * (size_t)n, "workspaces"),
                 nutl_calloc(sizeof *w.img * (size_t)n, "images")};
    for (int k = 0; k < n; k++) {
        event_workspace_init(&w.ws[k]);
        w.img[k] = nutl_calloc(sizeof **w.img * 3 * (size_t)side * side, "image");
    }
    return w;
}

static void workers_free(workers *w)
{
    for (int k = 0; k < w->n; k++) {
        event_workspace_free(&w->ws[k]);
        free(w->img[k]);
    }
    free(w->img);
    free(w->ws);
}

/* Simulates every event, BLOCK at a time in parallel, and writes them in order to the dataset, the
   truth file and the deposit file dw (when not NULL). Returns the number of draws dropped. */
static long simulate_events(const options *o, const physics *ph, const int *cls, dataset_writer *out,
                            FILE *truth, deposits_writer *dw)
{
    int side = IMAGE_PIXELS / (int)o->downsample, nt = (int)o->threads, tty = isatty(STDERR_FILENO);
    event_config cfg = {o->emin * 1e3, o->emax * 1e3, (int)o->downsample, (enum response_kind)o->response};
    workers w = workers_new(nt, side);
    slot *s = nutl_calloc(sizeof *s * BLOCK, "event slots");
    double t0 = seconds_now();
    long dropped = 0;
    for (long start = 0; start < o->events; start += BLOCK) {
        long m = o->events - start < BLOCK ? o->events - start : BLOCK;
#pragma omp parallel for schedule(dynamic, 4) num_threads(nt)
        for (long j = 0; j < m; j++) {
            int tid = omp_get_thread_num();
            long i = start + j;
            event_simulate(ph, &cfg, cls[i], event_seed(o->seed, i), &w.ws[tid], &s[j].truth, w.img[tid]);
            s[j].len = dataset_encode(w.img[tid], side, (int)i, &s[j].record, &s[j].cap);
            if (dw) keep_deposits(&s[j], w.ws[tid].tr.dep, w.ws[tid].tr.n_dep);
        }
        for (long j = 0; j < m; j++) {
            long i = start + j;
            dataset_append(out, (int)i, cls[i], s[j].truth.in.enu * 1e-3, i, s[j].record, s[j].len);
            truth_line(truth, i, &s[j].truth);
            if (dw) write_deposits(dw, i, &s[j]);
            dropped += s[j].truth.dropped;
        }
        if (tty) progress(start + m, o->events, t0);
    }
    for (int j = 0; j < BLOCK; j++) {
        free(s[j].record);
        free(s[j].dep);
    }
    free(s);
    workers_free(&w);
    return dropped;
}

int cmd_simulate(int argc, char **argv)
{
    options o;
    parse(argc, argv, &o);
    path_mkdir(o.out);
    physics *ph = physics_new();
    physics_switch_off(ph, (unsigned)o.off);
    int *cls = class_order(o.events, o.seed);
    char truth_path[4096];
    snprintf(truth_path, sizeof truth_path, "%s/%s", o.out, DATASET_TRUTH_FILE);
    FILE *truth = atomic_open(truth_path);
    truth_header(truth);
    int side = IMAGE_PIXELS / (int)o.downsample;
    dataset_writer *w = dataset_create(o.out, (int)o.events, side, (int)o.downsample, o.seed);
    deposits_writer *dw = o.deposits_out ? deposits_writer_create(o.deposits_out, o.deposits_format) : NULL;
    long dropped = simulate_events(&o, ph, cls, w, truth, dw);
    dataset_commit(w);
    atomic_commit(truth, truth_path);
    if (dw) deposits_writer_commit(dw);
    write_meta(o.out, &o, dropped);
    free(cls);
    physics_free(ph);
    return 0;
}
