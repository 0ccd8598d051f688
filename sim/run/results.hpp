#pragma once
// The run's results as plain data, and the writers of the run contract files.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/platform/ledger.hpp"
#include "sim/run/engine_calibration.hpp"
#include "sim/run/lowering.hpp"
#include "workloads/metrics.hpp"

namespace mcusim {

struct LayerRow {
  wl::LayerMetrics m;
  std::string weight_location;
  double latency_s = 0, energy_j = 0;
  std::array<double, kTiers> tier_s{}, tier_j{};
};

struct RunSummary {
  std::string model, board, engine;
  double latency_s = 0, energy_j = 0;
  std::uint64_t macs = 0;
  std::int64_t weights_bytes = 0, peak_sram_bytes = 0, sram_bytes = 0;
  bool fits = false;
  std::string fits_reason;
  std::array<double, kTiers> tier_s{}, tier_j{};
  double sd_requested_hz = 0, sd_actual_hz = 0;
  double static_power_w = 0;
  std::string core;
  CalibrationInfo calibration;  // the engine profile's calibrate record for `core`
};

std::string summary_json(const RunSummary& s);
std::string layers_csv(const std::vector<LayerRow>& rows);
std::string power_csv(const Ledger& ledger, double rate_hz, ps_t end);
std::string trace_json(const Ledger& ledger, const std::vector<LayerRow>& rows,
                       const std::vector<std::pair<ps_t, ps_t>>& layer_spans);
std::string layer_table(const std::vector<LayerRow>& rows, const RunSummary& s);

}  // namespace mcusim
