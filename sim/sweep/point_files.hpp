#pragma once
// Reads what the sweep keeps from one finished `mcusim run`: summary.json fields as
// their exact text (so results.csv repeats the run's own digits, whatever the host) and
// per-layer latency/energy from layers.csv.
#include <string>
#include <utility>
#include <vector>

namespace mcusim::sweep {

struct Field {
  std::string name;   // dotted path: "breakdown.sd.time_ms"
  std::string value;  // JSON text: 12.5, true, "text" (quotes kept for strings)
  bool numeric() const { return !value.empty() && value[0] != '"'; }
};

struct LayerValues {
  std::string name, latency_ms, energy_mj;
};

// Throws InputError when the file is missing or not in JsonWriter's layout.
std::vector<Field> read_summary_fields(const std::string& path);
std::vector<LayerValues> read_layer_values(const std::string& path);

}  // namespace mcusim::sweep
