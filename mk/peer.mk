# The PyTorch peer: the protocol's Kaiming cells trained by PyTorch (dev/torch_train.py), beside nutl's.
#   make peer PROTOCOL=P [CELLS="kaiming-all-n1000-m1 ..."]
#       trains the cells (default: every Kaiming cell of the grid) into runs/P-peer/ (scripts/peer.sh),
#       then prints nutl's ensembles (runs/P/) beside PyTorch's with (nutl - PyTorch)/sigma.
.PHONY: peer
CELLS ?=

peer: bin/nutl bin/nutl-analyse
	$(MAKE) dataset
	scripts/peer.sh $(PROTOCOL) "$(CELLS)"
	bin/nutl-analyse --protocol $(PROTOCOL) --peer runs/$(PROTOCOL)-peer
