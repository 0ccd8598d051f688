#include "sim/run/weight_reuse.hpp"

#include <algorithm>
#include <map>

namespace mcusim {
namespace {

using Pattern = WeightReuse (*)(const wl::LayerMetrics&);

std::uint64_t pixels_of(const wl::LayerMetrics& m) {
  return static_cast<std::uint64_t>(m.params) > 0 ? m.macs / static_cast<std::uint64_t>(m.params) : 0;
}

WeightReuse once(const wl::LayerMetrics&) { return {}; }

WeightReuse all_weights(const wl::LayerMetrics& m, std::uint64_t passes) {
  if (passes == 0) return {};
  return {static_cast<std::uint64_t>(m.weight_bytes), 1, passes};
}

WeightReuse column_pairs(const wl::LayerMetrics& m) {
  const std::uint64_t n = pixels_of(m);
  return all_weights(m, n > 2 ? (n + 1) / 2 - 1 : 0);
}

WeightReuse pixels(const wl::LayerMetrics& m) {
  const std::uint64_t n = pixels_of(m);
  return all_weights(m, n > 1 ? n - 1 : 0);
}

WeightReuse row_pairs(const wl::LayerMetrics& m) {
  const std::uint64_t n = pixels_of(m);
  if (m.elements == 0 || m.params <= 0 || n <= 2) return {};
  const std::uint64_t cin = m.macs / m.elements;  // 1x1: MACs per output element
  const std::uint64_t cout = cin ? static_cast<std::uint64_t>(m.params) / cin : 0;
  const std::uint64_t bytes_per_weight =
      static_cast<std::uint64_t>(m.weight_bytes) / static_cast<std::uint64_t>(m.params);
  if (cout < 2 || bytes_per_weight == 0) return {};
  return {2 * cin * bytes_per_weight, cout / 2, (n + 1) / 2 - 1};
}

const std::map<std::string, Pattern>& registry() {
  static const std::map<std::string, Pattern> r = {
      {"once", once}, {"column_pairs", column_pairs}, {"pixels", pixels}, {"row_pairs", row_pairs}};
  return r;
}

}  // namespace

const std::vector<std::string>& weight_reuse_patterns() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& kv : registry()) v.push_back(kv.first);
    return v;
  }();
  return names;
}

WeightReuse weight_reuse(const std::string& pattern, const wl::LayerMetrics& m) {
  auto it = registry().find(pattern);
  if (it == registry().end() || m.weight_bytes <= 0) return {};
  return it->second(m);
}

}  // namespace mcusim
