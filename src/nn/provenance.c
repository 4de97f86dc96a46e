#include "nn/provenance.h"

#include <cblas.h>
#include <dnnl.h>
#include <gsl/gsl_version.h>
#include <nettle/sha2.h>
#include <nettle/version.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

#include "core/build_id.h"
#include "core/digest.h"
#include "core/records.h"
#include "core/util.h"
#include "nn/device.h"
#include "nn/portable.h"
#include "sim/dataset.h"

static struct {
    char command[8192], cwd[NUTL_PATH_MAX];
    time_t started;
} process;

/* Appends arg to out (len bytes) as the shell reads it back: bare if it holds only safe characters,
   else in single quotes. */
static void append_quoted(char *out, size_t len, const char *arg)
{
    size_t used = strlen(out);
    int bare = *arg && strspn(arg, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./=:,+-@%") ==
                           strlen(arg);
    used += snprintf(out + used, len - used, "%s%s", used ? " " : "", bare ? arg : "'");
    if (bare || used >= len) return;
    for (const char *p = arg; *p && used < len; p++)
        used += snprintf(out + used, len - used, *p == '\'' ? "'\\''" : "%c", *p);
    if (used < len) snprintf(out + used, len - used, "'");
}

void provenance_start(int argc, char **argv)
{
    process.started = time(NULL);
    for (int i = 0; i < argc; i++) append_quoted(process.command, sizeof process.command, argv[i]);
    if (!getcwd(process.cwd, sizeof process.cwd)) snprintf(process.cwd, sizeof process.cwd, "unknown");
}

const char *provenance_build(void)
{
    static char build[1024];
    snprintf(build, sizeof build, "nutl %s; darknet %s; %s", build_id_commit, build_id_darknet, build_id_compiler);
    return build;
}

const char *provenance_libraries(void)
{
    static char libs[1024];
    const dnnl_version_t *v = dnnl_version();
    int used = snprintf(libs, sizeof libs, "oneDNN %d.%d.%d (%s); %s; GSL %s; libzip %s; nettle %d.%d", v->major,
                        v->minor, v->patch, v->hash ? v->hash : "no hash", openblas_get_config(), gsl_version,
                        zip_libzip_version(), nettle_version_major(), nettle_version_minor());
#ifdef GPU
    int runtime = 0, driver = 0;
    cudaRuntimeGetVersion(&runtime);
    cudaDriverGetVersion(&driver);
    snprintf(libs + used, sizeof libs - used, "; CUDA runtime %d, driver %d; cuDNN %zu", runtime, driver,
             cudnnGetVersion());
#else
    (void)used;
#endif
    return libs;
}

const char *provenance_machine_class(const train_options *o)
{
    static char class[512];
#ifdef GPU
    snprintf(class, sizeof class, "gpu %s; cuDNN %zu%s; threads %d", device_name(), cudnnGetVersion(),
             o->deterministic ? " deterministic" : "", o->threads);
#else
    char kernels[128];
    snprintf(class, sizeof class, "cpu; %s; threads %d", kernels_chosen(kernels, sizeof kernels), o->threads);
#endif
    return class;
}

/* Writes into value (len bytes) the value of the first "field : value" line of /proc/cpuinfo named
   field, or "unknown". */
static void cpuinfo(const char *field, char *value, size_t len)
{
    char line[8192];
    snprintf(value, len, "unknown");
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f) return;
    size_t n = strlen(field);
    while (fgets(line, sizeof line, f)) {
        char *colon = strchr(line, ':');
        if (strncmp(line, field, n) || !colon) continue;
        line[strcspn(line, "\n")] = 0;
        snprintf(value, len, "%s", colon + 1 + (colon[1] == ' '));
        break;
    }
    fclose(f);
}

/* Writes into out (len bytes) the vector instruction sets the CPU has among those the kernel libraries
   choose between (AVX2 to AVX-512 and AMX), from /proc/cpuinfo's flags. */
static void cpu_isa(char *out, size_t len)
{
    static const char *const isa[] = {"sse4_2", "avx", "avx2", "fma", "avx_vnni", "avx512f", "avx512dq",
                                      "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "avx512_fp16",
                                      "amx_tile", "amx_bf16", "amx_int8"};
    char flags[8192], padded[8200], word[64];
    cpuinfo("flags", flags, sizeof flags);
    snprintf(padded, sizeof padded, " %s ", flags);
    size_t used = 0;
    out[0] = 0;
    for (size_t i = 0; i < sizeof isa / sizeof isa[0] && used < len; i++) {
        snprintf(word, sizeof word, " %s ", isa[i]);
        if (strstr(padded, word)) used += snprintf(out + used, len - used, "%s%s", used ? " " : "", isa[i]);
    }
}

