#!/usr/bin/env bash
# Paper Fig. 4: +32 filters in each of the first ten layers (zoo:..._x32x10). On NUCLEO-F767ZI
# nothing spills (arena 425,984 B < 512 KiB); on NUCLEO-F746ZG (320 KiB) three activations
# spill to the µSD card. Claims: at each spilling producer/consumer the write or read-back
# time is >= 10x the added-MAC compute time, >= 10x the added MACs over all layers; layers
# that spill nothing change by their compute only (within 5 %; transfers < 1 % + 10 µs), and layers after the
# widened ones by < 1 %.
source "$(dirname "$0")/lib.bash" "$1"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
expect_exit 0 f767-no-spill -- "$MCUSIM" run --board nucleo-f767zi --model zoo:mobilenet_v2_0.35_128_x32x10 -q --out "$TMP/f767"
grep -q '"peak_sram_bytes": 425984' "$TMP/f767/summary.json" || fail "F767ZI x32x10 arena not 425,984 B"
grep -q 'spilling' "$TMP/f767/summary.json" && fail "F767ZI x32x10 spills"
expect_exit 0 fig4 -- "$ROOT/scripts/paper-fig4" --mcusim "$MCUSIM" --out "$TMP/out"
python3 - "$TMP/out/fig4_extra_filters.csv" <<'PY' || fail "Fig. 4 claims"
import csv, sys
r = {x["name"]: {k: (float(v) if k not in ("name",) else v) for k, v in x.items()} for x in csv.DictReader(open(sys.argv[1]))}
writers, readers = ["conv0", "b0_project", "b1_dw"], ["b0_dw", "b1_expand", "b1_project"]
for n in writers:
    assert r[n]["write_ms"] >= 10 * r[n]["compute_ms"], (n, r[n])
for n in readers:
    assert r[n]["read_ms"] >= 10 * r[n]["compute_ms"], (n, r[n])
rows = list(r.values())
assert sum(x["write_ms"] + x["read_ms"] for x in rows) >= 10 * sum(x["compute_ms"] for x in rows)
for x in rows:
    if x["name"] in writers + readers:
        continue
    assert abs(x["write_ms"]) + abs(x["read_ms"]) <= 0.01 * abs(x["delta_ms"]) + 0.01, x
    assert abs(x["delta_ms"] - x["compute_ms"]) <= 0.05 * abs(x["delta_ms"]) + 0.01, x
    if x["index"] >= 13:  # b4_expand onwards: unchanged shapes
        assert abs(x["delta_ms"]) <= 0.01 * x["base_ms"], x
PY
finish
