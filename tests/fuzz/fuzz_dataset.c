/* fuzz_dataset: a dataset split (src/sim/dataset.c): the input, split at FUZZ_SEPARATOR, is events.bin,
   truth.tsv and meta.tsv; opened, and every event's image and truth read. Unless the input's first byte
   is 'R' (raw), the harness first recomputes the CRC-32 of events.bin's header, index and every record
   the index points into, so the fuzzer gets past the integrity checks to the parsing behind them. */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "fuzz.h"
#include "sim/dataset.h"

/* Header and index layout of datasets/FORMAT.md, as far as the CRC fields need it. */
#define HEADER_SIZE 64
#define ENTRY_SIZE 32

static uint64_t get_le(const uint8_t *b, int bytes)
{
    uint64_t v = 0;
    for (int k = bytes; k-- > 0;) v = v << 8 | b[k];
    return v;
}

static void put_crc(uint8_t *at, const uint8_t *from, size_t len)
{
    uint32_t c = (uint32_t)crc32(0L, from, (uInt)len);
    for (int k = 0; k < 4; k++) at[k] = (uint8_t)(c >> (8 * k));
}

/* Recomputes the CRC fields of the event file b (len bytes) where they lie inside it. */
static void crc_fix(uint8_t *b, size_t len)
{
    if (len < HEADER_SIZE) return;
    uint64_t n = get_le(b + 16, 4), index = get_le(b + 40, 8);
    if (index <= len && n <= (len - index) / ENTRY_SIZE && (len - index) - n * ENTRY_SIZE >= 4) {
        uint8_t *e = b + index;
        for (uint64_t i = 0; i < n; i++, e += ENTRY_SIZE) {
            uint64_t at = get_le(e, 8), rec = get_le(e + 8, 4);
            if (rec >= 4 && at <= len && rec <= len - at) put_crc(b + at + rec - 4, b + at, rec - 4);
        }
        put_crc(b + index + n * ENTRY_SIZE, b + index, n * ENTRY_SIZE);
    }
    put_crc(b + 60, b, 60);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *part[3] = {0};
    size_t len[3] = {0};
    fuzz_split(data, size, part, len, 3);
    uint8_t *events = malloc(len[0] + 1);
    memcpy(events, part[0], len[0]);
    if (!(size && data[0] == 'R')) crc_fix(events, len[0]);
    fuzz_write(DATASET_IMAGE_FILE, events, len[0]);
    free(events);
    fuzz_write(DATASET_TRUTH_FILE, part[1] ? part[1] : data, len[1]);
    fuzz_write(DATASET_META_FILE, part[2] ? part[2] : data, len[2]);
    if (FUZZ_DIED()) return 0;
    dataset *d = dataset_open(fuzz_path(""));
    int n = dataset_events(d);
    size_t pixels = (size_t)dataset_channels(d) * dataset_width(d) * dataset_height(d);
    float *image = malloc(pixels * sizeof *image);
    for (int i = 0; i < n; i++) {
        dataset_read_image(d, i, image);
        dataset_class(d, i), dataset_energy(d, i), dataset_event_id(d, i);
    }
    free(image);
    dataset_close(d);
    fuzz_disarm();
    return 0;
}
