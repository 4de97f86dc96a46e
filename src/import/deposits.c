/* deposits: reading deposit files (HDF5 and TSV, datasets/FORMAT.md) and imaging their events. */
#include "import/deposits.h"

#include <errno.h>
#include <hdf5.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/classes.h"
#include "core/util.h"
#include "sim/sim_constants.h"

const char *deposits_format_name(int f)
{
    static const char *name[N_DEPOSITS_FORMATS] = {"tsv", "hdf5"};
    return name[f];
}

int deposits_format_parse(const char *name)
{
    for (int f = 0; f < N_DEPOSITS_FORMATS; f++)
        if (!strcmp(name, deposits_format_name(f))) return f;
    return -1;
}

int deposits_format_of_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/')) return -1;
    if (!strcmp(dot, ".tsv")) return DEPOSITS_TSV;
    if (!strcmp(dot, ".h5") || !strcmp(dot, ".hdf5")) return DEPOSITS_HDF5;
    return -1;
}

deposit deposits_segment(const double start[3], const double end[3], double e)
{
    return (deposit){(float)(0.5 * (start[0] + end[0])), (float)(0.5 * (start[1] + end[1])),
                     (float)(0.5 * (start[2] + end[2])), (float)e,
                     (float)(0.5 * (end[0] - start[0])), (float)(0.5 * (end[1] - start[1])),
                     (float)(0.5 * (end[2] - start[2])), 0, -1}; /* no final-state particle known */
}

void deposits_segment_ends(const deposit *d, double start[3], double end[3])
{
    /* The sum and difference of two floats are exact in double (24-bit significands, 53 in double)
       unless one is over 2^28 times the other (1 km against 4 um), so deposits_segment gets the
       midpoint and half extent back bit for bit. */
    const float mid[3] = {d->x, d->y, d->z}, half[3] = {d->hx, d->hy, d->hz};
    for (int a = 0; a < 3; a++) {
        start[a] = (double)mid[a] - half[a];
        end[a] = (double)mid[a] + half[a];
    }
}

/* ---- The file being read ---- */

/* One row of "segments" as the reader holds it (fields converted by HDF5 to these types). */
typedef struct {
    int64_t event_id;
    double start[3], end[3], de;
} segment_row;

enum { CHUNK_ROWS = 1 << 16, TSV_FIELDS = 8, TSV_EVENT_FIELDS = 7 };

struct deposits_file {
    char path[NUTL_PATH_MAX];
    int format;
    deposit *dep; /* the current event's deposits */
    int n_dep, cap_dep;
    char problem[256]; /* what is wrong with the last value checked */
    /* TSV */
    FILE *tsv;
    char *line, *header, *column[TSV_FIELDS]; /* header: the header line, split into the column names */
    size_t line_cap;
    long line_no;
    int pending;                 /* an #event line was read ahead: its event is next */
    deposits_event next_event;
    /* HDF5 */
    hid_t h5, segments, segment_type;
    deposits_event *events;      /* nutl_events with their vertices, in file order */
    long n_events, event;        /* how many, and the next to return */
    hsize_t n_rows, row;         /* segments: rows, and the next to read */
    segment_row *chunk;          /* rows chunk_start .. chunk_start + chunk_len - 1 */
    hsize_t chunk_start, chunk_len;
};

/* Returns 1 if coordinate v (cm) is finite and within DEPOSITS_MAX_CM, else 0 with file->problem set. */
static int check_cm(deposits_file *file, const char *name, double v)
{
    if (!isfinite(v)) snprintf(file->problem, sizeof file->problem, "%s is not a finite number", name);
    else if (fabs(v) > DEPOSITS_MAX_CM)
        snprintf(file->problem, sizeof file->problem, "%s = %g cm lies beyond %g cm (nutl reads cm)", name, v, DEPOSITS_MAX_CM);
    else return 1;
    return 0;
}

