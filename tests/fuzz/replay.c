/* replay: runs a fuzz harness once on each file named on the command line, without libFuzzer (make
   test's replay of the corpus: one input per process, so a reader that dies exits 1 as nutl does and
   LeakSanitizer checks every path for leaks at exit). Returns 0 after the last file. */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

int main(int argc, char **argv)
{
    fuzz_replaying = 1;
    for (int k = 1; k < argc; k++) {
        FILE *f = fopen(argv[k], "rb");
        if (!f) perror(argv[k]), exit(2);
        fseek(f, 0, SEEK_END);
        long len = ftell(f);
        rewind(f);
        uint8_t *data = malloc(len ? (size_t)len : 1);
        if (!data || fread(data, 1, (size_t)len, f) != (size_t)len) perror(argv[k]), exit(2);
        fclose(f);
        LLVMFuzzerTestOneInput(data, (size_t)len);
        free(data);
    }
    return 0;
}
