#include "nn/conv_dnnl.h"

#include <dnnl.h>
#include <dnnl_debug.h>
#include <stdlib.h>

/* Darknet's own layer code (its src/ headers): batch norm, bias, activations and the GEMM path. */
#include "activations.h"
#include "batchnorm_layer.h"
#include "convolutional_layer.h"
#include "core/util.h"

/* Scratch buffers shared by every convolution of a network: a layer's tensors in oneDNN's layouts live
   there only while its primitive runs. The input-gradient reuses the input's slot (the input is not
   needed once the weight gradient is computed). */
enum { SLOT_SRC, SLOT_DST, SLOT_WEIGHTS, SLOT_DIFF_WEIGHTS, N_SLOTS };

/* One tensor argument of a primitive: the memory in the primitive's layout (inner) and, when that is
   not Darknet's plain NCHW / OIHW layout, or the result must be added to what Darknet's buffer holds,
   the reorder between it and the plain memory. */
typedef struct {
    dnnl_memory_t plain, inner;
    dnnl_primitive_t reorder;   /* NULL: inner is the plain buffer itself */
    int slot;
} conv_arg;

/* The arguments of the forward (F_), weight-gradient (W_) and input-gradient (D_) primitives. */
enum { F_SRC, F_WEIGHTS, F_DST, W_SRC, W_DIFF_DST, W_DIFF_WEIGHTS, D_DIFF_DST, D_WEIGHTS, D_DIFF_SRC, N_ARGS };

typedef struct {
    const float *weights;   /* the layer's weight array: identifies the layer in forward and backward */
    dnnl_primitive_t fwd, bwd_data, bwd_weights;
    conv_arg arg[N_ARGS];
    int same_diff_dst;      /* both gradients take the output gradient in one layout: reorder it once */
} conv_plan;

typedef struct conv_net {
    const network *net;
    conv_plan *plans;
    int n;
    void *slot[N_SLOTS];
    struct conv_net *next;
} conv_net;

static conv_net *nets;
static dnnl_engine_t engine;
static dnnl_stream_t stream;

/* Returns nothing; dies naming the oneDNN call and its status unless it succeeded. */
static void dnnl_check(dnnl_status_t s, const char *what)
{
    if (s != dnnl_success) nutl_die("oneDNN: %s failed: %s", what, dnnl_status2str(s));
}

/* Returns a plain-layout (NCHW or OIHW) f32 descriptor of the given dims. */
static dnnl_memory_desc_t desc_plain(int n, int c, int h, int w)
{
    dnnl_memory_desc_t md;
    dnnl_dims_t dims = {n, c, h, w};
    dnnl_check(dnnl_memory_desc_init_by_tag(&md, 4, dims, dnnl_f32, dnnl_nchw), "memory_desc_init_by_tag");
    return md;
}

/* Returns a descriptor of the given dims whose layout oneDNN chooses. */
static dnnl_memory_desc_t desc_any(int n, int c, int h, int w)
{
    dnnl_memory_desc_t md;
    dnnl_dims_t dims = {n, c, h, w};
    dnnl_check(dnnl_memory_desc_init_by_tag(&md, 4, dims, dnnl_f32, dnnl_format_tag_any), "memory_desc_init_by_tag");
    return md;
}

static dnnl_memory_t memory_make(const dnnl_memory_desc_t *md)
{
    dnnl_memory_t m;
    dnnl_check(dnnl_memory_create(&m, md, engine, DNNL_MEMORY_NONE), "memory_create");
    return m;
}

/* Returns the reorder from memory desc `from` to `to`; with accumulate, it adds to what `to` holds. */
static dnnl_primitive_t reorder_make(const dnnl_memory_desc_t *from, const dnnl_memory_desc_t *to, int accumulate)
{
    dnnl_primitive_attr_t attr;
    dnnl_post_ops_t ops;
    dnnl_check(dnnl_primitive_attr_create(&attr), "primitive_attr_create");
    dnnl_check(dnnl_post_ops_create(&ops), "post_ops_create");
    if (accumulate) dnnl_check(dnnl_post_ops_append_sum(ops, 1.0f), "post_ops_append_sum");
    dnnl_check(dnnl_primitive_attr_set_post_ops(attr, ops), "primitive_attr_set_post_ops");
    dnnl_primitive_desc_t pd;
    dnnl_check(dnnl_reorder_primitive_desc_create(&pd, from, engine, to, engine, attr), "reorder_primitive_desc_create");
    dnnl_primitive_t p;
    dnnl_check(dnnl_primitive_create(&p, pd), "primitive_create (reorder)");
    dnnl_primitive_desc_destroy(pd);
    dnnl_post_ops_destroy(ops);
    dnnl_primitive_attr_destroy(attr);
    return p;
}

