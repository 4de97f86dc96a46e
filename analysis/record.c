#include "record.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

/* Writes the formatted reason into why; returns -1, the failure value of the parsers. */
static int fail(char *why, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(char *why, size_t len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, len, fmt, ap);
    va_end(ap);
    return -1;
}

/* The keys of result.tsv the analysis needs (the record has more; those are not checked here), where
   each goes in a record and how it is checked. A per-class key fills one member per class. */
enum kind { TEXT, COUNT, FRACTION, CONFUSION };

static const struct field {
    enum result_key key;
    enum kind kind;
    size_t offset, size;
} fields[] = {
#define F(key, kind, member) {key, kind, offsetof(record, member), sizeof(((record *)0)->member)}
    F(RESULT_PROTOCOL, TEXT, protocol),
    F(RESULT_INIT, TEXT, init),
    F(RESULT_SCHEME, TEXT, scheme),
    F(RESULT_TRAIN_IMAGES, COUNT, train_images),
    F(RESULT_MEMBER, COUNT, member),
    F(RESULT_TEST_F1, FRACTION, test_f1),
    F(RESULT_VAL_F1, FRACTION, val_f1),
    F(RESULT_TEST_ACC, FRACTION, acc[0]),
    F(RESULT_BUILD, TEXT, build),
    F(RESULT_PRETRAINED_SOURCE, TEXT, pretrained_source),
    F(RESULT_LIBRARIES, TEXT, libraries),
    F(RESULT_DATASET_ID, TEXT, dataset_id),
    F(RESULT_MACHINE_CLASS, TEXT, machine_class),
    F(RESULT_TEST_CONFUSION, CONFUSION, test_confusion),
#undef F
};
enum { N_FIELDS = sizeof fields / sizeof fields[0] };

/* Stores value into field f (of class c, for a per-class key) of r; returns 0, or -1 with the reason in
   why. */
static int set_field(record *r, const struct field *f, int c, const char *key, const char *value,
                     const char *path, char *why, size_t len)
{
    char *dst = (char *)r + f->offset + (c > 0 ? c * f->size : 0);
    double d;
    if (f->kind == CONFUSION) {
        if (!records_parse_confusion(value, (confusion *)dst))
            return fail(why, len, "%s: %s '%s' is not 9 non-negative integers", path, key, value);
    } else if (f->kind == TEXT) {
        if (!*value || strlen(value) >= f->size)
            return fail(why, len, "%s: key '%s' is empty or too long", path, key);
        strcpy(dst, value);
    } else if (f->kind == COUNT) {
        if (!util_parse_long(value, (long *)dst) || *(long *)dst < 0)
            return fail(why, len, "%s: key '%s': '%s' is not a non-negative integer", path, key, value);
    } else {
        if (!util_parse_double(value, &d) || d < 0 || d > 1)
            return fail(why, len, "%s: key '%s': '%s' is not a number in [0, 1]", path, key, value);
        *(double *)dst = d;
    }
    return 0;
}

/* Returns the field of key k, or NULL when the analysis does not read it. */
static const struct field *field_of(enum result_key k)
{
    for (int i = 0; i < N_FIELDS; i++)
        if (fields[i].key == k) return &fields[i];
    return NULL;
}

/* Returns 0 if every field (every class of a per-class one) was seen, or -1 naming the first missing. */
static int check_complete(int seen[][N_CLASSES], const char *path, char *why, size_t len)
{
    char buf[RECORDS_KEY_MAX];
    for (int i = 0; i < N_FIELDS; i++)
        for (int c = 0; c < (records_per_class(fields[i].key) ? N_CLASSES : 1); c++)
            if (!seen[i][c])
                return fail(why, len, "%s: missing key '%s'", path, records_key_name(fields[i].key, c, buf, sizeof buf));
    return 0;
}

/* Parses the open result file f into r; returns 0, or -1 with the reason in why. */
static int parse_result(FILE *f, record *r, const char *path, char *why, size_t len)
{
    int seen[N_FIELDS][N_CLASSES] = {{0}};
    char line[2048];
    for (int lineno = 1; fgets(line, sizeof line, f); lineno++) {
        line[strcspn(line, "\r\n")] = 0;
        if (!*line) continue;
        char *tab = strchr(line, '\t');
        if (!tab) return fail(why, len, "%s:%d: expected key<TAB>value", path, lineno);
        *tab = 0;
        enum result_key k;
        int c;
        const struct field *field = records_find_key(line, &k, &c) ? field_of(k) : NULL;
        if (!field) continue;
        if (seen[field - fields][c < 0 ? 0 : c]++) return fail(why, len, "%s:%d: key '%s' repeated", path, lineno, line);
        if (set_field(r, field, c, line, tab + 1, path, why, len)) return -1;
    }
    if (ferror(f)) return fail(why, len, "%s: read error", path);
    return check_complete(seen, path, why, len);
}

enum record_status record_read(const char *dir, record *r, char *why, size_t len)
{
    char path[1100];
    snprintf(path, sizeof path, "%s/%s", dir, RECORDS_RESULT_FILE);
    memset(r, 0, sizeof *r);
    snprintf(r->dir, sizeof r->dir, "%s", dir);
    FILE *f = fopen(path, "r");
    if (!f) {
        if (errno == ENOENT) return RECORD_ABSENT;
        fail(why, len, "%s: cannot read: %s", path, strerror(errno));
        return RECORD_MALFORMED;
    }
    int bad = parse_result(f, r, path, why, len);
    fclose(f);
    return bad ? RECORD_MALFORMED : RECORD_OK;
}

/* Reads the open predictions file f; returns the count and sets *out, or -1 with the reason in why. */
static long parse_predictions(FILE *f, prediction **out, const char *path, char *why, size_t len)
{
    char line[1024];
    const char *header = records_prediction_header();
    if (!fgets(line, sizeof line, f) || (line[strcspn(line, "\r\n")] = 0, strcmp(line, header)))
        return fail(why, len, "%s:1: header is not '%s'", path, header);
    long n = 0, cap = 1024;
    prediction *p = malloc(cap * sizeof *p);
    for (int lineno = 2; p && fgets(line, sizeof line, f); lineno++) {
        line[strcspn(line, "\r\n")] = 0;
        if (n == cap) {
            prediction *q = realloc(p, (cap *= 2) * sizeof *p);
            if (!q) break;
            p = q;
        }
        if (!records_parse_prediction(line, &p[n++])) {
            free(p);
            return fail(why, len, "%s:%d: expected 7 columns: id, class, energy, 3 probabilities, class",
                        path, lineno);
        }
    }
    if (!p || ferror(f) || !feof(f)) {
        free(p);
        return fail(why, len, "%s: read error or out of memory", path);
    }
    if (n == 0) {
        free(p);
        return fail(why, len, "%s: no events", path);
    }
    *out = p;
    return n;
}

long record_predictions(const char *dir, const char *split, prediction **out, char *why, size_t len)
{
    char path[1100];
    snprintf(path, sizeof path, "%s/predictions-%s.tsv", dir, split);
    *out = NULL;
    FILE *f = fopen(path, "r");
    if (!f) return fail(why, len, "%s: cannot read: %s", path, strerror(errno));
    long n = parse_predictions(f, out, path, why, len);
    fclose(f);
    return n;
}
