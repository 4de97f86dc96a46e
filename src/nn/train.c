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
#include <unistd.h>

#include "nn/device.h"
#include "nn/evaluate.h"
#include "nn/init.h"
#include "nn/netcfg.h"
#include "nn/network_load.h"
#include "nn/result.h"
#include "nn/scheme.h"
#include "core/digest.h"
#include "core/records.h"
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

static int file_exists(const char *path)
{
    return access(path, F_OK) == 0;
}

/* Where an epoch stands, for its progress lines. */
typedef struct {
    int epoch, batches, batch_size;
    double start, next;         /* seconds_now() at the start, and when the next line is due */
} epoch_progress;

/* Prints a progress line to stderr (a terminal or a log alike) once every o->progress_seconds: images
   done, the rate so far and the time the epoch has left. Short epochs print none. */
static void progress(epoch_progress *p, const train_options *o, int batch, double loss)
{
    double now = seconds_now();
    if (now < p->next) return;
    p->next = now + o->progress_seconds;
    double rate = batch * p->batch_size / (now - p->start);
    fprintf(stderr, "%s: epoch %d: %d/%d images, loss %.4f, %.1f img/s, %.0f s left\n", o->out, p->epoch,
            batch * p->batch_size, p->batches * p->batch_size, loss, rate,
            rate > 0 ? (p->batches - batch) * p->batch_size / rate : 0);
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
    epoch_progress p = {epoch, batches, net->batch, start, start + o->progress_seconds};
    for (int b = 0; b < batches; b++) {
        loader_next(l, net->input, net->truth);
        net->train = 1;
        double loss = train_network_datum(net) / net->batch;
        if (!isfinite(loss))
            nutl_die("%s: loss is %g at epoch %d batch %d; stopped, the checkpoint of epoch %d is kept", o->out, loss,
                     epoch, b + 1, epoch - 1);
        sum += loss;
        progress(&p, o, b + 1, sum / (b + 1));
    }
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

/* Trains epoch after epoch until the schedule says stop (the paper's protocol): after each, the validation
   loss steers the schedule, the best weights are kept, and a checkpoint and a log line are written. */
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

/* One training in progress: its options (completed by the checks), data, network and state. */
typedef struct {
    train_options o;
    char dir[NUTL_PATH_MAX];            /* <out>.partial until complete */
    char ckpt[NUTL_PATH_MAX];           /* dir/checkpoint.bin */
    char pretrained_source[1024];
    splits s;
    netcfg cfg;
    network *net;
    checkpoint_state ck;
    int *order;                         /* the nested subsets' order of the training events */
} training;

/* Dies with a one-line message on options that contradict each other (before any data is read). */
static void check_init(const train_options *o)
{
    int pretrained = !strcmp(o->init, "pretrained"), from_file = !strcmp(o->init, "weights");
    if (!pretrained && !from_file && init_rule_parse(o->init) < 0)
        nutl_die("unknown --init '%s' (kaiming, kaiming-fan-in, pretrained or weights)", o->init);
    if (from_file != !!o->weights) nutl_die("--init weights and --weights FILE go together");
    if (!pretrained && o->scheme != SCHEME_ALL)
        nutl_die("scheme %s freezes layers: it needs --init pretrained", scheme_name(o->scheme));
    if (pretrained && !o->pretrained) nutl_die("--init pretrained needs --pretrained FILE");
}

/* Opens the data and completes the options from it: the default input saturation, what the pretrained
   file is; dies if the training subset does not fit the training set. */
static void open_data(training *t)
{
    train_options *o = &t->o;
    t->s = open_splits(o->data_dir);
    if (o->input.saturation_mev <= 0) o->input.saturation_mev = input_default_saturation(t->s.train);
    snprintf(t->pretrained_source, sizeof t->pretrained_source, "none");
    if (!strcmp(o->init, "pretrained"))
        describe_pretrained(o->pretrained, t->pretrained_source, sizeof t->pretrained_source);
    o->pretrained_source = t->pretrained_source;
    if (o->train_images < o->batch || o->train_images > dataset_events(t->s.train))
        nutl_die("%s/train: --train-images %d is outside [%d, %d] (batch size, events in the set)", o->data_dir,
                 o->train_images, o->batch, dataset_events(t->s.train));
}

/* Builds the network of the cfg for the data and gives it its initial weights: the pretrained feature
   extractor and a Kaiming head, or a Kaiming rule everywhere; then freezes the scheme's layers. */
static void build_network(training *t)
{
    const train_options *o = &t->o;
    netcfg_read(&t->cfg, o->cfg);
    srand((unsigned)o->seed);
    device_configure(o->seed, o->deterministic);
    network *net = network_load(&t->cfg, (network_shape){.batch = o->batch, .width = dataset_width(t->s.train),
                                                          .height = dataset_height(t->s.train), .outputs = N_CLASSES});
    if (net->c != dataset_channels(t->s.train))
        nutl_die("%s: the cfg takes %d channels, the dataset has %d", o->cfg, net->c, dataset_channels(t->s.train));
    net->momentum = o->momentum;
    net->decay = o->decay;
    net->freeze_bn_stats = o->freeze_bn_stats;
    if (!strcmp(o->init, "weights")) {
        if (weights_load(net, o->weights, net->n)) nutl_die("%s: more floats than %s holds", o->weights, o->cfg);
    } else {
        int pretrained = !strcmp(o->init, "pretrained");  /* its new head: torchvision's rule */
        int first_random = pretrained ? train_load_pretrained(net, &t->cfg, o->pretrained) : 0;
        init_network(net, first_random, o->seed, pretrained ? INIT_KAIMING : init_rule_parse(o->init));
    }
    scheme_apply(net, &t->cfg, o->scheme);
    t->net = net;
}

/* Appends to key (len bytes) the first 16 hex digits of the SHA-256 of the training and validation
   events: a checkpoint of the same network on other events (the split simulated again since) is refused
   rather than resumed on them. */
static void run_key_add_events(char *key, size_t len, const char *data_dir)
{
    char train[NUTL_PATH_MAX], val[NUTL_PATH_MAX], train_hex[65], val_hex[65], truth_hex[65];
    path_join(train, data_dir, "train");
    path_join(val, data_dir, "val");
    dataset_digests(train, train_hex, truth_hex);
    dataset_digests(val, val_hex, truth_hex);
    snprintf(key, len, " events train %.16s val %.16s", train_hex, val_hex);
}

/* Claims the run folder and resumes from its checkpoint if it has one, else starts the schedule. */
static void start_or_resume(training *t)
{
    const train_options *o = &t->o;
    path_mkdir(t->dir);
    lock_run(t->dir);
    t->ck = (checkpoint_state){.sched = schedule_start(o->learning_rate)};
    /* A checkpoint of the same network trained on other inputs is refused; the saturating scale, the
       only one before encodings existed, adds nothing, so those checkpoints resume as before. */
    int n = snprintf(t->ck.run_key, sizeof t->ck.run_key, "seed %llu init %s scheme %s n %d batch %d lr %g",
                     (unsigned long long)o->seed, o->init, scheme_name(o->scheme), o->train_images, o->batch,
                     o->learning_rate);
    if (o->input.encoding != INPUT_SATURATING)
        n += snprintf(t->ck.run_key + n, sizeof t->ck.run_key - n, " encoding %s", input_encoding_name(o->input.encoding));
    run_key_add_events(t->ck.run_key + n, sizeof t->ck.run_key - n, o->data_dir);
    path_join(t->ckpt, t->dir, "checkpoint.bin");
    if (checkpoint_load(t->net, &t->ck, t->ckpt))
        printf("%s: resuming after epoch %d\n", o->out, t->ck.sched.epochs_done);
    printf("%s: seed %llu, %s %s, %d training images, %dx%d, %d threads\n", o->out, (unsigned long long)o->seed,
           o->init, scheme_name(o->scheme), o->train_images, dataset_width(t->s.train), dataset_height(t->s.train),
           o->threads);
    fflush(stdout);  /* in a log too: the run has started and holds its folder */
}

/* Evaluates the best-validation weights on the validation and test sets, writes the predictions and the
   result record, and renames the folder to its final name: the run is complete. */
static void finish(training *t)
{
    const train_options *o = &t->o;
    char best[NUTL_PATH_MAX], path[NUTL_PATH_MAX];
    path_join(best, t->dir, "best.weights");
    if (weights_load(t->net, best, t->net->n) != 0) nutl_die("%s: size does not match %s", best, o->cfg);
    run_summary sum = {.options = o, .state = t->ck};
    path_join(path, t->dir, "predictions-val.tsv");
    sum.val = evaluate_to_file(t->net, t->s.val, o->input, path);
    path_join(path, t->dir, "predictions-test.tsv");
    sum.test = evaluate_to_file(t->net, t->s.test, o->input, path);
    file_sha256(best, sum.weights_sha256);
    result_write(t->dir, &sum);
    unlink(t->ckpt);
    path_join(path, t->dir, "lock");
    unlink(path);
    if (rename(t->dir, o->out)) nutl_die("%s: cannot rename from %s: %s", o->out, t->dir, strerror(errno));
    printf("%s: done, best epoch %d, val F1 %.4f, test F1 %.4f\n", o->out, t->ck.sched.best_epoch,
           confusion_macro_f1(&sum.val.matrix), confusion_macro_f1(&sum.test.matrix));
}

/* Frees t and the data and network it holds. */
static void free_training(training *t)
{
    free(t->order);
    network_free(t->net);
    dataset_close(t->s.train);
    dataset_close(t->s.val);
    dataset_close(t->s.test);
    free(t);
}

/* Returns 1 (saying so) if o->out is a complete run; dies if it exists without being one. */
static int already_complete(const train_options *o)
{
    char result[NUTL_PATH_MAX];
    path_join(result, o->out, RECORDS_RESULT_FILE);
    if (file_exists(result)) {
        printf("%s: already complete\n", o->out);
        return 1;
    }
    if (file_exists(o->out)) nutl_die("%s: exists but has no result.tsv; move it away to retrain", o->out);
    return 0;
}

int train_run(const train_options *opts)
{
    if (already_complete(opts)) return 0;
    check_init(opts);
    training *t = nutl_calloc(sizeof *t, "training");
    t->o = *opts;
    snprintf(t->dir, sizeof t->dir, "%s.partial", opts->out);
    device_set_threads(t->o.threads);
    open_data(t);
    build_network(t);
    start_or_resume(t);
    t->order = nutl_calloc((size_t)dataset_events(t->s.train) * sizeof *t->order, "training order");
    train_balanced_order(t->s.train, t->order);
    train_loop(t->net, &t->o, &t->s, t->order, t->dir, &t->ck);
    finish(t);
    free_training(t);
    return 0;
}
