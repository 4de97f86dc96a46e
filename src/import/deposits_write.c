/* deposits: writing deposit files (nutl simulate --deposits-out), in the layouts deposits.c reads. Segment
   ends and vertices are written as doubles (TSV: 17 digits) so that the float deposits and the vertex
   come back bit for bit and import to the same images. */
#include <errno.h>
#include <hdf5.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/classes.h"
#include "core/util.h"
#include "import/deposits.h"

enum { BUFFER_ROWS = 1 << 14 }; /* rows buffered per table, and the HDF5 chunk */

/* One HDF5 table being appended to: the dataset, the memory layout of its rows, and unwritten rows. */
typedef struct {
    const char *name;
    hid_t d, mtype;
    size_t row_size;
    hsize_t rows; /* written */
    unsigned char *buf;
    size_t n_buf;
} table;

struct deposits_writer {
    char path[NUTL_PATH_MAX], tmp[NUTL_PATH_MAX];
    int format;
    FILE *tsv;
    hid_t h5;
    table segments, vertices, events;
};

/* The rows as nutl writes them. */
typedef struct {
    uint32_t event_id;
    double start[3], end[3];
    float de;
} segment_out;

typedef struct {
    uint32_t event_id;
    double v[3];
} vertex_out;

typedef struct {
    uint32_t event_id;
    int32_t cls;
    double energy_gev;
} event_out;

enum column_type { U32, I32, F32, F64 };

typedef struct {
    const char *name;
    size_t offset;
    enum column_type type;
} column;

/* Returns the memory (file = 0) or little-endian file (file = 1) HDF5 type of t. */
static hid_t h5_type(enum column_type t, int file)
{
    switch (t) {
    case U32: return file ? H5T_STD_U32LE : H5T_NATIVE_UINT32;
    case I32: return file ? H5T_STD_I32LE : H5T_NATIVE_INT32;
    case F32: return file ? H5T_IEEE_F32LE : H5T_NATIVE_FLOAT;
    default: return file ? H5T_IEEE_F64LE : H5T_NATIVE_DOUBLE;
    }
}

/* Returns the compound type of the n columns: in memory (rows of size bytes), or packed in the file. */
static hid_t compound(const column *c, int n, size_t size, int file)
{
    size_t packed = 0;
    for (int i = 0; i < n; i++) packed += H5Tget_size(h5_type(c[i].type, 1));
    hid_t t = H5Tcreate(H5T_COMPOUND, file ? packed : size);
    for (int i = 0, at = 0; i < n; i++) {
        H5Tinsert(t, c[i].name, file ? (size_t)at : c[i].offset, h5_type(c[i].type, file));
        at += (int)H5Tget_size(h5_type(c[i].type, 1));
    }
    return t;
}

/* Creates the empty, extendible table name of the n columns (rows of size bytes in memory). */
static void table_create(deposits_writer *w, table *t, const char *name, const column *c, int n, size_t size)
{
    hsize_t zero = 0, unlimited = H5S_UNLIMITED, chunk = BUFFER_ROWS;
    hid_t space = H5Screate_simple(1, &zero, &unlimited), dcpl = H5Pcreate(H5P_DATASET_CREATE);
    hid_t ftype = compound(c, n, size, 1);
    H5Pset_chunk(dcpl, 1, &chunk);
    H5Pset_obj_track_times(dcpl, 0); /* no time stamps: the same events give the same bytes */
    if (H5Zfilter_avail(H5Z_FILTER_DEFLATE) > 0) H5Pset_deflate(dcpl, 4);
    *t = (table){name, H5Dcreate2(w->h5, name, ftype, space, H5P_DEFAULT, dcpl, H5P_DEFAULT), compound(c, n, size, 0),
                 size, 0, nutl_calloc(size * BUFFER_ROWS, name), 0};
    H5Tclose(ftype);
    H5Pclose(dcpl);
    H5Sclose(space);
    if (t->d < 0) nutl_die("%s: cannot create dataset '%s'", w->tmp, name);
}

/* Writes t's buffered rows at its end. */
static void table_flush(const deposits_writer *w, table *t)
{
    hsize_t start = t->rows, count = t->n_buf, total = t->rows + t->n_buf;
    if (!count) return;
    herr_t ok = H5Dset_extent(t->d, &total);
    hid_t fspace = H5Dget_space(t->d), mspace = H5Screate_simple(1, &count, NULL);
    if (ok >= 0) ok = H5Sselect_hyperslab(fspace, H5S_SELECT_SET, &start, NULL, &count, NULL);
    if (ok >= 0) ok = H5Dwrite(t->d, t->mtype, mspace, fspace, H5P_DEFAULT, t->buf);
    H5Sclose(mspace);
    H5Sclose(fspace);
    if (ok < 0) nutl_die("%s: cannot write dataset '%s' (disk full?)", w->tmp, t->name);
    t->rows = total;
    t->n_buf = 0;
}

