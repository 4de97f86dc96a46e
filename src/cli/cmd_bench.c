/* nutl bench --cfg CFG --size S --batch B --iters N [--threads T] [--gemm]: training and inference speed
   of the network on random input, as the trainer runs it (forward, backward and SGD update through
   Darknet), and the process's peak memory. One warm-up iteration of each is left out; the rates come
   from the median iteration time, which other processes on a shared machine disturb least.
   --gemm runs the convolutions on Darknet's im2col + GEMM path instead of oneDNN, for comparison. */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "core/args.h"
#include "cli/commands.h"
#include "nn/device.h"
#include "nn/conv_dnnl.h"
#include "nn/network_load.h"
#include "core/seed.h"
#include "nn/init.h"
#include "core/util.h"

#define USAGE "nutl bench [--cfg cfg/resnet18.cfg] --size S [--batch B] --iters N [--threads T] [--seed S] [--gemm]"



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

/* Returns the images per second of a batch of net at the median of iters timed calls of step, after
   one untimed warm-up call. */
static double bench_rate(network *net, void (*step)(network *), int iters)
{
    double *t = nutl_calloc((size_t)iters * sizeof *t, "bench timings");
    step(net);
    for (int i = 0; i < iters; i++) {
        double start = seconds_now();
        step(net);
        t[i] = seconds_now() - start;
    }
    qsort(t, (size_t)iters, sizeof *t, bench_compare);
    double median = iters % 2 ? t[iters / 2] : (t[iters / 2 - 1] + t[iters / 2]) / 2;
    free(t);
    return net->batch / median;
}

/* A training step as the trainer runs it: forward, backward and SGD update on the batch. */
static void bench_train_step(network *net)
{
    net->train = 1;
    train_network_datum(net);
}

/* A forward pass in inference mode. */
static void bench_infer_step(network *net)
{
    network_predict(net, net->input);
}

/* Returns the process's peak resident set size in MiB (getrusage reports KiB on Linux). */
static double bench_peak_rss_mb(void)
{
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024.0;
}

int cmd_bench(int argc, char **argv)
{
    const char *cfg = "cfg/resnet18.cfg";
    int size = 0, batch = 32, iters = 0, threads = 1, gemm = 0;
    uint64_t seed = 1;
    const arg_spec specs[] = {
        {"--cfg", ARG_STRING, &cfg, NULL},
        {"--size", ARG_INT, &size, NULL},
        {"--batch", ARG_INT, &batch, NULL},
        {"--iters", ARG_INT, &iters, NULL},
        {"--threads", ARG_INT, &threads, NULL},
        {"--seed", ARG_SEED, &seed, NULL},
        {"--gemm", ARG_FLAG, &gemm, NULL},
        {NULL, ARG_STRING, NULL, NULL},
    };
    args_parse(argc, argv, specs, NULL, USAGE);
    if (size < 1 || batch < 1 || iters < 1 || threads < 1)
        nutl_die("--size, --batch, --iters and --threads must be positive (usage: %s)", USAGE);

    device_set_threads(threads);
    static netcfg c;
    netcfg_read(&c, cfg);
    srand((unsigned)seed);
    network *net = network_load(&c, (network_shape){.batch = batch, .width = size, .height = size});
    if (gemm) conv_dnnl_release(net);
    net->learning_rate = 0.001;
    net->momentum = 0.9;
    net->decay = 0;
    init_torchvision(net, 0, seed);
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
