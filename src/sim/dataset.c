/* dataset: the split's image file (events.bin) and truth table (truth.tsv); see datasets/FORMAT.md. */
#include "sim/dataset.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "core/digest.h"
#include "core/util.h"

#define MAGIC "NUTLEVTS"
#define HEADER_SIZE 64
#define ENTRY_SIZE 32
#define RECORD_HEAD 12 /* u32 event index, u16 count per view, u16 reserved */
#define CHANNELS 3

/* ---- Little-endian fields ---- */

static void put16(unsigned char *b, uint16_t v) { b[0] = v; b[1] = v >> 8; }
static void put32(unsigned char *b, uint32_t v) { for (int k = 0; k < 4; k++) b[k] = v >> (8 * k); }
static void put64(unsigned char *b, uint64_t v) { for (int k = 0; k < 8; k++) b[k] = v >> (8 * k); }
static uint16_t get16(const unsigned char *b) { return (uint16_t)(b[0] | b[1] << 8); }
static uint32_t get32(const unsigned char *b)
{
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}
static uint64_t get64(const unsigned char *b) { return (uint64_t)get32(b) | (uint64_t)get32(b + 4) << 32; }
static void putf32(unsigned char *b, float f) { uint32_t v; memcpy(&v, &f, 4); put32(b, v); }
static float getf32(const unsigned char *b) { uint32_t v = get32(b); float f; memcpy(&f, &v, 4); return f; }
static void putf64(unsigned char *b, double f) { uint64_t v; memcpy(&v, &f, 8); put64(b, v); }
static double getf64(const unsigned char *b) { uint64_t v = get64(b); double f; memcpy(&f, &v, 8); return f; }

static uint32_t crc(const unsigned char *b, size_t n) { return (uint32_t)crc32(0L, b, (uInt)n); }

static void join(char *out, size_t len, const char *dir, const char *file)
{
    if ((size_t)snprintf(out, len, "%s/%s", dir, file) >= len) nutl_die("%s: path too long", dir);
}

/* ---- Reading ---- */

typedef struct {
    uint64_t offset;
    uint32_t length;
    int cls;
    double energy;
    int64_t id;
} entry;

struct dataset {
    char path[4096];
    int fd, n, side, k;
    uint64_t seed;
    entry *index;
};

static void read_exact(const dataset *d, void *buf, size_t len, uint64_t offset, const char *what)
{
    ssize_t got = pread(d->fd, buf, len, (off_t)offset);
    if (got < 0) nutl_die("%s: cannot read %s: %s", d->path, what, strerror(errno));
    if ((size_t)got != len) nutl_die("%s: truncated: %s ends early", d->path, what);
}

static void read_header(dataset *d, uint64_t *index_offset)
{
    unsigned char h[HEADER_SIZE];
    struct stat st;
    if (fstat(d->fd, &st) != 0) nutl_die("%s: cannot stat: %s", d->path, strerror(errno));
    if (st.st_size < HEADER_SIZE) nutl_die("%s: truncated: %lld bytes, shorter than the header", d->path, (long long)st.st_size);
    read_exact(d, h, HEADER_SIZE, 0, "the header");
    if (memcmp(h, MAGIC, 8)) nutl_die("%s: not a nutl event file (bad magic)", d->path);
    if (get32(h + 60) != crc(h, 60)) nutl_die("%s: header fails its CRC-32 check (corrupted)", d->path);
    uint32_t version = get32(h + 8);
    if (version != DATASET_FORMAT_VERSION)
        nutl_die("%s: format version %u, this nutl reads version %d", d->path, version, DATASET_FORMAT_VERSION);
    d->n = (int)get32(h + 16);
    d->side = get16(h + 20);
    d->k = get16(h + 26);
    d->seed = get64(h + 32);
    *index_offset = get64(h + 40);
    if (get16(h + 22) != d->side || get16(h + 24) != CHANNELS || d->side == 0 || (long)d->side * d->k != 224 ||
        get32(h + 12) != HEADER_SIZE || get32(h + 28) != ENTRY_SIZE || d->n < 0)
        nutl_die("%s: header describes an unsupported geometry", d->path);
    uint64_t want = *index_offset + (uint64_t)d->n * ENTRY_SIZE + 4;
    if ((uint64_t)st.st_size != want)
        nutl_die("%s: truncated or damaged: %lld bytes, the header implies %llu", d->path, (long long)st.st_size,
                 (unsigned long long)want);
}

