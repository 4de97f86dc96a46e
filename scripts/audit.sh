#!/usr/bin/env bash
# scripts/audit.sh PROTOCOL AUDIT_DIR: writes paper-figures/PROTOCOL/audit.md, the reproducibility audit
# (make audit, which first regenerates the dataset into AUDIT_DIR/dataset with the rule of make dataset).
# - dataset: every file of datasets/P regenerated from its seed, SHA-256 compared;
# - one cell (AUDIT_CELL, default the pretrained all-weights cell at the smallest size, member 1) trained
#   twice with its seed (must be identical), once with another seed (must differ) and once with another
#   thread count (reported: OpenBLAS sums in another order) and once under another oneDNN instruction-set
#   ceiling (a machine of another CPU generation, in effect: must be identical in portable mode);
# - the machine: CPU model, instruction-set flags, the kernels oneDNN and OpenBLAS chose;
# - the seed-to-seed difference beside the spread of the cell's members and its ensemble's error
#   (paper-figures/P/ensembles.tsv, from make tables).
# Exit status 1 if a check that must hold does not; the report is written either way.
set -euo pipefail
protocol=${1:?usage: scripts/audit.sh PROTOCOL AUDIT_DIR}
dir=${2:?usage: scripts/audit.sh PROTOCOL AUDIT_DIR}
data=datasets/$protocol
out=paper-figures/$protocol/audit.md
ensembles=paper-figures/$protocol/ensembles.tsv
die() { echo "audit: $*" >&2; exit 1; }
sha() { sha256sum "$1" | cut -c1-64; }
value() { awk -F'\t' -v k="$1" '$1 == k {print $2}' "$2"; }
[ -d "$dir/dataset" ] || die "$dir/dataset: no regenerated dataset (run make audit)"
mkdir -p "paper-figures/$protocol"
report=$(mktemp); trap 'rm -f "$report"' EXIT
ok=1
say() { printf '%s\n' "$@" >>"$report"; }

