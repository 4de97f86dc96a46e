# Fig. 2: ResNet18 as Darknet builds it from cfg/resnet18.cfg, drawn from the data `nutl diagram`
# writes (data/fig2-nodes.dat, fig2-edges.dat, fig2-groups.dat): a column per group (stem, Layer 1-4,
# classifier), each layer a box with its operation and output shape (channels x height x width), the
# identity shortcuts and the 1x1/2 projection shortcuts in the lane beside the main path.
eval 'set terminal '.terminal(1700, 800)
set output out
nodes = data.'/fig2-nodes.dat'
edges = data.'/fig2-edges.dat'
groups = data.'/fig2-groups.dat'
set title 'Fig. 2. ResNet18 as nutl trains it: cfg/resnet18.cfg, built by Darknet (224×224 input)' noenhanced
unset border
unset tics
unset key
unset grid
set size ratio -1
stats groups using "x_low":"y_low" nooutput
set xrange [STATS_min_x - 0.3 : STATS_max_x + 4]
set yrange [STATS_min_y - 0.3 : 1.5]
kind_fill(k) = k eq 'conv' ? 0xcfe0f7 : k eq 'pool' ? 0xf9e0b8 : k eq 'fc' ? 0xd5efcc : 0xffffff
# The tensor entering a column has no box, its shape only.
boxed(k) = k eq 'input' ? 1/0 : 1
op_font = term eq 'pdf' ? ',6' : ',10'
shape_font = term eq 'pdf' ? ',5' : ',9'
plot groups using (($1 + $2) / 2):(($3 + $4) / 2):(($2 - $1) / 2):(($4 - $3) / 2) \
         with boxxyerror fs empty border lc rgb '#a0a0a0' lc rgb '#a0a0a0' dt 2, \
     groups using (($1 + $2) / 2):($4 - 0.3):(strcol("title")) with labels font ',12' noenhanced, \
     edges using "x1":"y1":(column("head") != 0 ? 1/0 : $3 - $1):($4 - $2) with vectors nohead lc rgb '#404040', \
     edges using "x1":"y1":(column("head") != 0 ? $3 - $1 : 1/0):($4 - $2) with vectors head filled size 0.12,20 lc rgb '#404040', \
     nodes using "x":"y":(column("half_width") * boxed(strcol("kind"))):"half_height":(kind_fill(strcol("kind"))) \
         with boxxyerror fs solid 1.0 border lc rgb '#303030' lc rgb variable, \
     nodes using "x":($2 + ((strcol("kind") eq 'add') || (strcol("kind") eq 'input') ? 0 : 0.1)):(strcol("kind") eq 'input' ? '' : strcol("op")) \
         with labels font op_font noenhanced, \
     nodes using "x":($2 - (strcol("kind") eq 'input' ? 0 : 0.15)):(strcol("kind") eq 'add' ? '' : strcol("shape")) \
         with labels font shape_font tc rgb '#505050' noenhanced
