# An event's u, v and w views against drift x, written by `nutl display`.
# Variables (gnuplot -e): prefix (reads prefix-u.dat, -v.dat, -w.dat, writes prefix.png), label, side.
set terminal pngcairo size 1500, 560 font ',10'
set output prefix.'.png'
load dir.'/lartpc.pal'
set xrange [0:side]
set yrange [0:side]
set multiplot layout 1, 3 title label noenhanced
do for [v in 'u v w'] {
    set xlabel v.' (wire, pixels)'
    set ylabel 'x (drift, pixels)'
    plot prefix.'-'.v.'.dat' matrix using ($1 + 0.5):($2 + 0.5):(nz($3)) with image notitle
}
unset multiplot
