#!/usr/bin/env bash
# make report's document from the analysis fixture: report.md carries the verdicts, the audit's verdict
# and every table and figure; report.pdf is a PDF of 14 pages in the documented order (the last two
# make validate's and make sensitivity's sections); Fig. 2's data is ResNet18 as Darknet builds it
# from cfg/resnet18.cfg.
source tests/analysis/lib.sh
command -v pdflatex >/dev/null || { echo "skipped: pdflatex not installed (make deps installs texlive-latex-base)"; exit 77; }
NUTL=${NUTL:-bin/nutl}
[ -x "$NUTL" ] || fail "missing $NUTL: run make"

conf=$T/smoke.conf
{ cat tests/analysis/smoke.conf; echo "caveat = a fixture: its numbers are made up"; } >"$conf"
"$FIXTURE" "$conf" smoke "$T/runs"
out=$T/fig
"$ANALYSE" --protocol smoke --conf "$conf" --runs "$T/runs" --out "$out" 2>/dev/null
plots/render "$out"
printf '# Audit\n\n**Verdict: reproducible**\n' >"$out/audit.md"
NUTL=$NUTL scripts/report.sh "$out" >"$T/report.out" 2>"$T/report.err"
[ ! -s "$T/report.err" ] || fail "report said: $(cat "$T/report.err")"
has "$T/report.out" "report: wrote $out/report.md and $out/report.pdf (14 pages)"

# The verdicts: the fixture's smoke sizes have no paper value; its matrices are far from the paper's.
has "$out/report.md" "- Audit: reproducible" "- Build: nutl fixture; darknet 61c9d02e" "- Machine class: cpu; fixture; threads 2" "dataset_id fixture0dataset0" "- Caveat: a fixture: its numbers are made up" \
    "- Table I: no cell compared with the paper (3 cells: no paper value at that size, or one network)." \
    "- Table II: no cell compared with the paper (8 cells: no paper value at that size, or one network)." \
    "- Table III: 0 of 18 cells within 2σ of the paper (each cell's share of its true class, two-proportion z test); largest deviation 8.1σ (kaiming true numu_cc predicted numu_cc)."
# Every table and figure, the tables with the paper's columns, the figures with the paper's findings.
has "$out/report.md" "| ResNet18 Kaiming | 600 | 3 | 0.500 ± 0.006 |" "| Pre-trained | Freeze(4) | 600 | 3 | 0.620 ± 0.006 |" \
    "| Transfer learning all weights | NC | 7 | 6 | 37 | 0.713 | 228 | 367 | 6119 | 0.927 |" "Paper testing F1" \
    "## Beyond the paper" "Energy bias (beyond the paper)"
for n in 2 3 4 5 6 7; do
  has "$out/report.md" "![Fig. $n](fig$n.png)" "The paper's Fig. $n: "
  [ -s "$out/fig$n.png" ] && [ "$(head -c 4 "$out/fig$n.pdf")" = "%PDF" ] || fail "fig$n missing"
done

# The PDF: page by page, as docs/report.md lists them.
[ "$(head -c 4 "$out/report.pdf")" = "%PDF" ] || fail "report.pdf is not a PDF"
[ "$(pdfinfo "$out/report.pdf" | sed -n 's/^Pages: *//p')" = 14 ] || fail "report.pdf: $(pdfinfo "$out/report.pdf" | grep Pages)"
page() { pdftotext -f "$1" -l "$1" "$out/report.pdf" - | tr -s ' \n' ' '; }
expect_page() { page "$1" | grep -qF -- "$2" || fail "report.pdf page $1 lacks '$2': $(page "$1" | cut -c1-200)"; }
expect_page 1 "Audit: reproducible"
expect_page 1 "Caveat: a fixture: its numbers are made up"
expect_page 1 "Table III: 0 of 18 cells within 2σ of the paper"
expect_page 2 "Fig. 2: the network"
expect_page 3 "TABLE I [stand-in weights, not ImageNet]"
expect_page 4 "TABLE II"
expect_page 5 "TABLE III"
for n in 3 4 5 6 7; do expect_page $((n + 3)) "Fig. $n. "; done
expect_page 11 "Ensemble statistics"
expect_page 12 "Energy bias"
expect_page 13 "Not run: make validate compares"
expect_page 14 "Not run: make sensitivity PROTOCOL=smoke"
ls "$out" | grep -q '\.tmp$' && fail "temporary files left in $out"

