/* loader: turns dataset events into Darknet input batches on T background threads, so decoding
   overlaps training and keeps up with a GPU. The batches are byte-identical whatever T: every image
   has a fixed place in a fixed batch, and the threads only share out which image each decodes. */
#ifndef NUTL_LOADER_H
#define NUTL_LOADER_H

#include "sim/dataset.h"

/* How deposited energy E (MeV per pixel) becomes an input value v (docs/sensitivity.md says why each):
   - INPUT_SATURATING: v = min(E / S, 1), a value in [0, 1] like a photograph's (the default);
   - INPUT_RAW: v = E, the MeV themselves;
   - INPUT_PER_IMAGE: v = E / max E over the image's three views, so every image's brightest pixel is 1
     (0 for an empty image);
   - INPUT_LOG: v = ln(1 + E / q) / ln(1 + S / q), q = S / 5 (one MIP crossing of a pixel when S is
     five), so v = 1 at E = S and grows slowly beyond it;
   S is saturation_mev. Then, with imagenet_normalize, (v - mean_c) / std_c with ImageNet's channel means
   and deviations, as torchvision's pretrained weights expect. The zero value is the saturating scale
   without a saturation: set it with input_default_saturation before use. */
enum input_encoding { INPUT_SATURATING, INPUT_RAW, INPUT_PER_IMAGE, INPUT_LOG, N_INPUT_ENCODINGS };

typedef struct {
    enum input_encoding encoding;
    double saturation_mev;
    int imagenet_normalize;
} input_transform;

/* Returns the name of encoding e as options and records spell it: saturating, raw, per-image, log. */
const char *input_encoding_name(enum input_encoding e);

/* Returns the encoding named name; dies with one line naming it and the encodings there are. */
enum input_encoding input_encoding_parse(const char *name);

/* Returns the name of a normalisation as options and records spell it: imagenet (1) or none (0). */
const char *input_normalization_name(int imagenet_normalize);

/* Returns 1 for "imagenet", 0 for "none"; dies with one line naming anything else. */
int input_normalization_parse(const char *name);

/* Returns the input value of a pixel holding e MeV in an image whose largest pixel holds max_mev, by
   t's encoding, before the normalisation. */
float input_encode(input_transform t, float e, float max_mev);

/* Returns the default saturation for d's images: 10 MeV (about five MIP crossings of a 1 cm pixel) at
   full resolution, times k for images downsampled by k (a track deposits ~k times more per pixel). */
double input_default_saturation(const dataset *d);

/* Writes event i of d into x (channels*height*width floats) as network input values. */
void input_from_event(const dataset *d, int i, input_transform t, float *x);

/* Returns the decoding threads a loader uses when none are set: 1 on the CPU build, where training is
   hundreds of times slower than one decoding thread and needs the cores; LOADER_GPU_THREADS on the GPU
   build (fewer if the machine has fewer cores), which outrun a GPU's training and inference rates. */
int loader_default_threads(void);

/* The GPU build's default decoding threads: one thread decodes of the order of a thousand 224x224
   images/s (make bench), a ResNet18 on one GPU trains one to a few thousand img/s and infers ~3x
   faster; 8 threads on a GPU host's many cores keep ahead of that (make gpu-check measures both). */
enum { LOADER_GPU_THREADS = 8, LOADER_MAX_THREADS = 64 };

/* Sets the decoding threads of the loaders started from now on (0: loader_default_threads()); dies
   unless 0 <= threads <= LOADER_MAX_THREADS. */
void loader_set_threads(int threads);

/* Returns the decoding threads the next loader will use. */
int loader_threads(void);

typedef struct loader loader;

/* Starts decoding events order[0..n) of d, in batches of `batch`, ahead of the consumer, on
   loader_threads() threads. */
loader *loader_start(const dataset *d, const int *order, int n, int batch, input_transform t);

/* Waits for the next batch and copies it into x (batch images) and y (batch one-hot rows of
   N_CLASSES); the last batch is padded with zeros. Returns the number of real images in it, 0 when
   every event has been delivered. */
int loader_next(loader *l, float *x, float *y);

/* Returns the loader's own speed so far: images decoded per second of decoding time, times its thread
   count (what it could feed a consumer that never made it wait, with a core for each thread). */
double loader_images_per_second(const loader *l);

/* Stops the threads (also before the end) and frees l. */
void loader_stop(loader *l);

#endif
