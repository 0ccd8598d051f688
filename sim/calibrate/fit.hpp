#pragma once
// Least-squares fit of an engine's cycles-per-instruction, one free parameter per
// core, and one shared factor k on the FC kernels:
// measured_s = cpi[core] * (a + k * a_fc) + b, where a is the row's compute time per unit
// CPI and b its memory time, both from the simulator. Rows are weighted by 1/measured
// so the fit minimises relative error. Leave-one-out holds out each row together with
// every row of its group (the same board and model measured by another engine
// version), refits, and predicts it: a held-out board/model never informs its own fit.
#include <map>
#include <string>
#include <vector>

namespace mcusim::cal {

struct Observation {
  std::string core;
  double a = 0, b = 0;   // seconds per unit CPI (non-FC kernels), seconds (memory)
  double a_fc = 0;       // seconds per unit CPI per unit fc scale (FULLY_CONNECTED)
  double layers_s = 0;   // layers / f_clock: seconds per cycle of per-layer overhead
  double measured = 0;   // seconds
  std::string group;     // rows held out together (same board and model)
};

// Cross-core prior: the base profile's per-core factor (in class mode every core's
// efficiency, 1: the class timing relates the cores; in flat mode its prior CPI). The
// fit's "cpi" below is that factor. With sigma > 0 each core's value is shrunk toward
// s * prior[core], s one shared free scale (the engine's efficiency), the deviation costing
// ((cpi - s*prior)/(sigma*s*prior))^2 beside the squared relative residuals: a core with
// few rows leans on the others, a core with none gets s * prior.
struct CorePrior {
  std::map<std::string, double> cpi;  // every core the engine lists
  double sigma = 0;                   // 0: no prior (independent per-core CPIs)
};

struct FitResult {
  std::map<std::string, double> cpi;        // fitted cores (with a prior: every core)
  double fc_scale = 1.0;                    // FIT: FC instruction efficiency, all cores
  double layer_cycles = 0;                  // FIT: fixed cycles per layer invocation
  double prior_scale = 0;                   // FIT: s of CorePrior (0 without a prior)
  std::map<std::string, int> rows;          // rows per fitted core
  std::vector<double> predicted;            // with all rows
  std::vector<double> loo_predicted;        // NAN where the row is its core's only row
};

// Bounds: cpi in [lo, hi]; each core's value is clamped (it has one column, so the
// problem separates by core and clamping is exact).
// k is found by a log-spaced search in [1/4, 4] (refined), the CPIs by linear least
// squares for each k; with no FC time in any row k stays 1.
// fit_layer_overhead adds one shared linear parameter: cycles per layer invocation
// (dispatch and setup outside the kernels' measured instructions), clamped >= 0.
FitResult fit_cpi(const std::vector<Observation>& obs, bool fit_fc_scale,
                  bool fit_layer_overhead = false, double lo = 0.2, double hi = 20.0,
                  const CorePrior& prior = {});

}  // namespace mcusim::cal
