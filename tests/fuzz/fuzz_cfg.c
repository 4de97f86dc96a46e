/* fuzz_cfg: the network cfg reader (src/nn/netcfg.c) that checks a Darknet cfg before Darknet parses it. */
#include "fuzz.h"
#include "nn/netcfg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write("net.cfg", data, size);
    static netcfg c;
    if (FUZZ_DIED()) return 0;
    netcfg_read(&c, path);
    for (int k = 0; k < c.n; k++) group_name(c.group[k]);
    fuzz_disarm();
    return 0;
}