/* Returns the argument `what` of primitive pd, given Darknet's plain descriptor of it. An input is
   reordered from plain to inner, an output from inner to plain (added to it with accumulate). */
static conv_arg arg_make(const_dnnl_primitive_desc_t pd, dnnl_query_t what, const dnnl_memory_desc_t *plain,
                         int output, int accumulate, int slot, size_t *slot_size)
{
    const dnnl_memory_desc_t *inner = dnnl_primitive_desc_query_md(pd, what, 0);
    conv_arg a = {.plain = memory_make(plain), .slot = slot};
    if (!accumulate && dnnl_memory_desc_equal(inner, plain)) {
        a.inner = a.plain;
        return a;
    }
    a.inner = memory_make(inner);
    a.reorder = output ? reorder_make(inner, plain, accumulate) : reorder_make(plain, inner, 0);
    size_t size = dnnl_memory_desc_get_size(inner);
    if (size > slot_size[slot]) slot_size[slot] = size;
    return a;
}

static void primitive_run(dnnl_primitive_t p, int nargs, const dnnl_exec_arg_t *args)
{
    dnnl_check(dnnl_primitive_execute(p, stream, nargs, args), "primitive_execute");
}

static void reorder_run(dnnl_primitive_t p, dnnl_memory_t from, dnnl_memory_t to)
{
    dnnl_exec_arg_t args[] = {{DNNL_ARG_FROM, from}, {DNNL_ARG_TO, to}};
    primitive_run(p, 2, args);
}

/* Returns the memory to give the primitive for input a holding data: data itself, or its reorder. */
static dnnl_memory_t arg_in(const conv_arg *a, float *data)
{
    dnnl_check(dnnl_memory_set_data_handle(a->plain, data), "memory_set_data_handle");
    if (a->reorder) reorder_run(a->reorder, a->plain, a->inner);
    return a->inner;
}

/* Returns the memory to give the primitive for output a destined for data. */
static dnnl_memory_t arg_out(const conv_arg *a, float *data)
{
    dnnl_check(dnnl_memory_set_data_handle(a->plain, data), "memory_set_data_handle");
    return a->inner;
}

/* Returns nothing; moves output a into Darknet's buffer once its primitive has run. */
static void arg_finish(const conv_arg *a)
{
    if (a->reorder) reorder_run(a->reorder, a->inner, a->plain);
}

static conv_plan *plan_find(const layer *l)
{
    for (conv_net *c = nets; c; c = c->next)
        for (int i = 0; i < c->n; i++)
            if (c->plans[i].weights == l->weights) return &c->plans[i];
    nutl_die("oneDNN: a convolution that conv_dnnl_attach did not see");
}

static void conv_dnnl_forward(layer l, network net)
{
    conv_plan *p = plan_find(&l);
    dnnl_exec_arg_t args[] = {
        {DNNL_ARG_SRC, arg_in(&p->arg[F_SRC], net.input)},
        {DNNL_ARG_WEIGHTS, arg_in(&p->arg[F_WEIGHTS], l.weights)},
        {DNNL_ARG_DST, arg_out(&p->arg[F_DST], l.output)},
    };
    primitive_run(p->fwd, 3, args);
    arg_finish(&p->arg[F_DST]);
    if (l.batch_normalize) forward_batchnorm_layer(l, net);
    else add_bias(l.output, l.biases, l.batch, l.n, l.out_h * l.out_w);
    activate_array(l.output, l.outputs * l.batch, l.activation);
}

/* Returns nothing; adds the weight gradient of the batch to l.weight_updates, and the input gradient
   to net.delta when there is one (Darknet's buffers accumulate, as its GEMM path does). */