/* Returns 1 if the segment can be imaged, else 0 with file->problem set. */
static int check_segment(deposits_file *file, const double start[3], const double end[3], double e)
{
    static const char *name[2][3] = {{"x_start", "y_start", "z_start"}, {"x_end", "y_end", "z_end"}};
    for (int a = 0; a < 3; a++)
        if (!check_cm(file, name[0][a], start[a]) || !check_cm(file, name[1][a], end[a])) return 0;
    if (!isfinite(e) || e < 0) {
        snprintf(file->problem, sizeof file->problem, "the energy %g MeV is not a finite number >= 0", e);
        return 0;
    }
    return 1;
}

/* Returns 1 if the event's energy and vertex are usable, else 0 with file->problem set. */
static int check_event(deposits_file *file, const deposits_event *ev)
{
    if (!isfinite(ev->energy_gev) || ev->energy_gev < 0)
        snprintf(file->problem, sizeof file->problem, "true_energy_gev %g is not a finite number >= 0", ev->energy_gev);
    else return check_cm(file, "vertex_x", ev->vertex[0]) && check_cm(file, "vertex_y", ev->vertex[1]) &&
                check_cm(file, "vertex_z", ev->vertex[2]);
    return 0;
}

/* Appends the segment's deposit to the current event's. */
static void add_deposit(deposits_file *file, const double start[3], const double end[3], double e)
{
    if (file->n_dep == file->cap_dep) {
        if (file->cap_dep > (1 << 29)) nutl_die("%s: over 2^29 segments in one event", file->path);
        file->cap_dep = file->cap_dep ? 2 * file->cap_dep : 4096;
        file->dep = realloc(file->dep, sizeof *file->dep * (size_t)file->cap_dep);
        if (!file->dep) nutl_die("out of memory reading %s", file->path);
    }
    file->dep[file->n_dep++] = deposits_segment(start, end, e);
}

/* ---- TSV ---- */

/* Dies with "path:line: message". */
static void tsv_die(const deposits_file *file, const char *fmt, ...) __attribute__((noreturn, format(printf, 2, 3)));
static void tsv_die(const deposits_file *file, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    nutl_die("%s:%ld: %s", file->path, file->line_no, msg);
}

/* Splits line at tabs into field (at most max); returns how many fields the line has. */
static int split(char *line, char **field, int max)
{
    int n = 0;
    for (char *p = line;; p++) {
        char *tab = strchr(p, '\t');
        if (n < max) field[n] = p;
        n++;
        if (!tab) return n;
        *tab = 0;
        p = tab;
    }
}

/* Reads the next line that is not a comment into file->line (newline removed), checking the header
   line first; returns 0 at the end of the file. */
static int tsv_line(deposits_file *file)
{
    for (;;) {
        ssize_t len = getline(&file->line, &file->line_cap, file->tsv);
        if (len < 0) {
            if (ferror(file->tsv)) nutl_die("%s: cannot read: %s", file->path, strerror(errno));
            if (!file->header) nutl_die("%s: no header line (expected %s, tab-separated)", file->path, DEPOSITS_TSV_HEADER);
            return 0;
        }
        file->line_no++;
        if (len > 0 && file->line[len - 1] == '\n') file->line[--len] = 0;
        int event = !strncmp(file->line, DEPOSITS_TSV_EVENT "\t", strlen(DEPOSITS_TSV_EVENT) + 1);
        if (file->line[0] == '#' && !event) continue;
        if (file->header) return 1;
        if (strcmp(file->line, DEPOSITS_TSV_HEADER))
            tsv_die(file, "expected the header line %s (tab-separated)", DEPOSITS_TSV_HEADER);
        file->header = strdup(file->line);
        if (!file->header) nutl_die("out of memory reading %s", file->path);
        split(file->header, file->column, TSV_FIELDS);
    }
}

static int is_event_line(const char *line) { return line[0] == '#'; } /* tsv_line keeps only #event lines */

/* Returns field i parsed as a finite number; dies naming it otherwise. */
static double tsv_number(const deposits_file *file, char **field, int i, const char *name)
{
    double v;
    if (!util_parse_double(field[i], &v)) tsv_die(file, "field %d (%s) '%s' is not a finite number", i + 1, name, field[i]);
    return v;
}

