#include "nn/portable.h"

#include <cblas.h>
#include <errno.h>
#include <dnnl.h>
#include <dnnl_debug.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/util.h"

/* Returns 1 if the environment variable name is set to value, else 0. */
static int env_is(const char *name, const char *value)
{
    const char *v = getenv(name);
    return v && !strcmp(v, value);
}

int portable_pinned(void)
{
    return env_is("ONEDNN_MAX_CPU_ISA", PORTABLE_ONEDNN_ISA) && env_is("OPENBLAS_CORETYPE", PORTABLE_OPENBLAS_CORE);
}

void portable_enter(int argc, char **argv)
{
    int asked = 0;
    for (int k = 1; k < argc; k++) asked |= !strcmp(argv[k], "--portable");
    if (!asked || portable_pinned()) return;
    if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("fma"))
        nutl_die("--portable: this CPU lacks AVX2 or FMA, the least instruction set portable mode pins");
    /* Hints would steer oneDNN among AVX-512 kernels; none is left under the AVX2 cap. */
    unsetenv("ONEDNN_CPU_ISA_HINTS");
    unsetenv("DNNL_CPU_ISA_HINTS");
    if (setenv("ONEDNN_MAX_CPU_ISA", PORTABLE_ONEDNN_ISA, 1) || setenv("OPENBLAS_CORETYPE", PORTABLE_OPENBLAS_CORE, 1))
        nutl_die("--portable: cannot set the environment: %s", strerror(errno));
    execv("/proc/self/exe", argv);
    nutl_die("--portable: cannot re-execute %s to pin the kernels: %s", argv[0], strerror(errno));
}

const char *kernels_onednn_isa(void)
{
    return dnnl_cpu_isa2str(dnnl_get_effective_cpu_isa());
}

const char *kernels_openblas_core(void)
{
    return openblas_get_corename();
}

const char *kernels_chosen(char *buf, size_t len)
{
    snprintf(buf, len, "oneDNN isa %s; OpenBLAS core %s", kernels_onednn_isa(), kernels_openblas_core());
    return buf;
}

void portable_report(int asked)
{
    if (asked && !portable_pinned()) nutl_die("--portable: the kernels are not pinned (nutl re-executes itself to pin them)");
    char kernels[128];
    printf("kernels: %s (%s)\n", kernels_chosen(kernels, sizeof kernels),
           portable_pinned() ? "portable: pinned, the same on any AVX2 CPU" : "chosen for this CPU");
}
