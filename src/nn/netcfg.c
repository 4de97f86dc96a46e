#include "nn/netcfg.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/util.h"

static const char *const group_names[N_GROUPS] = {"layer0", "layer1", "layer2", "layer3", "layer4",
                                                  "classifier"};

/* The layer kinds our networks use; anything else is refused before Darknet sees it, because
   Darknet's parser only warns about an unknown section and goes on with an empty layer. */
static const char *const known_types[] = {"convolutional", "conv", "maxpool", "max", "route",
                                          "shortcut", "avgpool", "avg", "connected", "conn",
                                          "softmax", "soft", "dropout", "batchnorm", NULL};

const char *group_name(int g)
{
    return g >= 0 && g < N_GROUPS ? group_names[g] : "?";
}

static int group_parse(const char *name)
{
    for (int g = 0; g < N_GROUPS; g++)
        if (!strcmp(name, group_names[g])) return g;
    return -1;
}

static int type_known(const char *type)
{
    for (int i = 0; known_types[i]; i++)
        if (!strcmp(type, known_types[i])) return 1;
    return 0;
}

static char *strip(char *s)
{
    char *out = s;
    for (char *p = s; *p; p++)
        if (!isspace((unsigned char)*p)) *out++ = *p;
    *out = 0;
    return s;
}

/* Checks that the layer just finished (index c->n - 1) got a group. */
static void check_group(const netcfg *c, int line)
{
    if (c->n > 0 && c->group[c->n - 1] < 0)
        nutl_die("%s: layer %d [%s] before line %d has no group= key (layer0..layer4 or classifier)",
                 c->path, c->n - 1, c->type[c->n - 1], line);
}

void netcfg_read(netcfg *c, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) nutl_die("%s: cannot read cfg: %s", path, strerror(errno));
    memset(c, 0, sizeof *c);
    snprintf(c->path, sizeof c->path, "%s", path);
    int seen_net = 0, lineno = 0;
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *s = strip(line);
        if (!*s || *s == '#' || *s == ';') continue;
        if (*s == '[') {
            char *end = strchr(s, ']');
            if (!end || end[1]) nutl_die("%s:%d: malformed section header", path, lineno);
            *end = 0;
            s++;
            if (!seen_net) {
                if (strcmp(s, "net") && strcmp(s, "network"))
                    nutl_die("%s:%d: the first section must be [net]", path, lineno);
                seen_net = 1;
                continue;
            }
            check_group(c, lineno);
            if (!type_known(s)) nutl_die("%s:%d: unknown layer type [%s]", path, lineno, s);
            if (c->n == NETCFG_MAX_LAYERS) nutl_die("%s:%d: more than %d layers", path, lineno, NETCFG_MAX_LAYERS);
            snprintf(c->type[c->n], sizeof c->type[0], "%.31s", s);
            c->group[c->n++] = -1;
            continue;
        }
        char *eq = strchr(s, '=');
        if (!seen_net || !eq || eq == s) nutl_die("%s:%d: expected key=value inside a section", path, lineno);
        *eq = 0;
        if (c->n > 0 && !strcmp(s, "group")) {
            int g = group_parse(eq + 1);
            if (g < 0) nutl_die("%s:%d: unknown group '%s'", path, lineno, eq + 1);
            c->group[c->n - 1] = g;
        }
    }
    fclose(f);
    if (!seen_net) nutl_die("%s: empty cfg (no [net] section)", path);
    if (c->n == 0) nutl_die("%s: cfg has no layers", path);
    check_group(c, lineno + 1);
}
