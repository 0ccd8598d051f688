#!/usr/bin/env bash
# mcusim check (issue 7) against a baseline made here (so the test does not depend on
# today's calibration): --update writes the CSVs; an unchanged rerun passes (exit 0);
# a 5% change of the flash read energy (--set) fails (exit 1) naming the energy metrics that
# moved and not the latencies; --rtol wide enough lets it pass; bad input exits 2.
source "$(dirname "$0")/lib.bash" "$1"
mkdir -p "$TMP/b"
cat >"$TMP/b/spec.yaml" <<'YAML'
base:
  board: nucleo-f767zi
  # An explicit flash read energy: the presets' fitted value may be 0 pJ/B.
  set: [sim.power_sample_rate=100Hz, flash.read_energy_per_byte=500pJ]
axes:
  - key: model
    values: [zoo:mobilenet_v2_0.35_128, ../shared/models/mlperftiny_ic_resnet8_int8.tflite]
  - key: placement.policy
    values: [auto, weights-sd]
metrics: all
YAML
expect_exit 0 update -- "$MCUSIM" check --baseline "$TMP/b" --update --jobs 2
[ "$(wc -l <"$TMP/b/results.csv")" -eq 5 ] || fail "baseline results.csv: expected header + 4 rows"
[ -s "$TMP/b/layers.csv" ] || fail "baseline layers.csv missing"
expect_exit 0 unchanged -- "$MCUSIM" check --baseline "$TMP/b" --jobs 2
grep -q 'check: 4 points match' "$TMP/stdout" || fail "unchanged: $(cat "$TMP/stdout")"

# +5% flash read energy per byte (a later --set overrides the spec's base.set).
e5=525
expect_exit 1 flash-energy -- "$MCUSIM" check --baseline "$TMP/b" --jobs 2 --set "flash.read_energy_per_byte=${e5}pJ"
stderr_has flash-energy 'check failed: .* moved beyond rtol 1e-06: .*breakdown\.flash\.energy_mj.*energy_mj.*layers\.energy_mj'
grep -q 'latency' "$TMP/err" && fail "flash energy change reported a latency as moved: $(cat "$TMP/err")"
head -1 "$TMP/stdout" | grep -qE '^point +metric +baseline +now +change' || fail "no table header: $(head -1 "$TMP/stdout")"
# (flash energy also holds the static power of the stall time, so it moves by less than 5%)
grep -qE 'p0000-[0-9a-f]{8} \(zoo:mobilenet_v2_0.35_128 auto\) +breakdown\.flash\.energy_mj +[0-9.]+ +[0-9.]+ +\+[0-9.]+%' "$TMP/stdout" \
  || fail "table does not show the flash energy of the auto-placed MobileNet: $(cat "$TMP/stdout")"
grep -q 'weights-sd.*breakdown.flash' "$TMP/stdout" && fail "weights-sd points have no flash traffic, yet moved"
expect_exit 0 wide-rtol -- "$MCUSIM" check --baseline "$TMP/b" --jobs 2 --rtol 0.1 --set "flash.read_energy_per_byte=${e5}pJ"

# A hand-edited baseline value is caught too.
sed -i '2s/,ok,\([0-9]*\)\./,ok,9\1./' "$TMP/b/results.csv"
expect_exit 1 edited -- "$MCUSIM" check --baseline "$TMP/b" --jobs 2
stderr_has edited 'check failed: 1 value\(s\) in 1 point\(s\) moved beyond rtol 1e-06: latency_ms'

expect_exit 2 no-baseline -- "$MCUSIM" check --baseline "$TMP/nope"
stderr_has no-baseline 'spec.yaml: no such file'
expect_exit 2 bad-rtol -- "$MCUSIM" check --baseline "$TMP/b" --rtol -1
stderr_has bad-rtol 'rtol'
ls /tmp | grep -q "^mcusim-check-" && [ -n "$(find /tmp -maxdepth 1 -name 'mcusim-check-*' -newer "$TMP/b/spec.yaml")" ] \
  && fail "temporary check directories left in /tmp"
finish
