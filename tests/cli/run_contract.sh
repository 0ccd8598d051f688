#!/usr/bin/env bash
# The run contract (issue 2): the default job writes summary.json with sourced non-zero
# fields, layers.csv with the agreed header and one row per layer, power.csv, trace.json
# and config.resolved.yaml; the same inputs give byte-identical files; the resolved
# config reproduces the run.
source "$(dirname "$0")/lib.bash" "$1"
RUN=("$MCUSIM" run --board nucleo-f767zi --model zoo:mobilenet_v2_0.35_128 --set sd.clock=1MHz -q)

expect_exit 0 default -- "${RUN[@]}" --out "$TMP/a"
for f in summary.json layers.csv power.csv trace.json config.resolved.yaml; do
  [ -s "$TMP/a/$f" ] || fail "missing or empty $f"
done
ls -A "$TMP/a" | grep -q '^\.' && fail "temp files left in the output directory"
python3 - "$TMP/a" <<'PY' || fail "summary/layers content"
import json, sys, csv
d = sys.argv[1]
s = json.load(open(d + "/summary.json"))
for k in ["model", "board", "engine", "latency_ms", "energy_mj", "avg_power_mw", "macs",
          "weights_bytes", "peak_sram_bytes", "fits", "breakdown"]:
    assert k in s, k
assert s["macs"] == 20221952, s["macs"]
assert s["weights_bytes"] == 1663328 + 8041 * 4, s["weights_bytes"]
assert s["peak_sram_bytes"] == 245760, s["peak_sram_bytes"]
assert s["fits"] is True
assert s["latency_ms"] > 0 and s["energy_mj"] > 0 and s["avg_power_mw"] > 0
for t in ["compute", "sram", "flash", "sd"]:
    assert set(s["breakdown"][t]) == {"time_ms", "energy_mj"}, t
assert abs(sum(s["breakdown"][t]["time_ms"] for t in s["breakdown"]) - s["latency_ms"]) < 1e-5
assert abs(sum(s["breakdown"][t]["energy_mj"] for t in s["breakdown"]) - s["energy_mj"]) < 1e-4
assert s["sd_clock"]["actual_hz"] == 843750.0, s["sd_clock"]
rows = list(csv.reader(open(d + "/layers.csv")))
assert rows[0] == ("index,name,op,macs,weight_bytes,input_bytes,output_bytes,working_set_bytes,"
                   "weight_location,latency_ms,energy_mj,compute_ms,sram_ms,flash_ms,sd_ms").split(","), rows[0]
assert len(rows) == 65, len(rows)
assert sum(int(r[3]) for r in rows[1:]) == 20221952
assert all(r[8] in ("flash", "-") for r in rows[1:])
assert abs(sum(float(r[9]) for r in rows[1:]) - s["latency_ms"]) < 1e-3
p = list(csv.reader(open(d + "/power.csv")))
assert p[0][:2] == ["time_s", "total_mw"], p[0]
# 5 kHz samples over the inference; their mean power matches the exact average within 0.5%.
n = len(p) - 1
assert abs(n - int(s["latency_ms"] * 5) - 1) <= 1, n
mean = sum(float(r[1]) for r in p[1:]) / n
assert abs(mean - s["avg_power_mw"]) <= 0.005 * s["avg_power_mw"], (mean, s["avg_power_mw"])
t = json.load(open(d + "/trace.json"))
assert sum(1 for e in t["traceEvents"] if e.get("cat") == "layer") == 64
PY

# Determinism: byte-identical outputs.
expect_exit 0 again -- "${RUN[@]}" --out "$TMP/b"
for f in summary.json layers.csv power.csv trace.json config.resolved.yaml; do
  cmp -s "$TMP/a/$f" "$TMP/b/$f" || fail "$f differs between identical runs"
done

# The resolved configuration reproduces the run by itself.
expect_exit 0 resolved -- "$MCUSIM" run --config "$TMP/a/config.resolved.yaml" -q --out "$TMP/c"
cmp -s "$TMP/a/summary.json" "$TMP/c/summary.json" || fail "resolved config does not reproduce summary.json"
cmp -s "$TMP/a/layers.csv" "$TMP/c/layers.csv" || fail "resolved config does not reproduce layers.csv"

# A higher SD clock is reported as requested and actual (Mbed prescaler: 13.5 MHz).
expect_exit 0 sd25 -- "${RUN[@]}" --set sd.clock=25MHz --out "$TMP/d"
grep -q '"actual_hz": 13500000.000' "$TMP/d/summary.json" || fail "25 MHz request should give 13.5 MHz"

# Weights on the SD card: the card's traffic shows in the rows and the totals.
expect_exit 0 sdweights -- "${RUN[@]}" --set placement.policy=weights-sd --out "$TMP/e"
python3 - "$TMP/a" "$TMP/e" <<'PY' || fail "weights-sd should be much slower, with SD time in every weighted layer"
import json, sys, csv
a = json.load(open(sys.argv[1] + "/summary.json")); e = json.load(open(sys.argv[2] + "/summary.json"))
assert e["breakdown"]["sd"]["time_ms"] > 10 * a["latency_ms"], (e["breakdown"]["sd"], a["latency_ms"])
rows = list(csv.DictReader(open(sys.argv[2] + "/layers.csv")))
assert all(float(r["sd_ms"]) > 0 for r in rows if r["weight_location"] == "sd")
assert sum(1 for r in rows if r["weight_location"] == "sd") == 53
PY
# Per-tensor placement override from YAML: the FC weights alone go to the card.
expect_exit 0 override -- "${RUN[@]}" --set 'placement.overrides={logits/weights: sd}' --out "$TMP/o"
python3 - "$TMP/o" <<'PY' || fail "override: only logits reads from the SD card"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1] + "/layers.csv")))
sd = [r["name"] for r in rows if float(r["sd_ms"]) > 0]
assert sd == ["logits"], sd
assert [r["weight_location"] for r in rows if r["name"] == "logits"] == ["flash+sd"]
PY
expect_exit 2 override-unknown -- "${RUN[@]}" --set 'placement.overrides={nope: sd}' --out "$TMP/o2"
stderr_has override-unknown "placement override names unknown tensor 'nope'"
finish
