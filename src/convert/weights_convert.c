#include "convert/weights_convert.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "nn/weights.h"

#define NAME_MAX_LEN 64

/* The torchvision module names that feed one Darknet layer: conv and bn for a convolutional layer
   ("layer2.0.conv1", "layer2.0.bn1"), conv alone ("fc") for the connected one; empty for others. */
struct layer_names {
    char conv[NAME_MAX_LEN], bn[NAME_MAX_LEN];
};

struct convert {
    network *net;
    const char *cfg;
    const struct torch_checkpoint *cp;
    unsigned char *used; /* per tensor of cp: taken by a layer */
};

/* Names the convolutional layers from..to-1 of one residual block (see weights_convert.h) and advances
   *stage and *block. Returns nothing; dies naming the layer if the block has no main-branch
   convolution, a second [route], or a second convolution on its projection branch. */
static void block_name(const struct convert *cv, int from, int to, int *stage, int *block,
                       struct layer_names *names)
{
    int projection = 0;
    for (int j = from; j < to; j++) projection |= cv->net->layers[j].type == ROUTE;
    if (*stage == 0 || projection) {
        ++*stage;
        *block = 0;
    } else {
        ++*block;
    }
    int convs = 0, routes = 0, projections = 0;
    for (int j = from; j < to; j++) {
        LAYER_TYPE type = cv->net->layers[j].type;
        if ((routes += type == ROUTE) > 1)
            nutl_die("%s: layer %d: a second [route] in one residual block", cv->cfg, j);
        if (type != CONVOLUTIONAL) continue;
        if (routes && projections++)
            nutl_die("%s: layer %d: a second convolution on a projection branch", cv->cfg, j);
        if (routes) {
            snprintf(names[j].conv, NAME_MAX_LEN, "layer%d.%d.downsample.0", *stage, *block);
            snprintf(names[j].bn, NAME_MAX_LEN, "layer%d.%d.downsample.1", *stage, *block);
        } else {
            ++convs;
            snprintf(names[j].conv, NAME_MAX_LEN, "layer%d.%d.conv%d", *stage, *block, convs);
            snprintf(names[j].bn, NAME_MAX_LEN, "layer%d.%d.bn%d", *stage, *block, convs);
        }
    }
    if (!convs) nutl_die("%s: layer %d: a [shortcut] closing a block without convolutions", cv->cfg, to);
}

/* Fills names[i] for every convolutional and connected layer of the network (see weights_convert.h).
   Returns nothing; dies naming the layer where the cfg does not have torchvision's ResNet shape. */
static void names_assign(const struct convert *cv, struct layer_names *names)
{
    int stage = 0, block = 0, from = -1, connected = 0;
    for (int i = 0; i < cv->net->n; i++) {
        LAYER_TYPE type = cv->net->layers[i].type;
        if (type == CONVOLUTIONAL && from < 0) {
            strcpy(names[i].conv, "conv1");
            strcpy(names[i].bn, "bn1");
            from = i + 1;
        } else if (type == SHORTCUT) {
            if (from < 0) nutl_die("%s: layer %d: a [shortcut] before any convolution", cv->cfg, i);
            block_name(cv, from, i, &stage, &block, names);
            from = i + 1;
        } else if (type == CONNECTED) {
            if (connected++) nutl_die("%s: layer %d: a second [connected] layer (torchvision's ResNet "
                                      "has one, fc)", cv->cfg, i);
            strcpy(names[i].conv, "fc");
        }
    }
    for (int i = 0; i < cv->net->n; i++)
        if (cv->net->layers[i].type == CONVOLUTIONAL && !names[i].conv[0])
            nutl_die("%s: layer %d: a convolution outside any residual block", cv->cfg, i);
}

/* Returns buf holding shape as "[a, b, c]". */
static char *shape_format(char *buf, size_t len, int ndim, const long long *shape)
{
    size_t used = (size_t)snprintf(buf, len, "[");
    for (int d = 0; d < ndim && used < len; d++)
        used += (size_t)snprintf(buf + used, len - used, d ? ", %lld" : "%lld", shape[d]);
    if (used < len) snprintf(buf + used, len - used, "]");
    return buf;
}

