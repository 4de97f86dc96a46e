# CPU speed against PyTorch: `nutl bench` and dev/torch_bench.py (torchvision resnet18, 3
# classes, SGD momentum 0.9) at 224x224 and at the smoke protocol's image size (224 / its downsample),
# batch 32, the same thread count, with the ratios nutl/torch; and nutl's data loader at each of
# BENCH_LOADER_THREADS decoding threads, beside nutl's training img/s; PyTorch without the environment's
# OpenBLAS pins, and the kernels of each side (scripts/bench-compare.sh). A few minutes on 2 cores.
#   make bench [BENCH_THREADS=T] [BENCH_ITERS_224=N] [BENCH_ITERS_SMALL=N] [BENCH_LOADER_THREADS="1 2"]
BENCH_THREADS ?= $(shell nproc)
BENCH_BATCH ?= 32
BENCH_ITERS_224 ?= 5
BENCH_ITERS_SMALL ?= 20
BENCH_LOADER_THREADS ?= 1 2
# The smoke size, 224 / its downsample, computed by the recipe's shell once bin/nutl is built.
BENCH_SMALL = $$((224 / $$(bin/nutl conf smoke downsample)))

.PHONY: bench
bench: bin/nutl
	LOADER_THREADS="$(BENCH_LOADER_THREADS)" bash scripts/bench-compare.sh $(BENCH_THREADS) $(BENCH_BATCH) 224:$(BENCH_ITERS_224) $(BENCH_SMALL):$(BENCH_ITERS_SMALL)
