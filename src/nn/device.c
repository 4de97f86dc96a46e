#include "nn/device.h"

#include <omp.h>
#include <stdio.h>

#include "darknet.h"
#include "core/util.h"

void openblas_set_num_threads(int threads);

void device_set_threads(int threads)
{
    omp_set_num_threads(threads);
    openblas_set_num_threads(threads);
}

#ifdef GPU

void device_require(void)
{
    static int checked;
    if (checked) return;
    int count = 0;
    cudaError_t status = cudaGetDeviceCount(&count);
    if (status != cudaSuccess || count == 0)
        nutl_die("this is the GPU build of nutl and no CUDA GPU is usable (%s); build the CPU one with `make`",
                 status != cudaSuccess ? cudaGetErrorString(status) : "no device");
    int runtime = 0, driver = 0;
    cudaRuntimeGetVersion(&runtime);
    cudaDriverGetVersion(&driver);
    fprintf(stderr, "nutl: %s, CUDA runtime %d, driver %d, cuDNN %zu\n", device_name(), runtime, driver,
            cudnnGetVersion());
    cuda_set_device(0);
    checked = 1;
}

void device_configure(uint64_t seed, int deterministic)
{
    cuda_set_seed(seed);
    cudnn_deterministic = deterministic;
}

const char *device_name(void)
{
    static char name[256];
    struct cudaDeviceProp p;
    if (cudaGetDeviceProperties(&p, 0) != cudaSuccess) return "gpu (unknown)";
    snprintf(name, sizeof name, "%s", p.name);
    return name;
}

#else

void device_require(void) {}

void device_configure(uint64_t seed, int deterministic)
{
    (void)seed;
    (void)deterministic;
}

const char *device_name(void)
{
    return "cpu";
}

#endif
