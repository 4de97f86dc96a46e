/* ingredients: the physics ingredients added to make the events as hard as GENIE + Geant4 ones, each of
   which `nutl simulate --without` can switch off to measure what it does (make difficulty's ablation).
   `nutl ingredients` lists them. */
#ifndef NUTL_INGREDIENTS_H
#define NUTL_INGREDIENTS_H

enum ingredient {
    ING_NC_MODEL = 1,       /* NC channel mix and NC DIS y of their own (off: CC's) */
    ING_DELTA_RAYS = 2,     /* explicit delta rays (off: all in the continuous loss) */
    ING_SPREADING = 4,      /* step energy spread over the pixels crossed (off: at the step midpoint) */
    ING_NEUTRONS = 8,       /* fast neutrons knock nucleons out (off: neutrons invisible) */
    ING_SLOW_NEUTRONS = 16, /* neutrons below the fast cut scatter, excite argon and are captured (off: invisible) */
    ING_DEEXCITATION = 32,  /* gammas of the residual nucleus after hadron-argon interactions (off: none) */
    ING_SOFT_PHOTONS = 64,  /* photoabsorption and bound-electron Compton of soft photons (off: free Compton) */
    N_INGREDIENTS = 7,
    ING_ALL = 127
};

/* Returns the name of ingredient bit number k (0 .. N_INGREDIENTS - 1), as --without takes it. */
const char *ingredient_name(int k);

/* Returns a one-line description of ingredient bit number k: what it adds to the events. */
const char *ingredient_what(int k);

/* Returns the set of ingredients named in the comma-separated list (each a name above; "none" for
   none, "all" for every one), or -1 if a name is unknown. */
int ingredients_parse(const char *list);

#endif
