"""PyTorch reference for `make bench`: torchvision resnet18(num_classes=3) trained with SGD (momentum 0.9)
on random input, then run in inference mode, on T threads or on a CUDA GPU. Prints the same lines as
`nutl bench`, the rates likewise from the median iteration time after one warm-up iteration. On a GPU
every step ends with a synchronisation, so its time is the GPU's, and PyTorch keeps its defaults
(cuDNN convolutions may use TF32, as Darknet's cuDNN calls may).

usage: python3 dev/torch_bench.py --size S --batch B --iters N [--threads T] [--device cpu|cuda]
"""
import argparse
import ctypes
import resource
import statistics
import time

import torch
import torchvision


def images_per_second(step, iters, batch):
    """Returns the images per second at the median of iters timed calls of step, after one warm-up."""
    step()
    times = []
    for _ in range(iters):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return batch / statistics.median(times)


def loaded(name):
    """Returns the library this process has loaded whose file name contains name (the one PyTorch calls)."""
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split()[-1]
            if name in path.rsplit("/", 1)[-1]:
                return ctypes.CDLL(path)
    return None


def kernels():
    """Returns the kernels PyTorch's CPU libraries chose, in nutl's format (src/nn/portable.h, kernels_chosen)
    and ATen's own vectorised code: "oneDNN isa cpu_isa_avx2; OpenBLAS core Haswell; ATen AVX2"."""
    dnnl, blas = loaded("libdnnl"), loaded("openblas")
    isa = core = "not loaded"
    if dnnl is not None:
        dnnl.dnnl_get_effective_cpu_isa.restype = ctypes.c_int
        dnnl.dnnl_cpu_isa2str.argtypes = [ctypes.c_int]
        dnnl.dnnl_cpu_isa2str.restype = ctypes.c_char_p
        isa = dnnl.dnnl_cpu_isa2str(dnnl.dnnl_get_effective_cpu_isa()).decode()
    if blas is not None:
        blas.openblas_get_corename.restype = ctypes.c_char_p
        core = blas.openblas_get_corename().decode()
    aten = [l.split(":")[1].strip() for l in torch.__config__.show().splitlines() if "CPU capability usage" in l]
    return f"oneDNN isa {isa}; OpenBLAS core {core}; ATen {aten[0] if aten else 'unknown'}"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=int, required=True)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--iters", type=int, required=True)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--device", choices=["cpu", "cuda"], default="cpu")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    device = torch.device(a.device)
    sync = torch.cuda.synchronize if a.device == "cuda" else lambda: None
    model = torchvision.models.resnet18(num_classes=3).to(device)
    opt = torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.9)
    x = torch.randn(a.batch, 3, a.size, a.size).to(device)
    y = torch.randint(0, 3, (a.batch,)).to(device)
    loss_fn = torch.nn.CrossEntropyLoss()

    def train_step():
        opt.zero_grad()
        loss_fn(model(x), y).backward()
        opt.step()
        sync()

    def infer_step():
        with torch.no_grad():
            model(x)
        sync()

    model.train()
    train = images_per_second(train_step, a.iters, a.batch)
    model.eval()
    infer = images_per_second(infer_step, a.iters, a.batch)
    print(f"size {a.size}\nbatch {a.batch}\niters {a.iters}\nthreads {a.threads}")
    print(f"train_images_per_second {train:.3f}\ninfer_images_per_second {infer:.3f}")
    print(f"peak_rss_mb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}")
    print(f"torch {torch.__version__}")
    if a.device == "cpu":
        print(f"kernels {kernels()}")
    if a.device == "cuda":
        print(f"device {torch.cuda.get_device_name(0)}")
        print(f"torch_cuda {torch.version.cuda}\ntorch_cudnn {torch.backends.cudnn.version()}")


if __name__ == "__main__":
    main()
