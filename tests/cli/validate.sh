#!/usr/bin/env bash
# `mcusim validate`: predicts rows with the committed profiles as they stand (no fit),
# marks the rows a profile was fitted to, and reports held-out errors for the others.
source "$(dirname "$0")/lib.bash" "$1"
MEAS=../shared/calibration/measurements.csv
# On the file the profiles were fitted to, every row is "in fit" and the predictions are
# the fit's: the median / worst equal the provenance's fit errors.
expect_exit 0 fitted -- "$MCUSIM" validate --measurements "$MEAS" --engine x-cube-ai --rows-csv "$TMP/rows.csv"
grep -q "^x-cube-ai: in its fit 18 rows: latency median 4.6%, worst 7.6%" "$TMP/stdout" || fail "in-fit summary: $(grep '^x-cube-ai:' "$TMP/stdout")"
grep -q "latency_fit_median_abs_err: 0.046" configs/engines/x-cube-ai.yaml || fail "provenance changed: update this test"
python3 - "$TMP/rows.csv" <<'PY' || fail "--rows-csv"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert len(rows) == 18 and all(r["in_fit"] == "1" and r["engine"] == "x-cube-ai" for r in rows), rows
for r in rows:
    e = float(r["predicted_ms"]) / float(r["measured_ms"]) - 1
    assert abs(e - float(r["rel_err"])) < 2e-6, r
PY
# A row the profile never saw (row 42 under a new id): held out, and its prediction is
# exactly what `mcusim run` gives for that board, clock and engine.
{ head -1 "$MEAS"; grep '^42,' "$MEAS" | sed 's/^42,/9042,/'; } > "$TMP/new.csv"
expect_exit 0 heldout -- "$MCUSIM" validate --measurements "$TMP/new.csv" --models-dir ../shared/models
grep -q "^cmsis-nn .* 9042 .* held out$" "$TMP/stdout" || fail "row 9042 not held out: $(cat "$TMP/stdout")"
grep -q "^cmsis-nn: held out 1 rows: latency median 2.8%, worst 2.8%" "$TMP/stdout" || fail "held-out summary: $(grep '^cmsis-nn:' "$TMP/stdout")"
pred=$(awk '$2 == "9042" { print $7 }' "$TMP/stdout")
expect_exit 0 run -- "$MCUSIM" run --board nucleo-l4r5zi --model ../shared/models/mlperftiny_ic_resnet8_int8.tflite --engine cmsis-nn -q --out "$TMP/r"
run_ms=$(python3 -c "import json; print('%.3f' % json.load(open('$TMP/r/summary.json'))['latency_ms'])")
[ "$pred" = "$run_ms" ] || fail "validate predicted $pred ms, run gives $run_ms ms"
# The supplementary file (kws/vww of the same submissions; no profile was fitted to it):
# all 37 rows with a preset are held out, and CMSIS-NN's profile, whose kernel instruction
# counts are real for every kernel, predicts microTVM's kws and vww within 10 %.
expect_exit 0 supplement -- env MCUSIM="$MCUSIM" scripts/validate-engines configs/measurements/mlperf_tiny_kws_vww.csv --rows-csv "$TMP/sup.csv"
grep -q "^all profiles: held out 37 rows" "$TMP/stdout" || fail "supplement: $(grep '^all profiles' "$TMP/stdout")"
grep -q "^skipped row 2019 (x-cube-ai-v9: no preset 'nucleo-u385rg-q')" "$TMP/stdout" || fail "U385 row not skipped"
python3 - "$TMP/sup.csv" <<'PY' || fail "supplement: cmsis-nn kws/vww not within 10 %"
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["engine"] == "cmsis-nn"]
assert sorted(r["benchmark"] for r in rows) == ["kws", "vww"], rows
assert all(r["in_fit"] == "0" and abs(float(r["rel_err"])) < 0.10 for r in rows), rows
PY
# Without --models-dir, a file outside ../shared/calibration resolves its models in ../shared/models.
expect_exit 0 default-models -- "$MCUSIM" validate --measurements configs/measurements/mlperf_tiny_kws_vww.csv --engine cmsis-nn
grep -q "^cmsis-nn: held out 2 rows" "$TMP/stdout" || fail "default models dir: $(cat "$TMP/stdout")"
# Bad input: one line, exit 2, nothing written.
expect_exit 2 no-file -- "$MCUSIM" validate --measurements "$TMP/none.csv"
stderr_has no-file "none.csv: no such file"
expect_exit 2 no-engine -- "$MCUSIM" validate --measurements "$MEAS" --engine nope
stderr_has no-engine "--engine: no profile 'nope'"
expect_exit 2 no-rows -- "$MCUSIM" validate --measurements "$MEAS" --engine tflm-reference
stderr_has no-rows "no row matches the profiles' engine names with a board preset"
expect_exit 2 rows-dir -- "$MCUSIM" validate --measurements "$MEAS" --rows-csv "$TMP/nodir/rows.csv"
stderr_has rows-dir "nodir/rows.csv: directory '.*nodir' does not exist"
[ ! -e "$TMP/nodir" ] || fail "rows-dir: directory created"
{ head -1 "$MEAS"; grep '^42,' "$MEAS" | sed 's/,389.56,/,inf,/'; } > "$TMP/inf.csv"
expect_exit 2 inf-latency -- "$MCUSIM" validate --measurements "$TMP/inf.csv" --models-dir ../shared/models
stderr_has inf-latency "inf.csv:2: column latency_ms: expected a positive number, got 'inf'"
expect_exit 2 models-dir -- "$MCUSIM" validate --measurements "$MEAS" --engine cmsis-nn --models-dir "$TMP"
stderr_has models-dir "row 41: model file .*/mlperftiny_ad01_fc_autoencoder_int8.tflite not found \\(--models-dir DIR"
printf 'row_id,board\n1,x\n' > "$TMP/bad.csv"
expect_exit 2 bad-csv -- "$MCUSIM" validate --measurements "$TMP/bad.csv"
stderr_has bad-csv "bad.csv:1: missing column 'core'"
finish
