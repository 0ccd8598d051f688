#!/usr/bin/env bash
# Engine profiles: the base profiles are what scripts/fit-engine makes of the measured
# instruction counts; tflm-reference (no measurement rows) is its base with cmsis-nn's
# calibrated CPIs; and a
# run with it issues, on ResNet-8's conv/FC layers, the reference kernels' measured
# instructions (configs/engines/data/tflm_reference_instructions.csv, cortex-m4 -Os:
# 631,430,636) within the fit's accuracy (+-5 %; the per-layer fits are within 12 %).
source "$(dirname "$0")/lib.bash" "$1"
scripts/fit-engine --check 2>"$TMP/fit.err" || fail "configs/engines/base is stale (run scripts/fit-engine): $(cat "$TMP/fit.err")"
# tflm-reference = its base with cmsis-nn's calibrated CPIs: the two files differ only on
# the six cpi lines, and those equal cmsis-nn.yaml's.
python3 - <<'PY' || fail "configs/engines/tflm-reference.yaml is not its base + cmsis-nn's CPIs (run scripts/calibrate-engines)"
import re
base = open("configs/engines/base/tflm-reference.yaml").read().splitlines()
final = open("configs/engines/tflm-reference.yaml").read().splitlines()
cal = dict(re.findall(r"^    (cortex-m\w+):\n      cpi: ([0-9.]+)", open("configs/engines/cmsis-nn.yaml").read(), re.M))
assert len(base) == len(final) and len(cal) == 6
diff = [(b, f) for b, f in zip(base, final) if b != f]
assert len(diff) == 6, diff
got = dict(re.findall(r"^    (cortex-m\w+):\n      cpi: ([0-9.]+)", "\n".join(final), re.M))
assert got == cal, (got, cal)
PY
expect_exit 0 ref -- "$MCUSIM" run --board nucleo-l4r5zi --model ../shared/models/mlperftiny_ic_resnet8_int8.tflite \
  --engine tflm-reference -q --out "$TMP/ref"
python3 - "$TMP/ref/layers.csv" <<'PY' || fail "tflm-reference instructions"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
ms = sum(float(r["compute_ms"]) for r in rows if r["op"] in ("CONV_2D", "FULLY_CONNECTED"))
import re
cpi = float(re.search(r"^    cortex-m4:\n      cpi: ([0-9.]+)", open("configs/engines/tflm-reference.yaml").read(), re.M).group(1))
instr = ms * 1e-3 * 120e6 / cpi               # cycles at 120 MHz / the profile's M4 CPI
measured = 631430636
assert abs(instr / measured - 1) < 0.05, (instr, measured)
print(f"ResNet-8 conv+FC: {instr:.4g} instructions modelled vs {measured} measured ({instr / measured - 1:+.1%})")
PY
finish
