# Shared by every figure script: the terminal (term = 'png' or 'pdf', out = the file), the variables
# nutl-analyse wrote (data/plotvars.gp) and the style. Called as: gnuplot -e "data=...; term=...;
# out=..." plots/common.gp plots/figN.gp (see plots/render).
load data.'/plotvars.gp'
set encoding utf8
# terminal(w, h): the terminal for a w x h pixel PNG, or a PDF of the same shape (200 pixels an inch).
terminal(w, h) = term eq 'png' ? sprintf("pngcairo enhanced font 'DejaVu Sans,13' size %d,%d", w, h) \
                               : sprintf("pdfcairo enhanced font 'DejaVu Sans,9' size %.2fin,%.2fin", w / 200.0, h / 200.0)
eval 'set terminal '.terminal(1000, 700)
set output out
# Point size and small-print font: cairo's PDF points are larger than its PNG ones at one nominal size.
pt_scale = term eq 'pdf' ? 0.45 : 1
small_font = term eq 'pdf' ? ',7' : ',10'
set grid lc rgb '#e0e0e0'
set key box opaque samplen 2
set tics nomirror
set border 3
# The data files name their columns on the line after their comments; the classes' names (their
# columns' names) and labels come from plotvars.gp.
set datafile columnheaders
class_name(c) = value(sprintf('class_name_%d', c))
class_label(c) = value(sprintf('class_label_%d', c))
class_color(c) = c == 0 ? '#1f60c0' : c == 1 ? '#2a9d3a' : '#e07b00'
# Title and provenance line: titled(t) gives a two-line title, the second the protocol and weights.
titled(t) = t."\n{/*0.75 ".subtitle."}"
