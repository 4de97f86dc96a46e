#include "nn/train.h"

#include <errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nn/device.h"
#include "nn/evaluate.h"
#include "nn/init.h"
#include "nn/netcfg.h"
#include "nn/network_load.h"
#include "nn/result.h"
#include "nn/scheme.h"
#include "core/seed.h"
#include "core/util.h"
#include "nn/weights.h"


int train_balanced_order(const dataset *d, int *order)
{
    int n = dataset_events(d), filled = 0;
    int next[N_CLASSES] = {0};  /* next event of each class not yet placed */
    while (filled < n) {
        for (int c = 0; c < N_CLASSES; c++) {
            while (next[c] < n && dataset_class(d, next[c]) != c) next[c]++;
            if (next[c] < n) order[filled++] = next[c]++;
        }
    }
    return filled;
}

/* The first layer of the classifier head that has parameters: where pretrained loading stops. */
static int head_layer(const network *net, const netcfg *c)
{
    for (int i = 0; i < net->n; i++)
        if (c->group[i] == GROUP_CLASSIFIER && layer_parameters(&net->layers[i])) return i;
    nutl_die("%s: no classifier layer with parameters", c->path);
}

int train_load_pretrained(network *net, const netcfg *c, const char *path)
{
    int head = head_layer(net, c);
    long rest = weights_load(net, path, head);
    long per_class = net->layers[head].inputs + 1;
    if (rest <= 0 || rest % per_class)
        nutl_die("%s: does not match %s: %ld floats after the feature extractor, not a %ld-input head", path,
                 c->path, rest, per_class - 1);
    *net->seen = 0;
    return head;
}

typedef struct {
    dataset *train, *val, *test;
} splits;

static dataset *open_split(const char *dir, const char *name)
{
    char path[NUTL_PATH_MAX];
    path_join(path, dir, name);
    return dataset_open(path);
}

static splits open_splits(const char *dir)
{
    splits s = {open_split(dir, "train"), open_split(dir, "val"), open_split(dir, "test")};
    dataset *all[] = {s.train, s.val, s.test};
    for (int i = 1; i < 3; i++)
        if (dataset_width(all[i]) != dataset_width(s.train) || dataset_height(all[i]) != dataset_height(s.train) ||
            dataset_channels(all[i]) != dataset_channels(s.train))
            nutl_die("%s: train, val and test images differ in size", dir);
    if (dataset_width(s.train) != dataset_height(s.train) || dataset_width(s.train) < 32)
        nutl_die("%s: images are %dx%d; ResNet18 needs square images of at least 32 pixels", dir,
                 dataset_width(s.train), dataset_height(s.train));
    return s;
}

static void make_dir(const char *path)
{
    if (mkdir(path, 0777) && errno != EEXIST) nutl_die("%s: cannot create folder: %s", path, strerror(errno));
}

static int file_exists(const char *path)
{
    return access(path, F_OK) == 0;
}


/* A progress line on a terminal only: logs stay quiet. */
static void progress(int epoch, int batch, int batches, int batch_size, double loss, double lr, double rate)
{
    if (!isatty(2)) return;
    double left = rate > 0 ? (batches - batch) * batch_size / rate : 0;
    fprintf(stderr, "\repoch %d  batch %d/%d  loss %.4f  lr %.0e  %.1f img/s  epoch ends in %.0f s   ", epoch, batch,
            batches, loss, lr, rate, left);
    fflush(stderr);
}

/* Appends "epoch E: i1 i2 ..." (the events in the order they are trained) to path; a resumed epoch
   appends its line again, identical. */
static void append_order(const char *path, int epoch, const int *order, int n)
{
    FILE *f = fopen(path, "a");
    if (!f) nutl_die("%s: cannot append the training order: %s", path, strerror(errno));
    fprintf(f, "epoch %d:", epoch);
    for (int i = 0; i < n; i++) fprintf(f, " %d", order[i]);
    if (fputc('\n', f) == EOF || fclose(f)) nutl_die("%s: cannot append the training order", path);
}

/* One epoch of SGD over the first n events of order, shuffled from the seed and the epoch number.
   Returns the mean training loss; dies (keeping the last checkpoint) on a non-finite loss. */
