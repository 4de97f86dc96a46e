# plots/md2tex.awk: the Markdown that make validate and make sensitivity write (headings, paragraphs,
# pipe tables, ``` blocks, images) as LaTeX for make report. Images and links are relative to the variable base (a folder).
function esc(s) {
  gsub(/\\/, "\\textbackslash{}", s); gsub(/[_%&#$]/, "\\\\&", s)
  gsub(/\+-/, "$\\pm$", s); gsub(/±/, "$\\pm$", s); gsub(/σ/, "$\\sigma$", s); gsub(/<=/, "$\\le$", s); gsub(/>=/, "$\\ge$", s)
  gsub(/`/, "", s); gsub(/\[[^]]*\]\([^)]*\)/, "", s)
  return s
}
function end_table() { if (in_table) print "\\bottomrule\n\\end{tabular}\n\\medskip\n"; in_table = 0 }
/^```/ { end_table(); print (in_code = !in_code) ? "\\begin{verbatim}" : "\\end{verbatim}"; next }
in_code { print; next }
/^\|---/ { print "\\midrule"; next }
/^\|/ {
  n = split($0, cell, "|")
  if (!in_table) { in_table = 1; cols = ""; for (i = 2; i < n; i++) cols = cols "l"; print "\\begin{tabular}{" cols "}\n\\toprule" }
  row = ""; for (i = 2; i < n; i++) row = row (i > 2 ? " & " : "") esc(cell[i]); print row " \\\\"
  next
}
{ end_table() }
/^!\[/ { match($0, /\(([^)]*)\)/); print "\\includegraphics[width=0.48\\linewidth]{" base "/" substr($0, RSTART + 1, RLENGTH - 2) "}"; next }
/^#+ / { sub(/^#+ /, ""); print "\\subsection*{" esc($0) "}"; next }
/^$/ { print ""; next }
{ print esc($0) }
END { end_table() }
