# Fig. 7: accuracy per true class vs training images for the best (by test F1) transfer learning
# all-weights network of each size; Wilson 1-sigma bars from its confusion matrix.
stats data.'/fig7.dat' using 'train_images' nooutput
set xrange [STATS_min / 1.4 : STATS_max * 1.4]
set logscale x
eval 'set xtics ('.size_tics.')'
set title titled('Fig. 7. Classification accuracy vs training sample size, transfer learning all weights')
set xlabel 'Number of training images'
set ylabel 'Accuracy'
set key bottom right
plot for [c = 0:2] data.'/fig7.dat' using (column('train_images') * (1 + (c - 1) * 0.03)):(column(class_name(c))):(column(class_name(c).'_low')):(column(class_name(c).'_high')) \
     with yerrorlines pt 7 ps pt_scale lw 1.5 lc rgb class_color(c) title class_label(c)
