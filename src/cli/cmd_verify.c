/* nutl verify DIR: opens a split and reads every event's record, so that a damaged file is found before
   a long training run rather than during it; prints "DIR: N events, format version V, OK". */
#include <stdio.h>
#include <stdlib.h>

#include "cli/commands.h"
#include "sim/dataset.h"
#include "core/util.h"

int cmd_verify(int argc, char **argv)
{
    if (argc != 1) nutl_die("usage: nutl verify DIR");
    dataset *d = dataset_open(argv[0]);
    size_t n = (size_t)dataset_channels(d) * dataset_width(d) * dataset_height(d);
    float *img = nutl_calloc(sizeof *img * n, "image");
    for (int i = 0; i < dataset_events(d); i++) dataset_read_image(d, i, img);
    printf("%s: %d events, format version %d, OK\n", argv[0], dataset_events(d), DATASET_FORMAT_VERSION);
    free(img);
    dataset_close(d);
    return 0;
}