void provenance_print_version(FILE *f)
{
    char model[256], isa[512];
    cpuinfo("model name", model, sizeof model);
    cpu_isa(isa, sizeof isa);
    fprintf(f, "build\t%s\nlibraries\t%s\ncpu_model\t%s\ncpu_isa\t%s\nonednn_isa\t%s\nopenblas_core\t%s\n",
            provenance_build(), provenance_libraries(), model, isa, kernels_onednn_isa(), kernels_openblas_core());
}

/* Writes "YYYY-MM-DDTHH:MM:SSZ" (UTC) of t into out (32 bytes). */
static const char *utc(time_t t, char out[32])
{
    struct tm tm;
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
    return out;
}

/* Writes each split's seed and digests, and dataset_id: the first 16 hex digits of the SHA-256 of all
   six digests, one short name that differs whenever any split's files do. */
static void write_dataset(FILE *f, const char *data_dir)
{
    static const struct {
        const char *name;
        enum result_key seed, events, truth;
    } split[] = {
        {"train", RESULT_DATASET_TRAIN_SEED, RESULT_DATASET_TRAIN_EVENTS_SHA256, RESULT_DATASET_TRAIN_TRUTH_SHA256},
        {"val", RESULT_DATASET_VAL_SEED, RESULT_DATASET_VAL_EVENTS_SHA256, RESULT_DATASET_VAL_TRUTH_SHA256},
        {"test", RESULT_DATASET_TEST_SEED, RESULT_DATASET_TEST_EVENTS_SHA256, RESULT_DATASET_TEST_TRUTH_SHA256},
    };
    struct sha256_ctx sha;
    sha256_init(&sha);
    records_put(f, RESULT_DATA_DIR, "%s", data_dir);
    for (int i = 0; i < 3; i++) {
        char dir[NUTL_PATH_MAX], seed[64], events[65], truth[65];
        path_join(dir, data_dir, split[i].name);
        if (!dataset_meta(dir, "seed", seed, sizeof seed)) snprintf(seed, sizeof seed, "unknown");
        dataset_digests(dir, events, truth);
        records_put(f, split[i].seed, "%s", seed);
        records_put(f, split[i].events, "%s", events);
        records_put(f, split[i].truth, "%s", truth);
        sha256_update(&sha, 64, (const uint8_t *)events);
        sha256_update(&sha, 64, (const uint8_t *)truth);
    }
    unsigned char digest[SHA256_DIGEST_SIZE];
    sha256_digest(&sha, sizeof digest, digest);
    char id[17];
    for (int i = 0; i < 8; i++) sprintf(id + 2 * i, "%02x", digest[i]);
    records_put(f, RESULT_DATASET_ID, "%s", id);
}

void provenance_write(FILE *f, const train_options *o)
{
    char hex[65], text[512], start[32], end[32];
    records_put(f, RESULT_LIBRARIES, "%s", provenance_libraries());
    records_put(f, RESULT_MACHINE_CLASS, "%s", provenance_machine_class(o));
    cpuinfo("model name", text, sizeof text);
    records_put(f, RESULT_CPU_MODEL, "%s", text);
    cpu_isa(text, sizeof text);
    records_put(f, RESULT_CPU_ISA, "%s", text);
    write_dataset(f, o->data_dir);
    file_sha256(o->cfg, hex);
    records_put(f, RESULT_CFG, "%s", o->cfg);
    records_put(f, RESULT_CFG_SHA256, "%s", hex);
    records_put(f, RESULT_MAX_EPOCHS, "%d", o->max_epochs);
    const char *pretrained = strcmp(o->init, "pretrained") ? NULL : o->pretrained;
    if (pretrained) file_sha256(pretrained, hex);
    records_put(f, RESULT_PRETRAINED, "%s", pretrained ? pretrained : "none");
    records_put(f, RESULT_PRETRAINED_SHA256, "%s", pretrained ? hex : "none");
    records_put(f, RESULT_COMMAND, "%s", process.command);
    records_put(f, RESULT_CWD, "%s", process.cwd);
    records_put(f, RESULT_STARTED, "%s", utc(process.started, start));
    records_put(f, RESULT_FINISHED, "%s", utc(time(NULL), end));
}
