# The preamble of every shell test, sourced first (source "$(dirname "$0")/../lib.sh"; the tests/*/lib.sh
# of an area source it for their tests): -u; the repository root as working directory, in $REPO, so a
# test runs alike from tests/run and alone; $T, a scratch folder of the test's own under the run's
# $NUTL_TEST_TMP (tests/run; /tmp when run alone), removed when the test ends (a test that sets its own
# EXIT trap removes it there); fail, which ends the test with one line.
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO=$(pwd)
T=$(mktemp -d "${NUTL_TEST_TMP:-/tmp}/$(basename "$0" .sh).XXXXXX")
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
