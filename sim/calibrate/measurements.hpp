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

// Where a measurements file's model_file names resolve when --models-dir is not given:
// <file's dir>/../models (the layout of ../shared/calibration), else the project's
// ../shared/models (e.g. for configs/measurements/).
std::string default_models_dir(const std::string& measurements);

// The model a row names, under models_dir (or a zoo:NAME as it is); an InputError naming
// the row and the path, and how to point elsewhere, if the file is not there.
std::string row_model_path(const Measurement& m, const std::string& models_dir);

// "Nucleo-L4R5ZI" -> "nucleo-l4r5zi" (board preset naming).
std::string preset_name_of(const std::string& board);

}  // namespace mcusim::cal
