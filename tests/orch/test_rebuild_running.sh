# A rebuild while a training runs: in a copy of the repository, `nutl train` is started and, once it has
# printed its start line, stopped (SIGSTOP: it holds bin/nutl for as long as the rebuild takes, whatever
# the machine's speed); an uncommitted change gives the build a new identity, so make relinks and
# installs a new bin/nutl. cp onto the running program fails ("Text file busy", the control); make
# must succeed, bin/nutl must name the new identity, and the training, continued, must finish on the
# binary it started with and name that one in its record.
source tests/orch/lib.sh
trainer=
trap '[ -z "$trainer" ] || kill -KILL "$trainer" 2>/dev/null; rm -rf "$W"' EXIT
repo_copy "$W/repo"
cd "$W/repo"
tiny_dataset "$W/data"
old=$(bin/nutl --version | awk -F'\t' '$1 == "build" {print $2}')
bin/nutl train "$W/data" --out "$W/run" --train-images 20 --batch 10 --max-epochs 2 >"$W/train.log" 2>&1 &
trainer=$!
for _ in $(seq 1200); do
  grep -q "^$W/run: seed " "$W/train.log" && break
  kill -0 "$trainer" 2>/dev/null || fail "the training ended before its start line: $(cat "$W/train.log")"
  sleep 0.05
done
grep -q "^$W/run: seed " "$W/train.log" || fail "no start line from the training after 60 s"
kill -STOP "$trainer"
if cp "$BUILD/nutl" bin/nutl 2>"$W/cp.log"; then fail "control: cp onto the running bin/nutl succeeded"; fi
grep -q "Text file busy" "$W/cp.log" || fail "control: cp failed otherwise: $(cat "$W/cp.log")"
echo "ok control: $(cat "$W/cp.log")"

echo "An uncommitted change: a new build identity." >>README.md
make_variant bin/nutl >"$W/make.log" 2>&1 || fail "make while nutl train runs: $(cat "$W/make.log")"
new=$(bin/nutl --version | awk -F'\t' '$1 == "build" {print $2}')
[[ "$new" == *-dirty.* && "$new" != "$old" ]] || fail "bin/nutl after the rebuild names '$new' (before: '$old')"
[ "$(readlink "/proc/$trainer/exe")" = "$W/repo/bin/nutl (deleted)" ] ||
  fail "the training does not run the replaced file: $(readlink "/proc/$trainer/exe")"
echo "ok rebuilt while training: bin/nutl is ${new%%;*}"

kill -CONT "$trainer"
rc=0; wait "$trainer" || rc=$?
trainer=
[ $rc -eq 0 ] || fail "the training failed after the rebuild (exit $rc): $(tail -n 5 "$W/train.log")"
[ "$(value build "$W/run/result.tsv")" = "$old" ] || fail "the record names $(value build "$W/run/result.tsv"), not $old"
echo "ok the training finished on the binary it started with: ${old%%;*}"
