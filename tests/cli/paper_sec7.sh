#!/usr/bin/env bash
# Paper §7: SqueezeNet 1.0, code-book k=64 at 33 % density unpacked to float32: stored
# 396,057 B (paper 0.47 MB, within 20 %), unpacked 4,993,696 B (4.76 MiB, paper 4.8 MB,
# within 0.05 MiB). Stored fits the flash of every Table 1 board but NUCLEO-F091RC; unpacked
# fits no board's flash or SRAM.
source "$(dirname "$0")/lib.bash" "$1"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
expect_exit 0 sec7 -- "$ROOT/scripts/paper-sec7" --mcusim "$MCUSIM" --out "$TMP/out"
python3 - "$TMP/out/sec7_squeezenet.csv" <<'PY' || fail "§7 claims"
import csv, sys
r = {x["board"]: x for x in csv.DictReader(open(sys.argv[1]))}
for b, x in r.items():
    assert abs(int(x["stored_bytes"]) - 0.47e6) <= 0.20 * 0.47e6, x
    assert abs(int(x["unpacked_bytes"]) / 2**20 - 4.8) <= 0.05, x
    assert x["unpacked_fits_flash"] == "0" and x["unpacked_fits_sram"] == "0", x
    assert x["stored_fits_flash"] == ("0" if b == "nucleo-f091rc" else "1"), x
assert len(r) == 5
PY
finish
