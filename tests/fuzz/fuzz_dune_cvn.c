/* fuzz_dune_cvn: the DUNE CVN sample's reader (src/import/dune_cvn.c): the input, split at
   FUZZ_SEPARATOR, is an eventN.info file and an eventN.gz pixel map; the truth is read and classified,
   the map inflated and each view rebinned. */
#include <stdlib.h>

#include "fuzz.h"
#include "import/dune_cvn.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *part[2];
    size_t len[2];
    if (fuzz_split(data, size, part, len, 2) != 2) return 0;
    static unsigned char map[DUNE_CVN_MAP_BYTES];
    static float grid[600 * 600];
    dune_cvn_truth t;
    const char *path = fuzz_write("event0.info", part[0], len[0]); /* fuzz_write's path lasts to its next call */
    if (FUZZ_DIED()) return 0;
    dune_cvn_read_info(path, &t);
    dune_cvn_class(&t, path);
    dune_cvn_read_map(fuzz_write("event0.gz", part[1], len[1]), map);
    for (int v = 0; v < DUNE_CVN_VIEWS; v++) dune_cvn_rebin(map, v, grid);
    fuzz_disarm();
    return 0;
}
