#!/usr/bin/env bash
# Paper Fig. 8: extra filters in the first ten layers of MobileNet_V2_0.35_128 on
# NUCLEO-F767ZI. Latency is linear in F while everything fits (F=0,24,48: equal slopes
# within 2 %), then jumps once activations spill (F=56): the slope across the crossing is
# >= 50x the slope before it. The working set passes 512 KiB by F=56. Also checks the
# cumulative-memory table (weights total 1,695,492 B at the last layer).
source "$(dirname "$0")/lib.bash" "$1"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
expect_exit 0 fig8 -- "$ROOT/scripts/paper-fig8" --mcusim "$MCUSIM" --out "$TMP/out" --filters 0,24,48,56
python3 - "$TMP/out" <<'PY' || fail "Fig. 8 claims"
import csv, sys
d = sys.argv[1]
r = {int(x["filters"]): x for x in csv.DictReader(open(d + "/fig8_extra_filters.csv"))}
L = {f: float(r[f]["latency_ms"]) for f in r}
s1, s2 = (L[24] - L[0]) / 24, (L[48] - L[24]) / 24
assert abs(s1 - s2) <= 0.02 * s1, (s1, s2)
assert [r[f]["spills"] for f in (0, 24, 48, 56)] == ["0", "0", "0", "1"]
jump = (L[56] - L[48]) / 8
assert jump >= 50 * s2, (jump, s2)
assert int(r[56]["max_working_set_first10"]) > 512 * 1024 > int(r[24]["max_working_set_first10"])
c = list(csv.DictReader(open(d + "/fig8_cumulative_memory.csv")))
assert len(c) == 64 and int(c[-1]["weights_cumulative"]) == 1663328 + 32164
PY
finish
