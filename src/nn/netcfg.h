/* netcfg: what nutl needs to know about a Darknet cfg before Darknet parses it: that it is well formed,
   each layer's section type, and the group (layer0..layer4, classifier) each layer belongs to. */
#ifndef NUTL_NETCFG_H
#define NUTL_NETCFG_H

#define NETCFG_MAX_LAYERS 256

enum group { GROUP_LAYER0, GROUP_LAYER1, GROUP_LAYER2, GROUP_LAYER3, GROUP_LAYER4, GROUP_CLASSIFIER,
             N_GROUPS };

typedef struct {
    char path[1024];
    int n;                                  /* layers, not counting [net] */
    int group[NETCFG_MAX_LAYERS];           /* enum group of each layer */
    char type[NETCFG_MAX_LAYERS][32];       /* section name without brackets */
} netcfg;

/* Reads the cfg at path into c. Dies naming the file (and line) if it is missing, has a line that is
   neither a [section] nor key=value, does not start with [net], has a section type Darknet's parser does
   not build here, or has a layer without a known group= key. */
void netcfg_read(netcfg *c, const char *path);

/* Returns the name of group g ("layer0" ... "classifier"). */
const char *group_name(int g);

#endif
