# Figure 1 of the paper: a CC nu_mu, a CC nu_e and an NC event in the (w, x) view, energy as colour.
# Variables (gnuplot -e): work (folder with 0-w.dat, 1-w.dat, 2-w.dat from `nutl display`), out (writes
# out.png and out.pdf), side (pixels per side).
array titles[3] = ["CC {/Symbol n}_{/Symbol m}", "CC {/Symbol n}_e", "NC"]
cm = 224.0 / side  # pixel size (cm): 1, or k when the protocol downsamples by k
do for [fmt in 'png pdf'] {
    if (fmt eq 'png') { set terminal pngcairo size 1800, 640 font ',14' } else { set terminal pdfcairo size 13in, 4.6in font ',12' }
    set output out.'.'.fmt
    load 'plots/lartpc.pal'
    set xrange [0:224]
    set yrange [0:224]
    set xlabel 'w (cm)'
    set ylabel 'x (cm)'
    set multiplot layout 1, 3
    do for [k = 0:2] {
        set title titles[k + 1]
        plot sprintf('%s/%d-w.dat', work, k) matrix using (($1 + 0.5) * cm):(($2 + 0.5) * cm):(nz($3)) with image notitle
    }
    unset multiplot
    unset output
}