static void read_index(dataset *d, uint64_t index_offset)
{
    size_t len = (size_t)d->n * ENTRY_SIZE;
    unsigned char *b = nutl_calloc(len + 4, "dataset index");
    read_exact(d, b, len + 4, index_offset, "the index");
    if (get32(b + len) != crc(b, len)) nutl_die("%s: index fails its CRC-32 check (corrupted)", d->path);
    d->index = nutl_calloc(sizeof *d->index * (size_t)d->n, "dataset index");
    for (int i = 0; i < d->n; i++) {
        const unsigned char *e = b + (size_t)i * ENTRY_SIZE;
        entry *x = &d->index[i];
        *x = (entry){get64(e), get32(e + 8), (int)get32(e + 12), getf64(e + 16), (int64_t)get64(e + 24)};
        if (x->offset < HEADER_SIZE || x->length > index_offset || x->offset > index_offset - x->length ||
            x->length < RECORD_HEAD + 4 || x->cls < 0 || x->cls >= N_CLASSES)
            nutl_die("%s: index entry %d is invalid", d->path, i);
    }
    free(b);
}

/* Checks that truth.tsv has a header and one line per event agreeing with the index. */
static void check_truth(const dataset *d, const char *dir)
{
    char path[4096], line[8192];
    join(path, sizeof path, dir, DATASET_TRUTH_FILE);
    FILE *f = fopen(path, "r");
    if (!f) nutl_die("%s: cannot read: %s", path, strerror(errno));
    if (!fgets(line, sizeof line, f) || strncmp(line, "event_id\tclass\ttrue_energy_gev\t", 31))
        nutl_die("%s: missing or wrong header line", path);
    int i = 0;
    while (fgets(line, sizeof line, f)) {
        char cls[32];
        long long id;
        double e;
        if (sscanf(line, "%lld\t%31[^\t]\t%lf", &id, cls, &e) != 3) nutl_die("%s: line %d is malformed", path, i + 2);
        if (i >= d->n) nutl_die("%s: more lines than the %d events of %s", path, d->n, d->path);
        const entry *x = &d->index[i];
        if (id != x->id || strcmp(cls, class_name(x->cls)) || fabs(e - x->energy) > 1e-6)
            nutl_die("%s: line %d disagrees with %s (files from different runs?)", path, i + 2, d->path);
        i++;
    }
    fclose(f);
    if (i != d->n) nutl_die("%s: truncated: %d events, %s has %d", path, i, d->path, d->n);
}

dataset *dataset_open(const char *dir)
{
    dataset *d = nutl_calloc(sizeof *d, "dataset");
    join(d->path, sizeof d->path, dir, DATASET_IMAGE_FILE);
    d->fd = open(d->path, O_RDONLY);
    if (d->fd < 0) nutl_die("%s: cannot open: %s", d->path, strerror(errno));
    uint64_t index_offset;
    read_header(d, &index_offset);
    read_index(d, index_offset);
    check_truth(d, dir);
    return d;
}

int dataset_events(const dataset *d) { return d->n; }
int dataset_width(const dataset *d) { return d->side; }
int dataset_height(const dataset *d) { return d->side; }
int dataset_channels(const dataset *d) { (void)d; return CHANNELS; }
uint64_t dataset_seed(const dataset *d) { return d->seed; }

static const entry *entry_at(const dataset *d, int i)
{
    if (i < 0 || i >= d->n) nutl_die("%s: no event %d (the split has %d)", d->path, i, d->n);
    return &d->index[i];
}

int dataset_class(const dataset *d, int i) { return entry_at(d, i)->cls; }
double dataset_energy(const dataset *d, int i) { return entry_at(d, i)->energy; }
int64_t dataset_event_id(const dataset *d, int i) { return entry_at(d, i)->id; }

