/* nutl bench --cfg CFG --size S --batch B --iters N [--threads T] [--gemm]: training and inference speed
   of the network on random input, as the trainer runs it (forward, backward and SGD update through
   Darknet), and the process's peak memory. One warm-up iteration of each is left out; the rates come
   from the median iteration time, which other processes on a shared machine disturb least.
   --gemm runs the convolutions on Darknet's im2col + GEMM path instead of oneDNN, for comparison.
   --data SPLIT_DIR [--loader-threads T] also measures the data loader on that split (of S x S images):
   the images per second it delivers, in batches, to a consumer that only copies them out, at the
   median of N passes over the split after a warm-up pass; without --size, the loader alone. */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "core/args.h"
#include "cli/commands.h"
#include "nn/device.h"
#include "nn/loader.h"
#include "nn/conv_dnnl.h"
#include "nn/network_load.h"
#include "nn/portable.h"
#include "core/seed.h"
#include "nn/init.h"
#include "core/util.h"

#define USAGE                                                                                            \
    "nutl bench [--cfg cfg/resnet18.cfg] --size S [--batch B] --iters N [--threads T] [--seed S] [--gemm]" \
    " [--data SPLIT_DIR [--loader-threads T]] [--portable]"


/* Returns nothing; fills the network's input with N(0, 1) pixels and its truth with random one-hot
   labels, as a batch of the trainer would. */
static void bench_fill(network *net, uint64_t seed)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, seed_derive(seed, "bench-input"));
    for (long i = 0; i < (long)net->inputs * net->batch; i++) net->input[i] = gsl_ran_gaussian(r, 1.0);
    for (int b = 0; b < net->batch; b++)
        for (int k = 0; k < net->truths; k++)
            net->truth[b * net->truths + k] = k == (int)gsl_rng_uniform_int(r, net->truths);
    gsl_rng_free(r);
}

static int bench_compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Returns the median of the seconds that iters timed calls of step(arg) take, after one untimed
   warm-up call. */
static double bench_median_seconds(void (*step)(void *), void *arg, int iters)
{
    double *t = nutl_calloc((size_t)iters * sizeof *t, "bench timings");
    step(arg);
    for (int i = 0; i < iters; i++) {
        double start = seconds_now();
        step(arg);
        t[i] = seconds_now() - start;
    }
    qsort(t, (size_t)iters, sizeof *t, bench_compare);
    double median = iters % 2 ? t[iters / 2] : (t[iters / 2 - 1] + t[iters / 2]) / 2;
    free(t);
    return median;
}

/* Returns the images per second of a batch of net at the median of iters timed calls of step. */
static double bench_rate(network *net, void (*step)(void *), int iters)
{
    return net->batch / bench_median_seconds(step, net, iters);
}

/* A training step as the trainer runs it: forward, backward and SGD update on the batch. */
static void bench_train_step(void *arg)
{
    network *net = arg;
    net->train = 1;
    train_network_datum(net);
}

/* A forward pass in inference mode. */
static void bench_infer_step(void *arg)
{
    network *net = arg;
    network_predict(net, net->input);
}

/* Returns the process's peak resident set size in MiB (getrusage reports KiB on Linux). */
static double bench_peak_rss_mb(void)
{
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024.0;
}

/* One pass of the loader over a whole split, as the trainer takes it: batches copied out. */
typedef struct {
    const dataset *d;
    int *order, batch;
    input_transform t;
    float *x, *y;
} loader_pass;

static void bench_loader_pass(void *arg)
{
    loader_pass *p = arg;
    loader *l = loader_start(p->d, p->order, dataset_events(p->d), p->batch, p->t);
    while (loader_next(l, p->x, p->y) > 0) continue;
    loader_stop(l);
}

/* Returns the images per second the loader delivers on the split d in batches of batch, at the median
   of iters passes after a warm-up pass, with the trainer's default input transform. */
