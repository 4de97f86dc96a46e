# Fig. 6: accuracy per true class vs true neutrino energy for the best (by test F1) Kaiming network (left)
# and the best transfer learning all-weights network (right) at the largest size; Wilson 1-sigma bars.
eval 'set terminal '.terminal(1400, 650)
set output out
set multiplot layout 1,2 title titled(sprintf('Fig. 6. Classification accuracy vs true neutrino energy, %s training images', largest_label))
set xrange [energy_low:energy_high]
set yrange [0:1.2]
set ytics 0, 0.2, 1
set xlabel 'True neutrino energy (GeV)'
set ylabel 'Accuracy'
set key top center horizontal
# Class c's columns in fig6-*.dat: its accuracy (named as the class), _low and _high.
panel(name) = sprintf("plot for [c = 0:2] data.'/fig6-%s.dat' using (column('energy_centre') + (c - 1) * 0.03):(column(class_name(c))):(column(class_name(c).'_low')):(column(class_name(c).'_high')) with yerrorlines pt 7 ps pt_scale lw 1.5 lc rgb class_color(c) title class_label(c)", name)
do for [name in 'kaiming pretrained'] {
    set title value(sprintf('fig6_%s', name)) ? value(sprintf('fig6_%s_title', name)) : 'no network with test predictions'
    if (value(sprintf('fig6_%s', name))) { eval panel(name) } else { set multiplot next }
}
unset multiplot
