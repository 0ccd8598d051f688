#!/usr/bin/env bash
# Fidelity: burst mode (sim.burst_bytes tiles, the default) against access mode (every
# 32-bit word a transaction): latency and energy within 2 % on small models, on the
# F767 (weights in flash) and with the weights on the µSD card.
source "$(dirname "$0")/lib.bash" "$1"
M=../shared/models
field() { sed -n "s/^  \"$2\": \\([0-9.eE+-]*\\),*\$/\\1/p" "$1/summary.json"; }
within() {  # within NAME A B: |A-B| <= 2 % of B
  awk -v a="$2" -v b="$3" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(b > 0 && d <= 0.02 * b) }' ||
    fail "$1: burst $2 vs access $3 differ by more than 2 %"
}
compare() {  # compare NAME -- run args...
  local name="$1"; shift 2
  for f in burst access; do
    rm -rf "$TMP/$name.$f"
    expect_exit 0 "$name $f" -- "$MCUSIM" run -q "$@" --set sim.fidelity=$f --out "$TMP/$name.$f"
  done
  for k in latency_ms energy_mj; do
    local a b
    a=$(field "$TMP/$name.burst" $k); b=$(field "$TMP/$name.access" $k)
    [ -n "$a" ] && [ -n "$b" ] || { fail "$name: no $k in summary.json"; continue; }
    within "$name $k" "$a" "$b"
  done
}
for m in tflm_hello_world_int8 mlperftiny_ad01_fc_autoencoder_int8 mlperftiny_kws_dscnn_int8; do
  compare "$m" -- --board nucleo-f767zi --model "$M/$m.tflite"
done
# Weights on the µSD card, default bursts: an SD transaction is one block-driver call
# of sim.burst_bytes in both fidelities (sim/run/lowering.cpp), so the modes agree here
# too; before that fix they differed by ~36 %.
compare sd-kws -- --board nucleo-f746zg --model "$M/mlperftiny_kws_dscnn_int8.tflite" \
  --set placement.policy=weights-sd
grep -q ',sd,' "$TMP/sd-kws.burst/layers.csv" || fail "sd-kws: no layer has its weights on the SD card"
finish
