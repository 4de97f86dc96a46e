/* nutl import SOURCE ...: events simulated elsewhere, into nutl's dataset format (datasets/FORMAT.md),
   so that networks trained on nutl's events can be evaluated on them, or trained on them.
     nutl import dune-cvn DIR --out SPLIT ...   DUNE CVN pixel maps (full simulation, hit-based)
     nutl import deposits FILE --out SPLIT ...  3D energy deposits of any Geant4 application (HDF5, TSV)
   Each kind has its own file: cmd_import_<kind>.c. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "core/util.h"

struct import_kind {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
};

static const struct import_kind kinds[] = {
    {"dune-cvn", cmd_import_dune_cvn, "DIR --out SPLIT: the DUNE CVN sample's pixel maps (DIR holds dataset_info/)"},
    {"deposits", cmd_import_deposits, "FILE --out SPLIT: 3D energy deposits (HDF5 as larnd-sim dumps edep-sim, or TSV)"},
};

int cmd_import(int argc, char **argv)
{
    if (argc == 1 && (!strcmp(argv[0], "--help") || !strcmp(argv[0], "-h"))) {
        printf("usage: nutl import KIND ... (nutl import KIND --help: its options)\n");
        for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) printf("  %-9s %s\n", kinds[i].name, kinds[i].summary);
        return 0;
    }
    for (size_t i = 0; argc >= 1 && i < sizeof kinds / sizeof kinds[0]; i++)
        if (!strcmp(argv[0], kinds[i].name)) return kinds[i].run(argc - 1, argv + 1);
    nutl_die("import: usage: nutl import dune-cvn|deposits SOURCE --out SPLIT ... (unknown kind '%s')",
             argc >= 1 ? argv[0] : "");
}
