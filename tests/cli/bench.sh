#!/usr/bin/env bash
# `mcusim bench --quick`: one run of the default case; the report has the machine
# description and the fields (no timing assertions: machines are noisy).
source "$(dirname "$0")/lib.bash" "$1"
expect_exit 0 bench-quick -- "$MCUSIM" bench --quick --out "$TMP/b"
OUT="$TMP/stdout"
grep -qE '^machine: [0-9]+ CPUs, .*GiB RAM' "$OUT" || fail "no machine description: $(cat "$OUT")"
for f in case board model simulated_s host_s cpu_s sim_s_per_host_s sim_s_per_cpu_s peak_rss_mib; do
  grep -qw "$f" "$OUT" || fail "report has no field $f"
done
grep -qE '^default +nucleo-f767zi +zoo:mobilenet_v2_0.35_128 +0\.3[0-9]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+$' "$OUT" ||
  fail "no default-case line: $(cat "$OUT")"
[ "$(grep -c '^default ' "$OUT")" -eq 1 ] || fail "--quick ran more than the default case"
[ -s "$TMP/b/bench.csv" ] && [ -s "$TMP/b/bench.md" ] || fail "--out did not write bench.csv and bench.md"
head -1 "$TMP/b/bench.csv" | grep -q '^case,board,model,' || fail "bench.csv header"
expect_exit 2 bench-bad-repeat -- "$MCUSIM" bench --repeat 0
stderr_has bench-bad-repeat "--repeat: expected 1..100"
finish