void dataset_read_image(const dataset *d, int i, float *pixels)
{
    const entry *x = entry_at(d, i);
    unsigned char *b = malloc(x->length);
    if (!b) nutl_die("out of memory reading event %d of %s", i, d->path);
    char what[64];
    snprintf(what, sizeof what, "event %d", i);
    read_exact(d, b, x->length, x->offset, what);
    size_t len = x->length, plane = (size_t)d->side * d->side;
    if (get32(b + len - 4) != crc(b, len - 4)) nutl_die("%s: event %d fails its CRC-32 check (corrupted)", d->path, i);
    size_t count[CHANNELS], total = 0;
    for (int c = 0; c < CHANNELS; c++) total += count[c] = get16(b + 4 + 2 * c);
    if (get32(b) != (uint32_t)i || RECORD_HEAD + 6 * total + 4 != len)
        nutl_die("%s: event %d record is inconsistent with the index", d->path, i);
    memset(pixels, 0, sizeof *pixels * CHANNELS * plane);
    const unsigned char *p = b + RECORD_HEAD;
    for (int c = 0; c < CHANNELS; c++) {
        const unsigned char *vals = p + 2 * count[c];
        long last = -1;
        for (size_t j = 0; j < count[c]; j++) {
            long pix = get16(p + 2 * j);
            if (pix <= last || (size_t)pix >= plane) nutl_die("%s: event %d has a bad pixel index", d->path, i);
            pixels[c * plane + (size_t)pix] = getf32(vals + 4 * j);
            last = pix;
        }
        p = vals + 4 * count[c];
    }
    free(b);
}

int dataset_meta(const char *dir, const char *key, char *value, size_t len)
{
    char path[4096], line[4096];
    join(path, sizeof path, dir, DATASET_META_FILE);
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    size_t n = strlen(key);
    int found = 0;
    while (!found && fgets(line, sizeof line, f))
        if (!strncmp(line, key, n) && line[n] == '\t') {
            line[strcspn(line, "\r\n")] = 0;
            snprintf(value, len, "%s", line + n + 1);
            found = 1;
        }
    fclose(f);
    return found;
}

/* Writes the SHA-256 of dir/file into hex: from meta.tsv's key if recorded there, else from the file. */
static void split_digest(const char *dir, const char *file, const char *key, char hex[65])
{
    if (dataset_meta(dir, key, hex, 65) && strlen(hex) == 64) return;
    char path[4096];
    join(path, sizeof path, dir, file);
    fprintf(stderr, "nutl: %s/%s has no %s (simulated before it was recorded): computed from %s\n", dir,
            DATASET_META_FILE, key, file);
    file_sha256(path, hex);
}

void dataset_digests(const char *dir, char events_hex[65], char truth_hex[65])
{
    split_digest(dir, DATASET_IMAGE_FILE, DATASET_EVENTS_SHA256, events_hex);
    split_digest(dir, DATASET_TRUTH_FILE, DATASET_TRUTH_SHA256, truth_hex);
}

void dataset_close(dataset *d)
{
    if (!d) return;
    close(d->fd);
    free(d->index);
    free(d);
}

/* ---- Writing ---- */

struct dataset_writer {
    char path[4096];
    FILE *f;
    int n, next, side, k;
    uint64_t seed, offset;
    unsigned char *index;
};

dataset_writer *dataset_create(const char *dir, int n, int side, int k, uint64_t seed)
{
    dataset_writer *w = nutl_calloc(sizeof *w, "dataset writer");
    join(w->path, sizeof w->path, dir, DATASET_IMAGE_FILE);
    w->f = atomic_open(w->path);
    w->n = n;
    w->side = side;
    w->k = k;
    w->seed = seed;
    w->index = nutl_calloc((size_t)n * ENTRY_SIZE + 4, "dataset index");
    unsigned char blank[HEADER_SIZE] = {0};
    if (fwrite(blank, 1, HEADER_SIZE, w->f) != HEADER_SIZE) nutl_die("%s.tmp: write failed", w->path);
    w->offset = HEADER_SIZE;
    return w;
}

