#include "core/records.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

static const struct {
    const char *name;
    int per_class;
} keys[N_RESULT_KEYS] = {
    [RESULT_PROTOCOL] = {"protocol", 0},
    [RESULT_INIT] = {"init", 0},
    [RESULT_SCHEME] = {"scheme", 0},
    [RESULT_TRAIN_IMAGES] = {"train_images", 0},
    [RESULT_MEMBER] = {"member", 0},
    [RESULT_SEED] = {"seed", 0},
    [RESULT_EPOCHS] = {"epochs", 0},
    [RESULT_BEST_EPOCH] = {"best_epoch", 0},
    [RESULT_BEST_VAL_LOSS] = {"best_val_loss", 0},
    [RESULT_VAL_LOSS] = {"val_loss", 0},
    [RESULT_VAL_F1] = {"val_f1", 0},
    [RESULT_TEST_LOSS] = {"test_loss", 0},
    [RESULT_TEST_F1] = {"test_f1", 0},
    [RESULT_TEST_ACC] = {"test_acc", 1},
    [RESULT_TEST_CONFUSION] = {"test_confusion", 0},
    [RESULT_TRAIN_SECONDS] = {"train_seconds", 0},
    [RESULT_TRAIN_IMAGES_PER_SECOND] = {"train_images_per_second", 0},
    [RESULT_THREADS] = {"threads", 0},
    [RESULT_DEVICE] = {"device", 0},
    [RESULT_BUILD] = {"build", 0},
    [RESULT_WEIGHTS_SHA256] = {"weights_sha256", 0},
    [RESULT_PRETRAINED_SOURCE] = {"pretrained_source", 0},
    [RESULT_LEARNING_RATE] = {"learning_rate", 0},
    [RESULT_MOMENTUM] = {"momentum", 0},
    [RESULT_WEIGHT_DECAY] = {"weight_decay", 0},
    [RESULT_BATCH] = {"batch", 0},
    [RESULT_INPUT_ENCODING] = {"input_encoding", 0},
    [RESULT_INPUT_SATURATION_MEV] = {"input_saturation_mev", 0},
    [RESULT_INPUT_NORMALIZATION] = {"input_normalization", 0},
    [RESULT_FREEZE_BN_STATS] = {"freeze_bn_stats", 0},
    [RESULT_DETERMINISTIC] = {"deterministic", 0},
    [RESULT_LIBRARIES] = {"libraries", 0},
    [RESULT_MACHINE_CLASS] = {"machine_class", 0},
    [RESULT_CPU_MODEL] = {"cpu_model", 0},
    [RESULT_CPU_ISA] = {"cpu_isa", 0},
    [RESULT_DATA_DIR] = {"data_dir", 0},
    [RESULT_DATASET_TRAIN_SEED] = {"dataset_train_seed", 0},
    [RESULT_DATASET_TRAIN_EVENTS_SHA256] = {"dataset_train_events_sha256", 0},
    [RESULT_DATASET_TRAIN_TRUTH_SHA256] = {"dataset_train_truth_sha256", 0},
    [RESULT_DATASET_VAL_SEED] = {"dataset_val_seed", 0},
    [RESULT_DATASET_VAL_EVENTS_SHA256] = {"dataset_val_events_sha256", 0},
    [RESULT_DATASET_VAL_TRUTH_SHA256] = {"dataset_val_truth_sha256", 0},
    [RESULT_DATASET_TEST_SEED] = {"dataset_test_seed", 0},
    [RESULT_DATASET_TEST_EVENTS_SHA256] = {"dataset_test_events_sha256", 0},
    [RESULT_DATASET_TEST_TRUTH_SHA256] = {"dataset_test_truth_sha256", 0},
    [RESULT_DATASET_ID] = {"dataset_id", 0},
    [RESULT_CFG] = {"cfg", 0},
    [RESULT_CFG_SHA256] = {"cfg_sha256", 0},
    [RESULT_MAX_EPOCHS] = {"max_epochs", 0},
    [RESULT_PRETRAINED] = {"pretrained", 0},
    [RESULT_PRETRAINED_SHA256] = {"pretrained_sha256", 0},
    [RESULT_COMMAND] = {"command", 0},
    [RESULT_CWD] = {"cwd", 0},
    [RESULT_STARTED] = {"started", 0},
    [RESULT_FINISHED] = {"finished", 0},
};

int records_per_class(enum result_key k)
{
    return keys[k].per_class;
}

const char *records_key_name(enum result_key k, int c, char *buf, size_t len)
{
    if (!keys[k].per_class) return keys[k].name;
    snprintf(buf, len, "%s_%s", keys[k].name, class_name(c));
    return buf;
}

