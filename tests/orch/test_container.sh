# make slurm CONTAINER=IMAGE: bin/nutl becomes a wrapper that runs the image's nutl through apptainer,
# so the dataset, the grid and every array task compute in the image. apptainer is not installed here
# (nor can containers run): a stand-in on PATH logs its arguments and runs the nutl built here in place
# of the image's /opt/nutl/bin/nutl. In a copy of the repository (bin/nutl is replaced): the wrapper
# names the image and binds the checkout; the dataset is made through it; the job script (SBATCH=cat)
# names the image; task 1, run as Slurm would run it, trains its cell through the wrapper; an image
# that does not exist stops make with one line naming it.
source tests/orch/lib.sh
repo_copy "$T/repo"
built=$REPO/bin/nutl  # the installed program: it finds cfg/ beside its folder, as /opt/nutl/bin/nutl does
mkdir "$T/fake"
cat >"$T/fake/apptainer" <<EOF
#!/bin/bash
# apptainer exec [--bind DIR] [--pwd DIR] IMAGE PROGRAM ARGS...: logged, then PROGRAM run from this build
echo "\$*" >>"$T/apptainer.log"
[ "\$1" = exec ] || exit 2
shift
while [ "\$1" = --bind ] || [ "\$1" = --pwd ]; do shift 2; done
[ -f "\$1" ] && [ "\$2" = /opt/nutl/bin/nutl ] || exit 3
shift 2
exec "$built" "\$@"
EOF
chmod +x "$T/fake/apptainer"
touch "$T/nutl.sif"
cd "$T/repo"
orchtest_preset "$T/repo" "20" "all"

PATH=$T/fake:$PATH make_variant slurm PROTOCOL=orchtest CONTAINER="$T/nutl.sif" SBATCH=cat >"$T/slurm.log" 2>&1 ||
  fail "make slurm CONTAINER=: $(tail -n 5 "$T/slurm.log")"
grep -qxF "exec apptainer exec --bind '$T/repo' --pwd \"\$PWD\" '$T/nutl.sif' /opt/nutl/bin/nutl \"\$@\"" bin/nutl ||
  fail "bin/nutl is not the image's wrapper: $(cat bin/nutl)"
for s in train val test; do [ -f "datasets/orchtest/$s/meta.tsv" ] || fail "no $s split: $(tail -n 5 "$T/slurm.log")"; done
grep -qF "exec --bind $T/repo --pwd $T/repo $T/nutl.sif /opt/nutl/bin/nutl simulate " "$T/apptainer.log" ||
  fail "the dataset was not simulated in the image: $(head -n 3 "$T/apptainer.log")"
script=runs/orchtest/slurm/array.sbatch
grep -qxF "# bin/nutl runs nutl in the image $T/nutl.sif (scripts/container-nutl.sh)" "$script" ||
  fail "$script: $(head -n 12 "$script")"
echo "ok make slurm CONTAINER=: wrapper, dataset in the image, job script names it"

: >"$T/apptainer.log"
name=$(sed -n 1p runs/orchtest/slurm/cells.tsv | cut -f1)
PATH=$T/fake:$PATH SLURM_ARRAY_TASK_ID=1 bash "$script" >"$T/task.log" 2>&1 || fail "task 1: $(tail -n 5 "$T/task.log")"
[ -f "runs/orchtest/$name/result.tsv" ] || fail "task 1 left no record for $name"
grep -qF "exec --bind $T/repo --pwd $T/repo $T/nutl.sif /opt/nutl/bin/nutl train datasets/orchtest --out runs/orchtest/$name " \
  "$T/apptainer.log" || fail "task 1 did not train in the image: $(cat "$T/apptainer.log")"
echo "ok task 1 trained $name in the image"

rc=0; make_variant bin/nutl CONTAINER="$T/missing.sif" >"$T/missing.log" 2>&1 || rc=$?
[ $rc -ne 0 ] && grep -q "^container: $T/missing.sif: no such image file" "$T/missing.log" ||
  fail "a missing image: exit $rc, $(cat "$T/missing.log")"
echo "ok a missing image: $(head -n 1 "$T/missing.log")"
