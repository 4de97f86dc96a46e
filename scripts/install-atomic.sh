#!/bin/sh
# scripts/install-atomic.sh FROM TO: copies FROM beside TO under a temporary name, then renames it over TO.
# A process running TO keeps the file it started from (cp onto a running program fails: "Text file
# busy"), and nothing can start a half-copied TO.
set -eu
from=$1 to=$2
tmp=$(mktemp "$to.XXXXXX")
trap 'rm -f "$tmp"' EXIT
cp "$from" "$tmp"
chmod --reference="$from" "$tmp"
mv -f "$tmp" "$to"
