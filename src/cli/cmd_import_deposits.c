/* nutl import deposits FILE --out SPLIT [--downsample K] [--format tsv|hdf5]: the 3D energy deposits of
   events simulated elsewhere (any Geant4 application; layouts in datasets/FORMAT.md), imaged as nutl
   images its own events (same views, pixels and crop, no detector response) into a split: events.bin,
   truth.tsv, meta.tsv. The file is read twice, to check it and count its events, then to image them one
   at a time, so bad input stops before anything is written and memory holds one event. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "core/args.h"
#include "core/classes.h"
#include "core/digest.h"
#include "core/util.h"
#include "import/deposits.h"
#include "sim/dataset.h"
#include "sim/sim_constants.h"

static const char usage[] = "nutl import deposits FILE --out SPLIT [--downsample K] [--format tsv|hdf5]";

typedef struct {
    const char *file, *out;
    long downsample;
    int format; /* enum deposits_format */
} options;

static void parse(int argc, char **argv, options *o)
{
    *o = (options){.downsample = 1};
    const char *format = NULL;
    const arg_spec specs[] = {
        {"--out", ARG_STRING, &o->out, NULL, "SPLIT  the split's folder (required)"},
        {"--downsample", ARG_LONG, &o->downsample, NULL, "K  sum K x K pixel blocks: 224 / K pixel images (default 1)"},
        {"--format", ARG_STRING, &format, NULL, "tsv|hdf5  the file's layout (default: by its extension, .tsv, .h5 or .hdf5)"},
        {NULL, 0, NULL, NULL, NULL},
    };
    args_parse(argc, argv, specs, &o->file, 1, usage);
    if (!o->file || !o->out) nutl_die("usage: %s", usage);
    if (o->downsample < 1 || o->downsample > IMAGE_PIXELS || IMAGE_PIXELS % o->downsample)
        nutl_die("import deposits: --downsample %ld does not divide %d", o->downsample, IMAGE_PIXELS);
    if (format && (o->format = deposits_format_parse(format)) < 0)
        nutl_die("%s: --format '%s' is not tsv or hdf5", o->file, format);
    if (!format && (o->format = deposits_format_of_path(o->file)) < 0)
        nutl_die("%s: cannot tell the layout from the extension (.tsv, .h5, .hdf5): give --format tsv|hdf5", o->file);
}

/* Returns the number of events in the file, reading every one (which checks them all). */
static long count_events(deposits_file *f, const char *path)
{
    deposits_event ev;
    const deposit *dep;
    int n;
    long events = 0;
    while (deposits_next(f, &ev, &dep, &n)) events++;
    if (!events) nutl_die("%s: no events", path);
    if (events > 100000000) nutl_die("%s: %ld events, more than a split holds (10^8)", path, events);
    deposits_rewind(f);
    return events;
}

static void truth_header(FILE *f)
{
    fputs("event_id\tclass\ttrue_energy_gev\tvisible_energy_gev\timage_energy_gev\tn_deposits\thits_u\thits_v\thits_w"
          "\tvertex_x\tvertex_y\tvertex_z\n", f);
}

static void truth_line(FILE *f, const deposits_event *ev, int n_dep, const deposits_summary *s)
{
    fprintf(f, "%" PRId64 "\t%s\t%.6f\t%.6f\t%.6f\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\n", ev->id, class_name(ev->cls),
            ev->energy_gev, s->visible_mev * 1e-3, s->image_mev * 1e-3, n_dep, s->hits[0], s->hits[1], s->hits[2],
            ev->vertex[0], ev->vertex[1], ev->vertex[2]);
}

/* Images every event of f into the split's events.bin and truth.tsv. */
static void import_events(deposits_file *f, const options *o, long events)
{
    int side = IMAGE_PIXELS / (int)o->downsample;
    char truth_path[NUTL_PATH_MAX];
    path_join(truth_path, o->out, DATASET_TRUTH_FILE);
    FILE *truth = atomic_open(truth_path);
    truth_header(truth);
    dataset_writer *w = dataset_create(o->out, (int)events, side, (int)o->downsample, 0);
    float *image = nutl_calloc(sizeof *image * N_VIEWS * (size_t)side * side, "image");
    unsigned char *record = NULL;
    size_t cap = 0;
    deposits_event ev;
    const deposit *dep;
    int n;
    for (int i = 0; deposits_next(f, &ev, &dep, &n); i++) {
        deposits_summary s;
        deposits_image(dep, n, ev.vertex, (int)o->downsample, image, &s);
        size_t len = dataset_encode(image, side, i, &record, &cap);
        dataset_append(w, i, ev.cls, ev.energy_gev, ev.id, record, len);
        truth_line(truth, &ev, n, &s);
    }
    dataset_commit(w);
    atomic_commit(truth, truth_path);
    free(record);
    free(image);
}

static void write_meta(const options *o, long events)
{
    char path[NUTL_PATH_MAX], source_hex[65];
    path_join(path, o->out, DATASET_META_FILE);
    file_sha256(o->file, source_hex);
    FILE *f = atomic_open(path);
    fprintf(f, "format_version\t%d\nevents\t%ld\nsource\t%s\nsource_kind\tdeposits\nsource_format\t%s\nsource_sha256\t%s\n"
               "downsample\t%ld\n"
               "image_side\t%ld\nchannels\tu,v,w\npixel_cm\t%g\ncrop\tenergy-weighted mean, vertex >= %d px inside\n"
               "response\tideal\n",
            DATASET_FORMAT_VERSION, events, o->file, deposits_format_name(o->format), source_hex, o->downsample,
            IMAGE_PIXELS / o->downsample, PIXEL_CM, CROP_VERTEX_MARGIN);
    dataset_meta_digests(f, o->out);
    atomic_commit(f, path);
}

int cmd_import_deposits(int argc, char **argv)
{
    options o;
    parse(argc, argv, &o);
    deposits_file *f = deposits_open(o.file, o.format);
    long events = count_events(f, o.file);
    path_mkdir(o.out);
    import_events(f, &o, events);
    deposits_close(f);
    write_meta(&o, events);
    printf("import deposits: %ld events from %s into %s\n", events, o.file, o.out);
    return 0;
}
