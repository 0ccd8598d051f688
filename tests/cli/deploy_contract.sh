#!/usr/bin/env bash
# mcusim deploy (issue 6): bad input is exit 2 with one line and nothing written; a model
# that fits gives exit 0, a missed budget exit 1; deploy.json carries the verdicts, the
# per-board run files exist (trace.json is valid Chrome trace JSON), suggestions carry
# simulated effects, battery figures appear when asked, outputs are deterministic.
source "$(dirname "$0")/lib.bash" "$1"
M=../shared/models
KWS=$M/mlperftiny_kws_dscnn_int8.tflite

expect_exit 2 svdf -- "$MCUSIM" deploy --model $M/tflm_keyword_scrambled_8bit.tflite --all-boards --out "$TMP/svdf"
stderr_has svdf "unsupported operator.*SVDF"
no_files "$TMP/svdf" svdf
expect_exit 2 board -- "$MCUSIM" deploy --model $KWS --board no-such-board --out "$TMP/bad1"
stderr_has board "unknown board 'no-such-board'"
no_files "$TMP/bad1" board
expect_exit 2 both -- "$MCUSIM" deploy --model $KWS --board nucleo-f767zi --all-boards --out "$TMP/bad2"
stderr_has both "either --board or --all-boards"
expect_exit 2 battery -- "$MCUSIM" deploy --model $KWS --board nucleo-f767zi --battery-mah 100 --out "$TMP/bad3"
stderr_has battery "together"
expect_exit 2 set -- "$MCUSIM" deploy --model $KWS --board nucleo-f767zi --set sd.clock=fast --out "$TMP/bad4"
no_files "$TMP/bad4" set
expect_exit 2 noboard -- "$MCUSIM" deploy --model $KWS --out "$TMP/bad5"

# Fits on both boards, within generous budgets, with battery figures.
OK=("$MCUSIM" deploy --model $KWS --board nucleo-f767zi --board nucleo-f091rc
    --budget-latency-ms 10000 --budget-energy-mj 10000
    --inferences-per-hour 60 --battery-mah 1000 --battery-volts 3.7)
expect_exit 0 ok -- "${OK[@]}" --out "$TMP/ok"
for f in deploy.json report.md report.html plots/ws-nucleo-f091rc.svg plots/boards-latency.svg \
         boards/nucleo-f767zi/summary.json boards/nucleo-f091rc/trace.json; do
  [ -s "$TMP/ok/$f" ] || fail "missing $f"
done
python3 - "$TMP/ok" <<'PY' || fail "deploy.json content / trace.json validity"
import json, sys
d = sys.argv[1]
j = json.load(open(d + "/deploy.json"))
assert j["all_ok"] is True
assert [b["board"] for b in j["boards"]] == ["nucleo-f767zi", "nucleo-f091rc"]
for b in j["boards"]:
    assert b["ok"] and b["verdict"] == "fits", b["verdict"]
    assert b["sram"]["fits_as_is"] and b["flash"]["fits_as_is"]
    s = json.load(open(d + "/" + b["run_dir"] + "/summary.json"))
    assert abs(s["latency_ms"] - b["latency_ms"]) < 1e-6 and abs(s["energy_mj"] - b["energy_mj"]) < 1e-6
    assert abs(sum(b["breakdown"][t]["energy_mj"] for t in b["breakdown"]) - b["energy_mj"]) < 1e-3
    assert b["limiting_layers"] and all(l["reason"] for l in b["limiting_layers"])
    assert len(b["suggestions"]) == 6
    bat = b["battery"]
    assert bat["given"] and bat["days"] > 0 and bat["sleep_current_ma"] == 0.4, bat
    assert abs(bat["energy_j_per_day"] - bat["inference_j_per_day"] - bat["sleep_j_per_day"]) < 1e-3
    assert b["flash_wear"]["writes_flash"] is False
    # trace.json is a valid Chrome trace: traceEvents with ph/pid/tid/name, X events with ts/dur.
    t = json.load(open(d + "/" + b["run_dir"] + "/trace.json"))
    ev = t["traceEvents"]
    assert ev and all({"ph", "pid", "tid", "name"} <= set(e) for e in ev)
    xs = [e for e in ev if e["ph"] == "X"]
    assert xs and all(e["dur"] >= 0 and e["ts"] >= 0 for e in xs)
    assert any(e["ph"] == "M" and e["name"] == "thread_name" for e in ev)
