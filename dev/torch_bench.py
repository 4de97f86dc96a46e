"""PyTorch reference for `make bench`: torchvision resnet18(num_classes=3) trained with SGD (momentum 0.9)
on random input, then run in inference mode, on T threads or on a CUDA GPU. Prints the same lines as
`nutl bench`, the rates likewise from the median iteration time after one warm-up iteration. On a GPU
every step ends with a synchronisation, so its time is the GPU's, and PyTorch keeps its defaults
(cuDNN convolutions may use TF32, as Darknet's cuDNN calls may).

usage: python3 dev/torch_bench.py --size S --batch B --iters N [--threads T] [--device cpu|cuda]
"""
import argparse
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
    if a.device == "cuda":
        print(f"device {torch.cuda.get_device_name(0)}")
        print(f"torch_cuda {torch.version.cuda}\ntorch_cudnn {torch.backends.cudnn.version()}")


if __name__ == "__main__":
    main()
