/* grid: the cells of a protocol's study, one network each (cfg/protocols/<name>.conf): Kaiming `all` at
   every training size, pretrained `all` at every size, pretrained with each of schemes_at_largest at the
   largest size; `members` networks per cell, numbered from 1. Needs no Darknet (the analysis links it). */
#ifndef NUTL_GRID_H
#define NUTL_GRID_H

#include <stddef.h>
#include <stdint.h>

#include "core/protocol.h"

#define GRID_MAX_SIZES 32
#define GRID_MAX_SCHEMES 8
#define GRID_NAME_MAX 96

typedef struct {
    char name[GRID_NAME_MAX];  /* run folder: <init>-<scheme>-n<train_images>-m<member> */
    const char *init;          /* "kaiming" or "pretrained" */
    const char *scheme;        /* points into the grid's schemes (or "all") */
    long train_images, member;
    uint64_t seed;             /* seed_derive(protocol seed, name): what `nutl train --protocol` uses */
} grid_cell;

typedef struct {
    char name[64];
    protocol conf;
    long sizes[GRID_MAX_SIZES];       /* ascending */
    int n_sizes;
    long members;
    char schemes[GRID_MAX_SCHEMES][32];
    int n_schemes;
    grid_cell *cells;                 /* cell-major, members inner: *-m1, *-m2, ... */
    int n_cells;
} grid;

/* Writes the run folder name "<init>-<scheme>-n<train_images>-m<member>" into buf; returns buf. */
char *grid_cell_name(char *buf, size_t len, const char *init, const char *scheme, long train_images,
                     long member);

/* Returns the seed of the network named cell_name (a run folder name) in a protocol whose base seed is
   base: seed_derive(base, cell_name), the rule every cell's seed follows. */
uint64_t grid_cell_seed(uint64_t base, const char *cell_name);

/* Returns the base seed of protocol name: its preset's seed, or 0 for the protocol "none" (a network
   trained outside any study); dies naming the preset if it cannot be read. */
uint64_t grid_base_seed(const char *name);

/* Returns the path of protocol name's preset, cfg/protocols/<name>.conf, written into buf. */
char *grid_conf_path(char *buf, size_t len, const char *name);

/* Reads protocol name's preset, conf_path (NULL: cfg/protocols/<name>.conf), and lists its cells into g;
   dies naming the file on an invalid preset (train_sizes not ascending, members < 1, too many sizes or
   schemes). */
void grid_load(grid *g, const char *name, const char *conf_path);

/* Frees what grid_load allocated. */
void grid_free(grid *g);

#endif
