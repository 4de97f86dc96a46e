#include "nn/network_load.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nn/conv_dnnl.h"
#include "nn/device.h"
#include "core/util.h"

/* Is line (stripped of spaces) "key=..."? */
static int line_sets(const char *line, const char *key)
{
    size_t n = strlen(key);
    while (*line == ' ' || *line == '\t') line++;
    if (strncmp(line, key, n)) return 0;
    line += n;
    while (*line == ' ' || *line == '\t') line++;
    return *line == '=';
}

static int line_overridden(const char *line, network_shape shape)
{
    return (shape.batch && (line_sets(line, "batch") || line_sets(line, "subdivisions"))) ||
           (shape.width && line_sets(line, "width")) || (shape.height && line_sets(line, "height"));
}

/* Writes a copy of the cfg whose [net] section carries the overrides; returns its path (malloc'd). */
static char *cfg_with_shape(const netcfg *c, network_shape shape)
{
    FILE *in = fopen(c->path, "r");
    if (!in) nutl_die("%s: cannot read cfg: %s", c->path, strerror(errno));
    const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    char *tmp = nutl_calloc(strlen(dir) + 32, "temporary cfg name");
    sprintf(tmp, "%s/nutl-cfg-XXXXXX", dir);
    int fd = mkstemp(tmp);
    FILE *out = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!out) nutl_die("%s: cannot create temporary cfg: %s", tmp, strerror(errno));
    char line[1024];
    int in_net = 0;
    while (fgets(line, sizeof line, in)) {
        if (line[0] == '[') {
            in_net = !strncmp(line, "[net]", 5) || !strncmp(line, "[network]", 9);
            fputs(line, out);
            if (in_net) {
                if (shape.batch) fprintf(out, "batch=%d\nsubdivisions=1\n", shape.batch);
                if (shape.width) fprintf(out, "width=%d\n", shape.width);
                if (shape.height) fprintf(out, "height=%d\n", shape.height);
            }
            continue;
        }
        if (!(in_net && line_overridden(line, shape))) fputs(line, out);
    }
    fclose(in);
    if (fclose(out) != 0) nutl_die("%s: cannot write temporary cfg", tmp);
    return tmp;
}

network *network_load(const netcfg *c, network_shape shape)
{
    device_require();
    char *path = cfg_with_shape(c, shape);
    /* Darknet prints a table of every layer on stderr while parsing; the cfg was checked already. */
    fflush(stderr);
    int saved = dup(2), devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 2);
    network *net = parse_network_cfg(path);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    close(devnull);
    unlink(path);
    free(path);
    if (net->n != c->n) nutl_die("%s: Darknet built %d layers, the cfg lists %d", c->path, net->n, c->n);
    if (shape.outputs && net->outputs != shape.outputs)
        nutl_die("%s: the network has %d outputs, expected %d (numu_cc, nue_cc, nc)", c->path, net->outputs,
                 shape.outputs);
#ifndef GPU  /* the GPU build runs every layer on the GPU */
    conv_dnnl_attach(net);
#endif
    return net;
}

void network_free(network *net)
{
    conv_dnnl_release(net);
    free_network(net);
}

long layer_weights(const layer *l)
{
    switch (l->type) {
    case CONVOLUTIONAL: return l->nweights;
    case CONNECTED: return (long)l->inputs * l->outputs;
    default: return 0;
    }
}

long layer_parameters(const layer *l)
{
    long bn = l->batch_normalize ? l->out_c : 0;
    switch (l->type) {
    case CONVOLUTIONAL:
    case CONNECTED: return layer_weights(l) + l->out_c + bn;
    case BATCHNORM: return 2L * l->c;
    default: return 0;
    }
}
