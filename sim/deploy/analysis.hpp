#pragma once
// What deploy learns without simulating: the model's layers and best operator order,
// and per board the memory sizes, the placement the run will use (same inputs as
// sim/run/plan.cpp), whether it fits as is, and the flash sector map.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/deploy/lifetime.hpp"
#include "sim/run/assemble.hpp"
#include "workloads/graph.hpp"
#include "workloads/metrics.hpp"
#include "workloads/placement/placement.hpp"
#include "workloads/planner/reorder.hpp"

namespace mcusim::deploy {

struct ModelStatic {
  std::string spec;
  wl::Graph graph;
  std::vector<wl::LayerMetrics> metrics;
  wl::ReorderResult reorder;
};

// Loads "zoo:NAME" or a .tflite path and analyses it; throws InputError (exit 2), e.g.
// for unsupported operators.
ModelStatic analyze_model(const std::string& spec);

struct BoardStatic {
  std::string preset, name, mcu, core, policy;
  double sysclk_hz = 0, vdd_v = 0, sleep_current_a = 0, sd_requested_hz = 0;
  std::uint64_t sram_bytes = 0, flash_bytes = 0, firmware_bytes = 0, endurance = 0;
  std::vector<std::uint64_t> sectors;
  std::int64_t weights_bytes = 0;     // all constants
  std::int64_t arena_as_is = 0;       // planned arena (+ SRAM constants) with no spills
  bool sram_fits_as_is = false, flash_fits_as_is = false;
  wl::Placement placement;            // the placement the run uses
  bool reorder_helps = false;         // a strictly lower live peak exists
  wl::PlacementTotals reordered;      // placement with the best order
  bool reordered_fits = false;
  std::string reordered_reason;
  FlashWear wear;
};

BoardStatic analyze_board(const ModelStatic& m, const RunRequest& req);

}  // namespace mcusim::deploy
