/* nutl import dune-cvn SOURCE --out SPLIT [--emin 1] [--emax 4] [--downsample K] [--response ideal|lar|paper|dune]
   [--mev-per-unit U,V,W]: the DUNE CVN sample's CC numu, CC nue and NC events (SOURCE/dataset_info/
   {numu,nue,nc}/eventN.{gz,info}; antineutrinos included and counted) with a true neutrino energy in
   [emin, emax] GeV, as a nutl split in the paper's representation: each view rebinned from its wire x
   time cells into 1 cm pixels by their physical size, cut to 224 x 224 around the view's charge-weighted
   centre (nutl's crop rule; the maps carry no vertex for its margin), downsampled by K; charge units
   made MeV per view by a physical calibration: the most probable value of minimum-ionising track pixels
   of the sample's CC numu events is set to that of nutl's own CC numu events simulated with the same
   detector response (the value dE/dx gives there), or by the constants given. docs/validate.md. */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "core/args.h"
#include "core/classes.h"
#include "core/seed.h"
#include "core/util.h"
#include "import/dune_cvn.h"
#include "import/mip.h"
#include "sim/dataset.h"
#include "sim/event.h"
#include "sim/sim_constants.h"

#define REFERENCE_EVENTS 600 /* nutl CC numu events whose track pixels give the MIP peak in MeV */
#define REFERENCE_SEED_LABEL "dune-cvn-calibration"

typedef struct {
    const char *source, *out;
    double emin, emax; /* GeV */
    long downsample;
    int response;                      /* enum response_kind of the calibration's reference */
    double mev_per_unit[DUNE_CVN_VIEWS]; /* given, or measured */
    int calibrate;                     /* 1: measure mev_per_unit */
} options;

/* The sample's folder of each nutl class. */
static const char *class_folder[N_CLASSES] = {"numu", "nue", "nc"};
static const char *view_name[DUNE_CVN_VIEWS] = {"u", "v", "w"};

static const char usage[] = "nutl import dune-cvn SOURCE --out SPLIT [--emin 1] [--emax 4] [--downsample K]"
                            " [--response ideal|lar|paper|dune] [--mev-per-unit U,V,W]";

/* Parses "U,V,W" into three positive numbers; dies naming the option otherwise. */
static void parse_units(const char *text, double *units)
{
    char copy[256], *save = NULL;
    snprintf(copy, sizeof copy, "%s", text);
    int n = 0;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save), n++)
        if (n >= DUNE_CVN_VIEWS || !util_parse_double(tok, &units[n]) || !(units[n] > 0)) n = -100;
    if (n != DUNE_CVN_VIEWS) nutl_die("import dune-cvn: --mev-per-unit '%s' is not three positive numbers U,V,W", text);
}

static void parse(int argc, char **argv, options *o)
{
    *o = (options){.emin = 1, .emax = 4, .downsample = 1, .calibrate = 1};
    const char *response = "ideal", *units = NULL;
    const arg_spec specs[] = {
        {"--out", ARG_STRING, &o->out, NULL, "DIR  the split's folder (required)"},
        {"--emin", ARG_DOUBLE, &o->emin, NULL, "GEV  lowest true neutrino energy kept (default 1)"},
        {"--emax", ARG_DOUBLE, &o->emax, NULL, "GEV  highest true neutrino energy kept (default 4)"},
        {"--downsample", ARG_LONG, &o->downsample, NULL, "K  sum K x K pixel blocks: 224 / K pixel images (default 1)"},
        {"--response", ARG_STRING, &response, NULL,
         "ideal|lar|paper|dune  the detector response the calibration matches (default ideal)"},
        {"--mev-per-unit", ARG_STRING, &units, NULL, "U,V,W  calibration constants per view instead of measuring them"},
        {NULL, 0, NULL, NULL, NULL},
    };
    const char *positional[1] = {NULL};
    args_parse(argc, argv, specs, positional, 1, usage);
    o->source = positional[0];
    if (!o->source || !o->out) nutl_die("usage: %s", usage);
    if (o->downsample < 1 || IMAGE_PIXELS % o->downsample)
        nutl_die("import dune-cvn: --downsample %ld does not divide %d", o->downsample, IMAGE_PIXELS);
    if (!(o->emin >= 0 && o->emin <= o->emax)) nutl_die("import dune-cvn: --emin %g, --emax %g is not a range", o->emin, o->emax);
    if ((o->response = response_parse(response)) < 0)
        nutl_die("import dune-cvn: --response '%s' is not ideal, lar, paper or dune", response);
    if (units) parse_units(units, o->mev_per_unit), o->calibrate = 0;
}

