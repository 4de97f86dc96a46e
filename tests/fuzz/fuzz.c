/* fuzz: the shared part of the harnesses (fuzz.h): nutl_die caught, the temporary folder, splitting. */
#define _GNU_SOURCE /* memmem */
#include "fuzz.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

jmp_buf fuzz_jump;
int fuzz_armed;
int fuzz_replaying;
static char folder[64];
static int fd_ceiling = -1; /* descriptors above it were opened by a reader */

/* Removes the temporary folder and its files at exit. */
static void folder_remove(void)
{
    DIR *d = opendir(folder);
    if (!d) return;
    char path[512];
    for (struct dirent *e; (e = readdir(d));)
        if (e->d_name[0] != '.') snprintf(path, sizeof path, "%s/%s", folder, e->d_name), unlink(path);
    closedir(d);
    rmdir(folder);
}

/* Returns the highest descriptor open now. */
static int fd_highest(void)
{
    int high = 2;
    DIR *d = opendir("/proc/self/fd");
    if (!d) return 1024;
    for (struct dirent *e; (e = readdir(d));)
        if (e->d_name[0] != '.' && atoi(e->d_name) > high && atoi(e->d_name) != dirfd(d)) high = atoi(e->d_name);
    closedir(d);
    return high;
}

const char *fuzz_path(const char *name)
{
    static char path[512];
    if (!folder[0]) {
        snprintf(folder, sizeof folder, "%s/nutl-fuzz-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
        if (!mkdtemp(folder)) perror(folder), abort();
        atexit(folder_remove);
        fd_ceiling = fd_highest();
    }
    snprintf(path, sizeof path, "%s%s%s", folder, *name ? "/" : "", name);
    return path;
}

const char *fuzz_write(const char *name, const uint8_t *data, size_t len)
{
    const char *path = fuzz_path(name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) perror(path), abort();
    return path;
}

int fuzz_split(const uint8_t *data, size_t len, const uint8_t **part, size_t *part_len, int max)
{
    size_t sep = strlen(FUZZ_SEPARATOR);
    int n = 0;
    while (n < max - 1) {
        const uint8_t *at = memmem(data, len, FUZZ_SEPARATOR, sep);
        if (!at) break;
        part[n] = data, part_len[n++] = (size_t)(at - data);
        len -= (size_t)(at - data) + sep, data = at + sep;
    }
    part[n] = data, part_len[n++] = len;
    return n;
}

void fuzz_check_message(const char *why, const char *path)
{
    if (!*why || strchr(why, '\n') || !strstr(why, path)) {
        fprintf(stderr, "fuzz: a rejection is not one line naming %s: \"%s\"\n", path, why);
        abort();
    }
}

void fuzz_disarm(void)
{
    fuzz_armed = 0;
    for (int fd = fd_highest(); fd > fd_ceiling; fd--) close(fd);
}

/* nutl_die's stand-in (-Wl,--wrap=nutl_die): every message must name a file of ours, unless it is
   about memory; then back to the harness when armed, else exit 1 as nutl does. */
void __wrap_nutl_die(const char *fmt, ...) __attribute__((noreturn));
void __wrap_nutl_die(const char *fmt, ...)
{
    char why[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    if (strncmp(why, "out of memory", 13)) fuzz_check_message(why, fuzz_path(""));
    if (fuzz_armed) longjmp(fuzz_jump, 1);
    fprintf(stderr, "nutl: %s\n", why);
    exit(1);
}
