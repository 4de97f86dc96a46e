#include "core/util.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void nutl_die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("nutl: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

void *nutl_calloc(size_t n, const char *what)
{
    void *p = calloc(n ? n : 1, 1);
    if (!p) nutl_die("out of memory allocating %zu bytes for %s", n, what);
    return p;
}

double seconds_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

void path_join(char *out, const char *dir, const char *name)
{
    if ((size_t)snprintf(out, NUTL_PATH_MAX, "%s/%s", dir, name) >= NUTL_PATH_MAX)
        nutl_die("%s/%s: path too long", dir, name);
}

static void tmp_name(char *buf, size_t len, const char *path)
{
    if ((size_t)snprintf(buf, len, "%s.tmp", path) >= len) nutl_die("%s: path too long", path);
}

FILE *atomic_open(const char *path)
{
    char tmp[4096];
    tmp_name(tmp, sizeof tmp, path);
    FILE *f = fopen(tmp, "wb");
    if (!f) nutl_die("%s: cannot write: %s", tmp, strerror(errno));
    return f;
}

void atomic_commit(FILE *f, const char *path)
{
    char tmp[4096];
    tmp_name(tmp, sizeof tmp, path);
    int bad = fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0;
    int err = errno;
    if (fclose(f) != 0 && !bad) { bad = 1; err = errno; }
    if (bad) {
        unlink(tmp);
        nutl_die("%s: write failed: %s", path, strerror(err));
    }
    if (rename(tmp, path) != 0) {
        err = errno;
        unlink(tmp);
        nutl_die("%s: cannot rename from %s: %s", path, tmp, strerror(err));
    }
}

char *util_install_path(char *out, const char *relative)
{
    char exe[NUTL_PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) nutl_die("cannot locate this program (/proc/self/exe) to find %s", relative);
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    *slash = 0;
    if (snprintf(out, NUTL_PATH_MAX, "%s/../%s", exe, relative) >= NUTL_PATH_MAX)
        nutl_die("%s/../%s: path too long", exe, relative);
    return out;
}

int util_parse_long(const char *text, long *v)
{
    char *end;
    errno = 0;
    *v = strtol(text, &end, 10);
    return end != text && !*end && !errno;
}

int util_parse_u64(const char *text, uint64_t *v)
{
    char *end;
    errno = 0;
    *v = strtoull(text, &end, 10);
    return end != text && !*end && !errno && text[0] != '-';
}

int util_parse_double(const char *text, double *v)
{
    char *end;
    errno = 0;
    *v = strtod(text, &end);
    return end != text && !*end && !errno && isfinite(*v);
}

void path_mkdir(const char *dir)
{
    char buf[NUTL_PATH_MAX];
    if ((size_t)snprintf(buf, sizeof buf, "%s", dir) >= sizeof buf) nutl_die("%s: path too long", dir);
    for (char *p = buf + 1;; p++) {
        int end = *p == 0;
        if (*p == '/' || end) {
            *p = 0;
            if (mkdir(buf, 0777) != 0 && errno != EEXIST) nutl_die("%s: cannot create folder: %s", buf, strerror(errno));
            if (end) return;
            *p = '/';
        }
    }
}
