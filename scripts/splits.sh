# Sourced, not run: the rule that keeps a finished network beside the events it was trained on, for the
# scripts that reuse networks (run-grid, validate, difficulty, sensitivity). A split is known by its
# events' digest (events_sha256 in meta.tsv); a result record names the digests it was trained and
# tested on (dataset_<split>_events_sha256, docs/provenance.md).

# split_value KEY FILE: the value of KEY in a key<TAB>value file (meta.tsv, result.tsv).
split_value() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$2"; }

# split_trained_on RECORD DATA: true when the result record RECORD was trained and tested on the events
# DATA/{train,val,test} hold now (one awk: run-grid asks it of every finished network).
split_trained_on() {
  awk -F'\t' 'FNR == 1 { file++ }
    file <= 3 && $1 == "events_sha256" { now[file] = $2 }
    file == 4 { record[$1] = $2 }
    END { exit !(file == 4 && now[1] != "" && now[1] == record["dataset_train_events_sha256"] &&
                 now[2] == record["dataset_val_events_sha256"] && now[3] == record["dataset_test_events_sha256"]) }
  ' "$2/train/meta.tsv" "$2/val/meta.tsv" "$2/test/meta.tsv" "$1" 2>/dev/null
}

# split_simulate DIR DEPENDENT SIMULATE_OPTIONS...: makes DIR the split `bin/nutl simulate OPTIONS`
# writes with this build. It is simulated again every time (seconds); the split already there is kept
# when its events and truth are the same bytes, so that the networks trained on it stay valid; else it is
# replaced and DEPENDENT (those networks' folder, finished or not; "" for none) is removed.
split_simulate() {
  local dir=$1 dependent=$2; shift 2
  rm -rf "$dir.new"
  bin/nutl simulate "$@" --out "$dir.new" >/dev/null
  if [ -f "$dir/meta.tsv" ] &&
     [ "$(split_value events_sha256 "$dir/meta.tsv")" = "$(split_value events_sha256 "$dir.new/meta.tsv")" ] &&
     [ "$(split_value truth_sha256 "$dir/meta.tsv")" = "$(split_value truth_sha256 "$dir.new/meta.tsv")" ]; then
    rm -rf "$dir.new"
  else
    rm -rf "$dir" ${dependent:+"$dependent"} && mv "$dir.new" "$dir"
  fi
}
