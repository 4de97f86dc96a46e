#include "core/classes.h"

#include <string.h>

static const char *const class_names[N_CLASSES] = {"numu_cc", "nue_cc", "nc"};

static const char *const class_labels[N_CLASSES] = {"CC ν_μ", "CC ν_e", "NC"};

const char *class_name(int c)
{
    return c >= 0 && c < N_CLASSES ? class_names[c] : "?";
}

const char *class_label(int c)
{
    return c >= 0 && c < N_CLASSES ? class_labels[c] : "?";
}

int class_parse(const char *name)
{
    for (int c = 0; c < N_CLASSES; c++)
        if (!strcmp(name, class_names[c])) return c;
    return -1;
}
