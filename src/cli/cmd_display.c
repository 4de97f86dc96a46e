/* nutl display --data DIR --event I --out PREFIX: writes event I's u, v and w views as gnuplot matrix
   files PREFIX-u.dat, PREFIX-v.dat, PREFIX-w.dat (rows = drift x, columns = wire, MeV per pixel) and
   draws them side by side in PREFIX.png with plots/display.gp (found next to bin/, or in $NUTL_PLOTS). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "core/args.h"
#include "sim/dataset.h"
#include "core/util.h"

/* Writes the plots folder into dir (NUTL_PATH_MAX bytes): $NUTL_PLOTS, else this installation's. */
static void plots_dir(char *dir)
{
    const char *env = getenv("NUTL_PLOTS");
    if (env) snprintf(dir, NUTL_PATH_MAX, "%s", env);
    else util_install_path(dir, "plots");
}

static const char usage[] = "nutl display --data DIR --event I --out PREFIX";

static void write_view(const char *prefix, const char *view, const float *plane, int side)
{
    char path[4096];
    snprintf(path, sizeof path, "%s-%s.dat", prefix, view);
    FILE *f = atomic_open(path);
    for (int row = 0; row < side; row++)
        for (int col = 0; col < side; col++) fprintf(f, "%.6g%c", plane[row * side + col], col + 1 < side ? ' ' : '\n');
    atomic_commit(f, path);
}

int cmd_display(int argc, char **argv)
{
    const char *data = NULL, *out = NULL;
    int event = -1;
    const arg_spec specs[] = {
        {"--data", ARG_STRING, &data, NULL, "DIR  a split written by nutl simulate (required)"},
        {"--event", ARG_INT, &event, NULL, "I  the event's index in the split, from 0 (required)"},
        {"--out", ARG_STRING, &out, NULL, "PREFIX  writes PREFIX-{u,v,w}.dat and PREFIX.png (required)"},
        {NULL, 0, NULL, NULL, NULL},
    };
    args_parse(argc, argv, specs, NULL, 0, usage);
    if (!data || !out || event < 0) nutl_die("usage: %s", usage);
    dataset *d = dataset_open(data);
    int side = dataset_width(d), plane = side * side;
    float *img = nutl_calloc(sizeof *img * 3 * (size_t)plane, "image");
    dataset_read_image(d, event, img);
    static const char *views[3] = {"u", "v", "w"};
    for (int v = 0; v < 3; v++) write_view(out, views[v], img + v * plane, side);
    char dir[NUTL_PATH_MAX], cmd[16384];
    plots_dir(dir);
    snprintf(cmd, sizeof cmd, "gnuplot -e \"dir='%s'; prefix='%s'; side=%d; label='event %lld: %s, E = %.2f GeV'\" '%s/display.gp'",
             dir, out, side, (long long)dataset_event_id(d, event), class_name(dataset_class(d, event)),
             dataset_energy(d, event), dir);
    if (strchr(out, '\'') || strchr(out, '"') || strchr(dir, '\'')) nutl_die("display: quotes in %s are not supported", out);
    if (system(cmd) != 0) nutl_die("display: gnuplot failed drawing %s.png", out);
    free(img);
    dataset_close(d);
    return 0;
}
