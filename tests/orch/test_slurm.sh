# make slurm's script on a real single-node Slurm (Debian's slurm-wlm and munge; docs/cluster.md):
# munged, slurmctld and slurmd configured in a temporary folder, started here and stopped by the ids in
# their pid files (also on failure); a tiny grid (2 cells, 1 epoch) goes through sbatch as an array;
# the records must be complete, with the grid's seeds, and the task logs name their cells.
source tests/orch/lib.sh
for c in munged slurmctld slurmd sbatch squeue sinfo scancel; do
  command -v $c >/dev/null || { echo "skipped: $c not installed (make deps installs slurm-wlm and munge)"; exit 77; }
done
[ "$(id -u)" = 0 ] || { echo "skipped: slurmd needs root here (SlurmUser=root in a temporary folder)"; exit 77; }
# The daemons find each other by this host's name: in a build container it is the container's id, which
# no resolver knows (make image), and slurmd could never register.
getent hosts "$(hostname -s)" >/dev/null ||
  { echo "skipped: this host's name $(hostname -s) does not resolve: Slurm's daemons cannot find each other"; exit 77; }
# Slurm's folder: munged wants every folder above its socket searchable by all (not so $NUTL_TEST_TMP).
S=$(mktemp -d /tmp/nutl-slurm.XXXXXX)
chmod 755 "$S"
export SLURM_CONF=$S/slurm.conf
stop_daemons() {
  [ -f "$SLURM_CONF" ] && scancel --quiet --user=root 2>/dev/null || true
  local f pid
  for f in slurmd slurmctld munged; do
    [ -f "$S/$f.pid" ] || continue
    pid=$(cat "$S/$f.pid")
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
}
trap 'stop_daemons; rm -rf "$T" "$S"' EXIT
trap 'exit 1' INT TERM
orch_workbench "20" "all"
mkdir "$S/state" "$S/spool"
head -c 1024 /dev/urandom >"$S/munge.key"
chmod 400 "$S/munge.key"
munged --key-file="$S/munge.key" --socket="$S/munge.sock" --pid-file="$S/munged.pid" \
  --log-file="$S/munged.log" --seed-file="$S/munged.seed" ||
  { echo "skipped: munged does not start here: $(tail -n 1 "$S/munged.log" 2>/dev/null)"; exit 77; }
port=$((20000 + RANDOM % 20000)) node=$(hostname -s)
cat >"$SLURM_CONF" <<EOF
ClusterName=nutltest
SlurmctldHost=$node
AuthType=auth/munge
AuthInfo=socket=$S/munge.sock
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SlurmUser=root
SlurmctldPort=$port
SlurmdPort=$((port + 1))
StateSaveLocation=$S/state
SlurmdSpoolDir=$S/spool
SlurmctldPidFile=$S/slurmctld.pid
SlurmdPidFile=$S/slurmd.pid
SlurmctldLogFile=$S/slurmctld.log
SlurmdLogFile=$S/slurmd.log
ReturnToService=2
NodeName=$node CPUs=$(nproc) State=UNKNOWN
PartitionName=nutl Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -i || { echo "skipped: slurmctld does not start here: $(tail -n 1 "$S/slurmctld.log")"; exit 77; }
slurmd || { echo "skipped: slurmd does not start here: $(tail -n 1 "$S/slurmd.log")"; exit 77; }
for _ in $(seq 100); do sinfo -h -o %t 2>/dev/null | grep -qx idle && break; sleep 0.2; done
sinfo -h -o %t | grep -qx idle || fail "the node never became idle: $(tail -n 3 "$S/slurmctld.log" "$S/slurmd.log")"
echo "ok Slurm up: node $node idle (ports $port, $((port + 1)))"

cd "$T"
PARTITION=nutl TIME=00:05:00 scripts/slurm-submit.sh orchtest >submit.log 2>&1 || fail "submission: $(cat submit.log)"
cat submit.log
grep -q "^#SBATCH --array=1-2$" runs/orchtest/slurm/array.sbatch && grep -q "^#SBATCH --partition=nutl$" runs/orchtest/slurm/array.sbatch &&
  grep -q "^#SBATCH --time=00:05:00$" runs/orchtest/slurm/array.sbatch && ! grep -q -- "--account\|--gres" runs/orchtest/slurm/array.sbatch ||
  fail "array.sbatch: $(grep '^#SBATCH' runs/orchtest/slurm/array.sbatch)"
job=$(sed -n 's/^Submitted batch job //p' submit.log)
[ -n "$job" ] || fail "no job id"
for _ in $(seq 600); do [ -z "$(squeue -h -j "$job" 2>/dev/null)" ] && break; sleep 0.1; done
[ -z "$(squeue -h -j "$job")" ] || fail "array $job still queued or running after 60 s: $(squeue)"

for i in 1 2; do
  line=$(sed -n "${i}p" runs/orchtest/slurm/cells.tsv)
  name=$(cut -f1 <<<"$line")
  log=runs/orchtest/slurm/logs/task-$i.log
  grep -q "^task $i: $name on $node$" "$log" || fail "$log: $(cat "$log")"
  [ -f "runs/orchtest/$name/result.tsv" ] || fail "task $i left no record for $name: $(cat "$log")"
  [ "$(value seed "runs/orchtest/$name/result.tsv")" = "$(cut -f6 <<<"$line")" ] || fail "$name: seed differs from the grid's"
done
records_whole || fail "half-written record"
[ -z "$(bin/nutl grid orchtest --unfinished)" ] || fail "unfinished cells after the array"
scripts/slurm-submit.sh orchtest | grep -q "every cell of orchtest is finished" || fail "resubmission should submit nothing"
echo "ok array $job: 2 tasks trained their cells; records complete with the grid's seeds"