/* Writes into path (NUTL_PATH_MAX) the file of event n of folder with the extension ext. */
static void event_path(char *path, const options *o, const char *folder, int n, const char *ext)
{
    if (snprintf(path, NUTL_PATH_MAX, "%s/dataset_info/%s/event%d.%s", o->source, folder, n, ext) >= NUTL_PATH_MAX)
        nutl_die("import dune-cvn: path too long under %s", o->source);
}

static int compare_int(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

/* Returns the event numbers N of folder's eventN.info files, ascending, their count in *n; dies naming the
   folder if it cannot be read or holds none. */
static int *list_events(const options *o, const char *folder, int *n)
{
    char dir[NUTL_PATH_MAX];
    if (snprintf(dir, sizeof dir, "%s/dataset_info/%s", o->source, folder) >= (int)sizeof dir)
        nutl_die("import dune-cvn: path too long under %s", o->source);
    DIR *d = opendir(dir);
    if (!d) nutl_die("%s: cannot read: %s (SOURCE must hold the sample's dataset_info/)", dir, strerror(errno));
    int *list = NULL, cap = 0;
    *n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        int num, end = 0;
        if (sscanf(e->d_name, "event%d.info%n", &num, &end) != 1 || e->d_name[end] || num < 0) continue;
        if (*n == cap) {
            cap = cap ? 2 * cap : 256;
            list = realloc(list, sizeof *list * (size_t)cap);
            if (!list) nutl_die("out of memory listing %s", dir);
        }
        list[(*n)++] = num;
    }
    closedir(d);
    if (*n == 0) nutl_die("%s: no eventN.info files", dir);
    qsort(list, (size_t)*n, sizeof *list, compare_int);
    return list;
}

/* Adds the track pixels of every CC numu event of the sample to dune[] (map units, per view). */
static void collect_dune_tracks(const options *o, mip_sample dune[DUNE_CVN_VIEWS])
{
    int n, *num = list_events(o, class_folder[CLASS_NUMU_CC], &n);
    unsigned char *map = nutl_calloc(DUNE_CVN_MAP_BYTES, "pixel map");
    float *grid = nutl_calloc(sizeof *grid * (size_t)dune_cvn_grid_rows() * dune_cvn_grid_cols(2), "grid");
    for (int i = 0; i < n; i++) {
        char path[NUTL_PATH_MAX];
        event_path(path, o, class_folder[CLASS_NUMU_CC], num[i], "gz");
        dune_cvn_read_map(path, map);
        for (int v = 0; v < DUNE_CVN_VIEWS; v++) {
            dune_cvn_rebin(map, v, grid);
            mip_collect(grid, dune_cvn_grid_rows(), dune_cvn_grid_cols(v), &dune[v]);
        }
    }
    free(grid);
    free(map);
    free(num);
}

/* Adds the track pixels of REFERENCE_EVENTS of nutl's CC numu events (1 cm pixels, 1-4 GeV, the given
   detector response, a fixed seed) to ref[] (MeV, per view). */
static void collect_nutl_tracks(int response, mip_sample ref[DUNE_CVN_VIEWS])
{
    physics *ph = physics_new();
    event_workspace ws;
    event_workspace_init(&ws);
    event_config cfg = {1000, 4000, 1, (enum response_kind)response};
    float *image = nutl_calloc(sizeof *image * N_VIEWS * IMAGE_PIXELS * IMAGE_PIXELS, "image");
    uint64_t seed = seed_derive(0, REFERENCE_SEED_LABEL);
    for (int i = 0; i < REFERENCE_EVENTS; i++) {
        event_truth truth;
        event_simulate(ph, &cfg, CLASS_NUMU_CC, event_seed(seed, i), &ws, &truth, image);
        for (int v = 0; v < N_VIEWS; v++)
            mip_collect(image + (size_t)v * IMAGE_PIXELS * IMAGE_PIXELS, IMAGE_PIXELS, IMAGE_PIXELS, &ref[v]);
    }
    free(image);
    event_workspace_free(&ws);
    physics_free(ph);
}

/* Measures o->mev_per_unit: per view, nutl's MIP peak (MeV) over the sample's (map units); prints both,
   and returns them in peaks[view][0 = map units, 1 = MeV]. */
static void calibrate(options *o, double peaks[DUNE_CVN_VIEWS][2])
{
    mip_sample dune[DUNE_CVN_VIEWS], ref[DUNE_CVN_VIEWS];
    for (int v = 0; v < DUNE_CVN_VIEWS; v++) dune[v] = mip_sample_new(), ref[v] = mip_sample_new();
    collect_dune_tracks(o, dune);
    collect_nutl_tracks(o->response, ref);
    for (int v = 0; v < DUNE_CVN_VIEWS; v++) {
        char what[NUTL_PATH_MAX + 64];
        snprintf(what, sizeof what, "%s/dataset_info/numu (view %s)", o->source, view_name[v]);
        peaks[v][0] = mip_mpv(&dune[v], what);
        peaks[v][1] = mip_mpv(&ref[v], "nutl's reference CC numu events");
        o->mev_per_unit[v] = peaks[v][1] / peaks[v][0];
        printf("import dune-cvn: view %s: MIP peak of track pixels %.2f map units (%zu pixels), nutl %s %.3f MeV"
               " (%zu pixels): %.5f MeV per unit\n", view_name[v], peaks[v][0], dune[v].n,
               response_name((enum response_kind)o->response), peaks[v][1], ref[v].n, o->mev_per_unit[v]);
        mip_sample_free(&dune[v]);
        mip_sample_free(&ref[v]);
    }
}

