/* nutl conf PRESET KEY: prints the value of KEY in the protocol preset cfg/protocols/PRESET.conf, as
   every nutl command reads it (trailing '#' comments and surrounding spaces removed). The one reader of
   the presets for make and the scripts. */
#include <stdio.h>

#include "cli/commands.h"
#include "core/args.h"
#include "core/grid.h"
#include "core/util.h"

int cmd_conf(int argc, char **argv)
{
    static const char usage[] = "nutl conf PRESET KEY";
    const char *operands[2] = {NULL, NULL};
    const arg_spec specs[] = {{NULL, 0, NULL, NULL, NULL}};
    args_parse(argc, argv, specs, operands, 2, usage);
    if (!operands[1]) nutl_die("usage: %s", usage);
    char path[NUTL_PATH_MAX];
    static protocol p;
    protocol_load(&p, grid_conf_path(path, sizeof path, operands[0]));
    puts(protocol_get(&p, operands[1]));
    return 0;
}
