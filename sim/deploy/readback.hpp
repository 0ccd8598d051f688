#pragma once
// Reads a child run's output files back: summary.json, layers.csv, and the per-layer
// energy by tier, recovered from trace.json (device spans carry their dynamic energy;
// a tier's share of the static power is static_power x the tier's time in layers.csv).
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace mcusim::deploy {

constexpr int kTierCount = 4;  // compute, sram, flash, sd (the order of layers.csv)
extern const char* const kTierNames[kTierCount];

struct LayerData {
  int index = 0;
  std::string name, op, weight_location;
  std::uint64_t macs = 0;
  std::int64_t weight_bytes = 0, input_bytes = 0, output_bytes = 0, working_set = 0;
  double latency_ms = 0, energy_mj = 0;
  std::array<double, kTierCount> tier_ms{}, tier_mj{};
};

struct RunData {
  std::string model, board, engine, fits_reason;
  double latency_ms = 0, energy_mj = 0, avg_power_mw = 0, static_power_mw = 0;
  double sd_requested_hz = 0, sd_actual_hz = 0;
  std::uint64_t macs = 0;
  std::int64_t weights_bytes = 0, peak_sram_bytes = 0, sram_bytes = 0;
  bool fits = false;
  std::array<double, kTierCount> tier_ms{}, tier_mj{};
  std::vector<LayerData> layers;
};

// Throws std::runtime_error naming the file when something is missing or malformed.
RunData read_run(const std::string& dir);
std::vector<LayerData> parse_layers_csv(const std::string& text);
// Adds per-layer tier energy (mJ) from the trace's device spans.
void add_tier_energy(const std::string& trace_json, double static_power_mw,
                     std::vector<LayerData>& layers);

}  // namespace mcusim::deploy