/* Returns field i parsed as an event id; dies naming it otherwise. */
static int64_t tsv_id(const deposits_file *file, char **field, int i)
{
    long v;
    if (!util_parse_long(field[i], &v)) tsv_die(file, "field %d (event_id) '%s' is not an integer", i + 1, field[i]);
    return v;
}

/* Parses the #event line in file->line into ev. */
static void tsv_event(deposits_file *file, deposits_event *ev)
{
    static const char *name[TSV_EVENT_FIELDS] = {DEPOSITS_TSV_EVENT, "event_id", "class", "true_energy_gev",
                                                 "vertex_x", "vertex_y", "vertex_z"};
    char *field[TSV_EVENT_FIELDS];
    int n = split(file->line, field, TSV_EVENT_FIELDS);
    if (n != TSV_EVENT_FIELDS)
        tsv_die(file, "expected %d tab-separated fields in an %s line, found %d", TSV_EVENT_FIELDS, DEPOSITS_TSV_EVENT, n);
    ev->id = tsv_id(file, field, 1);
    if ((ev->cls = class_parse(field[2])) < 0) tsv_die(file, "class '%s' is not numu_cc, nue_cc or nc", field[2]);
    ev->energy_gev = tsv_number(file, field, 3, name[3]);
    for (int a = 0; a < 3; a++) ev->vertex[a] = tsv_number(file, field, 4 + a, name[4 + a]);
    if (!check_event(file, ev)) tsv_die(file, "%s", file->problem);
}

/* Parses the segment line in file->line, of event id, into the current event's deposits. */
static void tsv_segment(deposits_file *file, int64_t id)
{
    char *field[TSV_FIELDS];
    int n = split(file->line, field, TSV_FIELDS);
    if (n != TSV_FIELDS) tsv_die(file, "expected %d tab-separated fields, found %d", TSV_FIELDS, n);
    int64_t seg_id = tsv_id(file, field, 0);
    if (seg_id != id)
        tsv_die(file, "a segment of event %lld under the %s line of event %lld", (long long)seg_id, DEPOSITS_TSV_EVENT,
                (long long)id);
    double v[7];
    for (int i = 1; i < TSV_FIELDS; i++) v[i - 1] = tsv_number(file, field, i, file->column[i]);
    if (!check_segment(file, v, v + 3, v[6])) tsv_die(file, "%s", file->problem);
    add_deposit(file, v, v + 3, v[6]);
}

static int tsv_next(deposits_file *file, deposits_event *ev)
{
    if (!file->pending) {
        if (!tsv_line(file)) return 0;
        if (!is_event_line(file->line)) tsv_die(file, "a segment before the first %s line", DEPOSITS_TSV_EVENT);
        tsv_event(file, &file->next_event);
    }
    *ev = file->next_event;
    file->pending = 0;
    file->n_dep = 0;
    while (tsv_line(file)) {
        if (is_event_line(file->line)) {
            tsv_event(file, &file->next_event);
            file->pending = 1;
            break;
        }
        tsv_segment(file, ev->id);
    }
    return 1;
}

static void tsv_open(deposits_file *file)
{
    if (!(file->tsv = fopen(file->path, "r"))) nutl_die("%s: cannot open: %s", file->path, strerror(errno));
}

static void tsv_rewind(deposits_file *file)
{
    rewind(file->tsv);
    file->line_no = 0;
    file->pending = 0;
    free(file->header);
    file->header = NULL;
}

/* ---- HDF5 ---- */

/* A field the reader needs from a compound dataset: its name (or the name larnd-sim gave it before
   July 2023), where it goes in the reader's row, and whether it is an integer (else a float). */
typedef struct {
    const char *name, *old_name;
    size_t offset;
    int integer;
} field;

