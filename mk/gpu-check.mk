# The GPU path in one prepared run (scripts/gpu-check.sh). The GPU machine builds nothing:
#   make gpu-check-build   here: build/gpu (nutl and the two test programs the check runs) and the CPU
#                          build/cpu/nutl and bin/nutl; carry build/gpu, build/cpu/nutl and bin/nutl
#   make gpu-check         there: writes bench/results/<date>-<gpu name>.md (under 8 minutes on one
#                          H100/H200); without a GPU, each step's CPU side and a "no GPU:" line, exit 2
GPU_CHECK_PROGRAMS := build/gpu/nutl build/gpu/tests/convert/train_step build/gpu/tests/trainer/test_pretrained

.PHONY: gpu-check gpu-check-build
gpu-check:
	bash scripts/gpu-check.sh

gpu-check-build:
	$(MAKE) GPU=1 $(GPU_CHECK_PROGRAMS)
	$(MAKE) GPU=0 bin/nutl
	@du -ch build/gpu build/cpu/nutl bin/nutl | tail -n 1 | sed 's|total|to carry: build/gpu, build/cpu/nutl, bin/nutl|'
