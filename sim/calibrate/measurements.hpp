#pragma once
// Published end-to-end measurements (the columns of
// ../shared/calibration/measurements.csv) that engine profiles are fitted to.
#include <cmath>
#include <string>
#include <vector>

namespace mcusim::cal {

struct Measurement {
  std::string id, board, core, benchmark, model_file, engine, supply_notes;
  double clock_mhz = 0, latency_ms = 0;
  double energy_uj = NAN;  // absent when the row has no energy run
  double supply_v = NAN;   // parsed from supply_notes ("Operating at 1.8V"), if stated
  std::string bank_mode;   // "single"/"dual" from "Single/Dual Bank Mode Activated", if stated
};

// Throws InputError naming the file, line and column for a malformed file.
std::vector<Measurement> read_measurements(const std::string& path);

// "Nucleo-L4R5ZI" -> "nucleo-l4r5zi" (board preset naming).
std::string preset_name_of(const std::string& board);

}  // namespace mcusim::cal