/* Returns the open dataset name of file, one-dimensional; dies naming it if absent or not a table. */
static hid_t h5_dataset(const deposits_file *file, const char *name)
{
    if (H5Lexists(file->h5, name, H5P_DEFAULT) <= 0)
        nutl_die("%s: no dataset '%s' (the layout is in datasets/FORMAT.md)", file->path, name);
    hid_t d = H5Dopen2(file->h5, name, H5P_DEFAULT), space = d < 0 ? -1 : H5Dget_space(d);
    if (space < 0) nutl_die("%s: cannot open dataset '%s' (damaged file?)", file->path, name);
    int rank = H5Sget_simple_extent_ndims(space);
    H5Sclose(space);
    if (rank != 1) nutl_die("%s: dataset '%s' has %d dimensions, expected a table (1)", file->path, name, rank);
    return d;
}

/* Returns the rows of dataset d. */
static hsize_t h5_rows(hid_t d)
{
    hid_t space = H5Dget_space(d);
    hsize_t n = 0;
    H5Sget_simple_extent_dims(space, &n, NULL);
    H5Sclose(space);
    return n;
}

/* Returns the memory type that reads fields of dataset d (called name) into rows of size bytes; dies
   naming the dataset and the field when one is absent or not a number. */
static hid_t h5_row_type(const deposits_file *file, hid_t d, const char *name, const field *fields, int n, size_t size)
{
    hid_t ftype = H5Dget_type(d);
    if (H5Tget_class(ftype) != H5T_COMPOUND) nutl_die("%s: dataset '%s' is not a compound table", file->path, name);
    hid_t mtype = H5Tcreate(H5T_COMPOUND, size);
    for (int i = 0; i < n; i++) {
        const char *fname = fields[i].name;
        int m = H5Tget_member_index(ftype, fname);
        if (m < 0 && fields[i].old_name) m = H5Tget_member_index(ftype, fname = fields[i].old_name);
        if (m < 0) nutl_die("%s: dataset '%s' has no field '%s'", file->path, name, fields[i].name);
        H5T_class_t c = H5Tget_member_class(ftype, (unsigned)m);
        if (c != H5T_INTEGER && (fields[i].integer || c != H5T_FLOAT))
            nutl_die("%s: field '%s' of dataset '%s' is not %s", file->path, fname, name,
                     fields[i].integer ? "an integer" : "a number");
        H5Tinsert(mtype, fname, fields[i].offset, fields[i].integer ? H5T_NATIVE_INT64 : H5T_NATIVE_DOUBLE);
    }
    H5Tclose(ftype);
    return mtype;
}

/* Reads rows start .. start + count - 1 of dataset d (called name) through mtype into buf. */
static void h5_read(const deposits_file *file, hid_t d, const char *name, hid_t mtype, hsize_t start, hsize_t count,
                    void *buf)
{
    hid_t fspace = H5Dget_space(d), mspace = H5Screate_simple(1, &count, NULL);
    herr_t ok = H5Sselect_hyperslab(fspace, H5S_SELECT_SET, &start, NULL, &count, NULL);
    if (ok >= 0) ok = H5Dread(d, mtype, mspace, fspace, H5P_DEFAULT, buf);
    H5Sclose(mspace);
    H5Sclose(fspace);
    if (ok < 0) nutl_die("%s: cannot read rows %llu-%llu of dataset '%s' (damaged or truncated file)", file->path,
                         (unsigned long long)start, (unsigned long long)(start + count - 1), name);
}

/* Returns the n rows of the table name, read through fields into rows of size bytes (to free). */
static void *h5_table(const deposits_file *file, const char *name, const field *fields, int nf, size_t size, hsize_t *n)
{
    hid_t d = h5_dataset(file, name), mtype = h5_row_type(file, d, name, fields, nf, size);
    *n = h5_rows(d);
    void *rows = nutl_calloc(size * (size_t)*n, name);
    if (*n) h5_read(file, d, name, mtype, 0, *n, rows);
    H5Tclose(mtype);
    H5Dclose(d);
    return rows;
}

typedef struct {
    int64_t id;
    double v[3];
} vertex_row;

static int by_id(const void *a, const void *b)
{
    int64_t x = ((const vertex_row *)a)->id, y = ((const vertex_row *)b)->id;
    return (x > y) - (x < y);
}

