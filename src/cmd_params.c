/* nutl params: trainable weights per group (placeholder until the cfg and freeze groups land). */
#include "commands.h"
#include "util.h"

int cmd_params(int argc, char **argv)
{
    (void)argc; (void)argv;
    nutl_die("params: not built yet");
}
