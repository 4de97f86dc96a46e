# nutl: every step of the study is a target here; README.md explains them.
#   make deps            install system packages and fetch Darknet's source (root or sudo)
#   make [GPU=1]         build bin/nutl (CPU, or CUDA/cuDNN)
#   make test            run every test (tests/run)
PROTOCOL ?= smoke
GPU ?= 0

DARKNET_VERSION := 0.0.0+git20180914.61c9d02e-2
DARKNET_SRC := build/src/darknet-$(DARKNET_VERSION)
CUDA_HOME ?= /usr/local/cuda

ifeq ($(GPU),1)
VARIANT := gpu
DARKNET_FLAGS := GPU=1 CUDNN=1 NVCC=$(CUDA_HOME)/bin/nvcc
VARIANT_CFLAGS := -DGPU -DCUDNN -I$(CUDA_HOME)/include
VARIANT_LIBS := -L$(CUDA_HOME)/lib64 -lcudnn -lcublas -lcurand -lcudart_static -ldl -lrt -lstdc++
else
VARIANT := cpu
DARKNET_FLAGS := GPU=0 CUDNN=0
endif

# SANITIZE=1 (make test SANITIZE=1): our code and tests with AddressSanitizer and UndefinedBehaviorSanitizer,
# in a build folder of its own (mk/sanitize.mk).
include mk/sanitize.mk
BUILD := build/$(VARIANT)
DARKNET_DIR := $(BUILD)/darknet
DARKNET_LIB := $(DARKNET_DIR)/libdarknet.a
DARKNET_PATCHES := $(addprefix darknet/patches/,$(shell cat darknet/patches/series 2>/dev/null))

DARKNET_BUILD := $(DARKNET_VERSION) + nutl patches $(basename $(notdir $(DARKNET_PATCHES)))

CC := gcc
# src/ holds one folder per subsystem; includes name it ("sim/event.h"). core, sim (the simulator and
# the dataset format), difficulty (the separability index) and import compile without Darknet's headers, so a
# dependency in the wrong direction fails to build; nn, convert and cli see Darknet. -MMD -MP: objects
# depend on the headers they include.
BASE_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -fopenmp -MMD -MP -Isrc $(SAN_FLAGS)
CFLAGS := $(BASE_CFLAGS) -I$(DARKNET_DIR)/include $(VARIANT_CFLAGS)
# HDF5 (Debian's serial build, found by pkg-config) reads and writes energy-deposit files (nutl import).
HDF5_CFLAGS := $(shell pkg-config --cflags hdf5 2>/dev/null)
HDF5_LIBS := $(or $(shell pkg-config --libs hdf5 2>/dev/null),-lhdf5)
LDLIBS := -lgsl -lopenblas -ldnnl -lzip -lnettle -lz $(HDF5_LIBS) -lm -pthread $(VARIANT_LIBS)

SUBSYSTEMS := core sim difficulty import nn convert cli
NUTL_SRCS := $(foreach s,$(SUBSYSTEMS),$(wildcard src/$(s)/*.c))
# The build's identity (src/core/build_id.h) is generated on every make and replaced only when it
# changed: a new commit rebuilds one small object and relinks, so the binary always names its commit.
BUILD_ID_SRC := $(BUILD)/gen/build_id.c
NUTL_OBJS := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(NUTL_SRCS)) $(BUILD)/obj/gen/build_id.o
LIB_OBJS := $(filter-out $(BUILD)/obj/cli/main.o,$(NUTL_OBJS))
TEST_SRCS := $(wildcard tests/*/test_*.c)
TEST_BINS := $(patsubst tests/%.c,$(BUILD)/tests/%,$(TEST_SRCS))

.PHONY: all deps test clean FORCE
all: bin/nutl

deps:
	bash scripts/deps.sh

# Darknet: Debian's source, copied into the build folder and patched with our series, in order.
$(DARKNET_DIR)/.patched: $(DARKNET_PATCHES) darknet/patches/series
	@test -d $(DARKNET_SRC) || { echo "Darknet source missing ($(DARKNET_SRC)): run 'make deps' first" >&2; exit 1; }
	rm -rf $(DARKNET_DIR) && mkdir -p $(BUILD) && cp -r $(DARKNET_SRC) $(DARKNET_DIR)
	for p in $(DARKNET_PATCHES); do patch -s -p1 -d $(DARKNET_DIR) < $$p || exit 1; done
	touch $@

$(DARKNET_LIB): $(DARKNET_DIR)/.patched
	$(MAKE) -s -C $(DARKNET_DIR) obj libdarknet.a $(DARKNET_FLAGS) OPENMP=1 OPENBLAS=1

# conv_dnnl reuses Darknet's batch-norm, bias and activation code, declared in its src/ headers
# (-isystem: their warnings are not ours).
$(BUILD)/obj/nn/conv_dnnl.o: CFLAGS += -isystem $(DARKNET_DIR)/src

$(BUILD)/obj/core/%.o: src/core/%.c
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) -c $< -o $@

$(BUILD)/obj/sim/%.o: src/sim/%.c
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) -c $< -o $@

$(BUILD)/obj/difficulty/%.o: src/difficulty/%.c
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) -c $< -o $@

# import (events simulated elsewhere: DUNE's pixel maps, Geant4 deposits) uses core and sim, no Darknet.
$(BUILD)/obj/import/%.o: src/import/%.c
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(HDF5_CFLAGS) -c $< -o $@

$(BUILD_ID_SRC): FORCE
	@scripts/build-id.sh $@ '$(DARKNET_BUILD)' "$$($(CC) --version | head -n 1)"

$(BUILD)/obj/gen/build_id.o: $(BUILD_ID_SRC)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) -c $< -o $@

$(BUILD)/obj/%.o: src/%.c | $(DARKNET_DIR)/.patched
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

-include $(NUTL_OBJS:.o=.d)

$(BUILD)/nutl: $(NUTL_OBJS) $(DARKNET_LIB)
	$(CC) $(CFLAGS) $^ -o $@ $(LDLIBS)

# bin/nutl is the variant built last; copied only when it differs, so switching GPU= relinks nothing;
# under a temporary name renamed over the old one, so a running nutl keeps its file (scripts/install-atomic.sh).
# With CONTAINER=IMAGE (an Apptainer image of make image), bin/nutl runs the image's nutl instead and
# nothing is built here (scripts/container-nutl.sh, docs/container.md).
ifeq ($(CONTAINER),)
bin/nutl: $(BUILD)/nutl FORCE
	@mkdir -p bin
	@cmp -s $< $@ || scripts/install-atomic.sh $< $@
else
bin/nutl: FORCE
	@scripts/container-nutl.sh $(CONTAINER) $@
endif

# The link takes the sources and objects only: the .d files add the headers to the prerequisites.
$(BUILD)/tests/%: tests/%.c $(LIB_OBJS) $(DARKNET_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(filter %.c %.o %.a,$^) -o $@ $(LDLIBS)

-include $(TEST_BINS:=.d)

test: bin/nutl $(TEST_BINS)
	BUILD=$(BUILD) $(SAN_ENV) tests/run $(T)

clean:
	rm -rf build/cpu build/gpu bin

# Each part of the study keeps its own rules in mk/<part>.mk.
include $(wildcard mk/*.mk)
