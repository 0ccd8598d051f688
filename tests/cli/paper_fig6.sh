#!/usr/bin/env bash
# Paper Fig. 6 (Svoboda et al. 2022; ../shared/paper/FACTS.md): writing a 200 KB array
# to the µSD card (configs/experiments/fig6-sd-write.yaml) at a 100 kHz and a 25 MHz
# SPI request (421.875 kHz and 13.5 MHz after Mbed's prescaler on APB2 108 MHz).
# Claims checked: system power ~460 mW and ~590 mW (asserted +-5 %); power rises with
# the clock, energy falls (energy at 25 MHz < energy at 100 kHz).
source "$(dirname "$0")/lib.bash" "$1"
for f in 100kHz 25MHz; do
  expect_exit 0 "$f" -- "$MCUSIM" run --board nucleo-f767zi \
    --config configs/experiments/fig6-sd-write.yaml --set sd.clock=$f --out "$TMP/$f" -q
done
python3 - "$TMP" <<'PY' || fail "Fig. 6 claims"
import json, sys
d = sys.argv[1]
lo, hi = (json.load(open(f"{d}/{f}/summary.json")) for f in ["100kHz", "25MHz"])
assert lo["sd_clock"]["actual_hz"] == 421875.0 and hi["sd_clock"]["actual_hz"] == 13.5e6, (lo["sd_clock"], hi["sd_clock"])
assert abs(lo["avg_power_mw"] - 460) <= 0.05 * 460, lo["avg_power_mw"]
assert abs(hi["avg_power_mw"] - 590) <= 0.05 * 590, hi["avg_power_mw"]
assert hi["avg_power_mw"] > lo["avg_power_mw"]
assert hi["energy_mj"] < lo["energy_mj"], (hi["energy_mj"], lo["energy_mj"])
print(f"{lo['avg_power_mw']:.1f} mW / {hi['avg_power_mw']:.1f} mW; {lo['energy_mj']:.1f} mJ -> {hi['energy_mj']:.1f} mJ")
PY
finish