static void conv_dnnl_backward(layer l, network net)
{
    conv_plan *p = plan_find(&l);
    gradient_array(l.output, l.outputs * l.batch, l.activation, l.delta);
    if (l.batch_normalize) backward_batchnorm_layer(l, net);
    else backward_bias(l.bias_updates, l.delta, l.batch, l.n, l.out_h * l.out_w);

    dnnl_exec_arg_t w[] = {
        {DNNL_ARG_DIFF_DST, arg_in(&p->arg[W_DIFF_DST], l.delta)},
        {DNNL_ARG_SRC, arg_in(&p->arg[W_SRC], net.input)},
        {DNNL_ARG_DIFF_WEIGHTS, arg_out(&p->arg[W_DIFF_WEIGHTS], l.weight_updates)},
    };
    primitive_run(p->bwd_weights, 3, w);
    arg_finish(&p->arg[W_DIFF_WEIGHTS]);
    if (!net.delta) return;
    dnnl_exec_arg_t d[] = {
        {DNNL_ARG_DIFF_DST, p->same_diff_dst ? w[0].memory : arg_in(&p->arg[D_DIFF_DST], l.delta)},
        {DNNL_ARG_WEIGHTS, arg_in(&p->arg[D_WEIGHTS], l.weights)},
        {DNNL_ARG_DIFF_SRC, arg_out(&p->arg[D_DIFF_SRC], net.delta)},
    };
    primitive_run(p->bwd_data, 3, d);
    arg_finish(&p->arg[D_DIFF_SRC]);
}

static dnnl_primitive_t primitive_make(const_dnnl_op_desc_t desc, const_dnnl_primitive_desc_t hint,
                                       dnnl_primitive_desc_t *pd)
{
    dnnl_check(dnnl_primitive_desc_create(pd, desc, NULL, engine, hint), "primitive_desc_create (convolution)");
    dnnl_primitive_t p;
    dnnl_check(dnnl_primitive_create(&p, *pd), "primitive_create (convolution)");
    return p;
}

/* Returns the plan of convolution l: its three primitives and their arguments; grows slot_size to
   what its reordered arguments need. */
static conv_plan plan_make(const layer *l, size_t *slot_size)
{
    conv_plan p = {.weights = l->weights};
    dnnl_memory_desc_t src = desc_plain(l->batch, l->c, l->h, l->w), dst = desc_plain(l->batch, l->n, l->out_h, l->out_w),
                       wts = desc_plain(l->n, l->c, l->size, l->size);
    dnnl_memory_desc_t src_any = desc_any(l->batch, l->c, l->h, l->w),
                       dst_any = desc_any(l->batch, l->n, l->out_h, l->out_w),
                       wts_any = desc_any(l->n, l->c, l->size, l->size);
    dnnl_dims_t strides = {l->stride, l->stride}, pad_l = {l->pad, l->pad};
    /* oneDNN wants the padding on each side; Darknet's output size implies the bottom/right one. */
    dnnl_dims_t pad_r = {(l->out_h - 1) * l->stride + l->size - l->h - l->pad,
                         (l->out_w - 1) * l->stride + l->size - l->w - l->pad};
    dnnl_convolution_desc_t fd, wd, dd;
    dnnl_primitive_desc_t fpd, wpd, dpd;
    dnnl_check(dnnl_convolution_forward_desc_init(&fd, dnnl_forward_training, dnnl_convolution_direct, &src_any,
                                                  &wts_any, NULL, &dst_any, strides, pad_l, pad_r),
               "convolution_forward_desc_init");
    p.fwd = primitive_make(&fd, NULL, &fpd);
    dnnl_check(dnnl_convolution_backward_weights_desc_init(&wd, dnnl_convolution_direct, &src_any, &wts_any, NULL,
                                                           &dst_any, strides, pad_l, pad_r),
               "convolution_backward_weights_desc_init");
    p.bwd_weights = primitive_make(&wd, fpd, &wpd);
    dnnl_check(dnnl_convolution_backward_data_desc_init(&dd, dnnl_convolution_direct, &src_any, &wts_any, &dst_any,
                                                        strides, pad_l, pad_r),
               "convolution_backward_data_desc_init");
    p.bwd_data = primitive_make(&dd, fpd, &dpd);

    p.arg[F_SRC] = arg_make(fpd, dnnl_query_src_md, &src, 0, 0, SLOT_SRC, slot_size);
    p.arg[F_WEIGHTS] = arg_make(fpd, dnnl_query_weights_md, &wts, 0, 0, SLOT_WEIGHTS, slot_size);
    p.arg[F_DST] = arg_make(fpd, dnnl_query_dst_md, &dst, 1, 0, SLOT_DST, slot_size);
    p.arg[W_SRC] = arg_make(wpd, dnnl_query_src_md, &src, 0, 0, SLOT_SRC, slot_size);
    p.arg[W_DIFF_DST] = arg_make(wpd, dnnl_query_diff_dst_md, &dst, 0, 0, SLOT_DST, slot_size);
    p.arg[W_DIFF_WEIGHTS] = arg_make(wpd, dnnl_query_diff_weights_md, &wts, 1, 1, SLOT_DIFF_WEIGHTS, slot_size);
    p.arg[D_DIFF_DST] = arg_make(dpd, dnnl_query_diff_dst_md, &dst, 0, 0, SLOT_DST, slot_size);
    p.arg[D_WEIGHTS] = arg_make(dpd, dnnl_query_weights_md, &wts, 0, 0, SLOT_WEIGHTS, slot_size);
    p.arg[D_DIFF_SRC] = arg_make(dpd, dnnl_query_diff_src_md, &src, 1, 1, SLOT_SRC, slot_size);
    p.same_diff_dst = dnnl_memory_desc_equal(dnnl_primitive_desc_query_md(wpd, dnnl_query_diff_dst_md, 0),
                                             dnnl_primitive_desc_query_md(dpd, dnnl_query_diff_dst_md, 0));
    dnnl_primitive_desc_destroy(fpd);
    dnnl_primitive_desc_destroy(wpd);
    dnnl_primitive_desc_destroy(dpd);
    return p;
}

