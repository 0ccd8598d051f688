#!/usr/bin/env bash
# More bad input: hostile .tflite files crafted from a real model (huge dimensions,
# negative shapes, offsets and buffer indices out of range, an operator reading its own
# output, a vector count past the end), a missing --config file, a directory as --model.
# Each: one line on stderr, exit 2, nothing under --out.
source "$(dirname "$0")/lib.bash" "$1"
SRC=../shared/models/tflm_hello_world_int8.tflite
/usr/bin/python3 - "$SRC" "$TMP" <<'PY' || fail "could not craft the hostile models"
import struct, sys
src, tmp = sys.argv[1], sys.argv[2]
b = open(src, "rb").read()
u16 = lambda o: struct.unpack_from("<H", b, o)[0]
u32 = lambda o: struct.unpack_from("<I", b, o)[0]
def field(tbl, fid):  # absolute position of a table's field (FlatBuffers vtable)
    vt = tbl - struct.unpack_from("<i", b, tbl)[0]
    off = 4 + 2 * fid
    assert off < u16(vt) and u16(vt + off), (tbl, fid)
    return tbl + u16(vt + off)
deref = lambda at: at + u32(at)
def vec(tbl, fid):  # (position of the count, first element)
    p = deref(field(tbl, fid))
    return p, p + 4
model = u32(0)
_, subs = vec(model, 2)
sg = deref(subs)
_, tensors = vec(sg, 0)
_, ops = vec(sg, 3)
t0 = deref(tensors)
op0 = deref(ops)
shape_count, shape0 = vec(t0, 0)
def write(name, patches):
    m = bytearray(b)
    for pos, fmt, val in patches:
        struct.pack_into(fmt, m, pos, val)
    open(f"{tmp}/{name}.tflite", "wb").write(m)
write("huge-dim", [(shape0, "<i", 0x7FFFFFFF)])
write("absurd-shape", [(shape0 + 4 * i, "<i", 0x7FFFFFFF) for i in range(u32(shape_count))])
write("negative-shape", [(shape0, "<i", -5)])
write("root-offset", [(0, "<I", len(b) + 4096)])
write("vector-count", [(vec(sg, 0)[0], "<I", 0x7FFFFFF0)])
write("buffer-index", [(field(t0, 2), "<I", 9999)])
in_count, in0 = vec(op0, 1)
_, out0 = vec(op0, 2)
write("self-input", [(in0, "<i", u32(out0))])
PY
RUN=("$MCUSIM" run --board nucleo-f767zi -q)
check huge-dimension "huge-dim.tflite: tensor 0: tensor larger than 1 GiB at byte" -- "${RUN[@]}" --model "$TMP/huge-dim.tflite"
check absurd-shape "absurd-shape.tflite: tensor 0: absurd shape .* at byte" -- "${RUN[@]}" --model "$TMP/absurd-shape.tflite"
check negative-shape "negative-shape.tflite: .*negative" -- "${RUN[@]}" --model "$TMP/negative-shape.tflite"
check root-offset "root-offset.tflite: .*at byte" -- "${RUN[@]}" --model "$TMP/root-offset.tflite"
check vector-count "vector-count.tflite: .*at byte" -- "${RUN[@]}" --model "$TMP/vector-count.tflite"
check buffer-index "buffer-index.tflite: .*buffer" -- "${RUN[@]}" --model "$TMP/buffer-index.tflite"
check self-input "self-input.tflite: .*(own output|cycle|before it is written|not produced)" -- "${RUN[@]}" --model "$TMP/self-input.tflite"
check missing-config "no-such.yaml: cannot open config file" -- "${RUN[@]}" --model zoo:mobilenet_v2_0.35_128 --config "$TMP/no-such.yaml"
mkdir -p "$TMP/adir.tflite"
check directory-model "adir.tflite: is a directory" -- "${RUN[@]}" --model "$TMP/adir.tflite"
check directory-model-plain "is a directory" -- "${RUN[@]}" --model "$TMP"
# The flash bank mode and the calibrated profiles' prior CPIs.
check bank-mode "flash.bank_mode: expected one of .single, dual., got 'triple'" -- \
  "$MCUSIM" run --board nucleo-l4r5zi --model zoo:mobilenet_v2_0.35_128 --set flash.bank_mode=triple
check width-beside-modes "flash.bus_width: this part has bank_modes: set bank_modes.dual.bus_width instead" -- \
  "$MCUSIM" run --board nucleo-l4r5zi --model zoo:mobilenet_v2_0.35_128 --set flash.bus_width=4B
check prior-eff "engine.prior_efficiency.cortex-m4: must be positive" -- \
  "$MCUSIM" run --board nucleo-f767zi --model zoo:mobilenet_v2_0.35_128 --set engine.prior_efficiency.cortex-m4=-1
# The core's instruction-class timing (configs/cores): strict keys, sane values, its name
# matching board.core, and flat/class engine keys not mixed.
check core-negative "core.cycles.load: must not be negative" -- \
  "$MCUSIM" run --board nucleo-f767zi --model zoo:mobilenet_v2_0.35_128 --set core.cycles.load=-1
check core-unknown "core.cycles.vector" -- \
  "$MCUSIM" run --board nucleo-f767zi --model zoo:mobilenet_v2_0.35_128 --set core.cycles.vector=1
check core-name "core.name: is 'cortex-m4' but board.core is 'cortex-m7'" -- \
  "$MCUSIM" run --board nucleo-f767zi --model zoo:mobilenet_v2_0.35_128 --set core.name=cortex-m4
check flat-in-class "engine.cores.cortex-m7.cpi: is flat timing; with engine.class_mix give efficiency" -- \
  "$MCUSIM" run --board nucleo-f767zi --model zoo:mobilenet_v2_0.35_128 --set engine.cores.cortex-m7.cpi=1.2
check class-lib "engine.class_mix: no library 'nope'" -- \
  "$MCUSIM" run --board nucleo-f767zi --model zoo:mobilenet_v2_0.35_128 --set engine.class_mix=nope
finish
