#!/usr/bin/env bash
# Paper §5.1 (Svoboda et al. 2022; ../shared/paper/FACTS.md): MobileNet_V2_0.35_128's
# conv_last alone (workload.layers) with its weights in SRAM, flash or on the µSD card
# (configs/experiments/sec51-conv-last-*.yaml, µSD at the paper's 1 MHz request).
# Claims checked: µSD "almost two orders of magnitude" slower (asserted: > 30x SRAM;
# the simulator gives ~86x); SRAM and flash latency identical at 1 ms resolution
# (asserted: |flash - SRAM| < 1 ms); flash costs more energy than SRAM.
# Flash +0.07 mJ: the F7 reads its flash 256 bits at a time (nucleo-f767zi.yaml), so a
# 32-byte D-cache line fill stalls the core (7 WS + 1) = 8 cycles: 4,640 lines of
# conv_last's 148,480 B = 0.1719 ms at 216 MHz, +0.0644 mJ of static power. The read
# energy (37.8165 pJ/B) is FITTED to the remaining 0.0056 mJ (scripts/fit-flash-energy),
# so the total is the paper's by construction; what this test guards is the stall model
# (exact line count x cycles) and the decomposition, which the fit does not set.
source "$(dirname "$0")/lib.bash" "$1"
for w in sram flash sd; do
  expect_exit 0 "$w" -- "$MCUSIM" run --board nucleo-f767zi \
    --config configs/experiments/sec51-conv-last-$w.yaml --out "$TMP/$w" -q
done
python3 - "$TMP" <<'PY' || fail "§5.1 claims"
import csv, json, sys
d = sys.argv[1]
s = {w: json.load(open(f"{d}/{w}/summary.json")) for w in ["sram", "flash", "sd"]}
rows = {w: list(csv.DictReader(open(f"{d}/{w}/layers.csv"))) for w in s}
for w, r in rows.items():
    assert len(r) == 1 and r[0]["name"] == "conv_last", (w, r)
    assert int(r[0]["macs"]) == 4 * 4 * 112 * 1280, r[0]["macs"]           # 1x4x4x112 in, 1280 filters
    assert int(r[0]["weight_bytes"]) == 1280 * 112 + 1280 * 4, r[0]         # int8 weights + int32 bias
    assert r[0]["weight_location"] == w, (w, r[0]["weight_location"])
lat = {w: s[w]["latency_ms"] for w in s}
en = {w: s[w]["energy_mj"] for w in s}
ratio = lat["sd"] / lat["sram"]
assert ratio > 30, f"SD/SRAM latency ratio {ratio:.1f} <= 30"
assert abs(lat["flash"] - lat["sram"]) < 1.0, lat
de = en["flash"] - en["sram"]
assert de > 0, en
lines = (1280 * 112 + 1280 * 4) // 32
stall_ms = lines * (7 + 1) / 216e6 * 1e3
dt = lat["flash"] - lat["sram"]
assert abs(dt - stall_ms) < 0.001 * stall_ms + 1e-4, (dt, stall_ms)   # <= 0.1 % + one line
read_mj = 148480 * 37.8165e-12 * 1e3
static_mj = s["flash"]["static_power_mw"] * dt * 1e-3
assert abs(de - (static_mj + read_mj)) < 0.01 * de, (de, static_mj, read_mj)
assert abs(de - 0.07) < 0.05 * 0.07, f"flash - SRAM energy {de:.4f} mJ (paper +0.07 mJ, +-5 %)"
print(f"sd/sram latency {ratio:.1f}x, flash-sram {lat['flash'] - lat['sram']:.3f} ms, {de:+.4f} mJ (paper +0.07)")
PY
finish
