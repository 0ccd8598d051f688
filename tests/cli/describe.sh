#!/usr/bin/env bash
# `mcusim describe sram|flash|sd|core`: each prints the model a run uses, with units.
#  - flash: the F767's 256-bit read (32 B per beat) and the L4+ bank modes;
#  - sd: the Mbed prescaler (1 MHz -> 843.75 kHz on F767, hardware.md §5.2);
#  - core: the core's class timing, the engine's efficiency for it (equal to the
#    profile's value), each kernel's class CPI and cycles/MAC = per_mac x that CPI;
#  - an unknown device: one line, exit 2.
source "$(dirname "$0")/lib.bash" "$1"
D=("$MCUSIM" describe)
expect_exit 0 flash -- "${D[@]}" flash --board nucleo-f767zi
stdout_has() { grep -q -- "$2" "$TMP/$1.out" || fail "$1: stdout lacks /$2/"; }
cp "$TMP/stdout" "$TMP/flash.out"; stdout_has flash "flash.bus_width = 32B per flash beat"
expect_exit 0 single -- "${D[@]}" flash --board nucleo-l4r5zi --set flash.bank_mode=single
cp "$TMP/stdout" "$TMP/single.out"; stdout_has single "flash.bus_width = 16B per flash beat (single-bank mode)"
stdout_has single "flash.size = 2MiB in 256 sectors"
expect_exit 0 sd -- "${D[@]}" sd --board nucleo-f767zi
cp "$TMP/stdout" "$TMP/sd.out"; stdout_has sd "sd.clock = requested=1MHz actual=843.75kHz divider=128 pclk=108MHz"
expect_exit 0 core -- "${D[@]}" core --board nucleo-f767zi --engine x-cube-ai
python3 - "$TMP/stdout" <<'PY' || fail "describe core"
import re, sys
out = open(sys.argv[1]).read()
eff = float(re.search(r"^engine.efficiency = ([0-9.]+)", out, re.M).group(1))
prof = open("configs/engines/x-cube-ai.yaml").read()
want = float(re.search(r"^    cortex-m7:\n      efficiency: ([0-9.]+)", prof, re.M).group(1))
assert abs(eff - want) < 1e-6, (eff, want)
assert re.search(r"^  alu 1 simd 1 mul 1 mac 1 ", out, re.M) and re.search(r" dual_issued -1$", out, re.M), "core timing lines"
rows = re.findall(r"^  (\w+)\s+per_mac\s+([0-9.]+).*x ([0-9.]+) cycles/instr -> ([0-9.]+) cycles/MAC, ([0-9.]+) ns/MAC at 216MHz", out, re.M)
assert {r[0] for r in rows} >= {"conv", "conv_1x1", "dw_3x3", "fc"}, rows
cpis = {}
for name, per_mac, cpi, cyc, ns in rows:
    cpis[name] = float(cpi)
    assert abs(float(per_mac) * float(cpi) - float(cyc)) < 2e-3, (name, per_mac, cpi, cyc)
    # cycles/MAC is printed to 3 decimals: +-0.0005 cycles = +-0.0023 ns at 216 MHz, + ns's own rounding
    assert abs(float(cyc) / 216e6 * 1e9 - float(ns)) < 0.0005 / 0.216 + 0.0005 + 1e-9, (name, cyc, ns)
# The class model gives each kernel its own CPI (their mixes differ).
assert len({round(v, 4) for v in cpis.values()}) >= 3, cpis
assert "core = cortex-m7" in out and "FIT to" in out
PY
# Each kernel's class CPI, recomputed here from the measured mix (class_mix.csv) and the
# core's table (configs/cores/cortex-m4.yaml): sum(class x cycles) + sum(stat x adjust),
# over the kernel's instructions; describe prints it to 4 decimals.
expect_exit 0 core-m4 -- "${D[@]}" core --board nucleo-l4r5zi --set engine.cores.cortex-m4.efficiency=1
python3 - "$TMP/stdout" <<'PY' || fail "class CPI from class_mix.csv x configs/cores/cortex-m4.yaml"
import csv, re, sys
out = open(sys.argv[1]).read()
core, part = {"cycles": {}, "adjust": {}}, None   # the file's two flat maps, read by hand
for line in open("configs/cores/cortex-m4.yaml"):
    m = re.match(r"^  (cycles|adjust):", line)
    if m: part = m.group(1); continue
    m = re.match(r"^    (\w+): (-?[0-9.]+)", line)
    if m and part: core[part][m.group(1)] = float(m.group(2))
    m = re.match(r"^  cycles_scale: ([0-9.]+)", line)
    if m: core["cycles_scale"] = float(m.group(1))
assert len(core["cycles"]) == 16 and len(core["adjust"]) == 7, core
printed = {k: float(v) for k, v in re.findall(r"^  (\w+)\s+per_mac.* x ([0-9.]+) cycles/instr", out, re.M)}
sums = {}
for r in csv.DictReader(open("configs/engines/data/class_mix.csv")):
    if r["library"] == "cmsis-nn" and r["core"] == "cortex-m4":
        s = sums.setdefault(r["kernel"], {})
        for k, v in r.items():
            if k not in ("library", "core", "kernel", "model", "layer_index"):
                s[k] = s.get(k, 0) + int(v)
for k in ("conv", "conv_1x1", "dw_3x3", "fc"):
    s = sums[k]
    cyc = sum(s[c] * t for c, t in core["cycles"].items()) + sum(s[a] * t for a, t in core["adjust"].items())
    cyc = max(cyc, 0.5 * s["instructions"]) * core.get("cycles_scale", 1.0)
    want = cyc / s["instructions"]
    assert abs(printed[k] - want) < 6e-5, (k, printed[k], want)
PY
# The timing table follows the final board.core: an M7 board set to cortex-m4 takes the M4
# table (2-cycle loads, no dual issue), and a --set on one value overrides the preset.
expect_exit 0 core-swap -- "${D[@]}" core --board nucleo-f767zi --set board.core=cortex-m4 --set core.cycles.div=12
grep -q "^  alu 1 simd 1 mul 1 mac 1 mul64 1 div 12 load 2 " "$TMP/stdout" || fail "core-swap: not the M4 table with div 12"
grep -q " dual_issued 0$" "$TMP/stdout" || fail "core-swap: M4 has no dual issue"
expect_exit 2 unknown -- "${D[@]}" gpu
stderr_has unknown "describe: unknown device .gpu. .expected sram, flash, sd or core.$"
finish
