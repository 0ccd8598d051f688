#include "sim/deploy/lifetime.hpp"

#include <algorithm>

namespace mcusim::deploy {

BatteryLife battery_life(double latency_s, double energy_j, double sleep_current_a,
                         double vdd_v, const BatteryInput& in) {
  BatteryLife b;
  if (in.inferences_per_hour <= 0 || in.battery_mah <= 0 || in.battery_v <= 0) return b;
  b.valid = true;
  b.sleep_power_w = sleep_current_a * vdd_v;
  const double per_day = in.inferences_per_hour * 24;
  b.inferences_per_day = per_day;
  b.active_s_per_day = per_day * latency_s;
  b.feasible = in.inferences_per_hour * latency_s <= 3600;
  const double active = std::min(b.active_s_per_day, 86400.0);
  b.inference_j_per_day = per_day * energy_j;
  if (!b.feasible) b.inference_j_per_day = energy_j * (86400.0 / latency_s);
  b.sleep_j_per_day = b.sleep_power_w * (86400.0 - active);
  b.energy_j_per_day = b.inference_j_per_day + b.sleep_j_per_day;
  b.battery_j = in.battery_mah * 1e-3 * 3600 * in.battery_v;
  b.days = b.energy_j_per_day > 0 ? b.battery_j / b.energy_j_per_day : 0;
  b.note = b.feasible ? "inference energy as simulated (board rail included); sleep: MCU "
                        "sleep current x VDD, rest of the board assumed power-gated"
                      : "the requested rate does not fit in an hour: running back to back";
  return b;
}

FlashWear flash_wear(std::uint64_t spill_offset, const std::vector<std::uint64_t>& spill_writes,
                     const std::vector<std::uint64_t>& sector_bytes,
                     std::uint64_t endurance_cycles) {
  FlashWear w;
  w.endurance_cycles = endurance_cycles;
  w.method = "computed from the placement's spill bytes per inference and the flash sector "
             "map (the run outputs do not expose the flash device's erase counters)";
  std::vector<std::uint64_t> written(sector_bytes.size(), 0);
  std::uint64_t at = spill_offset;
  for (std::uint64_t n : spill_writes) {
    w.spill_bytes_per_inference += n;
    std::uint64_t start = 0;
    for (std::size_t s = 0; s < sector_bytes.size() && n > 0; ++s) {
      const std::uint64_t end = start + sector_bytes[s];
      if (at < end && at + n > start) {
        const std::uint64_t lo = std::max(at, start), hi = std::min(at + n, end);
        written[s] += hi - lo;
      }
      start = end;
    }
    at += n;
  }
  std::uint64_t start = 0;
  for (std::size_t s = 0; s < sector_bytes.size(); ++s) {
    if (written[s] > 0) {
      SectorWear sw;
      sw.sector = static_cast<int>(s);
      sw.offset = start;
      sw.bytes = sector_bytes[s];
      sw.written_bytes = written[s];
      sw.erases_per_inference = 1;
      w.sectors.push_back(sw);
      w.max_erases_per_inference = std::max(w.max_erases_per_inference, 1.0);
    }
    start += sector_bytes[s];
  }
  w.writes_flash = w.spill_bytes_per_inference > 0;
  if (w.max_erases_per_inference > 0)
    w.inferences_to_endurance = static_cast<double>(endurance_cycles) / w.max_erases_per_inference;
  return w;
}

}  // namespace mcusim::deploy
