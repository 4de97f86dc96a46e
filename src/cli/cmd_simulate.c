/* nutl simulate --events N --seed S --out DIR [--downsample K] [--threads T] [--emin GEV] [--emax GEV]:
   simulates a balanced split (equal thirds of CC nu_mu, CC nu_e and NC, in a shuffled order) into DIR:
   events.bin (images), truth.tsv (one line per event) and meta.tsv (how the split was made). The bytes
   depend only on N, S, K and the energy range, never on T. */
#include <errno.h>
#include <gsl/gsl_randist.h>
#include <inttypes.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/commands.h"
#include "core/digest.h"
#include "sim/dataset.h"
#include "sim/event.h"
#include "core/seed.h"
#include "sim/sim_constants.h"
#include "core/util.h"

#define BLOCK 256 /* events simulated in parallel before being written in order */

typedef struct {
    long events, downsample, threads;
    uint64_t seed;
    double emin, emax; /* GeV */
    const char *out;
} options;

static long parse_long(const char *opt, const char *s, long lo, long hi)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (*end || end == s || errno || v < lo || v > hi)
        nutl_die("simulate: %s '%s' is not an integer in [%ld, %ld]", opt, s, lo, hi);
    return v;
}

static double parse_double(const char *opt, const char *s)
{
    char *end;
    double v = strtod(s, &end);
    if (*end || end == s || !(v > 0 && v < 1e3)) nutl_die("simulate: %s '%s' is not an energy in GeV", opt, s);
    return v;
}

static void parse(int argc, char **argv, options *o)
{
    *o = (options){.events = -1, .downsample = 1, .threads = 1, .emin = 1, .emax = 4};
    int have_seed = 0;
    for (int i = 0; i < argc; i++) {
        if (i + 1 >= argc) nutl_die("simulate: option %s needs a value", argv[i]);
        const char *a = argv[i], *v = argv[++i];
        if (!strcmp(a, "--events")) o->events = parse_long(a, v, 1, 100000000);
        else if (!strcmp(a, "--seed")) {
            char *end;
            errno = 0;
            o->seed = strtoull(v, &end, 10);
            if (*end || end == v || errno || v[0] == '-') nutl_die("simulate: --seed '%s' is not a non-negative integer", v);
            have_seed = 1;
        } else if (!strcmp(a, "--out")) o->out = v;
        else if (!strcmp(a, "--downsample")) o->downsample = parse_long(a, v, 1, IMAGE_PIXELS);
        else if (!strcmp(a, "--threads")) o->threads = parse_long(a, v, 1, 1024);
        else if (!strcmp(a, "--emin")) o->emin = parse_double(a, v);
        else if (!strcmp(a, "--emax")) o->emax = parse_double(a, v);
        else nutl_die("simulate: unknown option %s", a);
    }
    if (o->events < 0 || !have_seed || !o->out)
        nutl_die("usage: nutl simulate --events N --seed S --out DIR [--downsample K] [--threads T] [--emin GEV] [--emax GEV]");
    if (IMAGE_PIXELS % o->downsample) nutl_die("simulate: --downsample %ld does not divide %d", o->downsample, IMAGE_PIXELS);
    if (o->emin > o->emax) nutl_die("simulate: --emin %g is above --emax %g", o->emin, o->emax);
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

static void mkdir_p(const char *dir)
{
    char buf[4096];
    if ((size_t)snprintf(buf, sizeof buf, "%s", dir) >= sizeof buf) nutl_die("%s: path too long", dir);
    for (char *p = buf + 1;; p++) {
        int end = *p == 0;
        if (*p == '/' || end) {
            *p = 0;
            if (mkdir(buf, 0777) != 0 && errno != EEXIST) nutl_die("%s: cannot create: %s", buf, strerror(errno));
            if (end) return;
            *p = '/';
        }
    }
}

static void truth_header(FILE *f)
{
    fputs("event_id\tclass\ttrue_energy_gev\tchannel\ty\tq2_gev2\tw_gev\tlepton_energy_gev\tvisible_energy_gev"
          "\timage_energy_gev\tescaped_energy_gev\tinvisible_energy_gev\tn_deposits\thits_u\thits_v\thits_w"
          "\tn_mu\tn_e\tn_p\tn_n\tn_pip\tn_pim\tn_pi0\ttarget\tvertex_x\tvertex_y\tvertex_z\tdropped\tseed\n", f);
}

static void truth_line(FILE *f, int64_t id, const event_truth *t)
{
    const interaction *in = &t->in;
    fprintf(f, "%" PRId64 "\t%s\t%.6f\t%s\t%.5f\t%.5f\t%.5f\t%.6f\t%.6f\t%.6f\t%.6f\t%.6f\t%d\t%d\t%d\t%d"
               "\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%.3f\t%.3f\t%.3f\t%d\t%" PRIu64 "\n",
            id, class_name(in->cls), in->enu * 1e-3, channel_name(in->channel), in->y, in->q2 * 1e-6,
            in->w * 1e-3, in->lepton_e * 1e-3, t->deposited * 1e-3, t->image_energy * 1e-3, t->escaped * 1e-3,
            t->invisible * 1e-3, t->n_deposits, t->hits[0], t->hits[1], t->hits[2],
            interaction_count(in, SP_MUON_MINUS), interaction_count(in, SP_ELECTRON), interaction_count(in, SP_PROTON),
            interaction_count(in, SP_NEUTRON), interaction_count(in, SP_PION_PLUS),
            interaction_count(in, SP_PION_MINUS), interaction_count(in, SP_PION_ZERO),
            in->target_proton ? "p" : "n", in->vertex[0], in->vertex[1], in->vertex[2], t->dropped, t->seed);
}

static void write_meta(const char *dir, const options *o, long dropped)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, DATASET_META_FILE);
    FILE *f = atomic_open(path);
    fprintf(f, "format_version\t%d\nevents\t%ld\nseed\t%" PRIu64 "\ndownsample\t%ld\nimage_side\t%ld\n"
               "channels\tu,v,w\npixel_cm\t%g\ne_min_gev\t%g\ne_max_gev\t%g\nmin_deposits\t%d\n"
               "dropped_draws\t%ld\nvertex\t(0,0,%g)+-%g cm\ncrop\tenergy-weighted mean, vertex >= %d px inside\n",
            DATASET_FORMAT_VERSION, o->events, o->seed, o->downsample, IMAGE_PIXELS / o->downsample, PIXEL_CM,
            o->emin, o->emax, MIN_DEPOSITS, dropped, VERTEX_Z, VERTEX_JITTER, CROP_VERTEX_MARGIN);
    /* The files' digests name the dataset in every result record trained on it. */
    const char *files[][2] = {{DATASET_EVENTS_SHA256, DATASET_IMAGE_FILE}, {DATASET_TRUTH_SHA256, DATASET_TRUTH_FILE}};
    for (int i = 0; i < 2; i++) {
        char file[4096], hex[65];
        snprintf(file, sizeof file, "%s/%s", dir, files[i][1]);
        file_sha256(file, hex);
        fprintf(f, "%s\t%s\n", files[i][0], hex);
    }
    atomic_commit(f, path);
}

