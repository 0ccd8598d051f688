#pragma once
// Per-layer metrics (the paper's working set = weights + biases + input + output).
#include <cstdint>
#include <string>
#include <vector>

#include "workloads/graph.hpp"

namespace mcusim::wl {

struct LayerMetrics {
  int index = 0;
  std::string name, type, kernel;
  std::uint64_t macs = 0, elements = 0;
  std::int64_t weight_bytes = 0;  // constant inputs other than the bias
  std::int64_t bias_bytes = 0;
  std::int64_t input_bytes = 0;   // non-constant inputs
  std::int64_t output_bytes = 0;
  std::int64_t params = 0;        // weight elements (not bytes)
  std::int64_t working_set() const {
    return weight_bytes + bias_bytes + input_bytes + output_bytes;
  }
};

// Throws InputError listing every unsupported operator (type and index).
std::vector<LayerMetrics> analyze_graph(const Graph& g);

struct GraphTotals {
  std::uint64_t macs = 0;
  std::int64_t weight_bytes = 0, bias_bytes = 0, params = 0, max_working_set = 0;
};
GraphTotals totals(const std::vector<LayerMetrics>& layers);

}  // namespace mcusim::wl