int records_find_key(const char *name, enum result_key *k, int *c)
{
    char buf[RECORDS_KEY_MAX];
    for (int i = 0; i < N_RESULT_KEYS; i++)
        for (int j = 0; j < (keys[i].per_class ? N_CLASSES : 1); j++)
            if (!strcmp(name, records_key_name(i, j, buf, sizeof buf))) {
                *k = i;
                *c = keys[i].per_class ? j : -1;
                return 1;
            }
    return 0;
}

static void put_line(FILE *f, const char *key, const char *fmt, va_list ap)
{
    fprintf(f, "%s\t", key);
    vfprintf(f, fmt, ap);
    fputc('\n', f);
}

void records_put(FILE *f, enum result_key k, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    put_line(f, keys[k].name, fmt, ap);
    va_end(ap);
}

void records_put_class(FILE *f, enum result_key k, int c, const char *fmt, ...)
{
    char buf[RECORDS_KEY_MAX];
    va_list ap;
    va_start(ap, fmt);
    put_line(f, records_key_name(k, c, buf, sizeof buf), fmt, ap);
    va_end(ap);
}

void records_put_confusion(FILE *f, enum result_key k, const confusion *m)
{
    fprintf(f, "%s\t", keys[k].name);
    for (int t = 0; t < N_CLASSES; t++)
        for (int p = 0; p < N_CLASSES; p++)
            fprintf(f, "%ld%s", m->counts[t][p], t == N_CLASSES - 1 && p == N_CLASSES - 1 ? "\n" : " ");
}

int records_parse_confusion(const char *text, confusion *m)
{
    char buf[512];
    if (strlen(text) >= sizeof buf) return 0;
    strcpy(buf, text);
    int n = 0;
    for (char *save, *tok = strtok_r(buf, " ,\t", &save); tok; tok = strtok_r(NULL, " ,\t", &save)) {
        long v;
        if (n == N_CLASSES * N_CLASSES || !util_parse_long(tok, &v) || v < 0) return 0;
        m->counts[n / N_CLASSES][n % N_CLASSES] = v;
        n++;
    }
    return n == N_CLASSES * N_CLASSES;
}

int records_get(const char *path, enum result_key k, char *value, size_t len)
{
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    char line[4096];
    size_t n = strlen(keys[k].name);
    int found = 0;
    while (!found && fgets(line, sizeof line, f))
        if (!strncmp(line, keys[k].name, n) && line[n] == '\t') {
            line[strcspn(line, "\r\n")] = 0;
            snprintf(value, len, "%s", line + n + 1);
            found = 1;
        }
    fclose(f);
    return found;
}

/* The columns of a predictions file: event, truth, one probability per class, the prediction. */
enum { COLUMNS = 4 + N_CLASSES };

const char *records_prediction_header(void)
{
    static char header[256];
    if (*header) return header;
    size_t n = snprintf(header, sizeof header, "event_id\ttrue_class\ttrue_energy_gev");
    for (int c = 0; c < N_CLASSES; c++) n += snprintf(header + n, sizeof header - n, "\tp_%s", class_name(c));
    snprintf(header + n, sizeof header - n, "\tpredicted_class");
    return header;
}

void records_put_prediction(FILE *f, const prediction *p)
{
    fprintf(f, "%lld\t%s\t%.4f", p->event_id, class_name(p->true_class), p->energy_gev);
    for (int c = 0; c < N_CLASSES; c++) fprintf(f, "\t%.6f", p->p[c]);
    fprintf(f, "\t%s\n", class_name(p->predicted_class));
}

int records_parse_prediction(char *line, prediction *p)
{
    char *col[COLUMNS], *save;
    int n = 0;
    for (char *tok = strtok_r(line, "\t", &save); tok; tok = strtok_r(NULL, "\t", &save))
        if (n++ < COLUMNS) col[n - 1] = tok;
    if (n != COLUMNS) return 0;
    char *end;
    errno = 0;
    p->event_id = strtoll(col[0], &end, 10);
    if (end == col[0] || *end || errno) return 0;
    p->true_class = class_parse(col[1]);
    p->predicted_class = class_parse(col[COLUMNS - 1]);
    for (int c = 0; c < N_CLASSES; c++)
        if (!util_parse_double(col[3 + c], &p->p[c]) || p->p[c] < 0 || p->p[c] > 1) return 0;
    return util_parse_double(col[2], &p->energy_gev) && p->true_class >= 0 && p->predicted_class >= 0;
}
