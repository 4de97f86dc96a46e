# Fig. 5: class accuracy (mean and error on the mean over each ensemble) for transfer learning all
# weights and Kaiming-initialised networks at the largest training size.
set title titled(sprintf('Fig. 5. Class accuracy, %s training images (error bars: error on the mean)', largest_label))
set xrange [-0.5:2.5]
set xtics (class_label(0) 0, class_label(1) 1, class_label(2) 2)
set ylabel 'Accuracy'
set key top left
set offsets 0, 0, graph 0.15, graph 0.05
series = ''
if (fig5_kaiming) {
    series = series."data.'/fig5.dat' using (column('class') - 0.08):'kaiming':'kaiming_err' with yerrorbars pt 7 ps 1.4 * pt_scale lw 1.5 lc rgb 'black' title 'Kaiming', "
}
if (fig5_pretrained) {
    series = series."data.'/fig5.dat' using (column('class') + 0.08):'pretrained_all':'pretrained_all_err' with yerrorbars pt 5 ps 1.4 * pt_scale lw 1.5 lc rgb '#d62728' title 'Transfer learning all weights', "
}
eval 'plot '.series[1:strlen(series) - 2]
