#pragma once
// `mcusim calibrate`: fits an engine profile's free parameters (the cycles per
// instruction of each core) to published measurements by running the simulator on
// each usable row, then writes the fitted profile with its provenance.
#include <string>
#include <vector>

namespace mcusim::cal {

struct CalibrateRequest {
  std::string measurements;  // CSV path
  std::string engine_file;   // base profile (configs/engines/base/<engine>.yaml)
  std::string engine_name;
  std::vector<std::string> boards;  // filter (preset names); empty = all with a preset
  std::string models_dir;    // where model_file names resolve
  std::string output;        // fitted profile YAML
  // A model_specs() id; empty: the base profile's engine.calibrate_model, else
  // select.hpp kDefaultModel.
  std::string model;
  std::string rows_csv;      // optional: every row's predicted against measured, as CSV
};

// Prints the per-row table and the errors to stdout; returns the exit status.
int calibrate(const CalibrateRequest& req);

}  // namespace mcusim::cal
