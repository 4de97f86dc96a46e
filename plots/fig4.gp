# Fig. 4: F1 distributions of the ensemble members at the largest training size: Kaiming-initialised
# (black) and transfer learning all weights (red).
set title titled(sprintf('Fig. 4. F1 score distributions of the ensembles, %s training images', largest_label))
set xlabel 'F1 score'
set ylabel 'Networks'
stats data.'/fig4.dat' using 'kaiming':'pretrained_all' nooutput
set yrange [0 : 1.3 * (STATS_max_x > STATS_max_y ? STATS_max_x : STATS_max_y) + 0.5]
set ytics 1
set boxwidth fig4_bin_width absolute
set style fill transparent solid 0.35 border
set key top left
plot data.'/fig4.dat' using 'f1_centre':'kaiming' with boxes lc rgb 'black' title sprintf('Kaiming (%d networks)', fig4_kaiming), \
     data.'/fig4.dat' using 'f1_centre':'pretrained_all' with boxes lc rgb '#d62728' title sprintf('Transfer learning all weights (%d networks)', fig4_pretrained)
