#!/usr/bin/env bash
# Engine profiles: the base profiles are what scripts/fit-engine makes of the measured
# instruction counts; tflm-reference (no measurement rows) is its base, unchanged; and a
# run with it issues, on ResNet-8's conv/FC layers, the reference kernels' measured
# instructions (configs/engines/data/tflm_reference_instructions.csv, cortex-m4 -Os:
# 631,430,636) within the fit's accuracy (+-5 %; the per-layer fits are within 12 %).
source "$(dirname "$0")/lib.bash" "$1"
scripts/fit-engine --check 2>"$TMP/fit.err" || fail "configs/engines/base is stale (run scripts/fit-engine): $(cat "$TMP/fit.err")"
cmp -s configs/engines/base/tflm-reference.yaml configs/engines/tflm-reference.yaml ||
  fail "configs/engines/tflm-reference.yaml differs from its base (run scripts/calibrate-engines)"
expect_exit 0 ref -- "$MCUSIM" run --board nucleo-l4r5zi --model ../shared/models/mlperftiny_ic_resnet8_int8.tflite \
  --engine tflm-reference -q --out "$TMP/ref"
python3 - "$TMP/ref/layers.csv" <<'PY' || fail "tflm-reference instructions"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
ms = sum(float(r["compute_ms"]) for r in rows if r["op"] in ("CONV_2D", "FULLY_CONNECTED"))
instr = ms * 1e-3 * 120e6 / 1.722156          # cycles at 120 MHz / the M4 prior CPI
measured = 631430636
assert abs(instr / measured - 1) < 0.05, (instr, measured)
print(f"ResNet-8 conv+FC: {instr:.4g} instructions modelled vs {measured} measured ({instr / measured - 1:+.1%})")
PY
finish
