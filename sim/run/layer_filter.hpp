#pragma once
// `workload.layers: [name, ...]`: simulate only some layers of a model. The selected
// layers keep the metrics, tensor placement and addresses they have in the whole
// model (the plan is made for the full graph, then filtered), so a one-layer run
// costs that layer exactly as it runs inside the full inference. Needed to reproduce
// the paper's §5.1 experiment, which times the last conv layer alone.
#include <cstddef>
#include <string>
#include <vector>

#include "sim/config/section.hpp"
#include "sim/config/tree.hpp"
#include "workloads/metrics.hpp"

namespace mcusim {

struct LayerFilter {
  std::vector<std::string> names;  // empty: every layer
  std::string origin;              // "file:line" of workload.layers, for errors
  bool all() const { return names.empty(); }
};

// Reads the optional key `layers` of the workload section: a non-empty list of
// distinct layer names. Throws InputError (file:line, key) otherwise.
LayerFilter decode_layer_filter(cfg::Section& workload, const cfg::Tree& tree);

// Indices of the selected layers in model order. Throws InputError naming any name
// the model does not have (and a few it does).
std::vector<std::size_t> select_layers(const std::vector<wl::LayerMetrics>& layers,
                                       const LayerFilter& f);

}  // namespace mcusim
