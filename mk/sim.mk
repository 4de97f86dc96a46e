# Event simulator: datasets, Figure 1 and the simulator benchmark.
#   make dataset PROTOCOL=P   datasets/P/{train,val,test}: sizes, downsample, threads and base seed from
#                             cfg/protocols/P.conf; each split's seed is `bin/nutl seed <base> <split>`.
#                             A split whose meta.tsv (written last) exists is complete and is skipped.
#                             Preset key `response = ideal|lar|paper|dune` (ideal: the paper's images).
#   make fig1 PROTOCOL=P      paper-figures/P/fig1.png and .pdf: three test events in the (w, x) view
#   make bench-sim            events/s (one thread, 224x224, writing included) and bytes/event on disk

SIM_CONF := cfg/protocols/$(PROTOCOL).conf
# A preset's value, read by bin/nutl itself (nutl conf): only in recipes, once bin/nutl is built.
sim_conf = $(strip $(shell bin/nutl conf $(PROTOCOL) $(1)))
SIM_DATA := datasets/$(PROTOCOL)
SIM_THREADS ?= $(call sim_conf,threads)
SIM_RESPONSE = $(call sim_conf,response)
FIG1_DIR := paper-figures/$(PROTOCOL)
FIG1_WORK := build/fig1/$(PROTOCOL)
BENCH_EVENTS ?= 3000

.PHONY: dataset fig1 bench-sim
dataset: $(SIM_DATA)/train/meta.tsv $(SIM_DATA)/val/meta.tsv $(SIM_DATA)/test/meta.tsv

$(SIM_DATA)/%/meta.tsv: $(SIM_CONF) | bin/nutl
	@test -f $(SIM_CONF) || { echo "no protocol preset $(SIM_CONF)" >&2; exit 1; }
	bin/nutl simulate --events $(call sim_conf,$*_events) --downsample $(call sim_conf,downsample) \
	  --seed $$(bin/nutl seed $(call sim_conf,seed) $*) --threads $(SIM_THREADS) --response $(SIM_RESPONSE) --out $(@D)

fig1: $(FIG1_DIR)/fig1.png

# The events shown are chosen by plots/fig1-pick.awk (the rule is written there).
$(FIG1_DIR)/fig1.png: $(SIM_DATA)/test/meta.tsv plots/fig1.gp plots/fig1-pick.awk plots/lartpc.pal | bin/nutl
	@mkdir -p $(FIG1_DIR) $(FIG1_WORK)
	set -e; n=0; for e in $$(awk -f plots/fig1-pick.awk $(SIM_DATA)/test/truth.tsv); do \
	  bin/nutl display --data $(SIM_DATA)/test --event $$e --out $(FIG1_WORK)/$$n; n=$$((n + 1)); done; \
	  test $$n = 3 || { echo "fig1: the test split lacks an event of each kind" >&2; exit 1; }
	gnuplot -e "work='$(FIG1_WORK)'; out='$(FIG1_DIR)/fig1.tmp'; side=$$(sed -n 's/^image_side\t//p' $<)" plots/fig1.gp
	mv $(FIG1_DIR)/fig1.tmp.pdf $(FIG1_DIR)/fig1.pdf
	mv $(FIG1_DIR)/fig1.tmp.png $@

bench-sim: bin/nutl
	@rm -rf build/bench-sim
	@start=$$(date +%s.%N); \
	bin/nutl simulate --events $(BENCH_EVENTS) --seed 1 --threads 1 --out build/bench-sim; \
	end=$$(date +%s.%N); \
	bytes=$$(stat -c %s build/bench-sim/events.bin); \
	awk -v n=$(BENCH_EVENTS) -v t0=$$start -v t1=$$end -v b=$$bytes 'BEGIN { \
	  printf "bench-sim: %d events at 224x224 on 1 thread in %.2f s: %.0f events/s (target >= 300)\n", n, t1 - t0, n / (t1 - t0); \
	  printf "bench-sim: events.bin %.1f kB/event on disk (target <= 40 kB)\n", b / n / 1000 }'
