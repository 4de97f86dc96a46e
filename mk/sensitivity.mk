# What the paper left unsaid, measured (docs/sensitivity.md):
#   make sensitivity [PROTOCOL=laptop] [JOBS=N]
#     -> paper-figures/P/sensitivity.{md,tsv,png,pdf}: the Kaiming cell at the preset's smallest training
#        size under the defaults and under each single change (momentum 0, the paper's fan-in
#        initialisation, each input encoding, no ImageNet normalisation), the preset's members each,
#        beside the paper's Table I value; also on the DUNE events when make validate imported them at the
#        preset's downsampling and response. Finished networks are reused (scripts/sensitivity.sh).
.PHONY: sensitivity
sensitivity: bin/nutl
	$(MAKE) dataset
	JOBS=$(JOBS) scripts/sensitivity.sh $(PROTOCOL)
