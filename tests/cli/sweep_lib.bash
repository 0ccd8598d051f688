# Helpers shared by the sweep_*.sh tests; sourced after lib.bash.
# The 8-point spec shared by the sweep_*.sh tests.
# write_spec FILE: the 8-point spec (2 boards x 2 placements x 2 SD clocks).
write_spec() {
  cat >"$1" <<'YAML'
base:
  model: zoo:mobilenet_v2_0.35_128
  set: [sim.power_sample_rate=100Hz]
axes:
  - key: board
    values: [nucleo-f746zg, nucleo-f767zi]
  - key: placement.policy
    values: [auto, weights-sd]
  - key: sd.clock
    values: [1MHz, 4MHz]
keep: [summary.json, layers.csv]
YAML
}
# db_points DIR: number of points recorded in DIR/results.db
db_points() {
  python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from points").fetchone()[0])' "$1/results.db" 2>/dev/null || echo 0
}
