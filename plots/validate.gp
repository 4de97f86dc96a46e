# make validate's figures: one quantity's normalised histograms, nutl's simulated events beside the
# reference (DUNE's full simulation), one panel per class. Called by scripts/validate.sh as:
#   gnuplot -e "dat='.../data/hits.dat'; out='...png'; term='png'; xlabel='...'; title='...';
#               sim='nutl ideal'; ref='DUNE'" plots/validate.gp
# The .dat file (nutl compare) has a header line: x, then sim_<class> and ref_<class> for each class.
set encoding utf8
if (term eq 'png') { set terminal pngcairo enhanced font 'DejaVu Sans,12' size 1500,480 } \
else { set terminal pdfcairo enhanced font 'DejaVu Sans,8' size 7.5in,2.4in }
set output out
set datafile columnheaders
set grid lc rgb '#e0e0e0'
set tics nomirror
set border 3
set key top right box opaque samplen 2
set style data steps
classes = 'numu_cc nue_cc nc'

set multiplot layout 1,3 title title noenhanced
do for [c = 1:3] {
    set title word(classes, c) noenhanced
    set xlabel xlabel noenhanced
    set ylabel (c == 1 ? 'fraction of events' : '')
    plot dat using 1:(column(2 * c)) lw 2 lc rgb '#1f60c0' title sim, dat using 1:(column(2 * c + 1)) lw 2 lc rgb '#d03020' title ref
}
unset multiplot
