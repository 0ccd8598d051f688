#pragma once
// `mcusim check`: reruns the baseline experiments (DIR/spec.yaml, a sweep spec) through
// the sweep runner, one process per point, and compares DIR/results.csv (every
// summary.json metric) and DIR/layers.csv (per-layer latency and energy).
// `--update` rewrites those two files instead (scripts/update-baselines).
#include <string>
#include <vector>

namespace mcusim::check {

struct CheckOptions {
  std::string baseline_dir, work_dir;  // work_dir empty: a temp dir, removed afterwards
  double rtol = 1e-6;
  unsigned jobs = 0;
  std::vector<std::string> sets;  // passed to every run (--set k=v)
  bool update = false;
};

// Returns the exit status (0, or 130 when interrupted); throws CheckFailed when a value
// moved beyond rtol and InputError on bad input.
int run_check(const CheckOptions& o);

}  // namespace mcusim::check