/* Returns nothing; points every reordered argument's inner memory at its scratch slot. */
static void plan_bind(conv_plan *p, void *const *slot)
{
    for (conv_arg *a = p->arg; a < p->arg + N_ARGS; a++)
        if (a->reorder) dnnl_check(dnnl_memory_set_data_handle(a->inner, slot[a->slot]), "memory_set_data_handle");
}

static int layer_supported(const layer *l)
{
    return l->type == CONVOLUTIONAL && l->groups == 1 && !l->binary && !l->xnor;
}

int conv_dnnl_attach(network *net)
{
    if (!engine) {
        dnnl_check(dnnl_engine_create(&engine, dnnl_cpu, 0), "engine_create");
        dnnl_check(dnnl_stream_create(&stream, engine, dnnl_stream_default_flags), "stream_create");
    }
    conv_net *c = nutl_calloc(sizeof *c, "oneDNN network");
    c->net = net;
    c->plans = nutl_calloc(net->n * sizeof *c->plans, "oneDNN plans");
    size_t slot_size[N_SLOTS] = {0};
    for (int i = 0; i < net->n; i++) {
        layer *l = &net->layers[i];
        if (!layer_supported(l)) continue;
        c->plans[c->n++] = plan_make(l, slot_size);
        l->forward = conv_dnnl_forward;
        l->backward = conv_dnnl_backward;
    }
    /* malloc'd, not touched here: pages count towards memory only once a convolution uses them */
    for (int s = 0; s < N_SLOTS; s++)
        if (slot_size[s] && !(c->slot[s] = aligned_alloc(64, (slot_size[s] + 63) / 64 * 64)))
            nutl_die("cannot allocate %zu bytes of oneDNN scratch", slot_size[s]);
    for (int i = 0; i < c->n; i++) plan_bind(&c->plans[i], c->slot);
    c->next = nets;
    nets = c;
    return c->n;
}

static void arg_free(conv_arg *a)
{
    if (a->inner != a->plain) dnnl_memory_destroy(a->inner);
    dnnl_memory_destroy(a->plain);
    if (a->reorder) dnnl_primitive_destroy(a->reorder);
}

static void plan_free(conv_plan *p)
{
    for (conv_arg *a = p->arg; a < p->arg + N_ARGS; a++) arg_free(a);
    dnnl_primitive_destroy(p->fwd);
    dnnl_primitive_destroy(p->bwd_weights);
    dnnl_primitive_destroy(p->bwd_data);
}

void conv_dnnl_release(network *net)
{
    for (conv_net **link = &nets; *link; link = &(*link)->next) {
        conv_net *c = *link;
        if (c->net != net) continue;
        for (int i = 0; i < net->n; i++)
            if (layer_supported(&net->layers[i])) {
                net->layers[i].forward = forward_convolutional_layer;
                net->layers[i].backward = backward_convolutional_layer;
            }
        for (int i = 0; i < c->n; i++) plan_free(&c->plans[i]);
        for (int s = 0; s < N_SLOTS; s++) free(c->slot[s]);
        free(c->plans);
        *link = c->next;
        free(c);
        return;
    }
}
