#pragma once
// What `mcusim calibrate` recorded in an engine profile's `engine.provenance`: how many
// measured rows the profile was fitted to (and how many on the run's core) and how well
// it predicted rows held out of its fit. A run reports it beside its prediction, so a
// user sees how far the number has been checked against hardware.
#include <cmath>
#include <string>

namespace YAML {
class Node;
}

namespace mcusim {

struct CalibrationInfo {
  bool calibrated = false;  // the profile carries calibrate's provenance
  int rows = 0;             // measurement rows the fit used
  int core_rows = 0;        // of them, rows on the run's core (0: the cross-core prior)
  double heldout_median = NAN, heldout_worst = NAN;  // |relative error|, board+model held out
};

// Reads provenance.rows_used, provenance.fitted.<core>.rows and
// provenance.latency_loo_group_{median,worst}_abs_err. A provenance without rows_used
// (hand-written) is "not calibrated". Throws InputError naming the key on a malformed one.
CalibrationInfo decode_calibration(const YAML::Node& provenance, const std::string& core);

// One line for the run's table, e.g. "calibration: x-cube-ai fitted to 18 measured rows,
// 8 on cortex-m7; held-out latency error median 10.6 %, worst 26.4 %".
std::string calibration_line(const CalibrationInfo& c, const std::string& engine,
                             const std::string& core);

}  // namespace mcusim
