#!/usr/bin/env bash
# Paper Fig. 7: on MobileNet_V2_0.35_128 / NUCLEO-F767ZI, Q-format < affine < code-book
# in latency and in energy (affine = symmetric per-channel int8, the CMSIS-NN kernels),
# and a per-tensor asymmetric affine costs more than per-channel (a filter offset per MAC).
source "$(dirname "$0")/lib.bash" "$1"
for q in q8 int8-affine-pc int8-affine codebook:k=16; do
  expect_exit 0 "$q" -- "$MCUSIM" run --board nucleo-f767zi --model zoo:mobilenet_v2_0.35_128 \
    --set "workload.quant=$q" -q --out "$TMP/${q%%:*}"
done
python3 - "$TMP" <<'PY' || fail "Fig. 7 ordering"
import json, sys
d = sys.argv[1]
s = {q: json.load(open("%s/%s/summary.json" % (d, q))) for q in ["q8", "int8-affine-pc", "int8-affine", "codebook"]}
for k in ["latency_ms", "energy_mj"]:
    assert s["q8"][k] < s["int8-affine-pc"][k] < s["codebook"][k], (k, [s[q][k] for q in s])
    assert s["int8-affine-pc"][k] < s["int8-affine"][k]
# Q-format saves the offset arithmetic: at least 10% faster than affine.
assert s["q8"]["latency_ms"] < 0.9 * s["int8-affine-pc"]["latency_ms"]
PY
expect_exit 2 bad-scheme -- "$MCUSIM" run --board nucleo-f767zi --model zoo:mobilenet_v2_0.35_128 --set workload.quant=int3 -q --out "$TMP/bad"
[ -e "$TMP/bad" ] && fail "output written for an unknown scheme"
finish
