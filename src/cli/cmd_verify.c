/* nutl verify DIR: opens a split and reads every event's record, so that a damaged file is found before
   a long training run rather than during it, and checks the files against the SHA-256 that meta.tsv
   records (the dataset's identity in result records); prints "DIR: N events, format version V, OK". */
#include <stdio.h>
#include <stdlib.h>

#include <string.h>

#include "cli/commands.h"
#include "core/args.h"
#include "core/digest.h"
#include "sim/dataset.h"
#include "core/util.h"

/* Returns 1 if meta.tsv records the file's SHA-256 and the file matches it, 0 if it records none; dies
   naming the file if it differs. */
static int check_digest(const char *dir, const char *file, const char *key)
{
    char recorded[128], path[NUTL_PATH_MAX], hex[65];
    if (!dataset_meta(dir, key, recorded, sizeof recorded)) return 0;
    path_join(path, dir, file);
    file_sha256(path, hex);
    if (strcmp(hex, recorded))
        nutl_die("%s: SHA-256 %s differs from the %s recorded in %s/%s (the file changed after simulation)", path,
                 hex, key, dir, DATASET_META_FILE);
    return 1;
}

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
    int checked = check_digest(dir, DATASET_IMAGE_FILE, DATASET_EVENTS_SHA256) +
                  check_digest(dir, DATASET_TRUTH_FILE, DATASET_TRUTH_SHA256);
    printf("%s: %d events, format version %d%s, OK\n", dir, dataset_events(d), DATASET_FORMAT_VERSION,
           checked == 2 ? ", SHA-256 as recorded" : "");
    free(img);
    dataset_close(d);
    return 0;
}
