/* dataset: one split (train, val or test) of simulated events, as written by `nutl simulate`:
   3-view images with random access by event index, and each event's truth.
   CONTRACT used by the trainer; implemented in dataset.c with the simulator. */
#ifndef NUTL_DATASET_H
#define NUTL_DATASET_H

#include <stdint.h>

enum event_class { CLASS_NUMU_CC = 0, CLASS_NUE_CC = 1, CLASS_NC = 2, N_CLASSES = 3 };

typedef struct dataset dataset;

/* Opens the split in folder dir (its image file and truth.tsv) and checks the format version and
   header; dies naming the file and the problem if either is missing, truncated or not a dataset. */
dataset *dataset_open(const char *dir);

/* Returns the number of events in the split. */
int dataset_events(const dataset *d);

/* Return the image geometry: width and height in pixels (224 at full resolution, 224/k when
   downsampled by k) and channels (3: the u, v, w views). */
int dataset_width(const dataset *d);
int dataset_height(const dataset *d);
int dataset_channels(const dataset *d);

/* Writes event i's image into pixels (channels*height*width floats, CHW order, deposited MeV per
   pixel); dies naming the file and event if its stored record fails its integrity check.
   Safe to call from several threads at once on one dataset. */
void dataset_read_image(const dataset *d, int i, float *pixels);

/* Return event i's true class (enum event_class), true neutrino energy in GeV, and event id. */
int dataset_class(const dataset *d, int i);
double dataset_energy(const dataset *d, int i);
int64_t dataset_event_id(const dataset *d, int i);

/* Returns the seed the split was simulated with. */
uint64_t dataset_seed(const dataset *d);

/* Closes the files and frees d. */
void dataset_close(dataset *d);

#endif
