/* scheme: the paper's freeze schemes (Sec. IV B): which groups of layers keep their pretrained values. */
#ifndef NUTL_SCHEME_H
#define NUTL_SCHEME_H

#include "darknet.h"
#include "nn/netcfg.h"

enum scheme { SCHEME_ALL, SCHEME_FREEZE1, SCHEME_FREEZE2, SCHEME_FREEZE3, SCHEME_FREEZE4,
              SCHEME_CLASSIFIER, N_SCHEMES };

/* Returns the scheme called name (all, freeze1..freeze4, classifier), or dies listing the valid names. */
int scheme_parse(const char *name);

/* Returns the scheme's name. */
const char *scheme_name(int s);

/* Returns 1 if scheme s freezes group g: freezeK freezes layer0..layer(K-1), classifier freezes every
   group but the classifier, all freezes nothing. */
int scheme_freezes(int s, int g);

/* Sets the freeze flag of every layer of net in a group that scheme s freezes (and clears the others),
   then recomputes where backward stops. c must describe the cfg net was parsed from. */
void scheme_apply(network *net, const netcfg *c, int s);

#endif
