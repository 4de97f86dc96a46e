/* loader: turns dataset events into Darknet input batches in a background thread, so decoding
   overlaps training. */
#ifndef NUTL_LOADER_H
#define NUTL_LOADER_H

#include "sim/dataset.h"

/* How deposited energy becomes an input value: v = min(E / saturation_mev, 1), a value in [0, 1] like
   a photograph's; then, with imagenet_normalize, (v - mean_c) / std_c with ImageNet's channel means
   and deviations, as torchvision's pretrained weights expect. */
typedef struct {
    double saturation_mev;
    int imagenet_normalize;
} input_transform;

/* Returns the default saturation for d's images: 10 MeV (about five MIP crossings of a 1 cm pixel) at
   full resolution, times k for images downsampled by k (a track deposits ~k times more per pixel). */
double input_default_saturation(const dataset *d);

/* Writes event i of d into x (channels*height*width floats) as network input values. */
void input_from_event(const dataset *d, int i, input_transform t, float *x);

typedef struct loader loader;

/* Starts decoding events order[0..n) of d, in batches of `batch`, ahead of the consumer. */
loader *loader_start(const dataset *d, const int *order, int n, int batch, input_transform t);

/* Waits for the next batch and copies it into x (batch images) and y (batch one-hot rows of
   N_CLASSES); the last batch is padded with zeros. Returns the number of real images in it, 0 when
   every event has been delivered. */
int loader_next(loader *l, float *x, float *y);

/* Returns the loader's own speed so far: images decoded per second of its thread's decoding time (what
   it could feed a consumer that never made it wait). */
double loader_images_per_second(const loader *l);

/* Stops the thread (also before the end) and frees l. */
void loader_stop(loader *l);

#endif
