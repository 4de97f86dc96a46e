# make sensitivity's figure: each variant's test F1 (mean +- error on the mean) on nutl's test split and,
# when evaluated, on the DUNE events, one row a variant, the default first; the paper's Table I value as
# a grey band. Called by scripts/sensitivity.sh as:
#   gnuplot -e "dat='.../data/sensitivity.dat'; out='...png'; term='png'; paper='0.528'; paper_err='0.014';
#               dune=1; title='...'" plots/sensitivity.gp
# (paper='-' when the paper trained no such size; dune=0 when the networks were not evaluated on DUNE's).
# The .dat file has a header line: index, variant, test_f1, test_f1_err, dune_f1, dune_f1_err ('-': none).
set encoding utf8
if (term eq 'png') { set terminal pngcairo enhanced font 'DejaVu Sans,12' size 1000,600 } \
else { set terminal pdfcairo enhanced font 'DejaVu Sans,8' size 5in,3in }
set output out
set datafile columnheaders
set datafile missing '-'
set datafile separator tab
set grid lc rgb '#e0e0e0'
set tics nomirror
set border 3
set key outside top center horizontal box opaque samplen 2
set title title noenhanced
set xlabel 'F1 score'
set yrange [*:*] reverse
set offsets 0, 0, 0.5, 0.5
set style fill solid 0.6 noborder
# The x range holds every error bar and the paper's band (an object does not widen autoscaling).
stats dat using (column('test_f1') - column('test_f1_err')) nooutput
lo = STATS_min
stats dat using (column('test_f1') + column('test_f1_err')) nooutput
hi = STATS_max
if (dune) { stats dat using (column('dune_f1') - column('dune_f1_err')) nooutput; lo = STATS_min < lo ? STATS_min : lo; \
            stats dat using (column('dune_f1') + column('dune_f1_err')) nooutput; hi = STATS_max > hi ? STATS_max : hi }
if (paper ne '-') { lo = paper - paper_err < lo ? paper - paper_err : lo; hi = paper + paper_err > hi ? paper + paper_err : hi }
set xrange [lo - 0.02 : hi + 0.02]
if (paper ne '-') { set object 1 rect from first (paper - paper_err), graph 0 to first (paper + paper_err), graph 1 fc rgb '#c8c8c8' fs solid 0.6 noborder behind; \
                    set arrow 1 from first paper, graph 0 to first paper, graph 1 nohead lc rgb '#707070' dt 2 }
test = "dat using 'test_f1':'index':'test_f1_err':ytic(stringcolumn('variant')) with xerrorbars pt 7 lc rgb '#1f60c0' title 'nutl test split'"
other = "dat using 'dune_f1':(column('index') + 0.15):'dune_f1_err' with xerrorbars pt 5 lc rgb '#d03020' title 'DUNE events'"
key = "NaN with boxes fc rgb '#c8c8c8' title 'paper (Table I)'"
eval 'plot '.test.(dune ? ', '.other : '').(paper ne '-' ? ', '.key : '')
