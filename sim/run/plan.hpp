#pragma once
// Where each layer's tensors live and at which addresses: the bridge from the
// workload's memory plan and placement to the lowering.
#include <string>
#include <vector>

#include "sim/run/devices.hpp"
#include "sim/run/lowering.hpp"
#include "sim/run/run_config.hpp"
#include "workloads/graph.hpp"
#include "workloads/metrics.hpp"

namespace mcusim {

// The µSD card is reached through this bus window (card byte address = offset).
constexpr std::uint64_t kSdWindowBase = 0x60000000ULL;
constexpr std::uint64_t kSramWindow = 0x10000000ULL;   // bus window sizes (see runner.cpp)
constexpr std::uint64_t kFlashWindow = 0x08000000ULL;

struct ModelPlan {
  std::vector<LayerPlan> layers;
  AddressMap map;
  std::int64_t peak_sram_bytes = 0;  // arena size of the memory plan
  bool fits = false;
  std::string fits_reason;
};

ModelPlan plan_model(const wl::Graph& g, const std::vector<wl::LayerMetrics>& layers,
                     const BoardInfo& board, const PlacementParams& placement,
                     const DeviceSet& dev);

}  // namespace mcusim
