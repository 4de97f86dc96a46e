# Fuzzing every reader of outside input with libFuzzer (Debian's clang) under AddressSanitizer and
# UndefinedBehaviorSanitizer; the harnesses and their minimised corpora are in tests/fuzz/.
#   make fuzz [SECONDS=600] [FUZZ=pickle checkpoint ...]   each harness in turn for SECONDS, niced, on
#       a working corpus build/fuzz/corpus/<h> (seeded from tests/fuzz/corpus/<h> and tests/fuzz/regress/<h>);
#       in FUZZ_SLICE-second processes; the first crash, hang or huge allocation stops that harness, its input saved as
#       build/fuzz/<h>-crash-* (-timeout-*, -oom-*, -leak-*) and listed (exit status 1 if any); the
#       last progress line of each log (cov:, ft:, corp:) is printed
#   make fuzz-corpus   minimises each working corpus back into tests/fuzz/corpus/<h> (libFuzzer -merge)
#   make fuzz-replay   every corpus file through each harness, one process per file (tests/fuzz/test_replay.sh)
FUZZ_CC := clang
FUZZ_BUILD := build/fuzz
FUZZ_HARNESSES := pickle checkpoint dataset preset cfg record dune_cvn
FUZZ ?= $(FUZZ_HARNESSES)
SECONDS ?= 600
FUZZ_SLICE ?= 20
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -MMD -MP -Isrc -Ianalysis -Itests/fuzz $(FUZZ_SAN) -fsanitize=fuzzer-no-link
FUZZ_LDFLAGS := $(FUZZ_SAN) -Wl,--wrap=nutl_die
FUZZ_LIBS := -lzip -lz -lnettle -lm
# The readers, and what they call; none needs Darknet.
FUZZ_SRCS := src/core/util.c src/core/protocol.c src/core/classes.c src/core/records.c src/core/digest.c src/sim/dataset.c src/nn/netcfg.c src/import/dune_cvn.c src/sim/readout.c \
	src/convert/pickle.c src/convert/torch_checkpoint.c analysis/record.c tests/fuzz/fuzz.c
FUZZ_OBJS := $(patsubst %.c,$(FUZZ_BUILD)/obj/%.o,$(FUZZ_SRCS))
# libFuzzer's options: no leak check while fuzzing (a rejected input longjmps out of its reader,
# leaving what it allocated; the replay checks every path for leaks), 10 s is a hang, 256 MB a huge
# allocation. What rejected inputs leave adds up, so each harness runs in FUZZ_SLICE-second processes
# on one corpus, each starting afresh, rather than one long process that would reach the RSS limit.
FUZZ_OPTIONS := -detect_leaks=0 -timeout=10 -malloc_limit_mb=256 -rss_limit_mb=1024 -print_final_stats=1

.PHONY: fuzz fuzz-build fuzz-corpus fuzz-replay
# Objects stay (make would delete replay.o as an intermediate, relinking every replay_* next time).
.SECONDARY: $(FUZZ_OBJS) $(FUZZ_BUILD)/obj/tests/fuzz/replay.o

$(FUZZ_BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

-include $(FUZZ_OBJS:.o=.d) $(FUZZ_HARNESSES:%=$(FUZZ_BUILD)/obj/tests/fuzz/fuzz_%.d)

# fuzz_<h>: libFuzzer's driver; replay_<h>: the same harness with tests/fuzz/replay.c as main.
$(FUZZ_BUILD)/fuzz_%: $(FUZZ_BUILD)/obj/tests/fuzz/fuzz_%.o $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_LDFLAGS) -fsanitize=fuzzer $^ -o $@ $(FUZZ_LIBS)

$(FUZZ_BUILD)/replay_%: $(FUZZ_BUILD)/obj/tests/fuzz/fuzz_%.o $(FUZZ_BUILD)/obj/tests/fuzz/replay.o $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_LDFLAGS) $^ -o $@ $(FUZZ_LIBS)

fuzz-build: $(FUZZ_HARNESSES:%=$(FUZZ_BUILD)/fuzz_%) $(FUZZ_HARNESSES:%=$(FUZZ_BUILD)/replay_%)

fuzz: fuzz-build
	@found=0; for h in $(FUZZ); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$h && cp -n tests/fuzz/corpus/$$h/* $$(ls -d tests/fuzz/regress/$$h/* 2>/dev/null) $(FUZZ_BUILD)/corpus/$$h/; \
	  echo "fuzz: $$h for $(SECONDS) s (log $(FUZZ_BUILD)/$$h.log)"; : >$(FUZZ_BUILD)/$$h.log; \
	  for slice in $$(seq $$(( ($(SECONDS) + $(FUZZ_SLICE) - 1) / $(FUZZ_SLICE) ))); do \
	    ASAN_OPTIONS=detect_leaks=0 nice $(FUZZ_BUILD)/fuzz_$$h $(FUZZ_OPTIONS) -max_total_time=$(FUZZ_SLICE) \
	      -artifact_prefix=$(FUZZ_BUILD)/$$h- $(FUZZ_BUILD)/corpus/$$h >>$(FUZZ_BUILD)/$$h.log 2>&1 || break; \
	  done; \
	  echo "fuzz: $$h: $$(grep -E '^#[0-9]+' $(FUZZ_BUILD)/$$h.log | tail -n 1)"; \
	  for a in $(FUZZ_BUILD)/$$h-*; do [ -e "$$a" ] && found=1 && echo "fuzz: $$h: FINDING $$a"; done; \
	done; [ $$found = 0 ]

fuzz-corpus: fuzz-build
	@for h in $(FUZZ); do \
	  mkdir -p tests/fuzz/corpus/$$h.new && \
	  ASAN_OPTIONS=detect_leaks=0 $(FUZZ_BUILD)/fuzz_$$h $(FUZZ_OPTIONS) -merge=1 -artifact_prefix=$(FUZZ_BUILD)/$$h-merge- \
	    tests/fuzz/corpus/$$h.new tests/fuzz/corpus/$$h \
	    $(FUZZ_BUILD)/corpus/$$h 2>$(FUZZ_BUILD)/$$h.merge.log && \
	  rm -rf tests/fuzz/corpus/$$h && mv tests/fuzz/corpus/$$h.new tests/fuzz/corpus/$$h && \
	  echo "fuzz-corpus: $$h: $$(ls tests/fuzz/corpus/$$h | wc -l) inputs" || exit 1; \
	done

fuzz-replay: fuzz-build
	FUZZ_BUILD=$(FUZZ_BUILD) bash tests/fuzz/test_replay.sh

# make test replays the corpora (tests/fuzz/test_replay.sh).
test: fuzz-build