/* One selected event: its folder's class and number. */
typedef struct {
    int cls, num;
} selected;

typedef struct {
    int kept[N_CLASSES], anti[N_CLASSES], outside; /* per class: kept, of which antineutrinos; energy cut */
} tally;

/* Returns the events of the three classes with a true energy in [emin, emax] (class order, then number),
   their count in *n, counted in *t. */
static selected *select_events(const options *o, int *n, tally *t)
{
    selected *s = NULL;
    *n = 0;
    memset(t, 0, sizeof *t);
    for (int c = 0; c < N_CLASSES; c++) {
        int m, *num = list_events(o, class_folder[c], &m);
        s = realloc(s, sizeof *s * (size_t)(*n + m));
        if (!s) nutl_die("out of memory selecting events");
        for (int i = 0; i < m; i++) {
            char path[NUTL_PATH_MAX];
            event_path(path, o, class_folder[c], num[i], "info");
            dune_cvn_truth tr;
            dune_cvn_read_info(path, &tr);
            if (dune_cvn_class(&tr, path) != c)
                nutl_die("%s: label %d is not a %s event, yet it is in folder %s", path, tr.code, class_name(c),
                         class_folder[c]);
            if (tr.enu_gev < o->emin || tr.enu_gev > o->emax) { t->outside++; continue; }
            t->kept[c]++;
            t->anti[c] += tr.nu_pdg < 0;
            s[(*n)++] = (selected){c, num[i]};
        }
        free(num);
    }
    if (*n == 0) nutl_die("%s: no event with a true energy in [%g, %g] GeV", o->source, o->emin, o->emax);
    return s;
}

/* Adds view v's grid (map units) to image (side x side, CHW) in MeV: the 224 x 224 window around the
   grid's charge-weighted centre, summed in K x K blocks. */
static void paint_view(const float *grid, int v, const options *o, int side, float *image)
{
    int rows = dune_cvn_grid_rows(), cols = dune_cvn_grid_cols(v), k = (int)o->downsample;
    double sum = 0, sr = 0, sc = 0;
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) {
            double q = grid[(size_t)r * cols + c];
            sum += q, sr += q * (r + 0.5), sc += q * (c + 0.5);
        }
    if (sum == 0) return;
    int r0 = readout_window(sr / sum * PIXEL_CM), c0 = readout_window(sc / sum * PIXEL_CM);
    float *plane = image + (size_t)v * side * side;
    for (int r = r0 < 0 ? 0 : r0; r < rows && r < r0 + IMAGE_PIXELS; r++)
        for (int c = c0 < 0 ? 0 : c0; c < cols && c < c0 + IMAGE_PIXELS; c++) {
            float q = grid[(size_t)r * cols + c];
            if (q) plane[(r - r0) / k * side + (c - c0) / k] += (float)(q * o->mev_per_unit[v]);
        }
}

static void truth_header(FILE *f)
{
    fputs("event_id\tclass\ttrue_energy_gev\tchannel\ty\tlepton_energy_gev\timage_energy_gev\thits_u\thits_v"
          "\thits_w\tn_p_dune\tn_n_dune\tn_pipm_dune\tn_pi0_dune\tnu_pdg\tdune_hits\tsource\n", f);
}

/* Writes event i's truth line; image holds its views (side x side each). */
static void truth_line(FILE *f, int i, const dune_cvn_truth *t, int cls, const float *image, int side,
                       const selected *s)
{
    double e = 0;
    int hits[DUNE_CVN_VIEWS] = {0};
    for (int v = 0; v < DUNE_CVN_VIEWS; v++)
        for (int p = 0; p < side * side; p++) {
            float q = image[(size_t)v * side * side + p];
            e += q, hits[v] += q != 0;
        }
    fprintf(f, "%d\t%s\t%.6f\t%s\t%.5f\t%.6f\t%.6f\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%ld\t%s/event%d\n", i, class_name(cls),
            t->enu_gev, dune_cvn_mode(t), 1 - t->lepton_gev / t->enu_gev, t->lepton_gev, e / DUNE_CVN_VIEWS * 1e-3,
            hits[0], hits[1], hits[2], t->n_proton, t->n_neutron, t->n_charged_pion, t->n_pi0, t->nu_pdg,
            t->total_hits, class_folder[cls], s->num);
}

