# Event simulator: datasets, Figure 1 and the simulator benchmark (issue 3).
#   make dataset PROTOCOL=P   datasets/P/{train,val,test}, sizes, downsample and seed from cfg/protocols/P.conf
#   make fig1 PROTOCOL=P      paper-figures/P/fig1.png and .pdf from the test split
#   make bench-sim            events/s and bytes/event at 224x224
LDLIBS += -lz
