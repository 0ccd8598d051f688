#!/usr/bin/env bash
# Paper §5.1 (Svoboda et al. 2022; ../shared/paper/FACTS.md): MobileNet_V2_0.35_128's
# conv_last alone (workload.layers) with its weights in SRAM, flash or on the µSD card
# (configs/experiments/sec51-conv-last-*.yaml, µSD at the paper's 1 MHz request).
# Claims checked: µSD "almost two orders of magnitude" slower (asserted: > 30x SRAM;
# the simulator gives ~86x); SRAM and flash latency identical at 1 ms resolution
# (asserted: |flash - SRAM| < 1 ms); flash costs more energy than SRAM.
# The paper's +0.07 mJ is NOT met within +-20 %: the flash model stalls the core
# 16 cycles per 32-byte line fill (bus_width 16B, an F4 PROXY for the F7), and the
# board's static power during those 0.34 ms alone is +0.129 mJ; the read energy was
# refitted to 0 pJ/B (scripts/fit-flash-energy) and this test pins the resulting
# +0.129 mJ +-10 % and its decomposition, so a change of either is noticed.
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
# Decomposition: static power x the line-fill stall time (read energy 0 pJ/B).
stall = s["flash"]["static_power_mw"] * (lat["flash"] - lat["sram"]) * 1e-3
assert abs(de - stall) < 0.02 * stall, (de, stall)
assert abs(de - 0.1287) < 0.1 * 0.1287, f"flash - SRAM energy {de:.4f} mJ (pinned 0.1287 +-10 %)"
print(f"sd/sram latency {ratio:.1f}x, flash-sram {lat['flash'] - lat['sram']:.3f} ms, {de:+.4f} mJ (paper +0.07)")
PY
finish