/* Copies the tensor <module>.<param>, which must have the given shape, into dst and marks it used.
   Returns nothing; dies naming the tensor and the layer when it is missing or shaped otherwise. */
static void tensor_take(struct convert *cv, int layer, const char *module, const char *param, int ndim,
                        const long long *shape, float *dst)
{
    const struct torch_checkpoint *cp = cv->cp;
    char name[2 * NAME_MAX_LEN];
    snprintf(name, sizeof name, "%s.%s", module, param);
    const struct torch_tensor *t = torch_checkpoint_find(cp, name);
    if (!t) nutl_die("%s: tensor '%s' missing (layer %d of %s needs it)", cp->path, name, layer, cv->cfg);
    if (t->ndim != ndim || memcmp(t->shape, shape, (size_t)ndim * sizeof *shape)) {
        char have[128], want[128];
        nutl_die("%s: tensor '%s' has shape %s, layer %d of %s needs %s", cp->path, name,
                 shape_format(have, sizeof have, t->ndim, t->shape), layer, cv->cfg,
                 shape_format(want, sizeof want, ndim, shape));
    }
    float *x = torch_tensor_read_f32(cp, t);
    memcpy(dst, x, (size_t)torch_tensor_numel(t) * sizeof *x);
    free(x);
    cv->used[t - cp->tensors] = 1;
}

/* Fills convolutional layer i from its conv and bn tensors. Returns nothing; dies as tensor_take. */
static void conv_fill(struct convert *cv, int i, const struct layer_names *names)
{
    layer *l = &cv->net->layers[i];
    if (!l->batch_normalize)
        nutl_die("%s: layer %d: a convolution without batch_normalize (torchvision's ResNet follows "
                 "every convolution with BN)", cv->cfg, i);
    const long long w[4] = {l->n, l->c / l->groups, l->size, l->size}, v[1] = {l->n};
    tensor_take(cv, i, names->conv, "weight", 4, w, l->weights);
    tensor_take(cv, i, names->bn, "weight", 1, v, l->scales);
    tensor_take(cv, i, names->bn, "bias", 1, v, l->biases);
    tensor_take(cv, i, names->bn, "running_mean", 1, v, l->rolling_mean);
    tensor_take(cv, i, names->bn, "running_var", 1, v, l->rolling_variance);
}

/* Fills connected layer i from fc.weight and fc.bias. Returns nothing; dies as tensor_take. */
static void fc_fill(struct convert *cv, int i, const struct layer_names *names)
{
    layer *l = &cv->net->layers[i];
    if (l->batch_normalize)
        nutl_die("%s: layer %d: a [connected] layer with batch_normalize (torchvision's fc has none)",
                 cv->cfg, i);
    const long long w[2] = {l->outputs, l->inputs}, b[1] = {l->outputs};
    tensor_take(cv, i, names->conv, "weight", 2, w, l->weights);
    tensor_take(cv, i, names->conv, "bias", 1, b, l->biases);
}

/* Returns 1 if s ends with suffix, else 0. */
static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcmp(s + n - k, suffix);
}

void weights_convert_torchvision(network *net, const char *cfg, const struct torch_checkpoint *cp)
{
    struct convert cv = {.net = net, .cfg = cfg, .cp = cp};
    cv.used = nutl_calloc(cp->n, "the tensor use marks");
    struct layer_names *names = nutl_calloc((size_t)net->n * sizeof *names, "the layer names");
    names_assign(&cv, names);
    for (int i = 0; i < net->n; i++) {
        LAYER_TYPE type = net->layers[i].type;
        if (type == CONVOLUTIONAL) conv_fill(&cv, i, &names[i]);
        else if (type == CONNECTED) fc_fill(&cv, i, &names[i]);
        else if (layer_stored_floats(&net->layers[i]))
            nutl_die("%s: layer %d has parameters torchvision's ResNet has no counterpart for", cfg, i);
    }
    /* BN's num_batches_tracked counts training steps; Darknet's layers have nothing to hold it. */
    for (size_t k = 0; k < cp->n; k++)
        if (!cv.used[k] && !ends_with(cp->tensors[k].name, ".num_batches_tracked"))
            nutl_die("%s: tensor '%s' is not used by any layer of %s", cp->path, cp->tensors[k].name, cfg);
    free(names);
    free(cv.used);
}
