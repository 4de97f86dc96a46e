/* fuzz_preset: the protocol preset parser (src/core/protocol.c) on a cfg/protocols/<name>.conf, and the
   lookups the grid makes of it. */
#include "core/protocol.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write("preset.conf", data, size);
    static protocol p;
    static const char *lists[] = {"train_sizes", "members"};
    if (FUZZ_DIED()) return 0;
    protocol_load(&p, path);
    protocol_find(&p, "caveat");
    protocol_get_long(&p, "seed");
    long values[64];
    for (int k = 0; k < 2; k++) protocol_get_longs(&p, lists[k], values, 64);
    fuzz_disarm();
    return 0;
}
