#pragma once
// A kernel library's cost profile (configs/engines/*.yaml): instructions per MAC,
// per output element and per call for each MAC kernel class, per-element costs for
// the other operators, and the cycles per instruction of each core.
#include <map>
#include <string>
#include <vector>

#include "sim/config/section.hpp"
#include "workloads/metrics.hpp"

namespace mcusim {

struct KernelCost {
  double per_mac = 0, per_output = 0, per_call = 0;
};
struct ElementCost {
  double per_element = 0, per_call = 0;
};

struct EngineProfile {
  std::string name;
  double cpi = 1.0;                            // for the selected core
  std::map<std::string, KernelCost> kernels;   // MAC kernels for the selected core
  std::map<std::string, ElementCost> elementwise;
  // Substrings of measurements.csv engine names this profile models (calibration).
  std::vector<std::string> matches;
  // FIT: per-kernel-class efficiency multiplying the instruction model (calibrate).
  std::map<std::string, double> kernel_scale;
  // Instructions per named quantization work count (workloads/quant), for
  // workload.quant; ESTIMATES from the kernels' loop bodies unless calibrated.
  std::map<std::string, double> quant_costs;
  // FIT: fixed cycles per layer invocation (dispatch, parameter setup) outside the
  // kernels' measured instructions; added after the CPI scaling.
  double per_layer_cycles = 0;

  // Core cycles the layer's kernel executes (compute only, no memory stalls).
  std::uint64_t cycles(const wl::LayerMetrics& m) const;
};

// Decodes `engine:` for the given core ("cortex-m7"); other cores' entries are
// validated too, so a typo anywhere in the file is an error.
EngineProfile decode_engine(cfg::Section engine, const std::string& core);

}  // namespace mcusim
