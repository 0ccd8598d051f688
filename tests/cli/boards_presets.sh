#!/usr/bin/env bash
# Every board preset listed by `mcusim boards` decodes and runs MobileNetV2-0.35-128 (zoo) and
# the MLPerf Tiny ResNet-8: summary.json exists, `fits` is a boolean and latency_ms > 0. The
# clock / SRAM (arena) / flash columns of the presets added for the MLPerf Tiny and common
# TinyML boards are asserted exactly (sources in configs/boards/SOURCES.md).
source "$(dirname "$0")/lib.bash" "$1"
RESNET=../shared/models/mlperftiny_ic_resnet8_int8.tflite

expect_exit 0 boards -- "$MCUSIM" boards
cp "$TMP/stdout" "$TMP/boards.txt"
BOARDS=$(awk 'NR > 1 {print $1}' "$TMP/boards.txt")
[ -n "$BOARDS" ] || fail "mcusim boards lists no presets"

# name  clock_MHz  sram_KiB  flash_KiB
while read -r name clock sram flash; do
  row=$(awk -v n="$name" '$1 == n' "$TMP/boards.txt")
  if [ -z "$row" ]; then fail "$name missing from mcusim boards"; continue; fi
  # fields: board mcu core clock MHz sram KiB flash KiB fpu
  got=$(echo "$row" | awk '{print $4, $5, $6, $7, $8, $9}')
  [ "$got" = "$clock MHz $sram KiB $flash KiB" ] ||
    fail "$name: columns '$got', expected '$clock MHz $sram KiB $flash KiB'"
done <<'TABLE'
nucleo-l4r5zi    120  384 2048
nucleo-h7a3zi-q  280 1024 2048
nucleo-u575zi-q  160  768 2048
nucleo-g0b1re     64  144  512
disco-f746ng     216  320 1024
nucleo-h743zi    480  512 2048
disco-h747i      400  512 2048
TABLE

for b in $BOARDS; do
  for m in zoo:mobilenet_v2_0.35_128 "$RESNET"; do
    out="$TMP/run-$b-$(basename "$m" | tr ':' '_')"
    expect_exit 0 "run $b $m" -- "$MCUSIM" run --board "$b" --model "$m" -q --out "$out"
    python3 - "$out/summary.json" "$b" "$m" <<'PY' || fail "summary of $b on $m"
import json, sys
path, board, model = sys.argv[1:]
s = json.load(open(path))
assert isinstance(s["fits"], bool), (board, model, s["fits"])
assert s["latency_ms"] > 0, (board, model, s["latency_ms"])
PY
  done
done
finish
