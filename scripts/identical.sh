#!/usr/bin/env bash
# The byte-identical check for refactors that must not change behaviour.
#
#   scripts/identical.sh BASE_REV
#
# Builds the `quoteline` CLI twice, at BASE_REV (in a throwaway git worktree) and from
# the working tree, then runs both on the same inputs and compares every output byte
# for byte: `extract` (JSON Lines), `groups` and `pack` (the corpus file) on seeds/,
# on tests/unseen and on a synthetic 4 MB corpus (written by BASE's `synth`, which is
# itself compared with the working tree's). Prints one line per output and exits 1 on
# the first difference set. Outputs go to target/identical/ (never committed).
set -euo pipefail
base=${1:?usage: scripts/identical.sh BASE_REV}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out="$root/target/identical"
rm -rf "$out" && mkdir -p "$out"
# The base tree lives outside this checkout, so that it is not taken for a member of
# this workspace.
wt=$(mktemp -d "${TMPDIR:-/tmp}/quoteline-identical.XXXXXX")
git worktree add --detach "$wt" "$base" >/dev/null
trap 'git worktree remove --force "$wt" 2>/dev/null || true' EXIT

build() { # DIR TARGET_DIR -> path of the built binary
  (cd "$1" && CARGO_TARGET_DIR="$2" cargo build --quiet --release --workspace --bin quoteline) >&2 || return 1
  echo "$2/release/quoteline"
}
echo "building the CLI at $(git rev-parse --short "$base") and from the working tree" >&2
old=$(build "$wt" "$root/target/identical-base") || { echo "the build at $base failed" >&2; exit 1; }
new=$(build "$root" "$root/target") || { echo "the build of the working tree failed" >&2; exit 1; }

"$old" synth --out "$out/synth-old" --mb 4 --seed 7 >/dev/null
"$new" synth --out "$out/synth-new" --mb 4 --seed 7 >/dev/null
status=0
if diff -r -q "$out/synth-old" "$out/synth-new" >/dev/null; then
  echo "same  synth --mb 4 --seed 7 ($(du -sh "$out/synth-old" | cut -f1))"
else
  echo "DIFF  synth --mb 4 --seed 7"; status=1
fi

for input in seeds tests/unseen "$out/synth-old"; do
  label=$(basename "$input")
  for bin in old new; do
    exe=${!bin}
    dir="$out/$bin/$label" && mkdir -p "$dir"
    # Run from the root with the same relative input and output names, so that the
    # paths printed in messages are the same for both builds.
    case $input in /*) rel=${input#"$root/"} ;; *) rel=$input ;; esac
    "$exe" extract "$rel" >"$dir/extract.jsonl" 2>"$dir/extract.err" || true
    "$exe" groups "$rel" >"$dir/groups.jsonl" 2>"$dir/groups.err" || true
    "$exe" pack --out "target/identical/corpus.qlc" "$rel" >/dev/null 2>"$dir/pack.err" || true
    mv target/identical/corpus.qlc "$dir/corpus.qlc" 2>/dev/null || true
  done
  for kind in extract.jsonl extract.err groups.jsonl groups.err corpus.qlc pack.err; do
    a="$out/old/$label/$kind"
    b="$out/new/$label/$kind"
    if [ -e "$a" ] && cmp -s "$a" "$b"; then
      echo "same  $label $kind ($(wc -c <"$a") bytes, sha256 $(sha256sum "$a" | cut -c1-12))"
    else
      echo "DIFF  $label $kind"; status=1
    fi
  done
done
[ $status = 0 ] && echo "byte-identical: every output of $(git rev-parse --short "$base") and the working tree matches"
exit $status
