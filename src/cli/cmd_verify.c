/* nutl verify DIR: opens a split and reads every event's record, so that a damaged file is found before
   a long training run rather than during it; prints "DIR: N events, format version V, OK". */
#include <stdio.h>
#include <stdlib.h>

#include "cli/commands.h"
#include "core/args.h"
#include "sim/dataset.h"
#include "core/util.h"

int cmd_verify(int argc, char **argv)
{
    static const char usage[] = "nutl verify DIR";
    const char *dir = NULL;
    const arg_spec specs[] = {{NULL, 0, NULL, NULL, NULL}};
    args_parse(argc, argv, specs, &dir, 1, usage);
    if (!dir) nutl_die("usage: %s", usage);
    dataset *d = dataset_open(dir);
    size_t n = (size_t)dataset_channels(d) * dataset_width(d) * dataset_height(d);
    float *img = nutl_calloc(sizeof *img * n, "image");
    for (int i = 0; i < dataset_events(d); i++) dataset_read_image(d, i, img);
    printf("%s: %d events, format version %d, OK\n", dir, dataset_events(d), DATASET_FORMAT_VERSION);
    free(img);
    dataset_close(d);
    return 0;
}
