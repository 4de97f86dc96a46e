/* nutl conf PRESET KEY: prints the value of KEY in the protocol preset cfg/protocols/PRESET.conf, as
   every nutl command reads it (trailing '#' comments and surrounding spaces removed). The one reader of
   the presets for make and the scripts. */
#include <stdio.h>

#include "cli/commands.h"
#include "core/grid.h"
#include "core/util.h"

int cmd_conf(int argc, char **argv)
{
    if (argc != 2) nutl_die("usage: nutl conf PRESET KEY");
    char path[NUTL_PATH_MAX];
    static protocol p;
    protocol_load(&p, grid_conf_path(path, sizeof path, argv[0]));
    puts(protocol_get(&p, argv[1]));
    return 0;
}