static double train_epoch(network *net, const train_options *o, const dataset *d, const int *order, int n,
                          int epoch, double *seconds, double *loader_rate)
{
    int *shuffled = nutl_calloc((size_t)n * sizeof *shuffled, "epoch order");
    memcpy(shuffled, order, (size_t)n * sizeof *shuffled);
    char label[64];
    snprintf(label, sizeof label, "epoch-%d", epoch);
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, seed_derive(o->seed, label));
    gsl_ran_shuffle(r, shuffled, n, sizeof *shuffled);
    gsl_rng_free(r);

    int batches = n / net->batch;  /* the remainder (< one batch) sits this epoch out */
    if (o->order_out) append_order(o->order_out, epoch, shuffled, batches * net->batch);
    loader *l = loader_start(d, shuffled, batches * net->batch, net->batch, o->input);
    double start = seconds_now(), sum = 0;
    for (int b = 0; b < batches; b++) {
        loader_next(l, net->input, net->truth);
        net->train = 1;
        double loss = train_network_datum(net) / net->batch;
        if (!isfinite(loss))
            nutl_die("%s: loss is %g at epoch %d batch %d; stopped, the checkpoint of epoch %d is kept", o->out, loss,
                     epoch, b + 1, epoch - 1);
        sum += loss;
        progress(epoch, b + 1, batches, net->batch, sum / (b + 1), net->learning_rate,
                 (b + 1) * net->batch / (seconds_now() - start));
    }
    if (isatty(2)) fputc('\n', stderr);
    *loader_rate = loader_images_per_second(l);
    loader_stop(l);
    free(shuffled);
    *seconds = seconds_now() - start;
    return batches ? sum / batches : 0;
}

static void append_log(const char *dir, const char *line)
{
    char path[NUTL_PATH_MAX];
    path_join(path, dir, "train.log");
    FILE *f = fopen(path, "a");
    if (!f || fputs(line, f) < 0 || fclose(f)) nutl_die("%s: cannot append to the log", path);
}

static void train_loop(network *net, const train_options *o, const splits *s, const int *order, const char *dir,
                       checkpoint_state *ck)
{
    char ckpt[NUTL_PATH_MAX], best[NUTL_PATH_MAX];
    path_join(ckpt, dir, "checkpoint.bin");
    path_join(best, dir, "best.weights");
    while (!schedule_should_stop(&ck->sched, o->max_epochs)) {
        int epoch = ck->sched.epochs_done + 1;
        net->learning_rate = ck->sched.learning_rate;
        double seconds, loader_rate;
        double train_loss = train_epoch(net, o, s->train, order, o->train_images, epoch, &seconds, &loader_rate);
        evaluation v = evaluate_split(net, s->val, o->input, NULL);
        double lr = ck->sched.learning_rate;
        int improved = schedule_record(&ck->sched, v.loss);
        if (improved) weights_save(net, best);
        ck->train_seconds += seconds;
        ck->images_trained += (uint64_t)(o->train_images / net->batch) * net->batch;
        ck->seen = *net->seen;
        checkpoint_save(net, ck, ckpt);
        char line[512];
        snprintf(line, sizeof line,
                 "epoch %d  lr %.0e  train_loss %.5f  val_loss %.5f  val_f1 %.4f  %.1f img/s  loader %.0f img/s%s\n",
                 epoch, lr, train_loss, v.loss, confusion_macro_f1(&v.matrix),
                 seconds > 0 ? (o->train_images / net->batch) * net->batch / seconds : 0, loader_rate,
                 improved ? "  best" : "");
        fputs(line, stdout);
        fflush(stdout);
        append_log(dir, line);
    }
}

/* What the pretrained file is, for the record: the first line of FILE.source if there is one (the
   stand-in weights say so there), else the file's name and SHA-256. */
static void describe_pretrained(const char *path, char *out, size_t len)
{
    char note[NUTL_PATH_MAX];
    snprintf(note, sizeof note, "%s.source", path);
    FILE *f = fopen(note, "r");
    if (f && fgets(out, (int)len, f)) {
        out[strcspn(out, "\n")] = 0;
        fclose(f);
        return;
    }
    if (f) fclose(f);
    char hex[65];
    file_sha256(path, hex);
    const char *base = strrchr(path, '/');
    snprintf(out, len, "%s sha256:%s", base ? base + 1 : path, hex);
}

/* Holds an exclusive lock on dir/lock until the process ends, so that two trainings of one cell (a
   retried Slurm task beside a live one, say) cannot write the same files. */
static void lock_run(const char *dir)
{
    char path[NUTL_PATH_MAX];
    path_join(path, dir, "lock");
    int fd = open(path, O_RDWR | O_CREAT, 0666);
    if (fd < 0) nutl_die("%s: cannot create: %s", path, strerror(errno));
    if (flock(fd, LOCK_EX | LOCK_NB)) nutl_die("%s: another nutl train is running on this cell", dir);
}

