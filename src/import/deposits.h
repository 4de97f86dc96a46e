/* deposits: 3D energy deposits simulated elsewhere (any Geant4 application), read event by event and
   imaged as nutl images its own events (sim/readout: the same crop, views and pixels).
   Two layouts, both in datasets/FORMAT.md:
   - HDF5, as DUNE's larnd-sim dumps edep-sim's output (cli/dumpTree.py): the compound datasets
     "segments" (event_id, x_start .. z_end in cm, dE in MeV) and "vertices" (event_id, x_vert, y_vert,
     z_vert in cm), plus nutl's "nutl_events" (event_id, class, true_energy_gev) for the truth that
     layout lacks;
   - TSV: a header line, then for each event an "#event" line (its truth and vertex) and one line per
     segment.
   Coordinates are nutl's: x drift, y up, z beam, cm. deposits_writer writes both layouts, for
   `nutl simulate --deposits-out`: nutl's own deposits, which import to the very same images. */
#ifndef NUTL_DEPOSITS_H
#define NUTL_DEPOSITS_H

#include <stdint.h>

#include "sim/readout.h"
#include "sim/transport.h"

enum deposits_format { DEPOSITS_TSV, DEPOSITS_HDF5, N_DEPOSITS_FORMATS };

/* The layouts' names: one definition for the reader and the writer. */
#define DEPOSITS_SEGMENTS "segments"  /* HDF5 datasets */
#define DEPOSITS_VERTICES "vertices"
#define DEPOSITS_EVENTS "nutl_events"
#define DEPOSITS_TSV_HEADER "event_id\tx_start\ty_start\tz_start\tx_end\ty_end\tz_end\tde_mev"
#define DEPOSITS_TSV_EVENT "#event" /* then event_id, class, true_energy_gev, vertex_x, vertex_y, vertex_z */
#define DEPOSITS_MAX_CM 1e5         /* coordinates beyond 1 km are an error (mm taken for cm, garbage) */

/* One event's truth: what the split's index and truth.tsv need beside the image. */
typedef struct {
    int64_t id;
    int cls;           /* enum event_class */
    double energy_gev; /* true neutrino energy */
    double vertex[3];  /* cm; the crop keeps it inside the image */
} deposits_event;

/* Returns the name of format f ("tsv", "hdf5"). */
const char *deposits_format_name(int f);

/* Returns the format named name, or -1 when none is. */
int deposits_format_parse(const char *name);

/* Returns the format path's extension implies (.tsv; .h5, .hdf5), or -1 for another extension. */
int deposits_format_of_path(const char *path);

/* Returns the deposit of a segment from start to end (cm) depositing e MeV: its midpoint and half
   extent, rounded to float. deposits_segment_ends is its inverse, exactly, for a deposit's floats. */
deposit deposits_segment(const double start[3], const double end[3], double e);

/* Writes into start and end (cm, doubles) the ends of deposit d's segment: midpoint -/+ half extent,
   exact in double, so that deposits_segment gives d back bit for bit. */
void deposits_segment_ends(const deposit *d, double start[3], double end[3]);

/* ---- Reading ---- */

typedef struct deposits_file deposits_file;

/* Opens path in format f and checks its layout (datasets, fields, header line); dies with one line
   naming the file and the problem (missing, not HDF5, a dataset or field absent). */
deposits_file *deposits_open(const char *path, int f);

/* Reads the next event: its truth into ev and its n deposits into *dep (owned by file, valid until the
   next call). Returns 1, or 0 after the last event. Dies naming the file and the place (line, row) on
   a malformed line, a number that is not finite, a coordinate beyond DEPOSITS_MAX_CM, a negative energy,
   an unknown class, or segments not grouped by event in the order of the events. */
int deposits_next(deposits_file *file, deposits_event *ev, const deposit **dep, int *n);

/* Goes back to the first event. */
void deposits_rewind(deposits_file *file);

/* Closes the file and frees it. */
void deposits_close(deposits_file *file);

/* ---- Imaging ---- */

typedef struct {
    double visible_mev;  /* the deposits' energy */
    double image_mev;    /* inside the crop, mean over the views */
    int hits[N_VIEWS];   /* non-zero pixels per view */
} deposits_summary;

/* Writes the image of an event's n deposits at vertex into image (N_VIEWS x side x side floats, side =
   224 / k), cropped and pixelled exactly as nutl simulate does with the ideal response (readout_crop,
   readout_image), and returns what it holds in *s. */
void deposits_image(const deposit *dep, int n, const double vertex[3], int k, float *image, deposits_summary *s);

/* ---- Writing (nutl simulate --deposits-out) ---- */

typedef struct deposits_writer deposits_writer;

/* Starts writing a deposit file at path, in format f, under a temporary name; dies naming the file if
   it cannot be written. */
deposits_writer *deposits_writer_create(const char *path, int f);

/* Appends one event: its truth and its n deposits. */
void deposits_writer_add(deposits_writer *w, const deposits_event *ev, const deposit *dep, int n);

/* Completes the file and renames it to its final name; frees w. */
void deposits_writer_commit(deposits_writer *w);

#endif
