# nutl beside real full-simulation events (docs/validate.md):
#   make validate [DOWNSAMPLE=2] [MEMBERS=3] [TRAIN_EVENTS=1000] [MAX_EPOCHS=12] [THREADS=1] [JOBS=2]
#                 [RESPONSES="paper dune"]
#     -> paper-figures/validate/validate.md: per class distributions of nutl's events beside the DUNE
#        CVN sample's (datasets/dune-cvn), figures, separability of both, the reality gap of Kaiming
#        ensembles trained on nutl's events, and a gallery; per detector response. About an hour on 2 cores.
.PHONY: validate
validate: bin/nutl
	DOWNSAMPLE=$(or $(DOWNSAMPLE),2) MEMBERS=$(or $(MEMBERS),3) TRAIN_EVENTS=$(or $(TRAIN_EVENTS),1000) \
	  MAX_EPOCHS=$(or $(MAX_EPOCHS),12) THREADS=$(or $(THREADS),1) JOBS=$(or $(JOBS),2) \
	  RESPONSES="$(or $(RESPONSES),paper dune)" scripts/validate.sh
