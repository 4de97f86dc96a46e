/* nutl ingredients: the physics ingredients `nutl simulate --without` can switch off, a line each:
   name, tab, what it adds to the events. */
#include <stdio.h>

#include "cli/commands.h"
#include "core/args.h"
#include "sim/ingredients.h"

int cmd_ingredients(int argc, char **argv)
{
    const arg_spec specs[] = {{NULL, 0, NULL, NULL, NULL}};
    args_parse(argc, argv, specs, NULL, 0, "nutl ingredients");
    for (int k = 0; k < N_INGREDIENTS; k++) printf("%s\t%s\n", ingredient_name(k), ingredient_what(k));
    return 0;
}
