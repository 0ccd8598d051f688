#!/usr/bin/env bash
# mcusim deploy's per-tensor suggestions (placement.overrides, one --set per tensor):
#  - hot-weights-sram: KWS on NUCLEO-L4R5ZI has flash line-fill stalls and SRAM to spare;
#    the variant puts the chosen constants in SRAM, still fits, and is faster.
#  - sd-tensors-flash: MobileNet on NUCLEO-F091RC with every weight on µSD (policy
#    weights-sd) cannot move them all to its 256 KiB flash; the largest that fit go.
source "$(dirname "$0")/lib.bash" "$1"
expect_exit 0 hot -- "$MCUSIM" deploy --model ../shared/models/mlperftiny_kws_dscnn_int8.tflite \
  --board nucleo-l4r5zi --out "$TMP/hot"
expect_exit 0 sd -- "$MCUSIM" deploy --model zoo:mobilenet_v2_0.35_128 --board nucleo-f091rc \
  --set placement.policy=weights-sd --out "$TMP/sd"
python3 - "$TMP" <<'PY' || fail "per-tensor suggestions"
import json, re, sys
d = sys.argv[1]
def sug(run, sid):
    b = json.load(open(f"{d}/{run}/deploy.json"))["boards"][0]
    return b, next(s for s in b["suggestions"] if s["id"] == sid)
def overrides(path):
    """(tensor, location) pairs of the placement.overrides block of a resolved config."""
    lines, out, indent = open(path).read().splitlines(), [], None
    for ln in lines:
        if indent is None:
            if ln.strip() == "overrides:":
                indent = len(ln) - len(ln.lstrip())
            continue
        if len(ln) - len(ln.lstrip()) <= indent:
            break
        k, v = ln.strip().rsplit(": ", 1)
        out.append((k, v))
    return out

b, s = sug("hot", "hot-weights-sram")
assert s["applicable"] and s["simulated"], s
assert s["d_latency_ms"] < 0 and s["d_energy_mj"] < 0, s
n = int(re.search(r"\((\d+) tensors?, ([\d,]+) B\)", s["title"]).group(1))
vdir = f"{d}/hot/{s['variant_dir']}"
ov = overrides(vdir + "/config.resolved.yaml")
assert len(ov) == n and all(loc == "sram" for _, loc in ov), (n, ov)
v = json.load(open(vdir + "/summary.json"))
assert v["fits"] is True
assert v["breakdown"]["flash"]["time_ms"] < b["breakdown"]["flash"]["time_ms"], (v["breakdown"], b["breakdown"])
assert s["action"].startswith("--set placement.overrides.")

b, s = sug("sd", "sd-tensors-flash")
assert s["applicable"] and s["simulated"] and s["d_latency_ms"] < 0, s
m = re.search(r"\((\d+) tensors?, ([\d,]+) B\)", s["title"])
moved = int(m.group(2).replace(",", ""))
free = 262144 - 110844                       # F091RC flash - firmware (nucleo-f091rc.yaml)
assert 0 < moved <= free, (moved, free)
ov = overrides(f"{d}/sd/{s['variant_dir']}/config.resolved.yaml")
assert len(ov) == int(m.group(1)) and all(loc == "flash" for _, loc in ov), ov
w = next(x for x in b["suggestions"] if x["id"] == "weights-flash")
assert not w["applicable"]                   # 1.66 MB of weights cannot all move
print(f"hot-weights-sram: {n} tensors in SRAM; sd-tensors-flash: {moved} B of {free} B free flash")
PY
finish
