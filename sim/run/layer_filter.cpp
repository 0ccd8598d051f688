#include "sim/run/layer_filter.hpp"

#include <set>

#include "sim/core/error.hpp"

namespace mcusim {

LayerFilter decode_layer_filter(cfg::Section& wl, const cfg::Tree& tree) {
  LayerFilter f;
  wl.allow("layers");
  if (!wl.has("layers")) return f;
  // Section has no list-of-words reader; the node is read from the merged tree.
  const YAML::Node n = tree.root()["workload"]["layers"];
  if (!n.IsSequence() || n.size() == 0)
    wl.fail("layers", "expected a non-empty list of layer names, e.g. [conv_last]");
  std::set<std::string> seen;
  for (const auto& e : n) {
    if (!e.IsScalar() || e.Scalar().empty()) wl.fail("layers", "expected layer names");
    if (!seen.insert(e.Scalar()).second)
      wl.fail("layers", "layer '" + e.Scalar() + "' is listed twice");
    f.names.push_back(e.Scalar());
  }
  f.origin = tree.origin(wl.key_path("layers"));
  return f;
}

std::vector<std::size_t> select_layers(const std::vector<wl::LayerMetrics>& layers,
                                       const LayerFilter& f) {
  std::vector<std::size_t> out;
  if (f.all()) {
    for (std::size_t i = 0; i < layers.size(); ++i) out.push_back(i);
    return out;
  }
  const std::set<std::string> want(f.names.begin(), f.names.end());
  std::set<std::string> found;
  for (std::size_t i = 0; i < layers.size(); ++i)
    if (want.count(layers[i].name)) {
      out.push_back(i);
      found.insert(layers[i].name);
    }
  for (const auto& n : f.names) {
    if (found.count(n)) continue;
    std::string some;
    const std::size_t k = layers.size();
    for (std::size_t i = 0; i < k; ++i)
      if (i < 2 || i + 2 >= k) some += (some.empty() ? "" : ", ") + layers[i].name;
      else if (i == 2) some += ", ...";
    throw InputError(f.origin + ": workload.layers: the model has no layer '" + n + "' (" +
                     std::to_string(k) + " layers: " + some + ")");
  }
  return out;
}

}  // namespace mcusim