typedef struct {
    event_truth truth;
    unsigned char *record;
    size_t len, cap;
} slot;

static void progress(long done, long n, double t0)
{
    double el = seconds_now() - t0, rate = done / (el > 0 ? el : 1e-9);
    fprintf(stderr, "\rsimulate: %ld/%ld events, %.0f events/s, %.0f s left  ", done, n, rate, (n - done) / rate);
    if (done == n) fputc('\n', stderr);
}

int cmd_simulate(int argc, char **argv)
{
    options o;
    parse(argc, argv, &o);
    mkdir_p(o.out);
    int side = IMAGE_PIXELS / (int)o.downsample, nt = (int)o.threads, tty = isatty(STDERR_FILENO);
    event_config cfg = {o.emin * 1e3, o.emax * 1e3, (int)o.downsample};
    physics *ph = physics_new();
    int *cls = class_order(o.events, o.seed);
    event_workspace *ws = nutl_calloc(sizeof *ws * (size_t)nt, "workspaces");
    float **img = nutl_calloc(sizeof *img * (size_t)nt, "images");
    for (int k = 0; k < nt; k++) {
        event_workspace_init(&ws[k]);
        img[k] = nutl_calloc(sizeof **img * 3 * (size_t)side * side, "image");
    }
    slot *s = nutl_calloc(sizeof *s * BLOCK, "event slots");
    char truth_path[4096];
    snprintf(truth_path, sizeof truth_path, "%s/%s", o.out, DATASET_TRUTH_FILE);
    FILE *truth = atomic_open(truth_path);
    truth_header(truth);
    dataset_writer *w = dataset_create(o.out, (int)o.events, side, (int)o.downsample, o.seed);
    double t0 = seconds_now();
    long dropped = 0;
    for (long start = 0; start < o.events; start += BLOCK) {
        long m = o.events - start < BLOCK ? o.events - start : BLOCK;
#pragma omp parallel for schedule(dynamic, 4) num_threads(nt)
        for (long j = 0; j < m; j++) {
            int tid = omp_get_thread_num();
            long i = start + j;
            event_simulate(ph, &cfg, cls[i], event_seed(o.seed, i), &ws[tid], &s[j].truth, img[tid]);
            s[j].len = dataset_encode(img[tid], side, (int)i, &s[j].record, &s[j].cap);
        }
        for (long j = 0; j < m; j++) {
            long i = start + j;
            dataset_append(w, (int)i, cls[i], s[j].truth.in.enu * 1e-3, i, s[j].record, s[j].len);
            truth_line(truth, i, &s[j].truth);
            dropped += s[j].truth.dropped;
        }
        if (tty) progress(start + m, o.events, t0);
    }
    dataset_commit(w);
    atomic_commit(truth, truth_path);
    write_meta(o.out, &o, dropped);
    for (int k = 0; k < nt; k++) {
        event_workspace_free(&ws[k]);
        free(img[k]);
    }
    for (int j = 0; j < BLOCK; j++) free(s[j].record);
    free(s); free(img); free(ws); free(cls);
    physics_free(ph);
    return 0;
}