static void table_add(const deposits_writer *w, table *t, const void *row)
{
    memcpy(t->buf + t->row_size * t->n_buf++, row, t->row_size);
    if (t->n_buf == BUFFER_ROWS) table_flush(w, t);
}

static void table_close(const deposits_writer *w, table *t)
{
    table_flush(w, t);
    H5Tclose(t->mtype);
    if (H5Dclose(t->d) < 0) nutl_die("%s: cannot write dataset '%s'", w->tmp, t->name);
    free(t->buf);
}

static void h5_create(deposits_writer *w)
{
    static const column segment_columns[] = {
        {"event_id", offsetof(segment_out, event_id), U32}, {"x_start", offsetof(segment_out, start[0]), F64},
        {"y_start", offsetof(segment_out, start[1]), F64},  {"z_start", offsetof(segment_out, start[2]), F64},
        {"x_end", offsetof(segment_out, end[0]), F64},      {"y_end", offsetof(segment_out, end[1]), F64},
        {"z_end", offsetof(segment_out, end[2]), F64},      {"dE", offsetof(segment_out, de), F32}};
    static const column vertex_columns[] = {
        {"event_id", offsetof(vertex_out, event_id), U32}, {"x_vert", offsetof(vertex_out, v[0]), F64},
        {"y_vert", offsetof(vertex_out, v[1]), F64},       {"z_vert", offsetof(vertex_out, v[2]), F64}};
    static const column event_columns[] = {{"event_id", offsetof(event_out, event_id), U32},
                                           {"class", offsetof(event_out, cls), I32},
                                           {"true_energy_gev", offsetof(event_out, energy_gev), F64}};
    H5Eset_auto2(H5E_DEFAULT, NULL, NULL);
    if ((w->h5 = H5Fcreate(w->tmp, H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT)) < 0) nutl_die("%s: cannot write", w->tmp);
    table_create(w, &w->segments, DEPOSITS_SEGMENTS, segment_columns, 8, sizeof(segment_out));
    table_create(w, &w->vertices, DEPOSITS_VERTICES, vertex_columns, 4, sizeof(vertex_out));
    table_create(w, &w->events, DEPOSITS_EVENTS, event_columns, 3, sizeof(event_out));
}

deposits_writer *deposits_writer_create(const char *path, int f)
{
    deposits_writer *w = nutl_calloc(sizeof *w, "deposit writer");
    if ((size_t)snprintf(w->path, sizeof w->path, "%s", path) >= sizeof w->path ||
        (size_t)snprintf(w->tmp, sizeof w->tmp, "%s.tmp", path) >= sizeof w->tmp)
        nutl_die("%s: path too long", path);
    w->format = f;
    if (f == DEPOSITS_HDF5) {
        h5_create(w);
        return w;
    }
    w->tsv = atomic_open(path);
    fprintf(w->tsv, "# nutl energy deposits (datasets/FORMAT.md): cm (x drift, y up, z beam), MeV; each event's "
                    "segments follow its line %s event_id class true_energy_gev vertex_x vertex_y vertex_z\n%s\n",
            DEPOSITS_TSV_EVENT, DEPOSITS_TSV_HEADER);
    return w;
}

void deposits_writer_add(deposits_writer *w, const deposits_event *ev, const deposit *dep, int n)
{
    if (ev->id < 0 || ev->id > UINT32_MAX) nutl_die("%s: event id %" PRId64 " does not fit the layout's u32", w->path, ev->id);
    uint32_t id = (uint32_t)ev->id;
    if (w->format == DEPOSITS_TSV)
        fprintf(w->tsv, "%s\t%" PRIu32 "\t%s\t%.17g\t%.17g\t%.17g\t%.17g\n", DEPOSITS_TSV_EVENT, id, class_name(ev->cls),
                ev->energy_gev, ev->vertex[0], ev->vertex[1], ev->vertex[2]);
    else {
        table_add(w, &w->events, &(event_out){id, ev->cls, ev->energy_gev});
        table_add(w, &w->vertices, &(vertex_out){id, {ev->vertex[0], ev->vertex[1], ev->vertex[2]}});
    }
    for (int i = 0; i < n; i++) {
        segment_out s = {id, {0}, {0}, dep[i].e};
        deposits_segment_ends(&dep[i], s.start, s.end);
        if (w->format == DEPOSITS_HDF5) table_add(w, &w->segments, &s);
        else fprintf(w->tsv, "%" PRIu32 "\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.9g\n", id, s.start[0], s.start[1],
                     s.start[2], s.end[0], s.end[1], s.end[2], s.de);
    }
}

void deposits_writer_commit(deposits_writer *w)
{
    if (w->format == DEPOSITS_TSV) atomic_commit(w->tsv, w->path);
    else {
        table_close(w, &w->segments);
        table_close(w, &w->vertices);
        table_close(w, &w->events);
        if (H5Fclose(w->h5) < 0) nutl_die("%s: write failed", w->tmp);
        if (rename(w->tmp, w->path) != 0) nutl_die("%s: cannot rename from %s: %s", w->path, w->tmp, strerror(errno));
    }
    free(w);
}
