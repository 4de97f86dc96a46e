/* dataset: one split (train, val or test) of simulated events, as written by `nutl simulate`:
   3-view images with random access by event index, and each event's truth.
   CONTRACT used by the trainer; implemented in dataset.c with the simulator. */
#ifndef NUTL_DATASET_H
#define NUTL_DATASET_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/classes.h"


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

/* Writes into value (len bytes) the value of key in the split's meta.tsv (dir/meta.tsv); returns 1, or
   0 if the file or the key is absent. */
int dataset_meta(const char *dir, const char *key, char *value, size_t len);

/* Writes into events_hex and truth_hex (65 bytes each) the SHA-256 of the split's events.bin and
   truth.tsv as its meta.tsv records them (DATASET_EVENTS_SHA256, DATASET_TRUTH_SHA256); a split
   simulated before they were recorded has them computed from its files, saying so on stderr. */
void dataset_digests(const char *dir, char events_hex[65], char truth_hex[65]);

/* Closes the files and frees d. */
void dataset_close(dataset *d);

/* ---- Writing (used by nutl simulate). The format is described in datasets/FORMAT.md. ---- */

#define DATASET_IMAGE_FILE "events.bin"
#define DATASET_TRUTH_FILE "truth.tsv"
#define DATASET_META_FILE "meta.tsv"
#define DATASET_FORMAT_VERSION 1
#define DATASET_EVENTS_SHA256 "events_sha256" /* meta.tsv keys: the SHA-256 of events.bin, truth.tsv */
#define DATASET_TRUTH_SHA256 "truth_sha256"

typedef struct dataset_writer dataset_writer;

/* Starts writing the image file of a split of n events (side x side pixels per view, downsampled by k)
   in folder dir, under a temporary name; dies naming the file if it cannot be written. */
dataset_writer *dataset_create(const char *dir, int n, int side, int k, uint64_t seed);

/* Returns the size of the record encoding event i's image pixels (3 x side x side floats) into *buf
   (grown as needed, *cap its size): sparse per-view lists of (pixel, MeV) with a CRC-32. */
size_t dataset_encode(const float *pixels, int side, int i, unsigned char **buf, size_t *cap);

/* Appends event i's record (from dataset_encode) with its class, true energy (GeV) and event id;
   events must come in order 0, 1, ... */
void dataset_append(dataset_writer *w, int i, int cls, double energy_gev, int64_t event_id,
                    const unsigned char *record, size_t len);

/* Writes the index and header, then renames the file to its final name; frees w. */
void dataset_commit(dataset_writer *w);

/* Appends to meta (the split's meta.tsv, being written last) the SHA-256 of the split's complete events.bin
   and truth.tsv in folder dir, under the keys dataset_digests reads: the split's identity in result
   records. */
void dataset_meta_digests(FILE *meta, const char *dir);

#endif
