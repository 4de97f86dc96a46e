/* fuzz_pickle: the unpickler (src/convert/pickle.c) on raw bytes, as data.pkl of a checkpoint. */
#include "convert/pickle.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *what = fuzz_path("data.pkl");
    if (FUZZ_DIED()) return 0;
    struct pickle *p = pickle_load(data, size, what);
    pickle_root(p);
    pickle_free(p);
    fuzz_disarm();
    return 0;
}
