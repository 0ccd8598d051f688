#!/usr/bin/env bash
# engine.weight_fetch: overlapped (the x-cube-ai profiles' FC) runs a layer's memory-mapped
# weight stream beside its computation. On the FC autoencoder's first layer (80.5 KiB of
# weights in the NUCLEO-U575ZI-Q's flash), against the same layer with blocking loads:
#  - compute-bound: the layer takes compute + its SRAM reads/writes, flash time 0;
#  - memory-bound (FC instructions scaled to 0.1): the layer takes exactly the stream's
#    time (= the blocking run's flash time), and the flash column shows what the stream
#    outlasts of the layer's other work, so the columns still sum to the latency.
source "$(dirname "$0")/lib.bash" "$1"
M=../shared/models/mlperftiny_ad01_fc_autoencoder_int8.tflite
run() {  # name fetch [--set ...]
  local n=$1 f=$2; shift 2
  expect_exit 0 "$n" -- "$MCUSIM" run --board nucleo-u575zi-q --model "$M" --engine x-cube-ai \
    --set engine.weight_fetch.fc="$f" "$@" -q --out "$TMP/$n"
}
run blk blocking; run ov overlapped
run blk-mb blocking --set engine.kernel_scale.fc=0.1; run ov-mb overlapped --set engine.kernel_scale.fc=0.1
python3 - "$TMP" <<'PY' || fail "overlapped weight fetch"
import csv, sys
t = sys.argv[1]
def l0(n):
    r = next(csv.DictReader(open(f"{t}/{n}/layers.csv")))
    return {k: float(r[k]) for k in ("latency_ms", "compute_ms", "sram_ms", "flash_ms")}
blk, ov, bmb, omb = l0("blk"), l0("ov"), l0("blk-mb"), l0("ov-mb")
eq = lambda a, b: abs(a - b) < 1.5e-6  # ms, printed to 6 decimals
for r in (blk, ov, bmb, omb):
    assert eq(r["latency_ms"], r["compute_ms"] + r["sram_ms"] + r["flash_ms"]), r
assert blk["flash_ms"] > 0.2 and eq(blk["compute_ms"], ov["compute_ms"]), (blk, ov)
assert ov["flash_ms"] == 0 and eq(ov["latency_ms"], ov["compute_ms"] + ov["sram_ms"]), ov
assert bmb["compute_ms"] < bmb["flash_ms"], bmb
assert eq(omb["latency_ms"], bmb["flash_ms"]), (omb, bmb)
assert eq(omb["flash_ms"], bmb["flash_ms"] - omb["compute_ms"] - omb["sram_ms"]), (omb, bmb)
print(f"compute-bound {blk['latency_ms']:.6f} -> {ov['latency_ms']:.6f} ms; memory-bound {bmb['latency_ms']:.6f} -> {omb['latency_ms']:.6f} ms (= the stream)")
PY
# describe core names the mode, as the profiles give it.
expect_exit 0 desc-x -- "$MCUSIM" describe core --board nucleo-u575zi-q --engine x-cube-ai
grep -q "^weight fetch (engine.weight_fetch): fc=overlapped (the layer takes the longer" "$TMP/stdout" || fail "describe x-cube-ai: $(grep 'weight fetch' "$TMP/stdout")"
expect_exit 0 desc-c -- "$MCUSIM" describe core --board nucleo-u575zi-q --engine cmsis-nn
grep -q "^weight fetch (engine.weight_fetch): blocking: every weight load stalls" "$TMP/stdout" || fail "describe cmsis-nn: $(grep 'weight fetch' "$TMP/stdout")"
# Bad values: one line naming the key, exit 2.
check bad-mode 'engine\.weight_fetch\.fc: expected one of \{blocking, overlapped\}, got .prefetch.' -- \
  "$MCUSIM" run --board nucleo-u575zi-q --model "$M" --engine x-cube-ai --set engine.weight_fetch.fc=prefetch
check bad-kernel 'engine\.weight_fetch\.mm: unknown kernel class' -- \
  "$MCUSIM" run --board nucleo-u575zi-q --model "$M" --engine x-cube-ai --set engine.weight_fetch.mm=overlapped
finish
