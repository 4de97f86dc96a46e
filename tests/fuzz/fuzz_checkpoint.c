/* fuzz_checkpoint: a PyTorch checkpoint (src/convert/torch_checkpoint.c), opened and every float32 tensor read
   (as the converter reads those it maps).
   An input starting "PK" is the .pth file itself (the zip layer fuzzed); any other is split at
   FUZZ_SEPARATOR into archive/data.pkl, archive/data/0, archive/data/1, ..., written as a zip of stored
   entries, so the fuzzer reaches the pickle and tensor checks without forging zip checksums. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "convert/torch_checkpoint.h"
#include "fuzz.h"

#define MAX_ENTRIES 8

/* Writes the parts as a checkpoint-shaped zip at path. Returns nothing; aborts if libzip fails. */
static void zip_write(const char *path, const uint8_t **part, const size_t *len, int n)
{
    int err;
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!z) __builtin_trap();
    for (int k = 0; k < n; k++) {
        char name[64];
        if (k == 0) strcpy(name, "archive/data.pkl");
        else snprintf(name, sizeof name, "archive/data/%d", k - 1);
        zip_source_t *s = zip_source_buffer(z, part[k], len[k], 0);
        zip_int64_t at = s ? zip_file_add(z, name, s, ZIP_FL_OVERWRITE) : -1;
        if (at < 0 || zip_set_file_compression(z, (zip_uint64_t)at, ZIP_CM_STORE, 0) != 0) __builtin_trap();
    }
    if (zip_close(z) != 0) __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path;
    if (size >= 2 && !memcmp(data, "PK", 2)) {
        path = fuzz_write("input.pth", data, size);
    } else {
        const uint8_t *part[MAX_ENTRIES];
        size_t len[MAX_ENTRIES];
        int n = fuzz_split(data, size, part, len, MAX_ENTRIES);
        path = fuzz_path("input.pth");
        zip_write(path, part, len, n);
    }
    if (FUZZ_DIED()) return 0;
    struct torch_checkpoint *cp = torch_checkpoint_open(path);
    for (size_t k = 0; k < cp->n; k++) {
        if (strcmp(torch_checkpoint_find(cp, cp->tensors[k].name)->dtype, "float32")) continue;
        float *v = torch_tensor_read_f32(cp, &cp->tensors[k]);
        free(v);
    }
    torch_checkpoint_close(cp);
    fuzz_disarm();
    return 0;
}
