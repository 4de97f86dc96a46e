# Replays the minimised fuzzing corpora (tests/fuzz/corpus/<harness>/) through the readers, built with
# AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer (build/fuzz/replay_<harness>, make
# fuzz-build): one process per input, so an input the reader rejects exits 1 as nutl does (after the
# harness checked the message is one line naming the file) and every path is checked for leaks. Any
# sanitizer report (exit 86), crash or other status fails. The corpora hold the inputs that reached new
# code while fuzzing (make fuzz, make fuzz-corpus); tests/fuzz/regress/<harness>/ holds, by name, the
# inputs of every problem found and fixed, which must stay fixed.
source "$(dirname "$0")/../lib.sh"
fuzz=${FUZZ_BUILD:-build/fuzz}
[ -x "$fuzz/replay_pickle" ] || { echo "no $fuzz/replay_* (make fuzz-build needs clang)"; exit 77; }
# A huge allocation (over 512 MB, far beyond any valid input here) is a finding too.
export ASAN_OPTIONS=detect_leaks=1:exitcode=86:allocator_may_return_null=0:max_allocation_size_mb=512 UBSAN_OPTIONS=halt_on_error=1:exitcode=86:print_stacktrace=1
# run_one HARNESS INPUT: prints a line and returns 1 unless the reader accepted or rejected the input cleanly.
run_one() {
  out=$("$FUZZ/replay_$1" "$2" 2>&1); rc=$?
  [ $rc -le 1 ] || { echo "FAIL $1 $2 (exit $rc):"; echo "$out" | head -n 30; return 1; }
}
export -f run_one; export FUZZ=$fuzz
total=0 failed=0
for dir in tests/fuzz/corpus/*/ tests/fuzz/regress/*/; do
  h=$(basename "$dir"); n=$(ls "$dir" | wc -l)
  ls "$dir" | sed "s|^|$dir|" | xargs -P 2 -I{} bash -c 'run_one "$0" "$1"' "$h" {} || failed=1
  echo "$dir: $n inputs replayed"; total=$((total + n))
done
echo "$total corpus inputs, $([ $failed = 0 ] && echo "all clean" || echo "FAILURES above")"
[ $failed = 0 ] && [ $total -gt 0 ]
