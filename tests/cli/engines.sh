#!/usr/bin/env bash
# Engine profiles: the base profiles are what scripts/fit-engine makes of the measured
# instruction counts; tflm-reference (no measurement rows) is its base with cmsis-nn's
# calibrated efficiencies; and a
# run with it issues, on ResNet-8's conv/FC layers, the reference kernels' measured
# instructions (configs/engines/data/tflm_reference_instructions.csv, cortex-m4 -Os:
# 631,430,636) within the fit's accuracy (+-5 %; the per-layer fits are within 12 %).
source "$(dirname "$0")/lib.bash" "$1"
scripts/fit-engine --check 2>"$TMP/fit.err" || fail "configs/engines/base is stale (run scripts/fit-engine): $(cat "$TMP/fit.err")"
# tflm-reference = its base with cmsis-nn's calibrated efficiencies: the two files differ
# only on the six efficiency lines, and those equal cmsis-nn.yaml's.
python3 - <<'PY' || fail "configs/engines/tflm-reference.yaml is not its base + cmsis-nn's efficiencies (run scripts/calibrate-engines)"
import re
base = open("configs/engines/base/tflm-reference.yaml").read().splitlines()
final = open("configs/engines/tflm-reference.yaml").read().splitlines()
cal = dict(re.findall(r"^    (cortex-m\w+):\n      efficiency: ([0-9.]+)", open("configs/engines/cmsis-nn.yaml").read(), re.M))
assert len(base) == len(final) and len(cal) == 6
diff = [(b, f) for b, f in zip(base, final) if b != f]
assert len(diff) == 6, diff
got = dict(re.findall(r"^    (cortex-m\w+):\n      efficiency: ([0-9.]+)", "\n".join(final), re.M))
assert got == cal, (got, cal)
PY
# With unit timing (every class 1 cycle, no pair adjustments, efficiency 1) a layer's
# compute cycles are exactly the instructions the engine model issues.
UNIT=()
for c in alu simd mul mac mul64 div load store ldrd ldm stm branch_taken branch_not_taken it fpu other; do
  UNIT+=(--set "core.cycles.$c=1"); done
for a in ldm_regs stm_regs pop_pc ldst_after_load load_use mul_use dual_issued; do UNIT+=(--set "core.adjust.$a=0"); done
expect_exit 0 ref -- "$MCUSIM" run --board nucleo-l4r5zi --model ../shared/models/mlperftiny_ic_resnet8_int8.tflite \
  --engine tflm-reference "${UNIT[@]}" --set engine.cores.cortex-m4.efficiency=1 --set engine.per_layer_cycles=0 \
  -q --out "$TMP/ref"
python3 - "$TMP/ref/layers.csv" <<'PY' || fail "tflm-reference instructions"
import csv, sys
instr = sum(float(r["compute_ms"]) * 1e-3 * 120e6 for r in csv.DictReader(open(sys.argv[1]))
            if r["op"] in ("CONV_2D", "FULLY_CONNECTED"))
measured = 631430636
assert abs(instr / measured - 1) < 0.05, (instr, measured)
print(f"ResNet-8 conv+FC: {instr:.4g} instructions modelled vs {measured} measured ({instr / measured - 1:+.1%})")
PY
finish