/* Writes the selected events' images and truth into the split. */
static void write_events(const options *o, const selected *s, int n)
{
    int side = IMAGE_PIXELS / (int)o->downsample;
    char truth_path[NUTL_PATH_MAX];
    path_join(truth_path, o->out, DATASET_TRUTH_FILE);
    FILE *truth = atomic_open(truth_path);
    truth_header(truth);
    dataset_writer *w = dataset_create(o->out, n, side, (int)o->downsample, 0);
    unsigned char *map = nutl_calloc(DUNE_CVN_MAP_BYTES, "pixel map"), *record = NULL;
    float *grid = nutl_calloc(sizeof *grid * (size_t)dune_cvn_grid_rows() * dune_cvn_grid_cols(2), "grid");
    float *image = nutl_calloc(sizeof *image * DUNE_CVN_VIEWS * (size_t)side * side, "image");
    size_t cap = 0;
    for (int i = 0; i < n; i++) {
        char path[NUTL_PATH_MAX];
        dune_cvn_truth t;
        event_path(path, o, class_folder[s[i].cls], s[i].num, "info");
        dune_cvn_read_info(path, &t);
        event_path(path, o, class_folder[s[i].cls], s[i].num, "gz");
        dune_cvn_read_map(path, map);
        memset(image, 0, sizeof *image * DUNE_CVN_VIEWS * (size_t)side * side);
        for (int v = 0; v < DUNE_CVN_VIEWS; v++) {
            dune_cvn_rebin(map, v, grid);
            paint_view(grid, v, o, side, image);
        }
        size_t len = dataset_encode(image, side, i, &record, &cap);
        dataset_append(w, i, s[i].cls, t.enu_gev, i, record, len);
        truth_line(truth, i, &t, s[i].cls, image, side, &s[i]);
    }
    dataset_commit(w);
    atomic_commit(truth, truth_path);
    free(image), free(grid), free(map), free(record);
}

static void write_meta(const options *o, int n, const tally *t, double peaks[DUNE_CVN_VIEWS][2])
{
    char path[NUTL_PATH_MAX];
    path_join(path, o->out, DATASET_META_FILE);
    FILE *f = atomic_open(path);
    fprintf(f, "format_version\t%d\nevents\t%d\nseed\t0\ndownsample\t%ld\nimage_side\t%ld\nchannels\tu,v,w\n"
               "pixel_cm\t%g\ne_min_gev\t%g\ne_max_gev\t%g\nsource\t%s\nsource_kind\tdune-cvn\n"
               "crop\tcharge-weighted mean per view (no vertex in the maps)\nresponse\t%s\ncalibration\t%s\n",
            DATASET_FORMAT_VERSION, n, o->downsample, IMAGE_PIXELS / o->downsample, PIXEL_CM, o->emin, o->emax,
            o->source, response_name((enum response_kind)o->response),
            o->calibrate ? "MIP peak of track pixels matched to nutl's CC numu events" : "given (--mev-per-unit)");
    for (int v = 0; v < DUNE_CVN_VIEWS; v++) {
        fprintf(f, "mev_per_unit_%s\t%.6g\n", view_name[v], o->mev_per_unit[v]);
        if (o->calibrate)
            fprintf(f, "mip_peak_units_%s\t%.4f\nmip_peak_mev_%s\t%.4f\n", view_name[v], peaks[v][0], view_name[v],
                    peaks[v][1]);
    }
    for (int c = 0; c < N_CLASSES; c++)
        fprintf(f, "events_%s\t%d\nantineutrinos_%s\t%d\n", class_name(c), t->kept[c], class_name(c), t->anti[c]);
    fprintf(f, "outside_energy_range\t%d\n", t->outside);
    dataset_meta_digests(f, o->out);
    atomic_commit(f, path);
}

int cmd_import_dune_cvn(int argc, char **argv)
{
    options o;
    parse(argc, argv, &o);
    int n;
    tally t;
    selected *s = select_events(&o, &n, &t);
    double peaks[DUNE_CVN_VIEWS][2] = {{0}};
    if (o.calibrate) calibrate(&o, peaks);
    path_mkdir(o.out);
    write_events(&o, s, n);
    write_meta(&o, n, &t, peaks);
    printf("import dune-cvn: %d events in [%g, %g] GeV: %d numu_cc (%d antineutrinos), %d nue_cc (%d), %d nc;"
           " %d outside the range -> %s\n", n, o.emin, o.emax, t.kept[0], t.anti[0], t.kept[1], t.anti[1], t.kept[2],
           t.outside, o.out);
    free(s);
    return 0;
}