static unsigned char *reserve(unsigned char **buf, size_t *cap, size_t need)
{
    if (need > *cap) {
        *cap = need * 2;
        *buf = realloc(*buf, *cap);
        if (!*buf) nutl_die("out of memory encoding an event");
    }
    return *buf;
}

size_t dataset_encode(const float *pixels, int side, int i, unsigned char **buf, size_t *cap)
{
    size_t plane = (size_t)side * side, total = 0, count[CHANNELS] = {0};
    for (int c = 0; c < CHANNELS; c++)
        for (size_t p = 0; p < plane; p++) count[c] += pixels[c * plane + p] != 0;
    for (int c = 0; c < CHANNELS; c++) total += count[c];
    size_t len = RECORD_HEAD + 6 * total + 4;
    unsigned char *b = reserve(buf, cap, len);
    put32(b, (uint32_t)i);
    for (int c = 0; c < CHANNELS; c++) put16(b + 4 + 2 * c, (uint16_t)count[c]);
    put16(b + 10, 0);
    unsigned char *q = b + RECORD_HEAD;
    for (int c = 0; c < CHANNELS; c++) {
        unsigned char *vals = q + 2 * count[c];
        size_t j = 0;
        for (size_t p = 0; p < plane; p++) {
            float v = pixels[c * plane + p];
            if (v == 0) continue;
            put16(q + 2 * j, (uint16_t)p);
            putf32(vals + 4 * j, v);
            j++;
        }
        q = vals + 4 * count[c];
    }
    put32(q, crc(b, len - 4));
    return len;
}

void dataset_append(dataset_writer *w, int i, int cls, double energy_gev, int64_t event_id,
                    const unsigned char *record, size_t len)
{
    if (i != w->next || i >= w->n) nutl_die("%s: event %d written out of order", w->path, i);
    if (fwrite(record, 1, len, w->f) != len) nutl_die("%s.tmp: write failed", w->path);
    unsigned char *e = w->index + (size_t)i * ENTRY_SIZE;
    put64(e, w->offset);
    put32(e + 8, (uint32_t)len);
    put32(e + 12, (uint32_t)cls);
    putf64(e + 16, energy_gev);
    put64(e + 24, (uint64_t)event_id);
    w->offset += len;
    w->next++;
}

void dataset_commit(dataset_writer *w)
{
    if (w->next != w->n) nutl_die("%s: %d of %d events written", w->path, w->next, w->n);
    size_t len = (size_t)w->n * ENTRY_SIZE;
    put32(w->index + len, crc(w->index, len));
    unsigned char h[HEADER_SIZE] = {0};
    memcpy(h, MAGIC, 8);
    put32(h + 8, DATASET_FORMAT_VERSION);
    put32(h + 12, HEADER_SIZE);
    put32(h + 16, (uint32_t)w->n);
    put16(h + 20, (uint16_t)w->side);
    put16(h + 22, (uint16_t)w->side);
    put16(h + 24, CHANNELS);
    put16(h + 26, (uint16_t)w->k);
    put32(h + 28, ENTRY_SIZE);
    put64(h + 32, w->seed);
    put64(h + 40, w->offset);
    put32(h + 60, crc(h, 60));
    if (fwrite(w->index, 1, len + 4, w->f) != len + 4 || fseek(w->f, 0, SEEK_SET) != 0 ||
        fwrite(h, 1, HEADER_SIZE, w->f) != HEADER_SIZE)
        nutl_die("%s.tmp: write failed", w->path);
    atomic_commit(w->f, w->path);
    free(w->index);
    free(w);
}

void dataset_meta_digests(FILE *meta, const char *dir)
{
    const char *files[][2] = {{DATASET_EVENTS_SHA256, DATASET_IMAGE_FILE}, {DATASET_TRUTH_SHA256, DATASET_TRUTH_FILE}};
    for (int i = 0; i < 2; i++) {
        char file[4096], hex[65];
        join(file, sizeof file, dir, files[i][1]);
        file_sha256(file, hex);
        fprintf(meta, "%s\t%s\n", files[i][0], hex);
    }
}