int train_run(const train_options *opts)
{
    train_options options = *opts, *o = &options;
    char dir[NUTL_PATH_MAX], result[NUTL_PATH_MAX];
    snprintf(dir, sizeof dir, "%s.partial", o->out);
    path_join(result, o->out, "result.tsv");
    if (file_exists(result)) {
        printf("%s: already complete\n", o->out);
        return 0;
    }
    if (file_exists(o->out)) nutl_die("%s: exists but has no result.tsv; move it away to retrain", o->out);
    int pretrained = !strcmp(o->init, "pretrained"), from_file = !strcmp(o->init, "weights");
    if (!pretrained && !from_file && strcmp(o->init, "kaiming"))
        nutl_die("unknown --init '%s' (kaiming, pretrained or weights)", o->init);
    if (from_file != !!o->weights) nutl_die("--init weights and --weights FILE go together");
    if (!pretrained && o->scheme != SCHEME_ALL)
        nutl_die("scheme %s freezes layers: it needs --init pretrained", scheme_name(o->scheme));
    if (pretrained && !o->pretrained) nutl_die("--init pretrained needs --pretrained FILE");

    device_set_threads(o->threads);
    splits s = open_splits(o->data_dir);
    if (o->input.saturation_mev <= 0) o->input.saturation_mev = input_default_saturation(s.train);
    char source[1024] = "none";
    if (pretrained) describe_pretrained(o->pretrained, source, sizeof source);
    o->pretrained_source = source;
    if (o->train_images < o->batch || o->train_images > dataset_events(s.train))
        nutl_die("%s/train: --train-images %d is outside [%d, %d] (batch size, events in the set)", o->data_dir,
                 o->train_images, o->batch, dataset_events(s.train));
    static netcfg c;
    netcfg_read(&c, o->cfg);
    srand((unsigned)o->seed);
    device_configure(o->seed, o->deterministic);
    network *net = network_load(&c, (network_shape){.batch = o->batch, .width = dataset_width(s.train),
                                                     .height = dataset_height(s.train), .outputs = N_CLASSES});
    if (net->c != dataset_channels(s.train))
        nutl_die("%s: the cfg takes %d channels, the dataset has %d", o->cfg, net->c, dataset_channels(s.train));
    net->momentum = o->momentum;
    net->decay = o->decay;
    net->freeze_bn_stats = o->freeze_bn_stats;
    if (from_file) {
        if (weights_load(net, o->weights, net->n)) nutl_die("%s: more floats than %s holds", o->weights, o->cfg);
    } else if (pretrained) {
        init_torchvision(net, train_load_pretrained(net, &c, o->pretrained), o->seed);
    } else {
        init_torchvision(net, 0, o->seed);
    }
    scheme_apply(net, &c, o->scheme);

    make_dir(dir);
    lock_run(dir);
    checkpoint_state ck = {.sched = schedule_start(o->learning_rate)};
    snprintf(ck.run_key, sizeof ck.run_key, "seed %llu init %s scheme %s n %d batch %d lr %g",
             (unsigned long long)o->seed, o->init, scheme_name(o->scheme), o->train_images, o->batch,
             o->learning_rate);
    char ckpt[NUTL_PATH_MAX];
    path_join(ckpt, dir, "checkpoint.bin");
    if (checkpoint_load(net, &ck, ckpt))
        printf("%s: resuming after epoch %d\n", o->out, ck.sched.epochs_done);
    printf("%s: seed %llu, %s %s, %d training images, %dx%d, %d threads\n", o->out, (unsigned long long)o->seed,
           o->init, scheme_name(o->scheme), o->train_images, dataset_width(s.train), dataset_height(s.train),
           o->threads);

    int *order = nutl_calloc((size_t)dataset_events(s.train) * sizeof *order, "training order");
    train_balanced_order(s.train, order);
    train_loop(net, o, &s, order, dir, &ck);

    char best[NUTL_PATH_MAX];
    path_join(best, dir, "best.weights");
    if (weights_load(net, best, net->n) != 0) nutl_die("%s: size does not match %s", best, o->cfg);
    run_summary sum = {.options = o, .state = ck};
    char path[NUTL_PATH_MAX];
    path_join(path, dir, "predictions-val.tsv");
    sum.val = evaluate_to_file(net, s.val, o->input, path);
    path_join(path, dir, "predictions-test.tsv");
    sum.test = evaluate_to_file(net, s.test, o->input, path);
    file_sha256(best, sum.weights_sha256);
    result_write(dir, &sum);
    unlink(ckpt);
    path_join(path, dir, "lock");
    unlink(path);
    if (rename(dir, o->out)) nutl_die("%s: cannot rename from %s: %s", o->out, dir, strerror(errno));
    printf("%s: done, best epoch %d, val F1 %.4f, test F1 %.4f\n", o->out, ck.sched.best_epoch,
           confusion_macro_f1(&sum.val.matrix), confusion_macro_f1(&sum.test.matrix));
    free(order);
    network_free(net);
    dataset_close(s.train);
    dataset_close(s.val);
    dataset_close(s.test);
    return 0;
}
