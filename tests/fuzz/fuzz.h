/* fuzz: what the libFuzzer harnesses in tests/fuzz share. Each harness feeds its input to one reader of
   outside input (through files in a private temporary folder, as nutl reads them) under AddressSanitizer
   and UndefinedBehaviorSanitizer. A reader that rejects its input calls nutl_die; the harness build
   links with -Wl,--wrap=nutl_die, so that call lands in fuzz.c, which checks the message is one line
   naming the file, then either returns to the harness (libFuzzer, many inputs per process) or exits 1
   as nutl does (the replay in make test, one input per process, where LeakSanitizer then looks for
   leaks at exit with every caller's frame still live). */
#ifndef NUTL_FUZZ_H
#define NUTL_FUZZ_H
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

extern jmp_buf fuzz_jump;
extern int fuzz_armed;
extern int fuzz_replaying; /* set by replay.c: a dying reader exits 1 */

/* Arms the return from nutl_die; evaluates to nonzero when the reader died (after fuzz_disarm ran).
   A macro because setjmp's frame must stay live while the reader runs. */
#define FUZZ_DIED() (fuzz_armed = !fuzz_replaying, setjmp(fuzz_jump) != 0 && (fuzz_disarm(), 1))

/* Disarms the return and closes the descriptors a dying reader left open. Returns nothing. */
void fuzz_disarm(void);

/* Returns the path of name in this process's temporary folder ("<folder>/name"), the folder itself
   when name is "" (static storage, valid until the next call). */
const char *fuzz_path(const char *name);

/* Writes len bytes of data to fuzz_path(name) (replacing it); returns that path. */
const char *fuzz_write(const char *name, const uint8_t *data, size_t len);

/* Splits data at the separator FUZZ_SEPARATOR into at most max parts (the last takes the rest): stores
   each part's start and length; returns how many parts there are. */
#define FUZZ_SEPARATOR "\n--nutl-fuzz--\n"
int fuzz_split(const uint8_t *data, size_t len, const uint8_t **part, size_t *part_len, int max);

/* Checks that a reader's rejection `why` is one non-empty line naming the file `path`; aborts (a
   finding) otherwise. Returns nothing. */
void fuzz_check_message(const char *why, const char *path);

/* libFuzzer's entry point, defined by each harness; returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
#endif
