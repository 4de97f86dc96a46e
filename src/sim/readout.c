#include "sim/readout.h"

#include <math.h>
#include <string.h>

#include "sim/sim_constants.h"

double readout_wire(int view, double y, double z)
{
    /* Constant arguments: the compiler folds these. */
    double c = cos(VIEW_ANGLE_DEG * M_PI / 180), s = sin(VIEW_ANGLE_DEG * M_PI / 180);
    return view == VIEW_U ? z * c + y * s : view == VIEW_V ? z * c - y * s : z;
}

/* Returns the first pixel of a window of IMAGE_PIXELS centred on centre, moved to keep pixel v at least
   CROP_VERTEX_MARGIN pixels from either edge. */
static int window(double centre, double v)
{
    int start = (int)floor(centre / PIXEL_CM) - IMAGE_PIXELS / 2, vp = (int)floor(v / PIXEL_CM);
    int lo = vp - (IMAGE_PIXELS - 1 - CROP_VERTEX_MARGIN), hi = vp - CROP_VERTEX_MARGIN;
    return start < lo ? lo : start > hi ? hi : start;
}

void readout_crop(const deposit *dep, int n, const double vertex[3], crop *c)
{
    double sum = 0, x = 0, w[N_VIEWS] = {0};
    for (int i = 0; i < n; i++) {
        sum += dep[i].e;
        x += dep[i].e * dep[i].x;
        for (int v = 0; v < N_VIEWS; v++) w[v] += dep[i].e * readout_wire(v, dep[i].y, dep[i].z);
    }
    c->drift0 = window(sum > 0 ? x / sum : vertex[0], vertex[0]);
    for (int v = 0; v < N_VIEWS; v++) {
        double vw = readout_wire(v, vertex[1], vertex[2]);
        c->wire0[v] = window(sum > 0 ? w[v] / sum : vw, vw);
    }
}

double readout_image(const deposit *dep, int n, const crop *c, int k, float *image)
{
    int side = IMAGE_PIXELS / k;
    memset(image, 0, sizeof *image * N_VIEWS * side * side);
    double inside = 0;
    for (int i = 0; i < n; i++) {
        int row = (int)floor(dep[i].x / PIXEL_CM) - c->drift0;
        if (row < 0 || row >= IMAGE_PIXELS) continue;
        for (int v = 0; v < N_VIEWS; v++) {
            int col = (int)floor(readout_wire(v, dep[i].y, dep[i].z) / PIXEL_CM) - c->wire0[v];
            if (col < 0 || col >= IMAGE_PIXELS) continue;
            image[(v * side + row / k) * side + col / k] += dep[i].e;
            inside += dep[i].e;
        }
    }
    return inside / N_VIEWS;
}
