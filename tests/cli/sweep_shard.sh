#!/usr/bin/env bash
# Shards and merge (issue 7): --shard I/N runs the points with index % N == I; merging
# the N shard directories gives the results.csv/layers.csv of an unsharded run; merge
# refuses a point present twice and shards of different specs.
source "$(dirname "$0")/lib.bash" "$1"
source "$(dirname "$0")/sweep_lib.bash"
write_spec "$TMP/spec.yaml"
expect_exit 0 full -- "$MCUSIM" sweep "$TMP/spec.yaml" --out "$TMP/full" --jobs 2
for i in 0 1 2; do
  expect_exit 0 "shard $i" -- "$MCUSIM" sweep "$TMP/spec.yaml" --out "$TMP/s$i" --shard "$i/3" --jobs 2
  want=$(seq "$i" 3 7 | tr '\n' ' ')
  got=$(cut -d, -f1 "$TMP/s$i/results.csv" | tail -n +2 | tr '\n' ' ')
  [ "$got" = "$want" ] || fail "shard $i/3 ran points '$got', expected '$want'"
done
expect_exit 0 merge -- "$MCUSIM" merge "$TMP/s0" "$TMP/s1" "$TMP/s2" --out "$TMP/m"
cmp -s "$TMP/full/results.csv" "$TMP/m/results.csv" || fail "merged results.csv differs from the unsharded run"
cmp -s "$TMP/full/layers.csv" "$TMP/m/layers.csv" || fail "merged layers.csv differs from the unsharded run"
# Merge order does not matter.
expect_exit 0 merge-reordered -- "$MCUSIM" merge "$TMP/s2" "$TMP/s0" "$TMP/s1" --out "$TMP/m2"
cmp -s "$TMP/m/results.csv" "$TMP/m2/results.csv" || fail "merge depends on the order of the shards"
# A missing shard: merged with a warning naming how many points are absent.
expect_exit 0 merge-partial -- "$MCUSIM" merge "$TMP/s0" "$TMP/s1" --out "$TMP/mp"
grep -q 'warning: 2 of 8 points are in no shard' "$TMP/err" || fail "partial merge: $(cat "$TMP/err")"
# Duplicates and foreign shards are refused; nothing is written.
expect_exit 2 merge-dup -- "$MCUSIM" merge "$TMP/s0" "$TMP/s1" "$TMP/s0" --out "$TMP/md"
stderr_has merge-dup 'is in both'
no_files "$TMP/md" merge-dup
sed 's/4MHz/8MHz/' "$TMP/spec.yaml" >"$TMP/other.yaml"
expect_exit 0 other -- "$MCUSIM" sweep "$TMP/other.yaml" --out "$TMP/o2" --shard 2/3 --jobs 2
expect_exit 2 merge-foreign -- "$MCUSIM" merge "$TMP/s0" "$TMP/s1" "$TMP/o2" --out "$TMP/mf"
stderr_has merge-foreign 'shard of a different spec'
no_files "$TMP/mf" merge-foreign
expect_exit 2 merge-exists -- "$MCUSIM" merge "$TMP/s0" --out "$TMP/m"
stderr_has merge-exists 'already exists'
finish
