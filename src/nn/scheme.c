#include "nn/scheme.h"

#include <string.h>

#include "core/util.h"

static const char *const scheme_names[N_SCHEMES] = {"all", "freeze1", "freeze2", "freeze3", "freeze4",
                                                    "classifier"};

int scheme_parse(const char *name)
{
    for (int s = 0; s < N_SCHEMES; s++)
        if (!strcmp(name, scheme_names[s])) return s;
    nutl_die("unknown scheme '%s' (one of: all, freeze1, freeze2, freeze3, freeze4, classifier)", name);
}

const char *scheme_name(int s)
{
    return s >= 0 && s < N_SCHEMES ? scheme_names[s] : "?";
}

int scheme_freezes(int s, int g)
{
    int frozen_groups = s == SCHEME_CLASSIFIER ? GROUP_CLASSIFIER : s;  /* freezeK: K groups */
    return g < frozen_groups;
}

void scheme_apply(network *net, const netcfg *c, int s)
{
    for (int i = 0; i < net->n; i++) net->layers[i].freeze = scheme_freezes(s, c->group[i]);
    update_backward_floor(net);
}
