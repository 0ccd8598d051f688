#!/usr/bin/env bash
# Sweep contract (issue 7): an 8-point spec runs one `mcusim run` per point and exports
# results.csv/layers.csv in point order, byte-identical with --jobs 1 and --jobs 2; a
# second run into the same DIR needs --resume (and then runs nothing); a bad spec is one
# line naming file:line, exit 2.
source "$(dirname "$0")/lib.bash" "$1"
source "$(dirname "$0")/sweep_lib.bash"
write_spec "$TMP/spec.yaml"

expect_exit 0 jobs1 -- "$MCUSIM" sweep "$TMP/spec.yaml" --out "$TMP/j1" --jobs 1
expect_exit 0 jobs2 -- "$MCUSIM" sweep "$TMP/spec.yaml" --out "$TMP/j2" --jobs 2
grep -q '^\[' "$TMP/err" && fail "progress bar written although stderr is not a terminal"
cmp -s "$TMP/j1/results.csv" "$TMP/j2/results.csv" || fail "results.csv differs between --jobs 1 and 2"
cmp -s "$TMP/j1/layers.csv" "$TMP/j2/layers.csv" || fail "layers.csv differs between --jobs 1 and 2"
[ "$(wc -l <"$TMP/j1/results.csv")" -eq 9 ] || fail "expected header + 8 rows"
head -1 "$TMP/j1/results.csv" | grep -q '^index,id,board,placement.policy,sd.clock,status,latency_ms,energy_mj,avg_power_mw,peak_sram_bytes,fits,' \
  || fail "results.csv header: $(head -1 "$TMP/j1/results.csv")"
cut -d, -f1 "$TMP/j1/results.csv" | tail -n +2 | tr '\n' ' ' | grep -q '^0 1 2 3 4 5 6 7 $' || fail "rows not in point order"
grep -c ',ok,' "$TMP/j1/results.csv" | grep -q '^8$' || fail "not every point ok"
[ "$(ls "$TMP/j1/points" | wc -l)" -eq 8 ] || fail "expected 8 point directories"
for d in "$TMP"/j1/points/*/; do
  [ -s "$d/summary.json" ] && [ -s "$d/layers.csv" ] || fail "point files missing in $d"
  [ -e "$d/power.csv" ] && fail "power.csv kept although keep: excludes it"
done
# Each row equals its point's own summary.json.
python3 - "$TMP/j1" <<'PY' || fail "results.csv does not match the points' summary.json"
import csv, json, sys, os
d = sys.argv[1]
for r in csv.DictReader(open(d + "/results.csv")):
    s = json.load(open(os.path.join(d, "points", r["id"], "summary.json")))
    assert s["board"] == r["board"], r
    assert abs(s["latency_ms"] - float(r["latency_ms"])) < 1e-9, r
    assert abs(s["breakdown"]["sd"]["energy_mj"] - float(r["breakdown.sd.energy_mj"])) < 1e-9, r
PY
# Same spec, same DIR: refused without --resume; with --resume nothing is left to run.
expect_exit 2 rerun -- "$MCUSIM" sweep "$TMP/spec.yaml" --out "$TMP/j1"
stderr_has rerun 'already holds this sweep; pass --resume'
cp "$TMP/j1/results.csv" "$TMP/before.csv"
expect_exit 0 resume-complete -- "$MCUSIM" sweep "$TMP/spec.yaml" --out "$TMP/j1" --resume
grep -q '8 already done, 0 run' "$TMP/stdout" || fail "resume of a finished sweep ran points: $(cat "$TMP/stdout")"
cmp -s "$TMP/before.csv" "$TMP/j1/results.csv" || fail "resume changed results.csv"
# Another spec into the same DIR is refused (spec hash).
sed 's/4MHz/8MHz/' "$TMP/spec.yaml" >"$TMP/other.yaml"
expect_exit 2 other-spec -- "$MCUSIM" sweep "$TMP/other.yaml" --out "$TMP/j1" --resume
stderr_has other-spec 'different spec'
# A point that fails (bad value) is recorded as an error row; the sweep exits 1 naming
# it, the other points still run, and --resume retries only the failed one.
printf 'base:\n  board: nucleo-f767zi\n  model: zoo:mobilenet_v2_0.35_128\n  set: [sim.power_sample_rate=100Hz]\naxes:\n  - key: sd.clock\n    values: [1MHz, 12parsecs]\n' >"$TMP/failing.yaml"
expect_exit 1 failing -- "$MCUSIM" sweep "$TMP/failing.yaml" --out "$TMP/f" --jobs 2
grep -qE '^failed: p0001-[0-9a-f]{8}: exit 2: mcusim run: error: .*sd\.clock' "$TMP/err" || fail "failing point not named: $(cat "$TMP/err")"
grep -q '1 point(s) failed' "$TMP/err" || fail "no failure summary: $(cat "$TMP/err")"
sed -n 2p "$TMP/f/results.csv" | grep -q ',1MHz,ok,' || fail "good point not ok: $(cat "$TMP/f/results.csv")"
sed -n 3p "$TMP/f/results.csv" | grep -q '^1,p0001-[0-9a-f]*,12parsecs,error,,' || fail "failed point row: $(cat "$TMP/f/results.csv")"
expect_exit 1 failing-resume -- "$MCUSIM" sweep "$TMP/failing.yaml" --out "$TMP/f" --resume
grep -q '(1 already done, 1 run, 1 failed)' "$TMP/stdout" || fail "resume did not retry only the failed point: $(cat "$TMP/stdout")"
# Strict spec: unknown key with file:line; bad shard.
printf 'base:\n  board: nucleo-f767zi\naxes:\n  - key: sd.clock\n    valuez: [1MHz]\n' >"$TMP/bad.yaml"
expect_exit 2 bad-key -- "$MCUSIM" sweep "$TMP/bad.yaml" --out "$TMP/bad"
stderr_has bad-key 'bad.yaml:5: axes\[\]\.valuez: unknown key'
no_files "$TMP/bad" bad-key
expect_exit 2 bad-shard -- "$MCUSIM" sweep "$TMP/spec.yaml" --out "$TMP/bs" --shard 3/3
stderr_has bad-shard '--shard: expected I/N'
finish
