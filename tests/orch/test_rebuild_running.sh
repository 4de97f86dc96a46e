# A rebuild while a training runs: in a copy of the repository, `nutl train` is started and, once it has
# printed its start line, stopped (SIGSTOP: it holds bin/nutl for as long as the rebuild takes, whatever
# the machine's speed); an uncommitted change gives the build a new identity, so make relinks and
# installs a new bin/nutl. cp onto the running program fails ("Text file busy", the control); make
# must succeed, bin/nutl must name the new identity, and the training, continued, must finish on the
# binary it started with and name that one in its record.
source tests/orch/lib.sh
trainer=
trap '[ -z "$trainer" ] || kill -KILL "$trainer" 2>/dev/null; rm -rf "$T"' EXIT
repo_copy "$T/repo"
cd "$T/repo"
tiny_dataset "$T/data"
old=$(bin/nutl --version | awk -F'\t' '$1 == "build" {print $2}')
bin/nutl train "$T/data" --out "$T/run" --train-images 20 --batch 10 --max-epochs 2 >"$T/train.log" 2>&1 &
trainer=$!
for _ in $(seq 1200); do
  grep -q "^$T/run: seed " "$T/train.log" && break
  kill -0 "$trainer" 2>/dev/null || fail "the training ended before its start line: $(cat "$T/train.log")"
  sleep 0.05
done
grep -q "^$T/run: seed " "$T/train.log" || fail "no start line from the training after 60 s"
kill -STOP "$trainer"
if cp "$BUILD/nutl" bin/nutl 2>"$T/cp.log"; then fail "control: cp onto the running bin/nutl succeeded"; fi
grep -q "Text file busy" "$T/cp.log" || fail "control: cp failed otherwise: $(cat "$T/cp.log")"
echo "ok control: $(cat "$T/cp.log")"

echo "An uncommitted change: a new build identity." >>README.md
make_variant bin/nutl >"$T/make.log" 2>&1 || fail "make while nutl train runs: $(cat "$T/make.log")"
new=$(bin/nutl --version | awk -F'\t' '$1 == "build" {print $2}')
[[ "$new" == *-dirty.* && "$new" != "$old" ]] || fail "bin/nutl after the rebuild names '$new' (before: '$old')"
[ "$(readlink "/proc/$trainer/exe")" = "$T/repo/bin/nutl (deleted)" ] ||
  fail "the training does not run the replaced file: $(readlink "/proc/$trainer/exe")"
echo "ok rebuilt while training: bin/nutl is ${new%%;*}"

kill -CONT "$trainer"
rc=0; wait "$trainer" || rc=$?
trainer=
[ $rc -eq 0 ] || fail "the training failed after the rebuild (exit $rc): $(tail -n 5 "$T/train.log")"
[ "$(value build "$T/run/result.tsv")" = "$old" ] || fail "the record names $(value build "$T/run/result.tsv"), not $old"
echo "ok the training finished on the binary it started with: ${old%%;*}"
