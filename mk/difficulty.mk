# How hard the simulated events are (docs/difficulty.md):
#   make difficulty [DOWNSAMPLE=1] [RESPONSE=ideal] [MEMBERS=3] [MAX_EPOCHS=100] [THREADS=1] [SIZES="1000 3000"]
#     -> paper-figures/difficulty/difficulty-k<K>[-<response>].md: separability index, Kaiming `all`
#        ensembles at 1k and 3k training images beside the paper's Table I and Table III. At 224x224
#        (DOWNSAMPLE=1) on the CPU this is hours per network: an overnight job.
.PHONY: difficulty
difficulty: bin/nutl
	DOWNSAMPLE=$(or $(DOWNSAMPLE),1) RESPONSE=$(or $(RESPONSE),ideal) MEMBERS=$(or $(MEMBERS),3) \
	  MAX_EPOCHS=$(or $(MAX_EPOCHS),100) THREADS=$(or $(THREADS),1) SIZES="$(or $(SIZES),1000 3000)" \
	  scripts/difficulty.sh
