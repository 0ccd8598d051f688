#!/usr/bin/env bash
# A run reports how far its engine profile has been checked against hardware: the rows
# `mcusim calibrate` fitted it to, how many on the run's core, and the held-out error it
# recorded in engine.provenance (summary.json "calibration" and the table's last line).
# Expected values are read independently from the committed profile's provenance.
source "$(dirname "$0")/lib.bash" "$1"
M=../shared/models/mlperftiny_ad01_fc_autoencoder_int8.tflite
expect_exit 0 m7 -- "$MCUSIM" run --board nucleo-h7a3zi-q --model "$M" --engine x-cube-ai --out "$TMP/m7"
grep -qE '^calibration: x-cube-ai fitted to 18 measured rows, 8 on cortex-m7; held-out latency error median 6\.8 %, worst 10\.8 %$' \
  "$TMP/stdout" || fail "m7 line: $(grep calibration "$TMP/stdout")"
expect_exit 0 m0p -- "$MCUSIM" run --board nucleo-g0b1re --model "$M" --engine x-cube-ai --out "$TMP/m0p"
grep -q '0 on cortex-m0plus (its factor is the cross-core prior)' "$TMP/stdout" || fail "m0+ line: $(grep calibration "$TMP/stdout")"
expect_exit 0 ref -- "$MCUSIM" run --board nucleo-f767zi --model "$M" --engine tflm-reference --out "$TMP/ref"
grep -q "^calibration: none (engine 'tflm-reference'" "$TMP/stdout" || fail "ref line: $(grep calibration "$TMP/stdout")"
python3 - "$TMP" <<'PY' || fail "summary.json calibration block"
import json, re, sys
tmp = sys.argv[1]
prof = open("configs/engines/x-cube-ai.yaml").read()
prov = prof[prof.index("  provenance:"):]
rows = len(re.search(r"rows_used: \[([^\]]*)\]", prov).group(1).split(","))
med = float(re.search(r"latency_loo_group_median_abs_err: ([0-9.]+)", prov).group(1))
worst = float(re.search(r"latency_loo_group_worst_abs_err: ([0-9.]+)", prov).group(1))
m7_rows = int(re.search(r"cortex-m7:\n        efficiency: [0-9.]+\n        rows: (\d+)", prov).group(1))
c = json.load(open(tmp + "/m7/summary.json"))["calibration"]
assert c == {"calibrated": True, "rows": rows, "core": "cortex-m7", "core_rows": m7_rows,
             "heldout_median_abs_err": med, "heldout_worst_abs_err": worst}, c
assert rows == 18 and m7_rows == 8, (rows, m7_rows)
c = json.load(open(tmp + "/m0p/summary.json"))["calibration"]
assert c["core"] == "cortex-m0plus" and c["core_rows"] == 0 and c["rows"] == 18, c
c = json.load(open(tmp + "/ref/summary.json"))["calibration"]
assert c == {"calibrated": False, "rows": 0, "core": "cortex-m7", "core_rows": 0}, c
PY
# A malformed provenance is bad input, named by key.
check bad-rows 'engine\.provenance\.rows_used: expected a list' -- "$MCUSIM" run --board nucleo-h7a3zi-q --model "$M" \
  --engine x-cube-ai --set engine.provenance.rows_used=7
check bad-err 'engine\.provenance\.latency_loo_group_median_abs_err: must be a finite number >= 0' -- "$MCUSIM" run \
  --board nucleo-h7a3zi-q --model "$M" --engine x-cube-ai --set engine.provenance.latency_loo_group_median_abs_err=-1
finish
