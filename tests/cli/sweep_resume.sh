#!/usr/bin/env bash
# Kill and resume (issue 7): a sweep killed with SIGKILL (or stopped with SIGINT) keeps
# every point it had recorded in results.db, leaves no simulation running, and
# `--resume` runs only the missing points; the final results.csv and layers.csv are
# byte-identical to an uninterrupted run's.
source "$(dirname "$0")/lib.bash" "$1"
source "$(dirname "$0")/sweep_lib.bash"
write_spec "$TMP/fast.yaml"
# Full 5 kHz power traces make each point slow enough (~0.1-0.5 s) to be interrupted
# midway however idle the host is.
sed 's/power_sample_rate=100Hz/power_sample_rate=5kHz/' "$TMP/fast.yaml" >"$TMP/spec.yaml"
expect_exit 0 clean -- "$MCUSIM" sweep "$TMP/spec.yaml" --out "$TMP/clean" --jobs 2

# kill_after SIG DIR: starts a --jobs 1 sweep into DIR, sends SIG once at least one
# point is recorded, and prints how many points were recorded then.
kill_after() {
  local sig="$1" dir="$2"
  "$MCUSIM" sweep "$TMP/spec.yaml" --out "$dir" --jobs 1 >/dev/null 2>"$TMP/kill_err" &
  local pid=$! n=0
  for _ in $(seq 1 600); do
    n=$(db_points "$dir"); [ "$n" -ge 1 ] && break; sleep 0.02
  done
  kill -s "$sig" "$pid"; wait "$pid"; echo "$? $(db_points "$dir")"
}

read -r status n <<<"$(kill_after KILL "$TMP/k")"
[ "$status" -eq 137 ] || fail "SIGKILL: sweep exit $status"
[ "$n" -ge 1 ] && [ "$n" -lt 8 ] || fail "SIGKILL: expected 1..7 points recorded, got $n (too fast to interrupt?)"
[ -e "$TMP/k/results.csv" ] && fail "an interrupted sweep exported results.csv"
sleep 0.2
pgrep -f -- "--out $TMP/k/points/" >/dev/null && fail "simulations still running after the sweep was killed"
expect_exit 0 resume-kill -- "$MCUSIM" sweep "$TMP/spec.yaml" --out "$TMP/k" --resume --jobs 2
grep -q "($n already done, $((8 - n)) run, 0 failed)" "$TMP/stdout" || fail "resume after SIGKILL: $(cat "$TMP/stdout")"
cmp -s "$TMP/clean/results.csv" "$TMP/k/results.csv" || fail "results.csv after kill -9 + resume differs from a clean run"
cmp -s "$TMP/clean/layers.csv" "$TMP/k/layers.csv" || fail "layers.csv after kill -9 + resume differs from a clean run"

read -r status n <<<"$(kill_after INT "$TMP/i")"
[ "$status" -eq 130 ] || fail "SIGINT: sweep exit $status, stderr: $(cat "$TMP/kill_err")"
[ "$n" -ge 1 ] && [ "$n" -lt 8 ] || fail "SIGINT: expected 1..7 points recorded, got $n"
grep -q 'rerun with --resume' "$TMP/kill_err" || fail "SIGINT: no resume hint: $(cat "$TMP/kill_err")"
expect_exit 0 resume-int -- "$MCUSIM" sweep "$TMP/spec.yaml" --out "$TMP/i" --resume
cmp -s "$TMP/clean/results.csv" "$TMP/i/results.csv" || fail "results.csv after SIGINT + resume differs from a clean run"
finish
