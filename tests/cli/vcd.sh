#!/usr/bin/env bash
# trace.vcd (`--set sim.vcd=true`): a valid Value Change Dump whose total power,
# integrated exactly over its piecewise-constant changes, equals summary.json's energy
# (no zero-duration energy spans in these runs), whose per-device powers add up to the
# total minus the static power at every change, and whose layer signal walks the layers
# in order. Off by default: no trace.vcd without the key; byte-identical across runs.
source "$(dirname "$0")/lib.bash" "$1"
RUN=("$MCUSIM" run --board nucleo-f746zg --model zoo:mobilenet_v2_0.35_128 -q)
expect_exit 0 vcd -- "${RUN[@]}" --set sim.vcd=true --out "$TMP/a"
expect_exit 0 vcd2 -- "${RUN[@]}" --set sim.vcd=true --out "$TMP/b"
expect_exit 0 novcd -- "${RUN[@]}" --out "$TMP/c"
cmp -s "$TMP/a/trace.vcd" "$TMP/b/trace.vcd" || fail "trace.vcd differs between identical runs"
[ -e "$TMP/c/trace.vcd" ] && fail "trace.vcd written without sim.vcd"
python3 - "$TMP/a" <<'PY' || fail "trace.vcd content"
import csv, json, sys
d = sys.argv[1]
s = json.load(open(d + "/summary.json"))
layers = list(csv.DictReader(open(d + "/layers.csv")))
names, vals, t, seen_layers, checks = {}, {}, None, [], 0
energy_j, last_t, end = 0.0, 0, None
lines = open(d + "/trace.vcd").read().splitlines()
assert "$timescale 1ps $end" in lines and "$enddefinitions $end" in lines
for ln in lines:
    if ln.startswith("$var"):
        _, kind, width, ident, name, _ = ln.split()
        names[ident] = name
tot = next(k for k, n in names.items() if n == "total_mw")
for ln in lines[lines.index("$enddefinitions $end") + 1:]:
    if ln.startswith("#"):
        now = int(ln[1:])
        if t is not None:
            energy_j += vals.get(tot, 0.0) * 1e-3 * (now - last_t) * 1e-12
            dev = sum(v for k, v in vals.items() if names[k].endswith("_mw") and names[k] != "total_mw")
            assert abs(vals[tot] - s["static_power_mw"] - dev) < 1e-4, (now, vals[tot], dev)
            checks += 1
        t = last_t = now
        continue
    if ln.startswith("r"):
        v, ident = ln[1:].split()
        vals[ident] = float(v)
    elif ln.startswith("b"):
        v, ident = ln[1:].split()
        if v != "x":
            seen_layers.append(int(v, 2))
assert abs(last_t * 1e-9 - s["latency_ms"]) < 1e-6, (last_t, s["latency_ms"])
rel = abs(energy_j * 1e3 - s["energy_mj"]) / s["energy_mj"]
assert rel < 1e-6, (energy_j * 1e3, s["energy_mj"], rel)
assert seen_layers == list(range(len(layers))), seen_layers[:10]
assert s["breakdown"]["sd"]["time_ms"] > 0          # the F746 pages weights from µSD
print(f"trace.vcd: {energy_j * 1e3:.6f} mJ vs summary {s['energy_mj']:.6f} mJ, {checks} changes checked")
PY
finish