PY

# Determinism: the same request gives byte-identical reports.
expect_exit 0 again -- "${OK[@]}" --out "$TMP/ok2"
for f in deploy.json report.md report.html plots/lat-nucleo-f767zi.svg; do
  cmp -s "$TMP/ok/$f" "$TMP/ok2/$f" || fail "$f differs between identical deploys"
done

# A budget that cannot be met: exit 1, the board marked over budget.
expect_exit 1 budget -- "$MCUSIM" deploy --model $KWS --board nucleo-f091rc --budget-latency-ms 1 --out "$TMP/tight"
grep -q "check failed" "$TMP/err" || fail "budget: no 'check failed' on stderr"
python3 - "$TMP/tight/deploy.json" <<'PY' || fail "budget verdict"
import json, sys
j = json.load(open(sys.argv[1]))
b = j["boards"][0]
assert j["all_ok"] is False and b["ok"] is False and b["latency_ok"] is False and b["energy_ok"] is True
PY

# MobileNet on the F091: weights on µSD and spills; the SD clock suggestion is simulated
# as a variant and lowers energy; the width suggestion runs the 0.25 network.
expect_exit 0 f091 -- "$MCUSIM" deploy --model zoo:mobilenet_v2_0.35_128 --board nucleo-f091rc --out "$TMP/mb"
python3 - "$TMP/mb" <<'PY' || fail "offload placement and suggestions"
import json, sys
d = sys.argv[1]
b = json.load(open(d + "/deploy.json"))["boards"][0]
assert b["verdict"] == "fits-with-offload"
assert b["placement"]["constants_bytes"]["sd"] > 0 and b["placement"]["spilled_tensors"] > 0
assert b["placement"]["sd_cost"]["time_ms"] > 0
assert any("µSD" in l["reason"] for l in b["limiting_layers"])
s = {x["id"]: x for x in b["suggestions"]}
assert b["suggestions"][0]["id"] == "sd-25mhz", [x["id"] for x in b["suggestions"]]
sd = s["sd-25mhz"]
assert sd["applicable"] and sd["simulated"] and sd["d_energy_mj"] < 0 and sd["d_latency_ms"] < 0
v = json.load(open(d + "/" + sd["variant_dir"] + "/summary.json"))
assert abs(v["energy_mj"] - b["energy_mj"] - sd["d_energy_mj"]) < 1e-5
assert v["sd_clock"]["requested_hz"] == 25e6
w = s["width"]
assert w["simulated"] and "0.25" in w["action"]
assert json.load(open(d + "/" + w["variant_dir"] + "/summary.json"))["model"] == "zoo:mobilenet_v2_0.25_128"
assert s["weights-flash"]["applicable"] is False and "not applicable" in s["weights-flash"]["note"]
PY

# weights-sd by configuration: moving the weights back to flash is simulated and faster.
expect_exit 0 wsd -- "$MCUSIM" deploy --model $KWS --board nucleo-f767zi --set placement.policy=weights-sd --out "$TMP/wsd"
python3 - "$TMP/wsd/deploy.json" <<'PY' || fail "weights-flash suggestion"
import json, sys
b = json.load(open(sys.argv[1]))["boards"][0]
s = {x["id"]: x for x in b["suggestions"]}
assert b["verdict"] == "fits-with-offload"
assert s["weights-flash"]["applicable"] and s["weights-flash"]["simulated"]
assert s["weights-flash"]["d_latency_ms"] < 0
PY
finish