/* Reads nutl_events and gives each event its vertex from vertices (exactly one per event). */
static void h5_events(deposits_file *file)
{
    typedef struct {
        int64_t id, cls;
        double energy;
    } event_row;
    static const field event_fields[] = {{"event_id", NULL, offsetof(event_row, id), 1},
                                         {"class", NULL, offsetof(event_row, cls), 1},
                                         {"true_energy_gev", NULL, offsetof(event_row, energy), 0}};
    static const field vertex_fields[] = {{"event_id", "eventID", offsetof(vertex_row, id), 1},
                                          {"x_vert", NULL, offsetof(vertex_row, v[0]), 0},
                                          {"y_vert", NULL, offsetof(vertex_row, v[1]), 0},
                                          {"z_vert", NULL, offsetof(vertex_row, v[2]), 0}};
    hsize_t ne, nv;
    event_row *ev = h5_table(file, DEPOSITS_EVENTS, event_fields, 3, sizeof *ev, &ne);
    vertex_row *vx = h5_table(file, DEPOSITS_VERTICES, vertex_fields, 4, sizeof *vx, &nv);
    if (ne > (1u << 30)) nutl_die("%s: %llu events, more than a split holds", file->path, (unsigned long long)ne);
    qsort(vx, nv, sizeof *vx, by_id);
    file->n_events = (long)ne;
    file->events = nutl_calloc(sizeof *file->events * ne, "events");
    for (hsize_t i = 0; i < ne; i++) {
        vertex_row key = {ev[i].id, {0}}, *v = bsearch(&key, vx, nv, sizeof *vx, by_id);
        if (!v) nutl_die("%s: event %lld of %s has no row in %s", file->path, (long long)ev[i].id, DEPOSITS_EVENTS, DEPOSITS_VERTICES);
        if ((v > vx && v[-1].id == key.id) || (v + 1 < vx + nv && v[1].id == key.id))
            nutl_die("%s: event %lld has several rows in %s: nutl images one interaction an event", file->path,
                     (long long)key.id, DEPOSITS_VERTICES);
        if (ev[i].cls < 0 || ev[i].cls >= N_CLASSES)
            nutl_die("%s: %s row %llu (event %lld): class %lld is not 0 (numu_cc), 1 (nue_cc) or 2 (nc)", file->path,
                     DEPOSITS_EVENTS, (unsigned long long)i, (long long)key.id, (long long)ev[i].cls);
        deposits_event *e = &file->events[i];
        *e = (deposits_event){ev[i].id, (int)ev[i].cls, ev[i].energy, {v->v[0], v->v[1], v->v[2]}};
        if (!check_event(file, e))
            nutl_die("%s: %s row %llu (event %lld): %s", file->path, DEPOSITS_EVENTS, (unsigned long long)i,
                     (long long)e->id, file->problem);
    }
    free(ev);
    free(vx);
}

static void h5_open(deposits_file *file)
{
    static const field segment_fields[] = {
        {"event_id", "eventID", offsetof(segment_row, event_id), 1}, {"x_start", NULL, offsetof(segment_row, start[0]), 0},
        {"y_start", NULL, offsetof(segment_row, start[1]), 0},      {"z_start", NULL, offsetof(segment_row, start[2]), 0},
        {"x_end", NULL, offsetof(segment_row, end[0]), 0},          {"y_end", NULL, offsetof(segment_row, end[1]), 0},
        {"z_end", NULL, offsetof(segment_row, end[2]), 0},          {"dE", NULL, offsetof(segment_row, de), 0}};
    H5Eset_auto2(H5E_DEFAULT, NULL, NULL); /* errors are ours to report, in one line */
    FILE *probe = fopen(file->path, "rb");
    if (!probe) nutl_die("%s: cannot open: %s", file->path, strerror(errno));
    fclose(probe);
    if (H5Fis_hdf5(file->path) <= 0) nutl_die("%s: not an HDF5 file", file->path);
    if ((file->h5 = H5Fopen(file->path, H5F_ACC_RDONLY, H5P_DEFAULT)) < 0)
        nutl_die("%s: cannot open as HDF5 (damaged or truncated file)", file->path);
    h5_events(file);
    file->segments = h5_dataset(file, DEPOSITS_SEGMENTS);
    file->segment_type = h5_row_type(file, file->segments, DEPOSITS_SEGMENTS, segment_fields, 8, sizeof(segment_row));
    file->n_rows = h5_rows(file->segments);
    file->chunk = nutl_calloc(sizeof *file->chunk * CHUNK_ROWS, "segment rows");
}

