# Pretrained weights (weights/README.md): torchvision's ImageNet ResNet18 converted by `nutl convert` for
# cfg/resnet18-imagenet.cfg, or a stand-in of the same format for tests and the smoke protocol. Each
# weights file gets a one-line <file>.source saying where it came from; neither is ever committed.
#   make weights [PRETRAINED_PTH=resnet18-f37072fd.pth]   -> weights/resnet18-imagenet.weights
#   make standin-weights                                  -> weights/resnet18-standin.weights
PRETRAINED_PTH ?=
WEIGHTS_CFG := cfg/resnet18-imagenet.cfg
WEIGHTS_IMAGENET := weights/resnet18-imagenet.weights
WEIGHTS_STANDIN := weights/resnet18-standin.weights
STANDIN_SEED := 20220707

.PHONY: weights standin-weights
weights: bin/nutl
	@pth=$$(bash weights/obtain.sh '$(PRETRAINED_PTH)') && \
	bin/nutl convert --from torchvision "$$pth" --out $(WEIGHTS_IMAGENET) --cfg $(WEIGHTS_CFG) && \
	echo "torchvision ImageNet ResNet18 $$(basename "$$pth") sha256 $$(sha256sum "$$pth" | cut -c1-64)" \
	  >$(WEIGHTS_IMAGENET).source

standin-weights: $(WEIGHTS_STANDIN)

# A protocol that needs the ImageNet file (make paper) gets it converted here when the checkpoint can be
# had; otherwise weights/obtain.sh stops, saying which file to obtain and where.
$(WEIGHTS_IMAGENET): | bin/nutl
	@echo "protocol $(PROTOCOL) needs $@ (torchvision's ImageNet ResNet18): make weights"
	$(MAKE) weights

$(WEIGHTS_STANDIN): weights/torch_resnet18.py $(WEIGHTS_CFG) | bin/nutl
	/usr/bin/python3 weights/torch_resnet18.py checkpoint weights/resnet18-standin.pth \
	  --seed $(STANDIN_SEED) --train-forwards 5
	bin/nutl convert --from torchvision weights/resnet18-standin.pth --out $@ --cfg $(WEIGHTS_CFG)
	echo "stand-in weights, not ImageNet: torchvision resnet18 seed $(STANDIN_SEED), random BN" \
	  "statistics (weights/torch_resnet18.py)" >$@.source

# The helper of tests/convert/test_train_step.sh (named without test_: tests/run does not run it itself).
test: $(BUILD)/tests/convert/train_step