static double bench_loader_rate(const dataset *d, int batch, int iters)
{
    int n = dataset_events(d);
    long image = (long)dataset_channels(d) * dataset_width(d) * dataset_height(d);
    input_transform t = {.saturation_mev = input_default_saturation(d), .imagenet_normalize = 1};
    loader_pass p = {.d = d, .batch = batch, .t = t,
                     .order = nutl_calloc((size_t)n * sizeof(int), "loader order"),
                     .x = nutl_calloc((size_t)batch * image * sizeof(float), "input batch"),
                     .y = nutl_calloc((size_t)batch * N_CLASSES * sizeof(float), "label batch")};
    for (int i = 0; i < n; i++) p.order[i] = i;
    double rate = n / bench_median_seconds(bench_loader_pass, &p, iters);
    free(p.order);
    free(p.x);
    free(p.y);
    return rate;
}

/* Prints the loader's lines for the split at path, whose images must be size x size unless size is 0. */
static void bench_loader(const char *path, int size, int batch, int iters)
{
    dataset *d = dataset_open(path);
    if (size && (dataset_width(d) != size || dataset_height(d) != size))
        nutl_die("%s: images are %dx%d, not the --size %d of the network benchmark", path, dataset_width(d),
                 dataset_height(d), size);
    printf("loader_threads %d\nloader_images_per_second %.1f\n", loader_threads(),
           bench_loader_rate(d, batch, iters));
    fflush(stdout);
    dataset_close(d);
}

int cmd_bench(int argc, char **argv)
{
    char default_cfg[NUTL_PATH_MAX];
    const char *cfg = util_install_path(default_cfg, "cfg/resnet18.cfg");
    const char *data = NULL;
    int size = 0, batch = 32, iters = 0, threads = 1, gemm = 0, loader_threads = 0, portable = 0;
    uint64_t seed = 1;
    const arg_spec specs[] = {
        {"--cfg", ARG_STRING, &cfg, NULL, "FILE  the network (default: this installation's cfg/resnet18.cfg)"},
        {"--size", ARG_INT, &size, NULL, "S  image side in pixels (required without --data)"},
        {"--batch", ARG_INT, &batch, NULL, "B  images per step (default 32)"},
        {"--iters", ARG_INT, &iters, NULL, "N  timed iterations, after one warm-up (required)"},
        {"--threads", ARG_INT, &threads, NULL, "T  OpenBLAS and OpenMP threads (default 1)"},
        {"--seed", ARG_SEED, &seed, NULL, "S  seed of the weights and the random input (default 1)"},
        {"--gemm", ARG_FLAG, &gemm, NULL, " convolutions through Darknet's im2col + GEMM instead of oneDNN"},
        {"--portable", ARG_FLAG, &portable, NULL, " the kernels of portable mode (oneDNN at AVX2, OpenBLAS Haswell), to measure its cost"},
        {"--data", ARG_STRING, &data, NULL, "SPLIT_DIR  also measure the data loader on this split"},
        {"--loader-threads", ARG_INT, &loader_threads, NULL, "T  the loader's decoding threads (default: the build's)"},
        {NULL, 0, NULL, NULL, NULL},
    };
    args_parse(argc, argv, specs, NULL, 0, USAGE);
    if ((size < 1 && !data) || size < 0 || batch < 1 || iters < 1 || threads < 1)
        nutl_die("--size, --batch, --iters and --threads must be positive (usage: %s)", USAGE);

    portable_report(portable);
    device_set_threads(threads);
    loader_set_threads(loader_threads);
    if (data) bench_loader(data, size, batch, iters);
    if (!size) return 0;
    static netcfg c;
    netcfg_read(&c, cfg);
    srand((unsigned)seed);
    network *net = network_load(&c, (network_shape){.batch = batch, .width = size, .height = size});
    if (gemm) conv_dnnl_release(net);
    net->learning_rate = 0.001;
    net->momentum = 0.9;
    net->decay = 0;
    init_network(net, 0, seed, INIT_KAIMING);
    bench_fill(net, seed);

    printf("size %d\nbatch %d\niters %d\nthreads %d\nconvolutions %s\n", size, batch, iters, threads,
           gemm ? "darknet-gemm" : "onednn");
    printf("train_images_per_second %.3f\n", bench_rate(net, bench_train_step, iters));
    fflush(stdout);
    printf("infer_images_per_second %.3f\n", bench_rate(net, bench_infer_step, iters));
    printf("peak_rss_mb %.1f\n", bench_peak_rss_mb());
    network_free(net);
    return 0;
}
