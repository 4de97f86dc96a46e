# Shared by the analysis test scripts: a scratch folder, the programs, and checks that name what failed.
source "$(dirname "$0")/../lib.sh"
set -euo pipefail
BUILD=${BUILD:-build/cpu}
FIXTURE=$BUILD/tests/analysis/fixture
ANALYSE=bin/nutl-analyse
for prog in "$FIXTURE" "$ANALYSE"; do
  [ -x "$prog" ] || { echo "missing $prog: run make analysis" >&2; exit 1; }
done

# has FILE TEXT...: every TEXT occurs in FILE (fixed strings).
has() { local f=$1; shift; for t in "$@"; do grep -qF -- "$t" "$f" || fail "$f lacks '$t'"; done; }
# lacks FILE TEXT: TEXT does not occur in FILE.
lacks() { ! grep -qF -- "$2" "$1" || fail "$1 contains '$2'"; }
