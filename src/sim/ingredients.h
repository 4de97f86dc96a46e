/* ingredients: the physics ingredients added to make the events as hard as GENIE + Geant4 ones, each of
   which `nutl simulate --without` can switch off to measure what it does (make difficulty's ablation). */
#ifndef NUTL_INGREDIENTS_H
#define NUTL_INGREDIENTS_H

enum ingredient {
    ING_NC_MODEL = 1,   /* NC channel mix and NC DIS y of their own (off: CC's) */
    ING_DELTA_RAYS = 2, /* explicit delta rays of mu, pi, p (off: all in the continuous loss) */
    ING_SPREADING = 4,  /* step energy spread over the pixels crossed (off: at the step midpoint) */
    ING_NEUTRONS = 8,   /* fast neutrons knock nucleons out (off: neutrons invisible) */
    N_INGREDIENTS = 4,
    ING_ALL = 15
};

/* Returns the name of ingredient bit number k (0 .. N_INGREDIENTS - 1): "nc-model", "delta-rays",
   "spreading", "neutrons". */
const char *ingredient_name(int k);

/* Returns the set of ingredients named in the comma-separated list (each a name above; "" or "none"
   for none), or -1 if a name is unknown. */
int ingredients_parse(const char *list);

#endif
