#!/usr/bin/env bash
# Bad input: one line on stderr naming what and where, exit status 2, nothing written.
source "$(dirname "$0")/lib.bash" "$1"
BASE=("$MCUSIM" run --board nucleo-f767zi --model zoo:mobilenet_v2_0.35_128 -q)
printf 'board:\n  sysclk: 216MHz\n  sysclok: 1MHz\n' > "$TMP/unknown.yaml"
check unknown-key "unknown.yaml:3: board.sysclok: unknown key" -- "${BASE[@]}" --config "$TMP/unknown.yaml"
printf 'sd:\n  clock: 25MB\n' > "$TMP/unit.yaml"
check wrong-unit "unit.yaml:2: sd.clock: expected a frequency like 216MHz, got '25MB'" -- "${BASE[@]}" --config "$TMP/unit.yaml"
check negative-clock "--set board.sysclk=-216MHz: board.sysclk: must not be negative" -- "${BASE[@]}" --set board.sysclk=-216MHz
check zero-sram "sram.regions.*size.*must be positive|size.*0" -- "${BASE[@]}" --set 'sram.regions=[{name: dtcm, base: 0x20000000, size: 0KiB, wait_states: 0}]'
printf 'board:\n  name: x\n' > "$TMP/missing.yaml"
check missing-key "missing.yaml:.*board.mcu: missing required key" -- "$MCUSIM" run --model zoo:mobilenet_v2_0.35_128 --config "$TMP/missing.yaml"
printf 'board: [1, 2\n' > "$TMP/malformed.yaml"
check malformed-yaml "malformed.yaml:[0-9]+: malformed YAML" -- "${BASE[@]}" --config "$TMP/malformed.yaml"
printf 'bogus:\n  a: 1\n' > "$TMP/section.yaml"
check unknown-section "section.yaml:1: bogus: unknown key" -- "${BASE[@]}" --config "$TMP/section.yaml"
check unknown-board "unknown board 'nucleo-x'" -- "$MCUSIM" run --board nucleo-x --model zoo:mobilenet_v2_0.35_128
check missing-model "nope.tflite" -- "$MCUSIM" run --board nucleo-f767zi --model nope.tflite
head -c 1000 ../shared/models/mlperftiny_ic_resnet8_int8.tflite > "$TMP/trunc.tflite"
check truncated-tflite "trunc.tflite: .*at byte" -- "$MCUSIM" run --board nucleo-f767zi --model "$TMP/trunc.tflite"
check unsupported-op "unsupported operator.*SVDF at op 1" -- "$MCUSIM" run --board nucleo-f767zi --model ../shared/models/tflm_keyword_scrambled_8bit.tflite
check bad-zoo "zoo:resnet_1: unknown network" -- "$MCUSIM" run --board nucleo-f767zi --model zoo:resnet_1
check bad-policy "placement.policy: expected one of" -- "${BASE[@]}" --set placement.policy=cloud
check bad-set "expected key.path=value" -- "${BASE[@]}" --set nonsense
check bad-option "unrecognised option|unrecognized option" -- "${BASE[@]}" --frobnicate
# An --out that cannot be created.
touch "$TMP/file"
expect_exit 2 unwritable-out -- "${BASE[@]}" --out "$TMP/file/sub"
stderr_has unwritable-out "cannot create the output directory"
finish
