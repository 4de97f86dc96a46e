/* nutl import KIND SOURCE --out SPLIT ...: events simulated elsewhere, as a nutl split (datasets/FORMAT.md);
   one file per kind: cmd_import_<kind>.c. */
#include <stddef.h>
#include <string.h>

#include "cli/commands.h"
#include "core/util.h"

struct import_kind {
    const char *name;
    int (*run)(int argc, char **argv);
};

static const struct import_kind kinds[] = {
    {"deposits", cmd_import_deposits},
};
int cmd_import(int argc, char **argv)
{
    for (size_t i = 0; argc >= 1 && i < sizeof kinds / sizeof kinds[0]; i++)
        if (!strcmp(argv[0], kinds[i].name)) return kinds[i].run(argc - 1, argv + 1);
    nutl_die("import: usage: nutl import dune-cvn|deposits SOURCE --out SPLIT ... (unknown kind '%s')", argc >= 1 ? argv[0] : "");
}
