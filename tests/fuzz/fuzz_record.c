/* fuzz_record: the result record and prediction readers (analysis/record.c): the input, split at
   FUZZ_SEPARATOR, is result.tsv and predictions-test.tsv. A rejection must be one line naming the file. */
#include <stdlib.h>

#include "fuzz.h"
#include "record.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *part[2] = {0};
    size_t len[2] = {0};
    fuzz_split(data, size, part, len, 2);
    fuzz_write("result.tsv", part[0], len[0]);
    fuzz_write("predictions-test.tsv", part[1] ? part[1] : data, len[1]);
    const char *dir = fuzz_path("");
    static record r;
    char why[4096];
    if (FUZZ_DIED()) return 0;
    if (record_read(dir, &r, why, sizeof why) == RECORD_MALFORMED) fuzz_check_message(why, dir);
    prediction *p = NULL;
    if (record_predictions(dir, "test", &p, why, sizeof why) < 0) fuzz_check_message(why, dir);
    free(p);
    fuzz_disarm();
    return 0;
}
