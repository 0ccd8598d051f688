#pragma once
// A whole graph under one quantization scheme: per weight tensor and per layer stored
// versus unpacked bytes (paper §7: model size on disk is not what the MCU must hold),
// with the unpack and kernel work totals.
#include <cstdint>
#include <string>
#include <vector>

#include "workloads/graph.hpp"
#include "workloads/quant/scheme.hpp"

namespace mcusim::wl::quant {

struct LayerQuant {
  int op = -1;
  std::int64_t weight_stored = 0, weight_unpacked = 0;  // filter only
  std::int64_t bias_bytes = 0;                          // same stored and unpacked
  WorkCounts unpack, kernel;
  std::int64_t stored() const { return weight_stored + bias_bytes; }
  std::int64_t unpacked() const { return weight_unpacked + bias_bytes; }
};

struct QuantSummary {
  std::string scheme;                 // canonical spec
  std::vector<WeightStats> weights;   // one per distinct filter tensor
  std::vector<LayerQuant> layers;     // one per op, graph order (zeros without weights)
  std::int64_t weight_elements = 0, bias_elements = 0;
  std::int64_t weight_stored = 0, weight_unpacked = 0, bias_bytes = 0;
  int synthetic_tensors = 0;          // filters generated because the graph has no data
  WorkCounts unpack, kernel;          // totals
  std::int64_t stored() const { return weight_stored + bias_bytes; }
  std::int64_t unpacked() const { return weight_unpacked + bias_bytes; }
};

// A filter shared by several ops is counted once (at its first op).
QuantSummary quantize_graph(const Graph& g, const QuantScheme& scheme);

}  // namespace mcusim::wl::quant
