# Analysis and rendering: result records in runs/$(PROTOCOL) -> paper-figures/$(PROTOCOL).
#   make tables    Tables I-III, ensemble statistics, energy bias (Markdown, LaTeX, TSV) and figure data
#   make figures   the above, then Figures 3-7 (PNG, PDF) drawn by the gnuplot scripts in plots/
# The analysis programs link GSL and src/core only: no Darknet, so they build anywhere.
.PHONY: tables figures analysis

ANALYSIS_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -MMD -MP -Isrc -Ianalysis $(SAN_FLAGS)
ANALYSIS_LIBS := -lgsl -lgslcblas -lnettle -lm
ANALYSIS_DIR := $(BUILD)/analysis
ANALYSIS_SRCS := $(filter-out analysis/main.c,$(wildcard analysis/*.c)) $(wildcard src/core/*.c)
ANALYSIS_OBJS := $(patsubst %.c,$(ANALYSIS_DIR)/%.o,$(ANALYSIS_SRCS))
FIGURES_DIR := paper-figures/$(PROTOCOL)

$(ANALYSIS_DIR)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ANALYSIS_CFLAGS) -c $< -o $@

-include $(ANALYSIS_OBJS:.o=.d) $(ANALYSIS_DIR)/analysis/main.d

$(ANALYSIS_DIR)/nutl-analyse: $(ANALYSIS_DIR)/analysis/main.o $(ANALYSIS_OBJS)
	$(CC) $(ANALYSIS_CFLAGS) $^ -o $@ $(ANALYSIS_LIBS)

# Linked in the build folder and renamed into place, as bin/nutl: a running nutl-analyse keeps its file.
bin/nutl-analyse: $(ANALYSIS_DIR)/nutl-analyse
	@mkdir -p bin
	@scripts/install-atomic.sh $< $@

# Tests and the fixture generator in tests/analysis/ link the analysis modules, not Darknet (a shorter
# stem than the Makefile's tests rule, so make prefers this rule for them).
$(BUILD)/tests/analysis/%: tests/analysis/%.c $(ANALYSIS_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ANALYSIS_CFLAGS) $^ -o $@ $(ANALYSIS_LIBS)

analysis: bin/nutl-analyse $(BUILD)/tests/analysis/fixture
all: analysis
test: analysis

tables: bin/nutl-analyse
	bin/nutl-analyse --protocol $(PROTOCOL)

figures: tables
	plots/render $(FIGURES_DIR)