# make validate's report, when it exists beside DIR, is the last section, in Markdown and in the PDF.
mkdir -p "$T/validate"
printf '# title\n\n## Response `ideal`\n\n```\nimport dune-cvn: view w: 0.0295 MeV per unit\n```\n\n| metric | nutl test | DUNE | gap |\n|---|---|---|---|\n| f1 | 0.800 +- 0.010 | 0.650 +- 0.020 | -0.150 +- 0.015 |\n' >"$T/validate/validate.md"
NUTL=$NUTL scripts/report.sh "$out" >/dev/null 2>"$T/report.err" || fail "report with validate.md: $(cat "$T/report.err")"
has "$out/report.md" "## nutl beside real full-simulation events (make validate)" "### Response \`ideal\`" "| f1 | 0.800 +- 0.010 | 0.650 +- 0.020 | -0.150 +- 0.015 |"
expect_page 13 "0.800 ± 0.010"
expect_page 13 "import dune-cvn: view w: 0.0295 MeV per unit"
rm -r "$T/validate"

# make sensitivity's table, when DIR has one, is the last page (its ± and σ as LaTeX's).
printf '# title\n\nProtocol smoke: 3 networks per variant; σ: the difference over the errors.\n\n| variant | change | networks | test F1 | vs default (σ) |\n|---|---|---|---|---|\n| default | the defaults | 3 | 0.820 ± 0.004 | +0.00 |\n| log | `--encoding log`: input = ln(1 + E / q) | 3 | 0.790 ± 0.005 | -4.69 |\n' >"$out/sensitivity.md"
NUTL=$NUTL scripts/report.sh "$out" >/dev/null 2>"$T/report.err" || fail "report with sensitivity.md: $(cat "$T/report.err")"
has "$out/report.md" "## What the paper left unsaid, measured (make sensitivity)" "| log | \`--encoding log\`: input = ln(1 + E / q) | 3 | 0.790 ± 0.005 | -4.69 |"
expect_page 14 "0.790 ± 0.005"
expect_page 14 "σ: the difference over the errors"
rm "$out/sensitivity.md"

# Fig. 2 is the network Darknet builds: 35 layers (3 routes drawn as lanes) + 6 column entries, the
# three 1x1/2 projections in the side lane, Layers 1-4 as columns, 512x7x7 before the pool.
[ "$(tail -n +2 "$out/data/fig2-nodes.dat" | wc -l)" = 38 ] || fail "fig2-nodes.dat: not 38 boxes"
for c in 128 256 512; do has "$out/data/fig2-nodes.dat" "conv 1×1/2, $c"; done
has "$out/data/fig2-nodes.dat" '"conv 7×7/2, 64"	"64×112×112"' '"average pool"	"512"' '"fc 512→3"	"3"'
has "$out/data/fig2-groups.dat" '"Layer 1"' '"Layer 4"' '"Classifier"'
# A missing table stops the report, naming it; the report already written stays.
rm "$out/table2.tex"
! NUTL=$NUTL scripts/report.sh "$out" 2>"$T/report.err" || fail "a missing table was not refused"
has "$T/report.err" "report: $out/table2.tex: missing (run make tables first)"
[ "$(head -c 4 "$out/report.pdf")" = "%PDF" ] || fail "report.pdf lost"
echo "report: 14 pages, $(wc -l <"$out/report.md") lines of Markdown"
