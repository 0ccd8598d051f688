#!/usr/bin/env bash
# `mcusim calibrate`: fits, reports errors, writes a profile with provenance that runs,
# is idempotent (refitting from its own output gives the same per-core efficiencies), and rejects bad input.
source "$(dirname "$0")/lib.bash" "$1"
MEAS=../shared/calibration/measurements.csv
expect_exit 0 fit -- "$MCUSIM" calibrate --measurements "$MEAS" --engine x-cube-ai -o "$TMP/x.yaml" --rows-csv "$TMP/rows.csv"
grep -q "^latency: fit median" "$TMP/stdout" || fail "no latency summary"
grep -q "leave-one-out (board+model held out) median" "$TMP/stdout" || fail "no held-out summary"
grep -q "measurements_sha256: $(sha256sum "$MEAS" | cut -d' ' -f1)" "$TMP/x.yaml" || fail "provenance hash"
grep -q "rows_used:" "$TMP/x.yaml" || fail "provenance rows"
# The base profile names its model (engine.calibrate_model: prior-25-fc): used without --model,
# and the provenance's command has no --model.
grep -q "^model: factor = s x prior, +-25 % per core + shared FC scale (--model prior-25-fc)" "$TMP/stdout" || fail "profile's model not used"
grep -q "command: mcusim calibrate --measurements measurements.csv --engine x-cube-ai$" "$TMP/x.yaml" || fail "provenance command"
# Committed profiles are this command's output.
cmp -s <(grep -v '^#' "$TMP/x.yaml") <(grep -v '^#' configs/engines/x-cube-ai.yaml) ||
  fail "configs/engines/x-cube-ai.yaml is not what calibrate produces (run scripts/calibrate-engines)"
# --rows-csv: one line per fitted row; its held-out errors give the provenance's median and worst.
python3 - "$TMP/rows.csv" "$TMP/x.yaml" "$MEAS" <<'PY' || fail "--rows-csv"
import csv, re, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert len(rows) == 18, len(rows)
meas = {r["row_id"]: float(r["latency_ms"]) for r in csv.DictReader(open(sys.argv[3]))}
errs = []
for r in rows:
    assert abs(float(r["measured_ms"]) - meas[r["row_id"]]) < 1e-9, r
    e = (float(r["heldout_ms"]) - float(r["measured_ms"])) / float(r["measured_ms"])
    assert abs(e - float(r["heldout_rel_err"])) < 2e-6, r
    errs.append(abs(e))
prov = open(sys.argv[2]).read()
med = float(re.search(r"latency_loo_group_median_abs_err: ([0-9.]+)", prov).group(1))
worst = float(re.search(r"latency_loo_group_worst_abs_err: ([0-9.]+)", prov).group(1))
assert abs(statistics.median(errs) - med) < 6e-5 and abs(max(errs) - worst) < 6e-5, (statistics.median(errs), med, max(errs), worst)
assert rows[0]["row_id"] == "49" and rows[0]["benchmark"] == "ad" and rows[0]["core"] == "cortex-m7", rows[0]
PY
# The fitted profile runs, and refitting from it reproduces the CPIs.
expect_exit 0 run -- "$MCUSIM" run --board nucleo-h7a3zi-q --model ../shared/models/mlperftiny_ic_resnet8_int8.tflite --config "$TMP/x.yaml" -q --out "$TMP/r"
expect_exit 0 refit -- "$MCUSIM" calibrate --measurements "$MEAS" --engine-file "$TMP/x.yaml" --engine x-cube-ai -o "$TMP/y.yaml"
[ "$(grep -c "efficiency: [0-9.]*" "$TMP/x.yaml")" -ge 12 ] || fail "no per-core efficiencies"
paste <(grep -o "efficiency: [0-9.]*" "$TMP/x.yaml" | cut -d' ' -f2) <(grep -o "efficiency: [0-9.]*" "$TMP/y.yaml" | cut -d' ' -f2) |
  awk '{ d = $1 - $2; if (d < 0) d = -d; if (d > 1e-5) bad = 1 } END { exit bad }' || fail "refit changed the efficiencies"
# The shared FC scale (prior-25-fc) is written, and refitting finds it again.
k1=$(grep -A1 "^  kernel_scale:" "$TMP/x.yaml" | sed -n 's/^    fc: //p'); k2=$(grep -A1 "^  kernel_scale:" "$TMP/y.yaml" | sed -n 's/^    fc: //p')
awk -v a="$k1" -v b="$k2" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(a > 1.5 && a < 2 && d < 1e-4) }' ||
  fail "kernel_scale.fc: fit '$k1', refit '$k2' (expected equal, in (1.5, 2))"
# Another model on request: named in the output and the provenance.
expect_exit 0 per-core -- "$MCUSIM" calibrate --measurements "$MEAS" --engine x-cube-ai --model per-core -o "$TMP/pc.yaml"
grep -q "^model: per-core factor (--model per-core)" "$TMP/stdout" || fail "--model per-core not reported"
grep -q "model: per-core factor" "$TMP/pc.yaml" && grep -q "engine x-cube-ai --model per-core" "$TMP/pc.yaml" || fail "--model per-core provenance"
# Bad input.
sed 's/calibrate_model: prior-25-fc/calibrate_model: prior-99/' configs/engines/base/x-cube-ai.yaml > "$TMP/badmodel.yaml"
expect_exit 2 bad-profile-model -- "$MCUSIM" calibrate --measurements "$MEAS" --engine-file "$TMP/badmodel.yaml" --engine x-cube-ai -o "$TMP/z.yaml"
stderr_has bad-profile-model "badmodel.yaml: engine.calibrate_model: calibrate: unknown --model 'prior-99'"
expect_exit 2 bad-model -- "$MCUSIM" calibrate --measurements "$MEAS" --engine x-cube-ai --model nope -o "$TMP/z.yaml"
stderr_has bad-model "unknown --model 'nope' .expected one of per-core, per-core-fc, per-core-overhead, prior-10, prior-25, prior-25-fc.$"
expect_exit 2 no-engine -- "$MCUSIM" calibrate --measurements "$MEAS" --engine nope -o "$TMP/z.yaml"
stderr_has no-engine "no base profile for engine 'nope'"
printf 'row_id,board\n1,x\n' > "$TMP/bad.csv"
expect_exit 2 bad-csv -- "$MCUSIM" calibrate --measurements "$TMP/bad.csv" -o "$TMP/z.yaml"
stderr_has bad-csv "bad.csv:1: missing column 'core'"
# Output into a missing directory: one line, exit 2, before any simulation; nothing written.
expect_exit 2 no-dir -- "$MCUSIM" calibrate --measurements "$MEAS" --engine cmsis-nn -o "$TMP/z.yaml" --rows-csv "$TMP/nodir/r.csv"
stderr_has no-dir "nodir/r.csv: directory '.*/nodir' does not exist$"
expect_exit 2 no-dir-o -- "$MCUSIM" calibrate --measurements "$MEAS" --engine cmsis-nn -o "$TMP/nodir/z.yaml"
stderr_has no-dir-o "nodir/z.yaml: directory '.*/nodir' does not exist$"
[ -e "$TMP/z.yaml" ] && fail "output written on bad input"
finish
