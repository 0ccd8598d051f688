#!/usr/bin/env bash
# Weight re-reads (engine.weight_reuse, MemoryModel::reread) end to end: on the
# NUCLEO-L4R5ZI (ART data cache 8 lines x 32 B, one set; 8-byte dual-bank reads at 5 WS:
# a 32-byte line fill is 4 x 6 = 24 cycles at 120 MHz), CMSIS-NN's arm_convolve_s8 sweeps
# ResNet-8's 3x3x16x16 filter (2,304 B over 73 lines at its address) once per two of the
# 1,024 output pixels: 511 more passes, every line missing each time.
source "$(dirname "$0")/lib.bash" "$1"
M=../shared/models/mlperftiny_ic_resnet8_int8.tflite
expect_exit 0 reuse -- "$MCUSIM" run --board nucleo-l4r5zi --model "$M" --engine cmsis-nn --out "$TMP/r"
expect_exit 0 once -- "$MCUSIM" run --board nucleo-l4r5zi --model "$M" --engine cmsis-nn \
  --set engine.weight_reuse.conv=once --out "$TMP/o"
expect_exit 0 xcube -- "$MCUSIM" run --board nucleo-l4r5zi --model "$M" --engine x-cube-ai --out "$TMP/x"
python3 - "$TMP" <<'PY' || fail "re-read costs"
import csv, sys
t = sys.argv[1]
rows = lambda d: list(csv.DictReader(open(f"{t}/{d}/layers.csv")))
r, o, x = rows("r"), rows("o"), rows("x")
fill = 4 * (5 + 1)                      # cycles per 32-byte line
for i, lines in ((1, 73), (2, 73)):     # the two 3x3x16x16 layers
    extra = float(r[i]["flash_ms"]) - float(o[i]["flash_ms"])
    want = 511 * lines * fill / 120e6 * 1e3
    assert abs(extra - want) < 2e-6, (i, extra, want)
# FC layers and the unchanged kernels are untouched; compute time is not affected.
assert r[14]["flash_ms"] == o[14]["flash_ms"], (r[14], o[14])
assert all(a["compute_ms"] == b["compute_ms"] for a, b in zip(r, o))
# x-cube-ai declares no weight_reuse (closed code, loop order unknown): one pass, the
# same flash time as cmsis-nn with conv=once.
assert x[1]["flash_ms"] == o[1]["flash_ms"], (x[1]["flash_ms"], o[1]["flash_ms"])
print("layer 1 re-reads: %.4f ms = 511 x 73 x 24 cycles" % (float(r[1]["flash_ms"]) - float(o[1]["flash_ms"])))
PY
# The NUCLEO-F767ZI's 16 KiB 4-way D-cache holds every swept region of
# MobileNet_V2_0.35_128: the re-reads add nothing there (byte-identical summaries).
expect_exit 0 mb -- "$MCUSIM" run --board nucleo-f767zi --model zoo:mobilenet_v2_0.35_128 --out "$TMP/mb"
ONCE=()
for k in conv conv_1x1 conv_1x1_strided dw_3x3 dw fc; do ONCE+=(--set "engine.weight_reuse.$k=once"); done
expect_exit 0 mb-once -- "$MCUSIM" run --board nucleo-f767zi --model zoo:mobilenet_v2_0.35_128 "${ONCE[@]}" --out "$TMP/mb1"
cmp -s "$TMP/mb/layers.csv" "$TMP/mb1/layers.csv" || fail "F767 MobileNet: re-reads changed the layers"
# describe core names each kernel's pattern, or says none is given.
"$MCUSIM" describe core --board nucleo-l4r5zi > "$TMP/d1" 2>&1 || fail "describe cmsis-nn"
grep -q '^weight re-reads (engine.weight_reuse): conv=column_pairs conv_1x1=row_pairs conv_1x1_strided=row_pairs dw=pixels dw_3x3=pixels fc=once$' "$TMP/d1" \
  || fail "describe cmsis-nn re-reads: $(grep 're-reads' "$TMP/d1")"
"$MCUSIM" describe core --board nucleo-l4r5zi --engine x-cube-ai > "$TMP/d2" 2>&1 || fail "describe x-cube-ai"
grep -q 'none given: every kernel reads its weights once' "$TMP/d2" || fail "describe x-cube-ai re-reads"
# Bad input: one line, exit 2, no result files.
check bad-pattern "engine\.weight_reuse\.conv: expected one of \{column_pairs, once, pixels, row_pairs\}, got 'sometimes'" -- \
  "$MCUSIM" run --board nucleo-l4r5zi --model "$M" --set engine.weight_reuse.conv=sometimes
check bad-kernel "engine\.weight_reuse\.pool.*unknown kernel class" -- \
  "$MCUSIM" run --board nucleo-l4r5zi --model "$M" --set engine.weight_reuse.pool=once
finish
