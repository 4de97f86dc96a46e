# Fig. 5: class accuracy (mean and error on the mean over each ensemble) for transfer learning all
# weights and Kaiming-initialised networks at the largest training size.
set title titled(sprintf('Fig. 5. Class accuracy, %s training images (error bars: error on the mean)', largest_label))
set xrange [-0.5:2.5]
set xtics ('CC ν_μ' 0, 'CC ν_e' 1, 'NC' 2)
set ylabel 'Accuracy'
set key top left
set offsets 0, 0, graph 0.15, graph 0.05
series = ''
if (fig5_kaiming) {
    series = series."data.'/fig5.dat' using ($1 - 0.08):2:3 with yerrorbars pt 7 ps 1.4 * pt_scale lw 1.5 lc rgb 'black' title 'Kaiming', "
}
if (fig5_pretrained) {
    series = series."data.'/fig5.dat' using ($1 + 0.08):4:5 with yerrorbars pt 5 ps 1.4 * pt_scale lw 1.5 lc rgb '#d62728' title 'Transfer learning all weights', "
}
eval 'plot '.series[1:strlen(series) - 2]
