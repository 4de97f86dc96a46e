#include "sim/ingredients.h"

#include <string.h>

const char *ingredient_name(int k)
{
    static const char *name[N_INGREDIENTS] = {"nc-model", "delta-rays", "spreading", "neutrons"};
    return name[k];
}

int ingredients_parse(const char *list)
{
    int set = 0;
    const char *p = list;
    if (!strcmp(list, "none")) return 0;
    while (*p) {
        size_t len = strcspn(p, ",");
        int found = -1;
        for (int k = 0; k < N_INGREDIENTS; k++)
            if (strlen(ingredient_name(k)) == len && !strncmp(p, ingredient_name(k), len)) found = k;
        if (found < 0) return -1;
        set |= 1 << found;
        p += len + (p[len] == ',');
    }
    return set;
}
