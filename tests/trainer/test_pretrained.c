/* Pretrained initialisation and freezing through `nutl train`:
   - every layer below the head loaded from a 1000-class weights file equals the file's values (weights,
     biases, BN scales and running statistics, all made non-trivial here);
   - the 3-class head is freshly initialised, not copied;
   - after training with --scheme freeze2, layer0 and layer1 hold the file's weights, biases and scales
     byte for byte, and every layer of layer2..layer4 and the head changed. */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "nn/netcfg.h"
#include "nn/network_load.h"
#include "nn/scheme.h"
#include "nn/init.h"
#include "nn/train.h"
#include "core/util.h"
#include "nn/weights.h"

static int same(const float *a, const float *b, long n)
{
    return !memcmp(a, b, n * sizeof(float));
}

/* A 1000-class network whose every stored parameter is random, saved as the "pretrained" file. */
static network *make_pretrained(const char *path)
{
    static netcfg c;
    netcfg_read(&c, "cfg/resnet18-imagenet.cfg");
    network *net = network_load(&c, (network_shape){.batch = 1, .width = 32, .height = 32});
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    for (int i = 0; i < net->n; i++) {
        layer *l = &net->layers[i];
        if (!layer_parameters(l)) continue;
        for (long k = 0; k < layer_weights(l); k++) l->weights[k] = gsl_ran_gaussian(r, 0.05);
        for (int k = 0; k < l->out_c; k++) {
            l->biases[k] = gsl_ran_gaussian(r, 0.1);
            if (!l->batch_normalize) continue;
            l->scales[k] = 1 + gsl_ran_gaussian(r, 0.1);
            l->rolling_mean[k] = gsl_ran_gaussian(r, 0.1);
            l->rolling_variance[k] = 0.5 + gsl_rng_uniform(r);
        }
    }
    gsl_rng_free(r);
    weights_save(net, path);
    return net;
}

static void check_loaded(const network *p, const network *n, int head)
{
    for (int i = 0; i < head; i++) {
        const layer *a = &p->layers[i], *b = &n->layers[i];
        if (!layer_parameters(a)) continue;
        REQUIRE(same(a->weights, b->weights, layer_weights(a)) && same(a->biases, b->biases, a->out_c), "layer %d", i);
        if (a->batch_normalize)
            REQUIRE(same(a->scales, b->scales, a->out_c) && same(a->rolling_mean, b->rolling_mean, a->out_c) &&
                  same(a->rolling_variance, b->rolling_variance, a->out_c), "layer %d batch norm", i);
    }
    REQUIRE(!same(p->layers[head].weights, n->layers[head].weights, n->layers[head].inputs), "head copied from the file");
}

static void run(const char *command)
{
    REQUIRE(system(command) == 0, "%s", command);
}

int main(void)
{
    char dir[] = "/tmp/nutl-test-pretrained-XXXXXX", path[NUTL_PATH_MAX], command[4 * NUTL_PATH_MAX];
    REQUIRE(mkdtemp(dir), "mkdtemp");
    path_join(path, dir, "pretrained.weights");
    network *p = make_pretrained(path);

    static netcfg c;
    netcfg_read(&c, "cfg/resnet18.cfg");
    network *n = network_load(&c, (network_shape){.batch = 4, .width = 32, .height = 32, .outputs = 3});
    int head = train_load_pretrained(n, &c, path);
    init_network(n, head, 1, INIT_KAIMING);
    check_loaded(p, n, head);
    printf("loaded %d layers below the head from the file; head initialised apart\n", head);

    snprintf(command, sizeof command,
             "for s in train:60:21 val:30:22 test:30:23; do IFS=: read name k seed <<EOF\n$s\nEOF\n"
             "bin/nutl simulate --events $k --seed $seed --out %s/data/$name --downsample 7 >/dev/null || exit 1; done",
             dir);
    run(command);
    snprintf(command, sizeof command,
             "bin/nutl train %s/data --out %s/run --init pretrained --pretrained %s --scheme freeze2 "
             "--train-images 60 --batch 20 --max-epochs 2 --threads 2 >/dev/null", dir, dir, path);
    run(command);
    path_join(path, dir, "run/best.weights");
    weights_load(n, path, n->n);
    int frozen = 0, trained = 0;
    for (int i = 0; i < n->n; i++) {
        layer *a = &p->layers[i], *b = &n->layers[i];
        if (!layer_parameters(b)) continue;
        if (scheme_freezes(SCHEME_FREEZE2, c.group[i])) {
            REQUIRE(same(a->weights, b->weights, layer_weights(a)) && same(a->biases, b->biases, a->out_c) &&
                  same(a->scales, b->scales, a->out_c), "frozen layer %d changed", i);
            frozen++;
        } else {
            REQUIRE(i == head || !same(a->weights, b->weights, layer_weights(a)), "trainable layer %d unchanged", i);
            trained++;
        }
    }
    printf("after training with freeze2: %d frozen layers unchanged, %d trained layers changed\n", frozen, trained);
    snprintf(command, sizeof command, "rm -rf %s", dir);
    run(command);
    return 0;
}
