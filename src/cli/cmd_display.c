/* nutl display --data DIR --event I --out PREFIX: writes event I's u, v and w views as gnuplot matrix
   files PREFIX-u.dat, PREFIX-v.dat, PREFIX-w.dat (rows = drift x, columns = wire, MeV per pixel) and
   draws them side by side in PREFIX.png with plots/display.gp (found next to bin/, or in $NUTL_PLOTS). */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "sim/dataset.h"
#include "core/util.h"

/* Writes the plots folder into dir: $NUTL_PLOTS, else <folder of this program>/../plots. */
static void plots_dir(char *dir, size_t len)
{
    const char *env = getenv("NUTL_PLOTS");
    if (env) { snprintf(dir, len, "%s", env); return; }
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) nutl_die("display: cannot locate the plots folder (set NUTL_PLOTS)");
    exe[n] = 0;
    snprintf(dir, len, "%s/../plots", dirname(exe));
}

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
    long event = -1;
    for (int i = 0; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--data")) data = argv[i + 1];
        else if (!strcmp(argv[i], "--out")) out = argv[i + 1];
        else if (!strcmp(argv[i], "--event")) {
            char *end;
            event = strtol(argv[i + 1], &end, 10);
            if (*end || end == argv[i + 1] || event < 0) nutl_die("display: --event '%s' is not an index", argv[i + 1]);
        } else nutl_die("display: unknown option %s", argv[i]);
    }
    if (argc % 2 || !data || !out || event < 0) nutl_die("usage: nutl display --data DIR --event I --out PREFIX");
    dataset *d = dataset_open(data);
    int side = dataset_width(d), plane = side * side;
    float *img = nutl_calloc(sizeof *img * 3 * (size_t)plane, "image");
    dataset_read_image(d, (int)event, img);
    static const char *views[3] = {"u", "v", "w"};
    for (int v = 0; v < 3; v++) write_view(out, views[v], img + v * plane, side);
    char dir[4096], cmd[16384];
    plots_dir(dir, sizeof dir);
    snprintf(cmd, sizeof cmd, "gnuplot -e \"dir='%s'; prefix='%s'; side=%d; label='event %lld: %s, E = %.2f GeV'\" '%s/display.gp'",
             dir, out, side, (long long)dataset_event_id(d, (int)event), class_name(dataset_class(d, (int)event)),
             dataset_energy(d, (int)event), dir);
    if (strchr(out, '\'') || strchr(out, '"') || strchr(dir, '\'')) nutl_die("display: quotes in %s are not supported", out);
    if (system(cmd) != 0) nutl_die("display: gnuplot failed drawing %s.png", out);
    free(img);
    dataset_close(d);
    return 0;
}
