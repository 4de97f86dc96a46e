/* readout: projects energy deposits into the three wire views of the paper and cuts the images.
   View coordinates: u = z cos(35.9 deg) + y sin(35.9 deg), v the same at -35.9 deg, w = z; against
   drift x. Pixels are 1 cm x 1 cm on a grid aligned with the detector's coordinates (pixel k holds
   [k, k+1) cm). Crop: each view's 224-pixel wire window is centred on the energy-weighted mean wire
   coordinate of the deposits, and the 224-pixel drift window (shared by the views) on the energy-
   weighted mean x; each window is then moved as little as needed to keep the vertex at least
   CROP_VERTEX_MARGIN pixels inside it. */
#ifndef NUTL_READOUT_H
#define NUTL_READOUT_H

#include "sim/transport.h"

enum { VIEW_U, VIEW_V, VIEW_W, N_VIEWS };

typedef struct {
    int wire0[N_VIEWS]; /* first pixel of each view's wire window (pixel index on the detector grid) */
    int drift0;         /* first pixel of the drift window */
} crop;

/* Returns the wire coordinate (cm) of view v at (y, z). */
double readout_wire(int view, double y, double z);

/* Returns the first pixel of the IMAGE_PIXELS-wide window centred on coordinate centre (cm): the crop's
   rule before the vertex margin (importers of maps without a vertex use it alone). */
int readout_window(double centre);

/* Places the crop for the n deposits dep of an interaction at vertex. */
void readout_crop(const deposit *dep, int n, const double vertex[3], crop *c);

/* Writes the image of the deposits inside the crop into image: N_VIEWS channels of (224/k) x (224/k)
   pixels (CHW, row = drift, column = wire), each pixel the sum of a k x k block of 1 cm pixels, MeV.
   A segment deposit is spread over the pixels its projection crosses, in proportion to its length in
   each (no quantisation at step midpoints).
   k must divide 224. Returns the energy inside the crop summed over the three views divided by 3. */
double readout_image(const deposit *dep, int n, const crop *c, int k, float *image);

/* A grid of readout cells (wires across, time cells along the drift) fixed to the detector: cell j of
   view v spans [j, j + 1) x wire_cm[v] of its wire coordinate, row i [i, i + 1) x drift_cm of x. */
typedef struct {
    double drift_cm, wire_cm[N_VIEWS]; /* cell sizes, set by the caller */
    int drift0, wire0[N_VIEWS];        /* the first cell of the window (readout_cell_grid) */
    int rows, cols;                    /* cells in the window, per view */
    int side;                          /* max(rows, cols): a plane's row length in the cells' layout */
    int box[N_VIEWS][4];               /* cells holding charge: first and last row, first and last column
                                          (readout_cells; empty when first > last) */
} cell_grid;

/* Places g's window over crop c: from the cell holding the crop's first pixel, enough cells to cover
   its 224 pixels in every view. The cell sizes must be set. */
void readout_cell_grid(const crop *c, cell_grid *g);

/* Writes the charge of the deposits in each cell of g's window into cells (N_VIEWS planes of
   side x side floats; row = drift, column = wire), spread along segments as
   readout_image does, and the box of the cells holding charge into g->box. Returns the energy inside
   the window summed over the views divided by N_VIEWS. */
double readout_cells(const deposit *dep, int n, cell_grid *g, float *cells);

/* Widens view v's box of g to hold cell (row, col). */
void readout_box_add(cell_grid *g, int v, int row, int col);

/* Returns the 1 cm pixel, on the detector's grid, holding the centre of cell k of size `size` (cm). */
int readout_centre_pixel(int k, double size);

/* Writes into fine (N_VIEWS x 224 x 224, 1 cm pixels of crop c) the cells of g's box, each added to the
   pixel holding its centre (as nutl import dune-cvn rebins DUNE's maps). */
void readout_cells_rebin(const float *cells, const cell_grid *g, const crop *c, float *fine);

/* Writes into image (N_VIEWS x (224/k) x (224/k)) the sums of the k x k blocks of fine, an image of
   1 cm pixels (N_VIEWS x 224 x 224). */
void readout_block_sum(const float *fine, int k, float *image);

/* Returns the number of parameters t in (0, 1) where a + t (b - a) crosses an integer, written into t
   in increasing order (room for |b - a| + 1 of them). */
int readout_crossings(double a, double b, double *t);

#endif
