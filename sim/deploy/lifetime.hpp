#pragma once
// Life-time figures: battery life at a given inference rate, and on-chip flash wear
// when a placement writes flash at run time (activation spills to flash).
#include <cstdint>
#include <string>
#include <vector>

namespace mcusim::deploy {

struct BatteryInput {
  double inferences_per_hour = 0;  // 0: no battery figures
  double battery_mah = 0;
  double battery_v = 0;
};

struct BatteryLife {
  bool valid = false;         // inputs given
  bool feasible = true;       // the inferences fit in the hour
  double inferences_per_day = 0;
  double active_s_per_day = 0;
  double inference_j_per_day = 0, sleep_j_per_day = 0, energy_j_per_day = 0;
  double sleep_power_w = 0;   // MCU sleep current x VDD
  double battery_j = 0;
  double days = 0;
  std::string note;
};

// Inference energy as simulated (board rail included); between inferences the MCU
// sleeps at sleep_current x vdd (ASSUMPTION: the rest of the board is power-gated).
BatteryLife battery_life(double latency_s, double energy_j, double sleep_current_a,
                         double vdd_v, const BatteryInput& in);

struct SectorWear {
  int sector = 0;                    // index in address order
  std::uint64_t offset = 0, bytes = 0;  // within the flash
  std::uint64_t written_bytes = 0;   // spill bytes programmed into it per inference
  double erases_per_inference = 0;
};

struct FlashWear {
  bool writes_flash = false;
  std::uint64_t spill_bytes_per_inference = 0;
  std::vector<SectorWear> sectors;   // only the sectors written
  double max_erases_per_inference = 0;
  double inferences_to_endurance = 0;  // 0 when nothing is written
  std::uint64_t endurance_cycles = 0;
  std::string method;
};

// Spills are laid out back to back from `spill_offset` (flash offset after firmware
// and flash constants, as sim/run/plan.cpp does); every sector they touch is erased
// once per inference (erase before write; later spills in the same inference land
// on bytes already erased).
FlashWear flash_wear(std::uint64_t spill_offset, const std::vector<std::uint64_t>& spill_writes,
                     const std::vector<std::uint64_t>& sector_bytes,
                     std::uint64_t endurance_cycles);

}  // namespace mcusim::deploy
