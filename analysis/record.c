#include "record.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const record_class_name[RECORD_CLASSES] = {"numu_cc", "nue_cc", "nc"};

int record_class_index(const char *name)
{
    for (int c = 0; c < RECORD_CLASSES; c++)
        if (!strcmp(name, record_class_name[c])) return c;
    return -1;
}

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

/* Returns 1 if text is one whole finite number, stored in *v. */
static int parse_double(const char *text, double *v)
{
    char *end;
    errno = 0;
    *v = strtod(text, &end);
    return end != text && !*end && !errno && isfinite(*v);
}

/* Returns 1 if text is one whole integer, stored in *v. */
static int parse_long(const char *text, long *v)
{
    char *end;
    errno = 0;
    *v = strtol(text, &end, 10);
    return end != text && !*end && !errno;
}

/* The keys of result.tsv the analysis needs (DESIGN.md lists more; those are not checked here), where
   each goes in a record and how it is checked. */
enum kind { TEXT, COUNT, FRACTION, CONFUSION };

static const struct field {
    const char *key;
    enum kind kind;
    size_t offset, size;
} fields[] = {
#define F(name, kind, member) {name, kind, offsetof(record, member), sizeof(((record *)0)->member)}
    F("protocol", TEXT, protocol),
    F("init", TEXT, init),
    F("scheme", TEXT, scheme),
    F("train_images", COUNT, train_images),
    F("member", COUNT, member),
    F("test_f1", FRACTION, test_f1),
    F("val_f1", FRACTION, val_f1),
    F("test_acc_numu_cc", FRACTION, acc[0]),
    F("test_acc_nue_cc", FRACTION, acc[1]),
    F("test_acc_nc", FRACTION, acc[2]),
    F("build", TEXT, build),
    F("pretrained_source", TEXT, pretrained_source),
    F("libraries", TEXT, libraries),
    F("dataset_id", TEXT, dataset_id),
    F("machine_class", TEXT, machine_class),
    F("test_confusion", CONFUSION, confusion),
#undef F
};
enum { N_FIELDS = sizeof fields / sizeof fields[0] };

/* Returns 1 if text holds exactly 9 non-negative integers separated by spaces or commas. */
static int parse_confusion(const char *text, long *out)
{
    char buf[512];
    if (strlen(text) >= sizeof buf) return 0;
    strcpy(buf, text);
    int n = 0;
    for (char *save, *tok = strtok_r(buf, " ,\t", &save); tok; tok = strtok_r(NULL, " ,\t", &save)) {
        long v;
        if (n == RECORD_CLASSES * RECORD_CLASSES || !parse_long(tok, &v) || v < 0) return 0;
        out[n++] = v;
    }
    return n == RECORD_CLASSES * RECORD_CLASSES;
}

/* Stores value into field f of r; returns 0, or -1 with the reason in why. */
static int set_field(record *r, const struct field *f, const char *value, const char *path, char *why,
                     size_t len)
{
    char *dst = (char *)r + f->offset;
    double d;
    if (f->kind == CONFUSION) {
        if (!parse_confusion(value, r->confusion))
            return fail(why, len, "%s: test_confusion '%s' is not 9 non-negative integers", path, value);
    } else if (f->kind == TEXT) {
        if (!*value || strlen(value) >= f->size)
            return fail(why, len, "%s: key '%s' is empty or too long", path, f->key);
        strcpy(dst, value);
    } else if (f->kind == COUNT) {
        if (!parse_long(value, (long *)dst) || *(long *)dst < 0)
            return fail(why, len, "%s: key '%s': '%s' is not a non-negative integer", path, f->key, value);
    } else {
        if (!parse_double(value, &d) || d < 0 || d > 1)
            return fail(why, len, "%s: key '%s': '%s' is not a number in [0, 1]", path, f->key, value);
        *(double *)dst = d;
    }
    return 0;
}

/* Parses the open result file f into r; returns 0, or -1 with the reason in why. */
static int parse_result(FILE *f, record *r, const char *path, char *why, size_t len)
{
    int seen[N_FIELDS] = {0};
    char line[2048];
    for (int lineno = 1; fgets(line, sizeof line, f); lineno++) {
        line[strcspn(line, "\r\n")] = 0;
        if (!*line) continue;
        char *tab = strchr(line, '\t');
        if (!tab) return fail(why, len, "%s:%d: expected key<TAB>value", path, lineno);
        *tab = 0;
        for (int i = 0; i < N_FIELDS; i++) {
            if (strcmp(line, fields[i].key)) continue;
            if (seen[i]++) return fail(why, len, "%s:%d: key '%s' repeated", path, lineno, line);
            if (set_field(r, &fields[i], tab + 1, path, why, len)) return -1;
        }
    }
    if (ferror(f)) return fail(why, len, "%s: read error", path);
    for (int i = 0; i < N_FIELDS; i++)
        if (!seen[i]) return fail(why, len, "%s: missing key '%s'", path, fields[i].key);
    return 0;
}

enum record_status record_read(const char *dir, record *r, char *why, size_t len)
{
    char path[1100];
    snprintf(path, sizeof path, "%s/result.tsv", dir);
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

static const char predictions_header[] =
    "event_id\ttrue_class\ttrue_energy_gev\tp_numu_cc\tp_nue_cc\tp_nc\tpredicted_class";

/* Parses one tab-separated predictions line into p; returns 1 if it is well formed. */
static int parse_prediction(char *line, prediction *p)
{
    char *col[7], *save;
    int n = 0;
    for (char *tok = strtok_r(line, "\t", &save); tok; tok = strtok_r(NULL, "\t", &save))
        if (n++ < 7) col[n - 1] = tok;
    if (n != 7) return 0;
    char *end;
    errno = 0;
    p->event_id = strtoll(col[0], &end, 10);
    if (end == col[0] || *end || errno) return 0;
    p->true_class = record_class_index(col[1]);
    p->predicted_class = record_class_index(col[6]);
    double prob;
    for (int i = 3; i < 6; i++)
        if (!parse_double(col[i], &prob) || prob < 0 || prob > 1) return 0;
    return parse_double(col[2], &p->energy_gev) && p->true_class >= 0 && p->predicted_class >= 0;
}

/* Reads the open predictions file f; returns the count and sets *out, or -1 with the reason in why. */
static long parse_predictions(FILE *f, prediction **out, const char *path, char *why, size_t len)
{
    char line[1024];
    if (!fgets(line, sizeof line, f) || (line[strcspn(line, "\r\n")] = 0, strcmp(line, predictions_header)))
        return fail(why, len, "%s:1: header is not '%s'", path, predictions_header);
    long n = 0, cap = 1024;
    prediction *p = malloc(cap * sizeof *p);
    for (int lineno = 2; p && fgets(line, sizeof line, f); lineno++) {
        line[strcspn(line, "\r\n")] = 0;
        if (n == cap) {
            prediction *q = realloc(p, (cap *= 2) * sizeof *p);
            if (!q) break;
            p = q;
        }
        if (!parse_prediction(line, &p[n++])) {
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