say "# Reproducibility audit: protocol $protocol" "" "Written by \`make audit PROTOCOL=$protocol\` on $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores." ""
say "## Dataset regenerated from its seed" "" "| file | sha256 (datasets/$protocol) | regenerated | |" "|---|---|---|---|"
for f in "$data"/*/*; do
  rel=${f#"$data"/}
  a=$(sha "$f"); b=$( [ -f "$dir/dataset/$rel" ] && sha "$dir/dataset/$rel" || echo missing)
  [ "$a" = "$b" ] && verdict=identical || { verdict=DIFFERENT; ok=0; }
  say "| $rel | \`$a\` | \`$b\` | $verdict |"
done

# The chosen cell, trained five times into the audit folder by the grid's own command line.
grid=$(bin/nutl grid "$protocol")
smallest=$(cut -f4 <<<"$grid" | sort -n | head -n 1)
cell=${AUDIT_CELL:-$(awk -F'\t' -v n="$smallest" '$2 == "pretrained" && $3 == "all" && $4 == n && $5 == 1 {print $1}' <<<"$grid")}
line=$(awk -F'\t' -v c="$cell" '$1 == c' <<<"$grid")
[ -n "$line" ] || die "AUDIT_CELL=$cell is not a cell of $protocol (bin/nutl grid $protocol lists them)"
seed=$(cut -f6 <<<"$line")
threads=$(bin/nutl conf "$protocol" threads)
other_threads=$((threads == 1 ? 2 : threads / 2))
other_seed=$(bin/nutl seed "$seed" audit-other-seed)
# The mode: the preset's (portable = 1 puts --portable on the grid's commands), or PORTABLE=1 to audit
# portable mode on a preset without it (make audit PROTOCOL=smoke PORTABLE=1).
portable=${PORTABLE:-$(grep -q -- --portable <<<"$line" && echo 1 || echo 0)}
command_for() {
  bin/nutl grid "$protocol" --runs "$dir/$1" |
    awk -F'\t' -v c="$cell" -v p="$portable" '$1 == c {print $7 (p == 1 && $7 !~ / --portable/ ? " --portable" : "")}'
}
train() { # RUN EXTRA-OPTIONS...: the cell's command, writing $dir/RUN/<cell>
  local run=$1; shift
  local -a command; read -ra command <<<"$(command_for "$run")"
  mkdir -p "$dir/$run"
  "${command[@]}" "$@" >"$dir/$run.log" 2>&1 || die "training $run failed: $(tail -n 1 "$dir/$run.log")"
}
wait_both() { local rc=0; wait "$1" || rc=1; wait "$2" || rc=1; [ $rc = 0 ] || die "a training failed (logs in $dir)"; }
echo "audit: training $cell four times (seed $seed twice, seed $other_seed, $other_threads threads)"
train same-1 & p1=$!; train same-2 & p2=$!; wait_both $p1 $p2
train other-seed --seed "$other_seed" & p1=$!; train other-threads --threads "$other_threads" & p2=$!; wait_both $p1 $p2
# The second ceiling: AVX2 where the CPU has more, else AVX (what an older machine would pick).
machine_isa=$(ONEDNN_VERBOSE=1 bin/nutl bench --size 32 --batch 2 --iters 1 2>/dev/null | sed -n 's/^onednn_verbose,info,cpu,isa://p')
other_isa=$(grep -qw avx512f /proc/cpuinfo && echo AVX2 || echo AVX)
echo "audit: training $cell once more under ONEDNN_MAX_CPU_ISA=$other_isa"
ONEDNN_MAX_CPU_ISA=$other_isa train other-isa

files=(best.weights predictions-test.tsv predictions-val.tsv)
say "" "## One cell trained again: $cell" ""
say "Command: \`$(command_for same-1)\` (and the same into $dir/same-2; other-seed adds" \
    "\`--seed $other_seed\`, other-threads \`--threads $other_threads\`); device $(value device "$dir/same-1/$cell/result.tsv")." ""
say "Build: $(value build "$dir/same-1/$cell/result.tsv")." ""
say "| run | seed | threads | test F1 |$(printf " %s sha256 |" "${files[@]}")" "|---|---|---|---|---|---|---|"
for run in same-1 same-2 other-seed other-threads other-isa; do
  r=$dir/$run/$cell/result.tsv
  row="| $run | $(value seed "$r") | $(value threads "$r") | $(value test_f1 "$r") |"
  for f in "${files[@]}"; do row+=" \`$(sha "$dir/$run/$cell/$f")\` |"; done
  say "$row"
done
identical() { for f in "${files[@]}"; do cmp -s "$dir/$1/$cell/$f" "$dir/$2/$cell/$f" || return 1; done; }
say ""
if identical same-1 same-2; then say "- Same seed, same threads: weights and predictions byte-identical (**reproducible**)."
else say "- Same seed, same threads: **NOT identical** (reproducibility broken)."; ok=0; fi
if cmp -s "$dir/same-1/$cell/best.weights" "$dir/other-seed/$cell/best.weights"; then
  say "- Another seed: **identical weights** (the seed is not used)."; ok=0
else say "- Another seed: different weights and predictions, as it must."; fi
if identical same-1 other-threads; then say "- $other_threads threads instead of $threads: identical here."
else say "- $other_threads threads instead of $threads: different (expected: OpenBLAS splits its sums by thread count)."; fi
if identical same-1 other-isa; then
  say "- Under ONEDNN_MAX_CPU_ISA=$other_isa (the instruction set of another CPU generation): identical."
elif [ "$portable" = 1 ]; then
  say "- Under ONEDNN_MAX_CPU_ISA=$other_isa: **different** although the preset is portable (kernels not pinned)."; ok=0
else say "- Under ONEDNN_MAX_CPU_ISA=$other_isa (the instruction set of another CPU generation): different bytes."; fi
grid_run=runs/$protocol/$cell/result.tsv
if [ -f "$grid_run" ] && [ "$(value weights_sha256 "$grid_run")" = "$(sha "$dir/same-1/$cell/best.weights")" ]; then
  say "- The grid's own network ($grid_run, from make paper) has the same weights SHA-256."
elif [ -f "$grid_run" ]; then
  say "- The grid's own network ($grid_run) has other weights: it was trained by build" \
      "\"$(value build "$grid_run")\" with $(value threads "$grid_run") thread(s) on $(value device "$grid_run")."
fi

# The seed's effect on one network beside the cell's ensemble (from make tables).
say "" "## Seed-to-seed spread and the ensemble's error" ""
stats=$(awk -F'\t' -v i="$(cut -f2 <<<"$line")" -v s="$(cut -f3 <<<"$line")" -v n="$(cut -f4 <<<"$line")" \
          '$1 == i && $2 == s && $3 == n {print $4, $5, $6, $7}' "$ensembles" 2>/dev/null || true)
diff=$(awk -v a="$(value test_f1 "$dir/same-1/$cell/result.tsv")" -v b="$(value test_f1 "$dir/other-seed/$cell/result.tsv")" \
         'BEGIN {d = a - b; printf "%.4f", d < 0 ? -d : d}')
n=0
[ -n "$stats" ] && read -r n mean sd err <<<"$stats"
if [ "$n" -ge 2 ] 2>/dev/null; then
  say "Changing only the seed moves this network's test F1 by $diff. The cell's $n members (runs/$protocol) have" \
      "test F1 $mean with standard deviation $sd, so the error on their mean is $err (sd/sqrt($n))." \
      "$(awk -v d="$diff" -v sd="$sd" -v e="$err" -v n="$n" 'BEGIN {
         printf "The seed-to-seed difference is %.1f member standard deviations and %.1f times the ensemble error: ", (sd > 0 ? d / sd : 0), (e > 0 ? d / e : 0)
         if (d <= 2 * sd) printf "within the members'"'"' spread, as chance makes it; a single network says little, which is why the study averages ensembles and quotes the error on the mean."
         else printf "beyond the spread of these %d members, which is then likely underestimated (few members, or a size where training is unstable).", n }')"
else
  say "Changing only the seed moves this network's test F1 by $diff. The cell has no finished ensemble of" \
      "two or more members in $ensembles yet (make paper, then make audit) to compare it with."
fi

say "" "## The machine and the kernels chosen" ""
say "- CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(nproc) cores." \
    "- Instruction-set flags: $(grep -m 1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -E '^(sse4_2|avx|avx2|fma|f16c|avx512[a-z_0-9]*|amx[a-z_0-9]*)$' | tr '\n' ' ')" \
    "- oneDNN's instruction set on this CPU, unpinned: $machine_isa." \
    "- This preset's mode: $([ "$portable" = 1 ] && echo "portable (nutl train --portable$([ "${PORTABLE:-}" = 1 ] && echo ", PORTABLE=1 on the make command line"))" || echo "not portable"); the training reported \`$(grep -m 1 '^kernels:' "$dir/same-1.log" | sed 's/^kernels: //')\`." \
    "- Convolution implementations oneDNN ran for this cell's command (ONEDNN_VERBOSE=1, one batch): $(ONEDNN_VERBOSE=1 bin/nutl bench --size "$(value image_side "$data/train/meta.tsv")" --batch 2 --iters 1 --threads "$threads" $([ "$portable" = 1 ] && echo --portable) 2>/dev/null | awk -F, '$2 == "exec" {print $5}' | sort -u | tr '\n' ' ')."
say "" "**Across machines: $(if [ "$portable" = 1 ]; then echo "comparable bit for bit.** In portable mode oneDNN is capped at AVX2 and OpenBLAS runs its Haswell kernels whatever the CPU, so any x86-64 machine with AVX2 and FMA gives these bytes for the same build and thread count (shown above: identical under a second instruction-set ceiling). Not pinnable: oneDNN also sizes some loop blocking by the CPU's cache sizes; compare this report's SHA-256 with another machine's audit to confirm."
  else echo "not comparable bit for bit.** oneDNN and OpenBLAS choose kernels by the CPU's instruction set, so another CPU generation gives other last bits and, through training, other networks (statistically equivalent, not identical). Set \`portable = 1\` in the preset (nutl train --portable) for results comparable bit for bit."; fi)"
say "" "## What keeps and what breaks bit-reproducibility" ""
say "- Kept: the dataset depends only on the protocol's seed; each network's seed is derived from the protocol's seed and its cell name (bin/nutl grid prints it, result.tsv records it); weight initialisation and the order of the training events come from that seed; resuming from a checkpoint gives the same bytes as an uninterrupted run."
say "- Thread count: OpenBLAS (and OpenMP loops) split sums by thread count, so results are bit-identical only at the same \`threads\` (recorded in every result.tsv; the preset fixes it)."
say "- Build: another compiler, Darknet patch set, OpenBLAS version or CPU instruction set can change the last bits; the build string is recorded in every result."
say "- GPU: cuDNN picks convolution algorithms by timing them, and some accumulate with atomics in no fixed order; a GPU run repeats bit for bit only with deterministic algorithms (preset key \`deterministic = 1\`, i.e. nutl train --deterministic; this preset: $(grep -q -- --deterministic <<<"$line" && echo on || echo off)) on the same GPU model, driver and cuDNN version."
say "" "**Verdict: $([ $ok = 1 ] && echo "reproducible" || echo "NOT reproducible (see above)")**"
mv "$report" "$out"; trap - EXIT
echo "audit: wrote $out: $([ $ok = 1 ] && echo reproducible || echo NOT reproducible)"
[ $ok = 1 ]
