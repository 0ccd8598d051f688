#!/usr/bin/env bash
# Paper Fig. 5 (Svoboda et al. 2022; ../shared/paper/FACTS.md): write / read 1 MiB in
# 16 KiB blocks to the on-chip flash and the µSD card (configs/experiments/fig5-*.yaml).
# Claims checked: flash write energy > 10x flash read energy (erase before write; the
# simulator gives ~4000x); µSD read and write both costly (each > 10x the flash read)
# and comparable (within a factor of 2 of each other).
source "$(dirname "$0")/lib.bash" "$1"
for c in flash-write flash-read sd-write sd-read; do
  expect_exit 0 "$c" -- "$MCUSIM" run --board nucleo-f767zi \
    --config configs/experiments/fig5-$c.yaml --out "$TMP/$c" -q
done
python3 - "$TMP" <<'PY' || fail "Fig. 5 claims"
import csv, json, sys
d = sys.argv[1]
s = {c: json.load(open(f"{d}/{c}/summary.json")) for c in ["flash-write", "flash-read", "sd-write", "sd-read"]}
e = {c: s[c]["energy_mj"] for c in s}
for c in s:
    rows = list(csv.DictReader(open(f"{d}/{c}/layers.csv")))
    assert len(rows) == 64 and all(int(r["output_bytes"]) == 16384 for r in rows), (c, len(rows))
    assert s[c]["macs"] == 0
assert e["flash-write"] > 10 * e["flash-read"], e
# Old data in the range: 6 sectors erased (32 KiB sector 3: 350 ms, 128 KiB: 1 s,
# 256 KiB sectors 5-8: 2 s each) + 262,144 words x 16 us = 13.544 s of flash time.
assert abs(s["flash-write"]["breakdown"]["flash"]["time_ms"] - 13544.304) < 1, s["flash-write"]["breakdown"]
assert e["sd-write"] > 10 * e["flash-read"] and e["sd-read"] > 10 * e["flash-read"], e
assert 0.5 < e["sd-write"] / e["sd-read"] < 2, e
print({c: round(v, 3) for c, v in e.items()})
PY
# A transfer entry is decoded strictly: an unknown key is one line, exit 2, no files.
expect_exit 2 bad-key -- "$MCUSIM" run --board nucleo-f767zi --config configs/experiments/fig5-sd-read.yaml \
  --set 'workload.transfers=[{op: read, device: sd, bytes: 1KiB, colour: red}]' --out "$TMP/bad" -q
stderr_has bad-key 'workload\.transfers\[0\]\.colour: unknown key'
no_files "$TMP/bad" bad-key
finish
