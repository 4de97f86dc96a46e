#!/usr/bin/env bash
# dev/separability-history.sh OUT COMMIT:RESPONSE[,RESPONSE...] ...: the separability index of make
# difficulty's training split (3000 events at 224 x 224, seed `nutl seed 1414 difficulty-train`) as the
# simulator of each COMMIT writes it with each RESPONSE: each commit is built in a worktree of its own
# (Darknet's build copied from this tree's), and OUT/sep-<commit>-<response>.txt is `nutl separability`'s
# output. A simulator change measured step by step, as docs/difficulty.md reports it.
# Example: dev/separability-history.sh /tmp/history d4841ca:ideal 5a8c636:ideal,paper
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: dev/separability-history.sh OUT COMMIT:RESPONSE[,RESPONSE...] ..." >&2; exit 2; }
out=$(realpath -m "$1"); shift
repo=$PWD seed=$(bin/nutl seed 1414 difficulty-train)
mkdir -p "$out"
for spec in "$@"; do
  commit=${spec%%:*}
  wt=$out/worktree-$commit
  git worktree add -q --detach "$wt" "$commit"
  mkdir -p "$wt/build/cpu" && cp -a build/cpu/darknet "$wt/build/cpu/" && ln -s "$repo/build/src" "$wt/build/src"
  find "$wt/build/cpu/darknet" -exec touch {} +  # newer than the checkout: make keeps the copy
  (cd "$wt" && make -j"$(nproc)" bin/nutl >"$out/build-$commit.log" 2>&1) || { echo "$commit: build failed: $out/build-$commit.log" >&2; exit 1; }
  IFS=, read -ra responses <<<"${spec#*:}"
  for r in "${responses[@]}"; do
    (cd "$wt" && bin/nutl simulate --events 3000 --downsample 1 --seed "$seed" --response "$r" --out "$out/split" >/dev/null &&
      bin/nutl separability "$out/split" >"$out/sep-$commit-$r.txt")
    echo "$commit $r: $(sed -n 's/^separability index (macro-F1, all features): //p' "$out/sep-$commit-$r.txt")"
    rm -rf "$out/split"
  done
  git worktree remove --force "$wt"
done
