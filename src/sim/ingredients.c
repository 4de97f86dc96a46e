#include "sim/ingredients.h"

#include <string.h>

static const struct {
    const char *name, *what;
} table[N_INGREDIENTS] = {
    {"nc-model", "NC interactions from their own channel mix and DIS y (off: CC's)"},
    {"delta-rays", "knock-on electrons above a 0.7 mm range cut (off: in the continuous loss)"},
    {"spreading", "a step's energy spread over the pixels it crosses (off: at its midpoint)"},
    {"neutrons", "neutrons above 20 MeV knock nucleons out of argon (off: invisible)"},
    {"slow-neutrons", "neutrons below 20 MeV scatter, excite argon and are captured (off: invisible)"},
    {"deexcitation", "gammas of the residual nucleus after hadron-argon interactions (off: none)"},
    {"soft-photons", "photoabsorption and bound-electron Compton below 1 MeV (NIST XCOM), photons followed to "
                     "10 keV (off: free-electron Compton only, photons absorbed below 0.1 MeV)"},
};

const char *ingredient_name(int k) { return table[k].name; }

const char *ingredient_what(int k) { return table[k].what; }

int ingredients_parse(const char *list)
{
    int set = 0;
    const char *p = list;
    if (!strcmp(list, "none")) return 0;
    if (!strcmp(list, "all")) return ING_ALL;
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
