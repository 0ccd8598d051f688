#!/usr/bin/env bash
# Determinism: the same run twice gives byte-identical output files, also when
# activations spill out of SRAM (F091, 32 KiB) and when weights are paged from the µSD card.
source "$(dirname "$0")/lib.bash" "$1"
twice() {  # twice NAME -- run args...
  local name="$1"; shift 2
  for i in 1 2; do
    rm -rf "$TMP/$name.$i"
    expect_exit 0 "$name run $i" -- "$MCUSIM" run -q "$@" --out "$TMP/$name.$i"
  done
  local a b
  a=$(cd "$TMP/$name.1" && ls | sort | tr '\n' ' '); b=$(cd "$TMP/$name.2" && ls | sort | tr '\n' ' ')
  [ "$a" = "$b" ] || fail "$name: different file sets: '$a' vs '$b'"
  [ -n "$a" ] || fail "$name: no output files"
  for f in $a; do
    cmp -s "$TMP/$name.1/$f" "$TMP/$name.2/$f" || fail "$name: $f differs between two runs"
  done
}
twice spilled -- --board nucleo-f091rc --model zoo:mobilenet_v2_0.35_128
# F746: 1 MiB of flash, so part of MobileNet_V2's weights are paged from the µSD card.
twice sd-paged -- --board nucleo-f746zg --model zoo:mobilenet_v2_0.35_128
grep -qE ',(flash\+)?sd,' "$TMP/sd-paged.1/layers.csv" || fail "sd-paged: no layer reads weights from the SD card"
twice all-sd -- --board nucleo-f767zi --model zoo:mobilenet_v2_0.35_128 --set placement.policy=weights-sd
finish