/* Returns segment row r, reading its chunk when needed. */
static const segment_row *h5_segment(deposits_file *file, hsize_t r)
{
    if (r < file->chunk_start || r >= file->chunk_start + file->chunk_len) {
        file->chunk_start = r;
        file->chunk_len = file->n_rows - r < CHUNK_ROWS ? file->n_rows - r : CHUNK_ROWS;
        h5_read(file, file->segments, DEPOSITS_SEGMENTS, file->segment_type, r, file->chunk_len, file->chunk);
    }
    return &file->chunk[r - file->chunk_start];
}

static int h5_next(deposits_file *file, deposits_event *ev)
{
    if (file->event == file->n_events) {
        if (file->row < file->n_rows)
            nutl_die("%s: %s row %llu belongs to event %lld, out of place: segments must be grouped by event, in the "
                     "order of %s", file->path, DEPOSITS_SEGMENTS, (unsigned long long)file->row,
                     (long long)h5_segment(file, file->row)->event_id, DEPOSITS_EVENTS);
        return 0;
    }
    *ev = file->events[file->event++];
    file->n_dep = 0;
    for (; file->row < file->n_rows; file->row++) {
        const segment_row *s = h5_segment(file, file->row);
        if (s->event_id != ev->id) break;
        if (!check_segment(file, s->start, s->end, s->de))
            nutl_die("%s: %s row %llu (event %lld): %s", file->path, DEPOSITS_SEGMENTS, (unsigned long long)file->row,
                     (long long)ev->id, file->problem);
        add_deposit(file, s->start, s->end, s->de);
    }
    return 1;
}

/* ---- Either format ---- */

deposits_file *deposits_open(const char *path, int f)
{
    deposits_file *file = nutl_calloc(sizeof *file, "deposit file");
    if ((size_t)snprintf(file->path, sizeof file->path, "%s", path) >= sizeof file->path) nutl_die("%s: path too long", path);
    file->format = f;
    if (f == DEPOSITS_TSV) tsv_open(file);
    else h5_open(file);
    return file;
}

int deposits_next(deposits_file *file, deposits_event *ev, const deposit **dep, int *n)
{
    int more = file->format == DEPOSITS_TSV ? tsv_next(file, ev) : h5_next(file, ev);
    *dep = file->dep;
    *n = more ? file->n_dep : 0;
    return more;
}

void deposits_rewind(deposits_file *file)
{
    if (file->format == DEPOSITS_TSV) tsv_rewind(file);
    file->event = 0;
    file->row = 0;
}

void deposits_close(deposits_file *file)
{
    if (file->tsv) fclose(file->tsv);
    if (file->format == DEPOSITS_HDF5) {
        H5Tclose(file->segment_type);
        H5Dclose(file->segments);
        H5Fclose(file->h5);
    }
    free(file->line);
    free(file->header);
    free(file->events);
    free(file->chunk);
    free(file->dep);
    free(file);
}

/* ---- Imaging ---- */

void deposits_image(const deposit *dep, int n, const double vertex[3], int k, float *image, deposits_summary *s)
{
    crop c;
    int side = IMAGE_PIXELS / k;
    readout_crop(dep, n, vertex, &c);
    *s = (deposits_summary){0};
    s->image_mev = readout_image(dep, n, &c, k, image);
    for (int i = 0; i < n; i++) s->visible_mev += dep[i].e;
    for (int v = 0; v < N_VIEWS; v++)
        for (int p = 0; p < side * side; p++) s->hits[v] += image[v * side * side + p] != 0;
}
