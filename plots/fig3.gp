# Fig. 3: test (cyan) and validation (red) F1 of the pretrained all-weights networks vs training images,
# with grey bands (mean +- error on the mean) for Kaiming at the largest size and at the largest size at
# most half of it (the paper's 100k and 50k), and for classifier-only at the largest size.
stats data.'/fig3.dat' using 'train_images' nooutput
set xrange [STATS_min / 1.4 : STATS_max * 1.4]
set logscale x
eval 'set xtics ('.size_tics.')'
set title titled('Fig. 3. Test (cyan) and validation (red) F1, transfer learning all weights')
set xlabel 'Number of training images'
set ylabel 'F1 score'
set key bottom right
bands = ''
do for [i = 1:3] {
    if (exists(sprintf('band%d_mean', i))) {
        bands = bands.sprintf("'+' using 1:(band%d_mean - band%d_err):(band%d_mean + band%d_err) with filledcurves fc rgb '#c8c8c8' fs solid 0.6 noborder notitle, ", i, i, i, i)
        eval sprintf("set label band%d_label at graph 0.02 + 0.25 * (%d - 1), first band%d_mean left front offset 0, 1 font '".small_font."' tc rgb '#505050'", i, i, i)
        bands = bands.sprintf("band%d_mean with lines lc rgb '#707070' dt 2 notitle, ", i)
    }
}
eval 'plot '.bands. \
    "data.'/fig3.dat' using 'train_images':'test_f1':'test_f1_err' with yerrorbars pt 7 ps 1.2 * pt_scale lc rgb '#00b5d8' title 'Test sample', ".\
    "data.'/fig3.dat' using (column('train_images') * 1.04):'val_f1':'val_f1_err' with yerrorbars pt 5 ps 1.0 * pt_scale lc rgb '#d62728' title 'Validation sample'"
